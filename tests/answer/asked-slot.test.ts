/**
 * A precise detail asked (a provider, a boundary, the clauses themselves, who leads a part of the plan) is given only by
 * a text that speaks of it (src/answer/asked-slot.ts). Wordings written for this test, in several registers and both
 * languages.
 */
import { describe, expect, it } from "vitest";
import { askedSlots, fillsAskedSlots } from "../../src/answer/asked-slot.js";

describe("the precise detail a question asks", () => {
  const cases: [string, string[]][] = [
    ["C'est quelle boîte, le prestataire qui a codé le site Gard centrale ?", ["provider"]],
    ["Quelle agence a conçu le logo du Mois de l'ESS ?", ["provider"]],
    ["Which vendor hosts the commons platform?", ["provider"]],
    ["Le quartier prioritaire de Bagnols, il s'arrête à quelles rues ?", ["boundary"]],
    ["Quel est le périmètre exact du QPV de Beaucaire ?", ["boundary"]],
    ["What are the exact boundaries of the Pissevin priority area?", ["boundary"]],
    ["Quelles clauses environnementales figureront dans les prochains marchés ?", ["clauses"]],
    ["Which clauses will the Department add to its cleaning contracts?", ["clauses"]],
    ["Quelles structures copilotent l'axe 2 du schéma ?", ["pilot"]],
    ["Qui est chef de file sur l'axe 3 ?", ["pilot"]],
    // near misses: a general question about the same things asks no precise detail
    ["Quels quartiers d'Alès sont prioritaires ?", []],
    ["Comment devenir fournisseur du Département ?", []],
    ["Qui pilote le schéma ESS du Gard ?", []],
    ["Qu'est-ce qu'une clause sociale dans un marché public ?", []],
    ["Le DLA fait appel à des consultants ?", []],
  ];
  for (const [q, slots] of cases) it(`${q} → ${slots.join(", ") || "none"}`, () => expect(askedSlots(q)).toEqual(slots));
});

describe("whether a text gives the detail asked", () => {
  it("a description of the thing without the detail does not", () => {
    const platform = "Le site Gard centrale, ouvert en 2025, sert à déposer les projets de l'appel à communs. [1]";
    expect(fillsAskedSlots("Quelle agence a conçu le site Gard centrale ?", platform)).toBe(false);
    expect(fillsAskedSlots("Quelle agence a conçu le site Gard centrale ?", "Le site a été développé par une agence nîmoise. [1]")).toBe(true);
    const areas = "Alès compte les quartiers prioritaires des Prés Saint-Jean et des Cévennes. [1]";
    expect(fillsAskedSlots("Quelles rues bordent le quartier des Prés Saint-Jean ?", areas)).toBe(false);
    expect(fillsAskedSlots("Quelles rues bordent le quartier des Prés Saint-Jean ?", "Le périmètre se consulte sur la carte nationale. [1]")).toBe(true);
    const plan = "Le SPASER compte 5 axes et 39 actions. [1]";
    expect(fillsAskedSlots("Quelles clauses sociales seront imposées l'an prochain ?", plan)).toBe(false);
    expect(fillsAskedSlots("Quelles clauses sociales seront imposées l'an prochain ?", "Les marchés comportent des clauses d'insertion. [1]")).toBe(true);
  });
  it("a question that asks no precise detail is not checked", () => {
    expect(fillsAskedSlots("Quels quartiers d'Alès sont prioritaires ?", "Alès compte les Prés Saint-Jean. [1]")).toBe(true);
  });
});
