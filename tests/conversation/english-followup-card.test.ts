/**
 * An English follow-up is answered in English by the card of its topic's documents that fits it (its answer_en), as a
 * first question asked in English is: not by French passages under a note that the sources are in French.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();
const FRENCH_NOTE = /sources I rely on are in French/;

describe("an English follow-up and its topic's card", () => {
  it("answers the ESUS decision time in English", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What does the ESUS approval mean for a cooperative?");
    const r = await c.say("how long is the waiting time for a decision?");
    expect(r.refused).toBe(false);
    expect(r.text).not.toMatch(FRENCH_NOTE);
    expect(r.text).toMatch(/2 months/);
    expect(r.sources.map((s) => s.id)).toContain("agrement-esus");
  });

  it("answers whether the DLA costs anything in English", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What is the DLA?");
    const r = await c.say("is it free of charge?");
    expect(r.refused).toBe(false);
    expect(r.text).not.toMatch(FRENCH_NOTE);
    expect(r.text).toMatch(/free/);
  });

  it("keeps answering a French follow-up in French after an English question", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Tell me about the ESUS approval");
    const r = await c.say("ok et le délai de réponse ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/2 mois/);
  });
});
