/**
 * How a question is read against cards and passages: a legal text's number is no date (« règlement 2023/2831 »), a
 * period « du … au … » gives its end, a phrasing about another axis of the schema counts less, and
 * what a thing holds in practice is read in the documents before the glossary.
 */
import { describe, expect, it } from "vitest";
import { answersType, CardIndex, namedAxes } from "../../src/answer/cards.js";
import type { AnswerCard } from "../../src/knowledge/cards.js";
import type { QueryAnalysis } from "../../src/retrieval/retriever.js";
import { givesAsked } from "../../src/answer/asked-quantity.js";
import { asksWhatItHolds } from "../../src/answer/answerer.js";
import { analyze } from "../../src/retrieval/analyzer.js";

describe("a legal text's number is not a date", () => {
  it("does not take a regulation or law number for a year", () => {
    expect(answersType("date", "Un plafond de 500 000 € (décret 2019/1234), contre 100 000 € avant.")).toBe(false);
    expect(answersType("date", "Voir la loi n° 2016-781 sur ce point.")).toBe(false);
  });
  it("still reads a year, a period or a month", () => {
    expect(answersType("date", "Le plan couvre 2018-2021.")).toBe(true);
    expect(answersType("date", "Voté en 2019, selon le décret 2019/1234.")).toBe(true);
    expect(answersType("date", "Adopté le 3 mai.")).toBe(true);
  });
});

describe("the end of a period asked", () => {
  const until = "Le dispositif vaut jusqu'à quand ?";
  it("is given by a period from one date to another", () => {
    expect(givesAsked("date", until, "Du 1er mars 2022 au 28 février 2029.")).toBe(true);
    expect(givesAsked("date", until, "Il s'applique de 2021 à 2026.")).toBe(true);
  });
  it("is not given by a start date alone", () => {
    expect(givesAsked("date", until, "Il a été lancé le 1er mars 2022.")).toBe(false);
  });
});

describe("axes of the schema named", () => {
  it("reads numbers, ordinals and the transversal axis", () => {
    expect([...namedAxes("Que prévoit l'axe 3 ?")]).toEqual(["3"]);
    expect([...namedAxes("le premier axe, c'est quoi ?")]).toEqual(["1"]);
    expect([...namedAxes("What is axis two about?")]).toEqual(["2"]);
    expect([...namedAxes("L'axe transversal concerne quoi ?")]).toEqual(["t"]);
  });
  it("reads none in a question on the axes in general or on another numbered thing", () => {
    expect(namedAxes("Combien d'axes compte le schéma ?").size).toBe(0);
    expect(namedAxes("les 4 axes du schéma").size).toBe(0);
    expect(namedAxes("l'action 3 du SPASER").size).toBe(0);
  });
});

describe("what a thing holds in practice", () => {
  it("is asked by « couvre », « comprend », « concrètement », 'include'", () => {
    expect(asksWhatItHolds("Le deuxième axe, ça comprend quoi ?")).toBe(true);
    expect(asksWhatItHolds("Concrètement, le Mois de l'ESS c'est quels événements ?")).toBe(true);
    expect(asksWhatItHolds("What does the purchasing plan include?")).toBe(true);
  });
  it("is not asked by a definition or a date", () => {
    expect(asksWhatItHolds("Qu'est-ce qu'une SCIC ?")).toBe(false);
    expect(asksWhatItHolds("Le SPASER a été voté quand ?")).toBe(false);
  });
});

describe("a phrasing about another axis of the schema", () => {
  const card = (id: string, questions: string[], answer: string) =>
    ({ id, questions, answer, sources: ["x"], audience: "all", status: "confirmed" }) as unknown as AnswerCard;
  const index = new CardIndex([
    card("axe-1", ["Que contient l'axe 1 du schéma ?"], "Les coopérations locales."),
    card("transversal", ["Quelles actions pour l'axe transversal ?"], "Les achats et la formation."),
  ]);
  it("counts less than one about the axis asked", () => {
    const question = "Que contient l'axe transversal du schéma ?";
    expect(index.match(analysisOf(question), { question })[0]?.card.id).toBe("transversal");
  });
  it("still leads when the question names no axis", () => {
    const question = "Que contient l'axe 1 du schéma ?";
    expect(index.match(analysisOf(question), { question })[0]?.card.id).toBe("axe-1");
  });
});

function analysisOf(question: string): QueryAnalysis {
  return { terms: analyze(question), expansions: [], alternatives: new Map(), idf: new Map() };
}
