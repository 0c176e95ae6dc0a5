/**
 * Unpublished facts found by probing the assistant with questions nobody had tuned for (knowledge/lacunes.yaml): the
 * score given to one's own application, what a contractor's mission cost, the pay of a role at a partner, the name of
 * the officer behind a call asked in English, the turnover of a named structure, and a tax deduction for one's own
 * structure. Wordings written for this test, each family with near-misses that the sources answer and that must stay
 * answered. Pure reads of the guards.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string) => guards.gap(q)?.id ?? null;

describe("unpublished facts found by probing", () => {
  const cases: [string, string | null][] = [
    // the score or ranking of one's own application
    ["On voudrait savoir quelle note a obtenu notre projet au comité", "note-de-son-dossier"],
    ["Quel score a eu notre dossier au comité de sélection ?", "note-de-son-dossier"],
    ["What score did our commons application get?", "note-de-son-dossier"],
    ["Combien de structures faut-il au minimum pour un commun ?", null],
    ["Le RTES a-t-il publié une note juridique sur notre statut de SCIC ?", null],
    // what a contractor's mission cost the Département
    ["Et la mission de La Grande Bobine, combien a coûté la mission ?", "couts-et-versements"],
    ["Quel était le prix de la mission de concertation ?", null],
    ["Combien la mission de La Grande Bobine a-t-elle coûté ?", "couts-et-versements"],
    ["Combien de temps a duré la mission de La Grande Bobine ?", null],
    ["Combien coûte un accompagnement DLA pour une association ?", null],
    // the pay of a role at a partner
    ["Un consultant DLA, c'est quoi le salaire d'un consultant comme ça ?", "remuneration-personnes"],
    ["Quel plafond de rémunération impose l'agrément ESUS ?", null],
    // the officer behind a call, asked in English
    ["Who is the programme officer for Gard centrale?", "agent-en-charge"],
    ["Who is the vice-president in charge of the ESS?", null],
    // the turnover of a named structure
    ["Quel est le chiffre d'affaires de la coopérative Mine de talents ?", "comptes-structures"],
    ["What is the annual revenue of La Grande Bobine?", "comptes-structures"],
    ["Quelle part de son chiffre d'affaires un entrepreneur reverse-t-il à la CAE ?", null],
    ["Le Pass Occitanie s'adresse à quelles entreprises ?", null],
    // a tax deduction for one's own structure
    ["Notre SCOP peut-elle déduire de ses impôts les parts sociales achetées ?", "fiscalite-structure"],
    ["Can our association deduct these purchases from its taxes?", "fiscalite-structure"],
    ["Quels avantages donne l'agrément ESUS ?", null],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});
