/**
 * « sauter » for « être annulé » (knowledge/lexique/familier.yaml), written for this test: a workshop that « a sauté »
 * was cancelled, while « sauter le pas » keeps its meaning.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../src/retrieval/analyzer.js";
import { Lexicon } from "../../src/retrieval/normalize.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

const lexicon = Lexicon.load(KNOWLEDGE_DIR);
const read = (q: string) => lexicon.apply(fold(q));

describe("« sauter » as « être annulé »", () => {
  it("reads a cancelled event in everyday words", () => {
    expect(read("Un des ateliers a sauté à cause de la météo ?")).toContain("a ete annule");
    expect(read("les rencontres qui ont sauté, c'était lesquelles ?")).toContain("ont ete annules");
    expect(read("il avait sauté, cet atelier ?")).toContain("avait ete annule");
  });
  it("keeps « sauter le pas » (to take the plunge)", () => {
    expect(read("Notre asso a sauté le pas et est devenue une SCOP")).toContain("franchi le pas");
    expect(read("Notre asso a sauté le pas et est devenue une SCOP")).not.toContain("annule");
  });
});
