/**
 * The search index: lexical (MiniSearch BM25 over the French analyzer) and
 * vector (HNSW) over every chunk of the knowledge base, saved in the data folder.
 * `buildIndex` reports what changed since the last build (by content hash);
 * `openIndex` loads it, rebuilding when it is missing, stale or corrupted.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import MiniSearch from "minisearch";
import { Document } from "@langchain/core/documents";
import { z } from "zod";
import type { DocKind } from "../domain/ids.js";
import { fingerprintCorpus as fingerprintFiles, loadCorpus } from "../knowledge/corpus.js";
import type { DocNature } from "../knowledge/schema.js";
import type { KnowledgeDoc } from "../knowledge/types.js";
import { ANALYZER_VERSION, analyze } from "./analyzer.js";
import { CompactLexical } from "./compact-lexical.js";
import type { NamedEmbeddings } from "./embeddings/index.js";
import { HnswStore, hnswParams } from "./hnsw-store.js";
import { RelaisError } from "../core/errors.js";

export const INDEX_FORMAT = 7;

/** A chunk as stored in the index, with the document metadata it needs at answer time. */
export interface IndexedChunk {
  id: string;
  docId: string;
  title: string;
  kind: DocKind;
  nature: DocNature;
  status: "confirmed" | "reported";
  audience: "all" | "agent";
  url?: string;
  section: string;
  headingPath: string[];
  page?: number;
  text: string;
  tags: string[];
}

const Manifest = z.object({
  format: z.literal(INDEX_FORMAT),
  embeddingsId: z.string(),
  builtAt: z.string(),
  corpusHash: z.string(),
  /** Hash of the knowledge files' bytes, to tell a stale index without parsing documents. */
  filesHash: z.string(),
  docs: z.record(z.string(), z.string()),
  chunks: z.number(),
  /** sha256 of each index file, checked at load: a damaged file means a rebuild. */
  files: z.record(z.string(), z.string()).default({}),
});
type Manifest = z.infer<typeof Manifest>;

export interface IndexChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface BuildResult extends IndexChanges {
  chunks: number;
  docs: number;
  ms: number;
  errors: { path: string; message: string }[];
  dir: string;
}

export const MINISEARCH_OPTIONS = {
  idField: "id",
  fields: ["title", "section", "text", "tags"],
  storeFields: [] as string[],
  tokenize: (text: string) => analyze(text),
  processTerm: (term: string) => term,
  searchOptions: { boost: { title: 2, section: 1.5, tags: 1.5 } },
};

export function corpusHash(docs: KnowledgeDoc[], embeddingsId: string): string {
  const h = createHash("sha256").update(`format:${INDEX_FORMAT};emb:${embeddingsId};`);
  for (const d of [...docs].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) h.update(`${d.meta.id}:${d.hash};`);
  return h.digest("hex").slice(0, 16);
}

export function toIndexedChunks(docs: KnowledgeDoc[]): IndexedChunk[] {
  const out: IndexedChunk[] = [];
  for (const d of docs) {
    for (const c of d.chunks) {
      out.push({
        id: c.id,
        docId: d.meta.id,
        title: d.meta.title,
        kind: d.meta.kind,
        nature: d.meta.nature,
        status: d.meta.status,
        audience: d.meta.audience,
        url: d.meta.sources[0],
        section: c.headingPath.slice(1).join(" › "),
        headingPath: c.headingPath,
        page: c.page,
        text: c.text,
        tags: d.meta.tags,
      });
    }
  }
  return out;
}

/**
 * Each passage's distinct analysed terms, computed once when the index is built (analysing
 * every passage again took about 3 s of start-up at ×100): term numbers of passage `i` are
 * `numbers[offsets[i]]` … `numbers[offsets[i + 1] - 1]`, names of the numbers in `names`.
 */
export interface ChunkTerms {
  names: string[];
  offsets: Int32Array;
  numbers: Int32Array;
}

/** The terms the retriever knows a passage by (title, section, text and tags, analysed). */
export function analyzeChunkTerms(chunks: IndexedChunk[]): ChunkTerms {
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  const offsets = new Int32Array(chunks.length + 1);
  let numbers = new Int32Array(Math.max(1024, chunks.length * 64));
  let at = 0;
  chunks.forEach((c, i) => {
    offsets[i] = at;
    for (const t of new Set(analyze(`${c.title} ${c.section} ${c.text} ${c.tags.join(" ")}`))) {
      let n = numberOf.get(t);
      if (n === undefined) numberOf.set(t, (n = names.push(t) - 1));
      if (at >= numbers.length) {
        const grown = new Int32Array(numbers.length * 2);
        grown.set(numbers);
        numbers = grown;
      }
      numbers[at++] = n;
    }
  });
  offsets[chunks.length] = at;
  return { names, offsets, numbers: numbers.slice(0, at) };
}

export interface SearchIndex {
  chunks: IndexedChunk[];
  /** Each passage's terms (absent: the retriever analyses the passages itself). */
  terms?: ChunkTerms;
  byId: Map<string, IndexedChunk>;
  /** The lexical index in compact form (MiniSearch's scoring, typed-array postings). */
  lexical: CompactLexical;
  vectors: HnswStore;
  embeddings: NamedEmbeddings;
  manifest: Manifest;
  dir: string;
}

function lexicalDoc(c: IndexedChunk) {
  return { ...c, tags: c.tags.join(" ") };
}

/** An index built in memory, with its lexical part as saved (MiniSearch's JSON, lexical.json). */
export type BuiltIndex = Omit<SearchIndex, "dir"> & { lexicalJson: string };

/**
 * Builds the index in memory from loaded documents. The lexical index is built by MiniSearch,
 * serialized, and read back in compact form, as `loadIndex` reads it: a fresh build and a
 * loaded index search the same way.
 */
export async function buildInMemory(
  docs: KnowledgeDoc[],
  embeddings: NamedEmbeddings,
  onProgress?: (done: number, total: number) => void,
  filesHash = "",
): Promise<BuiltIndex> {
  const chunks = shareRepeatedValues(toIndexedChunks(docs));
  const miniSearch = new MiniSearch<IndexedChunk>(MINISEARCH_OPTIONS);
  miniSearch.addAll(chunks.map(lexicalDoc) as unknown as IndexedChunk[]);
  const lexicalJson = JSON.stringify(miniSearch);
  const lexical = CompactLexical.fromJSON(lexicalJson, MINISEARCH_OPTIONS);
  const dims = (await embeddings.embeddings.embedQuery("dimension")).length;
  const vectors = new HnswStore(embeddings.embeddings, { dims, ...hnswParams(chunks.length) }, chunks.length + 16);
  const batch = 256;
  for (let i = 0; i < chunks.length; i += batch) {
    const slice = chunks.slice(i, i + batch);
    const texts = slice.map((c) => `${c.title}. ${c.section}. ${c.text}`);
    const vecs = await embeddings.embeddings.embedDocuments(texts);
    vectors.addVectorsSync(
      vecs,
      slice.map((c) => new Document({ id: c.id, pageContent: "", metadata: { docId: c.docId, kind: c.kind, audience: c.audience } })),
      slice.map((c) => c.id),
    );
    onProgress?.(Math.min(i + batch, chunks.length), chunks.length);
  }
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    embeddingsId: embeddings.id,
    builtAt: new Date().toISOString(),
    corpusHash: corpusHash(docs, embeddings.id),
    filesHash,
    docs: Object.fromEntries(docs.map((d) => [d.meta.id, d.hash])),
    chunks: chunks.length,
    files: {},
  };
  return { chunks, byId: new Map(chunks.map((c) => [c.id, c])), lexical, lexicalJson, vectors, embeddings, manifest };
}

/**
 * JSON with every character above U+00FF written as a \u escape. V8 parses a source
 * that holds one such character (a « ’ » or « € » in one passage) into two-byte strings
 * throughout — every id, title and tag at twice its size (120 MB of passages at ×100
 * instead of 48): an ASCII/Latin-1 source gives one-byte strings, and only the texts that
 * hold such characters stay two-byte.
 */
export function latin1Json(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The passages as they are kept in memory: one copy of the values that passages of a
 * document repeat (document id, title, kind, source, tags, heading path), shared by all its
 * passages instead of one per passage, in new objects of one fixed shape (the objects
 * JSON.parse makes cost about twice as much: at ×100, 61 MB of heap instead of 26).
 * Passages are read-only once indexed.
 */
export function shareRepeatedValues(chunks: IndexedChunk[]): IndexedChunk[] {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const one = <S extends string>(s: S): S => {
    const known = strings.get(s);
    if (known !== undefined) return known as S;
    strings.set(s, s);
    return s;
  };
  const list = (xs: string[]): string[] => {
    const key = xs.join("\u0000");
    const known = lists.get(key);
    if (known) return known;
    const shared = xs.map(one);
    lists.set(key, shared);
    return shared;
  };
  return chunks.map(
    (c): IndexedChunk => ({
      id: c.id,
      docId: one(c.docId),
      title: one(c.title),
      kind: one(c.kind),
      nature: one(c.nature),
      status: one(c.status),
      audience: one(c.audience),
      url: c.url === undefined ? undefined : one(c.url),
      section: one(c.section),
      headingPath: list(c.headingPath),
      page: c.page,
      text: c.text,
      tags: list(c.tags),
    }),
  );
}

export function indexDir(dataDir: string): string {
  return path.resolve(dataDir, "index");
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function diffManifests(prev: Record<string, string> | undefined, next: Record<string, string>): IndexChanges {
  const before = prev ?? {};
  const added = Object.keys(next).filter((id) => !(id in before));
  const changed = Object.keys(next).filter((id) => id in before && before[id] !== next[id]);
  const removed = Object.keys(before).filter((id) => !(id in next));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/** Writes the index atomically (build in a temp folder, then rename). */
async function saveIndex(idx: BuiltIndex, dir: string): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(tmp, { recursive: true });
  const chunksJson = latin1Json(idx.chunks);
  const lexicalJson = idx.lexicalJson;
  const terms = idx.terms ?? analyzeChunkTerms(idx.chunks);
  const termsJson = latin1Json(terms.names);
  const termsBin = Buffer.concat([
    Buffer.from(terms.offsets.buffer, terms.offsets.byteOffset, terms.offsets.byteLength),
    Buffer.from(terms.numbers.buffer, terms.numbers.byteOffset, terms.numbers.byteLength),
  ]);
  await Promise.all([
    writeFile(path.join(tmp, "chunks.json"), chunksJson),
    writeFile(path.join(tmp, "lexical.json"), lexicalJson),
    writeFile(path.join(tmp, "terms.json"), termsJson),
    writeFile(path.join(tmp, "terms.bin"), termsBin),
    idx.vectors.save(tmp),
  ]);
  const files: Record<string, string> = {
    "chunks.json": sha256Hex(chunksJson),
    "lexical.json": sha256Hex(lexicalJson),
    "terms.json": sha256Hex(termsJson),
    "terms.bin": sha256Hex(termsBin),
    "hnsw.index": await fileHash(path.join(tmp, "hnsw.index")),
    "hnsw.docs.json": await fileHash(path.join(tmp, "hnsw.docs.json")),
  };
  idx.manifest.files = files;
  await writeFile(path.join(tmp, "manifest.json"), JSON.stringify(idx.manifest, null, 2));
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

export interface BuildOptions {
  knowledgeDir: string;
  dataDir: string;
  embeddings: NamedEmbeddings;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The fingerprint an index is built from: the knowledge files and the analysis of words
 * (an index whose terms were stemmed another way is rebuilt, not read with the new terms).
 */
async function fingerprintCorpus(knowledgeDir: string): Promise<{ hash: string }> {
  const files = await fingerprintFiles(knowledgeDir);
  return { hash: createHash("sha256").update(`analyzer\t${ANALYZER_VERSION}\n${files.hash}`).digest("hex") };
}

export async function buildIndex(opts: BuildOptions): Promise<BuildResult & { index: SearchIndex }> {
  const t0 = performance.now();
  const dir = indexDir(opts.dataDir);
  const previous = await readManifest(dir);
  const [{ docs, errors }, fingerprint] = await Promise.all([loadCorpus(opts.knowledgeDir), fingerprintCorpus(opts.knowledgeDir)]);
  if (docs.length === 0) throw new Error(`Aucun document chargé depuis ${opts.knowledgeDir}.`);
  const { lexicalJson, ...built } = await buildInMemory(docs, opts.embeddings, opts.onProgress, fingerprint.hash);
  await saveIndex({ ...built, lexicalJson }, dir);
  const changes = diffManifests(previous?.docs, built.manifest.docs);
  return {
    ...changes,
    chunks: built.chunks.length,
    docs: docs.length,
    ms: performance.now() - t0,
    errors,
    dir,
    index: { ...built, dir },
  };
}

const INDEX_FILES = ["chunks.json", "lexical.json", "terms.json", "terms.bin", "hnsw.index", "hnsw.docs.json"] as const;

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

async function fileHash(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

export async function loadIndex(dir: string, embeddings: NamedEmbeddings): Promise<SearchIndex> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`index manifest missing or invalid in ${dir}`);
  for (const f of INDEX_FILES) {
    const expected = manifest.files[f];
    if (!expected || (await fileHash(path.join(dir, f))) !== expected) throw new Error(`index file ${f} damaged or missing`);
  }
  if (manifest.embeddingsId !== embeddings.id) throw new Error(`index built with ${manifest.embeddingsId}, not ${embeddings.id}`);
  const chunks = shareRepeatedValues(JSON.parse(await readFile(path.join(dir, "chunks.json"), "utf8")) as IndexedChunk[]);
  const lexical = CompactLexical.fromJSON(await readFile(path.join(dir, "lexical.json"), "utf8"), MINISEARCH_OPTIONS);
  const vectors = await HnswStore.load(dir, embeddings.embeddings);
  const terms = await readChunkTerms(dir, chunks.length);
  if (vectors.size !== chunks.length || lexical.documentCount !== chunks.length) throw new Error("index files disagree");
  return { chunks, terms, byId: new Map(chunks.map((c) => [c.id, c])), lexical, vectors, embeddings, manifest, dir };
}

async function readChunkTerms(dir: string, chunkCount: number): Promise<ChunkTerms> {
  const names = z.array(z.string()).parse(JSON.parse(await readFile(path.join(dir, "terms.json"), "utf8")));
  const bin = await readFile(path.join(dir, "terms.bin"));
  const ints = new Int32Array(bin.byteLength / 4);
  new Uint8Array(ints.buffer).set(bin.subarray(0, ints.byteLength));
  const offsets = ints.slice(0, chunkCount + 1);
  const numbers = ints.slice(chunkCount + 1);
  const ok =
    bin.byteLength % 4 === 0 &&
    offsets.length === chunkCount + 1 &&
    offsets[0] === 0 &&
    offsets[chunkCount] === numbers.length &&
    offsets.every((o, i) => i === 0 || o >= offsets[i - 1]!) &&
    numbers.every((n) => n >= 0 && n < names.length);
  if (!ok) throw new Error("index file terms.bin disagrees with the passages");
  return { names, offsets, numbers };
}

/** The index cannot be used at start (too large for the heap, or absent/damaged in read-only mode): the service exits with code 5. */
export class IndexUnavailable extends RelaisError {
  readonly code = "index.unavailable";
  constructor(
    message: string,
    readonly hints: string[] = [],
  ) {
    super(message);
  }
}

/**
 * Heap needed by the service for an index of `chunks` passages (index, retrieval tables,
 * answering), measured with `npm run bench -- --scale` (heap in use after start): a fixed
 * part plus a part per passage.
 */
export function heapNeededBytes(chunks: number): number {
  return HEAP_BASE_BYTES + chunks * HEAP_PER_CHUNK_BYTES;
}
export const HEAP_BASE_BYTES = 90 * 2 ** 20;
export const HEAP_PER_CHUNK_BYTES = 12 * 2 ** 10;

/** Throws IndexUnavailable when an index of `chunks` passages cannot fit in this process's heap limit. */
export function checkIndexFits(chunks: number, heapLimitBytes = v8.getHeapStatistics().heap_size_limit): void {
  const need = heapNeededBytes(chunks);
  if (need <= heapLimitBytes) return;
  const mo = (b: number) => Math.ceil(b / 2 ** 20);
  const advised = Math.ceil((mo(need) * 1.25) / 128) * 128;
  throw new IndexUnavailable(
    `l'index de ${chunks} passages demande environ ${mo(need)} Mo de mémoire, plus que la limite du tas de Node (${mo(heapLimitBytes)} Mo).`,
    [`Relancez avec une limite plus haute : node --max-old-space-size=${advised} … dist/main.js (voir docs/service.md, « Mémoire »).`],
  );
}

/** A short stable identifier of an index artifact (format, embeddings and every document's content). */
export function indexFingerprint(manifest: Pick<Manifest, "corpusHash">): string {
  return manifest.corpusHash;
}

export interface OpenResult {
  index: SearchIndex;
  rebuilt: boolean;
  reason?: string;
  changes?: IndexChanges;
}

/**
 * Opens the index, building it when it is missing, corrupted, built with other
 * embeddings, or older than the knowledge folder (content hash).
 */
export async function openIndex(opts: BuildOptions & { readOnly?: boolean; heapLimitBytes?: number }): Promise<OpenResult> {
  const dir = indexDir(opts.dataDir);
  const manifest = await readManifest(dir);
  if (manifest) checkIndexFits(manifest.chunks, opts.heapLimitBytes);
  if (opts.readOnly) {
    // Replicas load the artifact built once by `cli index`, as it is: no rebuild, no comparison with knowledge/.
    try {
      return { index: await loadIndex(dir, opts.embeddings), rebuilt: false };
    } catch (err) {
      throw new IndexUnavailable(`l'index en lecture seule (${dir}) est absent ou illisible : ${(err as Error).message}.`, [
        "Construisez-le une fois avec « npm run cli -- index » (même DATA_DIR, même EMBEDDINGS_MODEL), ou retirez INDEX_READONLY pour qu'il soit construit au démarrage.",
      ]);
    }
  }
  let reason: string | undefined;
  if (!existsSync(path.join(dir, "manifest.json"))) reason = "index absent";
  else {
    try {
      const [index, fingerprint] = await Promise.all([loadIndex(dir, opts.embeddings), fingerprintCorpus(opts.knowledgeDir)]);
      if (fingerprint.hash === index.manifest.filesHash) return { index, rebuilt: false };
      reason = "connaissances modifiées";
    } catch (err) {
      reason = `index illisible (${(err as Error).message})`;
    }
  }
  const res = await buildIndex(opts);
  return { index: res.index, rebuilt: true, reason, changes: { added: res.added, changed: res.changed, removed: res.removed } };
}
