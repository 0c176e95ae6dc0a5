/**
 * The lexical index as it is kept in memory: MiniSearch's index in compact form.
 *
 * MiniSearch keeps, for every term, a Map of fields holding a Map of documents (about
 * 80 bytes per (term, field, document) entry: 16 MB of heap at ×10, most of the index).
 * Here the postings are typed arrays — document numbers and term frequencies, one range
 * per (term, field) — and the term tree is MiniSearch's own radix tree (SearchableMap)
 * whose leaves hold a term number instead of those Maps, so prefix and fuzzy matches are
 * found by the same code, in the same order, with the same edit distances.
 *
 * `search(term, { fuzzy, prefix })` scores one analysed term exactly as
 * `MiniSearch.search(term, { fuzzy, prefix, boostTerm: () => 1 })` does for the options
 * the index is built with (BM25 defaults, field boosts, no document boost): same
 * documents, same scores to the last bit (same operations in the same order), same order
 * of equal scores. It is all `OrSearch` asks of the index.
 *
 * The file format is unchanged (MiniSearch's JSON, lexical.json): `fromJSON` reads it
 * without building MiniSearch's Maps, and inserts the terms in the file's order as
 * `MiniSearch.loadJSON` does, so the tree — hence the order of prefix and fuzzy matches —
 * is the one a loaded MiniSearch has. An index built in memory goes through the same JSON.
 */
import SearchableMap from "minisearch/SearchableMap";

export interface LexicalSearchOptions {
  /** Fuzzy matching: a share of the term's length (MiniSearch's `fuzzy`), or false. */
  fuzzy?: number | false;
  /** Prefix matches. */
  prefix?: boolean;
}

export interface LexicalHit {
  id: string;
  score: number;
}

/** What the index needs of MiniSearch's options: searched fields (in order) and their boosts. */
export interface LexicalOptions {
  fields: string[];
  searchOptions?: { boost?: Record<string, number> };
}

/** MiniSearch's defaults (dist/es/index.js, defaultSearchOptions), for the options the product uses. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;

/** MiniSearch's `calcBM25Score`, same operations in the same order. */
function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

/** MiniSearch's serialized index (JSON.stringify of a MiniSearch, serializationVersion 2). */
interface MiniSearchJs {
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  index: Array<[string, Record<string, Record<string, number>>]>;
  serializationVersion: number;
}

/** Postings being gathered: one range per (term, field id). */
class PostingsBuilder {
  readonly offsets: number[] = [0];
  docs: Int32Array;
  freqs: Float64Array;
  size = 0;
  maxFreq = 0;
  constructor(
    private readonly fieldCount: number,
    capacity: number,
  ) {
    this.docs = new Int32Array(Math.max(16, capacity));
    this.freqs = new Float64Array(Math.max(16, capacity));
  }

  /** Adds term number `offsets.length / fieldCount`: its documents and frequencies by field id. */
  addTerm(byField: (fieldId: number, add: (doc: number, freq: number) => void) => void): void {
    const add = (doc: number, freq: number) => {
      if (this.size === this.docs.length) {
        const docs = new Int32Array(this.docs.length * 2);
        docs.set(this.docs);
        this.docs = docs;
        const freqs = new Float64Array(this.freqs.length * 2);
        freqs.set(this.freqs);
        this.freqs = freqs;
      }
      this.docs[this.size] = doc;
      this.freqs[this.size] = freq;
      this.size++;
      if (freq > this.maxFreq) this.maxFreq = freq;
    };
    for (let f = 0; f < this.fieldCount; f++) {
      byField(f, add);
      this.offsets.push(this.size);
    }
  }

  /** Frequencies in 16 bits when they are whole numbers that fit (always, for term counts). */
  finish(): { offsets: Int32Array; docs: Int32Array; freqs: Uint16Array | Float64Array } {
    const freqs = this.freqs.subarray(0, this.size);
    const small = this.maxFreq <= 0xffff && freqs.every((x) => Number.isInteger(x) && x >= 0);
    return {
      offsets: Int32Array.from(this.offsets),
      docs: this.docs.slice(0, this.size),
      freqs: small ? Uint16Array.from(freqs) : freqs.slice(),
    };
  }
}

export class CompactLexical {
  private constructor(
    /** Term → term number (MiniSearch's radix tree, same shape as the index it comes from). */
    private readonly tree: SearchableMap<number>,
    /** Number of field ids (MiniSearch's `fieldIds`). */
    private readonly fieldCount: number,
    /** Searched fields, in the order MiniSearch scores them: field id and boost. */
    private readonly searched: Array<{ fieldId: number; boost: number }>,
    /** Postings of term t, field f: `docs[offsets[t * fieldCount + f]]` … `docs[offsets[t * fieldCount + f + 1] - 1]`. */
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly freqs: Uint16Array | Float64Array,
    /** Length of field f of document d (MiniSearch's `fieldLength`): `fieldLength[d * fieldCount + f]`. */
    private readonly fieldLength: Float64Array,
    private readonly avgFieldLength: number[],
    /** Document id by MiniSearch's short id. */
    private readonly ids: Array<string | undefined>,
    readonly documentCount: number,
  ) {}

  /** The index saved as MiniSearch's JSON (lexical.json), read without building MiniSearch's Maps. */
  static fromJSON(json: string, options: LexicalOptions): CompactLexical {
    const js = JSON.parse(json) as MiniSearchJs;
    if (js.serializationVersion !== 2) throw new Error(`lexical index: unsupported serialization version ${js.serializationVersion}`);
    const fieldCount = fieldCountOf(js.fieldIds);
    const ids = new Array<string | undefined>(js.nextId);
    for (const k of Object.keys(js.documentIds)) ids[Number.parseInt(k, 10)] = js.documentIds[k];
    const fieldLength = new Float64Array(js.nextId * fieldCount).fill(Number.NaN);
    for (const k of Object.keys(js.fieldLength)) {
      const d = Number.parseInt(k, 10);
      js.fieldLength[k]!.forEach((len, f) => (fieldLength[d * fieldCount + f] = len));
    }
    let total = 0;
    for (const [, data] of js.index) for (const f of Object.keys(data)) total += Object.keys(data[f]!).length;
    const postings = new PostingsBuilder(fieldCount, total);
    // Terms inserted in the file's order, as MiniSearch.loadJSON inserts them: the same tree.
    const tree = new SearchableMap<number>();
    js.index.forEach(([term, data], n) => {
      // A term twice in the file: MiniSearch keeps the last one.
      tree.set(term, n);
      postings.addTerm((f, add) => {
        const docs = data[String(f)];
        if (docs) for (const k of Object.keys(docs)) add(Number.parseInt(k, 10), docs[k]!);
      });
    });
    return CompactLexical.make(tree, js.fieldIds, options, postings, fieldLength, js.averageFieldLength, ids, js.documentCount);
  }

  private static make(
    tree: SearchableMap<number>,
    fieldIds: Record<string, number>,
    options: LexicalOptions,
    postings: PostingsBuilder,
    fieldLength: Float64Array,
    avgFieldLength: number[],
    ids: Array<string | undefined>,
    documentCount: number,
  ): CompactLexical {
    const { offsets, docs, freqs } = postings.finish();
    // Every document of the postings is in the index (MiniSearch would skip and forget removed ones; this index has none).
    for (const d of docs) if (ids[d] === undefined) throw new Error(`lexical index: posting for unknown document ${d}`);
    // Fields scored in the order of the `fields` option, each with its boost (1 when none), as MiniSearch does.
    const boost = options.searchOptions?.boost ?? {};
    const searched = options.fields.map((field) => {
      const fieldId = fieldIds[field];
      if (fieldId === undefined) throw new Error(`lexical index: no field ${field}`);
      return { fieldId, boost: (Object.hasOwn(boost, field) ? boost[field] : undefined) || 1 };
    });
    return new CompactLexical(tree, fieldCountOf(fieldIds), searched, offsets, docs, freqs, fieldLength, avgFieldLength, ids, documentCount);
  }

  /** Terms in the index. */
  get termCount(): number {
    return (this.offsets.length - 1) / this.fieldCount;
  }

  /**
   * Documents matching one analysed term (one word: no spaces), best first, scored as MiniSearch
   * scores a one-term query. An empty term matches nothing, as in MiniSearch.
   */
  search(term: string, o: LexicalSearchOptions = {}): LexicalHit[] {
    if (term === "") return [];
    const scores = new Map<number, number>();
    const exact = this.tree.get(term);
    if (exact !== undefined) this.addTerm(exact, 1, scores);
    let prefixMatches: SearchableMap<number> | undefined;
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (o.prefix) prefixMatches = this.tree.atPrefix(term);
    if (o.fuzzy) {
      const fuzzy = o.fuzzy;
      const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = this.tree.fuzzyGet(term, maxDistance);
    }
    if (prefixMatches) {
      for (const [t, n] of prefixMatches) {
        const distance = t.length - term.length;
        if (!distance) continue;
        // A prefix match is scored as a prefix match only (as MiniSearch does).
        fuzzyMatches?.delete(t);
        const weight = (WEIGHTS.prefix * t.length) / (t.length + 0.3 * distance);
        this.addTerm(n, weight, scores);
      }
    }
    if (fuzzyMatches) {
      for (const t of fuzzyMatches.keys()) {
        const [n, distance] = fuzzyMatches.get(t)!;
        if (!distance) continue;
        const weight = (WEIGHTS.fuzzy * t.length) / (t.length + distance);
        this.addTerm(n, weight, scores);
      }
    }
    const out: LexicalHit[] = [];
    // quality: one query term matched
    for (const [d, score] of scores) out.push({ id: this.ids[d]!, score: score * 1 });
    out.sort((a, b) => b.score - a.score);
    return out;
  }

  /** MiniSearch's `termResults` for one derived term (term boost and document boost 1). */
  private addTerm(n: number, termWeight: number, scores: Map<number, number>): void {
    for (const { fieldId, boost: fieldBoost } of this.searched) {
      const at = n * this.fieldCount + fieldId;
      const start = this.offsets[at]!;
      const end = this.offsets[at + 1]!;
      if (start === end) continue;
      const matchingFields = end - start;
      const avgFieldLength = this.avgFieldLength[fieldId]!;
      for (let i = start; i < end; i++) {
        const d = this.docs[i]!;
        const rawScore = bm25(this.freqs[i]!, matchingFields, this.documentCount, this.fieldLength[d * this.fieldCount + fieldId]!, avgFieldLength);
        const weightedScore = termWeight * 1 * fieldBoost * 1 * rawScore;
        const prev = scores.get(d);
        scores.set(d, prev === undefined ? weightedScore : prev + weightedScore);
      }
    }
  }
}

function fieldCountOf(fieldIds: Record<string, number>): number {
  const ids = Object.values(fieldIds);
  return ids.length === 0 ? 0 : Math.max(...ids) + 1;
}
