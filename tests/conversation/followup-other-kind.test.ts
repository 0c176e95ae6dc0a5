/**
 * A follow-up asking another kind of thing than the date or sum the previous question asked (« il a été voté quand ? »
 * then « et il s'organise comment ? ») goes on with that question's subject only: the date it asked draws no answer.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();
const SOCIAL_PLAN = "schema-solidarites-sociales";

/**
 * The documents a reply's paragraphs come from (the first citation mark of each): another document cited after it in the
 * same paragraph only says the same thing again (see `saysAgain` in src/answer/extractive.ts).
 */
function leadingSources(r: { text: string; sources: { id: string }[] }): (string | undefined)[] {
  return r.text.split(/\n\s*\n/).flatMap((p) => {
    const m = /\[(\d+)\](?:\[\d+\])*\s*$/.exec(p);
    return m ? [r.sources[Number(m[1]) - 1]?.id] : [];
  });
}

describe("a follow-up asking another kind of thing than the date asked before", () => {
  it("answers how the plan is organised from that plan, not a definition of plans", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("le schéma des solidarités sociales a été adopté en quelle année ?");
    const r = await c.say("c'est organisé comment ?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toBe(SOCIAL_PLAN);
    expect(r.text).toMatch(/âges de la vie/);
  });

  it("answers what the plan holds from that plan, not from the ESS schema's vote", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("schéma solidarités sociales voté quand svp");
    const r = await c.say("ok et ya quoi dedans ?");
    expect(r.refused).toBe(false);
    expect(r.sources.map((s) => s.id)).toContain(SOCIAL_PLAN);
  });

  it("answers in the plan's own documents when asked in English", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("When was the social solidarity plan of the Gard voted?");
    const r = await c.say("how is it organised?");
    expect(r.refused).toBe(false);
    expect(leadingSources(r).length).toBeGreaterThan(0);
    expect(leadingSources(r).every((id) => id === SOCIAL_PLAN)).toBe(true);
  });

  it("answers in the plan's own documents in an agent's words", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("Le schéma des solidarités sociales date de quand ?");
    const r = await c.say("et il s'organise comment ?");
    expect(r.refused).toBe(false);
    expect(leadingSources(r).length).toBeGreaterThan(0);
    expect(leadingSources(r).every((id) => id === SOCIAL_PLAN)).toBe(true);
  });
});
