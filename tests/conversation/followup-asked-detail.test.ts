/**
 * Follow-ups asking one detail of what was just spoken of: how long the subject they name lasts, whether it has a limit
 * (its figure), a figure of the body the previous reply led with, something of « their » office; and a card matched on
 * asking words alone whose phrasing names another subject.
 */
import { describe, expect, it } from "vitest";
import type { CardMatch } from "../../src/answer/cards.js";
import { otherNamesLast } from "../../src/answer/answerer.js";
import { asksDuration, givesDurationOf } from "../../src/answer/asked-quantity.js";
import { askedKind, asksLimit, givesAskedKind, leadNames, opensOnPossessive } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

describe("a duration asked of a named subject", () => {
  it("reads « dure combien » in any order as a duration asked", () => {
    expect(asksDuration("elle dure combien, la formation ?")).toBe(true);
    expect(asksDuration("combien ça dure en tout ?")).toBe(true);
    expect(asksDuration("how long does the programme last?")).toBe(true);
    expect(asksDuration("combien coûte la formation ?")).toBe(false);
    expect(asksDuration("la durée du mandat est-elle publiée ?")).toBe(false);
  });

  it("wants the named subject's own duration, not another thing's beside it", () => {
    const other = "Le réseau propose aussi un parcours d'accompagnement d'environ 6 mois.";
    const own = `${other} La formation des bénévoles dure trois jours.`;
    expect(givesDurationOf("elle dure combien, la formation ?", other)).toBe(false);
    expect(givesDurationOf("elle dure combien, la formation ?", own)).toBe(true);
    expect(givesAskedKind("elle dure combien, la formation ?", other)).toBe(false);
    // (naming nothing, any duration answers, whatever the verb: « vaut » is no subject)
    expect(givesDurationOf("ça dure combien ?", other)).toBe(true);
    expect(givesDurationOf("il vaut pour combien de temps ?", "Le label est accordé pour 3 ans.")).toBe(true);
  });
});

describe("a limit asked", () => {
  it("asks a figure, not a yes or no", () => {
    expect(asksLimit("il y a un plafond ?")).toBe(true);
    expect(askedKind("y a une limite pour la subvention ?")).toBe("number");
    expect(askedKind("is there a limit?")).toBe("number");
    expect(askedKind("c'est plafonné ?")).toBe("number");
  });

  it("is not a deadline, an age limit or a restriction", () => {
    expect(asksLimit("il y a une date limite ?")).toBe(false);
    expect(asksLimit("y a une limite d'âge ?")).toBe(false);
    expect(asksLimit("c'est limité aux associations ?")).toBe(false);
    expect(askedKind("c'est limité aux associations ?")).not.toBe("number");
  });
});

describe("the body a reply led with", () => {
  it("reads a one-word name after an elided article", () => {
    expect(leadNames("Le prêt de l'Airdie peut compléter un apport. La banque suit.")).toEqual(["Airdie"]);
    expect(leadNames("L'Urscop accompagne les coopératives.")).toEqual(["Urscop"]);
  });

  it("keeps longer names first and no place for a body", () => {
    expect(leadNames("Le bureau Atelier Vert Horizon, installé à Alès, conseille l'Agence.")).toEqual(["Atelier Vert Horizon"]);
    expect(leadNames("Les fonds de l'Europe passent par la Région.")).toEqual([]);
    expect(leadNames("L'Occitanie finance aussi ce type de projet.")).toEqual([]);
  });
});

describe("a possessive opening a follow-up", () => {
  it("points back at the body just spoken of", () => {
    expect(opensOnPossessive("et leur bureau d'Alès, il ouvre à quelle heure le samedi ?")).toBe(true);
    expect(opensOnPossessive("and their office in Nîmes, what is the exact address?")).toBe(true);
  });

  it("not without an opening that adds to what was said", () => {
    expect(opensOnPossessive("leur bureau est où ?")).toBe(false);
    expect(opensOnPossessive("et les horaires d'ouverture ?")).toBe(false);
  });
});

describe("a card naming another subject than a follow-up's", () => {
  const match = (id: string, phrasing: string, score: number): CardMatch =>
    ({ card: { id, lacune: false }, phrasing, score, typeOk: true }) as unknown as CardMatch;

  it("gives way to a close card naming none", () => {
    const cards = [
      match("a", "Does the Solidus label give access to the CRESS network?", 0.6),
      match("b", "What are the benefits of the Solidus label?", 0.52),
    ];
    otherNamesLast(cards, "What does it open? — What are the conditions of the Solidus label?");
    expect(cards.map((c) => c.card.id)).toEqual(["b"]);
  });

  it("stands when the follow-up or its topic names that subject, or no close card is left", () => {
    const named = [
      match("a", "Does the Solidus label give access to the CRESS network?", 0.6),
      match("b", "What are the benefits of the Solidus label?", 0.52),
    ];
    otherNamesLast(named, "and the CRESS network? — What are the conditions of the Solidus label?");
    expect(named.map((c) => c.card.id)).toEqual(["a", "b"]);
    const far = [match("a", "Does the Solidus label give access to the CRESS network?", 0.6), match("b", "What are the benefits of the Solidus label?", 0.3)];
    otherNamesLast(far, "What does it open? — What are the conditions of the Solidus label?");
    expect(far.map((c) => c.card.id)).toEqual(["a", "b"]);
  });
});

describe("follow-ups asking one detail, in a conversation", () => {
  const core = sharedCore();

  it("answers how long the named step lasts from the topic's documents", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Nous sommes quatre à vouloir créer une coopérative d'entraide numérique, y a-t-il un incubateur adapté ?");
    const r = await c.say("et l'incubation, elle dure combien ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/12 mois/);
  });

  it("answers whether there is a limit with the figure", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("La collectivité peut-elle prendre des parts dans notre SCIC ?");
    const r = await c.say("il y a un plafond ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/50 %/);
  });

  it("hands a document to write for the person to the process just spoken of", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quelles sont les conditions de l'agrément ESUS ?");
    const r = await c.say("Pouvez-vous remplir le formulaire de demande pour nous ? Voici le nom de notre société.");
    expect(r.refused).toBe(true);
    expect(r.route?.process).toBe("agrement-esus");
  });
});
