/**
 * A follow-up is answered first from the documents its topic was answered with (the previous
 * reply's sources, carried as AskOptions.topic): what it asks (a name, a figure, a date, a place)
 * is looked for there before the reading with the topic's words; a question naming a new subject
 * is not pulled back to them.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up and its topic's sources", () => {
  it("finds who runs a scheme locally in the documents the previous answers cited", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA, ça marche comment ?");
    await c.say("faut payer quelque chose ?");
    const r = await c.say("et ici dans le Gard, qui s'en occupe ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/acegaa/i);
  });

  it("answers where an organisation of the topic is from its documents, not with its description again", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quel prestataire a rédigé le schéma ESS ?");
    const r = await c.say("et elle se trouve où ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Nîmes/);
  });

  it("answers what legal form an organisation of the topic has", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quel prestataire a rédigé le schéma ESS ?");
    await c.say("et elle se trouve où ?");
    const r = await c.say("et son statut juridique ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/SCOP|coopérative/);
  });

  it("goes to the process of a new need a follow-up states", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Notre association emploie 8 personnes et cherche à se consolider, le DLA peut nous aider ?");
    const r = await c.say("et s'il nous faut aussi un prêt pour investir ?");
    expect(r.refused).toBe(false);
    expect(r.route?.process).not.toBe("dla");
  });

  it("answers an item of a list named by its rank", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("le schéma ESS est organisé en quels axes ?");
    const r = await c.say("et le deuxième, il parle de quoi ?");
    expect(r.refused).toBe(false);
    expect(r.sources.some((s) => s.id === "axe-2-promotion")).toBe(true);
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
