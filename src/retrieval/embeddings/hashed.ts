/**
 * Offline embeddings that need no download: hashed character 3–5-grams of the
 * folded words (FNV-1a feature hashing, signed, L2-normalised). They catch typos,
 * missing accents and word variants that the lexical side misses.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { fold, isStopword } from "../analyzer.js";

export const HASHED_DIMENSIONS = 384;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function hashedVector(text: string, dims = HASHED_DIMENSIONS): number[] {
  const v = new Float64Array(dims);
  const words = fold(text.normalize("NFKC"))
    .replace(/\b(?:l|d|j|m|n|s|t|c|qu)['’]/g, " ")
    .match(/[\p{L}\p{N}]+/gu);
  for (const w of words ?? []) {
    if (w.length < 2 || w.length > 40 || isStopword(w)) continue;
    const padded = `<${w}>`;
    // whole word feature, stronger
    const hw = fnv1a(padded);
    v[hw % dims]! += hw & 0x80000000 ? -2 : 2;
    // character 3-, 4- and 5-grams, hashed incrementally from each start (no substring allocation)
    for (let i = 0; i + 3 <= padded.length; i++) {
      let h = 0x811c9dc5;
      for (let n = 0; n < 5 && i + n < padded.length; n++) {
        h ^= padded.charCodeAt(i + n);
        h = Math.imul(h, 0x01000193);
        if (n >= 2) {
          const u = h >>> 0;
          v[u % dims]! += u & 0x80000000 ? -1 : 1;
        }
      }
    }
  }
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  const out = new Array<number>(dims);
  for (let i = 0; i < dims; i++) out[i] = v[i]! / norm;
  return out;
}

export class HashedNgramEmbeddings extends Embeddings {
  readonly id = `hashed-ngram-${HASHED_DIMENSIONS}`;
  constructor(private readonly dims = HASHED_DIMENSIONS) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => hashedVector(t, this.dims));
  }
  async embedQuery(text: string): Promise<number[]> {
    return hashedVector(text, this.dims);
  }
}
