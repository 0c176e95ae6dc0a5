/**
 * Two families of questions a card of the topic answered wrongly (src/answer/cards.ts):
 * - a follow-up asking whether there is one of the topic's kind somewhere (« is there one in the Gard? », « y en a une
 *   près d'Alès ? »): a card opening with a figure (the CAE's 10 % contribution) or a « Oui » settling another claim says
 *   nothing of it; the card or passages naming the one that exists answer;
 * - « who voted / adopted X? »: a card giving another name of X and the vote's date does not say who voted; a card
 *   naming the body that adopted it does, whatever its phrasings ask.
 * - a place added to a count (« how many people live there? » then "what about in Alès?"): one town's figure, which
 *   nobody publishes, not a text naming that town (the Adie's drop-in offices).
 * Wordings written for this test, with near-misses that keep their answers.
 */
import { describe, expect, it } from "vitest";
import { asksAgentOfAdoption, asksTopicKindExists, namesAdopter } from "../../src/answer/cards.js";
import { conversation, sharedCore } from "./helpers.js";

describe("a question asking whether there is one of the topic's kind", () => {
  it("is read in several wordings, in both languages", () => {
    for (const q of [
      "is there one in the Gard?",
      "and are there any near Alès?",
      "is there one?",
      "y en a une dans le Gard ?",
      "il y en a un près de Nîmes ?",
      "y en a-t-il une à Alès ?",
      "et y en a des dans le Gard ?",
    ])
      expect(asksTopicKindExists(q), q).toBe(true);
  });

  it("is not read in a count, nor in a question about a thing it names", () => {
    for (const q of [
      "il y en a combien ?",
      "how many are there in the Gard?",
      "is there a fee?",
      "are there any fees?",
      "Y a des PTCE ?",
      "is it free?",
      "y a-t-il un plafond ?",
    ])
      expect(asksTopicKindExists(q), q).toBe(false);
  });
});

describe("a question asking who voted or adopted a thing", () => {
  it("is read in several wordings", () => {
    for (const q of [
      "Who voted the ESS plan of the Gard?",
      "who adopted the strategy?",
      "qui a adopté le schéma ?",
      "le SPASER a été voté par qui ?",
      "par qui a été approuvé le plan ?",
    ])
      expect(asksAgentOfAdoption(q), q).toBe(true);
  });

  it("is not read in other questions about a vote or a person", () => {
    for (const q of [
      "When was the ESS plan voted?",
      "qui a conçu le schéma ?",
      "who runs the ESS mission?",
      "qui pilote le schéma ?",
      "il a été voté à l'unanimité ?",
    ])
      expect(asksAgentOfAdoption(q), q).toBe(false);
  });

  it("is answered by a text naming the body that adopted it, not by one only dating the vote", () => {
    expect(namesAdopter("Le vendredi 8 mars 2024. L'assemblée départementale du Gard a adopté le schéma ce jour-là.")).toBe(true);
    expect(namesAdopter("Le budget a été voté par le conseil départemental en décembre.")).toBe(true);
    expect(namesAdopter("C'est le même document que le schéma départemental de l'ESS adopté le 8 mars 2024.")).toBe(false);
    expect(namesAdopter("Le texte soumis au vote a été approuvé par tous.")).toBe(false);
  });
});

const core = sharedCore();

describe("the conversations", () => {
  it("names the CAE of the Gard when asked in English whether there is one", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What's a business and employment cooperative (CAE)?");
    const r = await c.say("and is there one around here in the Gard?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/Mine de talents/);
  });

  it("still gives the CAE's contribution when asked what it costs", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What's a CAE?");
    const r = await c.say("how much does it cost me?");
    expect(r.text).toMatch(/10 ?%/);
  });

  it("says the departmental assembly voted the ESS plan, in English and in French", async () => {
    for (const q of ["Who actually voted the Gard's ESS plan?", "qui a adopté le schéma ESS du Département ?"]) {
      const r = await conversation(core.runtime.assistant).say(q);
      expect(r.refused, r.text).toBe(false);
      expect(r.text, q).toMatch(/assembl(y|ée)/i);
    }
  });

  it("does not give one town's figure that nobody publishes when a place is added to a count", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("How many priority neighbourhoods does the Gard have?");
    await c.say("and how many people live in them?");
    const r = await c.say("what about in Alès?");
    expect(r.text).not.toMatch(/permanences?|drop-in/);
    expect(r.refused, r.text).toBe(true);
    const fr = conversation(core.runtime.assistant);
    await fr.say("il y a combien de quartiers prioritaires dans le Gard ?");
    const total = await fr.say("et combien d'habitants vivent dedans ?");
    expect(total.text).toMatch(/73 ?900|77 ?683/);
  });

  it("still says the plan and the schema are one document when asked so", async () => {
    const r = await conversation(core.runtime.assistant).say("Is the ESS plan a different document from the ESS strategy?");
    expect(r.text).toMatch(/m[eê]me document|same document/);
  });
});
