/**
 * Question normalisation before search: colloquial French and slang (bosser, thune,
 * pk, gratos…) rewritten from a data file (knowledge/lexique/familier.yaml), and
 * spelling corrected against the knowledge's own vocabulary, so that a misspelt word
 * ("finacement", "assocation", "cooperative" without accents) is not an unknown word
 * that weighs against answering. Only words the knowledge never uses are corrected,
 * and only towards words it uses (a small symmetric-delete index, built once).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { NUMBER_WORDS } from "../core/number-words.js";
import { knowledgePaths } from "../core/paths.js";
import { fold, isStopword, looksEnglish } from "./analyzer.js";
import { expressionPattern } from "./phrases.js";

const LexiconFile = z.record(z.string(), z.coerce.string()).nullable();

/** Longest word kept in a vocabulary (and so the longest word worth correcting), plus one typo. */
const MAX_WORD = 31;

/** Folded word → how often the knowledge uses it. */
export type Vocabulary = Map<string, number>;

const WORD = /[\p{L}]+/gu;

/** Adds the folded words of a text to a vocabulary. */
export function addWords(vocab: Vocabulary, text: string): void {
  for (const m of fold(text).matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3 || w.length > 30) continue;
    const n = vocab.get(w);
    // A new word is kept as a copy: V8 makes a match of 13 letters or more a view on the whole
    // folded text, which the vocabulary would keep alive (2.5 MB of passages at ×10).
    if (n === undefined) vocab.set(ownCopy(w), 1);
    else vocab.set(w, n + 1);
  }
}

/** The same characters in a string of their own (not a view on a longer string that it would keep alive). */
function ownCopy(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** 33-bit hash of a key (FNV-1a 32 bits, plus one bit of a second hash). */
function keyHash(s: string): number {
  let h = 0x811c9dc5;
  let g = 5381;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ c, 0x01000193);
    g = (Math.imul(g, 33) + c) | 0;
  }
  return (h >>> 0) * 2 + (g & 1);
}

/** Whether `short` is `long` with exactly one letter deleted. */
function isDelete1(short: string, long: string): boolean {
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function deletes1(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Optimal string alignment distance, stopping early above `max`. */
export function osaDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/**
 * The French words of a general dictionary (an-array-of-french-words, ~336 000
 * inflected forms), folded, sorted and packed in one string: a word that French
 * knows is never "corrected" into a knowledge word ("maire" stays "maire"). Loaded
 * on first use (3.5 MB: the text alone, searched in place, without a table of word offsets).
 */
export class FrenchWords {
  private static packed: string | null = null;

  private static load(): string {
    if (this.packed !== null) return this.packed;
    const require = createRequire(import.meta.url);
    const pkgFile = require.resolve("an-array-of-french-words/package.json");
    const version = (JSON.parse(readFileSync(pkgFile, "utf8")) as { version?: string }).version ?? "0";
    // Folding and sorting 336 000 words takes about a second: the result is cached next to the package.
    const cacheFile = path.join(path.dirname(path.dirname(pkgFile)), ".cache", "relais-ess", `french-words-${version}-v1.txt`);
    let text: string | undefined;
    try {
      const cached = readFileSync(cacheFile, "utf8");
      if (cached.endsWith("\n")) text = cached;
    } catch {
      // No cache yet: built below.
    }
    if (text === undefined) {
      const words = require("an-array-of-french-words") as string[];
      text = [...new Set(words.map((w) => fold(w)))].sort().join("\n") + "\n";
      try {
        mkdirSync(path.dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, text);
        renameSync(tmp, cacheFile);
      } catch {
        // Read-only installation: keep the list in memory only.
      }
    }
    this.packed = text;
    return text;
  }

  /** Binary search over the sorted lines of the text (each word ends with "\n"), by character position. */
  static has(foldedWord: string): boolean {
    const text = this.load();
    // The candidates are the lines that start in [lo, hi); lo and hi are line starts (or the end).
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : text.lastIndexOf("\n", mid - 1) + 1; // in [lo, mid]
      const end = text.indexOf("\n", start);
      const w = text.slice(start, end);
      if (w === foldedWord) return true;
      if (w < foldedWord) lo = end + 1;
      else hi = start;
    }
    return false;
  }
}

/** Spelling correction towards the knowledge's vocabulary (symmetric deletes, distance ≤ 2). */
export class Speller {
  /**
   * The symmetric-delete index, compact: one float per (key, word) pair, `hash(key) · 2^20 + word
   * number`, sorted. A key is a vocabulary word or the word with one letter deleted. Lookups check
   * that the candidate really has that key, so hash collisions change nothing. About 8 bytes per
   * pair instead of a Map entry and an array per key (≈ 100 Mo saved at 70 000 words).
   */
  private readonly keys: Float64Array;
  private readonly words: string[] = [];

  constructor(private readonly vocab: Vocabulary) {
    let pairs = 0;
    for (const w of vocab.keys()) if (w.length >= 4 && this.words.length < 2 ** 20) this.words.push(w), (pairs += w.length + 1);
    this.keys = new Float64Array(pairs);
    let n = 0;
    this.words.forEach((w, i) => {
      this.keys[n++] = keyHash(w) * 2 ** 20 + i;
      for (let j = 0; j < w.length; j++) this.keys[n++] = keyHash(w.slice(0, j) + w.slice(j + 1)) * 2 ** 20 + i;
    });
    this.keys.sort();
  }

  /** Vocabulary words that have `key` (themselves or one letter deleted), in vocabulary order. */
  private withKey(key: string): string[] {
    const lo = keyHash(key) * 2 ** 20;
    let a = 0;
    let b = this.keys.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.keys[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    const out: string[] = [];
    let last = -1;
    for (let i = a; i < this.keys.length && this.keys[i]! < lo + 2 ** 20; i++) {
      const idx = this.keys[i]! - lo;
      if (idx === last) continue;
      last = idx;
      const w = this.words[idx]!;
      if (w === key || (w.length === key.length + 1 && isDelete1(key, w))) out.push(w);
    }
    return out;
  }

  known(word: string): boolean {
    return this.vocab.has(word);
  }

  /** The known word closest to an unknown one, or undefined (known words, short words and stopwords are left alone). */
  correct(word: string): string | undefined {
    // A word longer than any word of the vocabulary is no misspelling of one (and its
    // deletes would cost quadratic time and memory: a 10 000-letter "word" in hostile input).
    if (word.length < 4 || word.length > MAX_WORD || this.vocab.has(word) || isStopword(word) || /\d/.test(word) || FrenchWords.has(word)) return undefined;
    const whole = this.closest(word);
    // A lost apostrophe ("lapel", "dappel"): the elided article and the word after it, when that word is the more common reading.
    if (/^[ldjmnst]/.test(word) && word.length >= 5) {
      const rest = word.slice(1);
      const restWord = this.vocab.has(rest) ? rest : this.closest(rest);
      if (restWord && restWord.length >= 4 && (this.vocab.get(restWord) ?? 0) > (whole ? (this.vocab.get(whole) ?? 0) : 0)) return `${word[0]}' ${restWord}`;
    }
    return whole;
  }

  /** The closest vocabulary word (the most frequent among the closest); four-letter words only by one edit with the same first letter. */
  closest(word: string): string | undefined {
    if (word.length < 4 || this.vocab.has(word) || isStopword(word) || FrenchWords.has(word)) return undefined;
    const max = word.length >= 8 ? 2 : 1;
    const keys = new Set([word, ...deletes1(word)]);
    if (max === 2) for (const k of [...keys]) for (const k2 of deletes1(k)) keys.add(k2);
    let best: { w: string; d: number; f: number } | undefined;
    for (const k of keys) {
      for (const cand of this.withKey(k)) {
        if (best?.w === cand) continue;
        const d = osaDistance(word, cand, max);
        if (d > max) continue;
        if (word.length === 4 && (cand[0] !== word[0] || cand.length < 4)) continue;
        const f = this.vocab.get(cand) ?? 0;
        if (!best || d < best.d || (d === best.d && f > best.f)) best = { w: cand, d, f };
      }
    }
    return best?.w;
  }
}

/** Colloquial phrases → plain French, longest first, matched on folded words. */
export class Lexicon {
  private constructor(private readonly rules: { re: RegExp; to: string; needle: string }[]) {}

  static load(knowledgeDir: string): Lexicon {
    const file = knowledgePaths(knowledgeDir).colloquial;
    if (!existsSync(file)) return new Lexicon([]);
    const parsed = LexiconFile.safeParse(parseYaml(readFileSync(file, "utf8")));
    if (!parsed.success || !parsed.data) return new Lexicon([]);
    const entries = Object.entries(parsed.data).sort((a, b) => b[0].length - a[0].length);
    return new Lexicon(
      entries.map(([from, to]) => ({
        // The longest word of the expression, which any match holds as written: a text without it is left as is.
        needle: fold(from)
          .split(/\s+/)
          .reduce((a, b) => (b.length > a.length ? b : a), ""),
        re: new RegExp(`(^|[^\\p{L}\\p{N}])${expressionPattern(fold(from))}(?=$|[^\\p{L}\\p{N}-]|-(?!\\p{L}))`, "gu"),
        to: fold(to),
      })),
    );
  }

  apply(folded: string): string {
    let out = folded;
    for (const r of this.rules) if (out.includes(r.needle)) out = out.replace(r.re, (_m, pre: string) => `${pre}${r.to}`);
    return out;
  }
}

export interface Normalized {
  /** The question as searched: folded, colloquialisms rewritten, misspellings corrected. */
  text: string;
  /** Words corrected (original → correction). */
  corrections: [string, string][];
}

/** Digits → number word, French and English, for the numbers the table writes out (the first word wins). */
const WORD_OF = new Map<string, { fr?: string; en?: string }>();
for (const [w, n] of Object.entries(NUMBER_WORDS)) {
  const e = WORD_OF.get(String(n)) ?? {};
  const en = /^[a-z]+$/.test(w) && /(two|three|four|five|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)/.test(w);
  if (en) e.en ??= w;
  else e.fr ??= w;
  WORD_OF.set(String(n), e);
}

/**
 * « les 4 axes », "the 4 axes": a number between a plural determiner and a plural noun counts the things (the
 * whole list is asked), it does not name one of them as « l'axe 4 » does; searched as a digit it would draw the
 * fourth axis. It is searched as the word the documents write (« quatre axes »).
 */
const COUNTED = /(^|[^\p{L}\p{N}])(les|ces|ses|nos|vos|leurs|des|the|its|all|these)\s+(\d{1,2})(?=\s+\p{L}+s\b)/gu;

export function countAsWord(folded: string): string {
  return folded.replace(COUNTED, (m, pre: string, det: string, n: string) => {
    const w = WORD_OF.get(n);
    const word = /^(the|its|all|these)$/.test(det) ? w?.en : w?.fr;
    return word ? `${pre}${det} ${word}` : m;
  });
}

/**
 * « le Gard a genre 5 intercos ? », « y a genre 500 structures ? »: « genre » before a number is a spoken « environ »
 * (about); elsewhere it keeps its senses (« quel genre de projet », « l'égalité de genre »), so the lexicon, which maps
 * whole expressions, cannot say it.
 */
const ABOUT_A_NUMBER = /(^|[^\p{L}\p{N}])genre(?=\s+\d)/gu;

/** Colloquial rewriting then spelling correction of a question. */
export class QueryNormalizer {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly speller: Speller,
  ) {}

  normalize(question: string): Normalized {
    const folded = countAsWord(this.lexicon.apply(fold(question).replace(/[’`´‘]/g, "'")).replace(ABOUT_A_NUMBER, "$1environ"));
    const corrections: [string, string][] = [];
    // English questions are searched as they are (the glossary maps English terms).
    if (looksEnglish(question)) return { text: folded, corrections };
    const text = folded.replace(WORD, (w) => {
      const c = this.speller.correct(w);
      if (!c) return w;
      corrections.push([w, c]);
      return c;
    });
    return { text, corrections };
  }
}
