/** Intent detection: commands are whole messages; questions that start with a command word stay questions. */
import { describe, expect, it } from "vitest";
import { detectIntent, isDontKnow, isYes, looksLikeQuestion, type Intent } from "../../src/conversation/intents.js";

const CASES: [string, Intent][] = [
  ["aide", "help"],
  ["Aide ?", "help"],
  ["aidez-moi svp", "help"],
  ["Que savez-vous faire ?", "help"],
  ["menu", "help"],
  ["recommencer", "reset"],
  ["Nouvelle conversation", "reset"],
  ["annuler", "cancel"],
  ["Annuler, merci.", "cancel"],
  ["laissez tomber", "cancel"],
  ["rapport", "report"],
  ["Voir le rapport de suivi", "report"],
  ["parler à une personne", "handoff"],
  ["Je voudrais échanger avec un conseiller", "handoff"],
  ["signaler une difficulté", "friction"],
  ["Je veux signaler un problème avec mon dossier", "friction"],
  ["suis-je éligible ?", "eligibility"],
  ["nous sommes une SCOP de 7 salariés à Anduze, sommes-nous éligibles ?", "eligibility"],
  ["Vérifier mon éligibilité", "eligibility"],
  // Questions that merely start with a command word.
  ["Aide au démarrage pour une association ?", "question"],
  ["Aide à l'embauche en SIAE : qui la verse ?", "question"],
  ["help me find funding for a cooperative", "question"],
  ["Rapport d'activité de la CRESS, où le trouver ?", "question"],
  ["Recommencer une activité après une liquidation : quelles aides ?", "question"],
  ["Stop aux délais de versement : que faire ?", "question"],
  ["Menu du restaurant solidaire de Nîmes ?", "question"],
  ["Annuler une subvention déjà votée, c'est possible ?", "question"],
  ["Personne ne répond au DLA, que faire ?", "question"],
  ["Qu'est-ce que l'appel à communs ?", "question"],
];

describe("detectIntent", () => {
  it.each(CASES)("%s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});

describe("short answers", () => {
  it("isYes reads oui / non and leaves the rest undefined", () => {
    for (const t of ["oui", "Oui.", "ouais", "d'accord", "ok", "bien sûr", "yes"]) expect(isYes(t)).toBe(true);
    for (const t of ["non", "Non merci", "pas du tout", "no"]) expect(isYes(t)).toBe(false);
    for (const t of ["peut-être", "3", "", "Anduze"]) expect(isYes(t)).toBeUndefined();
  });

  it("isDontKnow", () => {
    for (const t of ["je ne sais pas", "Je sais pas", "aucune idée", "passer"]) expect(isDontKnow(t)).toBe(true);
    for (const t of ["oui", "3", "je suis une association"]) expect(isDontKnow(t)).toBe(false);
  });

  it("looksLikeQuestion", () => {
    for (const t of ["c'est quoi le DLA ?", "Qui porte le DLA dans le Gard", "combien de structures faut-il"]) expect(looksLikeQuestion(t)).toBe(true);
    for (const t of ["trois", "une asso", "Uzès", "non, on est à Uzès"]) expect(looksLikeQuestion(t)).toBe(false);
  });
});
