/**
 * Where the Département receives the public (its « antennes », « bureaux », "local offices"), asked by nobody in particular,
 * is a question about its offices, not a project to orient, even when it names a commune and a kind of structure.
 * The writer's own project that asks where to talk about it stays a project.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject } from "../../src/fit/detect.js";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const describes = (text: string) => describesProject(text, projectFeatures(text, links));

describe("the Département's offices", () => {
  it("asked by nobody in particular, are a question", () => {
    expect(describes("Est-ce que le Département a des bureaux ailleurs qu'à Nîmes pour qu'une asso d'Alès vienne se renseigner ?")).toBe(false);
    expect(describes("Existe-t-il des antennes du Département près du Vigan où une coopérative peut poser ses questions ?")).toBe(false);
    expect(describes("Does the Département have local offices outside Nîmes where an association can get information?")).toBe(false);
  });
  it("near miss: the writer's own project asking where to talk about it is still a project", () => {
    expect(describes("Notre association à Alès veut créer une épicerie solidaire, où trouver une antenne du Département pour en parler ?")).toBe(true);
    expect(describes("Une association d'Alès veut ouvrir une recyclerie avec deux autres structures, quel accompagnement ?")).toBe(true);
  });
});
