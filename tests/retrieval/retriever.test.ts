import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { buildInMemory, type SearchIndex } from "../../src/retrieval/index-store.js";
import { Retriever } from "../../src/retrieval/retriever.js";
import { SynonymExpander } from "../../src/retrieval/synonyms.js";
import { INCUBATEUR, knowledgeFixture, NOTE_AGENTS, SUBVENTIONS, type KnowledgeFixture } from "./fixtures.js";

let fx: KnowledgeFixture;
let retriever: Retriever;

beforeAll(async () => {
  fx = await knowledgeFixture();
  const { docs, errors } = await loadCorpus(fx.knowledgeDir);
  expect(errors).toEqual([]);
  const index: SearchIndex = { ...(await buildInMemory(docs, createEmbeddings({}))), dir: fx.dataDir };
  retriever = new Retriever(index, SynonymExpander.fromKnowledge(fx.knowledgeDir));
});
afterAll(async () => {
  await fx?.cleanup();
});

const topDoc = async (q: string, opts: Parameters<Retriever["search"]>[1] = {}) => (await retriever.search(q, opts)).hits[0]?.chunk.docId;

describe("Retriever", () => {
  it("finds the right document for a plain French question", async () => {
    expect(await topDoc("Comment demander une subvention pour mon association ?")).toBe(SUBVENTIONS.id);
    expect(await topDoc("Combien de temps dure le programme d'incubation ?")).toBe(INCUBATEUR.id);
  });

  it("fuses lexical and vector ranks by reciprocal-rank fusion, best first", async () => {
    const { hits } = await retriever.search("convention d'objectifs au-delà de 23 000 euros", { audience: "agent" });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const expected = (h.lexicalRank ? 1 / (60 + h.lexicalRank) : 0) + (h.vectorRank ? 1 / (60 + h.vectorRank) : 0);
      expect(h.score).toBeCloseTo(expected, 10);
      expect(h.coverage).toBeGreaterThanOrEqual(0);
      expect(h.coverage).toBeLessThanOrEqual(1);
    }
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // found by both sides, it ranks first
    expect(hits[0]!.lexicalRank).toBe(1);
    expect(hits[0]!.vectorRank).toBeDefined();
    expect(hits[0]!.chunk.docId).toBe(SUBVENTIONS.id);
    expect(hits[0]!.coverage).toBeGreaterThan(0.8);
  });

  it("hides agent-only documents from project holders", async () => {
    const q = "circuit de validation des dossiers en commission permanente";
    expect(await topDoc(q, { audience: "agent" })).toBe(NOTE_AGENTS.id);
    const porteur = await retriever.search(q, { audience: "porteur" });
    expect(porteur.hits.map((h) => h.chunk.docId)).not.toContain(NOTE_AGENTS.id);
    // no audience = the most restrictive one
    const none = await retriever.search(q);
    expect(none.hits.map((h) => h.chunk.docId)).not.toContain(NOTE_AGENTS.id);
  });

  it("filters by kind and by document id", async () => {
    const q = "accompagnement des projets d'innovation sociale et subvention";
    const legal = await retriever.search(q, { kinds: ["legal"], audience: "agent" });
    expect(legal.hits.length).toBeGreaterThan(0);
    expect(new Set(legal.hits.map((h) => h.chunk.kind))).toEqual(new Set(["legal"]));
    const partner = await retriever.search(q, { kinds: ["partner", "territory"], audience: "agent" });
    expect(partner.hits.every((h) => ["partner", "territory"].includes(h.chunk.kind))).toBe(true);
    expect(partner.hits.map((h) => h.chunk.docId)).toContain(INCUBATEUR.id);
    const only = await retriever.search(q, { docIds: [INCUBATEUR.id] });
    expect(only.hits.every((h) => h.chunk.docId === INCUBATEUR.id)).toBe(true);
    expect((await retriever.search(q, { kinds: ["glossary"] })).hits).toEqual([]);
  });

  it("copes with typos and missing accents", async () => {
    expect(await topDoc("subvantion departementale pour une asociation")).toBe(SUBVENTIONS.id);
    expect(await topDoc("incubateur innovation sociale selection des projets comite")).toBe(INCUBATEUR.id);
    expect(await topDoc("programme d incubation mentorat etude de marche")).toBe(INCUBATEUR.id);
    const typo = await retriever.search("mentorrat et etude de marhce", { audience: "agent" });
    expect(typo.hits[0]?.chunk.docId).toBe(INCUBATEUR.id);
  });

  it("answers English questions through the glossary synonyms", async () => {
    const { hits, query } = await retriever.search("How do I apply for a grant?");
    expect(query.expansions.length).toBeGreaterThan(0);
    expect(hits[0]?.chunk.docId).toBe(SUBVENTIONS.id);
    // a synonym counts for coverage: the passage never says "grant" ("apply" is not covered)
    expect(hits[0]!.coverage).toBeCloseTo(0.5, 1);
    const grant = await retriever.search("grants");
    expect(grant.hits[0]?.chunk.docId).toBe(SUBVENTIONS.id);
    expect(grant.hits[0]!.coverage).toBe(1);
  });

  it("returns the number of hits asked for, and low coverage for an unrelated question", async () => {
    expect((await retriever.search("subvention association", { k: 1, audience: "agent" })).hits).toHaveLength(1);
    const off = await retriever.search("recette de la brandade de morue nîmoise");
    expect(Math.max(0, ...off.hits.map((h) => h.coverage))).toBeLessThan(0.5);
  });

  it("measures a passage's coverage from its term numbers as from its set of words (typos and synonyms included)", async () => {
    const questions = [
      "Comment demander une subvention pour mon association ?",
      "subvantion asociation incubatoin", // typos: edit distance 1
      "convention d'objectifs au-delà de 23 000 euros",
      "what grants for a cooperative?",
      "zzz inconnu",
    ];
    let nonZero = 0;
    for (const question of questions) {
      const q = retriever.analyzeQuery(question);
      for (const chunk of retriever.index.chunks) {
        const byNumbers = retriever.chunkCoverage(q, chunk.id);
        expect(byNumbers).toBe(retriever.coverage(q, retriever.termsOf(chunk.id)));
        if (byNumbers > 0 && byNumbers < 1) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(3);
  });

  it("does not fail on empty or stopword-only questions", async () => {
    await expect(retriever.search("")).resolves.toBeDefined();
    const r = await retriever.search("le la les de du");
    expect(r.query.terms).toEqual([]);
  });
});
