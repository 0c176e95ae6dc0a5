/**
 * The compact lexical index against MiniSearch itself, loaded from the same saved JSON: for
 * every indexed word, misspellings and prefixes of words, with and without fuzzy and prefix
 * matching, the same documents in the same order with the same scores (to the last bit).
 */
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import type { CompactLexical } from "../../src/retrieval/compact-lexical.js";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { buildInMemory, MINISEARCH_OPTIONS, type IndexedChunk } from "../../src/retrieval/index-store.js";

let compact: CompactLexical;
let miniSearch: MiniSearch<IndexedChunk>;
let terms: string[];

beforeAll(async () => {
  const { docs } = await loadCorpus("knowledge");
  const built = await buildInMemory(docs, createEmbeddings({}));
  compact = built.lexical;
  miniSearch = MiniSearch.loadJSON<IndexedChunk>(built.lexicalJson, MINISEARCH_OPTIONS);
  terms = (JSON.parse(built.lexicalJson) as { index: [string, unknown][] }).index.map(([t]) => t);
}, 60_000);

const asIs = (s: string) => s.split(" ").filter(Boolean);

function expectSame(term: string, fuzzy: boolean, prefix: boolean) {
  const expected = miniSearch
    .search(term, { fuzzy: fuzzy ? 0.2 : false, prefix, tokenize: asIs, processTerm: (t) => t, boostTerm: () => 1 })
    .map((r) => ({ id: String(r.id), score: r.score }));
  expect(compact.search(term, { fuzzy: fuzzy ? 0.2 : false, prefix }), `${term} fuzzy=${fuzzy} prefix=${prefix}`).toEqual(expected);
}

describe("CompactLexical", () => {
  it("holds every term and document of the MiniSearch index", () => {
    expect(compact.termCount).toBe(terms.length);
    expect(compact.documentCount).toBe(miniSearch.documentCount);
  });

  it("scores every indexed word exactly as MiniSearch, exact, fuzzy and prefix", () => {
    terms.forEach((t, i) => {
      expectSame(t, false, false);
      // fuzzy and prefix walk the tree: every seventh word is enough to cover its shapes
      if (i % 7 === 0) expectSame(t, true, true);
    });
  });

  it("scores unknown words, misspellings and prefixes as MiniSearch", () => {
    const words = terms.filter((_, i) => i % 5 === 0);
    for (const t of words) {
      expectSame(`${t}x`, true, true);
      expectSame(`${t}x`, true, false);
      expectSame(t.slice(0, Math.max(2, t.length - 2)), false, true);
      if (t.length >= 5) expectSame(`${t.slice(0, 2)}${t.slice(3)}`, true, true);
    }
    for (const t of ["", "zzzzqqq", "a", "é", "projet"]) expectSame(t, true, true);
  });
});
