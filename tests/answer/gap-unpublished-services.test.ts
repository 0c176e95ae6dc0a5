/**
 * Unpublished facts that questions presuppose or ask of the person's own case (knowledge/lacunes.yaml): an
 * opening day the published hours do not give, what the SCIC Gard et Autonomie is for,
 * an aid of the Département no source names, a service reviewing one's own documents,
 * the state of a file named by who filed it and when, the sum paid to a given structure. Wordings written for this test,
 * each family with near-misses that the sources answer and that must stay answered. Pure reads of the guards.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string) => guards.gap(q)?.id ?? null;

describe("unpublished facts asked of a place, a scheme or one's own case", () => {
  const cases: [string, string | null][] = [
    // opening on a day or at an hour the published hours (weekdays, daytime) do not give
    ["La Maison départementale est-elle ouverte le samedi matin ?", "ouverture-hors-horaires-publies"],
    ["On peut passer à l'Espace Diderot le soir, c'est ouvert après 18 h ?", "ouverture-hors-horaires-publies"],
    ["Is the Maison départementale open on Sundays?", "ouverture-hors-horaires-publies"],
    ["Quels sont les horaires de l'accueil de la Maison départementale ?", null],
    ["Depuis quand l'Espace Diderot est-il ouvert au public ?", null],
    ["Nous voulons un lieu ouvert à tous le week-end pour les jeunes du quartier, quel dispositif ?", null],
    // what the SCIC Gard et Autonomie is for: only its name hints at it
    ["Elle sert à quoi, la SCIC Gard et Autonomie ?", "scic-gard-autonomie"],
    ["Quelles missions remplit la SCIC Gard et Autonomie ?", "scic-gard-autonomie"],
    ["Le Département a pris une participation dans la SCIC Gard et Autonomie, c'était quand ?", null],
    // an aid of the Département under a name no source gives (a bonus, a voucher)
    ["Où trouver le formulaire de la prime ESS à l'embauche du Conseil départemental ?", "aide-nommee-inconnue"],
    ["Le chèque ESS du Département, il fait combien pour une jeune asso ?", "aide-nommee-inconnue"],
    ["How do we claim the ESS bonus the Department gives new cooperatives?", "aide-nommee-inconnue"],
    ["L'appel à communs, c'est seulement un chèque ou aussi un accompagnement ?", null],
    ["Quels financements le Département propose-t-il aux associations de l'ESS ?", null],
    // a service reviewing the person's own documents
    ["Est-ce qu'un agent du Département pourrait jeter un œil à notre budget prévisionnel ?", "relecture-de-ses-documents"],
    ["Could the ESS team proofread our business plan before we send it?", "relecture-de-ses-documents"],
    ["Quelles pièces faut-il joindre à notre dossier pour l'agrément ESUS ?", null],
    // the state of a particular file, named by who filed it and when
    ["Le dossier déposé en mars par la régie de quartier d'Alès, il en est où ?", "suivi-dossier"],
    ["Quelle est la procédure une fois le dossier déposé ?", null],
    // the sum paid to a given structure
    ["Quel est le montant de l'aide versée à la ressourcerie de Vauvert l'an passé ?", "couts-et-versements"],
    ["Quel montant peut être versé à une association sans convention écrite ?", null],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});
