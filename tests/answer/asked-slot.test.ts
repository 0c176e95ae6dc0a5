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
    ["C'est qui la directrice de la MIESS ?", ["role-holder"]],
    ["Qui est le référent ESS de la communauté de communes de Beaucaire ?", ["role-holder"]],
    ["Who is the manager of the Nîmes recyclerie?", ["role-holder"]],
    ["Je voudrais les noms des salariés de l'Adie à Nîmes.", ["role-holder"]],
    ["Give me the names of all the partners of the cooperative.", ["role-holder"]],
    // near misses: a general question about the same things asks no precise detail
    ["Quels quartiers d'Alès sont prioritaires ?", []],
    ["Comment devenir fournisseur du Département ?", []],
    ["Qui pilote le schéma ESS du Gard ?", []],
    ["Qu'est-ce qu'une clause sociale dans un marché public ?", []],
    ["Le DLA fait appel à des consultants ?", []],
    ["Qui est concerné par l'agrément ESUS ?", []],
    ["Combien de salariés compte l'ESS dans le Gard ?", []],
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
  it("a text that does not speak of the role asked names no one in it", () => {
    const areas = "Un quartier prioritaire réunit La Grand-Combe et Les Salles-du-Gardon, avec 4 100 habitants. [1]";
    expect(fillsAskedSlots("Qui est le délégué du préfet à Alès ?", areas)).toBe(false);
    expect(fillsAskedSlots("Qui est le délégué du préfet à Alès ?", "Chaque quartier a un délégué du préfet, nommé par l'État. [1]")).toBe(true);
    const firm = "La coopérative a rédigé le schéma ESS entre 2023 et 2024. [1]";
    expect(fillsAskedSlots("Quels sont les noms des associées de cette coopérative ?", firm)).toBe(false);
    expect(fillsAskedSlots("Who is the president of the Département?", "Le président du Département du Gard signe les conventions. [1]")).toBe(true);
  });
  it("an adviser asked by role is named only by a text that speaks of advisers", () => {
    const offices = "L'Adie reçoit les porteurs de projet dans ses permanences d'Alès et de Nîmes. [1]";
    expect(fillsAskedSlots("Qui est la conseillère de l'Adie à Alès ?", offices)).toBe(false);
    expect(fillsAskedSlots("Qui est la conseillère de l'Adie à Alès ?", "Une conseillère de l'Adie tient la permanence d'Alès. [1]")).toBe(true);
    expect(askedSlots("Qui peut me conseiller pour créer une SCOP ?")).toEqual([]);
  });
  it("a day asked is given by a weekday or a dated day, not by a frequency", () => {
    const frequency = "Le bus de l'emploi passe toutes les deux semaines dans 20 communes. [1]";
    expect(fillsAskedSlots("Le bus passe à Sumène quel jour ?", frequency)).toBe(false);
    expect(fillsAskedSlots("Le bus passe à Sumène quel jour ?", "Le bus passe à Sumène le jeudi matin. [1]")).toBe(true);
    expect(fillsAskedSlots("Which day was the plan adopted?", "The plan was adopted on 8 March 2024. [1]")).toBe(true);
    expect(askedSlots("Combien de jours dure la formation ?")).toEqual([]);
  });
  it("a question that asks no precise detail is not checked", () => {
    expect(fillsAskedSlots("Quels quartiers d'Alès sont prioritaires ?", "Alès compte les Prés Saint-Jean. [1]")).toBe(true);
  });
});
