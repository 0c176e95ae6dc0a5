/**
 * Follow-ups that keep what was just asked (src/answer/answerer.ts, src/answer/followup.ts):
 * - a bare subject added by « et » (« et la pré-incubation ? ») asks the measure just asked (a duration, a date) of it;
 * - a subject taken up by a pronoun (« et le Département, il a fait quoi pour la clôture ? ») may ask of the topic's event;
 * - « il y a quoi là-bas ? » after a place asks what that place houses, which the card just shown says.
 * New wordings; near-misses keep their ordinary reading.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a bare subject added after a measure asked", () => {
  it("reads the measure words with the new subject, not the previous subject", async () => {
    const read = await core.runtime.answerer.contextualize("et la pré-incubation ?", "Ça dure combien de temps, l'incubation chez Alter'Incub ?");
    expect(read).toMatch(/pré-incubation/);
    expect(read).toMatch(/combien/i);
    expect(read).not.toMatch(/Alter'Incub/);
    const en = await core.runtime.answerer.contextualize("what about pre-incubation?", "How many months does the incubation last at Alter'Incub?");
    expect(en).toMatch(/pre-incubation/);
    expect(en).not.toMatch(/Alter'Incub/);
  });

  it("answers the duration of the new subject in a conversation", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'incubation chez Alter'Incub Occitanie, ça prend combien de temps ?");
    const r = await c.say("Et la pré-incubation ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/2 à 6 mois/);
  });

  it("keeps the topic for a case put to it, an aspect asked in turn, or a previous question asking no measure", async () => {
    const a = core.runtime.answerer;
    expect(await a.contextualize("et pour une SCOP ?", "Combien de structures faut-il pour l'appel à communs ?")).toMatch(/appel à communs/);
    expect(await a.contextualize("et une coopérative, ça compte ?", "Il faut combien de structures au minimum pour l'appel à communs ?")).toMatch(
      /appel à communs/,
    );
    expect(await a.contextualize("et à Uzès ?", "Combien de quartiers prioritaires compte Nîmes ?")).toMatch(/quartiers prioritaires/);
    expect(await a.contextualize("et la durée ?", "Quel est le montant du pacte Émergence ?")).toMatch(/Émergence/);
    expect(await a.contextualize("et la MIESS ?", "Qui porte Gard centrale ?")).not.toMatch(/\? (?:Qui|porte)$/);
  });
});

describe("a subject taken up by a pronoun, asking of the topic's event", () => {
  it("is answered with the topic's event when that reading answers better", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Mois de l'ESS, c'est organisé par qui en Occitanie ?");
    const r = await c.say("Et le Département du Gard, il a organisé quoi pour clôturer l'édition 2024 ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/en commun|Pont du Gard|26 novembre/);
  });
});

describe("what a place just named houses", () => {
  it("is said by the card just shown when it says what the place brings together", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'Espace Diderot, il se trouve où ?");
    const r = await c.say("Et qu'est-ce qu'on y trouve ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/insertion|associations|MIESS/);
  });

  it("a question of hours after the place still gets the hours", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'Espace Diderot, il se trouve où ?");
    const r = await c.say("C'est ouvert à quelle heure ?");
    expect(r.text).toMatch(/\d+ h/);
  });
});

describe("the measure named by the answer to « which is the main measure? »", () => {
  it("is what the next follow-up asks of", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quelle est la mesure principale du schéma départemental de l'ESS ?");
    const r = await c.say("qui a le droit d'y répondre ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/associations/);
    expect(r.text).toMatch(/coopératives/);
  });

  it("a question naming its own subject keeps its words as the topic", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quel est le budget annuel de l'appel à communs ?");
    const r = await c.say("et qui peut y répondre ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/associations|trois/);
  });
});
