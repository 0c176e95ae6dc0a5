/**
 * MiniSearch OR queries, scored once per word.
 *
 * The index is read-only and a word's BM25 scores do not depend on the rest
 * of the question, so each word's matches are searched alone once and kept
 * (LRU): questions share most of their words ("projet", "association",
 * "Gard"…), and fuzzy and prefix matching — which walk the whole term tree and
 * only apply to words the index does not know ("voudrais", a typo…) — is paid
 * once per word. The scores are combined the way MiniSearch combines an OR
 * query (sum of the per-term scores, times the number of query terms matched),
 * so the ranking is the same as one `search(…, { fuzzy, prefix })` call.
 */
import type MiniSearch from "minisearch";

export interface OrSearchOptions {
  /** Words searched with typo tolerance (fuzzy 0.2 and, if `prefix`, prefix matches). */
  tolerant: (term: string) => boolean;
  /** Prefix matches for the tolerant words too. Default false. */
  prefix?: boolean;
  /** Weight of a query term (MiniSearch `boostTerm`). Default 1. */
  boostTerm?: (term: string) => number;
  /** Keeps a document id (applied after the search, so cached matches serve every filter). */
  filter?: (id: string) => boolean;
}

export interface OrResult {
  id: string;
  score: number;
}

/** Query terms passed through unchanged: they are already analysed. */
const asIs = (s: string) => s.split(" ").filter(Boolean);

export class OrSearch<T> {
  private readonly cache = new Map<string, Array<[string, number]>>();

  constructor(
    private readonly index: MiniSearch<T>,
    private readonly maxCached = 50_000,
  ) {}

  /**
   * Computes the exact matches of every given word now (e.g. the index's whole
   * vocabulary, at start-up), so that questions only pay for new words.
   * About 40 bytes per (word, document) pair.
   */
  prime(terms: Iterable<string>, boosts: number[] = [1]): number {
    let n = 0;
    for (const t of terms) for (const b of boosts) if (n < this.maxCached) (this.matches(t, b, false, false), n++);
    return n;
  }

  /** `terms` are analysed index terms (as the index's tokenizer produces them). */
  search(terms: string[], o: OrSearchOptions): OrResult[] {
    const boost = o.boostTerm ?? (() => 1);
    const raw = new Map<string, number>();
    const matched = new Map<string, Set<string>>();
    for (const t of terms) {
      const tolerant = o.tolerant(t);
      for (const [id, score] of this.matches(t, boost(t), tolerant, tolerant && (o.prefix ?? false))) {
        raw.set(id, (raw.get(id) ?? 0) + score);
        let set = matched.get(id);
        if (!set) matched.set(id, (set = new Set()));
        set.add(t);
      }
    }
    const out: OrResult[] = [];
    for (const [id, score] of raw) {
      if (o.filter && !o.filter(id)) continue;
      out.push({ id, score: score * (matched.get(id)?.size || 1) });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /** One term's scored documents (MiniSearch BM25, with typo tolerance when asked), kept in an LRU. */
  private matches(term: string, termBoost: number, fuzzy: boolean, prefix: boolean): Array<[string, number]> {
    const key = `${term}\u0000${termBoost}\u0000${fuzzy ? 1 : 0}${prefix ? 1 : 0}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const res = this.index.search(term, { fuzzy: fuzzy ? 0.2 : false, prefix, tokenize: asIs, processTerm: (t) => t, boostTerm: () => termBoost });
    const list: Array<[string, number]> = res.map((r) => [String(r.id), r.score]);
    this.cache.set(key, list);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    return list;
  }
}
