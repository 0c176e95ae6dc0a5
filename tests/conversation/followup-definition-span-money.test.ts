/**
 * Follow-ups whose meaning tells how they go on with the topic:
 * - one naming a thing of its own and asking only what it is stands alone;
 * - a span asked (« il couvre quelle période ? ») after the date of an act (« voté quand ? ») asks another thing of the
 *   subject, not that date again;
 * - the support asked beyond money (« autrement qu'avec de l'argent ? ») is asked of the topic, whoever it names as giving it.
 */
import { describe, expect, it } from "vitest";
import { asksBeyondMoney, asksSpanAfterPoint, cardAnswersFollowUp, definesNamed } from "../../src/answer/followup.js";
import { sharedCore } from "./helpers.js";

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

describe("a span asked after the date of an act", () => {
  it("is told from another date asked", () => {
    expect(asksSpanAfterPoint("le plan climat a été adopté quand ?", "et il court jusqu'à quand ?")).toBe(true);
    expect(asksSpanAfterPoint("Quand le contrat a-t-il été signé ?", "il couvre quelles années ?")).toBe(true);
    expect(asksSpanAfterPoint("When was it adopted?", "how long does it run?")).toBe(true);
    // near-misses: two points in time, or a span asked already
    expect(asksSpanAfterPoint("le plan a été adopté quand ?", "et publié en quelle année ?")).toBe(false);
    expect(asksSpanAfterPoint("il court sur quelle période ?", "et il dure combien de temps ?")).toBe(false);
  });

  it("is answered by the card just read when it gives a range of years", () => {
    const card = { answer: "Le 3 juin 2021. Le plan 2021-2026 a été adopté en séance." };
    expect(cardAnswersFollowUp(card, "il couvre quelle période ?")).toBe(true);
    expect(cardAnswersFollowUp({ answer: "Le 3 juin 2021, en séance." }, "il couvre quelle période ?")).toBe(false);
  });

  it("carries the subject, not the act's date, into the reading", async () => {
    const read = await core.runtime.answerer.contextualize("et ça court sur quelle période ?", "Le schéma des solidarités sociales a été voté quand ?");
    expect(read).toMatch(/solidarités sociales/);
    expect(read).not.toMatch(/quand/);
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

  it("carries the subject, not the sum asked before", async () => {
    const read = await core.runtime.answerer.contextualize("y a autre chose que l'argent ?", "Combien la Région verse-t-elle pour le Pass Occitanie ?");
    expect(read).toMatch(/Pass Occitanie/);
    expect(read).not.toMatch(/Combien/);
  });
});
