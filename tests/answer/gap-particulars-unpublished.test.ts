/**
 * Unpublished particulars found by probing the assistant with questions nobody had tuned for (knowledge/lacunes.yaml and
 * the own-case readings): who heads a directorate of the Département, the hours of the Maisons du Conseil départemental,
 * the floor area of premises lent to a commons, the schedule of the elected members' training, the sum a project may get
 * from the politique de la ville, a town council as one of a commons' three structures, whether one's own file « passe »,
 * what came out of the grand atelier, the sum a third person will get, and a co-funding decision to come. Wordings written
 * for this test, each family with near-misses that the sources answer and that must stay answered. Pure reads of the
 * guards; a follow-up is read with its topic (`text`) and its own words (`own`), as the answerer does.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const gapOf = (q: string, own?: string) => guards.gap(q, own)?.id ?? null;

describe("unpublished particulars asked alone", () => {
  const cases: [string, string | null][] = [
    // who heads a directorate: the sources name directorates, not their heads
    ["Qui est à la tête de la direction des solidarités du Département ?", "direction-departement-dirigeant"],
    ["Who heads the Département's purchasing directorate?", "direction-departement-dirigeant"],
    ["Quelle direction du Département a formé les acheteurs publics ?", null],
    ["Qui préside le conseil départemental du Gard ?", null],
    ["Qui est la vice-présidente du Département chargée de l'ESS ?", null],
    // the hours of the Maisons du Conseil départemental (only the Maison départementale's, in Nîmes, are published)
    ["Les horaires d'ouverture de la Maison du Conseil départemental de Bagnols-sur-Cèze ?", "horaires-maisons-departement"],
    ["What are the opening hours of the Alès Maison du Conseil départemental?", "horaires-maisons-departement"],
    ["Quels sont les horaires d'accueil de la Maison départementale à Nîmes ?", null],
    ["Où sont les Maisons du Conseil départemental ?", null],
    ["Les unités mobiles passent dans combien de communes ?", null],
    // the floor area of premises lent to a commons
    ["L'appel à communs peut fournir un local de combien de mètres carrés ?", "surface-locaux-appel-a-communs"],
    ["How much floor space can the call for commons provide to a commons?", "surface-locaux-appel-a-communs"],
    ["L'appel à communs peut-il apporter des locaux ?", null],
    ["Notre local fait 60 m², peut-on proposer un commun sur Gard centrale ?", null],
    ["Quelle est la superficie du Gard ?", null],
    // the schedule or programme of the elected members' training
    ["La formation des élus départementaux à l'ESS a lieu à quelles dates ?", "formation-elus-details"],
    ["What is the programme of the training of elected officials in the ESS?", "formation-elus-details"],
    ["La formation des élus fait-elle partie du schéma ESS ?", null],
    ["Dans quel axe du schéma se trouve la formation des élus ?", null],
    // the sum one project may get from the politique de la ville (only the 2024 total is published)
    ["Pour une association de Valdegour, combien peut-on obtenir du contrat de ville ?", "montant-projet-politique-de-la-ville"],
    ["How much can a project in a priority neighbourhood get from the politique de la ville?", "montant-projet-politique-de-la-ville"],
    ["Combien la politique de la ville a-t-elle financé au total dans les QPV du Gard en 2024 ?", null],
    ["Combien de quartiers prioritaires compte le Gard ?", null],
    ["Notre association monte un projet à Pissevin, on peut avoir de l'aide de qui ?", null],
    ["L'Adie prête jusqu'à combien à un porteur de projet en quartier prioritaire ?", null],
    ["Combien peut-on obtenir pour un projet de l'appel à communs ?", "montant-par-projet"],
    // a town council among a commons' three structures (whether public bodies can join is not published)
    ["Un conseil municipal peut-il être l'une des trois structures d'un commun ?", "membres-hors-ess-commun"],
    ["Can a city council join a commons as one of the three partners?", "membres-hors-ess-commun"],
    ["Une coopérative peut-elle être l'une des trois structures d'un commun ?", null],
    ["Can an association be one of the three partners of a commons?", null],
    // whether one's own file « passe »
    ["Ma candidature à l'appel à communs, elle passera ?", "suivi-dossier-passe"],
    ["Mon dossier d'agrément passe par la DDETS ou par la préfecture ?", null],
    ["Que se passe-t-il si la DDETS ne répond pas à notre demande ?", null],
    ["Ma demande de prêt d'honneur passe devant qui ?", null],
    // what came out of the grand atelier, asked in full
    ["Qu'est-ce qui est ressorti du grand atelier du 22 novembre ?", "grand-atelier-bilan"],
    ["Le grand atelier du 22 novembre, c'était où ?", null],
    // the sum a third person will get, and a co-funding decision to come
    ["Le porteur dont je vous ai parlé, il recevra combien de la Région ?", "issue-de-sa-demande"],
    ["Combien touchera-t-elle si la Région l'aide ?", "issue-de-sa-demande"],
    ["How much will he get from the Region?", "issue-de-sa-demande"],
    ["Il touchera combien au maximum avec le Pass Occitanie ?", null],
    ["Combien de temps recevra-t-il le microcrédit ?", null],
    ["La Région cofinancera-t-elle notre recyclerie ?", "issue-de-sa-demande"],
    ["Le Département a-t-il déjà cofinancé des communs ?", null],
    ["Qui peut cofinancer un projet de recyclerie ?", null],
  ];
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)).toBe(id));
});

describe("unpublished particulars asked by a follow-up of its topic", () => {
  const cases: [string, string, string | null][] = [
    // the grand atelier comes from the topic, what came out of it is asked
    ["Le grand atelier départemental, il a eu lieu où ? — et ça a donné quoi ?", "et ça a donné quoi ?", "grand-atelier-bilan-suite"],
    ["Le grand atelier départemental, il a eu lieu où ? — il y avait combien de monde ?", "il y avait combien de monde ?", "grand-atelier-bilan-suite"],
    ["Le grand atelier départemental, il a eu lieu où ? — et qui était invité ?", "et qui était invité ?", null],
    // the premises come from the topic, their floor area is asked
    ["Est-ce que l'appel à communs prête des locaux ? — ils font combien de m2 ?", "ils font combien de m2 ?", "surface-locaux-appel-a-communs"],
    ["Est-ce que l'appel à communs prête des locaux ? — et du matériel aussi ?", "et du matériel aussi ?", null],
    // the place comes from the topic, its hours are asked; the Maison départementale's are published
    ["Il y a une Maison du Conseil départemental au Vigan ? — et elle ouvre quels jours ?", "et elle ouvre quels jours ?", "horaires-maisons-departement"],
    [
      "Il y a une Maison du Conseil départemental au Vigan ? — et la Maison départementale de Nîmes, quels horaires ?",
      "et la Maison départementale de Nîmes, quels horaires ?",
      null,
    ],
    // the training comes from the topic, its schedule is asked
    ["Le schéma prévoit-il de former les élus ? — et c'est prévu quand ?", "et c'est prévu quand ?", "formation-elus-details"],
    ["Le Département a-t-il un programme pour former ses élus ?", "Le Département a-t-il un programme pour former ses élus ?", null],
    ["Le schéma prévoit la formation des élus ? — il y a un planning ?", "il y a un planning ?", "formation-elus-details"],
    // one's own file comes from the topic
    [
      "Quelles sont les conditions du prêt d'honneur d'Initiative Gard ? — et notre dossier, il passera ?",
      "et notre dossier, il passera ?",
      "suivi-dossier-passe",
    ],
    // a beneficiary described before, their sum asked
    [
      "Une SARL de menuiserie demande une aide pour investir. — et il touchera combien, le gérant ?",
      "et il touchera combien, le gérant ?",
      "issue-de-sa-demande",
    ],
    ["Une SARL de menuiserie demande une aide pour investir. — et c'est plafonné à combien ?", "et c'est plafonné à combien ?", null],
  ];
  for (const [text, own, id] of cases) it(`${own} (after: ${text}) → ${id ?? "no gap"}`, () => expect(gapOf(text, own)).toBe(id));
});
