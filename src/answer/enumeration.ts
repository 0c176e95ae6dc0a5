/**
 * A question that asks to enumerate a known number of things (« quelles sont les cinq priorités… ? », « détaillez les
 * 12 mesures une par une », "list the four steps"), and whether passages give those things one by one. The sources often
 * count what they do not detail (« un plan de 39 actions », « un guide en six étapes »): a passage that only counts them
 * answers the question with a number, not with the items asked.
 */
import { NUMBER_WORDS } from "../core/number-words.js";
import { foldUncached } from "../core/text.js";

const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})`;
/** The counted things: a plural noun (« actions », « étapes », "steps"), possibly after an adjective. */
const NOUN = "((?:(?:grands|grandes|principaux|principales|premiers|premieres|petites|petits|main|key|major|big|first) )?[a-z]+[sx])\\b";
const DET = "(?:les|ses|leurs|ces|vos|the|its|their|those|these|all|toutes les|tous les|all the)";

/** Asking which they are: « quelles sont les six étapes », "what are the four axes", « c'est quoi les 3 piliers ». */
const WHICH_ARE = new RegExp(
  `\\b(?:quel(?:le)?s sont|quel(?:le)?s etaient|ce sont quoi|c est quoi|what are|which are|what were)(?: donc| exactement| precisement)? ${DET} ${NUMBER} ${NOUN}`,
);
/** Asking to list or detail them: « détaillez les 39 actions », « liste-moi les cinq mesures », "list the 12 actions". */
const LIST_THEM = new RegExp(
  `\\b(?:detaill\\w*|lister|liste|listez|listes|enumer\\w*|cite|citez|citer|nomme|nommez|nommer|donne|donnez|donner|decri\\w*|expliqu\\w*|present\\w*|list|name|detail|describe|give|walk me through|go through|tell me)(?: (?:moi|nous|me|us))? ${DET} ${NUMBER} ${NOUN}`,
);
/** Or one by one: « les 39 actions une par une », "the five steps one by one". */
const ONE_BY_ONE = new RegExp(
  `\\b${DET} ${NUMBER} ${NOUN}.*\\b(?:une? par une?|l(?:es)? une? apres l(?:es)? autres?|one by one|each of them|in detail|en detail)\\b`,
);

const text = (raw: string) =>
  foldUncached(raw)
    .replace(/[’']/g, " ")
    .replace(/-/g, " ")
    .replace(/[«»"“”()?!.,;:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export interface AskedEnumeration {
  /** How many things are asked. */
  count: number;
  /** The word the count was written with (« 39 », « six »), and the counted noun (« actions », « étapes »). */
  written: string;
  noun: string;
}

/** The things a question asks to enumerate, when it names how many (two or more), else null. */
export function askedEnumeration(raw: string): AskedEnumeration | null {
  const t = text(raw);
  const m = WHICH_ARE.exec(t) ?? LIST_THEM.exec(t) ?? ONE_BY_ONE.exec(t);
  if (!m) return null;
  const written = m[1]!;
  const count = /^\d+$/.test(written) ? Number(written) : (NUMBER_WORDS[written] ?? 0);
  if (count < 2) return null;
  // the noun as the person wrote it (with its accents): the word of the question that folds to it
  const folded = m[2]!.split(" ").at(-1)!;
  const noun = raw.split(/[^\p{L}]+/u).find((w) => foldUncached(w) === folded) ?? folded;
  return { count, written, noun };
}

/** The folded stem of the counted noun (« étapes » → « etape »), and the count as it may be written in a passage. */
function countPattern(asked: AskedEnumeration): { stem: string; count: RegExp } {
  const stem = foldUncached(asked.noun).replace(/[sx]$/, "");
  const words = Object.entries(NUMBER_WORDS)
    .filter(([, n]) => n === asked.count)
    .map(([w]) => w);
  return { stem, count: new RegExp(`\\b(?:${[String(asked.count), ...words].join("|")}) (?:[a-z]+ )?${stem}\\w*`, "g") };
}

/** List lines of a passage (« - … », « 1. … »). */
const LIST_LINE = /^\s*(?:[-*•]|\d{1,2}[.)])\s+\S/;

/**
 * Whether a passage sets out the asked things one by one: as many list lines, in a passage that names them; as many
 * parts after a colon that follows their count (« quatre axes : la coopération, la promotion, … et … »); or as many
 * numbered mentions (« axe 1 », « étape 2 »…).
 */
function setsOutIn(asked: AskedEnumeration, passage: string): boolean {
  const { stem, count } = countPattern(asked);
  // folded, with its punctuation kept (the colon, the commas and the ends of sentences say where a list is)
  const norm = foldUncached(passage)
    .replace(/[’']/g, " ")
    .replace(/-/g, " ")
    .replace(/[ \t]+/g, " ");
  if (!norm.includes(stem)) return false;
  if (passage.split("\n").filter((l) => LIST_LINE.test(l)).length >= asked.count) return true;
  for (const m of norm.matchAll(count)) {
    const sentence = norm.slice(m.index + m[0].length).split(/(?<=[.!?])\s/)[0] ?? "";
    const colon = sentence.indexOf(":");
    if (colon < 0 || colon > 60) continue;
    const parts = sentence
      .slice(colon + 1)
      .split(/\s*[,;]\s*|\s+(?:et|and|puis)\s+/)
      .filter((p) => p.trim().length > 1);
    if (parts.length >= asked.count) return true;
  }
  const numbered = new Set([...norm.matchAll(new RegExp(`\\b${stem}s? (?:n° ?)?(\\d{1,2})\\b`, "g"))].map((m) => m[1]));
  return numbered.size >= asked.count;
}

/** Whether one of the passages sets out the asked things one by one (as many items as asked). */
export function setsOut(asked: AskedEnumeration, passages: readonly string[]): boolean {
  return passages.some((p) => setsOutIn(asked, p));
}

/** Whether a passage states the asked count of those things (« 39 actions », « six étapes »). */
export function statesCount(asked: AskedEnumeration, passages: readonly string[]): boolean {
  const { count } = countPattern(asked);
  return passages.some((p) => {
    count.lastIndex = 0;
    return count.test(text(p));
  });
}
