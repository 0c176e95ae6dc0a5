/**
 * A follow-up's own subject words say what it asks of its topic; the topic only tells apart what a follow-up naming
 * nothing of its own asks of (see Answerer.holdsOwnWords and Answerer.ownWordsFirst, isElliptic's bare « quel … ? »,
 * and goesOn in conversation/question.ts for a subject pronoun).
 */
import { describe, expect, it } from "vitest";
import { isElliptic } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up asking a detail in words of its own", () => {
  it("keeps a reply from outside the topic that holds its own words and gives what it asks", async () => {
    for (const asked of ["How many partner organisations are required to apply?", "how many partners do we need before we apply?"]) {
      const c = conversation(core.runtime.assistant);
      await c.say("What is the Gard centrale platform?");
      const r = await c.say(asked);
      expect(r.refused).toBe(false);
      expect(r.text).toMatch(/\b(three|trois|3)\b/i);
      expect(r.sources.map((s) => s.id)).toContain("appel-a-communs");
    }
  });

  it("still answers a follow-up naming one word of its own from the topic", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What is the Gard centrale platform?");
    const r = await c.say("When did it open?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/2025/);
    expect(r.sources.map((s) => s.id)).toContain("mesure-gard-centrale");
  });

  it("puts first, of cards matched about as well, the one holding its own words", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Pour créer mon entreprise, il y a des prêts sans intérêt dans le Gard ?");
    await c.say("ça monte jusqu'à combien ?");
    const r = await c.say("qui décide ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/comité/);
  });

  it("still gives the contacts to a follow-up asking whom to see", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Je reprends un commerce, on peut avoir un prêt à taux zéro dans le Gard ?");
    const r = await c.say("je m'adresse à qui ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Initiative Gard/);
  });
});

describe("a bare « quel … ? » follow-up", () => {
  it("is elliptic when it names only the noun it asks", () => {
    expect(isElliptic("quel budget annuel ?", 2)).toBe(true);
    expect(isElliptic("et quelle durée ?", 1)).toBe(true);
    expect(isElliptic("which deadline?", 1)).toBe(true);
    // « quel est… ? », a named subject or more words: its own question.
    expect(isElliptic("quel est le budget du schéma ?", 2)).toBe(false);
    expect(isElliptic("quel budget pour le DLA ?", 2, true)).toBe(false);
    expect(isElliptic("quelles aides pour les bénévoles ?", 2)).toBe(false);
  });

  it("asks the sum of the subject spoken of, not the gap of another budget", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui a eu l'idée de l'appel à communs ?");
    await c.say("c'était voté quand ?");
    const r = await c.say("quel montant annuel ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/250 000/);
    expect(r.sources.map((s) => s.id)).toContain("appel-a-communs");
  });

  it("still refuses the unpublished overall budget asked alone", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("quel budget annuel ?");
    expect(r.refused).toBe(true);
  });
});

describe("a longer follow-up whose subject is a pronoun", () => {
  it("keeps the route of the topic's process", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("À quoi sert l'Adie ?");
    const r = await c.say("Combien de projets ont-ils soutenus dans le Gard en 2025 ?");
    expect(r.refused).toBe(false);
    expect(r.route?.process).toBe("pret-honneur-microcredit");
  });

  it("still goes to a process it names", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("À quoi sert l'Adie ?");
    const r = await c.say("Et le DLA, est-ce qu'ils accompagnent aussi les coopératives de plus de dix salariés ?");
    expect(r.route?.process).toBe("dla");
  });
});
