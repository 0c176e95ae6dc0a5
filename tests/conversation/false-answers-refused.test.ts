/**
 * Questions whose answer the sources do not publish but which got a neighbouring text as an answer: a cost asked (given
 * only by a sum of money, « gratuit » or a share, not by a number of participants or a description of the work done), the
 * time one's own funds arrive asked as « recevoir les fonds ». Near-misses keep their published answer. Wordings written
 * for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { givesAsked } from "../../src/answer/asked-quantity.js";
import { answerType, asksSum } from "../../src/answer/cards.js";
import { asksToDraft, asksToDraftTender } from "../../src/answer/drafting.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a cost is answered only by an amount of money", () => {
  it("reads a figure that is no sum as no cost", () => {
    expect(givesAsked("number", "Combien a coûté l'atelier ?", "Plus de 150 personnes y ont participé.")).toBe(false);
    expect(givesAsked("number", "Combien a coûté l'atelier ?", "Il a coûté 12 000 € au Département.")).toBe(true);
    expect(givesAsked("number", "Ça coûte combien, l'accompagnement ?", "Il est gratuit pour la structure.")).toBe(true);
    // a count asked is not a cost: « combien de factures »
    expect(givesAsked("number", "Combien de factures faut-il joindre ?", "Trois factures.")).toBe(true);
  });

  it("reads a cost, a price or a tariff asked without « combien », not an award", () => {
    expect(asksSum("Quel a été le coût de l'étude ?")).toBe(true);
    expect(asksSum("Quels sont les tarifs de la formation ?")).toBe(true);
    expect(asksSum("Le prix de l'adhésion, c'est combien ?")).toBe(true);
    expect(asksSum("Quel prix la coopérative a-t-elle remporté au concours ?")).toBe(false);
    expect(answerType("What did the study cost?")).toBe("number");
  });

  it.each([
    "La concertation menée avant le schéma ESS, elle a coûté combien au Département ?",
    "Quel a été le coût des ateliers de concertation du schéma ?",
    "What did the consultation before the ESS plan cost?",
  ])("« %s » is refused", async (q) => {
    const r = await conversation(core.runtime.assistant).say(q);
    expect(r.refused, r.text).toBe(true);
  });

  it("the price of the provider's work asked in a follow-up is refused", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui a été le prestataire de la concertation du schéma ?");
    const r = await c.say("et sa prestation a coûté combien ?");
    expect(r.refused, r.text).toBe(true);
  });

  it.each([
    ["Se faire accompagner par le DLA, combien ça coûte ?", /gratuit/i],
    ["Le prêt d'honneur d'Initiative Gard coûte combien en intérêts ?", /taux z[ée]ro|sans int[ée]r[êe]t/i],
  ])("« %s » stays answered", async (q, rx) => {
    const r = await conversation(core.runtime.assistant).say(q);
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(rx);
  });
});

describe("when one's own funds arrive", () => {
  it.each([
    "Notre subvention de l'appel à communs est votée : quand allons-nous recevoir les fonds ?",
    "J'ai obtenu mon microcrédit de l'Adie, quand les fonds seront-ils versés sur mon compte ?",
  ])("« %s » is refused", async (q) => {
    const r = await conversation(core.runtime.assistant).say(q);
    expect(r.refused, r.text).toBe(true);
  });

  it("the ceiling of a loan stays answered", async () => {
    const r = await conversation(core.runtime.assistant).say("Jusqu'à combien peut aller un prêt d'honneur d'Initiative Gard ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/40 000/);
  });
});

describe("the places free right now in a structure", () => {
  it.each([
    ["Est-ce que la CAE Mine de talents a encore de la place pour moi ce mois-ci ?", "cae"],
    ["L'incubateur Alter'Incub prend-il encore des projets en ce moment ?", "incubation-innovation-sociale"],
    ["Is there a waiting list at the Mine de talents cooperative at the moment?", "cae"],
  ])("« %s » is refused and handed to that structure", async (q, process) => {
    const r = await conversation(core.runtime.assistant).say(q);
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe(process);
  });

  it.each(["Une coopérative d'activité et d'emploi, ça accueille quel public ?", "Comment devenir entrepreneur-salarié dans une CAE ?"])(
    "« %s » stays answered",
    async (q) => {
      const r = await conversation(core.runtime.assistant).say(q);
      expect(r.refused, r.text).toBe(false);
    },
  );
});

describe("a response to a public tender asked to be written", () => {
  it("reads the tender response as a document, not how to write one", () => {
    expect(asksToDraftTender("Écris la réponse de notre association au nouvel appel d'offres de la Ville")).toBe(true);
    expect(asksToDraftTender("Peux-tu préparer notre offre technique pour le marché d'entretien des espaces verts ?")).toBe(true);
    expect(asksToDraftTender("Draft our bid for the council's cleaning tender")).toBe(true);
    expect(asksToDraftTender("Rédige-moi une lettre pour Initiative Gard")).toBe(false);
    expect(asksToDraft("Comment bien rédiger sa réponse à un marché public ?")).toBe(false);
  });

  it("is refused and handed to public procurement", async () => {
    const r = await conversation(core.runtime.assistant).say(
      "Rédige pour notre SCIC la réponse à la prochaine consultation du Département sur l'entretien des collèges",
    );
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("commande-publique");
  });

  it("how to answer a tender stays answered", async () => {
    const r = await conversation(core.runtime.assistant).say("Comment une SCOP peut-elle répondre aux marchés du Département ?");
    expect(r.refused, r.text).toBe(false);
  });
});

describe("an aid of the Région reserved for the ESS, which the sources never name", () => {
  it.each(["La Région a-t-elle une subvention spécialement dédiée à l'ESS ?", "Does the Occitanie Region have a grant specific to the ESS?"])(
    "« %s » is refused and handed to the Région",
    async (q) => {
      const r = await conversation(core.runtime.assistant).say(q);
      expect(r.refused, r.text).toBe(true);
      expect(r.route?.process).toBe("region-occitanie");
      expect(r.text).not.toMatch(/NOTRe/);
    },
  );

  it.each([
    ["Existe-t-il un DLA pour les associations du Gard ?", /Acegaa|DLA/],
    ["Quelles aides la Région donne-t-elle aux petites entreprises ?", /Pass Occitanie/],
  ])("« %s » stays answered", async (q, rx) => {
    const r = await conversation(core.runtime.assistant).say(q);
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(rx);
  });
});

describe("the action sheets of one axis", () => {
  it("are refused, asked alone or after the axes", async () => {
    const alone = await conversation(core.runtime.assistant).say("Que contiennent les fiches-actions de l'axe 3 ?");
    expect(alone.refused, alone.text).toBe(true);
    const c = conversation(core.runtime.assistant);
    await c.say("Quels sont les axes du schéma départemental de l'ESS ?");
    const r = await c.say("ok et les fiches-actions de l'axe 4 alors ?");
    expect(r.refused, r.text).toBe(true);
  });

  it("the transversal axis asked after them stays answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quels sont les axes du schéma départemental de l'ESS ?");
    await c.say("les fiches-actions, elles s'appellent comment ?");
    const r = await c.say("et l'axe transversal ?");
    expect(r.refused, r.text).toBe(false);
  });
});
