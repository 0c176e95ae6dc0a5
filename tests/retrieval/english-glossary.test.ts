import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { EnglishGlossary } from "../../src/retrieval/english-glossary.js";
import { buildInMemory, type SearchIndex } from "../../src/retrieval/index-store.js";
import { Retriever } from "../../src/retrieval/retriever.js";
import { SynonymExpander } from "../../src/retrieval/synonyms.js";
import { knowledgeFixture, type KnowledgeFixture } from "./fixtures.js";

const glossary = EnglishGlossary.of({
  "how long": "durée mois",
  "free of charge": "gratuit",
  maximum: "plafond",
  replace: "remplace",
});

describe("EnglishGlossary (one-way English → French words)", () => {
  it("gives the French words of the English expressions a question holds", () => {
    const q = "How long does the programme take, and is it free of charge?";
    const { extra, alternatives } = glossary.lookup(q, analyze(q));
    expect(extra).toEqual(expect.arrayContaining([...analyze("durée mois"), ...analyze("gratuit")]));
    // The French words stand for the English ones in a passage.
    expect([...(alternatives.get(analyze("long")[0]!) ?? [])]).toEqual(expect.arrayContaining(analyze("durée")));
    expect([...(alternatives.get(analyze("free")[0]!) ?? [])]).toEqual(analyze("gratuit"));
  });

  it("matches whole words and whole expressions only", () => {
    for (const q of ["Does it replaces anything?", "Is it free to join?", "Is the long-term plan public?"]) {
      expect(glossary.lookup(q, analyze(q)).extra, q).toEqual([]);
    }
  });

  it("reads the bundled vocabulary file", () => {
    const bundled = EnglishGlossary.fromKnowledge();
    expect(bundled.size).toBeGreaterThan(20);
    const q = "what does the fourth axis aim at?";
    expect(bundled.lookup(q, analyze(q)).extra).toEqual(expect.arrayContaining(analyze("quatrième")));
  });
});

describe("Retriever with the English vocabulary", () => {
  let fx: KnowledgeFixture;
  let retriever: Retriever;
  beforeAll(async () => {
    fx = await knowledgeFixture();
    const { docs } = await loadCorpus(fx.knowledgeDir);
    const index: SearchIndex = { ...(await buildInMemory(docs, createEmbeddings({}))), dir: fx.dataDir };
    retriever = new Retriever(index, SynonymExpander.fromKnowledge(fx.knowledgeDir), glossary);
  });
  afterAll(async () => {
    await fx?.cleanup();
  });

  it("searches the French words for an English question", () => {
    const q = retriever.analyzeQuery("what is the maximum amount of the grant?");
    expect(q.expansions).toContain(analyze("plafond")[0]);
    expect([...(q.alternatives.get("maximum") ?? [])]).toContain(analyze("plafond")[0]);
  });

  it("never gives a French question the words of the English vocabulary", () => {
    // « maximum » is French too: a French question keeps its own words.
    const q = retriever.analyzeQuery("quel est le montant maximum de la subvention ?");
    expect(q.expansions).not.toContain(analyze("plafond")[0]);
    expect([...(q.alternatives.get("maximum") ?? [])]).not.toContain(analyze("plafond")[0]);
  });
});
