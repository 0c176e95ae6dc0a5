/**
 * No fact twice: a sentence of another document that adds no figure and no rare word to
 * what the answer already says is left out, and its document is cited beside the one that
 * said it; a sentence that adds a figure or a name is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractAnswer } from "../../src/answer/extractive.js";
import type { Hit } from "../../src/retrieval/retriever.js";
import { partnerChunk, testRuntime, type TestRuntime } from "./helpers.js";

let t: TestRuntime;
beforeAll(async () => {
  t = await testRuntime({ llm: null });
});
afterAll(async () => {
  await t?.close();
});

const chunk = partnerChunk;
const LEAD = chunk("graine-a", "La coopérative Graine d'avenir accompagne les maraîchers du Gard depuis 2015 dans la vente de leurs légumes.");
const answerWith = (other: string) => {
  const question = "Que fait la coopérative Graine d'avenir pour les maraîchers du Gard ?";
  const hits: Hit[] = [
    { chunk: LEAD, score: 1, coverage: 0.9 },
    { chunk: chunk("graine-b", other), score: 0.9, coverage: 0.9 },
  ];
  return extractAnswer(t.runtime.retriever, t.runtime.retriever.analyzeQuery(question), question, hits);
};

describe("a fact said twice by two documents", () => {
  it("the second document's sentence that says it again is left out, and that document is cited with the first", () => {
    const e = answerWith("Graine d'avenir est une structure de l'ESS qui aide les maraîchers du Gard depuis 2015.");
    expect(e.text).not.toMatch(/structure de l'ESS/);
    expect(e.text).toMatch(/légumes\. \[1\]\[2\]$/);
    expect(e.used.map((h) => h.chunk.docId)).toEqual(["graine-a", "graine-b"]);
  });

  it("a sentence that adds a figure is kept, as its own paragraph", () => {
    const e = answerWith("Graine d'avenir est une structure de l'ESS qui aide 40 maraîchers du Gard depuis 2015.");
    expect(e.text).toMatch(/40 maraîchers/);
    expect(e.text).toMatch(/\[2\]$/);
  });

  it("a figure written in words counts as a figure (« dix »)", () => {
    const e = answerWith("Graine d'avenir est une structure de l'ESS qui aide dix maraîchers du Gard depuis 2015.");
    expect(e.text).toMatch(/dix maraîchers/);
  });

  it("a sentence that adds a rare word (a place) is kept", () => {
    const e = answerWith("Graine d'avenir est une structure de l'ESS qui aide les maraîchers du Gard depuis 2015, à Sommières.");
    expect(e.text).toMatch(/Sommières/);
  });
});
