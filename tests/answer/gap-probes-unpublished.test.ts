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
    // the ceiling of a France Active loan (only the Émergence grant's ceiling and the totals are published)
    ["France Active Airdie peut nous prêter jusqu'à combien au maximum ?", "plafond-prets-france-active"],
    ["What is the maximum loan France Active Airdie can lend?", "plafond-prets-france-active"],
    ["La subvention du pacte Émergence de France Active, c'est jusqu'à combien ?", null],
    ["Combien France Active Airdie a-t-il mobilisé en prêts et garanties au total ?", null],
    ["Initiative Gard prête jusqu'à combien ?", null],
    // the state of one's own file, asked in texting style
    ["on a déposé le dossier du commun y a 15 jours, c bon ou pas ?", "suivi-demande-envoyee"],
    ["On a déposé notre dossier, c'est bon ; quelle est la prochaine étape ?", null],
    // who spoke at a forum
    ["Au GSEF de Bordeaux, qui a parlé au nom du Gard ?", "intervenants-evenements"],
    ["Le Gard a-t-il témoigné au forum du GSEF ?", null],
    // what a contractor billed
    ["Combien La Grande Bobine a-t-elle facturé au Département pour le schéma ?", "couts-et-versements"],
    ["Si je facture 25 000 € cette année, je vais cotiser combien à ma CAE ?", "calcul-personnel"],
    // the breakdown of the ESS budget by item
    ["Quelle part du budget ESS part dans la communication ?", "repartition-budget-ess"],
    ["How much of the social economy budget is spent on events?", "repartition-budget-ess"],
    ["Quel budget est consacré à l'appel à communs chaque année ?", null],
    ["Quelle part du budget d'insertion va aux chantiers d'insertion ?", null],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});

describe("unpublished facts asked by a follow-up of its topic", () => {
  // a follow-up is read with its topic (the text) and its own words (own), as the answerer does
  const cases: [string, string, string | null][] = [
    ["Présente-moi France Active Airdie. et ils prêtent jusqu'à combien ?", "et ils prêtent jusqu'à combien ?", "plafond-prets-france-active"],
    ["Présente-moi France Active Airdie. bon, et leur taux d'intérêt ?", "bon, et leur taux d'intérêt ?", "taux-prets-partenaires-suite"],
    ["Quel taux d'intérêt pratique l'Adie ? et France Active ?", "et France Active ?", "taux-prets-partenaires"],
    ["Présente-moi France Active Airdie. et le taux de garantie ?", "et le taux de garantie ?", null],
    ["Présente-moi le pacte Émergence de France Active. ça va jusqu'à combien ?", "ça va jusqu'à combien ?", null],
  ];
  for (const [text, own, id] of cases) it(`${own} (after: ${text}) → ${id ?? "no gap"}`, () => expect(guards.gap(text, own)?.id ?? null).toBe(id));
});
