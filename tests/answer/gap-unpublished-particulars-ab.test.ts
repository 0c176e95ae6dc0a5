/**
 * Unpublished particulars of families found on a question set nobody had tuned for (knowledge/lacunes.yaml): who is in
 * the Département's ESS team asked in everyday words, where to download a document the sources only describe, whether a
 * cancelled event was held again later, the schedule of the scheme's actions one by one, a count for the coming year,
 * and the state of a file a named collective has filed. Wordings written for this test, each family with near-misses the
 * sources answer and that must stay answered. Pure reads of the guards; a follow-up is read with its topic and its own
 * words (`own`), as the answerer does.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string, own?: string) => guards.gap(own === undefined ? q : `${q} ${own}`, own)?.id ?? null;

describe("unpublished particulars asked alone", () => {
  const cases: [string, string | null][] = [
    // who works in the ESS team
    ["Who works in the ESS team of the Département?", "equipe-service-ess"],
    ["c'est qui les agents de l'équipe ESS ?", "equipe-service-ess"],
    ["Qui bosse dans l'équipe ESS du Département ?", "equipe-service-ess"],
    ["Could you tell me the names of the staff of the ESS team?", "equipe-service-ess"],
    ["What does the Department's ESS team do?", null],
    ["Comment contacter l'équipe ESS ?", null],
    ["L'équipe ESS travaille avec quels partenaires ?", null],
    ["Does the ESS team help employees of associations?", null],
    ["Is the ESS team working in partnership with the DLA?", null],
    // a copy of a document nobody put online
    ["Where can I download the Département's ESS plan?", "telechargement-documents"],
    ["Y a-t-il une version PDF du Livre blanc de l'ESS ?", "telechargement-documents"],
    ["Que dit le Livre blanc sur les acteurs isolés ?", null],
    ["Où déposer un dossier pour l'appel à communs ?", null],
    ["Où trouver l'étude de cas de La Grande Bobine sur le schéma ?", null],
    // a cancelled event held again
    ["Was the cancelled workshop in the Cévennes rescheduled?", "evenement-reprogramme"],
    ["L'atelier annulé du Piémont cévenol, on l'a refait à une autre date ?", "evenement-reprogramme"],
    ["Pourquoi l'atelier du Piémont cévenol a été annulé ?", null],
    ["Combien d'ateliers territoriaux ont eu lieu ?", null],
    ["What methods did the facilitators use during the consultation on the plan?", null],
    // the schedule of the actions, one by one
    ["Les actions du schéma ESS sont prévues pour quand, chacune ?", "calendrier-actions-schema"],
    ["Is there a timeline for each action of the ESS scheme?", "calendrier-actions-schema"],
    ["Le schéma ESS court jusqu'à quand ?", null],
    ["Quel a été le calendrier de la concertation du schéma ?", null],
    ["Quelles sont les actions du schéma ESS ?", null],
    ["Les actions du schéma ont été votées à quelle date ?", null],
    // a count for the coming year
    ["How many jobs will the DDETS fund in integration next year?", "nombres-a-venir"],
    ["L'an prochain, ça fera combien de postes en chantier d'insertion ?", "nombres-a-venir"],
    ["Combien de postes en ACI dans le Gard ?", null],
    ["Combien de temps dure l'agrément ESUS si on le demande l'an prochain ?", null],
    ["On veut créer l'an prochain une SCIC : il faut combien de membres au minimum ?", null],
    // the file of a named collective
    ["Le collectif des Jardins partagés a déposé un dossier : est-il passé en commission ?", "suivi-dossier"],
    ["Has the collective's application on Gard centrale been approved?", "suivi-dossier"],
    ["Un dossier déposé sur Gard centrale passe-t-il en commission permanente ?", null],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});

describe("unpublished particulars asked by a follow-up of its topic", () => {
  const cases: [string, string, string | null][] = [
    ["Le Livre blanc de l'ESS, c'était quoi ?", "on le trouve où en pdf ?", "telechargement-documents"],
    ["Le Livre blanc de l'ESS, c'était quoi ?", "ça a mené à quoi ?", null],
    ["L'atelier du Piémont cévenol a été annulé, pourquoi ?", "et il a été reporté à quand ?", "evenement-reprogramme"],
    ["L'atelier du Piémont cévenol a été annulé, pourquoi ?", "et les autres ateliers, c'était où ?", null],
    ["Les chantiers d'insertion, qui les pilote côté État ?", "et l'année prochaine, il y aura combien de postes ?", "nombres-a-venir"],
    ["Les chantiers d'insertion, qui les pilote côté État ?", "et combien de postes aujourd'hui ?", null],
  ];
  for (const [topic, own, id] of cases) it(`${topic} — ${own} → ${id ?? "no gap"}`, () => expect(gapOf(topic, own)).toBe(id));
});
