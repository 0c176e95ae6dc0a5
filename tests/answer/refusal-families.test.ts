/**
 * Families of questions whose answer no source publishes, or that a close answer does not give, and their near misses
 * that must stay answerable: a count given only by durations, sums or other things' figures (src/answer/asked-quantity.ts);
 * a name written as one word (« Alterincub »); one numbered item of a plan (src/answer/asked-slot.ts); a ranking of
 * départements, a jury's members, the legal or tax reading of one's own case (knowledge/lacunes.yaml); items asked one by
 * one that a card only counts; a question relayed in English without « me » (src/answer/relayed.ts). Wordings written
 * for this test.
 */
import { describe, expect, it } from "vitest";
import { countsOnlyOther, givesAsked, glued } from "../../src/answer/asked-quantity.js";
import { askedSlots, fillsAskedSlots } from "../../src/answer/asked-slot.js";
import { Guards } from "../../src/answer/guards.js";
import { asksOwnOutcome } from "../../src/answer/own-outcome.js";
import { unframe } from "../../src/answer/relayed.js";
import { sharedRuntime } from "./helpers.js";

describe("a count asked is not given by figures of something else", () => {
  it("a duration, a sum or a share counts no things", () => {
    expect(
      givesAsked("number", "Combien d'entreprises la coopérative a-t-elle accompagnées ?", "Le parcours dure environ 18 mois, avec un suivi mensuel."),
    ).toBe(false);
    expect(givesAsked("number", "Combien de dossiers ont été retenus ?", "L'enveloppe est de 400 000 € sur deux ans.")).toBe(false);
    expect(givesAsked("number", "Combien d'associations sont accompagnées ?", "Le programme dure 2 ans et coûte 3 000 € par an.")).toBe(false);
  });
  it("figures of other things beside the things asked do not count them", () => {
    expect(
      givesAsked("number", "Combien d'élus ont assisté à la session ?", "La session a réuni les élus autour d'un plan de 4 orientations et 27 engagements."),
    ).toBe(false);
    expect(countsOnlyOther("la feuille de route compte 3 volets et 12 fiches, présentées aux agents", ["agent"], true)).toBe(true);
  });
  it("near misses: a figure before the things, before people, or a count in other words still answers", () => {
    expect(givesAsked("number", "Combien d'entreprises ont été accompagnées ?", "En 2024, 1,2 million d'euros ont soutenu 85 entreprises.")).toBe(true);
    expect(givesAsked("number", "Combien d'entreprises ont été accompagnées ?", "L'incubateur a suivi une trentaine de projets.")).toBe(true);
    expect(givesAsked("number", "Combien d'élus ont été formés ?", "Plus de 60 personnes ont été formées, élus et agents.")).toBe(true);
    expect(givesAsked("number", "Combien de villages compte la communauté ?", "Elle regroupe 27 villages autour d'Uzès.")).toBe(true);
    // a question asking a duration is not touched
    expect(givesAsked("number", "Combien de temps dure le programme ?", "Le programme dure environ 18 mois.")).toBe(true);
    expect(givesAsked("number", "le programme dure cb de tps ?", "Le programme dure environ 18 mois.")).toBe(true);
    // a share may count them (« 40 % … en fonds propres »)
    expect(givesAsked("number", "Combien de fonds propres faut-il garder ?", "Au moins 40 % des excédents sont mis en fonds propres.")).toBe(true);
    // an English question is answered from French passages, whose nouns are not its own
    expect(givesAsked("number", "How many organisations must apply together?", "Il faut au moins 3 structures, dont des organisations de l'ESS.")).toBe(true);
    expect(countsOnlyOther("aucun chiffre ici", ["agent"], false)).toBe(false);
  });
});

describe("a name written as one word", () => {
  it("is the name the text writes in words", () => {
    expect(glued("minedetalent", "la CAE Mine de talents accueille")).toBe(true);
    expect(glued("franceactive", "France Active Airdie")).toBe(true);
    expect(
      givesAsked(
        "number",
        "Combien de temps dure l'accompagnement chez Franceactive ?",
        "L'accompagnement dure 6 mois.",
        undefined,
        "France Active accompagne",
      ),
    ).toBe(true);
  });
  it("near misses: another name, or a short word, is not one", () => {
    expect(glued("franceinitiative", "France Active Airdie")).toBe(false);
    expect(glued("lesca", "les CAE du Gard")).toBe(false);
    expect(
      givesAsked(
        "number",
        "Combien de temps dure l'accompagnement chez Initiativegard ?",
        "L'accompagnement dure 6 mois.",
        undefined,
        "France Active accompagne",
      ),
    ).toBe(false);
  });
});

describe("one numbered item of a plan", () => {
  it("is asked by its noun and number", () => {
    expect(askedSlots("Que finance la fiche action 7 de la feuille de route ?")).toEqual(["numbered-item"]);
    expect(askedSlots("Tell me about the measure 3 of the purchasing plan.")).toEqual(["numbered-item"]);
    // near miss: an axis of the schema has documents of its own
    expect(askedSlots("Que prévoit l'axe 2 du schéma ?")).toEqual([]);
  });
  it("is given only by a text that names that item", () => {
    const q = "Quel budget est prévu pour la mesure 8 du plan achats ?";
    expect(fillsAskedSlots(q, "Le plan compte 4 axes et 30 mesures, voté en 2025.")).toBe(false);
    expect(fillsAskedSlots(q, "La mesure 8 vise les clauses d'insertion.")).toBe(true);
    expect(fillsAskedSlots(q, "La mesure n° 8 vise les clauses d'insertion.")).toBe(true);
  });
  it("near misses: a count of items, or a figure after the noun, names no item", () => {
    expect(askedSlots("Que contiennent les 30 mesures du plan ?")).toEqual([]);
    expect(askedSlots("L'action a coûté 12 € par personne ?")).toEqual([]);
    expect(askedSlots("Le plan compte-t-il 4 axes ?")).toEqual([]);
  });
});

describe("gaps read by what is asked", () => {
  const guards = Guards.load();
  const gapOf = (q: string) => guards.gap(q)?.id ?? null;
  const cases: [string, string | null][] = [
    // a ranking of départements
    ["Quel département français est le meilleur pour les coopératives ?", "classement-entre-departements"],
    ["Which department does the most for the social economy?", "classement-entre-departements"],
    ["Quel est le meilleur moment pour déposer un dossier au Département ?", null],
    ["Le Gard est-il le département le plus pauvre de France ?", null],
    // the members of a jury or a selection committee
    ["Qui siège au comité de sélection ?", "composition-jury"],
    ["Who is on the panel that picks the projects?", "composition-jury"],
    ["Qui siège dans les jurys des marchés publics du Département ?", null],
    ["Le jury se réunit quand ?", null],
    // the legal or tax reading of one's own case
    ["On a touché 12 000 € de la Région : dans notre cas, c'est imposable ?", "qualification-de-son-cas"],
    ["In our case, does this grant count as state aid?", "qualification-de-son-cas"],
    ["Qu'est-ce que la règle de minimis ?", null],
    ["Dans notre cas, quel accompagnement choisir ?", null],
    // documents of the person's structure put up for a verdict
    ["Voici nos statuts : dites-moi si la gouvernance est conforme pour l'agrément.", "examen-de-ses-documents"],
    ["Here are our accounts for last year, tell me if we qualify.", "examen-de-ses-documents"],
    ["Voici notre budget prévisionnel, est-ce que le Département peut nous aider ?", null],
    // the share of turnover paid to a cooperative is a published rule, another structure's accounts are not
    ["Dans une coopérative d'activité, on reverse quelle part de son chiffre d'affaires ?", null],
    ["Quel est le chiffre d'affaires de la SCOP de Nîmes, et son budget annuel ?", "comptes-structures"],
  ];
  it.each(cases)("%s → %s", (q, id) => {
    expect(gapOf(q)).toBe(id);
  });
});

describe("a part of a sum stated as the whole", () => {
  it("is a sum: a number of projects or the whole repeated is no answer", () => {
    const q = "Sur les 500 000 € du contrat de ville, combien sont allés à Beaucaire ?";
    expect(givesAsked("number", q, "Le contrat de ville a mobilisé 500 000 € pour 90 projets ; à Beaucaire, 12 projets ont été soutenus.")).toBe(false);
    expect(givesAsked("number", q, "Sur ces 500 000 €, 60 000 € sont allés à Beaucaire.")).toBe(true);
  });
  it("near miss: a part of a number of people is a number", () => {
    expect(givesAsked("number", "Parmi les 150 inscrits, combien étaient des élus ?", "Sur 150 inscrits, on comptait 30 élus.")).toBe(true);
  });
});

describe("the next stage of one's own programme", () => {
  it("is an outcome of one's own file", () => {
    expect(asksOwnOutcome("On termine la pré-incubation en mars : est-ce qu'on va passer en incubation ?")).toBe(true);
    expect(asksOwnOutcome("Je vais être admise dans la prochaine promo, vous pensez ?")).toBe(true);
  });
  it("near misses: how one moves on, or one's own plan, is no outcome", () => {
    expect(asksOwnOutcome("Comment passe-t-on de la pré-incubation à l'incubation ?")).toBe(false);
    expect(asksOwnOutcome("On va passer en SCIC : qu'est-ce que ça change pour les aides ?")).toBe(false);
  });
});

describe("a question relayed in English without « me »", () => {
  it("asks its inner question", () => {
    expect(unframe("A councillor from Uzès asks who runs the ESS team. What should I say?")).toMatch(/^Who runs the ESS team/);
  });
  it("near miss: a question that only names someone asking is left whole", () => {
    const q = "A partner asks for a meeting: is the ESS team available?";
    expect(unframe(q)).toBe(q);
  });
});

describe("items asked one by one that a card only counts", () => {
  const t = sharedRuntime({ llm: null });
  it("are not given by the card that counts them", async () => {
    const r = await t.runtime.answerer.ask("Tu pourrais me lister les 39 actions du SPASER, stp ?", { audience: "agent" });
    expect(r.refused, r.text).toBe(true);
    expect(r.text).toMatch(/39 actions/);
  });
  it("a year asked that the passages found do not reach is said by a card naming it", async () => {
    const r = await t.runtime.answerer.ask("Quel jour se sont tenues les Rencontres du mécénat de 2024 ?", { audience: "porteur" });
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/7 novembre/);
  });
  it("near miss: a year no source reaches is still not published", async () => {
    const r = await t.runtime.answerer.ask("Quel jour se tiendront les Rencontres du mécénat de 2027 ?", { audience: "porteur" });
    expect(r.refused, r.text).toBe(true);
  });
  it("near miss: how many there are is still answered", async () => {
    const r = await t.runtime.answerer.ask("Le SPASER compte combien d'actions au total ?", { audience: "agent" });
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/39/);
  });
});
