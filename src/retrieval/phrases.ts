/** Matching of analyzed phrases (accent-, case- and inflection-insensitive) inside a text. */
import { analyze } from "./analyzer.js";

export type PhraseGroups = string[][][];

export function compileGroups(groups: string[][]): PhraseGroups {
  return groups.map((alts) => alts.map((a) => analyze(a, { keepStopwords: true })).filter((s) => s.length > 0));
}

/**
 * The words of each token list seen (token lists are read-only once analysed): a phrase whose
 * first word the text lacks is ruled out with one look-up instead of a scan. Hundreds of phrases
 * (gaps, routing rules, the needs of the links file) are tried on each message.
 */
const wordSets = new WeakMap<string[], Set<string>>();

export function containsPhrase(tokens: string[], seq: string[]): boolean {
  if (seq.length > 0) {
    let words = wordSets.get(tokens);
    if (!words) {
      words = new Set(tokens);
      wordSets.set(tokens, words);
    }
    if (!words.has(seq[0]!)) return false;
  }
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let k = 0; k < seq.length; k++) if (tokens[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

/** True when the text has at least one phrase of every group. */
export function matchesAll(tokens: string[], groups: PhraseGroups): boolean {
  return groups.every((alts) => alts.some((seq) => containsPhrase(tokens, seq)));
}

export function phraseTokens(text: string): string[] {
  return analyze(text, { keepStopwords: true });
}
