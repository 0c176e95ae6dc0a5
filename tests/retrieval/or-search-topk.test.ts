/**
 * The pruned lexical search (OrSearch.top: MaxScore, bitset filters, bounded
 * heap) against the exhaustive one it replaces, on the bundled knowledge: the
 * same documents in the same order with the same scores, for the tuning
 * questions (analysed as the retriever does) and for random bags of words.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { buildInMemory, MINISEARCH_OPTIONS, type IndexedChunk, type SearchIndex } from "../../src/retrieval/index-store.js";
import { OrSearch } from "../../src/retrieval/or-search.js";
import { Retriever, type SearchOptions } from "../../src/retrieval/retriever.js";

let index: SearchIndex;
/** The same lexical index as MiniSearch itself (loaded from the saved JSON), for the reference. */
let miniSearch: MiniSearch<IndexedChunk>;
let retriever: Retriever;
let vocabulary: string[];

beforeAll(async () => {
  const { docs } = await loadCorpus("knowledge");
  const built = await buildInMemory(docs, createEmbeddings({}));
  index = { ...built, dir: "" };
  miniSearch = MiniSearch.loadJSON<IndexedChunk>(built.lexicalJson, MINISEARCH_OPTIONS);
  retriever = new Retriever(index);
  vocabulary = [...new Set(index.chunks.flatMap((c) => analyze(`${c.title} ${c.section} ${c.text}`)))].sort();
}, 60_000);

/** Today's algorithm, written out: one MiniSearch search per word, scores summed, × words matched, full stable sort. */
function reference(
  ms: MiniSearch<IndexedChunk>,
  terms: string[],
  tolerant: (t: string) => boolean,
  boost: (t: string) => number,
  filter: (id: string) => boolean,
) {
  const raw = new Map<string, number>();
  const matched = new Map<string, Set<string>>();
  for (const t of terms) {
    const tol = tolerant(t);
    const res = ms.search(t, {
      fuzzy: tol ? 0.2 : false,
      prefix: tol,
      tokenize: (s) => s.split(" ").filter(Boolean),
      processTerm: (x) => x,
      boostTerm: () => boost(t),
    });
    for (const r of res) {
      const id = String(r.id);
      raw.set(id, (raw.get(id) ?? 0) + r.score);
      if (!matched.has(id)) matched.set(id, new Set());
      matched.get(id)!.add(t);
    }
  }
  const out: { id: string; score: number }[] = [];
  for (const [id, score] of raw) if (filter(id)) out.push({ id, score: score * matched.get(id)!.size });
  return out.sort((a, b) => b.score - a.score);
}

function tuningQuestions(): string[] {
  const dir = path.join("tests", "gold", "tuning");
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const doc = parseYaml(readFileSync(path.join(dir, f), "utf8")) as { questions?: { question?: unknown }[] } | null;
    for (const q of doc?.questions ?? []) if (typeof q.question === "string") out.push(q.question);
  }
  return out;
}

/** Small deterministic generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILTERS: SearchOptions[] = [
  { audience: "agent" },
  { audience: "porteur" },
  { audience: "porteur", kinds: ["mesure", "process"] },
  { audience: "agent", kinds: ["schema"] },
];

function check(or: OrSearch, terms: string[], boost: (t: string) => number, opts: SearchOptions, k: number, label: string) {
  const known = (t: string) => vocabulary.includes(t);
  const tolerant = (t: string) => t.length >= 5 && !known(t);
  const keep = new Uint8Array(index.chunks.length);
  index.chunks.forEach((c, i) => (keep[i] = retriever.allowed(c, opts) ? 1 : 0));
  const filter = (id: string) => retriever.allowed(index.byId.get(id)!, opts);
  const expected = reference(miniSearch, terms, tolerant, boost, filter).slice(0, k);
  const exhaustive = or.search(terms, { tolerant, prefix: true, boostTerm: boost, filter }).slice(0, k);
  const pruned = or.top(terms, k, { tolerant, prefix: true, boostTerm: boost, keep });
  expect(exhaustive, `${label} (exhaustive)`).toEqual(expected);
  expect(pruned, `${label} (pruned)`).toEqual(expected);
}

describe("OrSearch.top on the bundled knowledge", () => {
  it("gives the exhaustive ranking and scores for every tuning question, with and without filters", () => {
    const or = new OrSearch(
      index.lexical,
      50_000,
      index.chunks.map((c) => c.id),
    );
    const questions = tuningQuestions();
    expect(questions.length).toBeGreaterThan(50);
    questions.forEach((question, i) => {
      const q = retriever.analyzeQuery(question);
      const expansion = new Set(q.expansions);
      const terms = analyze([...q.terms, ...q.expansions].join(" "));
      if (terms.length === 0) return;
      check(or, terms, (t) => (expansion.has(t) ? 0.5 : 1), FILTERS[i % FILTERS.length]!, 40, question);
    });
  });

  it("gives the exhaustive ranking for random bags of words, repeated words, typos and small k", () => {
    const or = new OrSearch(
      index.lexical,
      50_000,
      index.chunks.map((c) => c.id),
    );
    const r = rng(17);
    const pick = () => vocabulary[Math.floor(r() * vocabulary.length)]!;
    // frequent words make the pruning work hardest
    const common = ["projet", "structur", "ess", "depart", "accompagn", "associ", "gard", "financ"].map((w) => analyze(w)[0] ?? w);
    for (let n = 0; n < 300; n++) {
      const len = 1 + Math.floor(r() * 14);
      const terms: string[] = [];
      for (let j = 0; j < len; j++) {
        const x = r();
        if (x < 0.3) terms.push(common[Math.floor(r() * common.length)]!);
        else if (x < 0.4 && terms.length)
          terms.push(terms[Math.floor(r() * terms.length)]!); // repeated word
        else if (x < 0.47)
          terms.push(`${pick()}x`); // unknown: fuzzy and prefix matches
        else terms.push(pick());
      }
      const half = new Set(terms.filter(() => r() < 0.3));
      const k = [1, 3, 8, 40, 200][n % 5]!;
      check(or, terms, (t) => (half.has(t) ? 0.5 : 1), FILTERS[n % FILTERS.length]!, k, terms.join(" "));
    }
  });

  it("returns nothing for no words, unknown words or k = 0", () => {
    const or = new OrSearch(
      index.lexical,
      50_000,
      index.chunks.map((c) => c.id),
    );
    expect(or.top([], 10, { tolerant: () => false })).toEqual([]);
    expect(or.top(["zzzzqqq"], 10, { tolerant: () => false })).toEqual([]);
    expect(or.top(["projet"], 0, { tolerant: () => false })).toEqual([]);
  });
});
