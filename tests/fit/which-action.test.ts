/**
 * « Quelle action du schéma peut soutenir une recyclerie qui veut embaucher ? »: which of the schema's actions fits a
 * structure described with what it wants is the agents' question of fit, read as a project whatever need its words
 * name; a question about the schema's actions that describes nobody stays a question. Wordings written for this test.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject } from "../../src/fit/detect.js";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { sharedRuntime } from "../answer/helpers.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const describes = (text: string) => describesProject(text, projectFeatures(text, links));
const t = sharedRuntime();

describe("which action of the schema fits a structure described", () => {
  it("is a project to orient, asked by an agent or by nobody in particular", () => {
    expect(describes("Quelle action du schéma peut soutenir une recyclerie associative qui veut embaucher ?")).toBe(true);
    expect(describes("Je suis agent au Département : quelle mesure du schéma pour une crèche parentale qui souhaite s'agrandir ?")).toBe(true);
    expect(describes("Which measure of the ESS plan could help a cooperative that wants to open a second shop?")).toBe(true);
  });
  it("is not a question about the schema's actions that describes nobody", () => {
    expect(describes("Quelle action du schéma concerne les achats responsables du Département ?")).toBe(false);
    expect(describes("Quelles mesures du schéma ont déjà été lancées en 2024 ?")).toBe(false);
  });
  it("gets a project-fit answer with a route, not a paragraph about the Département's powers", async () => {
    const r = await t.runtime.assistant.ask("Quelle action du schéma peut soutenir une recyclerie associative qui veut embaucher ?", { audience: "agent" });
    expect(r.fit?.length, r.text).toBeGreaterThan(0);
    expect(r.route?.process).toBeDefined();
    expect(r.text).not.toMatch(/ne fait pas partie des compétences obligatoires/);
  });
});
