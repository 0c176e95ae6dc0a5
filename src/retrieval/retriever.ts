/**
 * Hybrid retrieval: BM25 (MiniSearch, French analyzer, glossary synonyms, fuzzy
 * terms for typos) and HNSW vectors, fused by reciprocal-rank fusion, filtered by
 * audience and kind. Each hit also carries `coverage`: the IDF-weighted share of
 * the question's terms the passage contains (synonyms count), which the answer
 * and refusal logic use as an absolute relevance signal.
 */
import type { DocKind, Audience } from "../core/ids.js";
import { analyze } from "./analyzer.js";
import type { IndexedChunk, SearchIndex } from "./index-store.js";
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

export class Retriever {
  private readonly chunkTerms = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();
  private readonly lexical: OrSearch<IndexedChunk>;
  private readonly chunksByDoc = new Map<string, IndexedChunk[]>();

  constructor(
    readonly index: SearchIndex,
    readonly synonyms: SynonymExpander = SynonymExpander.fromKnowledge(),
  ) {
    this.lexical = new OrSearch(index.lexical);
    for (const c of index.chunks) {
      const terms = new Set(analyze(`${c.title} ${c.section} ${c.text} ${c.tags.join(" ")}`));
      this.chunkTerms.set(c.id, terms);
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const list = this.chunksByDoc.get(c.docId);
      if (list) list.push(c);
      else this.chunksByDoc.set(c.docId, [c]);
    }
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
      const coverage = this.coverage(q, this.termsOf(chunk.id));
      if (!best || coverage > best.coverage) best = { chunk, score: 0, coverage };
    }
    return best;
  }

  /** Scores every word of the index once now (start-up warm-up): see OrSearch.prime. */
  primeLexical(): number {
    // Question words weigh 1, synonym expansions 0.5 (see searchWithVector).
    return this.lexical.prime(this.df.keys(), [1, 0.5]);
  }

  idf(term: string): number {
    const n = this.index.chunks.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether a term occurs anywhere in the knowledge base. */
  known(term: string): boolean {
    return this.df.has(term);
  }

  termsOf(chunkId: string): Set<string> {
    return this.chunkTerms.get(chunkId) ?? new Set();
  }

  analyzeQuery(question: string): QueryAnalysis {
    const terms = [...new Set(analyze(question))];
    const alternatives = this.synonyms.alternatives(terms);
    // the closest expansions are enough; long lists cost more than they bring
    const expansions = this.synonyms.expand(terms).slice(0, 12);
    // A word the knowledge base never uses weighs less than a rare known one:
    // long descriptions are full of incidental words.
    const unknownWeight = 0.6 * this.idf("\u0000unknown");
    const idf = new Map(terms.map((t) => [t, this.df.has(t) ? this.idf(t) : unknownWeight] as const));
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
    const filter = (c: IndexedChunk) => this.allowed(this.index.byId.get(c.id)!, opts);

    const fused = new Map<string, Hit>();
    const all = [...query.terms, ...query.expansions];
    if (all.length > 0) {
      const expansion = new Set(query.expansions);
      const lexical = this.lexical.search(analyze(all.join(" ")), {
        // typo tolerance only for words the knowledge base does not know (fuzzy matching is costly)
        tolerant: (term) => term.length >= 5 && !this.df.has(term),
        prefix: true,
        boostTerm: (term) => (expansion.has(term) ? 0.5 : 1),
        filter: (id) => filter(this.index.byId.get(id)!),
      });
      lexical.slice(0, depth).forEach((r, rank) => {
        const chunk = this.index.byId.get(String(r.id))!;
        fused.set(chunk.id, { chunk, score: 1 / (RRF_K + rank + 1), lexicalRank: rank + 1, coverage: 0 });
      });
    }
    const vec = this.index.vectors.searchSync(vector, depth, (d) => {
      const c = this.index.byId.get(String(d.id));
      return c !== undefined && this.allowed(c, opts);
    });
    vec.forEach(([doc], rank) => {
      const chunk = this.index.byId.get(String(doc.id));
      if (!chunk) return;
      const h = fused.get(chunk.id) ?? { chunk, score: 0, coverage: 0 };
      h.score += 1 / (RRF_K + rank + 1);
      h.vectorRank = rank + 1;
      fused.set(chunk.id, h);
    });
    const hits = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, Math.max(k, 12));
    for (const h of hits) h.coverage = this.coverage(query, this.termsOf(h.chunk.id));
    return { hits: hits.slice(0, k), query };
  }
}

function editDistanceAtMost1(a: string, b: string): boolean {
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
