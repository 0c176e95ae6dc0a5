/**
 * « en » standing for the things just spoken of (« y en a combien dans le Gard ? », « il y en a combien ? ») goes on with the
 * topic: the territory every question is asked in (« dans le Gard ») names no subject of its own, while a question naming
 * what it counts (« … de ces quartiers ? ») or a name (« Gard centrale ») asks of that. Wordings written for this test.
 */
import { describe, expect, it } from "vitest";
import { COUNTED_BY_EN, givesAsked } from "../../src/answer/asked-quantity.js";
import { sharedCore } from "./helpers.js";

const core = sharedCore();

describe("« en » counting the topic's things", () => {
  it("reads « y en a », « combien en existe-t-il »", () => {
    for (const q of ["y en a combien dans le gard ?", "il y en a combien en tout ?", "combien en existe-t-il ?"]) expect(COUNTED_BY_EN.test(q), q).toBe(true);
    for (const q of ["combien ça coûte ?", "on en parle où ?", "il y a combien de communes ?"]) expect(COUNTED_BY_EN.test(q), q).toBe(false);
  });
  it("asks a count, not a price: « gratuit » is no answer", () => {
    expect(givesAsked("number", "il y en a combien dans le Gard ?", "C'est gratuit pour la structure.")).toBe(false);
    expect(givesAsked("number", "c'est combien ?", "C'est gratuit pour la structure.")).toBe(true);
  });
  it("goes on with the topic, the Gard named or not", async () => {
    const a = core.runtime.answerer;
    expect(await a.contextualize("il y en a combien dans le Gard ?", "C'est quoi une coopérative d'activité et d'emploi ?")).toMatch(/coopérative/);
    expect(await a.contextualize("y en a combien ?", "Les SCIC, c'est quoi ?")).toMatch(/SCIC/);
  });
  it("a question naming what it counts, or a name, asks of that", async () => {
    const a = core.runtime.answerer;
    expect(await a.contextualize("il y en a combien dans le Gard, de ces quartiers prioritaires ?", "Notre local est à Pissevin, c'est un QPV ?")).toBe(
      "il y en a combien dans le Gard, de ces quartiers prioritaires ?",
    );
  });
});
