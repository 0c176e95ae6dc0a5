/**
 * Amounts, percentages and dates written in French text, in a comparable form:
 * "5 000 000 €", "5 M€" and "5 millions d'euros" are the same amount; "mars
 * 2024" and "2024" are found in "le 8 mars 2024". Used to check that a
 * generated answer invents no figure (citations.ts).
 */
import { fold } from "../core/text.js";

export type Figure =
  | { kind: "amount"; value: number; raw: string }
  | { kind: "percent"; value: number; raw: string }
  | { kind: "date"; y?: number; m?: number; d?: number; raw: string };

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTH = String.raw`(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)`;
const monthNumber = (w: string): number => {
  const folded = fold(w);
  return MONTHS.findIndex((m) => fold(m) === folded) + 1;
};

/** A French number: "5 000 000", "12,5", "1.250.000" (any space: NBSP, narrow NBSP…). */
const NUMBER = String.raw`\d{1,3}(?:[\s.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNIT = String.raw`k€|K€|M€|Md€|Mds€|€|euros?\b|EUR\b|milliers?\s+d['’]euros|millions?\s+d['’]euros|millions?\s+€|milliards?\s+d['’]euros|milliards?\s+€`;
const AMOUNT = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NUMBER})\s?(${UNIT})`, "giu");
const PERCENT = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NUMBER})\s?(?:%|pour\s?cent\b)`, "giu");
const DAY = String.raw`(1er|\d{1,2})`;
const FULL_DATE = new RegExp(String.raw`(?<![\p{L}\p{N}])${DAY}\s+${MONTH}\s+(\d{4})(?!\d)`, "giu");
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+(\d{4})(?!\d)`, "giu");
const DAY_MONTH = new RegExp(String.raw`(?<![\p{L}\p{N}])${DAY}\s+${MONTH}(?![\p{L}])`, "giu");
const YEAR = /(?<![\d,.])(1[89]\d{2}|2[01]\d{2})(?![\d,]|\.\d)/g;

function toNumber(s: string): number {
  return Number(s.replace(/[\s.]/g, "").replace(",", "."));
}

function multiplier(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith("k") || u.startsWith("millier")) return 1e3;
  if (u.startsWith("md") || u.startsWith("milliard")) return 1e9;
  if (u === "m€" || u.startsWith("million")) return 1e6;
  return 1;
}

/**
 * Every amount, percentage and date of `text`, each counted once (a span used by
 * one kind is not read again by the next: "8 mars 2024" is one date, not a date
 * and a year).
 *
 * @example
 * extractFigures("5 M€ votés le 8 mars 2024")
 * // → [{ kind: "amount", value: 5000000 }, { kind: "date", y: 2024, m: 3, d: 8 }]
 */
export function extractFigures(text: string): Figure[] {
  let rest = text;
  const out: Figure[] = [];
  const take = (re: RegExp, make: (m: RegExpExecArray) => Figure | null) => {
    re.lastIndex = 0;
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const f = make(m);
      if (f) out.push(f);
      return " ".repeat((m[0] as string).length);
    });
  };
  take(AMOUNT, (m) => ({ kind: "amount", value: toNumber(m[1]!) * multiplier(m[2]!), raw: m[0]! }));
  take(PERCENT, (m) => ({ kind: "percent", value: toNumber(m[1]!), raw: m[0]! }));
  take(FULL_DATE, (m) => ({ kind: "date", d: m[1] === "1er" ? 1 : Number(m[1]), m: monthNumber(m[2]!), y: Number(m[3]), raw: m[0]! }));
  take(NUMERIC_DATE, (m) =>
    m[1] !== undefined
      ? { kind: "date", d: Number(m[1]), m: Number(m[2]), y: Number(m[3]), raw: m[0]! }
      : { kind: "date", y: Number(m[4]), m: Number(m[5]), d: Number(m[6]), raw: m[0]! },
  );
  take(MONTH_YEAR, (m) => ({ kind: "date", m: monthNumber(m[1]!), y: Number(m[2]), raw: m[0]! }));
  take(DAY_MONTH, (m) => ({ kind: "date", d: m[1] === "1er" ? 1 : Number(m[1]), m: monthNumber(m[2]!), raw: m[0]! }));
  take(YEAR, (m) => ({ kind: "date", y: Number(m[1]), raw: m[0]! }));
  return out;
}

/** True when `claim` is stated by `source`: same amount or rate, or a date `source` contains. */
export function sameFigure(claim: Figure, source: Figure): boolean {
  if (claim.kind === "date" && source.kind === "date") {
    return (
      (claim.y === undefined || claim.y === source.y) && (claim.m === undefined || claim.m === source.m) && (claim.d === undefined || claim.d === source.d)
    );
  }
  if (claim.kind !== source.kind) return false;
  const a = (claim as { value: number }).value;
  const b = (source as { value: number }).value;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}
