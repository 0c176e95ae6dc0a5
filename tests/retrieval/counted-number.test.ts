/**
 * « les 4 axes », "the 4 axes": a number between a plural determiner and a plural noun counts things; it is searched
 * as the word the documents write, so that it does not draw the thing numbered 4 (« l'axe 4 »).
 */
import { describe, expect, it } from "vitest";
import { countAsWord } from "../../src/retrieval/normalize.js";
import { sharedRuntime } from "../answer/helpers.js";

describe("a counted number in a question", () => {
  it("is written as a word between a plural determiner and a plural noun", () => {
    expect(countAsWord("quels sont les 4 axes du schema ?")).toBe("quels sont les quatre axes du schema ?");
    expect(countAsWord("what are the 3 steps?")).toBe("what are the three steps?");
    expect(countAsWord("et ses 2 antennes ?")).toBe("et ses deux antennes ?");
  });
  it("stays a digit when it names one thing, is no count of a plural, or has no word", () => {
    for (const q of ["l'axe 4 dit quoi ?", "la mesure 3 du schema", "les 4 et 5 mars", "en 2024 les actions", "les 39 actions du plan"])
      expect(countAsWord(q)).toBe(q);
  });
  const t = sharedRuntime({ llm: null });
  it("finds the list, not the fourth item", async () => {
    const rt = t.runtime;
    const listed = await rt.answerer.ask("C'est quoi les 4 axes du schéma ESS ?", { audience: "porteur" });
    expect(listed.text).toMatch(/coopérations/i);
    expect(listed.text).toMatch(/innovation sociale/i);
    const one = await rt.answerer.ask("Et l'axe 4, il porte sur quoi ?", { audience: "porteur" });
    expect(one.text).toMatch(/innovation sociale/i);
    expect(one.text).not.toMatch(/promouvoir l'ESS/i);
  });
});
