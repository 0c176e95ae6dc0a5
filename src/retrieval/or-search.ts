/**
 * MiniSearch OR queries with typo tolerance paid once per word.
 *
 * Fuzzy and prefix matching walk the whole term tree: they cost far more than
 * exact look-ups, and they only apply to words the index does not know
 * ("voudrais", a typo…). Such words come back in question after question, so
 * their matches are searched alone and kept (LRU); the known words go through
 * one exact search. The scores are combined the way MiniSearch combines an OR
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
    private readonly maxCached = 4000,
  ) {}

  /** `terms` are analysed index terms (as the index's tokenizer produces them). */
  search(terms: string[], o: OrSearchOptions): OrResult[] {
    const boost = o.boostTerm ?? (() => 1);
    const exact: string[] = [];
    const tolerant: string[] = [];
    for (const t of terms) (o.tolerant(t) ? tolerant : exact).push(t);

    const raw = new Map<string, number>();
    const matched = new Map<string, Set<string>>();
    const add = (id: string, score: number, term: string) => {
      raw.set(id, (raw.get(id) ?? 0) + score);
      let s = matched.get(id);
      if (!s) matched.set(id, (s = new Set()));
      s.add(term);
    };

    if (exact.length) {
      const res = this.index.search(exact.join(" "), { combineWith: "OR", fuzzy: false, prefix: false, tokenize: asIs, processTerm: (t) => t, boostTerm: boost });
      for (const r of res) {
        const id = String(r.id);
        const quality = r.queryTerms.length || 1;
        for (const q of r.queryTerms) add(id, 0, q);
        raw.set(id, (raw.get(id) ?? 0) + r.score / quality);
      }
    }
    for (const t of tolerant) for (const [id, score] of this.tolerantMatches(t, boost(t), o.prefix ?? false)) add(id, score, t);

    const out: OrResult[] = [];
    for (const [id, s] of raw) {
      if (o.filter && !o.filter(id)) continue;
      out.push({ id, score: s * (matched.get(id)?.size || 1) });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  private tolerantMatches(term: string, termBoost: number, prefix: boolean): Array<[string, number]> {
    const key = `${term}\u0000${termBoost}\u0000${prefix ? 1 : 0}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const res = this.index.search(term, { fuzzy: 0.2, prefix, tokenize: asIs, processTerm: (t) => t, boostTerm: () => termBoost });
    const list: Array<[string, number]> = res.map((r) => [String(r.id), r.score]);
    this.cache.set(key, list);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    return list;
  }
}
