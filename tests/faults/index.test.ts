/**
 * A missing or corrupted index in DATA_DIR is rebuilt at start from the
 * knowledge folder, and answers work afterwards.
 */
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Reply } from "../../src/domain/reply.js";
import { createRuntime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { testConfig } from "../server/helpers.js";
import { dataDir } from "./helpers.js";

const QUESTION = "Quand le schéma départemental de l'économie sociale et solidaire du Gard a-t-il été voté ?";

let tmp: ReturnType<typeof dataDir>;
let indexDir: string;

async function open() {
  const storage = new MemoryStorage();
  await storage.migrate();
  return createRuntime({ config: testConfig(tmp.dir), storage, llm: null });
}

async function expectAnswers(rt: Awaited<ReturnType<typeof open>>) {
  const reply = Reply.parse(await rt.assistant.ask(QUESTION));
  expect(reply.type).toBe("answer");
  expect(reply.refused).toBe(false);
  expect(reply.sources.length).toBeGreaterThan(0);
  expect(reply.sources.map((s) => s.id)).toContain("schema-ess-gard");
}

beforeAll(() => {
  tmp = dataDir("relais-faults-index-", false);
  indexDir = path.join(tmp.dir, "index");
});
afterAll(() => tmp?.remove());

describe("index file faults", () => {
  it("builds a missing index at start, then loads it without rebuilding", async () => {
    expect(existsSync(indexDir)).toBe(false);
    const rt = await open();
    expect(rt.index.rebuilt).toBe(true);
    expect(rt.index.reason).toBe("index absent");
    expect(existsSync(path.join(indexDir, "manifest.json"))).toBe(true);
    await expectAnswers(rt);
    await rt.close();

    const again = await open();
    expect(again.index.rebuilt).toBe(false);
    await again.close();
  }, 180_000);

  const corruptions: Array<[string, () => void]> = [
    ["chunks.json is not JSON", () => writeFileSync(path.join(indexDir, "chunks.json"), "{ ceci n'est pas du JSON")],
    [
      "lexical.json is truncated",
      () => {
        const f = path.join(indexDir, "lexical.json");
        truncateSync(f, Math.floor(readFileSync(f).length / 2));
      },
    ],
    [
      "the vector file is empty",
      () => {
        const f = ["hnsw.index", "vectors.index"].map((n) => path.join(indexDir, n)).find((p) => existsSync(p));
        expect(f, "vector index file").toBeDefined();
        writeFileSync(f!, Buffer.alloc(0));
      },
    ],
    ["the manifest is garbage", () => writeFileSync(path.join(indexDir, "manifest.json"), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]))],
    ["chunks.json is missing", () => rmSync(path.join(indexDir, "chunks.json"))],
  ];

  it.each(corruptions)(
    "rebuilds when %s, and answers work",
    async (_what, corrupt) => {
      expect(existsSync(path.join(indexDir, "manifest.json"))).toBe(true);
      corrupt();
      const rt = await open();
      expect(rt.index.rebuilt).toBe(true);
      expect(rt.index.reason).toMatch(/illisible|absent/);
      expect(rt.index.index.chunks.length).toBeGreaterThan(0);
      await expectAnswers(rt);
      await rt.close();
      // The rebuilt files are sound: the next start loads them.
      const next = await open();
      expect(next.index.rebuilt).toBe(false);
      await next.close();
    },
    180_000,
  );
});
