/**
 * A budget asked by itself after a topic (« et le budget de cet axe ? », "and its budget?") asks a sum: a reply from the
 * topic's documents that gives none (the axis's description) is no answer and the question is refused, while a topic
 * whose budget is published keeps its answer. The scheme's overall money asked in other words (« how much money … in
 * total? ») is refused too. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a budget asked by itself in a conversation", () => {
  it("is refused when the topic's documents give no sum", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quelle action du schéma porte sur la promotion de l'ESS ?");
    const r = await c.say("ok, et le budget de cet axe ?");
    expect(r.refused, r.text).toBe(true);
  });

  it("the scheme's overall money asked in other words, in English, is refused", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("When was the Gard's ESS plan voted?");
    await c.say("Was the vote unanimous?");
    const r = await c.say("and how much money does it get in total?");
    expect(r.refused, r.text).toBe(true);
  });

  it("the call for commons' money asked in total is answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'appel à communs du Gard, ça sert à quoi ?");
    const r = await c.say("et y a combien d'argent en tout ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/250 000/);
  });

  it("is answered with the sum when the topic's budget is published", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'appel à communs du Département ?");
    const r = await c.say("et son budget ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/250 000/);
  });
});
