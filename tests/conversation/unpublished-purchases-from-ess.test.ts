/**
 * What the Département buys from ESS organisations, asked as a follow-up of its procurement scheme or of its total
 * purchases, is not published (only the total and the share of its Gard suppliers are): refused, while the scheme's
 * published facts asked the same way keep their answer. The SPASER's budget, asked by itself after it, is refused too.
 * Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("purchases from ESS organisations asked in a conversation", () => {
  it("after the SPASER, the amount bought from ESS organisations is refused", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi le SPASER du Gard ?");
    const r = await c.say("et il achète combien auprès des structures de l'ESS ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.text).not.toMatch(/443|143/);
  });

  it("after the total purchases, the share from ESS organisations is refused", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Combien le Département achète-t-il chaque année ?");
    expect(first.refused, first.text).toBe(false);
    const r = await c.say("et auprès des structures de l'ESS, combien ?");
    expect(r.refused, r.text).toBe(true);
  });

  it("after the SPASER, its budget asked by itself is refused", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi le SPASER du Gard ?");
    const r = await c.say("et son budget ?");
    expect(r.refused, r.text).toBe(true);
  });

  it("after the SPASER, the total bought each year stays answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi le SPASER du Gard ?");
    const r = await c.say("il achète pour combien chaque année, en gros ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/443|143/);
  });

  it("after the buyers' training, what the ESS month offered them stays answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département forme-t-il ses acheteurs à l'ESS ?");
    await c.say("combien d'acheteurs ont suivi la formation ?");
    const r = await c.say("d'accord. Et pendant le Mois de l'ESS 2025, qu'y avait-il pour les agents des collectivités ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).not.toMatch(/faits auprès de structures de l'ESS/);
  });

  it("after the SPASER, whether it is compulsory stays answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi le SPASER du Gard ?");
    const r = await c.say("c'est obligatoire ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/50 millions/);
  });
});
