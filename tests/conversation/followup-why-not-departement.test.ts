/**
 * A follow-up asking why the Département does not give a company's aid itself, after the Region's aid was named, is
 * answered with the reason (loi NOTRe), by the card rep-pourquoi-region-pas-departement; a why about what the
 * Département does fund (the ESS, associations) keeps its own answer.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("why the Département does not grant a company's aid itself", () => {
  it("is answered with the loi NOTRe after the Region's aid was named", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Pass Occitanie, c'est pour qui ?");
    const r = await c.say("pourquoi le conseil départemental ne le propose pas lui-même ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/NOTRe/);
    expect(r.sources.map((s) => s.id)).toContain("competences-departement");
  });

  it("leaves the why of the Département's ESS policy to its own answer", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Pourquoi le Département finance l'ESS si l'économie n'est pas sa compétence ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/action sociale/);
    expect(r.text).not.toMatch(/^Parce que depuis la loi NOTRe/);
  });

  it("still answers a company's direct request with the Region's aid", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Le Département peut-il subventionner l'investissement de ma SARL ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Région Occitanie/);
  });
});
