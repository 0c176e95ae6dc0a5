/** Matching of analyzed phrases (accent-, case- and inflection-insensitive) inside a text. */
import { analyze } from "./analyzer.js";

export type PhraseGroups = string[][][];

export function compileGroups(groups: string[][]): PhraseGroups {
  return groups.map((alts) => alts.map((a) => analyze(a, { keepStopwords: true })).filter((s) => s.length > 0));
}

export function containsPhrase(tokens: string[], seq: string[]): boolean {
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
