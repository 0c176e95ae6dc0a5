/**
 * What a named structure received, was granted or was decided for it (its grant, its approval, a shareholding, a
 * decision on its file), asked of a structure the knowledge does not describe on that point: its file is its own and
 * its funder's, never published, so the assistant says it does not know and hands to the people of the process named
 * (the ESS team by default). The structures the sources do describe, the rules and a described project keep their answer.
 */
import { describe, expect, it } from "vitest";
import { namedStructures } from "../../src/answer/own-outcome.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string, audience: "agent" | "porteur" = "porteur") => t.runtime.answerer.ask(q, { audience });

describe("named structures are read with their own name", () => {
  it("reads the kind and the capitalised name, not the writer's own structure nor a kind alone", () => {
    expect(namedStructures("La coopérative Les Vergers du Rhôny a-t-elle été aidée ?")).toEqual(["Les Vergers du Rhôny"]);
    expect(namedStructures("Has the Blue Heron co-op been funded?")).toEqual(["Blue Heron"]);
    expect(namedStructures("Notre association Les Amis de Brouzet veut embaucher.")).toEqual([]);
    expect(namedStructures("Une entreprise ESUS peut-elle recevoir des dons ?")).toEqual([]);
  });
});

describe("what a structure the sources do not describe got or was decided for it is refused", () => {
  const cases: [string, string][] = [
    ["L'association Les Cigales du Vistre a-t-elle déjà touché une aide de minimis ? Combien ?", "mission-ess-departement"],
    ["Le Département a-t-il financé la ressourcerie La Remise de Beaucaire cette année ?", "mission-ess-departement"],
    ["La DDETS a-t-elle donné l'agrément ESUS à la SCOP Les Toits Cévenols ?", "agrement-esus"],
    ["Le Département va-t-il entrer au capital de la SCIC Mobilité des Hautes Terres ?", "mission-ess-departement"],
    ["La régie de quartier Pissevin Services est-elle agréée ESUS ?", "agrement-esus"],
    ["Did the Département give any money to the Sunflower Kitchen association in 2025?", "mission-ess-departement"],
  ];
  for (const [q, route] of cases)
    it(q, async () => {
      const reply = await ask(q);
      expect(reply.refused, reply.text).toBe(true);
      expect(reply.text).toMatch(/je ne sais pas|I don.t know/i);
      expect(reply.route?.process, reply.text).toBe(route);
    });
});

describe("the near ones keep their answer", () => {
  for (const q of [
    // structures the sources describe, on the point asked
    "La SCOP La Grande Bobine est-elle agréée ESUS ?",
    "Le Département a-t-il pris une participation dans la SCIC Gard et Autonomie ?",
    // a rule, a possibility, a described project
    "Comment la SCIC Les Jardins de Calvisson peut-elle demander au Département d'entrer à son capital ?",
    "Une SCOP peut-elle obtenir l'agrément ESUS ?",
    "Notre association à Beaucaire veut recruter deux salariés, qui peut nous accompagner ?",
  ])
    it(q, async () => {
      const reply = await ask(q);
      expect(reply.refused, reply.text).toBe(false);
    });
});
