/**
 * Known gaps asked about the person's own case, the Département's choices to come, another département, who stood
 * for the Département at an event, where a service sits and a partner's legal form or hours asked in a follow-up
 * (knowledge/lacunes.yaml): wordings written for this test, with near misses that ask what the sources publish. A
 * follow-up is read with its topic (`text`) and its own words (`own`), as the answerer does.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string, own?: string) => guards.gap(q, own)?.id ?? null;

describe("known gaps of one's own case and of the future", () => {
  const cases: [string, string | null][] = [
    // a structure's own tax state, asked as what it is
    ["Vu nos ventes de repas, sommes-nous imposables ?", "fiscalite-structure"],
    ["With our café's sales, are we taxed like a company?", "fiscalite-structure"],
    ["Qu'est-ce qu'une association fiscalisée ?", null],
    // what another département does for the social economy, in either language
    ["What does the Hérault département do for the social economy?", "autres-departements"],
    ["Que fait la Drôme pour l'économie sociale ?", "autres-departements"],
    ["What does the Gard département do for the social economy?", null],
    // shares the Département will take, named as to come
    ["Le Département prendra-t-il des parts dans une nouvelle SCIC dans les années à venir ?", "participations-scic-a-venir"],
    ["Will the council take a stake in more SCICs next year?", "participations-scic-a-venir"],
    ["Le Département peut-il prendre des parts dans une SCIC ?", null],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});

describe("known gaps asked by a follow-up of its topic", () => {
  const cases: [string, string, string | null][] = [
    // the aid rules come from the topic, the person's own compliance is asked
    [
      "Le plafond de minimis, c'est combien ? avec ces 90 000 € de plus, on reste dans les clous ?",
      "avec ces 90 000 € de plus, on reste dans les clous ?",
      "conformite-aides-structure",
    ],
    ["Le plafond de minimis, c'est combien ? et il s'apprécie sur combien d'années ?", "et il s'apprécie sur combien d'années ?", null],
    // who went to an event the topic names
    [
      "La CRESS était au colloque de Montpellier ? et qui y est allée pour le Département ?",
      "et qui y est allée pour le Département ?",
      "intervenants-evenements",
    ],
    // a person within the Département who went to the event of the topic, not the body that was invited
    [
      "Le Département a-t-il présenté l'appel à communs au GSEF de Bordeaux ? and which official went for the Département?",
      "and which official went for the Département?",
      "intervenants-evenements",
    ],
    [
      "Le Département a-t-il présenté l'appel à communs au GSEF de Bordeaux ? et qui du Département y a témoigné ?",
      "et qui du Département y a témoigné ?",
      "intervenants-evenements",
    ],
    ["Le Département a-t-il présenté l'appel à communs au GSEF de Bordeaux ? c'était en quelle année ?", "c'était en quelle année ?", null],
    // the call's jury asked after « the flagship measure » of the schema, which is the call for commons
    [
      "What is the flagship measure of the Gard ESS scheme? and on what criteria does the jury pick?",
      "and on what criteria does the jury pick?",
      "jury-selection",
    ],
    ["Quelle est la mesure phare du schéma ? et le jury, il note sur quelle grille ?", "et le jury, il note sur quelle grille ?", "jury-selection"],
    ["Quelle est la mesure phare du schéma ? combien d'argent par an ?", "combien d'argent par an ?", null],
    // a partner's legal form or hours, the partner from the topic
    ["La MIESS, c'est quoi ? c'est une association ?", "c'est une association ?", "miess-infos"],
    ["La MIESS, c'est quoi ? elle a ouvert en quelle année ?", "elle a ouvert en quelle année ?", null],
    ["La MIESS, c'est où ? et les horaires ?", "et les horaires ?", "horaires-partenaires"],
    // whether the ESS service sits in the place the topic names
    ["L'Espace Diderot, c'est où ? c'est là qu'il y a l'équipe ESS ?", "c'est là qu'il y a l'équipe ESS ?", "adresse-service-ess"],
  ];
  for (const [q, own, id] of cases) it(`${own} → ${id ?? "no gap"}`, () => expect(gapOf(q, own)).toBe(id));
});

describe("a partner's hours are not its opening date", () => {
  it("asks hours", () => expect(gapOf("Les horaires d'ouverture de la MIESS ?")).toBe("horaires-partenaires"));
  it("asks hours, open when", () => expect(gapOf("La MIESS est ouverte à quelle heure ?")).toBe("horaires-partenaires"));
  it("asks a date", () => expect(gapOf("La MIESS a ouvert en quelle année ?")).toBe(null));
});
