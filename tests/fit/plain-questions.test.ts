/**
 * A single question asked for nobody that asks what happened at a past event is a plain question, not a project to orient (src/fit/detect.ts); someone who speaks of their own project, or someone described
 * with what they want, keeps the project reading. New wordings.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject } from "../../src/fit/detect.js";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const describes = (text: string) => describesProject(text, projectFeatures(text, links));

describe("plain questions that name a kind of structure", () => {
  it("what happened at a past event is a question", () => {
    expect(describes("Quelles associations étaient présentes aux rencontres du mécénat de 2022 à Alès ?")).toBe(false);
    expect(describes("Quels financeurs ont participé à la rencontre des fondations de Nîmes en 2021 ?")).toBe(false);
  });

  it("the writer's own project, or someone described with what they want, is still a project", () => {
    expect(describes("On voudrait tester notre projet d'asso à Alès avant de la créer, il y a une subvention ?")).toBe(true);
    expect(describes("Une association d'Uzès cherche à financer un local pour son épicerie solidaire, il existe une aide ?")).toBe(true);
    expect(describes("Nous sommes une SCOP à Nîmes qui veut embaucher deux salariés en insertion, quel dispositif ?")).toBe(true);
  });
});
