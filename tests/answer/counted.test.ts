/**
 * "Combien de X ?" (src/answer/counted.ts): the counted noun, whether a text gives a
 * number of it, and, on the real runtime, a count the sources do not give refused
 * rather than answered with another number — while published counts still answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countedNoun, countWords, givesCount } from "../../src/answer/counted.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import { testRuntime, type TestRuntime } from "./helpers.js";

const counts = (text: string, noun: string) => givesCount(text, new Set(analyze(countWords(noun))), (s) => analyze(s));

describe("counted noun", () => {
  it("reads what a French « combien de » question counts, not durations or money", () => {
    expect(countedNoun("Combien de salariés travaillent au service ESS ?")).toBe("salaries");
    expect(countedNoun("combien d'associations ont été accompagnées ?")).toBe("associations");
    expect(countedNoun("y a cb de chomeurs a pissevin ?")).toBe("chomeurs");
    expect(countedNoun("Quel est le nombre de communes en QPV ?")).toBe("communes");
    expect(countedNoun("ça dure combien de temps ?")).toBeUndefined();
    expect(countedNoun("combien d'argent pour un commun ?")).toBeUndefined();
    expect(countedNoun("Combien faut-il de structures ?")).toBeUndefined();
  });

  it("a number followed by the noun counts it; another count, a year or a citation marker does not", () => {
    expect(counts("Plus de 200 personnes ont participé aux ateliers.", "participants")).toBe(true);
    expect(counts("Le Gard compte 17 quartiers prioritaires répartis sur 13 communes.", "communes")).toBe(true);
    expect(counts("Elle a financé 12 nouveaux projets en 2025.", "projets")).toBe(true);
    expect(counts("L'Espace Diderot réunit 14 structures de formation.", "salaries")).toBe(false);
    expect(counts("Rencontre entre fondations et associations en 2019. [1]", "associations")).toBe(false);
    expect(counts("Avec la MIESS 30 les Rencontres Fondations-Associations.", "associations")).toBe(false);
  });
});

describe("counts on the real runtime (offline)", () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime({ llm: null });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

  it("a count nobody published is refused with a route to a person, not answered with a nearby number", async () => {
    for (const q of ["Combien de personnes travaillent à l'Espace Diderot ?", "combien d'associations le DLA du Gard a-t-il accompagnées l'an dernier ?"]) {
      const r = await ask(q);
      expect(r.refused, `${q}\n→ ${r.text}`).toBe(true);
      expect(r.text).toMatch(/je ne sais pas/i);
      expect(r.route?.process).toBe("mission-ess-departement");
    }
  });

  it("a published count is still answered", async () => {
    const r = await ask("Combien de quartiers prioritaires y a-t-il dans le Gard ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/\b17\b/);
  });
});
