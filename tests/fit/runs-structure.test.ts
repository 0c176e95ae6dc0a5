/**
 * A one-question message from someone who says which structure they run, with a fact and a need, asked of an actor
 * (src/fit/detect.ts): a described project, not a question about the schema. New wordings.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject } from "../../src/fit/detect.js";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const describes = (text: string) => describesProject(text, projectFeatures(text, links));

describe("the structure the writer runs, asked in one question", () => {
  it("« nous gérons une ressourcerie à Bagnols, le département aide les emplois en insertion ? » describes a project", () => {
    expect(describes("nous gerons une ressourcerie a bagnols sur ceze avec des salaries en insertion, le departement aide ces emplois ?")).toBe(true);
    expect(describes("on a une epicerie solidaire a vauvert, est ce que la region ou le departement finance un camion frigo ?")).toBe(true);
  });

  it("the same words without a structure run by the writer, or as a statement, stay a question", () => {
    expect(describes("est ce que le departement finance les chantiers d insertion a bagnols sur ceze ?")).toBe(false);
    expect(describes("on a une epicerie solidaire a vauvert et le departement a finance un camion frigo.")).toBe(false);
  });
});
