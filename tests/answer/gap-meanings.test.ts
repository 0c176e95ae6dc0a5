/**
 * Known gaps read by what is asked rather than by the words of one question (knowledge/lacunes.yaml): wordings written
 * for this test, in several registers and both languages. Pure reads of the guards on the bundled data.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string) => guards.gap(q)?.id ?? null;

describe("known gaps by meaning", () => {
  const cases: [string, string | null][] = [
    // the outcome of one's own request, taken or to come, in any words (a reading, not a list)
    ["Ils vont nous l'accorder, vous croyez ?", "issue-de-sa-demande"],
    ["Has the committee approved our guarantee yet?", "issue-de-sa-demande"],
    ["Comment faire pour que notre demande soit acceptée ?", null],
    // the date of something still to come, named as the next one
    ["Le prochain comité d'engagement de France Active, c'est quel jour ?", "date-a-venir"],
    ["Upcoming board meeting of the MIESS: what date?", "date-a-venir"],
    ["Quelle est la prochaine étape après le dépôt du dossier ?", null],
    // a number a structure must hold (an identifier) is no phone number
    ["Il faut un numéro SIRET pour demander une subvention ?", null],
    ["Quel numéro doit-on avoir pour toucher une aide publique ?", null],
    ["Quel numéro appeler pour joindre France Active ?", "coordonnees-service"],
    // whether a partner is present in a town (published for some) is no request for its office's address
    ["Initiative Gard a une permanence vers Bagnols ?", null],
    ["Dans quelles villes BGE tient-elle des permanences ?", null],
    ["Où se trouve le bureau de France Active ?", "bureaux-partenaires"],
    ["L'adresse de l'antenne de France Active à Nîmes ?", "adresses-partenaires"],
    // the rule on the members' seat, whatever town is named
    ["Faut-il que notre siège soit dans le Gard pour rejoindre un commun ?", "siege-regle-aac"],
    ["Does our head office have to be in the Gard for the commons call?", "siege-regle-aac"],
    ["Le commun doit-il concerner le Gard ?", null],
    // the calendar of the commons call, continuous or in waves, in either language
    ["Can we apply to the commons call any time?", "calendrier-appel-a-communs"],
    ["L'appel à communs, on peut déposer toute l'année ou c'est par vagues ?", "calendrier-appel-a-communs"],
    ["Quelles structures peuvent déposer un dossier à l'appel à communs ?", null],
    // the name of a partner's staff member, whatever the job title
    ["Le coordinateur de la CRESS, il s'appelle comment ?", "noms-salaries-partenaires"],
    ["What's the name of the account manager at France Active?", "noms-salaries-partenaires"],
    // the exact sum of one's own case, computed from an amount one states (a reading, not a list)
    ["Avec 18 000 € facturés cette année, je vais cotiser combien à la coopérative ?", "calcul-personnel"],
    ["If we donate €2,000, how much will we save on tax exactly?", "calcul-personnel"],
    ["Sur 50 000 € de CA, quel montant on reverse à la CAE ?", "calcul-personnel"],
    ["Pour un projet à 25 000 €, jusqu'à combien peut-on emprunter ?", null],
    ["La CAE prend combien sur le chiffre d'affaires ?", null],
    ["En plaçant 3 000 € au capital d'une SCIC, je récupère combien d'impôt ?", "calcul-personnel"],
    ["On peut récupérer combien de la TVA sur une subvention ?", null],
    // who stood for a partner at a past, dated event is sometimes published; who leads it is not
    ["Qui représentait France Active lors de la réunion de lancement de 2023 ?", null],
    ["Who represented the CRESS at the event in Alès last spring?", null],
    ["Qui est la directrice de France Active ?", "dirigeants-partenaires"],
    // a structure located outside the Gard as a member of a commons, asked without the word « siège »
    ["Une SCOP de Montpellier peut-elle rejoindre un commun avec deux assos d'Alès ?", "structure-hors-gard-commun"],
    ["Our charity is based in the Vaucluse: can it join a Gard commons project?", "structure-hors-gard-commun"],
    ["Trois associations d'Alès peuvent-elles monter un commun ensemble ?", null],
    // the sectors excluded from the Pass Occitanie are not listed in the sources; its other conditions are
    ["Mon activité de pressing fait partie des secteurs exclus du Pass Occitanie ?", "secteurs-exclus-pass-occitanie"],
    ["Which sectors does the Region exclude from the Pass Occitanie?", "secteurs-exclus-pass-occitanie"],
    ["Le Pass Occitanie, c'est pour quelles entreprises ?", null],
    ["Les associations sont-elles exclues du Pass Occitanie ?", null],
    // a structure's own tax position, asked as what it must do
    ["Vous pouvez me dire ce que notre SCOP doit faire fiscalement ?", "fiscalite-structure"],
    ["Tax-wise, what should we do with our association?", "fiscalite-structure"],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});

describe("world knowledge is out of the mission", () => {
  const cases: [string, boolean][] = [
    ["Quelle est la capitale du Japon ?", true],
    ["What is the capital city of Canada?", true],
    ["c koi la capitale de l'italie", true],
    ["What share of a SCIC's capital can the Department hold?", false],
    ["Can the Department own part of the capital of our cooperative?", false],
    ["Quelle est la capitale du Gard ?", false],
    ["What's the administrative capital of the Gard?", false],
  ];
  for (const [q, out] of cases) it(`${q} → ${out ? "out of mission" : "in"}`, () => expect(guards.isOutOfMission(q)).toBe(out));
});
