/**
 * Follow-ups asked in English, or with words the documents write otherwise, of a topic just answered: « co-founded »
 * and « salaire » must find the French passage that says it (« cofondatrice », « rémunérations »), not another passage
 * of the same document (knowledge/glossaire/synonymes.yaml).
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

  it("reads « salaire » as the documents' « rémunérations »", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'agrément ESUS ?");
    const r = await c.say("conditions de salaire ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/SMIC/);
  });
});
