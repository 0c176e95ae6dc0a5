/**
 * The project-fit reply on the real runtime (bundled knowledge, offline): its first
 * line, its `fit` options (zod schema), every statement cited to a source that is
 * listed, inferences marked « à vérifier », out-of-scope projects refused with the
 * route that remains, questions left to the ordinary answer; and with a model, the
 * same structure where only the lead may be rephrased.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BaseMessage } from "@langchain/core/messages";
import { FitOption, Reply } from "../../src/domain/reply.js";
import { createAssistant } from "../../src/conversation/assistant.js";
import type { ProjectFit } from "../../src/fit/project-fit.js";
import { isFaithfulRephrasing } from "../../src/fit/rephrase.js";
import { FIRST_LINE_START, fitHead } from "../../src/fit/text.js";
import { ScriptedChatModel, citations, expectGroundedAnswer, testRuntime, type TestRuntime, sharedRuntime } from "../answer/helpers.js";

const TIERS_LIEU = "Quelle action du schéma peut financer un tiers-lieu porté par trois associations à Alès ?";
const RECYCLERIE = "Un collectif veut créer une recyclerie coopérative à Bagnols-sur-Cèze avec la mairie : quelles mesures du schéma ESS peuvent l'aider ?";
const EPICERIE = "Une épicerie solidaire en SCIC à Saint-Ambroix cherche des fonds propres, le Département peut-il intervenir ?";

const t = sharedRuntime({ llm: null });

const ask = (q: string, audience: "agent" | "porteur" = "agent") => t.runtime.assistant.ask(q, { audience });

describe("project-fit reply", () => {
  it("a programme asked about and ruled out: the ESS team leads, the reply stays valid and is routed to the programme", async () => {
    const r = await ask("Notre chorale de Lasalle n'a que des bénévoles, aucun salarié. Le DLA, c'est pour nous ?", "porteur");
    expect(() => Reply.parse(r)).not.toThrow();
    expect(r.fit![0]!.process).toBe("mission-ess-departement");
    expect(r.fit![1]!.process).toBe("dla");
    expect(r.route?.process).toBe("dla");
    expect(r.route!.confidence).toBeGreaterThanOrEqual(0);
  });

  it("opens with the main track and the others, each cited, and carries the options in `fit`", async () => {
    const r = await ask(TIERS_LIEU);
    expect(() => Reply.parse(r)).not.toThrow();
    const first = r.text.split("\n")[0]!;
    expect(first).toMatch(new RegExp(`^${FIRST_LINE_START} \\*\\*Appel à communs[^*]*\\*\\* \\[\\d+\\] ; autres pistes : .+\\.$`));
    expect(r.fit!.length).toBeGreaterThanOrEqual(2);
    for (const o of r.fit!) expect(() => FitOption.parse(o)).not.toThrow();
    expect(r.fit![0]).toMatchObject({ process: "appel-a-communs", axis: "axe-1-cooperations", verdict: "eligible" });
    expect(r.fit![0]!.measures).toContain("appel-a-communs");
    expect(r.route?.process).toBe("appel-a-communs");
    expect(r.refused).toBe(false);
    expect(r.actions.find((a) => a.id === "eligibility")).toMatchObject({ label: "Vérifier l'éligibilité", value: "appel-a-communs" });
  });

  it("cites every statement: each [n] is a listed source and each source is cited, measure, axis, process and rule alike", async () => {
    for (const q of [TIERS_LIEU, RECYCLERIE, EPICERIE]) {
      const r = await ask(q);
      expectGroundedAnswer(r, q);
      const ids = r.sources.map((s) => s.id);
      expect(
        ids.some((id) => id.startsWith("regles/")),
        q,
      ).toBe(true);
      expect(
        ids.some((id) => id.startsWith("axe-")),
        q,
      ).toBe(true);
      for (const o of r.fit!) {
        expect(citations(o.why).length, `${q} — ${o.process}`).toBeGreaterThan(0);
        expect(citations(o.verdictText ?? "").length, `${q} — ${o.process}`).toBeGreaterThan(0);
        for (const n of [...citations(o.why), ...citations(o.verdictText ?? ""), ...citations(o.apply ?? "")]) expect(r.sources.map((s) => s.n)).toContain(n);
      }
    }
  });

  it("answers the issue's three agent questions with options instead of « je ne sais pas »", async () => {
    const recyclerie = await ask(RECYCLERIE);
    expect(recyclerie.refused).toBe(false);
    expect(recyclerie.fit![0]!.process).toBe("appel-a-communs");
    const epicerie = await ask(EPICERIE);
    expect(epicerie.refused).toBe(false);
    expect(epicerie.fit!.map((o) => o.process)).toEqual(expect.arrayContaining(["france-active", "scic-participation"]));
    expect(epicerie.sources.map((s) => s.id)).toEqual(expect.arrayContaining(["scic-participation", "france-active"]));
  });

  it("names the facts that would change a verdict, at most two, and marks inferences « à vérifier »", async () => {
    const r = await ask(RECYCLERIE);
    const incomplete = r.fit!.find((o) => o.verdict === "incomplete")!;
    expect(incomplete.missing.length).toBeGreaterThan(0);
    expect(incomplete.missing.length).toBeLessThanOrEqual(2);
    expect(r.text).toContain("Ce qui changerait le verdict : Combien de structures participent au projet");
    // Bagnols-sur-Cèze has a QPV: for this address it is an inference.
    expect(r.text).toMatch(/Bagnols-sur-Cèze compte au moins un quartier prioritaire[^\n]*à vérifier[^\n]*\[\d+\]/);
    // A process → axis attachment that is the team's hypothesis says so.
    expect(r.text).toMatch(/Axe 2 — Promouvoir l'ESS \[\d+\] \(rattachement à vérifier\)/);
  });

  it("the opening paragraphs end before the options, which channels render from `fit`", async () => {
    const r = await ask(TIERS_LIEU);
    const head = fitHead(r.text);
    expect(head.startsWith(FIRST_LINE_START)).toBe(true);
    expect(head).toContain("Ce que je retiens du projet");
    expect(head).not.toContain("**1. ");
    expect(r.text).toContain("**1. ");
  });

  it("refuses a project out of the ESS scope, with the Région as the route that remains", async () => {
    const r = await ask(
      "un gars qui a une franchise de fast-food à Beaucaire demande si le schéma ESS peut lui payer sa campagne de pub et l'agrandissement de son parking, il a rien d'ESS",
    );
    expect(r.refused).toBe(true);
    expect(r.fit!.map((o) => o.process)).toEqual(["region-occitanie"]);
    expect(r.text.startsWith(FIRST_LINE_START)).toBe(true);
    expect(r.text).toMatch(/ne relève pas de l'économie sociale et solidaire/);
    expectGroundedAnswer({ ...r, refused: false }, "hors champ");
  });

  it("a commercial company without ESS statutes that says it has no social side is refused", async () => {
    const r = await ask(
      "Ma SARL de négoce de matériaux à Beaucaire, sans aucune dimension sociale, voudrait une subvention du Département pour agrandir son entrepôt.",
      "porteur",
    );
    expect(r.refused).toBe(true);
    expect(r.fit!.map((o) => o.process)).toEqual(["region-occitanie"]);
    // With ESS statutes, the same words do not make it out of scope.
    const ess = await ask(
      "Notre SAS à statuts ESS de Bagnols-sur-Cèze, sans aucune dimension commerciale agressive, cherche des fonds propres auprès de financeurs solidaires.",
      "porteur",
    );
    expect(ess.refused).toBe(false);
  });

  it("gambling, or a hotel chain listed on the stock market, is out of scope; an association's project keeps its reading", async () => {
    for (const q of [
      "Un groupe privé veut ouvrir un casino avec machines à sous au Grau-du-Roi. Quelle action du schéma ESS peut financer ce projet ?",
      "A start-up for online sports betting (an SAS backed by an investment fund) wants to settle in Nîmes. Which ESS measure can fund its launch?",
      "Une chaîne hôtelière cotée en bourse veut construire un hôtel à Uzès et demande quelle mesure du schéma ESS peut la subventionner.",
    ])
      expect((await ask(q)).refused).toBe(true);
    const prevention = await ask(
      "Notre association de prévention des addictions aux jeux d'argent et aux paris sportifs, à Nîmes (3 salariés), cherche des financements pour ouvrir une permanence.",
      "porteur",
    );
    expect(prevention.refused).toBe(false);
  });

  it("luxury leisure and rental investment are out of scope; a cooking request is out of mission", async () => {
    const spa = await ask(
      "Nous voulons construire un hôtel 5 étoiles avec spa près du pont du Gard, pour une clientèle haut de gamme. Quelle aide du schéma ESS ?",
    );
    expect(spa.refused).toBe(true);
    const rent = await ask("je veux acheter deux studios a Alès pour les louer sur airbnb, le departement peut financer avec l'ESS ?", "porteur");
    expect(rent.refused).toBe(true);
    const recipe = await ask("Donne-moi une recette de tapenade pour la fête de notre association.", "porteur");
    expect(recipe.refused).toBe(true);
    expect(recipe.fit ?? []).toEqual([]);
    // « recettes » of an association are its income: a question about them is no cooking request.
    const income = await ask("Les recettes de la buvette de notre association comptent-elles dans son modèle économique ?", "porteur");
    expect(income.text).not.toMatch(/sort de ma mission/);
  });

  it("private life is no project: a home pool for the family, a wedding, a cover letter, a debt consolidation", async () => {
    for (const q of [
      "On voudrait une piscine avec un pool house à la maison, à Milhaud, pour recevoir la famille. Le Département aide ?",
      "on fete le mariage de mon frere a Anduze en juillet, le departement peut nous aider a payer la salle ?",
      "Écris-moi une lettre de motivation pour un poste d'animatrice.",
      "je suis surendetté, je cherche un microcredit pour regrouper mes dettes, c'est possible dans le gard ?",
      // Consumer credits, a stag party, a holiday trip.
      "J'ai trois crédits renouvelables et je n'arrive plus à rembourser mes mensualités, l'ESS peut m'aider ?",
      "on prépare l'EVJF de ma cousine à Uzès (canoë + resto), le département peut payer une partie ?",
      "Je voudrais financer mon road trip à vélo dans le Gard cet automne, c'est un projet perso, pas d'asso.",
      "le departement peut me payer mes vacances en camping car ?",
      "on part à six entre copains, le Département pourrait financer nos vacances au ski ?",
      "On aimerait une aide pour refaire la salle de bain de notre maison à Bellegarde.",
    ]) {
      const r = await ask(q, "porteur");
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(true);
    }
  });

  it("a private individual's pool or flat to let is refused with the schema cited; a person's private data is no project", async () => {
    for (const q of [
      "J'aimerais faire construire une piscine à Vauvert, chez moi, le Département subventionne ?",
      // (« LMNP », « louer aux touristes » are out of mission on the question side already: prompts/guardrails.yaml)
      "Je compte acheter deux studios à Alès pour les louer aux vacanciers, quelle aide ?",
    ]) {
      const r = await ask(q, "porteur");
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(true);
      expect(r.fit ?? []).toEqual([]);
      expect(r.sources.map((s) => s.id)).toContain("schema-ess-gard");
      expect(citations(r.text)).toEqual([1]);
    }
    const data = await ask("Combien gagne et quelle est la situation familiale de la chargée de mission qui suit l'appel à communs ?");
    expect(data.refused).toBe(true);
    expect(data.fit ?? []).toEqual([]);
  });

  it("an ESS carrier asking to be supported, with no need named, is oriented to the ESS team with the team cited, not refused", async () => {
    for (const q of [
      "La maire de Lédignan se demande si les associations du village peuvent être soutenues au titre du schéma ESS ; rien de précis pour le moment. Vers qui l'orienter ?",
      "Un collectif d'habitants de Sauve veut transformer un parking en placette et faire de la publicité pour la fête : quel soutien ?",
    ]) {
      const r = await ask(q);
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(false);
      expect(r.fit?.length).toBeGreaterThan(0);
      expect(r.fit![0]!.process).not.toBe("region-occitanie");
    }
    const mayor = await ask(
      "La maire de Lédignan se demande si les associations du village peuvent être soutenues au titre du schéma ESS ; rien de précis pour le moment. Vers qui l'orienter ?",
    );
    expect(mayor.fit![0]!.process).toBe("mission-ess-departement");
    expect(mayor.sources.map((s) => s.id)).toContain("mission-ess-departement");
  });

  it("what the writer gave up is read neither as a need nor by the router: « pensait demander l'entrée au capital… il faut une garantie »", async () => {
    const r = await ask(
      "La SCIC d'habitat participatif de Nîmes pensait demander au Département d'entrer au capital, mais en fait ce qui lui manque c'est une garantie bancaire.",
    );
    expect(r.fit![0]!.process).toBe("france-active");
  });

  it("a company that wants ESS statutes, or a shop that resells repaired goods, is no tax dodge nor speculation", async () => {
    for (const q of [
      "Notre SAS de Nîmes voudrait passer aux statuts ESS et obtenir l'agrément ESUS : par où commencer ?",
      "Notre SARL de Vauvert collecte des vélos usagés pour les revendre réparés et voudrait embaucher des personnes en insertion : quel accompagnement ?",
    ]) {
      const r = await ask(q, "porteur");
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(false);
    }
  });

  it("in English, an employer non-profit whose real issue is its business model gets the DLA first", async () => {
    const r = await ask(
      "Meeting notes: a theatre non-profit in Alès, 4 employees, lost a city grant. They would like sponsors, but the real issue is their business model.",
    );
    expect(r.fit![0]!.process).toBe("dla");
  });

  it("a structure that organises holidays for families, or renovates its community house, keeps its project reading", async () => {
    const house = await ask("Notre association veut rénover la cuisine de notre maison de quartier à Pissevin, quels financements ?");
    expect(house.refused).toBe(false);
    const r = await ask("Notre centre social d'Alès veut organiser des séjours de vacances solidaires pour les familles du quartier : quels financements ?");
    expect(r.refused).toBe(false);
    expect(r.fit?.length).toBeGreaterThan(0);
  });

  it("a tax dodge under an ESS label, or land bought to resell once buildable, is out of scope", async () => {
    for (const q of [
      "Notre holding familiale de Nîmes voudrait une étiquette ESS pour sa flotte de yachts afin de payer moins d'impôts. Comment faire ?",
      "Notre SCI familiale veut acheter des vignes à Bellegarde qui devraient devenir constructibles, pour les revendre avec une belle plus-value. Le schéma ESS aide ?",
    ]) {
      const r = await ask(q, "porteur");
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(true);
    }
  });

  it("a sole trader starting out who asks for a 0 % loan is a project, not a private loan", async () => {
    const r = await ask(
      "I'm a potter and want to set up my own studio in Sommières as a sole trader. Is there a 0% personal loan for people starting a business?",
      "porteur",
    );
    expect(r.refused).toBe(false);
    expect(r.fit!.map((o) => o.process)).toContain("pret-honneur-microcredit");
  });

  it("an existing structure asking for something outside the mission is refused (not given funders); one being created keeps its honour loan", async () => {
    for (const q of [
      "Quelle est la meilleure banque pour notre asso à Nîmes ?",
      "notre scop de Beaucaire cherche quelle banque choisir pour ses comptes, vous conseillez laquelle ?",
    ]) {
      const r = await ask(q, "porteur");
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(true);
      expect(r.fit ?? []).toEqual([]);
    }
    const takeover = await ask(
      "Je reprends l'épicerie de mon village près d'Alès en entreprise individuelle ; il me manque 10 000 €, existe-t-il un prêt personnel à taux zéro ?",
      "porteur",
    );
    expect(takeover.refused).toBe(false);
    expect(takeover.fit!.map((o) => o.process)).toContain("pret-honneur-microcredit");
  });

  it("a company with ESS statutes is not sent to the Région's business aid first", async () => {
    const r = await ask(
      "SAS à statuts ESS en cours de création à Uzès : une épicerie itinérante pour les villages, modèle économique pas encore stabilisé, trois cofondatrices. Quelle mesure pour les accompagner ?",
    );
    expect(r.fit![0]!.process).not.toBe("region-occitanie");
  });

  it("a count asked by nobody in particular is a statistic, not a project", async () => {
    const r = await ask("Combien de SCIC le Département a-t-il accompagnées depuis 2024 ?", "agent");
    expect(r.fit ?? []).toEqual([]);
  });

  it("a precise detail the answer did not find is no project, even read loosely; a need in a priority area still is", async () => {
    const streets = await ask("Le quartier prioritaire de Pissevin, il s'arrête à quelles rues exactement ?", "porteur");
    expect(streets.refused, streets.text).toBe(true);
    expect(streets.fit ?? []).toEqual([]);
    const need = await ask("On ouvre une épicerie solidaire dans un quartier prioritaire de Nîmes, qui peut nous aider ?", "porteur");
    expect(need.refused, need.text).toBe(false);
  });

  it("a holder's private money matter is no project, even read loosely; an agent's work in the first person still is", async () => {
    const debt = await ask("Mon voisin me doit 2000 euros, comment je récupère mon argent ?", "porteur");
    expect(debt.refused, debt.text).toBe(true);
    expect(debt.fit ?? []).toEqual([]);
    const agent = await ask(
      "Je prépare un marché de nettoyage des collèges et je voudrais que des entreprises d'insertion puissent y répondre : sur quoi m'appuyer ?",
      "agent",
    );
    expect(agent.refused, agent.text).toBe(false);
    expect(agent.route).not.toBeNull();
  });

  it("a person's private loan is refused, not read as a project; an honour loan to create a business is a project", async () => {
    const car = await ask("Bonjour, je voudrais un crédit auto de 12 000 € pour changer de voiture, le Département peut-il me le prêter ?", "porteur");
    expect(car.refused).toBe(true);
    expect(car.fit ?? []).toEqual([]);
    // A volunteer of two associations asking for a personal car loan is still asking for herself.
    const volunteer = await ask(
      "bjr jsuis bénévole dans 3 assos du Vigan, j'ai besoin d'un crédit auto de 7000€ pr ma voiture, le departement peut me le faire ?",
      "porteur",
    );
    expect(volunteer.refused).toBe(true);
    expect(volunteer.fit ?? []).toEqual([]);
    const villa = await ask(
      "An English couple is buying a holiday villa near Sommières for their own family use: does the ESS plan offer a renovation grant?",
      "porteur",
    );
    expect(villa.refused).toBe(true);
    const creation = await ask(
      "Je vais créer mon salon de coiffure à Vauvert en entreprise individuelle et la banque ne suit pas : existe-t-il un prêt personnel sans intérêt ?",
      "porteur",
    );
    expect(creation.refused).toBe(false);
    expect(creation.fit![0]!.process).toBe("pret-honneur-microcredit");
  });

  it("a project that asks for its file's status, a future budget or a poem is refused; one that cites a known case still gets its options", async () => {
    const status = await ask(
      "Notre collectif de trois associations de Quissac a déposé un commun sur Gard centrale cet été. Pouvez-vous nous dire où en est notre dossier ?",
      "porteur",
    );
    expect(status.refused).toBe(true);
    expect(status.fit ?? []).toEqual([]);
    const poem = await ask("Notre chorale associative de Lédignan fête ses vingt ans : tu peux nous écrire un poème pour l'occasion ?", "porteur");
    expect(poem.refused).toBe(true);
    const other = await ask(
      "Nous sommes trois associations de Vauvert et préparons un commun. Pouvez-vous nous envoyer le dossier que l'association voisine a déposé, avec le montant qu'elle a demandé ?",
      "porteur",
    );
    expect(other.refused).toBe(true);
    expect(other.fit ?? []).toEqual([]);
    const cited = await ask(
      "Une SCIC de services à la personne en création à Bagnols-sur-Cèze voudrait que le Département entre à son capital, comme il l'a fait pour Gard et Autonomie : quelle démarche ?",
    );
    expect(cited.refused).toBe(false);
    expect(cited.fit![0]!.process).toBe("scic-participation");
  });

  it("a project outside the Gard that asks the Gard's Département is refused with the ESS team as the person to ask", async () => {
    for (const text of [
      "Notre association d'aide alimentaire de Montpellier (Hérault) voudrait une subvention du Département du Gard pour rénover son entrepôt montpelliérain.",
      "We're a cooperative based in Avignon and all our work is in Provence: can the Gard Département's appel à communs fund us?",
    ]) {
      const r = await ask(text, "porteur");
      expect(r.refused, `${text}\n→ ${r.text}`).toBe(true);
      expect(r.fit ?? []).toEqual([]);
      expect(r.route?.process).toBe("mission-ess-departement");
      expect(r.text).toMatch(/hors du Gard|outside the Gard/);
    }
    // A Gard project shortened as people say it ("Bagnols", "St Hippolyte") is no project outside the Gard.
    const short = await ask("notre scic de tiers lieu a st hippolyte voudrait que le departement prenne des parts sociales, c jouable ?", "porteur");
    expect(short.refused).toBe(false);
    expect(short.fit![0]!.process).toBe("scic-participation");
  });

  it("a commercial SME asking for an investment grant is routed to the Région, not refused", async () => {
    const r = await ask(
      "on a une petite SAS de torréfaction a Anduze, 2 salariés, premier bilan clôturé, on veut une aide pr un nouveau torréfacteur a 25 000€, le departement peut nous aider ou pas ?",
      "porteur",
    );
    expect(r.refused).toBe(false);
    expect(r.fit![0]!.process).toBe("region-occitanie");
    expect(r.fit![0]!.axis).toBe("hors-schema");
  });

  it("a described project that happens to match an out-of-mission pattern is still answered", async () => {
    const r = await ask(
      "Notre association de Vauvert, composée de passionnés d'histoire locale, voudrait financer la restauration d'un lavoir et cherche des mécènes.",
      "porteur",
    );
    expect(r.refused).toBe(false);
    expect(r.fit![0]!.process).toBe("mecenat-fondations");
    expect((await ask("Écris-moi un poème sur l'économie sociale et solidaire, s'il te plaît.")).refused).toBe(true);
  });

  it("a question about the schema keeps the ordinary answer, without `fit`", async () => {
    const r = await ask("Qu'est-ce que l'appel à communs ?");
    expect(r.fit).toBeUndefined();
    expect(r.text.startsWith(FIRST_LINE_START)).toBe(false);
  });

  it("a question relayed by an agent that asks something unpublished is no project: the known gap answers", async () => {
    // « prochaines éditions » is a gap a project may merely mention (projet: non); relayed, it is asked
    const r = await ask("Une association de mon secteur me demande quand aura lieu la prochaine édition des Rencontres du mécénat.");
    expect(r.fit).toBeUndefined();
    expect(r.refused, r.text).toBe(true);
    expect(r.text).toMatch(/^Je ne sais pas/);
  });

  it("one question about an unpublished subject, asked for no structure of the writer's, is no project", async () => {
    const r = await ask("Combien la ville de Nîmes verse-t-elle chaque année aux associations de l'ESS ?");
    expect(r.fit).toBeUndefined();
    expect(r.refused, r.text).toBe(true);
    // a structure's project that merely cites the same kind of subject keeps its options
    const project = await ask("Notre SCIC d'Alès voudrait que le Département entre à son capital comme pour la SCIC Gard et Autonomie : à qui le demander ?");
    expect(project.fit?.length, project.text).toBeGreaterThan(0);
  });

  it("a failing project fit leaves the ordinary answer intact", async () => {
    const broken = { reply: async () => Promise.reject(new Error("boom")) } as unknown as ProjectFit;
    const errors: unknown[] = [];
    const assistant = createAssistant({
      answerer: t.runtime.answerer,
      storage: t.runtime.storage,
      pseudonymSecret: "fit-test-secret-0123456789abcdef",
      fit: broken,
      logger: { warn: () => {}, error: (o) => errors.push(o) },
    });
    const r = await assistant.ask(TIERS_LIEU, { audience: "agent" });
    expect(r.type).toBe("answer");
    expect(r.fit).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
  });

  it("says that secondary sources are « à vérifier »", async () => {
    const r = await ask(EPICERIE);
    expect(r.sources.some((s) => s.status === "reported")).toBe(true);
    expect(r.text).toMatch(/sources citées sont secondaires[^\n]*à vérifier/);
  });

  it("never cites a document reserved to agents in a holder's answer", async () => {
    const q = "Notre SCOP de nettoyage d'Alès (22 salariés) veut répondre aux marchés publics du Département : comment s'y préparer ?";
    const agent = await ask(q, "agent");
    const porteur = await ask(q, "porteur");
    expect(agent.fit![0]!.process).toBe("commande-publique");
    expect(porteur.fit![0]!.process).toBe("commande-publique");
    expect(porteur.sources.map((s) => s.id)).not.toContain("mesure-formation-acheteurs");
  });
});

describe("with a model", () => {
  const leadOf = (messages: BaseMessage[]) => String(messages.find((m) => m.getType() === "human")?.content ?? "");
  let offline: Reply;
  let model: ScriptedChatModel;
  let withModel: TestRuntime;
  beforeAll(async () => {
    offline = await ask(TIERS_LIEU);
    model = new ScriptedChatModel();
    withModel = await testRuntime({ llm: model });
  }, 120_000);
  afterAll(async () => {
    await withModel?.close();
  });

  it("returns the same structure; the model only rephrases the lead", async () => {
    model.script = (messages) => `Pour vous résumer : ${leadOf(messages)}`;
    const r = await withModel.runtime.assistant.ask(TIERS_LIEU, { audience: "agent" });
    expect(r.fit).toEqual(offline.fit);
    expect(r.sources).toEqual(offline.sources);
    expect(r.text.split("\n\n")[1]).toMatch(/^Pour vous résumer : /);
    expect(r.text.split("\n\n")[0]).toBe(offline.text.split("\n\n")[0]);
    expect(r.text.split("\n\n").slice(2)).toEqual(offline.text.split("\n\n").slice(2));
  });

  it("discards a rephrasing that adds a figure or drops a citation, and survives a failing model", async () => {
    model.script = (messages) => `${leadOf(messages)} Le Département y consacre 30 000 € par projet.`;
    expect((await withModel.runtime.assistant.ask(TIERS_LIEU, { audience: "agent" })).text).toBe(offline.text);
    model.script = (messages) => leadOf(messages).replace(/\[\d+\]/g, "");
    expect((await withModel.runtime.assistant.ask(TIERS_LIEU, { audience: "agent" })).text).toBe(offline.text);
    model.script = () => {
      throw new Error("model down");
    };
    expect((await withModel.runtime.assistant.ask(TIERS_LIEU, { audience: "agent" })).text).toBe(offline.text);
  });

  it("isFaithfulRephrasing keeps citations and figures, refuses links", () => {
    const lead = "L'appel à communs finance 250 000 € par an [1].";
    expect(isFaithfulRephrasing(lead, "Chaque année, l'appel à communs dispose de 250 000 € [1].")).toBe(true);
    expect(isFaithfulRephrasing(lead, "L'appel à communs finance 300 000 € par an [1].")).toBe(false);
    expect(isFaithfulRephrasing(lead, "L'appel à communs finance 250 000 € par an [2].")).toBe(false);
    expect(isFaithfulRephrasing(lead, "Voir https://gard.fr : 250 000 € [1].")).toBe(false);
  });
});
