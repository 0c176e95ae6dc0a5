/**
 * Follow-ups whose meaning tells how they go on with the topic:
 * - one naming a thing of its own and asking only what it is stands alone;
 * - a span asked (« il couvre quelle période ? ») is answered by the card just read when it gives a range of years;
 * - the support asked beyond money (« autrement qu'avec de l'argent ? ») is asked of the topic, whoever it names as giving it;
 * - a choice between two readings of what was just said (« c'est par an ou une seule fois ? ») is settled by the card just read
 *   when it says one of them.
 */
import { describe, expect, it } from "vitest";
import { asksBeyondMoney, cardAnswersFollowUp, cardSettlesChoice, choiceOffered, definesNamed } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up naming a thing and asking what it is", () => {
  it("is read as a definition of that thing", () => {
    expect(definesNamed("Et la CRESS, c'est quoi ?")).toBe(true);
    expect(definesNamed("ok et France Active c'est quoi exactement ?")).toBe(true);
    expect(definesNamed("c'est quoi l'URSCOP ?")).toBe(true);
    expect(definesNamed("and what's the MIESS?")).toBe(true);
    expect(definesNamed("Qu'est-ce que Alter'Incub ?")).toBe(true);
  });

  it("not when it names nothing, asks an aspect or a relation", () => {
    expect(definesNamed("et ça, c'est quoi ?")).toBe(false);
    expect(definesNamed("c'est quoi le délai ?")).toBe(false);
    expect(definesNamed("Et le montant, c'est quoi ?")).toBe(false);
    expect(definesNamed("c'est quoi le rapport avec la MIESS ?")).toBe(false);
    expect(definesNamed("Et l'Adie, ça prête combien ?")).toBe(false);
  });

  it("stands alone after questions on another subject", async () => {
    const read = await core.runtime.answerer.contextualize("Et la MIESS, c'est quoi ?", "Combien de salariés faut-il pour le Pass Occitanie ?");
    expect(read).toBe("Et la MIESS, c'est quoi ?");
  });
});

describe("a span asked after a card giving a range of years", () => {
  it("is answered by that card", () => {
    const card = { answer: "Le 3 juin 2021. Le plan 2021-2026 a été adopté en séance." };
    expect(cardAnswersFollowUp(card, "il couvre quelle période ?")).toBe(true);
    expect(cardAnswersFollowUp(card, "and how long does it run?")).toBe(true);
    // near-misses: no range given, or no span asked
    expect(cardAnswersFollowUp({ answer: "Le 3 juin 2021, en séance." }, "il couvre quelle période ?")).toBe(false);
    expect(cardAnswersFollowUp(card, "qui l'a présenté ?")).toBe(false);
  });
});

describe("the support asked beyond money", () => {
  it("is read in its usual wordings", () => {
    expect(asksBeyondMoney("ils aident autrement qu'en argent ?")).toBe(true);
    expect(asksBeyondMoney("il y a autre chose que des subventions ?")).toBe(true);
    expect(asksBeyondMoney("c'est seulement du financement ou pas ?")).toBe(true);
    expect(asksBeyondMoney("Apart from money, what can they offer?")).toBe(true);
    expect(asksBeyondMoney("do they give only grants?")).toBe(true);
  });

  it("not a question about the money itself", () => {
    expect(asksBeyondMoney("ça demande beaucoup d'argent ?")).toBe(false);
    expect(asksBeyondMoney("le financement arrive quand ?")).toBe(false);
    expect(asksBeyondMoney("c'est seulement pour les coopératives ?")).toBe(false);
    expect(asksBeyondMoney("how much money can we get?")).toBe(false);
  });

  it("is read with the topic, though it names the funder", async () => {
    const read = await core.runtime.answerer.contextualize(
      "et le Département nous soutient autrement qu'avec des subventions ?",
      "Notre projet de jardin partagé entre deux associations peut-il entrer dans l'appel à communs ?",
    );
    expect(read).toMatch(/appel à communs/);
  });

  it("carries the subjects, not the sums asked before", async () => {
    const read = await core.runtime.answerer.contextualize(
      "y a autre chose que l'argent ?",
      "Et par structure, ça monte jusqu'à combien max ? — Combien la Région verse-t-elle pour le Pass Occitanie ?",
    );
    expect(read).toMatch(/Pass Occitanie/);
    expect(read).not.toMatch(/combien/i);
  });

  it("is answered with what the topic gives beyond money", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quelle est l'enveloppe annuelle de l'appel à communs ?");
    const r = await c.say("et en dehors des subventions, le Département apporte autre chose ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/ingénierie|locaux|matériel|compétences/);
  });
});

describe("a choice between two readings of what was just said", () => {
  it("is read as its two readings", () => {
    expect(choiceOffered("c'est par mois ou par an ?")).toEqual(["par mois", "par an"]);
    expect(choiceOffered("Et c'est pour chaque structure ou pour le groupement ?")).toEqual(["pour chaque structure", "pour le groupement"]);
    expect(choiceOffered("is that per project or overall?")).toEqual(["per project", "overall"]);
    // near-misses: no choice put of what was just said
    expect(choiceOffered("on peut déposer en ligne ou par courrier ?")).toBeNull();
    expect(choiceOffered("c'est combien ?")).toBeNull();
  });

  it("is settled by a card saying one of them in so many words", () => {
    const card = { answer: "Jusqu'à 8 000 € par projet, versés en deux fois." };
    expect(cardSettlesChoice(card, "c'est par projet ou pour l'ensemble ?")).toBe(true);
    expect(cardSettlesChoice(card, "c'est par an ou une seule fois ?")).toBe(false);
    expect(cardSettlesChoice(card, "c'est combien par projet ?")).toBe(false);
  });
});

describe("a choice settled in a conversation", () => {
  it("gets the card just read that says one of its readings", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien d'argent le Département consacre-t-il à l'appel à communs ?");
    const r = await c.say("ok, et c'est par an ou une seule fois ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/par an/);
  });
});
