/**
 * A count put up for checking in everyday words: « genre 5 » is « environ 5 », and a count of « QPV », « EPCI » or
 * « assos » is a count of the things the documents name in full (quartiers prioritaires, intercommunalités, associations).
 * The Département's own stake in the SCIC Gard et Autonomie is published; the rest of that SCIC is not.
 */
import { describe, expect, it } from "vitest";
import { figuresOf, premiseVerdict } from "../../src/answer/premise.js";
import { QueryNormalizer, Lexicon, Speller } from "../../src/retrieval/normalize.js";
import { KNOWLEDGE_DIR, sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

describe("« genre » before a number", () => {
  const normalizer = new QueryNormalizer(Lexicon.load(KNOWLEDGE_DIR), new Speller(new Map()));
  it("reads « environ »", () => {
    expect(normalizer.normalize("y en a genre 12 dans le département ?").text).toContain("environ 12");
    expect(normalizer.normalize("genre 300 personnes étaient là ?").text).toContain("environ 300");
  });
  it("keeps its other senses", () => {
    expect(normalizer.normalize("quel genre de structure peut candidater ?").text).toContain("genre de structure");
    expect(normalizer.normalize("l'égalité de genre compte dans les critères ?").text).toContain("genre compte");
  });
});

describe("counts by short names", () => {
  it("counts QPV as quartiers prioritaires and EPCI as intercommunalités", () => {
    expect(figuresOf("Il y a 25 QPV ?")[0]?.kind).toBe(figuresOf("17 quartiers prioritaires")[0]?.kind);
    expect(figuresOf("9 EPCI")[0]?.kind).toBe(figuresOf("14 intercommunalités")[0]?.kind);
    expect(figuresOf("400 assos")[0]?.kind).toBe(figuresOf("400 associations")[0]?.kind);
  });
  it("settles a count of QPV put up for checking", () => {
    const body = "Depuis 2024, le Gard compte 17 quartiers prioritaires répartis dans 13 communes. [1]";
    expect(premiseVerdict("Le Gard a 25 QPV, c'est bien ça ?", body)).toBe("no");
    expect(premiseVerdict("Le Gard a 17 QPV, c'est bien ça ?", body)).not.toBe("no");
  });
  it("answers « Non » with the count, in colloquial words", async () => {
    const r = await ask("le Gard a genre 6 intercos non ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/^Non/);
    expect(r.text).toContain("14");
  });
});

describe("the Département's stake in the SCIC Gard et Autonomie", () => {
  it("is published: the Département is a member", async () => {
    for (const q of ["Le Département en est-il sociétaire, de la SCIC Gard et Autonomie ?", "Is the Département a shareholder of Gard et Autonomie?"]) {
      const r = await ask(q);
      expect(r.refused, q).toBe(false);
      expect(
        r.sources.map((s) => s.id),
        q,
      ).toContain("mesure-scic-gard-et-autonomie");
    }
  });
  it("its other members, its activity and the share held stay unpublished", async () => {
    for (const q of [
      "Qui sont les autres sociétaires de la SCIC Gard et Autonomie ?",
      "Quelle part du capital de Gard et Autonomie le Département détient-il ?",
    ]) {
      expect((await ask(q)).refused, q).toBe(true);
    }
  });
});
