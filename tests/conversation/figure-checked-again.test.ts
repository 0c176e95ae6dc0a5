/**
 * A follow-up that puts up a figure for checking (« c'est pas 7 plutôt ? », « c'est bien 10 ans ? », « 15 000 € max,
 * c'est ça ? ») checks what was just said: it is answered by the card the topic was answered with, led by « Non : » or
 * « Oui : », not by another passage of the topic's documents. Wordings written for this test, none taken from an
 * evaluation set; a follow-up asking something new still gets something new.
 */
import { describe, expect, it } from "vitest";
import { checksFigure, figuresOf } from "../../src/answer/premise.js";
import { conversation, sharedCore } from "./helpers.js";

describe("a figure put up for checking", () => {
  it("is one figure of a yes/no question; a bare number put up is a count of anything", () => {
    expect(checksFigure("c'est pas 7 plutôt ?")).toBe(true);
    expect(checksFigure("il y a 12 membres, c'est ça ?")).toBe(true);
    expect(figuresOf("c'est pas 7 plutôt ?")).toEqual([{ value: 7, kind: "n:?" }]);
    expect(checksFigure("et combien de communes ?")).toBe(false);
    expect(checksFigure("quels sont les 5 axes ?")).toBe(false);
    // a new question naming a figure checks nothing
    expect(checksFigure("et au-delà de 40 000 € ?")).toBe(false);
    expect(checksFigure("et le bilan 2026, vous l'avez ?")).toBe(false);
  });
});

const core = sharedCore();

describe("checked against what was just said", () => {
  it.each([
    ["Le SPASER du Gard compte combien d'axes ?", "c'est pas 7 plutôt ?", /^Non : .*\b5 axes/],
    ["L'agrément ESUS est donné pour combien de temps ?", "c'est bien 10 ans ?", /^Non : .*5 ans/],
    ["Initiative Gard prête jusqu'à combien ?", "ok donc 15 000 € max c'est ça ?", /^Non : .*40 000/],
  ])("after « %s », « %s » is settled", async (first, then, expected) => {
    const c = conversation(core.runtime.assistant);
    await c.say(first);
    const r = await c.say(then);
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(expected);
  });

  it("the figure that was said is not contradicted", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de quartiers prioritaires dans le Gard ?");
    const r = await c.say("c'est bien 17 ?");
    expect(r.text).toMatch(/17/);
    expect(r.text).not.toMatch(/^Non/);
  });

  it("a follow-up asking something new still gets something new", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de quartiers prioritaires dans le Gard ?");
    const r = await c.say("et combien d'habitants y vivent ?");
    expect(r.text).toMatch(/73 900|77 683/);
  });
});
