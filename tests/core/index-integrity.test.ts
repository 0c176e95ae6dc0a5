/** A damaged index file of unchanged size is detected by its checksum and rebuilt. */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { buildIndex, openIndex } from "../../src/retrieval/index-store.js";

describe("index integrity", () => {
  it("rebuilds when bytes inside an index file are overwritten", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "relais-integrity-"));
    const embeddings = createEmbeddings();
    await buildIndex({ knowledgeDir: "knowledge", dataDir, embeddings });
    const intact = await openIndex({ knowledgeDir: "knowledge", dataDir, embeddings });
    expect(intact.rebuilt).toBe(false);
    for (const name of ["hnsw.index", "lexical.json"]) {
      const file = path.join(dataDir, "index", name);
      const fd = openSync(file, "r+");
      writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, Math.floor(statSync(file).size / 2));
      closeSync(fd);
      const reopened = await openIndex({ knowledgeDir: "knowledge", dataDir, embeddings });
      expect(reopened.rebuilt, name).toBe(true);
      expect(reopened.reason).toMatch(/damaged/);
      const { hits } = await import("../../src/retrieval/retriever.js").then(({ Retriever }) =>
        new Retriever(reopened.index).search("appel à communs Gard centrale"),
      );
      expect(hits.length).toBeGreaterThan(0);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
});
