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
/** The token list of the last call and its words: phrases are mostly tried one after another on the same list. */
let lastTokens: string[] | undefined;
let lastWords: Set<string> | undefined;

function wordsOf(tokens: string[]): Set<string> {
  if (tokens === lastTokens) return lastWords!;
  let words = wordSets.get(tokens);
  if (!words) {
    words = new Set(tokens);
    wordSets.set(tokens, words);
  }
  lastTokens = tokens;
  lastWords = words;
  return words;
}

export function containsPhrase(tokens: string[], seq: string[]): boolean {
  if (seq.length > 0 && !wordsOf(tokens).has(seq[0]!)) return false;
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

/**
 * The first words of the phrases of many lists (the alternatives of a gap's group, a need's expressions): which lists
 * may have a phrase in a text, from the text's words, instead of trying each phrase of each list. A list left unmarked
 * has no phrase in the text (each phrase's first word is missing); a marked one is then tried as before.
 */
export class FirstWords {
  private readonly byWord = new Map<string, number[]>();
  /** Lists with an empty phrase, which any text holds. */
  private readonly always: number[] = [];

  constructor(private readonly lists: readonly (readonly string[][])[]) {
    lists.forEach((list, i) => {
      for (const seq of list) {
        if (seq.length === 0) {
          if (this.always.at(-1) !== i) this.always.push(i);
          continue;
        }
        const at = this.byWord.get(seq[0]!);
        if (!at) this.byWord.set(seq[0]!, [i]);
        else if (at.at(-1) !== i) at.push(i);
      }
    });
  }

  /** 1 for each list that has a phrase whose first word is among `tokens` (or an empty phrase), 0 for the others. */
  marks(tokens: readonly string[]): Uint8Array {
    const m = new Uint8Array(this.lists.length);
    for (const i of this.always) m[i] = 1;
    for (const t of tokens) {
      const at = this.byWord.get(t);
      if (at) for (const i of at) m[i] = 1;
    }
    return m;
  }
}

/**
 * A folded expression of a data file as the body of a pattern: its characters literal, its words apart by any run of
 * spaces, apostrophes or hyphens (« mise en oeuvre » matches « mise-en-oeuvre »). The caller sets the word edges.
 */
export function expressionPattern(folded: string): string {
  return folded.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s'’-]+");
}
