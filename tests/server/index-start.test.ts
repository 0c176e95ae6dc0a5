/**
 * Start-up with a prebuilt index, as `npm start` runs it (src/main.ts in a child process with
 * a clean environment): the heap-fit check (exit code 5 and the limit to use, driven by the
 * child's own heap limit), and INDEX_READONLY replicas read from the environment (load the
 * artifact without writing, serve its fingerprint on /readyz, refuse clearly when it is
 * missing or from another index format).
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddings } from "../../src/retrieval/embeddings/index.js";
import { buildIndex, indexDir } from "../../src/retrieval/index-store.js";
import { ROOT, tempDir } from "./helpers.js";

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = path.join(ROOT, "src", "main.ts");

let tmp: ReturnType<typeof tempDir>;
/** A data folder holding an index built once from the bundled knowledge (as `cli index` does). */
let builtData: string;

beforeAll(async () => {
  tmp = tempDir("relais-index-start-");
  builtData = path.join(tmp.dir, "built");
  await buildIndex({ knowledgeDir: path.join(ROOT, "knowledge"), dataDir: builtData, embeddings: createEmbeddings({}) });
}, 120_000);
afterAll(() => tmp?.remove());

/** A fresh copy of the prebuilt data folder. */
function dataCopy(name: string): string {
  const dir = path.join(tmp.dir, name);
  cpSync(builtData, dir, { recursive: true });
  return dir;
}

/** Names, sizes and modification times of the index files: equal before and after means nothing was written. */
function snapshot(dataDir: string): Record<string, string> {
  const dir = indexDir(dataDir);
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => {
        const s = statSync(path.join(dir, f));
        return [f, `${s.size}:${s.mtimeMs}`];
      }),
  );
}

interface Run {
  code: number | null;
  stderr: string;
  ready?: { status: number; body: unknown };
}

/** Runs src/main.ts; once the banner is printed, reads /readyz and sends SIGTERM. */
function runMain(env: Record<string, string>, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN], {
      cwd: tmp.dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? tmp.dir,
        KNOWLEDGE_DIR: path.join(ROOT, "knowledge"),
        PROMPTS_DIR: path.join(ROOT, "prompts"),
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        WARMUP_MS: "0",
        ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let ready: Promise<Run["ready"]> | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`main.ts did not exit in time. stderr:\n${stderr}`));
    }, timeoutMs);
    child.stderr.on("data", (d) => {
      stderr += String(d);
      const m = /est démarré sur (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m && !ready)
        ready = (async () => {
          try {
            const res = await fetch(`${m[1]}/readyz`);
            return { status: res.status, body: await res.json() };
          } finally {
            child.kill("SIGTERM");
          }
        })();
    });
    child.on("exit", async (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ready: await ready });
    });
  });
}

describe("start-up with a prebuilt index", () => {
  it("refuses with code 5 and the heap limit to use when the index cannot fit in the heap", async () => {
    const data = dataCopy("small-heap");
    const before = snapshot(data);
    // 88 MB of old space (and a 1 MB semi-space): less than the ~94 MB the 309 passages need, with room for tsx to compile the sources on a cold cache.
    const run = await runMain({ DATA_DIR: data, NODE_OPTIONS: "--max-old-space-size=88 --max-semi-space-size=1" });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(
      /ne peut pas démarrer : l'index de \d+ passages demande environ \d+ Mo de mémoire, plus que la limite du tas de Node \(\d+ Mo\)/,
    );
    expect(run.stderr).toMatch(/--max-old-space-size=\d+/);
    expect(run.ready).toBeUndefined();
    expect(snapshot(data)).toEqual(before);
  }, 150_000);

  it("INDEX_READONLY=true: a replica serves the prebuilt artifact as it is, writes nothing and names it on /readyz", async () => {
    const data = dataCopy("replica");
    const before = snapshot(data);
    const manifest = JSON.parse(readFileSync(path.join(indexDir(data), "manifest.json"), "utf8")) as { corpusHash: string; builtAt: string; chunks: number };
    // Its knowledge folder has one more document: a replica neither compares nor rebuilds.
    const knowledge = path.join(tmp.dir, "knowledge-replica");
    cpSync(path.join(ROOT, "knowledge"), knowledge, { recursive: true });
    writeFileSync(
      path.join(knowledge, "partenaires", "replique-nouveau.md"),
      readFileSync(path.join(ROOT, "knowledge", "partenaires", "dla-gard-acegaa.md"), "utf8").replace(/^id:\s*dla-gard-acegaa\s*$/m, "id: replique-nouveau"),
    );
    expect(readFileSync(path.join(knowledge, "partenaires", "replique-nouveau.md"), "utf8")).toMatch(/^id: replique-nouveau$/m);
    const run = await runMain({ DATA_DIR: data, KNOWLEDGE_DIR: knowledge, INDEX_READONLY: "true" });
    expect(run.stderr).not.toMatch(/Construction de l'index/);
    expect(run.ready).toEqual({
      status: 200,
      body: expect.objectContaining({ status: "ready", index: { fingerprint: manifest.corpusHash, chunks: manifest.chunks, builtAt: manifest.builtAt } }),
    });
    expect(run.code).toBe(0);
    expect(snapshot(data)).toEqual(before);
  }, 150_000);

  it("INDEX_READONLY=true without an index: code 5, a clear message, and no index built", async () => {
    const data = path.join(tmp.dir, "replica-empty");
    const run = await runMain({ DATA_DIR: data, INDEX_READONLY: "true" });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/l'index en lecture seule \(.+\) est absent ou illisible/);
    expect(run.stderr).toMatch(/npm run cli -- index/);
    expect(existsSync(path.join(indexDir(data), "manifest.json"))).toBe(false);
  }, 150_000);

  it("INDEX_READONLY=true with an artifact of another index format: code 5, left as it is", async () => {
    const data = dataCopy("replica-old-format");
    const file = path.join(indexDir(data), "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { format: number };
    writeFileSync(file, JSON.stringify({ ...manifest, format: manifest.format - 1 }));
    const before = snapshot(data);
    const run = await runMain({ DATA_DIR: data, INDEX_READONLY: "true" });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/lecture seule/);
    expect(snapshot(data)).toEqual(before);
  }, 150_000);
});
