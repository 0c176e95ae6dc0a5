/**
 * One measurement of `npm run bench -- --scale …`, run in its own process so that
 * start time and memory are those of a fresh service:
 *
 *   build KNOWLEDGE_DIR DATA_DIR            builds the index (as `cli index`), prints {chunks, ms}
 *   serve KNOWLEDGE_DIR DATA_DIR QUESTIONS  opens the runtime from the existing index (as the
 *        service does, under the flags of `npm start`), then prints start time, resident memory
 *        at rest, ask p50/p95 and HNSW recall@10 against brute force, as one JSON line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const [mode, knowledgeDir, dataDir, questionsFile] = process.argv.slice(2);
if (!mode || !knowledgeDir || !dataDir) {
  console.error("usage: bench-scale-child build|serve KNOWLEDGE_DIR DATA_DIR [QUESTIONS]");
  process.exit(2);
}
process.env.KNOWLEDGE_DIR = path.resolve(knowledgeDir);
for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_MODEL", "EMBEDDINGS_MODEL", "DATABASE_URL"]) delete process.env[k];

const { loadConfig } = await import("../src/config/env.js");
const { createEmbeddings } = await import("../src/retrieval/embeddings/index.js");
const config = loadConfig(
  { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir, KNOWLEDGE_DIR: path.resolve(knowledgeDir) },
  { dotenv: false },
);
const out = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

if (mode === "build") {
  const { buildIndex } = await import("../src/retrieval/index-store.js");
  const t0 = performance.now();
  const res = await buildIndex({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: createEmbeddings({}) });
  out({ chunks: res.chunks, docs: res.docs, ms: performance.now() - t0, errors: res.errors.length });
  process.exit(0);
}

// serve
const { createRuntime } = await import("../src/runtime.js");
const { MemoryStorage } = await import("../src/storage/memory.js");
const questions = JSON.parse(readFileSync(questionsFile!, "utf8")) as { question: string; audience: "agent" | "porteur" }[];
const t0 = performance.now();
const rt = await createRuntime({ config: { ...config, answerCacheSize: 0 }, storage: new MemoryStorage(), llm: null });
const runtimeMs = performance.now() - t0;
const startS = process.uptime();
// CPU time too: on a shared, busy machine the wall-clock figures mostly measure the wait.
const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const startCpuS = cpuS(process.cpuUsage());
if (rt.index.rebuilt) throw new Error("the index was rebuilt at start");
await new Promise((r) => setTimeout(r, 1000));
const rssRest = process.memoryUsage().rss;
const heapRest = process.memoryUsage().heapUsed;

for (const q of questions) await rt.assistant.ask(q.question, { audience: q.audience }); // warm-up
const ask: number[] = [];
const askCpu: number[] = [];
const search: number[] = [];
for (let round = 0; round < 2; round++)
  for (const q of questions) {
    const t = performance.now();
    const c = process.cpuUsage();
    await rt.assistant.ask(q.question, { audience: q.audience });
    askCpu.push(cpuS(process.cpuUsage(c)) * 1000);
    ask.push(performance.now() - t);
  }
for (const q of questions) {
  const t = performance.now();
  await rt.retriever.search(q.question, { audience: q.audience, k: 8 });
  search.push(performance.now() - t);
}
ask.sort((a, b) => a - b);
askCpu.sort((a, b) => a - b);
search.sort((a, b) => a - b);
const rssAfter = process.memoryUsage().rss;

// HNSW recall@10 with the product's index and settings, against exact brute force.
const { index } = rt.retriever;
const emb = index.embeddings.embeddings;
const dims = (await emb.embedQuery("dimension")).length;
const matrix = new Float32Array(index.chunks.length * dims);
for (let i = 0; i < index.chunks.length; i += 512) {
  const slice = index.chunks.slice(i, i + 512);
  const vecs = await emb.embedDocuments(slice.map((c) => `${c.title}. ${c.section}. ${c.text}`));
  vecs.forEach((v, j) => matrix.set(v, (i + j) * dims));
}
const number = new Map(index.chunks.map((c, i) => [c.id, i]));
let found = 0;
let total = 0;
for (const q of questions) {
  const v = Float32Array.from(await emb.embedQuery(q.question));
  const sims = new Float32Array(index.chunks.length);
  for (let i = 0; i < index.chunks.length; i++) {
    let s = 0;
    const o = i * dims;
    for (let d = 0; d < dims; d++) s += matrix[o + d]! * v[d]!;
    sims[i] = s;
  }
  const truth = new Set([...sims.keys()].sort((a, b) => sims[b]! - sims[a]!).slice(0, 10));
  const got = index.vectors.searchSync([...v], 10).map(([d]) => number.get(String(d.id)));
  for (const g of got) if (g !== undefined && truth.has(g)) found++;
  total += 10;
}

out({
  chunks: index.chunks.length,
  startS,
  runtimeMs,
  rssRest,
  heapRest,
  rssAfter,
  askP50: pct(ask, 0.5),
  askP95: pct(ask, 0.95),
  askCpuP50: pct(askCpu, 0.5),
  askCpuP95: pct(askCpu, 0.95),
  startCpuS,
  searchP50: pct(search, 0.5),
  searchP95: pct(search, 0.95),
  recall: found / total,
  heapLimit: (await import("node:v8")).getHeapStatistics().heap_size_limit,
});
await rt.close();
process.exit(0);
