/**
 * Hybrid retrieval: BM25 (MiniSearch, French analyzer, glossary synonyms, fuzzy
 * terms for typos) and HNSW vectors, fused by reciprocal-rank fusion, filtered by
 * audience and kind. Each hit also carries `coverage`: the IDF-weighted share of
 * the question's terms the passage contains (synonyms count), which the answer
 * and refusal logic use as an absolute relevance signal.
 */
import type { DocKind, Audience } from "../domain/ids.js";
import { analyze, looksEnglish } from "./analyzer.js";
import { EnglishGlossary } from "./english-glossary.js";
import { analyzeChunkTerms, type ChunkTerms, type IndexedChunk, type SearchIndex } from "./index-store.js";
import { OrSearch } from "./or-search.js";
import { SynonymExpander } from "./synonyms.js";

export interface SearchOptions {
  audience?: Audience;
  kinds?: DocKind[];
  /** Restrict to these document ids. */
  docIds?: string[];
  k?: number;
}

export interface Hit {
  chunk: IndexedChunk;
  /** Fused RRF score. */
  score: number;
  lexicalRank?: number;
  vectorRank?: number;
  /** IDF-weighted share of query terms found in the chunk (0..1). */
  coverage: number;
}

export interface QueryAnalysis {
  terms: string[];
  expansions: string[];
  alternatives: Map<string, Set<string>>;
  /** IDF of each query term. */
  idf: Map<string, number>;
}

const RRF_K = 60;

/** Glossary equivalents searched besides a question's own words (the first ones: the closest). */
const EXPANSIONS = 12;
/** The same for an English question, whose words the French documents hold only through their equivalents. */
const ENGLISH_EXPANSIONS = 20;

export class Retriever {
  /** Each chunk's distinct terms as term numbers, by chunk number (one shared buffer: see `chunkTermNumbers`). */
  private readonly terms: ChunkTerms;
  private readonly termNames: string[];
  private readonly termNumbers = new Map<string, number>();
  /** Document frequency of each term, by term number. */
  private readonly dfCounts: Int32Array;
  private readonly lexical: OrSearch;
  private readonly chunksByDoc = new Map<string, IndexedChunk[]>();
  /** Chunks each set of search options allows, by chunk number (the order of `index.chunks`). */
  private readonly allowedSets = new Map<string, Uint8Array>();
  private readonly chunkNumber = new Map<string, number>();
  /** Vector-index label bitsets of the `allowedSet` bitsets. */
  private readonly labelSets = new WeakMap<Uint8Array, Uint8Array>();
  /** By term number: the stamp of the last passage whose terms were marked (see `chunkCoverage`). */
  private readonly marks: Float64Array;
  private markStamp = 0;

  constructor(
    readonly index: SearchIndex,
    readonly synonyms: SynonymExpander = SynonymExpander.fromKnowledge(),
    readonly english: EnglishGlossary = EnglishGlossary.fromKnowledge(),
  ) {
    this.lexical = new OrSearch(
      index.lexical,
      50_000,
      index.chunks.map((c) => c.id),
    );
    index.chunks.forEach((c, i) => this.chunkNumber.set(c.id, i));
    // The passages' terms as analysed when the index was built (one shared buffer, views per passage).
    const terms = index.terms ?? analyzeChunkTerms(index.chunks);
    this.terms = terms;
    this.termNames = terms.names;
    terms.names.forEach((t, n) => this.termNumbers.set(t, n));
    this.dfCounts = new Int32Array(Math.max(1, terms.names.length));
    this.marks = new Float64Array(Math.max(1, terms.names.length));
    for (const n of terms.numbers) this.dfCounts[n]!++;
    index.chunks.forEach((c) => {
      const list = this.chunksByDoc.get(c.docId);
      if (list) list.push(c);
      else this.chunksByDoc.set(c.docId, [c]);
    });
  }

  /** Whether a knowledge document with this id is indexed. */
  hasDoc(docId: string): boolean {
    return this.chunksByDoc.has(docId);
  }

  /** The passage of a document that best covers the query (its first passage when none does), among those the options allow. */
  bestChunkOf(docId: string, q: QueryAnalysis, opts: SearchOptions = {}): Hit | undefined {
    let best: Hit | undefined;
    for (const chunk of this.chunksByDoc.get(docId) ?? []) {
      if (!this.allowed(chunk, opts)) continue;
      const coverage = this.chunkCoverage(q, chunk.id);
      if (!best || coverage > best.coverage) best = { chunk, score: 0, coverage };
    }
    return best;
  }

  /** Every passage of a document the options allow, with its coverage of the query, in document order. */
  chunksOf(docId: string, q: QueryAnalysis, opts: SearchOptions = {}): Hit[] {
    return (this.chunksByDoc.get(docId) ?? [])
      .filter((c) => this.allowed(c, opts))
      .map((chunk) => ({ chunk, score: 0, coverage: this.chunkCoverage(q, chunk.id) }));
  }

  /**
   * Scores the most frequent words of the index now (start-up warm-up, see OrSearch.prime):
   * they are the costly ones and nearly every question has some. Rarer words are scored
   * on first use (a few hundred matches at most), so start-up does not grow with the vocabulary.
   */
  primeLexical(limit = 3_000): number {
    const frequent = [...this.termNames.keys()]
      .sort((a, b) => this.dfCounts[b]! - this.dfCounts[a]! || (this.termNames[a]! < this.termNames[b]! ? -1 : 1))
      .slice(0, limit);
    return this.lexical.prime(frequent.map((n) => this.termNames[n]!));
  }

  /** Bitset of the chunks the options allow (cached per distinct options). */
  private allowedSet(opts: SearchOptions): Uint8Array | undefined {
    if (opts.audience === "agent" && !opts.kinds && !opts.docIds) return undefined;
    const key = `${opts.audience === "agent" ? "a" : "p"}|${opts.kinds?.join(",") ?? "*"}|${opts.docIds?.join(",") ?? "*"}`;
    let set = this.allowedSets.get(key);
    if (!set) {
      set = new Uint8Array(this.index.chunks.length);
      this.index.chunks.forEach((c, i) => (set![i] = this.allowed(c, opts) ? 1 : 0));
      if (this.allowedSets.size >= 64) this.allowedSets.delete(this.allowedSets.keys().next().value!);
      this.allowedSets.set(key, set);
    }
    return set;
  }

  /** The vector index's bitset by label for a bitset by chunk number (cached with it). */
  private labelsOf(keep: Uint8Array): Uint8Array {
    let labels = this.labelSets.get(keep);
    if (!labels) {
      labels = this.index.vectors.labelBitset((id) => {
        const n = this.chunkNumber.get(id);
        return n !== undefined && keep[n] === 1;
      });
      this.labelSets.set(keep, labels);
    }
    return labels;
  }

  idf(term: string): number {
    const n = this.index.chunks.length;
    const t = this.termNumbers.get(term);
    const df = t === undefined ? 0 : this.dfCounts[t]!;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether a term occurs anywhere in the knowledge base. */
  known(term: string): boolean {
    return this.termNumbers.has(term);
  }

  /** A passage's distinct term numbers: a view on the shared buffer, made when asked (no object per passage kept). */
  private chunkTermNumbers(chunkId: string): Int32Array | undefined {
    const i = this.chunkNumber.get(chunkId);
    return i === undefined ? undefined : this.terms.numbers.subarray(this.terms.offsets[i]!, this.terms.offsets[i + 1]!);
  }

  termsOf(chunkId: string): Set<string> {
    const numbers = this.chunkTermNumbers(chunkId);
    const out = new Set<string>();
    if (numbers) for (const n of numbers) out.add(this.termNames[n]!);
    return out;
  }

  analyzeQuery(question: string): QueryAnalysis {
    const terms = [...new Set(analyze(question))];
    const alternatives = this.synonyms.alternatives(terms);
    const english = looksEnglish(question);
    // The closest expansions are enough; long lists cost more than they bring. An English question gets more:
    // its words are found in the French documents only through their equivalents.
    let expansions = this.synonyms.expand(terms).slice(0, english ? ENGLISH_EXPANSIONS : EXPANSIONS);
    if (english) {
      // Everyday English words ("last", "partners") stand for the French words of the passages (one way only).
      const everyday = this.english.lookup(question, terms);
      for (const [t, fr] of everyday.alternatives) {
        const set = alternatives.get(t) ?? new Set<string>();
        for (const f of fr) set.add(f);
        alternatives.set(t, set);
      }
      expansions = [...new Set([...expansions, ...everyday.extra])];
    }
    // A word the knowledge base never uses weighs less than a rare known one:
    // long descriptions are full of incidental words.
    const unknownWeight = 0.6 * this.idf("\u0000unknown");
    const idf = new Map(terms.map((t) => [t, this.termNumbers.has(t) ? this.idf(t) : unknownWeight] as const));
    return { terms, expansions, alternatives, idf };
  }

  /** IDF-weighted share of the query terms present in a set of passage terms. */
  coverage(q: QueryAnalysis, terms: Set<string>): number {
    let total = 0;
    let found = 0;
    for (const t of q.terms) {
      const w = q.idf.get(t) ?? 1;
      total += w;
      if (terms.has(t) || [...(q.alternatives.get(t) ?? [])].some((a) => terms.has(a))) found += w;
      else if (t.length >= 4 && /^\p{L}+$/u.test(t)) {
        // typo tolerance: a passage term within edit distance 1 of a long query term
        for (const p of terms) {
          if (Math.abs(p.length - t.length) <= 1 && p[0] === t[0] && editDistanceAtMost1(p, t)) {
            found += w * 0.8;
            break;
          }
        }
      }
    }
    return total === 0 ? 0 : found / total;
  }

  /**
   * `coverage(q, termsOf(chunkId))` without building the passage's set of words: its term
   * numbers are marked in a shared array, and the query's words are looked up by number.
   */
  chunkCoverage(q: QueryAnalysis, chunkId: string): number {
    const numbers = this.chunkTermNumbers(chunkId) ?? new Int32Array(0);
    const stamp = ++this.markStamp;
    for (const n of numbers) this.marks[n] = stamp;
    const has = (t: string) => {
      const n = this.termNumbers.get(t);
      return n !== undefined && this.marks[n] === stamp;
    };
    let total = 0;
    let found = 0;
    for (const t of q.terms) {
      const w = q.idf.get(t) ?? 1;
      total += w;
      let present = has(t);
      if (!present) for (const a of q.alternatives.get(t) ?? []) if (has(a)) present = true;
      if (present) found += w;
      else if (t.length >= 4 && /^\p{L}+$/u.test(t)) {
        // typo tolerance: a passage term within edit distance 1 of a long query term
        for (const n of numbers) {
          const p = this.termNames[n]!;
          if (Math.abs(p.length - t.length) <= 1 && p[0] === t[0] && editDistanceAtMost1(p, t)) {
            found += w * 0.8;
            break;
          }
        }
      }
    }
    return total === 0 ? 0 : found / total;
  }

  allowed(c: IndexedChunk, opts: SearchOptions): boolean {
    if (opts.audience !== "agent" && c.audience === "agent") return false;
    if (opts.kinds && !opts.kinds.includes(c.kind)) return false;
    if (opts.docIds && !opts.docIds.includes(c.docId)) return false;
    return true;
  }

  async search(question: string, opts: SearchOptions = {}): Promise<{ hits: Hit[]; query: QueryAnalysis }> {
    const vector = await this.index.embeddings.embeddings.embedQuery(question);
    return this.searchWithVector(question, vector, opts);
  }

  searchWithVector(question: string, vector: number[], opts: SearchOptions = {}): { hits: Hit[]; query: QueryAnalysis } {
    const k = opts.k ?? 8;
    const query = this.analyzeQuery(question);
    const depth = Math.max(40, k * 5);
    const keep = this.allowedSet(opts);

    const fused = new Map<string, Hit>();
    const all = [...query.terms, ...query.expansions];
    if (all.length > 0) {
      const expansion = new Set(query.expansions);
      const lexical = this.lexical.top(analyze(all.join(" ")), depth, {
        // typo tolerance only for words the knowledge base does not know (fuzzy matching is costly)
        tolerant: (term) => term.length >= 5 && !this.termNumbers.has(term),
        prefix: true,
        boostTerm: (term) => (expansion.has(term) ? 0.5 : 1),
        keep,
      });
      lexical.forEach((r, rank) => {
        const chunk = this.index.byId.get(String(r.id))!;
        fused.set(chunk.id, { chunk, score: 1 / (RRF_K + rank + 1), lexicalRank: rank + 1, coverage: 0 });
      });
    }
    const vec = this.index.vectors.searchSync(vector, depth, keep && this.labelsOf(keep));
    vec.forEach(([doc], rank) => {
      const chunk = this.index.byId.get(String(doc.id));
      if (!chunk) return;
      const h = fused.get(chunk.id) ?? { chunk, score: 0, coverage: 0 };
      h.score += 1 / (RRF_K + rank + 1);
      h.vectorRank = rank + 1;
      fused.set(chunk.id, h);
    });
    const hits = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, Math.max(k, 12));
    for (const h of hits) h.coverage = this.chunkCoverage(query, h.chunk.id);
    return { hits: hits.slice(0, k), query };
  }
}

/** Whether two words are at most one edit apart (insertion, deletion or substitution). */
export function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
