/**
 * The compact speller index (sorted hashed keys) against the Map-of-lists index it
 * replaced: the same closest word for misspellings of the bundled knowledge's words
 * (`closest`, the index look-up; `correct` adds the lost-apostrophe reading on top).
 */
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import { isStopword } from "../../src/retrieval/analyzer.js";
import { addWords, FrenchWords, osaDistance, Speller, type Vocabulary } from "../../src/retrieval/normalize.js";

const deletes1 = (w: string) => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));

/** The previous implementation, kept as the reference. */
class MapSpeller {
  private readonly byDelete = new Map<string, string[]>();
  constructor(private readonly vocab: Vocabulary) {
    for (const w of vocab.keys()) {
      if (w.length < 4) continue;
      for (const k of [w, ...deletes1(w)]) {
        const list = this.byDelete.get(k);
        if (list) {
          if (list.at(-1) !== w) list.push(w);
        } else this.byDelete.set(k, [w]);
      }
    }
  }
  correct(word: string): string | undefined {
    if (word.length < 5 || this.vocab.has(word) || isStopword(word) || /\d/.test(word) || FrenchWords.has(word)) return undefined;
    const max = word.length >= 8 ? 2 : 1;
    const keys = new Set([word, ...deletes1(word)]);
    if (max === 2) for (const k of [...keys]) for (const k2 of deletes1(k)) keys.add(k2);
    let best: { w: string; d: number; f: number } | undefined;
    for (const k of keys)
      for (const cand of this.byDelete.get(k) ?? []) {
        if (best?.w === cand) continue;
        const d = osaDistance(word, cand, max);
        if (d > max) continue;
        const f = this.vocab.get(cand) ?? 0;
        if (!best || d < best.d || (d === best.d && f > best.f)) best = { w: cand, d, f };
      }
    return best?.w;
  }
}

describe("Speller (compact index)", () => {
  it("corrects every misspelling exactly as the Map-based index did", async () => {
    const { docs } = await loadCorpus("knowledge");
    const vocab: Vocabulary = new Map();
    for (const d of docs) for (const c of d.chunks) addWords(vocab, c.text);
    const compact = new Speller(vocab);
    const reference = new MapSpeller(vocab);
    let seed = 7;
    const r = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = [...vocab.keys()].filter((w) => w.length >= 5);
    let corrected = 0;
    for (let n = 0; n < 3000; n++) {
      const w = words[Math.floor(r() * words.length)]!;
      const i = Math.floor(r() * w.length);
      const x = r();
      const typo =
        x < 0.3
          ? w.slice(0, i) + w.slice(i + 1)
          : x < 0.6
            ? w.slice(0, i) + "e" + w.slice(i)
            : x < 0.8
              ? w.slice(0, i) + "a" + w.slice(i + 1)
              : w.slice(0, i) + (w[i + 1] ?? "") + w[i] + w.slice(i + 2);
      if (typo.length < 5) continue;
      const expected = reference.correct(typo);
      if (expected) corrected++;
      expect(compact.closest(typo), typo).toBe(expected);
    }
    expect(corrected).toBeGreaterThan(500);
  });
});
