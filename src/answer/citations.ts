/**
 * Checks an answer written by a language model against the numbered passages
 * it was given. A sentence is kept only when it carries citation markers and
 * every one of them points to a passage: a sentence with a missing or invalid
 * marker is dropped whole (its claim has no source), never kept with the bad
 * marker removed. Markers are renumbered in order of use. Then every amount,
 * percentage and date left in the answer must appear in one of the cited
 * passages; otherwise the whole answer is rejected and the caller falls back
 * to the offline (extractive) answer.
 */
import { sameFigure, extractFigures, type Figure } from "./figures.js";

/** What the check needs of a passage: its text (and title/section, which the model also saw). */
export interface CitablePassage {
  chunk: { text: string; title?: string; section?: string };
}

export type CitationCheck<H> =
  | { ok: true; text: string; used: H[]; dropped: number }
  | { ok: false; reason: "no-cited-sentence" | "unsupported-figure"; figure?: string; dropped: number };

/** `[1]`, `[2, 3]`, `[2;3]`: one or more passage numbers in brackets. */
const MARKER = /\[(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\]/g;
const LIST_ITEM = /^(\s*(?:[-*•]|\d{1,2}[.)])\s+)/;
const HEADING = /^(\s*#{1,6}\s+)/;
/** Words after which a period does not end a sentence. */
const ABBREV = /(?:^|[\s('’])(?:art|n°|no|cf|ex|p|M|Mme|MM|Mlle|Me|Dr|St|Ste|etc|env|av|bd|hab|vol|éd|fig|al|min|max|réf)\.$/i;
/** End of a sentence: punctuation, optional trailing markers, then a capital/digit or the end of the line. */
const END = /[.!?…]+(?:\s*\[\d{1,4}(?:\s*[,;]\s*\d{1,4})*\])*(?=\s+[«"“(\[]?[\p{Lu}\d]|\s*$)/gu;

/** Splits one line of prose into sentences, keeping markers written after the final period. */
export function splitGeneratedSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END.exec(line))) {
    const end = m.index + m[0].length;
    const punctuationAt = m.index + 1;
    if (ABBREV.test(line.slice(start, punctuationAt))) continue;
    const s = line.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

interface Line {
  prefix: string;
  sentences: { text: string; numbers: number[] }[];
  blank: boolean;
}

function numbersOf(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(MARKER)) for (const n of m[1]!.split(/[,;]/)) out.push(Number(n.trim()));
  return out;
}

/**
 * Keeps the sentences of `raw` whose citations all point into `passages`
 * (1-based), renumbers them in order of use and checks amounts and dates.
 *
 * @example
 * checkCitations("Le schéma est voté [1]. Il verse 5 M€ à tous [9].", hits)
 * // → { ok: true, text: "Le schéma est voté [1].", used: [hits[0]], dropped: 1 }
 */
export function checkCitations<H extends CitablePassage>(raw: string, passages: readonly H[]): CitationCheck<H> {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= passages.length;
  const lines: Line[] = raw.split(/\r?\n/).map((l) => {
    if (!l.trim()) return { prefix: "", sentences: [], blank: true };
    const prefix = (LIST_ITEM.exec(l) ?? HEADING.exec(l))?.[1] ?? "";
    const body = l.slice(prefix.length);
    return { prefix, blank: false, sentences: splitGeneratedSentences(body).map((text) => ({ text, numbers: numbersOf(text) })) };
  });

  let dropped = 0;
  const keep = lines.map((line) =>
    line.sentences.map((s) => {
      const ok = s.numbers.length > 0 && s.numbers.every(valid);
      if (!ok) dropped++;
      return ok;
    }),
  );
  // A line introducing a list ("Les axes sont :") carries no claim of its own:
  // kept, without citation, when a cited list item follows it.
  lines.forEach((line, i) => {
    const last = line.sentences.length - 1;
    if (last < 0 || keep[i]![last] || !/:\s*$/.test(line.sentences[last]!.text) || line.sentences[last]!.numbers.length > 0) return;
    const next = lines.slice(i + 1).findIndex((l) => !l.blank);
    const j = next < 0 ? -1 : i + 1 + next;
    if (j > 0 && LIST_ITEM.test(lines[j]!.prefix) && keep[j]!.some(Boolean)) {
      keep[i]![last] = true;
      dropped--;
    }
  });

  const order = new Map<number, number>();
  const used: H[] = [];
  const renumber = (sentence: string) =>
    sentence.replace(MARKER, (_m, list: string) =>
      list
        .split(/[,;]/)
        .map((d) => {
          const i = Number(d.trim());
          if (!order.has(i)) {
            used.push(passages[i - 1]!);
            order.set(i, used.length);
          }
          return `[${order.get(i)}]`;
        })
        .join(""),
    );

  const outLines: string[] = [];
  lines.forEach((line, i) => {
    if (line.blank) {
      if (outLines.length && outLines.at(-1) !== "") outLines.push("");
      return;
    }
    const kept = line.sentences.filter((_s, k) => keep[i]![k]).map((s) => renumber(s.text));
    if (kept.length) outLines.push(line.prefix + kept.join(" "));
  });
  while (outLines.at(-1) === "") outLines.pop();
  const text = outLines
    .join("\n")
    .replace(/[ \t]+([.,])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
  if (used.length === 0 || text.replace(MARKER, "").trim().length < 10) return { ok: false, reason: "no-cited-sentence", dropped };

  // Figures: every amount, percentage and date must be found in a cited passage.
  const cited: Figure[] = used.flatMap((h) => extractFigures([h.chunk.title, h.chunk.section, h.chunk.text].filter(Boolean).join("\n")));
  for (const f of extractFigures(text.replace(MARKER, " "))) {
    if (!cited.some((c) => sameFigure(f, c))) return { ok: false, reason: "unsupported-figure", figure: f.raw, dropped };
  }
  return { ok: true, text, used, dropped };
}
