/**
 * Knowledge corpus loading: walk the knowledge folder, load every Markdown, PDF and DOCX
 * document with the right loader, chunk it by section, and collect errors without
 * aborting. Dropping a PDF or DOCX into knowledge/ and re-indexing is enough to make it
 * searchable (metadata synthesised, or taken from a sidecar `<file>.meta.yaml`).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { chunkSections, type ChunkOptions } from "./chunk.js";
import { KnowledgeLoadError, sidecarPaths, type LoaderInput, type ParsedDoc } from "./loaders/common.js";
import { loadMarkdown } from "./loaders/markdown.js";
import type { KnowledgeDoc } from "./types.js";

export { KnowledgeLoadError } from "./loaders/common.js";

/** Folders (relative to the root, `/`-separated) that hold no knowledge documents. */
export const DEFAULT_SKIP_DIRS = ["regles", "report", "reponses", "processus/directory"];

/** File extensions that are documents. */
export const DOCUMENT_EXTENSIONS = [".md", ".pdf", ".docx"] as const;

export interface CorpusError {
  /** Path relative to the knowledge root. */
  path: string;
  /** Readable French message naming the file. */
  message: string;
}

export interface LoadCorpusOptions {
  /** Folders to skip, relative to the root (default DEFAULT_SKIP_DIRS). */
  skipDirs?: string[];
  /** Chunking options (see chunk.ts). */
  chunk?: ChunkOptions;
  /** How many binary documents (PDF, DOCX) are parsed at once (default 4). */
  concurrency?: number;
  /** Called after each file, for progress bars. */
  onFile?: (relPath: string, done: number, total: number) => void;
}

export interface CorpusResult {
  docs: KnowledgeDoc[];
  errors: CorpusError[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** Whether a file name is a document the corpus loads. README files and hidden/lock files are not. */
export function isDocumentFile(name: string): boolean {
  if (name.startsWith(".") || name.startsWith("~$") || name.startsWith("_")) return false;
  if (/^readme\.md$/i.test(name)) return false;
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Recursively list document files under root, sorted, as root-relative posix paths. */
export async function listDocuments(root: string, skipDirs: string[] = DEFAULT_SKIP_DIRS): Promise<string[]> {
  const skip = new Set(skipDirs.map((d) => d.replace(/^\.?\/+|\/+$/g, "")));
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name.startsWith(".") || e.name === "node_modules" || skip.has(childRel)) continue;
        await walk(childRel);
      } else if (e.isFile() && isDocumentFile(e.name)) {
        out.push(childRel);
      }
    }
  }
  await walk("");
  return out.sort();
}

function loaderFor(file: string): (input: LoaderInput) => ParsedDoc | Promise<ParsedDoc> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".md") return loadMarkdown;
  // Binary loaders are imported lazily: a Markdown-only corpus never loads pdf.js or mammoth.
  if (ext === ".pdf") return async (input) => (await import("./loaders/pdf.js")).loadPdf(input);
  if (ext === ".docx") return async (input) => (await import("./loaders/docx.js")).loadDocx(input);
  throw new KnowledgeLoadError(file, `${file} : type de fichier non pris en charge (${ext || "sans extension"}).`);
}

/** sha256 (hex) of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function loadOne(absPath: string, relPath: string, chunk?: ChunkOptions): Promise<KnowledgeDoc> {
  let bytes: Buffer;
  let mtime: Date;
  try {
    [bytes, mtime] = await Promise.all([readFile(absPath), stat(absPath).then((s) => s.mtime)]);
  } catch (e) {
    throw new KnowledgeLoadError(relPath, `${relPath} : fichier illisible (${(e as Error).message}).`, { cause: e });
  }
  const parsed = await loaderFor(relPath)({ bytes, displayPath: relPath, filePath: absPath, mtime });
  const chunks = chunkSections(parsed.meta.id, parsed.sections, chunk);
  if (chunks.length === 0) throw new KnowledgeLoadError(relPath, `${relPath} : le document ne contient aucun texte à indexer.`);
  return { meta: parsed.meta, path: relPath, hash: sha256(bytes), body: parsed.body, chunks };
}

/**
 * Load one document. `path` in the result is relative to `opts.root` (default: the file's
 * folder). Throws KnowledgeLoadError (French message naming the file) when it cannot load.
 */
export async function loadDocument(filePath: string, opts: { root?: string; chunk?: ChunkOptions } = {}): Promise<KnowledgeDoc> {
  const root = opts.root ?? path.dirname(filePath);
  const rel = toPosix(path.relative(root, filePath)) || path.basename(filePath);
  return loadOne(filePath, rel, opts.chunk);
}

/** Run `fn` over items with at most `limit` in flight; results keep the input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Load every document under `root` (recursively; skips `regles/`, `report/`,
 * `processus/directory/`, non-document files such as `.yaml`, README.md). Errors are
 * collected, never thrown; a duplicate id is rejected with an error naming both files
 * (the first file in path order keeps the id).
 */
export async function loadCorpus(root = "knowledge", opts: LoadCorpusOptions = {}): Promise<CorpusResult> {
  const errors: CorpusError[] = [];
  let files: string[];
  try {
    files = await listDocuments(root, opts.skipDirs ?? DEFAULT_SKIP_DIRS);
  } catch (e) {
    return { docs: [], errors: [{ path: root, message: `${root} : dossier de connaissances illisible (${(e as Error).message}).` }] };
  }
  let done = 0;
  const attempt = async (rel: string): Promise<KnowledgeDoc | CorpusError> => {
    try {
      return await loadOne(path.join(root, rel), rel, opts.chunk);
    } catch (e) {
      const message = e instanceof KnowledgeLoadError ? e.message : `${rel} : erreur inattendue au chargement (${(e as Error)?.message ?? String(e)}).`;
      return { path: rel, message };
    } finally {
      opts.onFile?.(rel, ++done, files.length);
    }
  };
  const isBinary = (f: string) => !f.toLowerCase().endsWith(".md");
  const text = files.filter((f) => !isBinary(f));
  const binary = files.filter(isBinary);
  const [textResults, binaryResults] = await Promise.all([Promise.all(text.map(attempt)), mapLimit(binary, opts.concurrency ?? 4, attempt)]);
  const byPath = new Map<string, KnowledgeDoc | CorpusError>();
  text.forEach((f, i) => byPath.set(f, textResults[i]!));
  binary.forEach((f, i) => byPath.set(f, binaryResults[i]!));

  const docs: KnowledgeDoc[] = [];
  const owner = new Map<string, string>();
  for (const f of files) {
    const r = byPath.get(f)!;
    if (!("meta" in r)) {
      errors.push(r);
      continue;
    }
    const first = owner.get(r.meta.id);
    if (first) {
      errors.push({
        path: f,
        message: `${f} : identifiant « ${r.meta.id} » déjà utilisé par ${first} — chaque document doit avoir un id unique ; ${f} est ignoré.`,
      });
      continue;
    }
    owner.set(r.meta.id, f);
    docs.push(r);
  }
  return { docs, errors };
}

/**
 * Cheap fingerprint of the knowledge folder without parsing anything: sha256 of every
 * document file and of every sidecar `.meta.yaml`, plus one combined hash. Use it to decide
 * whether an index is stale before paying for PDF parsing.
 */
export async function fingerprintCorpus(
  root = "knowledge",
  opts: { skipDirs?: string[] } = {},
): Promise<{ files: { path: string; hash: string }[]; hash: string }> {
  const docs = await listDocuments(root, opts.skipDirs ?? DEFAULT_SKIP_DIRS);
  const candidates = docs.flatMap((rel) => [rel, ...(rel.toLowerCase().endsWith(".md") ? [] : sidecarPaths(rel))]);
  const files: { path: string; hash: string }[] = [];
  await Promise.all(
    candidates.map(async (rel) => {
      try {
        files.push({ path: rel, hash: sha256(await readFile(path.join(root, rel))) });
      } catch {
        /* sidecar absent */
      }
    }),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = sha256(new TextEncoder().encode(files.map((f) => `${f.path}\t${f.hash}`).join("\n")));
  return { files, hash };
}
