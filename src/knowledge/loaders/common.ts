/**
 * Shared pieces of the document loaders: the parsed-document shape, front-matter
 * validation with readable errors, sidecar / synthesised metadata for PDF and DOCX,
 * and the heading outline → sections builder.
 */
import { readFile, stat } from "node:fs/promises";
import YAML from "yaml";
import type { z } from "zod";
import { FrontMatter } from "../schema.js";
import type { Block, Section } from "../chunk.js";
import { RelaisError } from "../../core/errors.js";

/** What every loader returns; `corpus.ts` adds the hash and the chunks. */
export interface ParsedDoc {
  meta: FrontMatter;
  /** Whole body as plain text (headings as lines, paragraphs separated by blank lines). */
  body: string;
  sections: Section[];
}

export interface LoaderInput {
  /** File bytes. */
  bytes: Uint8Array;
  /** Path shown in messages (relative to the knowledge root when known). */
  displayPath: string;
  /** Absolute (or cwd-relative) path on disk, used to find a sidecar `.meta.yaml`; omit for in-memory input. */
  filePath?: string;
  /** File modification time, used as `updated` when metadata is synthesised. */
  mtime?: Date;
}

/** A document that cannot be loaded; the message names the file and says why, in French. */
export class KnowledgeLoadError extends RelaisError {
  readonly code = "knowledge.load";
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One line per zod issue: `  - champ.sous-champ : message`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.length ? i.path.map(String).join(".") : "(racine)";
      return `  - ${where} : ${i.message}`;
    })
    .join("\n");
}

/** Validate front-matter data; throw a KnowledgeLoadError naming the file and every issue. */
export function validateFrontMatter(data: unknown, displayPath: string, origin: string): FrontMatter {
  const parsed = FrontMatter.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new KnowledgeLoadError(displayPath, `${displayPath} : métadonnées invalides (${origin}) :\n${formatIssues(parsed.error.issues)}`);
}

/** "Schéma ESS Gard 2024.pdf" → "schema-ess-gard-2024". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "document";
}

/** "schema_ess-gard" → "Schema ess gard" (last-resort title). */
export function humaniseFileName(base: string): string {
  const t = base.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return t ? t[0]!.toUpperCase() + t.slice(1) : "Document";
}

/** Candidate sidecar paths for a file: `x.pdf.meta.yaml`, then `x.meta.yaml`. */
export function sidecarPaths(filePath: string): string[] {
  const noExt = filePath.replace(/\.[^./\\]+$/, "");
  return [`${filePath}.meta.yaml`, `${filePath}.meta.yml`, `${noExt}.meta.yaml`, `${noExt}.meta.yml`];
}

async function readSidecar(filePath: string | undefined, displayPath: string): Promise<Record<string, unknown> | null> {
  if (!filePath) return null;
  for (const p of sidecarPaths(filePath)) {
    let text: string;
    try {
      text = await readFile(p, "utf8");
    } catch {
      continue;
    }
    let data: unknown;
    try {
      data = YAML.parse(text);
    } catch (e) {
      throw new KnowledgeLoadError(displayPath, `${displayPath} : fichier de métadonnées ${p} illisible (YAML) : ${(e as Error).message}`, { cause: e });
    }
    if (data == null) return {};
    if (typeof data !== "object" || Array.isArray(data))
      throw new KnowledgeLoadError(displayPath, `${displayPath} : le fichier de métadonnées ${p} doit contenir des champs « clé: valeur ».`);
    return data as Record<string, unknown>;
  }
  return null;
}

/**
 * Metadata of a PDF / DOCX: the sidecar `<file>.meta.yaml` fields when present, over
 * synthesised defaults (id from the file name, kind `schema`, nature `engagement-schema`,
 * status `confirmed`, updated = mtime, audience `all`, no sources). The result is validated
 * with the same `FrontMatter` schema as Markdown.
 */
export async function metaForBinary(input: LoaderInput, synth: { baseName: string; title: string }): Promise<FrontMatter> {
  let updated = input.mtime;
  if (!updated && input.filePath) {
    try {
      updated = (await stat(input.filePath)).mtime;
    } catch {
      /* in-memory input: fall back to now */
    }
  }
  const defaults: Record<string, unknown> = {
    id: slugify(synth.baseName),
    title: [synth.title, humaniseFileName(synth.baseName)].find((t) => t.length >= 3) ?? `Document ${synth.baseName}`,
    kind: "schema",
    nature: "engagement-schema",
    status: "confirmed",
    updated: updated ?? new Date(),
    audience: "all",
    sources: [],
  };
  const sidecar = await readSidecar(input.filePath, input.displayPath);
  return validateFrontMatter({ ...defaults, ...(sidecar ?? {}) }, input.displayPath, sidecar ? "fichier .meta.yaml" : "métadonnées déduites du fichier");
}

/** A heading or a block of text, in reading order. */
export type OutlineItem = { type: "heading"; level: number; text: string; page?: number } | { type: "block"; text: string; page?: number };

/**
 * Index of the heading that is the document title: the first heading, when it sits at the
 * highest level used in the document and is the only one at that level (and, when given,
 * at `requiredLevel`). -1 if none.
 */
export function findTitleHeading(items: OutlineItem[], requiredLevel?: number): number {
  const headings = items.flatMap((it, i) => (it.type === "heading" ? [{ i, level: it.level }] : []));
  if (headings.length === 0) return -1;
  const top = Math.min(...headings.map((h) => h.level));
  const first = headings[0]!;
  if (first.level !== top) return -1;
  if (requiredLevel !== undefined && first.level !== requiredLevel) return -1;
  if (headings.filter((h) => h.level === top).length !== 1) return -1;
  return first.i;
}

/** Build sections from outline items: the heading path is [title, …enclosing headings]. */
export function buildSections(items: OutlineItem[], title: string, titleIndex: number): { sections: Section[]; body: string } {
  const sections: Section[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: Section = { headingPath: [title], blocks: [] };
  const bodyParts: string[] = [title];
  items.forEach((it, i) => {
    if (i === titleIndex) return;
    if (it.type === "heading") {
      if (current.blocks.length) sections.push(current);
      while (stack.length && stack[stack.length - 1]!.level >= it.level) stack.pop();
      stack.push({ level: it.level, text: it.text });
      const path = stack.map((s) => s.text);
      // A heading that repeats the title (title taken from it) is not repeated in the path.
      if (path[0]?.toLowerCase() === title.toLowerCase()) path.shift();
      current = { headingPath: [title, ...path], blocks: [] };
      bodyParts.push(it.text);
    } else {
      const block: Block = { text: it.text };
      if (it.page !== undefined) block.page = it.page;
      current.blocks.push(block);
      bodyParts.push(it.text);
    }
  });
  if (current.blocks.length) sections.push(current);
  return { sections, body: bodyParts.join("\n\n") };
}

/** Collapse runs of spaces and tabs, trim every line. */
export function tidy(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, " ")
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n");
}
