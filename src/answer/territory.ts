/**
 * The territorial level a figure is asked or given for: the Gard, the Occitanie region, France. « Combien de salariés
 * ESS dans le Gard ? » is not answered by the region's 214 000 jobs, nor « …en Occitanie ? » by the Gard's 24 000.
 * The Département's own name (« le Département du Gard ») says who acts, not the territory a figure covers.
 */
import { foldUncached } from "../core/text.js";

export type TerritoryLevel = "gard" | "occitanie" | "france";

const INSTITUTION = /\b(?:departement|conseil departemental|county council|departmental council) (?:du |of the |of )?gard\b/g;

const LEVELS: readonly [TerritoryLevel, RegExp][] = [
  ["gard", /\b(?:gard|gardois|gardoise|gardoises)\b/],
  ["occitanie", /\b(?:occitanie|region|regions|regional|regionale|regionaux|regionales|regionwide)\b/],
  ["france", /\b(?:france|national|nationale|nationaux|nationales|nationwide)\b/],
];

/** The levels a text names (folded, the Département's own name left out). */
export function territoryLevels(text: string): Set<TerritoryLevel> {
  const f = foldUncached(text).replace(INSTITUTION, " ");
  return new Set(LEVELS.filter(([, re]) => re.test(f)).map(([level]) => level));
}

/**
 * Whether a figure given for the levels of `given` answers one asked for the levels of `asked`: yes when either names
 * none, or when they share one.
 */
export function sameTerritory(asked: Set<TerritoryLevel>, given: Set<TerritoryLevel>): boolean {
  if (asked.size === 0 || given.size === 0) return true;
  for (const level of asked) if (given.has(level)) return true;
  return false;
}
