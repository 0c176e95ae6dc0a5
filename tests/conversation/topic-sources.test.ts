/**
 * A follow-up is answered first from the documents its topic was answered with (the previous
 * reply's sources, carried as AskOptions.topic): what it asks (a name, a figure, a date, a place)
 * is looked for there before the reading with the topic's words; a question naming a new subject
 * is not pulled back to them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCore, conversation, type TestCore } from "./helpers.js";

let core: TestCore;

beforeAll(async () => {
  core = await buildCore();
}, 120_000);

afterAll(async () => {
  await core?.cleanup();
});

describe("a follow-up and its topic's sources", () => {
  it("finds who runs a scheme locally in the documents the previous answers cited", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA, ça marche comment ?");
    await c.say("faut payer quelque chose ?");
    const r = await c.say("et ici dans le Gard, qui s'en occupe ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/acegaa/i);
  });

  it("leaves a question naming another subject to that subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA, ça marche comment ?");
    const r = await c.say("et France Active, c'est qui ?");
    expect(r.refused).toBe(false);
    expect(r.sources.some((s) => s.id.startsWith("france-active"))).toBe(true);
    expect(r.sources.some((s) => s.id.startsWith("dla"))).toBe(false);
  });
});
