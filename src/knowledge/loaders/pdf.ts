/**
 * PDF loader (pdfjs-dist legacy build, fully offline).
 *
 * - Text per page with `getTextContent()`; lines rebuilt from item positions
 *   (`hasEOL`, baseline changes), words separated by horizontal gaps.
 * - Page furniture removed (page numbers, lines repeated at the top/bottom of most pages).
 * - Headings detected heuristically: short lines in a font larger than the body text
 *   (levels by size), or body-size lines with space above them that are numbered ("1.",
 *   "1.2", "Axe 2", "Fiche-action 3", "Mesure 4") or short and ALL CAPS. Table-of-contents
 *   lines (dot leaders + page number) are dropped.
 * - Paragraphs from vertical gaps; list items kept as lines; "accompa-\ngnement" joined to
 *   "accompagnement" while "Saint-\nGilles" keeps its hyphen (next line starts upper-case).
 * - Page numbers kept on every block.
 * - Metadata from a sidecar `<file>.meta.yaml`, else synthesised (see common.ts), with the
 *   title taken from the PDF Title, else the first heading.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { KnowledgeLoadError, buildSections, findTitleHeading, metaForBinary, type LoaderInput, type OutlineItem, type ParsedDoc } from "./common.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | null = null;
/** pdf.js is loaded lazily: Markdown-only runs do not pay for it. */
function pdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("pdfjs-dist/package.json"));
}

/** A rebuilt text line. */
export interface PdfLine {
  text: string;
  /** Dominant font size (points). */
  size: number;
  /** Baseline y (PDF user space: grows upwards). */
  y: number;
  page: number;
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

function itemSize(it: RawItem): number {
  const t = it.transform;
  const s = Math.hypot(t[2] ?? 0, t[3] ?? 0);
  return s > 0 ? s : it.height || Math.hypot(t[0] ?? 0, t[1] ?? 0);
}

/** Rebuild lines from pdf.js text items. Exported for tests. */
export function itemsToLines(items: RawItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let parts: { str: string; size: number }[] = [];
  let lineY = 0;
  let lineSize = 0;
  let lastEnd: number | null = null;
  let breakPending = false;
  const flush = () => {
    const text = parts
      .map((p) => p.str)
      .join("")
      .replace(/[\u00a0\u202f\t ]+/g, " ")
      .trim();
    if (text) {
      // Dominant size: the size carrying most characters.
      const bySize = new Map<number, number>();
      for (const p of parts) {
        const k = Math.round(p.size * 2) / 2;
        bySize.set(k, (bySize.get(k) ?? 0) + p.str.trim().length);
      }
      const size = [...bySize.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
      lines.push({ text, size, y: lineY, page });
    }
    parts = [];
    lastEnd = null;
  };
  for (const it of items) {
    if (typeof it.str !== "string") continue;
    const size = itemSize(it);
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    if (it.str.length > 0) {
      const tolerance = Math.max(1, 0.35 * Math.min(size || lineSize || 10, lineSize || size || 10));
      const newLine = parts.length > 0 && (breakPending || Math.abs(y - lineY) > tolerance);
      if (newLine) flush();
      if (parts.length === 0) {
        lineY = y;
        lineSize = size;
      } else if (lastEnd !== null && x - lastEnd > 0.18 * size) {
        const prev = parts[parts.length - 1]!.str;
        if (!/\s$/.test(prev) && !/^\s/.test(it.str)) parts.push({ str: " ", size });
      }
      parts.push({ str: it.str, size });
      lastEnd = x + (it.width || 0);
      breakPending = false;
    }
    if (it.hasEOL) breakPending = true;
  }
  flush();
  return lines;
}

const PAGE_NUMBER = /^(page\s*)?\d{1,4}(\s*(\/|sur|of)\s*\d{1,4})?$/i;

/** How many lines at each end of a page may be running headers or footers. */
function edgeCount(lines: PdfLine[]): number {
  return lines.length > 6 ? 2 : 1;
}

/** Drop page numbers and lines repeated at the top or bottom of most pages (headers, footers). */
export function removeFurniture(pages: PdfLine[][]): PdfLine[][] {
  const norm = (t: string) => t.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
  const counts = new Map<string, number>();
  if (pages.length >= 3) {
    for (const lines of pages) {
      const n = edgeCount(lines);
      const edge = new Set([...lines.slice(0, n), ...lines.slice(-n)].filter((l) => l.text.length <= 120).map((l) => norm(l.text)));
      for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.6));
  return pages.map((lines) =>
    lines.filter((l, i) => {
      if (PAGE_NUMBER.test(l.text)) return false;
      const n = edgeCount(lines);
      const atEdge = (i < n || i >= lines.length - n) && l.text.length <= 120;
      return !(atEdge && (counts.get(norm(l.text)) ?? 0) >= threshold);
    }),
  );
}

/** Numbered heading patterns at body size, with their level. */
const NUMBERED: { re: RegExp; level: (m: RegExpExecArray) => number }[] = [
  { re: /^(axe|partie|titre|chapitre|orientation|volet|priorit[ée])\s+(\d+|[IVX]+|transversal)\b/i, level: () => 1 },
  { re: /^(fiche[\s-]?action|fiche|mesure|action|objectif|engagement)\s*(n[°o]\s*)?\d+(\.\d+)*\b/i, level: () => 2 },
  { re: /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[\p{Lu}«"])/u, level: (m) => m[1]!.split(".").length },
  { re: /^([IVX]{1,5}|[A-H])[.)]\s+(?=\p{Lu})/u, level: () => 1 },
];

/**
 * Level of a body-size line that looks like a heading: numbered ("Axe 2", "Fiche-action 3",
 * "1.2 Titre") or a short ALL-CAPS line; null for ordinary text.
 */
function bodyHeadingLevel(text: string): number | null {
  if (text.length > 100 || /[.;,]$/.test(text)) return null;
  if (!/\p{L}{2}/u.test(text)) return null;
  for (const { re, level } of NUMBERED) {
    const m = re.exec(text);
    if (m) return level(m);
  }
  if (text.length <= 80 && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 8 && !/\p{Ll}/u.test(text)) return 1;
  return null;
}

/** Table-of-contents lines ("Axe 1 : Coopérations ....... 5"): dropped. */
const TOC_LINE = /(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$|_{4,}\s*\d{1,4}$/;

const LIST_MARK = /^([•·▪◦●○■□➢►\-–—*]|\d{1,3}[.)]|[a-z][.)])\s+/u;

/** Join the lines of one paragraph: de-hyphenation, list items kept as lines. */
export function joinLines(lines: string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.replace(/^[•·▪◦●○■□➢►]\s*/u, "- ");
    if (!out) {
      out = line;
      continue;
    }
    if (/\p{L}\u00ad$/u.test(out)) {
      out = out.slice(0, -1) + line;
    } else if (/\p{L}-$/u.test(out) && /^\p{L}/u.test(line)) {
      // Word break ("accompa-" + "gnement") vs real hyphen ("Saint-" + "Gilles").
      out = /^\p{Ll}/u.test(line) ? out.slice(0, -1) + line : out + line;
    } else if (LIST_MARK.test(line)) {
      out += "\n" + line;
    } else {
      out += " " + line;
    }
  }
  return out;
}

/** Classify lines into headings and paragraphs. Exported for tests. */
export function linesToOutline(pages: PdfLine[][]): OutlineItem[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  // Body size: the size carrying most characters.
  const weight = new Map<number, number>();
  for (const l of all) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const isLarge = (l: PdfLine) => l.size >= body * 1.15 && l.text.length <= 150 && /\p{L}/u.test(l.text);

  // Merge wrapped large headings (consecutive lines, same size, close together).
  type Cand = { text: string; size: number; y: number; page: number; large: boolean };
  const cands: Cand[] = [];
  for (const l of all) {
    if (TOC_LINE.test(l.text)) continue;
    const large = isLarge(l);
    const prev = cands[cands.length - 1];
    if (large && prev?.large && prev.page === l.page && Math.abs(prev.size - l.size) <= 0.5 && prev.y - l.y > 0 && prev.y - l.y <= l.size * 1.6) {
      prev.text = joinLines([prev.text, l.text]);
      prev.y = l.y;
      continue;
    }
    cands.push({ text: l.text, size: l.size, y: l.y, page: l.page, large });
  }
  // Long "large" runs are lead paragraphs, not headings.
  for (const c of cands) if (c.large && c.text.length > 200) c.large = false;
  const largeSizes = [...new Set(cands.filter((c) => c.large).map((c) => c.size))].sort((a, b) => b - a);

  const items: OutlineItem[] = [];
  let para: string[] = [];
  let paraPage = 0;
  let prev: Cand | null = null;
  const flush = () => {
    if (para.length) {
      const text = joinLines(para).trim();
      if (text) items.push({ type: "block", text, page: paraPage });
    }
    para = [];
  };
  let last: Cand | null = null;
  for (const c of cands) {
    // A body-size heading stands apart: first line of its page, or space above it.
    const spaced = !last || last.page !== c.page || last.y - c.y > c.size * 1.6;
    last = c;
    const numbered = c.large || !spaced || Math.abs(c.size - body) > 1 ? null : bodyHeadingLevel(c.text);
    if (c.large || numbered !== null) {
      flush();
      const level = c.large ? largeSizes.indexOf(c.size) + 1 : largeSizes.length + numbered!;
      items.push({ type: "heading", level, text: c.text.replace(/\s+/g, " ").trim(), page: c.page });
      prev = null;
      continue;
    }
    const gap = prev ? prev.y - c.y : 0;
    const newPara = !prev || prev.page !== c.page || gap > c.size * 1.6 || gap < -c.size || Math.abs(prev.size - c.size) > 1.5;
    if (newPara) {
      flush();
      paraPage = c.page;
    }
    para.push(c.text);
    prev = c;
  }
  flush();
  return items;
}

/** Clean a PDF Info Title ("Microsoft Word - schema.docx" → "schema"); empty when useless. */
function cleanInfoTitle(t: unknown): string {
  if (typeof t !== "string") return "";
  const s = t
    .replace(/^Microsoft (Word|PowerPoint) - /i, "")
    .replace(/\.(docx?|odt|pdf|pptx?)$/i, "")
    .replace(/\s+/g, " ")
    .trim();
  if (s.length < 3 || /^(untitled|sans titre|document\d*)$/i.test(s)) return "";
  return s;
}

/** Extract the pages of a PDF as rebuilt lines. */
export async function extractPdfLines(bytes: Uint8Array, displayPath: string): Promise<{ pages: PdfLine[][]; infoTitle: string }> {
  const lib = await pdfjs();
  const dir = pdfjsDir();
  const task = lib.getDocument({
    // pdf.js may detach the buffer it is given: pass a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: path.join(dir, "standard_fonts") + path.sep,
    cMapUrl: path.join(dir, "cmaps") + path.sep,
    cMapPacked: true,
    wasmUrl: path.join(dir, "wasm") + path.sep,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    const why = name === "PasswordException" ? "le PDF est protégé par un mot de passe" : "le fichier n'est pas un PDF lisible (corrompu ou d'un autre format)";
    throw new KnowledgeLoadError(displayPath, `${displayPath} : ${why} (${(e as Error).message}).`, { cause: e });
  }
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const infoTitle = cleanInfoTitle((meta?.info as Record<string, unknown> | undefined)?.["Title"]);
    const pages: PdfLine[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items as RawItem[], p));
      page.cleanup();
    }
    return { pages, infoTitle };
  } catch (e) {
    if (e instanceof KnowledgeLoadError) throw e;
    throw new KnowledgeLoadError(displayPath, `${displayPath} : lecture du PDF interrompue (${(e as Error).message}).`, { cause: e });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Load a PDF knowledge document. Throws KnowledgeLoadError with a readable message. */
export async function loadPdf(input: LoaderInput): Promise<ParsedDoc> {
  const { pages, infoTitle } = await extractPdfLines(input.bytes, input.displayPath);
  const items = linesToOutline(removeFurniture(pages));
  if (!items.some((i) => i.type === "block" || i.type === "heading"))
    throw new KnowledgeLoadError(
      input.displayPath,
      `${input.displayPath} : aucun texte extractible dans ce PDF (document scanné ?). Fournissez une version texte ou un fichier Markdown.`,
    );
  const titleIndex = findTitleHeading(items);
  // Without a title: the first heading of the highest level (a "SOMMAIRE" line is not a title).
  const headings = items.flatMap((i) => (i.type === "heading" ? [i] : []));
  const topLevel = Math.min(...headings.map((h) => h.level));
  const firstHeading = headings.find((h) => h.level === topLevel)?.text ?? "";
  const titleHeading = titleIndex >= 0 ? items[titleIndex]!.text : "";
  const baseName = path.basename(input.displayPath).replace(/\.pdf$/i, "");
  const meta = await metaForBinary(input, { baseName, title: infoTitle || titleHeading || firstHeading });
  const { sections, body } = buildSections(items, meta.title, titleIndex);
  return { meta, body, sections };
}
