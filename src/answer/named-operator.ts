/**
 * The support operators a text names, among those that share a process and so a vocabulary (Initiative Gard and the
 * Adie both lend, Alter'Incub and Alter'Venture both incubate): "How much can Initiative Gard lend?" is not answered by
 * the card phrased "How much can Adie lend?", whose words are otherwise the same.
 */
import { foldUncached } from "../core/text.js";

const OPERATORS: readonly [string, RegExp][] = [
  ["initiative-gard", /\binitiative gard\b/],
  ["adie", /\badie\b/],
  ["bge", /\bbge\b/],
  ["france-active", /\b(?:france active|airdie)\b/],
  ["alter-incub", /\balter ?incub\b/],
  ["alter-venture", /\balter ?venture\b/],
  ["realis", /\brealis\b/],
  ["mine-de-talents", /\bmine de talents\b/],
  ["acegaa", /\bacegaa\b/],
  ["miess", /\bmiess\b|\bmaison de l ess\b/],
  ["cress", /\bcress\b/],
];

/** The operators a text names (see OPERATORS). */
export function namedOperators(text: string): Set<string> {
  const f = foldUncached(text).replace(/['’-]/g, " ");
  return new Set(OPERATORS.filter(([, re]) => re.test(f)).map(([id]) => id));
}

/** Whether a card phrased about `phrased` operators answers a question naming `asked` ones: yes unless both name some and share none. */
export function sameOperator(asked: Set<string>, phrased: Set<string>): boolean {
  if (asked.size === 0 || phrased.size === 0) return true;
  for (const o of asked) if (phrased.has(o)) return true;
  return false;
}
