/**
 * Section-based chunking.
 *
 * Loaders turn a document into `Section`s (a heading path plus paragraph blocks, each
 * block remembering its PDF page). `chunkSections` turns those into retrievable chunks:
 * - one chunk per section when it fits (≤ maxChars, ~1 200 characters);
 * - long sections split on paragraph, then line, then sentence boundaries, with a
 *   one-sentence overlap between consecutive parts;
 * - tiny sections (< minChars) merged with the next one under their common parent
 *   heading (the child heading is kept as a line of text so nothing is lost);
 * - ids `${docId}#${n}` (1-based), deterministic for the same input;
 * - chunk text is never empty.
 */
import type { Chunk } from "./types.js";

/** One paragraph (or list, or table) of a section. */
export interface Block {
  text: string;
  /** 1-based page for PDF sources. */
  page?: number;
}

/** A document section: its heading path (title first) and its paragraphs. */
export interface Section {
  headingPath: string[];
  blocks: Block[];
}

export interface ChunkOptions {
  /** Target maximum chunk length in characters (default 1 200). */
  maxChars?: number;
  /** Sections shorter than this are merged with the next one (default 80). */
  minChars?: number;
  /** Longest sentence reused as overlap between two parts of a split section (default 300). */
  maxOverlapChars?: number;
}

const DEFAULTS = { maxChars: 1200, minChars: 80, maxOverlapChars: 300 };

/** Abbreviations after which a period does not end a sentence (lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  "m",
  "mm",
  "mme",
  "mmes",
  "mlle",
  "dr",
  "pr",
  "me",
  "st",
  "ste",
  "cf",
  "art",
  "al",
  "p",
  "pp",
  "n",
  "no",
  "vol",
  "chap",
  "env",
  "fig",
  "ex",
  "éd",
  "ed",
  "av",
  "bd",
  "r",
  "min",
  "max",
]);

/**
 * Split French text into sentences. A boundary is `.`, `!`, `?` or `…` (optionally followed
 * by a closing quote or parenthesis) then whitespace then an upper-case letter, a digit or an
 * opening quote. Common abbreviations ("M.", "art.", "cf.") and initials ("L.") do not split.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /([.!?…]+(?:[\u00a0\u202f ]?[»”")\]])*)(\s+)(?=[«“"(\[A-ZÀ-ÖØ-Þ0-9])/gu;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[1]!.length;
    if (m[1]!.startsWith(".") && m[1]!.length === 1) {
      const before = text.slice(start, m.index);
      const lastWord = /([\p{L}]+)$/u.exec(before)?.[1];
      if (lastWord && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord))) continue;
    }
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end + m[2]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

interface Unit {
  text: string;
  /** Separator placed before this unit when it follows another one. */
  sep: string;
  page?: number;
}

function sectionLength(s: Section): number {
  return s.blocks.reduce((n, b) => n + b.text.length + 2, 0);
}

function commonPrefix(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) break;
    out.push(a[i]!);
  }
  return out;
}

/** Blocks of `s` seen from the ancestor `prefix`: the relative heading becomes a line of text. */
function relabel(s: Section, prefix: string[]): Block[] {
  const rel = s.headingPath.slice(prefix.length);
  if (rel.length === 0) return s.blocks;
  const heading: Block = { text: rel.join(" — ") };
  if (s.blocks[0]?.page !== undefined) heading.page = s.blocks[0].page;
  return [heading, ...s.blocks];
}

function mergeSections(a: Section, b: Section): Section {
  let prefix = commonPrefix(a.headingPath, b.headingPath);
  if (prefix.length === 0) prefix = a.headingPath.slice(0, 1);
  return { headingPath: prefix, blocks: [...relabel(a, prefix), ...relabel(b, prefix)] };
}

/** Hard split of a string with no usable boundary, on spaces when possible. */
function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

function toUnits(blocks: Block[], max: number): Unit[] {
  const units: Unit[] = [];
  const push = (text: string, sep: string, page: number | undefined) => {
    const u: Unit = { text, sep };
    if (page !== undefined) u.page = page;
    units.push(u);
  };
  for (const b of blocks) {
    if (b.text.length <= max) {
      push(b.text, "\n\n", b.page);
      continue;
    }
    let sep = "\n\n";
    for (const line of b.text.split("\n").filter((l) => l.trim())) {
      if (line.length <= max) {
        push(line, sep, b.page);
      } else {
        let sentSep = sep;
        for (const sentence of splitSentences(line)) {
          for (const piece of sentence.length <= max ? [sentence] : hardSplit(sentence, max)) {
            push(piece, sentSep, b.page);
            sentSep = " ";
          }
        }
      }
      sep = "\n";
    }
  }
  return units;
}

function joinUnits(units: Unit[]): string {
  return units.map((u, i) => (i === 0 ? u.text : u.sep + u.text)).join("");
}

/** Split one section into texts of at most ~max characters, with a one-sentence overlap. */
function splitSection(s: Section, o: typeof DEFAULTS): { text: string; page?: number }[] {
  const units = toUnits(s.blocks, o.maxChars);
  const parts: { text: string; page?: number }[] = [];
  let cur: Unit[] = [];
  let curLen = 0;
  let firstPage: number | undefined;
  const flush = () => {
    const text = joinUnits(cur).trim();
    if (text) parts.push(firstPage === undefined ? { text } : { text, page: firstPage });
  };
  for (const u of units) {
    const added = cur.length === 0 ? u.text.length : u.sep.length + u.text.length;
    if (cur.length > 0 && curLen + added > o.maxChars) {
      flush();
      const last = cur[cur.length - 1]!;
      const sentences = splitSentences(last.text);
      const overlap = sentences[sentences.length - 1];
      const wholeChunkIsOverlap = cur.length === 1 && sentences.length <= 1;
      cur = [];
      curLen = 0;
      if (overlap && !wholeChunkIsOverlap && overlap.length <= o.maxOverlapChars && overlap.length + 1 + u.text.length <= o.maxChars) {
        cur.push({ text: overlap, sep: "", ...(last.page !== undefined ? { page: last.page } : {}) });
        curLen = overlap.length;
      }
      firstPage = u.page;
      cur.push(u);
      curLen += (cur.length === 1 ? 0 : u.sep.length) + u.text.length;
      continue;
    }
    if (cur.length === 0) firstPage = u.page;
    cur.push(u);
    curLen += added;
  }
  if (cur.length) flush();
  return parts;
}

/** Turn sections into chunks (see the module comment for the rules). */
export function chunkSections(docId: string, sections: Section[], options: ChunkOptions = {}): Chunk[] {
  const o = { ...DEFAULTS, ...options };
  // 1. Clean: drop empty blocks and sections without text.
  const clean: Section[] = [];
  for (const s of sections) {
    const blocks = s.blocks.map((b) => ({ ...b, text: b.text.replace(/[ \t]+\n/g, "\n").trim() })).filter((b) => b.text.length > 0);
    if (blocks.length) clean.push({ headingPath: s.headingPath, blocks });
  }
  // 2. Merge tiny sections with the next one.
  const merged: Section[] = [];
  let pending: Section | null = null;
  for (let i = 0; i < clean.length; i++) {
    let s = clean[i]!;
    if (pending) {
      s = mergeSections(pending, s);
      pending = null;
    }
    if (sectionLength(s) < o.minChars && i < clean.length - 1) {
      pending = s;
      continue;
    }
    merged.push(s);
  }
  // 3. Split long sections and number the chunks.
  const chunks: Chunk[] = [];
  for (const s of merged) {
    for (const part of splitSection(s, o)) {
      const chunk: Chunk = {
        id: `${docId}#${chunks.length + 1}`,
        docId,
        text: part.text,
        headingPath: [...s.headingPath],
      };
      if (part.page !== undefined) chunk.page = part.page;
      chunks.push(chunk);
    }
  }
  return chunks;
}
