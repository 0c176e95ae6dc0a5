/**
 * A bare aspect with the unit it is reckoned in (« montant max par projet ? », "ceiling per project?") names no subject of
 * its own: it asks the ceiling of the scheme just spoken of, not of another scheme whose card speaks of a per-project
 * amount. Wordings written for this test, none taken from an evaluation set; near-misses keep their answers.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("an aspect per unit, after a scheme", () => {
  it("asks the regional pass's ceiling, in French and in English", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Pass Occitanie, ça s'adresse à qui ?");
    const r = await c.say("montant max par projet ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.route?.process).toBe("region-occitanie");
    expect(r.text).toMatch(/40 000/);
    const e = conversation(core.runtime.assistant);
    await e.say("What is the Pass Occitanie?");
    const en = await e.say("ceiling per project?");
    expect(en.refused, en.text).toBe(false);
    expect(en.text).toMatch(/40[ ,]?000/);
    expect(en.sources.map((s) => s.id)).not.toContain("appel-a-communs");
  });

  it("still refuses the commons call's unpublished ceiling per project", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'appel à communs, c'est quoi ?");
    const r = await c.say("plafond par projet ?");
    expect(r.refused, r.text).toBe(true);
  });
});
