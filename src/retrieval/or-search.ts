/**
 * MiniSearch OR queries, scored once per word, with top-k pruning.
 *
 * The index is read-only and a word's BM25 scores do not depend on the rest
 * of the question, so each word's matches are searched alone once and kept
 * (LRU) as compact postings: document numbers in increasing order, their
 * scores (Float64Array) and the word's maximum score. Fuzzy and prefix
 * matching — which walk the whole term tree and only apply to words the index
 * does not know ("voudrais", a typo…) — is paid once per word. The scores are
 * combined the way MiniSearch combines an OR query (sum of the per-term
 * scores, times the number of query terms matched), so the ranking is the same
 * as one `search(…, { fuzzy, prefix })` call.
 *
 * `top` returns only the k best documents without scoring every match
 * (MaxScore: the words whose summed maximum scores cannot reach the k-th best
 * score are only probed for documents the other words found), keeps them in a
 * bounded heap, and filters with a bitset over document numbers. Ties are
 * broken as the exhaustive `search` breaks them (first word, then MiniSearch's
 * order for that word), so `top(k)` equals `search().slice(0, k)` exactly.
 */
/**
 * What OrSearch asks of a lexical index: one analysed term's documents, best first, scored as
 * MiniSearch scores them (MiniSearch itself, or the compact index of the knowledge base).
 */
export interface TermIndex {
  search(
    term: string,
    options: { fuzzy: number | false; prefix: boolean; tokenize: (s: string) => string[]; processTerm: (t: string) => string; boostTerm: () => number },
  ): Array<{ id: unknown; score: number }>;
}

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

export interface TopOptions extends Omit<OrSearchOptions, "filter"> {
  /** Documents kept, by document number (see `numberOf`): 1 keeps, 0 drops. All when absent. */
  keep?: Uint8Array;
}

export interface OrResult {
  id: string;
  score: number;
}

/** One word's matches, by increasing document number. */
interface Postings {
  docs: Int32Array;
  /** BM25 score of each document for this word (term boost 1). */
  scores: Float64Array;
  /** Position of each document in MiniSearch's result order for this word (the tie-break). */
  ranks: Int32Array;
  max: number;
}

const EMPTY: Postings = { docs: new Int32Array(0), scores: new Float64Array(0), ranks: new Int32Array(0), max: 0 };

/** Query terms passed through unchanged: they are already analysed. */
const asIs = (s: string) => s.split(" ").filter(Boolean);

/** Tie key: first query word that matched, then that word's MiniSearch order. */
const tieKey = (word: number, rank: number) => word * 2 ** 26 + rank;

/** A query word with its repetitions merged (they add their scores but count once). */
interface Word {
  postings: Postings;
  boost: number;
  /** Upper bound of this word's contribution to the raw score. */
  bound: number;
  /** Positions of this word in the query (scores are summed in query order, as MiniSearch does). */
  at: number[];
}

/** A cached word: its postings, and the access count when it last moved to the young end of the LRU. */
interface Cached {
  postings: Postings;
  moved: number;
}

export class OrSearch {
  /** Postings by word: the word itself for exact matches, `word\0` + mode for typo-tolerant ones. */
  private readonly cache = new Map<string, Cached>();
  /** Look-ups so far: a word found again moves to the young end only when it has aged (cheaper than at every hit). */
  private accesses = 0;
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];

  /** (word, document) pairs held in the cache: bounded by `maxPostings`, whatever the number of words. */
  private cachedPostings = 0;

  /**
   * @param ids document ids in the order that gives their numbers (e.g. the index's chunks), so
   *   that `keep` bitsets can be built from that order; ids met later get the next numbers.
   * @param maxPostings (word, document) pairs kept at most (16 bytes each): on a large corpus the
   *   frequent words match tens of thousands of documents, so the cache is bounded by size, not
   *   only by its number of words.
   */
  constructor(
    private readonly index: TermIndex,
    private readonly maxCached = 50_000,
    ids: Iterable<string> = [],
    private readonly maxPostings = 1_500_000,
  ) {
    for (const id of ids) this.numberOf(id);
  }

  /** The number of a document id (its position in the bitsets of `top`). */
  numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.numbers.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  /**
   * Computes the exact matches of the given words now (e.g. the index's most
   * frequent words, at start-up), so that questions only pay for new words.
   * About 16 bytes per (word, document) pair. `boosts` is accepted for
   * compatibility: matches are kept once, boosts apply at query time.
   */
  prime(terms: Iterable<string>, _boosts: number[] = [1]): number {
    let n = 0;
    for (const t of terms) {
      // Priming fills an eighth of the cache at most: on a large corpus the frequent words
      // are costly to score (about 5 s of start-up at ×100 for half the cache), and the rest
      // is for the words questions bring.
      if (n >= this.maxCached / 2 || this.cachedPostings >= this.maxPostings / 8) break;
      this.postings(t, false, false);
      n++;
    }
    return n;
  }

  /** Every matching document, best first (`terms` are analysed index terms, as the index's tokenizer produces them). */
  search(terms: string[], o: OrSearchOptions): OrResult[] {
    const words = this.words(terms, o);
    const raw = new Map<number, { score: number; matched: number; key: number }>();
    // Sum in query order (same floating-point result as MiniSearch and as `top`).
    const order = queryOrder(words, terms.length);
    for (const [wi, w] of words.entries()) {
      const p = w.postings;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const e = raw.get(d);
        if (e) e.matched++;
        else raw.set(d, { score: 0, matched: 1, key: tieKey(wi, p.ranks[i]!) });
      }
    }
    const out: Array<OrResult & { key: number }> = [];
    const scoreOf = this.scorer(words, order);
    for (const [d, e] of raw) {
      const id = this.ids[d]!;
      if (o.filter && !o.filter(id)) continue;
      out.push({ id, score: scoreOf(d, e.matched), key: e.key });
    }
    out.sort((a, b) => b.score - a.score || a.key - b.key);
    return out.map(({ id, score }) => ({ id, score }));
  }

  /** The k best documents among those `keep` allows, best first: equal to `search(…).slice(0, k)` with the same filter. */
  top(terms: string[], k: number, o: TopOptions = { tolerant: () => false }): OrResult[] {
    if (k <= 0 || terms.length === 0) return [];
    const words = this.words(terms, o).filter((w) => w.postings.docs.length > 0);
    if (words.length === 0) return [];
    const n = words.length;
    const keep = o.keep;
    // Words by increasing bound; prefix[i] = sum of the bounds of the i weakest words.
    const byBound = [...words.keys()].sort((a, b) => words[a]!.bound - words[b]!.bound);
    const prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + words[byBound[i]!]!.bound;
    const pos = new Int32Array(words.length);
    const heap = new TopHeap(k);
    const found = new Float64Array(words.length); // this candidate's score per word (NaN: absent)
    const order = queryOrder(words, terms.length);
    // Words before `essential` (in bound order) cannot make a document enter the heap on their own.
    let essential = 0;
    const grow = () => {
      const theta = heap.threshold();
      while (essential < n && prefix[essential + 1]! * (essential + 1) * (1 + 1e-9) < theta) essential++;
    };
    for (;;) {
      // Next candidate: smallest current document among the essential words.
      let d = 2 ** 31 - 1;
      for (let i = essential; i < n; i++) {
        const w = byBound[i]!;
        const p = words[w]!.postings;
        if (pos[w]! < p.docs.length && p.docs[pos[w]!]! < d) d = p.docs[pos[w]!]!;
      }
      if (d === 2 ** 31 - 1) break;
      let partial = 0;
      let matched = 0;
      found.fill(NaN);
      for (let i = essential; i < n; i++) {
        const w = byBound[i]!;
        const p = words[w]!.postings;
        const at = pos[w]!;
        if (at < p.docs.length && p.docs[at] === d) {
          found[w] = p.scores[at]!;
          partial += p.scores[at]! * words[w]!.boost * words[w]!.at.length;
          matched++;
          pos[w] = at + 1;
        }
      }
      if (keep && !keep[d]) continue;
      // Probe the weak words, strongest first, while the document can still enter the heap.
      const theta = heap.threshold();
      let alive = true;
      for (let i = essential - 1; i >= 0; i--) {
        if ((partial + prefix[i + 1]!) * (matched + i + 1) * (1 + 1e-9) < theta) {
          alive = false;
          break;
        }
        const w = byBound[i]!;
        const p = words[w]!.postings;
        const at = seek(p.docs, pos[w]!, d);
        pos[w] = at;
        if (at < p.docs.length && p.docs[at] === d) {
          found[w] = p.scores[at]!;
          partial += p.scores[at]! * words[w]!.boost * words[w]!.at.length;
          matched++;
        }
      }
      if (!alive) continue;
      let raw = 0;
      for (const w of order) {
        const s = found[w]!;
        if (!Number.isNaN(s)) raw += s * words[w]!.boost;
      }
      // first word (query order) with this document: its rank there is the tie key
      let wFirst = -1;
      for (let w = 0; w < words.length; w++)
        if (!Number.isNaN(found[w]!)) {
          wFirst = w;
          break;
        }
      const p = words[wFirst]!.postings;
      const at = seek(p.docs, 0, d);
      if (heap.push(d, raw * matched, tieKey(wFirst, p.ranks[at]!))) grow();
    }
    return heap.sorted().map(([d, score]) => ({ id: this.ids[d]!, score }));
  }

  /** Distinct words of the query with their postings, boosts and bounds, in order of first appearance. */
  private words(terms: string[], o: Omit<OrSearchOptions, "filter">): Word[] {
    const boost = o.boostTerm ?? (() => 1);
    const byTerm = new Map<string, Word>();
    terms.forEach((t, i) => {
      const seen = byTerm.get(t);
      if (seen) return void seen.at.push(i);
      const tolerant = o.tolerant(t);
      const postings = this.postings(t, tolerant, tolerant && (o.prefix ?? false));
      const b = boost(t);
      byTerm.set(t, { postings, boost: b, bound: postings.max * b, at: [i] });
    });
    const words = [...byTerm.values()];
    for (const w of words) w.bound *= w.at.length;
    return words;
  }

  /** Final score of a document from its per-word scores, summed in query order as MiniSearch does. */
  private scorer(words: Word[], order: number[]): (d: number, matched: number) => number {
    return (d, matched) => {
      let raw = 0;
      for (const w of order) {
        const p = words[w]!.postings;
        const at = seek(p.docs, 0, d);
        if (at < p.docs.length && p.docs[at] === d) raw += p.scores[at]! * words[w]!.boost;
      }
      return raw * matched;
    };
  }

  /** One term's scored documents (MiniSearch BM25, with typo tolerance when asked), kept in an LRU. */
  private postings(term: string, fuzzy: boolean, prefix: boolean): Postings {
    // Analysed words are letters and digits: a word alone cannot collide with a "word\0mode" key.
    const key = fuzzy || prefix ? `${term}\u0000${fuzzy ? 1 : 0}${prefix ? 1 : 0}` : term;
    const now = ++this.accesses;
    const hit = this.cache.get(key);
    if (hit) {
      if (now - hit.moved > this.maxCached >> 3) {
        this.cache.delete(key);
        this.cache.set(key, hit);
        hit.moved = now;
      }
      return hit.postings;
    }
    const res = this.index.search(term, { fuzzy: fuzzy ? 0.2 : false, prefix, tokenize: asIs, processTerm: (t) => t, boostTerm: () => 1 });
    let list = EMPTY;
    if (res.length > 0) {
      const entries = res.map((r, rank) => ({ d: this.numberOf(String(r.id)), s: r.score, rank })).sort((a, b) => a.d - b.d);
      // One buffer per word for its three arrays (scores first, 8-byte aligned): two fewer
      // ArrayBuffers, each with its own backing store, per cached word.
      const n = entries.length;
      const buffer = new ArrayBuffer(n * 16);
      list = { scores: new Float64Array(buffer, 0, n), docs: new Int32Array(buffer, n * 8, n), ranks: new Int32Array(buffer, n * 12, n), max: 0 };
      entries.forEach((e, i) => {
        list.docs[i] = e.d;
        list.scores[i] = e.s;
        list.ranks[i] = e.rank;
        if (e.s > list.max) list.max = e.s;
      });
    }
    this.cache.set(key, { postings: list, moved: now });
    this.cachedPostings += list.docs.length;
    while (this.cache.size > 1 && (this.cache.size > this.maxCached || this.cachedPostings > this.maxPostings)) {
      const [oldest, dropped] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cachedPostings -= dropped.postings.docs.length;
    }
    return list;
  }
}

/** Word indexes in query order, repetitions included (the order MiniSearch adds scores in). */
function queryOrder(words: Word[], length: number): number[] {
  const order = new Array<number>(length).fill(-1);
  words.forEach((w, wi) => {
    for (const i of w.at) order[i] = wi;
  });
  return order.filter((w) => w >= 0);
}

/** First position ≥ from whose document is ≥ d (galloping, then binary search). */
function seek(docs: Int32Array, from: number, d: number): number {
  let lo = from;
  if (lo >= docs.length || docs[lo]! >= d) return lo;
  let step = 1;
  let hi = lo + 1;
  while (hi < docs.length && docs[hi]! < d) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > docs.length) hi = docs.length;
  // docs[lo] < d, docs[hi] >= d (or hi = length)
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < d) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The k best (score desc, tie key asc) in a bounded binary heap whose root is the worst kept. */
class TopHeap {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  private readonly keys: number[] = [];
  constructor(private readonly k: number) {}

  full(): boolean {
    return this.docs.length >= this.k;
  }

  /** Score a document must reach to enter (−∞ until k are kept). */
  threshold(): number {
    return this.full() ? this.scores[0]! : -Infinity;
  }

  /** a is worse than b */
  private worse(i: number, j: number): boolean {
    return this.scores[i]! < this.scores[j]! || (this.scores[i] === this.scores[j] && this.keys[i]! > this.keys[j]!);
  }

  private swap(i: number, j: number): void {
    for (const a of [this.docs, this.scores, this.keys]) [a[i], a[j]] = [a[j]!, a[i]!];
  }

  /** Adds a document if it beats the worst kept; true when the threshold may have changed. */
  push(d: number, score: number, key: number): boolean {
    if (this.full()) {
      if (score < this.scores[0]! || (score === this.scores[0] && key > this.keys[0]!)) return false;
      this.docs[0] = d;
      this.scores[0] = score;
      this.keys[0] = key;
      this.down(0);
      return true;
    }
    this.docs.push(d);
    this.scores.push(score);
    this.keys.push(key);
    let i = this.docs.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
    return this.full();
  }

  private down(i: number): void {
    const n = this.docs.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.worse(l, m)) m = l;
      if (r < n && this.worse(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): Array<[number, number]> {
    const idx = [...this.docs.keys()].sort((a, b) => this.scores[b]! - this.scores[a]! || this.keys[a]! - this.keys[b]!);
    return idx.map((i) => [this.docs[i]!, this.scores[i]!]);
  }
}
