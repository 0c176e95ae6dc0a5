/**
 * A follow-up asking a sum in words other than « combien » (« et pour quels montants ? », "what amounts?") is answered
 * only by a reply that gives one (euros, a share, free, or not published): the topic's passages describing what is done,
 * without any figure, are no answer to it, and it is refused and handed to a person. One the topic's documents answer
 * with a sum is answered. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { asksSum, givesAmount } from "../../src/answer/cards.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a sum asked by a follow-up", () => {
  it("is read in several wordings, and given by euros, a share or « non publié »", () => {
    expect(asksSum("et pour quels montants ?")).toBe(true);
    expect(asksSum("c'est quoi le montant ?")).toBe(false);
    expect(asksSum("quelle somme exactement ?")).toBe(true);
    expect(givesAmount("Le Département soutient les réseaux par des conventions pluriannuelles. [1]")).toBe(false);
    expect(givesAmount("250 000 € par an sont réservés à l'ensemble des communs. [1]")).toBe(true);
    expect(givesAmount("Le montant par projet n'est pas publié. [1]")).toBe(true);
    // « n'est pas publié » said of something else than a sum gives none
    expect(givesAmount("Ces actions s'y rattachent, mais le rattachement officiel n'est pas publié. [1]")).toBe(false);
    expect(givesAmount("Les sommes versées à chaque structure ne sont pas publiées. [1]")).toBe(true);
  });

  it("is refused when the topic's documents only describe what is done", async () => {
    for (const q of ["et ça concerne quels acteurs, avec quels montants ?", "quels acteurs, pour quels montants ?"]) {
      const c = conversation(core.runtime.assistant);
      await c.say("Quels sont les axes du schéma ESS du Gard ?");
      await c.say("et l'axe 3, concrètement ?");
      const r = await c.say(q);
      expect(r.refused, `${q} → ${r.text}`).toBe(true);
    }
  });

  it("is answered when the topic's documents give the sum", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'appel à communs du Gard ?");
    const r = await c.say("et le Département y met quelle somme chaque année ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/250 000/);
  });
});
