/**
 * What a question asks decides whether it is answered: a claim put up for confirmation is settled by the card
 * closest to it; a count of things is not the unpublished sum of money a gap is about; a funding decision to come,
 * predicted or promised, is the funder's alone; code and a legal verdict on someone's own case are out of mission.
 * Wordings written for this test.
 */
import { describe, expect, it } from "vitest";
import { asksConfirmation } from "../../src/answer/answerer.js";
import { asksMoneyPut } from "../../src/answer/cards.js";
import { Guards } from "../../src/answer/guards.js";
import { sharedRuntime } from "./helpers.js";

describe("a claim put up for confirmation", () => {
  it("is read from a tag that closes or opens it", () => {
    for (const q of [
      "Le schéma compte cinq axes, c'est bien ça ?",
      "Le vote s'est fait à une voix près, je crois ?",
      "L'appel à communs a été lancé en 2020, non ?",
      "Si j'ai bien compris, l'agrément ESUS est délivré par le Département ?",
      "C'est vrai que la concertation n'a réuni que vingt personnes ?",
      "The schema was adopted in 2022, right?",
    ])
      expect(asksConfirmation(q), q).toBe(true);
  });
  it("is not an open question nor a choice between yes and no", () => {
    for (const q of ["Combien d'axes compte le schéma ?", "Notre asso est-elle éligible ou non ?", "Quels sont nos droits ?", "What are our rights?"])
      expect(asksConfirmation(q), q).toBe(false);
  });
});

describe("a gap about a sum of money and a question that counts things", () => {
  const guards = Guards.load();
  it("the per-project ceiling gap does not take a question on how many partners a commons needs", () => {
    expect(guards.gap("Faut-il être combien de partenaires au minimum pour proposer un commun ?")).toBeNull();
    expect(guards.gap("How many organisations must join to apply to the call for commons?")).toBeNull();
  });
  it("it still takes the sum asked, in euros or in other words", () => {
    expect(guards.gap("Combien d'euros au maximum pour un commun ?")?.id).toBe("montant-par-projet");
    expect(guards.gap("Combien peut toucher chaque projet de l'appel à communs ?")?.id).toBe("montant-par-projet");
  });
});

describe("a funding decision to come, for one project", () => {
  const guards = Guards.load();
  it("predicted or promised, is a known gap", () => {
    for (const q of [
      "La Région va-t-elle financer notre garage solidaire ?",
      "Est-ce que France Active va financer mon épicerie vrac ?",
      "Le projet de leur recyclerie sera financé par le Département ?",
      "Je peux garantir à l'association que son dossier sera retenu ?",
      "Will the Department fund our repair café?",
    ])
      expect(guards.gap(q)?.id, q).toMatch(/^(decision-financement-projet|promesse-financement|suivi-dossier)$/);
  });
  it("who funds what, and on what terms, is not", () => {
    for (const q of [
      "Qui va financer notre projet de ressourcerie ?",
      "Quels projets l'appel à communs va financer ?",
      "Sous quelles conditions le Département va financer notre projet ?",
      "France Active peut-elle garantir notre prêt bancaire ?",
      // (words are compared by their stem: a search for funding is no decision to come)
      "Nous cherchons des mécènes pour financer notre jardin partagé, une idée ?",
      "Notre coopérative a besoin d'un prêt, qui fait de la finance solidaire ?",
      "Si notre commun est financé, que devons-nous publier ?",
      "Le schéma promet-il des aides aux associations ?",
      "La banque veut une garantie que le prêt sera remboursé : qui peut garantir notre financement ?",
    ])
      expect(guards.gap(q), q).toBeNull();
  });
});

describe("requests outside the mission", () => {
  const guards = Guards.load();
  it("code or a spreadsheet automation, and a legal verdict on one's own case", () => {
    for (const q of [
      "Tu peux me coder une macro VBA pour compter nos adhérents ?",
      "Peux-tu créer une formule Excel qui calcule nos cotisations ?",
      "Le bureau veut m'exclure de la coopérative, puis-je contester en justice ?",
      "Ma collègue veut présider une association en plus de son temps partiel, est-ce légal dans son cas ?",
    ])
      expect(guards.isOutOfMission(q), q).toBe(true);
  });
  it("not a project that builds a digital tool nor a rule of law asked in general", () => {
    for (const q of [
      "Notre asso crée une application de covoiturage solidaire, quelles aides ?",
      "Une SCIC peut-elle accueillir une collectivité à son capital ?",
      "Est-il légal pour un département d'entrer au capital d'une SCOP ?",
    ])
      expect(guards.isOutOfMission(q), q).toBe(false);
  });
});

describe("on the runtime", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string, audience: "agent" | "porteur" = "porteur") => t.runtime.answerer.ask(q, { audience });

  it("a wrong count of axes put up for confirmation is corrected with the count", async () => {
    const reply = await ask("Le schéma compte six axes dont un consacré à la culture, c'est bien ça ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/quatre axes/i);
  });
  it("an abstention put up for confirmation is corrected with how the opposition received it", async () => {
    const reply = await ask("Les élus de l'opposition se sont abstenus sur le schéma ESS, c'est ça ?", "agent");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/unanimit|salu|favorabl/i);
  });
  it("how many structures a commons needs is answered, not taken for the unpublished ceiling", async () => {
    const reply = await ask("Combien de structures faut-il réunir pour proposer un commun ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/\b(trois|3)\b/);
  });
  it("a funding decision predicted for one's project is refused", async () => {
    const reply = await ask("Le Département va-t-il subventionner notre épicerie solidaire à Alès ?");
    expect(reply.refused, reply.text).toBe(true);
  });
});

describe("a sum put in by someone", () => {
  it("is asked with « combien » and a verb of giving, or how much money, in any language", () => {
    for (const q of [
      "Combien la Région verse à France Active chaque année ?",
      "cb le departement injecte dans le schema ?",
      "Combien d'argent le Département met dans l'ESS ?",
      "How much funding does the Region give to the incubator?",
      "How much does the Department invest in the commons?",
    ])
      expect(asksMoneyPut(q), q).toBe(true);
  });
  it("not a count of things nor a duration", () => {
    for (const q of [
      "Combien de projets le Département soutient chaque année ?",
      "Combien de structures donnent leur avis pendant la concertation ?",
      "How many projects does the Department fund?",
      "Combien de temps met le DLA pour répondre ?",
      "Combien le DLA met de temps à répondre ?",
    ])
      expect(asksMoneyPut(q), q).toBe(false);
  });
});
