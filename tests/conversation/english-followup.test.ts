/**
 * Follow-ups asked in English, or with words the documents write otherwise, of a topic just answered: « co-founded »,
 * "presidents" and « salaire » must find the French passage that says it (« cofondatrice », « présidée par »,
 * « rémunérations »), not another passage of the same document (knowledge/glossaire/synonymes.yaml).
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up in other words than the documents'", () => {
  it("reads « co-founded » as the documents' « cofondatrice »", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("When was La Grande Bobine founded?");
    const r = await c.say("Who co-founded it?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Krawczyk/);
  });

  it("reads “presidents” as the documents' « présidée par »", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What does CRESS Occitanie do?");
    const r = await c.say("Who were its presidents a few years ago?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Hammel|Ducournau/);
  });

  it("reads « salaire » as the documents' « rémunérations »", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'agrément ESUS ?");
    const r = await c.say("conditions de salaire ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/SMIC/);
  });
});
