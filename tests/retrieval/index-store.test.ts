import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { Retriever } from "../../src/retrieval/retriever.js";
import {
  analyzeChunkTerms,
  buildIndex,
  buildInMemory,
  type ChunkTerms,
  checkIndexFits,
  corpusHash,
  diffManifests,
  heapNeededBytes,
  indexDir,
  IndexUnavailable,
  loadIndex,
  openIndex,
} from "../../src/retrieval/index-store.js";
import { INCUBATEUR, knowledgeFixture, NOTE_AGENTS, SUBVENTIONS, type KnowledgeFixture } from "./fixtures.js";

const embeddings = createEmbeddings({});
let fx: KnowledgeFixture;
beforeEach(async () => {
  fx = await knowledgeFixture();
});
afterEach(async () => {
  await fx.cleanup();
});
const opts = () => ({ knowledgeDir: fx.knowledgeDir, dataDir: fx.dataDir, embeddings });

describe("diffManifests", () => {
  it("reports added, changed and removed ids, sorted", () => {
    expect(diffManifests({ a: "1", b: "2", c: "3" }, { b: "2", c: "x", d: "4", aa: "5" })).toEqual({ added: ["aa", "d"], changed: ["c"], removed: ["a"] });
    expect(diffManifests(undefined, { a: "1" })).toEqual({ added: ["a"], changed: [], removed: [] });
  });
});

describe("buildIndex", () => {
  it("builds lexical and vector indexes into the data folder and reports what changed", async () => {
    const progress: [number, number][] = [];
    const first = await buildIndex({ ...opts(), onProgress: (d, t) => progress.push([d, t]) });
    expect(first.docs).toBe(3);
    expect(first.errors).toEqual([]);
    expect(first.added).toEqual([INCUBATEUR.id, NOTE_AGENTS.id, SUBVENTIONS.id].sort());
    expect(first.changed).toEqual([]);
    expect(first.removed).toEqual([]);
    expect(first.chunks).toBeGreaterThanOrEqual(3);
    expect(first.index.chunks).toHaveLength(first.chunks);
    expect(first.index.vectors.size).toBe(first.chunks);
    expect(first.index.lexical.documentCount).toBe(first.chunks);
    expect(progress.at(-1)).toEqual([first.chunks, first.chunks]);
    const files = await readdir(indexDir(fx.dataDir));
    expect(files.sort()).toEqual(["chunks.json", "hnsw.docs.json", "hnsw.index", "lexical.json", "manifest.json", "terms.bin", "terms.json"]);

    // the chunk carries the document metadata used at answer time
    const note = first.index.chunks.find((c) => c.docId === NOTE_AGENTS.id)!;
    expect(note).toMatchObject({
      kind: "territory",
      audience: "agent",
      status: "confirmed",
      title: NOTE_AGENTS.title,
      url: `https://example.org/${NOTE_AGENTS.id}`,
    });
    expect(note.headingPath[0]).toBe(NOTE_AGENTS.title);

    // nothing changed → nothing reported
    const same = await buildIndex(opts());
    expect([same.added, same.changed, same.removed]).toEqual([[], [], []]);

    // one document edited → changed
    await fx.write({ ...SUBVENTIONS, body: `${SUBVENTIONS.body}\n\nLes demandes se déposent avant le 31 janvier.` });
    const edited = await buildIndex(opts());
    expect(edited).toMatchObject({ added: [], changed: [SUBVENTIONS.id], removed: [] });

    // one document removed → removed, and gone from the index
    await rm(path.join(fx.knowledgeDir, "docs", `${INCUBATEUR.id}.md`));
    const removed = await buildIndex(opts());
    expect(removed).toMatchObject({ added: [], changed: [], removed: [INCUBATEUR.id], docs: 2 });
    expect(removed.index.chunks.some((c) => c.docId === INCUBATEUR.id)).toBe(false);
    const reloaded = await loadIndex(indexDir(fx.dataDir), embeddings);
    expect(reloaded.chunks.some((c) => c.docId === INCUBATEUR.id)).toBe(false);
    expect(reloaded.manifest.docs).not.toHaveProperty(INCUBATEUR.id);
  });

  it("keeps loading errors out of the index and reports them", async () => {
    await writeFile(path.join(fx.knowledgeDir, "docs", "casse.md"), "---\nid: Pas Valide\n---\n\n# Titre\n\nTexte.\n");
    const res = await buildIndex(opts());
    expect(res.docs).toBe(3);
    expect(res.errors.map((e) => e.path)).toEqual(["docs/casse.md"]);
  });

  it("refuses to build an empty knowledge folder with a clear error", async () => {
    for (const d of [SUBVENTIONS, INCUBATEUR, NOTE_AGENTS]) await rm(path.join(fx.knowledgeDir, "docs", `${d.id}.md`));
    await expect(buildIndex(opts())).rejects.toThrow(/Aucun document/);
  });
});

describe("read-only replicas and the heap limit", () => {
  it("a replica loads the prebuilt artifact as it is, even when its knowledge folder differs", async () => {
    const built = await buildIndex(opts());
    await writeFile(path.join(fx.knowledgeDir, "nouveau.md"), "# pas un document valide\n");
    const res = await openIndex({ ...opts(), readOnly: true });
    expect(res.rebuilt).toBe(false);
    expect(res.index.manifest.corpusHash).toBe(built.index.manifest.corpusHash);
    expect(res.index.manifest.builtAt).toBe(built.index.manifest.builtAt);
  });

  it("a replica without an index refuses to start instead of building one", async () => {
    const err = await openIndex({ ...opts(), readOnly: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexUnavailable);
    expect((err as IndexUnavailable).message).toMatch(/lecture seule/);
    expect(existsSync(path.join(indexDir(fx.dataDir), "manifest.json"))).toBe(false);
  });

  it("an index too large for the heap limit is refused before it is loaded, with the limit to use", async () => {
    await buildIndex(opts());
    const err = await openIndex({ ...opts(), heapLimitBytes: heapNeededBytes(3) - 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexUnavailable);
    expect((err as IndexUnavailable).hints.join(" ")).toMatch(/--max-old-space-size=\d+/);
    expect(() => checkIndexFits(30_900, 512 * 2 ** 20)).not.toThrow();
  });
});

describe("loadIndex / openIndex", () => {
  it("loads a saved index that matches the in-memory build", async () => {
    const built = await buildIndex(opts());
    const loaded = await loadIndex(indexDir(fx.dataDir), embeddings);
    expect(loaded.manifest.corpusHash).toBe(built.index.manifest.corpusHash);
    expect(loaded.chunks).toEqual(built.index.chunks);
    const q = await embeddings.embeddings.embedQuery("convention au-delà de 23 000 euros");
    expect(loaded.vectors.searchSync(q, 3).map(([d]) => d.id)).toEqual(built.index.vectors.searchSync(q, 3).map(([d]) => d.id));
    expect(loaded.lexical.search("convention").map((r) => r.id)).toEqual(built.index.lexical.search("convention").map((r) => r.id));
  });

  it("writes the passages file in Latin-1 (escapes above U+00FF) and shares a document's values between its passages", async () => {
    await fx.write({
      ...SUBVENTIONS,
      body: `${SUBVENTIONS.body}\n\n## L’œuvre du Département\n\nL’aide atteint 5 000 € « au plus » par an — 😀 compris.`,
    });
    const built = await buildIndex(opts());
    const raw = await readFile(path.join(indexDir(fx.dataDir), "chunks.json"), "utf8");
    expect(raw).not.toMatch(/[^\u0000-\u00ff]/);
    expect(raw).toContain("\\u2019");
    const loaded = await loadIndex(indexDir(fx.dataDir), embeddings);
    expect(loaded.chunks).toEqual(built.index.chunks);
    expect(loaded.chunks.some((c) => c.text.includes("L’aide atteint 5 000 € « au plus » par an — 😀 compris."))).toBe(true);
    const passages = loaded.chunks.filter((c) => c.docId === SUBVENTIONS.id);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages[1]!.tags).toBe(passages[0]!.tags);
    expect(passages[1]!.headingPath[0]).toBe(passages[0]!.headingPath[0]);
  });

  it("saves each passage's analysed terms with the index, the ones the retriever would compute from the text", async () => {
    await buildIndex(opts());
    const loaded = await loadIndex(indexDir(fx.dataDir), embeddings);
    const fresh = analyzeChunkTerms(loaded.chunks);
    const termsOf = (t: ChunkTerms, i: number) => [...t.numbers.subarray(t.offsets[i]!, t.offsets[i + 1]!)].map((n) => t.names[n]!).sort();
    expect(loaded.terms).toBeDefined();
    expect(loaded.terms!.offsets).toHaveLength(loaded.chunks.length + 1);
    for (let i = 0; i < loaded.chunks.length; i++) {
      expect(termsOf(loaded.terms!, i)).toEqual(termsOf(fresh, i));
      expect(termsOf(loaded.terms!, i).length).toBeGreaterThan(0);
    }
    // the retriever reads them as it would have analysed them
    const q = "convention au-delà de 23 000 euros";
    const withSaved = new Retriever(loaded);
    const analysed = new Retriever({ ...loaded, terms: undefined });
    expect(withSaved.searchWithVector(q, await embeddings.embeddings.embedQuery(q)).hits.map((h) => [h.chunk.id, h.coverage])).toEqual(
      analysed.searchWithVector(q, await embeddings.embeddings.embedQuery(q)).hits.map((h) => [h.chunk.id, h.coverage]),
    );
    expect(withSaved.idf("convent")).toBe(analysed.idf("convent"));
  });

  it("builds the index when it is missing, then reuses it", async () => {
    const first = await openIndex(opts());
    expect(first).toMatchObject({ rebuilt: true, reason: "index absent" });
    expect(first.changes?.added).toHaveLength(3);
    const second = await openIndex(opts());
    expect(second.rebuilt).toBe(false);
    expect(second.index.manifest.corpusHash).toBe(first.index.manifest.corpusHash);
  });

  it("rebuilds when the knowledge changed since the last build", async () => {
    await openIndex(opts());
    await fx.write({ ...INCUBATEUR, title: "L'incubateur d'innovation sociale du Gard" });
    const res = await openIndex(opts());
    expect(res.rebuilt).toBe(true);
    expect(res.changes).toEqual({ added: [], changed: [INCUBATEUR.id], removed: [] });
    expect(res.index.chunks.find((c) => c.docId === INCUBATEUR.id)!.title).toBe("L'incubateur d'innovation sociale du Gard");
  });

  it.each([
    ["hnsw.index", "pas un index HNSW"],
    ["chunks.json", "{ tronqué"],
    ["lexical.json", "[]"],
    ["hnsw.docs.json", "null"],
    ["terms.json", '["un"]'],
    ["terms.bin", "xyz"],
    ["manifest.json", '{"format": 3}'],
  ])("rebuilds when %s is corrupted", async (file, garbage) => {
    await buildIndex(opts());
    await writeFile(path.join(indexDir(fx.dataDir), file), garbage);
    const res = await openIndex(opts());
    expect(res.rebuilt).toBe(true);
    expect(res.reason).toBeTruthy();
    expect(res.index.chunks.length).toBeGreaterThanOrEqual(3);
    // and the rebuilt index on disk is healthy again
    const again = await openIndex(opts());
    expect(again.rebuilt).toBe(false);
  });

  it("rebuilds when the HNSW file is truncated (disk full, interrupted copy)", async () => {
    await buildIndex(opts());
    const file = path.join(indexDir(fx.dataDir), "hnsw.index");
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
    const res = await openIndex(opts());
    expect(res.rebuilt).toBe(true);
    expect(res.reason).toMatch(/illisible/);
  });

  it("rebuilds when an index file is deleted", async () => {
    await buildIndex(opts());
    await rm(path.join(indexDir(fx.dataDir), "hnsw.index"));
    const res = await openIndex(opts());
    expect(res.rebuilt).toBe(true);
    expect(res.reason).toMatch(/illisible/);
    expect(existsSync(path.join(indexDir(fx.dataDir), "hnsw.index"))).toBe(true);
  });

  it("refuses an index built with other embeddings", async () => {
    await buildIndex(opts());
    const other = { id: "autre-espace", embeddings: embeddings.embeddings };
    await expect(loadIndex(indexDir(fx.dataDir), other)).rejects.toThrow(/autre-espace/);
    const res = await openIndex({ ...opts(), embeddings: other });
    expect(res.rebuilt).toBe(true);
    expect(res.index.manifest.embeddingsId).toBe("autre-espace");
  });
});

describe("corpusHash", () => {
  it("depends on content and embeddings, not on document order", async () => {
    const { docs } = await loadCorpus(fx.knowledgeDir);
    const h = corpusHash(docs, embeddings.id);
    expect(corpusHash([...docs].reverse(), embeddings.id)).toBe(h);
    expect(corpusHash(docs, "autre")).not.toBe(h);
    expect(corpusHash(docs.slice(1), embeddings.id)).not.toBe(h);
    const mem = await buildInMemory(docs, embeddings);
    expect(mem.manifest.corpusHash).toBe(h);
  });
});
