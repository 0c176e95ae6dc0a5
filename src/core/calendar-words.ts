/**
 * Month and weekday names, French and English, folded (lower case, no accents), in calendar order: one table for
 * every reading of folded text that finds a date written in words (« le 8 mars 2024 », "on 27 June 2025").
 * (Readings of unfolded text, which must match « février » and « fevrier » alike, keep their own accented patterns.)
 */
export const MONTHS_FR = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"] as const;
export const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"] as const;
export const WEEKDAYS = [
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

/** The month names, French then English, as a regular-expression alternation (« janvier|fevrier|…|december »). */
export const MONTH_ALTERNATION = [...MONTHS_FR, ...MONTHS_EN].join("|");
/** The weekday names as a regular-expression alternation. */
export const WEEKDAY_ALTERNATION = WEEKDAYS.join("|");

/** The month (1–12) a folded word names, French or English; undefined for any other word. */
export function monthNumber(word: string): number | undefined {
  const fr = (MONTHS_FR as readonly string[]).indexOf(word);
  if (fr >= 0) return fr + 1;
  const en = (MONTHS_EN as readonly string[]).indexOf(word);
  return en >= 0 ? en + 1 : undefined;
}
