/**
 * `npm run bench [-- --quick] [-- --json FILE]`: performance figures of Relais ESS on the
 * bundled knowledge, offline (no LLM, no remote embeddings, in-memory storage):
 *
 *  - `ask` latency p50/p95 in-process over the questions of ../shared/eval/dev.yaml
 *    (fallback: tests/gold/*.yaml), after a warm-up pass, several rounds;
 *  - index build throughput: pure build (buildInMemory of loaded documents), full
 *    build (load + build + save), and the corpus replicated N times;
 *  - peak memory (maxRSS, heap);
 *  - vector search at 100 000 synthetic chunks: HNSW vs exact brute force.
 *
 * Prints a table with the goals and PASS/MISS; always exits 0 (it is a measurement).
 * Timings are wall-clock; CPU time is shown next to them because a loaded machine
 * (other processes on the same cores) inflates wall-clock figures.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const KNOWLEDGE_DIR = path.join(ROOT, "knowledge");
// Offline and bundled knowledge, whatever the caller's environment or .env says.
process.env.KNOWLEDGE_DIR = KNOWLEDGE_DIR;
process.env.PROMPTS_DIR = path.join(ROOT, "prompts");
for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_MODEL", "EMBEDDINGS_MODEL", "DATABASE_URL"]) delete process.env[k];

const { loadConfig } = await import("../src/config/env.js");
const { loadCorpus } = await import("../src/knowledge/corpus.js");
const { createEmbeddings } = await import("../src/retrieval/embeddings/index.js");
const { buildIndex, buildInMemory } = await import("../src/retrieval/index-store.js");
const { createRuntime } = await import("../src/runtime.js");
const { MemoryStorage } = await import("../src/storage/memory.js");
const { loadEvalSet } = await import("../src/eval/run.js");
const { median, percentile, replicateCorpus } = await import("./bench-synthetic.js");
const { cpuSeconds, runVectorBench } = await import("./bench-vectors.js");
const { hnswParams } = await import("../src/retrieval/hnsw-store.js");
const hnswParamsFor = (n: number) => {
  const p = hnswParams(n);
  return { m: p.m, efConstruction: p.efConstruction, efSearch: [p.efSearch] };
};

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(`Usage : npm run bench [-- --quick] [-- --json FICHIER]
  --quick        exécution courte (20 000 vecteurs synthétiques, moins de tours)
  --json FICHIER écrit aussi les mesures en JSON dans FICHIER
  --vectors N    nombre de passages synthétiques pour la recherche vectorielle (défaut 100000)
  --cpu | --wall juge les objectifs sur le temps CPU ou sur le temps réel
                 (par défaut : temps réel, sauf si la machine est surchargée)
  --scale 1,10,30,100  construit des copies perturbées des connaissances (×N) et mesure, pour
                 chaque taille, la construction, le démarrage, la mémoire, ask p50/p95 et le recall HNSW`);
  process.exit(0);
}
const scaleIdx = argv.indexOf("--scale");
if (scaleIdx >= 0) {
  const scales = String(argv[scaleIdx + 1] ?? "")
    .split(",")
    .map(Number);
  if (scales.length === 0 || scales.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) {
    console.error("--scale attend des entiers séparés par des virgules, par exemple --scale 1,10,30,100.");
    process.exit(2);
  }
  const { runScaleBench, scaleTable } = await import("./bench-scale.js");
  const { readFileSync } = await import("node:fs");
  const start = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start!;
  const startFlags = start.split(/\s+/).filter((f) => f.startsWith("--"));
  console.error(`Relais ESS — mesure par taille de corpus (${scales.map((n) => `×${n}`).join(", ")}), options de npm start : ${startFlags.join(" ")}`);
  const scaleRows = await runScaleBench({ root: ROOT, scales, startFlags, log: (m) => console.error(`  ${m}`) });
  console.log(scaleTable(scaleRows).join("\n"));
  const out = argv.indexOf("--json");
  if (out >= 0 && argv[out + 1]) await writeFile(argv[out + 1]!, JSON.stringify({ scale: scaleRows }, null, 2));
  process.exit(0);
}
const quick = argv.includes("--quick");
const jsonIdx = argv.indexOf("--json");
const jsonFile = jsonIdx >= 0 ? argv[jsonIdx + 1] : undefined;
const vecIdx = argv.indexOf("--vectors");
const vectorsN = vecIdx >= 0 ? Number(argv[vecIdx + 1]) : quick ? 20_000 : 100_000;
if (!Number.isInteger(vectorsN) || vectorsN < 1_000) {
  console.error("--vectors doit être un entier ≥ 1000.");
  process.exit(2);
}

const P = {
  askRounds: quick ? 2 : 5,
  buildRounds: quick ? 2 : 3,
  replicate: quick ? 5 : 20,
  vectors: vectorsN,
  queries: 200,
  // The product's own settings for that many passages (src/retrieval/hnsw-store.ts, hnswParams):
  // recall@10 is measured with exactly what the service builds, no sweep.
  ...hnswParamsFor(vectorsN),
};
const GOALS = { askP95Ms: 25, chunksPerSecond: 2_000, speedRatio: 30, recall: 0.95 };

// ---------------------------------------------------------------- helpers
const log = (msg: string) => process.stderr.write(`${msg}\n`);
let heapPeak = 0;
function sampleHeap(): void {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}
const heapTimer = setInterval(sampleHeap, 50);
heapTimer.unref();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} Mo`;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtInt = (x: number) =>
  Math.round(x)
    .toLocaleString("fr-FR")
    .replace(/\u202f|\u00a0/g, " ");

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  sampleHeap();
  return { value, wall, cpu };
}

interface Row {
  label: string;
  value: string;
  goal: string;
  status: string;
}
const rows: Row[] = [];
/** `timed`: the goal is about time, judged on CPU time when the machine is overloaded. */
const row = (label: string, value: string, goal = "", pass?: boolean, timed = true) =>
  rows.push({ label, value, goal, status: pass === undefined ? "" : `${pass ? "PASS" : "MISS"}${byCpu && timed ? " (CPU)" : ""}` });

// ---------------------------------------------------------------- run
const started = performance.now();
const load = os.loadavg()[0]!;
const cores = os.availableParallelism();
// On an overloaded machine wall-clock time measures the other processes, not this code:
// goals are then judged on CPU time (single-threaded work: CPU time ≈ wall time on an idle machine).
const byCpu = argv.includes("--cpu") || (!argv.includes("--wall") && load > cores);
log(`Relais ESS — banc de mesure${quick ? " (rapide)" : ""} · Node ${process.version} · ${cores} cœurs · charge ${load.toFixed(1)}`);
if (load > cores) log(`Attention : la machine est chargée (charge ${load.toFixed(1)} pour ${cores} cœurs) ; les temps réels seront gonflés.`);
if (byCpu) log("Objectifs jugés sur le temps CPU (--wall pour juger sur le temps réel).");

const dataDir = await mkdtemp(path.join(os.tmpdir(), "relais-bench-"));
const results: Record<string, unknown> = { quick, node: process.version, cores, loadAverage: load, judgedOn: byCpu ? "cpu" : "wall", params: P };
try {
  const config = loadConfig(
    { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir, KNOWLEDGE_DIR, PROMPTS_DIR: process.env.PROMPTS_DIR },
    { dotenv: false },
  );
  const embeddings = createEmbeddings({});

  // 1. Index build on the real knowledge.
  log("1/4 Construction de l'index…");
  const loads = [];
  for (let i = 0; i < P.buildRounds; i++) loads.push(await timed(() => loadCorpus(KNOWLEDGE_DIR)));
  const { docs, errors } = loads[0]!.value;
  if (errors.length) log(`  ${errors.length} document(s) en erreur ignoré(s) : ${errors.map((e) => e.path).join(", ")}`);
  const chunkCount = docs.reduce((n, d) => n + d.chunks.length, 0);
  const loadWall = median(loads.map((x) => x.wall));

  await buildInMemory(docs, embeddings); // warm-up (JIT, stem cache)
  const pure = [];
  for (let i = 0; i < P.buildRounds; i++) pure.push(await timed(() => buildInMemory(docs, embeddings)));
  const pureWall = median(pure.map((x) => x.wall));
  const pureCpu = median(pure.map((x) => x.cpu));

  const full = [];
  for (let i = 0; i < P.buildRounds; i++) full.push(await timed(() => buildIndex({ knowledgeDir: KNOWLEDGE_DIR, dataDir, embeddings })));
  const fullWall = median(full.map((x) => x.wall));
  const fullCpu = median(full.map((x) => x.cpu));

  const replicated = replicateCorpus(docs, P.replicate);
  const repChunks = replicated.reduce((n, d) => n + d.chunks.length, 0);
  const rep = [];
  for (let i = 0; i < Math.min(2, P.buildRounds); i++) rep.push(await timed(() => buildInMemory(replicated, embeddings)));
  const repWall = median(rep.map((x) => x.wall));
  const repCpu = median(rep.map((x) => x.cpu));

  // Where the pure build spends its time: embeddings vs lexical vs HNSW.
  const texts = replicated.flatMap((d) => d.chunks.map((c) => `${d.meta.title}. ${c.headingPath.slice(1).join(" › ")}. ${c.text}`));
  const emb = await timed(() => embeddings.embeddings.embedDocuments(texts));

  row(`Chargement des documents (${docs.length} docs, ${chunkCount} passages)`, `${ms(loadWall * 1000)} ms`);
  row(
    `Construction pure (buildInMemory, ${chunkCount} passages)`,
    `${fmtInt(chunkCount / pureWall)} passages/s (CPU ${fmtInt(chunkCount / pureCpu)})`,
    `≥ ${fmtInt(GOALS.chunksPerSecond)}/s`,
    chunkCount / (byCpu ? pureCpu : pureWall) >= GOALS.chunksPerSecond,
  );
  row(
    `Construction complète (chargement + index + écriture)`,
    `${fmtInt(chunkCount / fullWall)} passages/s (${ms(fullWall * 1000)} ms, CPU ${ms(fullCpu * 1000)} ms)`,
    `≥ ${fmtInt(GOALS.chunksPerSecond)}/s`,
    chunkCount / (byCpu ? fullCpu : fullWall) >= GOALS.chunksPerSecond,
  );
  row(
    `Construction pure, corpus ×${P.replicate} (${fmtInt(repChunks)} passages)`,
    `${fmtInt(repChunks / repWall)} passages/s (CPU ${fmtInt(repChunks / repCpu)})`,
    `≥ ${fmtInt(GOALS.chunksPerSecond)}/s`,
    repChunks / (byCpu ? repCpu : repWall) >= GOALS.chunksPerSecond,
  );
  row(`  dont vecteurs n-grammes seuls (embedDocuments)`, `${fmtInt(repChunks / emb.wall)} passages/s (CPU ${fmtInt(repChunks / emb.cpu)})`);
  results.build = {
    docs: docs.length,
    chunks: chunkCount,
    loadMs: loadWall * 1000,
    pure: { wallMs: pureWall * 1000, cpuMs: pureCpu * 1000, chunksPerSecond: chunkCount / pureWall },
    full: { wallMs: fullWall * 1000, cpuMs: fullCpu * 1000, chunksPerSecond: chunkCount / fullWall },
    replicated: { times: P.replicate, chunks: repChunks, wallMs: repWall * 1000, cpuMs: repCpu * 1000, chunksPerSecond: repChunks / repWall },
    embeddingsOnly: { chunksPerSecond: repChunks / emb.wall, cpuChunksPerSecond: repChunks / emb.cpu },
  };
  texts.length = 0;
  replicated.length = 0;

  // 2. ask latency, in-process, offline.
  log("2/4 Latence de ask…");
  const devFile = path.resolve(ROOT, "..", "shared", "eval", "dev.yaml");
  let questions: { question: string; audience: "agent" | "porteur" }[] = [];
  let questionSource: string;
  if (existsSync(devFile)) {
    questions = (await loadEvalSet(devFile)).questions;
    questionSource = "dev.yaml";
  } else {
    const goldDir = path.join(ROOT, "tests", "gold", "tuning");
    for (const f of readdirSync(goldDir)
      .filter((f) => f.endsWith(".yaml"))
      .sort())
      questions.push(...(await loadEvalSet(path.join(goldDir, f))).questions);
    questionSource = "tests/gold";
  }
  if (questions.length === 0) throw new Error("aucune question pour mesurer la latence");

  const opened = await timed(() => createRuntime({ config: { ...config, answerCacheSize: 0 }, storage: new MemoryStorage(), llm: null }));
  const rt = opened.value;
  const rebuilt = rt.index.rebuilt;
  // warm-up pass
  for (const q of questions) await rt.assistant.ask(q.question, { audience: q.audience });
  const askTimes: number[] = [];
  const askCpuTimes: number[] = [];
  const searchTimes: number[] = [];
  for (let r = 0; r < P.askRounds; r++) {
    for (const q of questions) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await rt.assistant.ask(q.question, { audience: q.audience });
      askTimes.push(performance.now() - t0);
      askCpuTimes.push(cpuSeconds(c0) * 1000);
    }
  }
  const askCpuMs = askCpuTimes.reduce((a, b) => a + b, 0) / askCpuTimes.length;
  askCpuTimes.sort((a, b) => a - b);
  const askCpuP95 = percentile(askCpuTimes, 0.95);
  for (const q of questions) {
    const t0 = performance.now();
    await rt.retriever.search(q.question, { audience: q.audience, k: 8 });
    searchTimes.push(performance.now() - t0);
  }
  await rt.close();
  sampleHeap();
  askTimes.sort((a, b) => a - b);
  searchTimes.sort((a, b) => a - b);
  const askP50 = percentile(askTimes, 0.5);
  const askP95 = percentile(askTimes, 0.95);
  const askMax = askTimes[askTimes.length - 1]!;
  row(
    `ask p50 / p95 (${questions.length} questions ${questionSource} × ${P.askRounds} tours)`,
    `${ms(askP50)} / ${ms(askP95)} ms (max ${ms(askMax)} ; CPU moy. ${ms(askCpuMs)}, p95 ${ms(askCpuP95)})`,
    `p95 ≤ ${GOALS.askP95Ms} ms`,
    (byCpu ? askCpuP95 : askP95) <= GOALS.askP95Ms,
  );
  row(`  dont recherche hybride seule p50 / p95`, `${ms(percentile(searchTimes, 0.5))} / ${ms(percentile(searchTimes, 0.95))} ms`);
  row(
    `Démarrage (createRuntime : index existant, géographie, routeur)`,
    `${ms(opened.wall * 1000)} ms (CPU ${ms(opened.cpu * 1000)} ms)${rebuilt ? " (index reconstruit)" : ""}`,
  );
  results.ask = {
    questions: questions.length,
    source: questionSource,
    rounds: P.askRounds,
    p50Ms: askP50,
    p95Ms: askP95,
    maxMs: askMax,
    cpuMeanMs: askCpuMs,
    cpuP95Ms: askCpuP95,
    search: { p50Ms: percentile(searchTimes, 0.5), p95Ms: percentile(searchTimes, 0.95) },
    runtimeOpenMs: opened.wall * 1000,
    runtimeOpenCpuMs: opened.cpu * 1000,
  };

  // 3. Memory at product scale (before the synthetic vectors).
  const rssProduct = process.resourceUsage().maxRSS * 1024;
  const heapProduct = heapPeak;
  row(`Mémoire de pointe (index réel + ask)`, `RSS ${mb(rssProduct)}, tas ${mb(heapProduct)}`);

  // 4. Vector search at scale.
  log(`3/4 Recherche vectorielle sur ${fmtInt(P.vectors)} passages synthétiques…`);
  const vb = await runVectorBench({
    n: P.vectors,
    queries: P.queries,
    m: P.m,
    efConstruction: P.efConstruction,
    efSearch: P.efSearch,
    recallGoal: GOALS.recall,
    log,
  });
  sampleHeap();
  const c = vb.chosen;
  row(
    `HNSW ${fmtInt(vb.n)} × ${vb.dims} dims : construction`,
    `${vb.buildSeconds.toFixed(1)} s (CPU ${vb.buildCpuSeconds.toFixed(1)} s, ${fmtInt(vb.n / vb.buildSeconds)} vecteurs/s)`,
  );
  row(`  vecteurs n-grammes des ${fmtInt(vb.n)} passages`, `${vb.embedSeconds.toFixed(1)} s (CPU ${vb.embedCpuSeconds.toFixed(1)} s)`);
  row(`  paramètres retenus`, `M=${vb.m}, efConstruction=${vb.efConstruction}, efSearch=${c.ef}`);
  row(`Recherche exacte (force brute), ${vb.queries} requêtes`, `${ms(vb.bruteMsPerQuery)} ms/requête (CPU ${ms(vb.bruteCpuMsPerQuery)})`);
  row(`Recherche HNSW, ${vb.queries} requêtes`, `${ms(c.hnswMsPerQuery)} ms/requête (p95 ${ms(c.p95Ms)}, CPU ${ms(c.cpuMsPerQuery)})`);
  row(
    `HNSW : gain de vitesse (temps réel ; CPU)`,
    `×${c.ratio.toFixed(0)} ; ×${c.cpuRatio.toFixed(0)}`,
    `≥ ×${GOALS.speedRatio}`,
    (byCpu ? c.cpuRatio : c.ratio) >= GOALS.speedRatio,
  );
  row(`HNSW : recall@${vb.k}`, c.recall.toFixed(3), `≥ ${GOALS.recall}`, c.recall >= GOALS.recall, false);
  results.vectors = vb;

  const rssTotal = process.resourceUsage().maxRSS * 1024;
  row(`Mémoire de pointe (totale, avec ${fmtInt(vb.n)} vecteurs)`, `RSS ${mb(rssTotal)}, tas ${mb(heapPeak)}`);
  results.memory = {
    productMaxRssBytes: rssProduct,
    productHeapPeakBytes: heapProduct,
    totalMaxRssBytes: rssTotal,
    heapPeakBytes: heapPeak,
    heapLimitBytes: v8.getHeapStatistics().heap_size_limit,
  };
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- report
log("4/4 Résultats");
const total = (performance.now() - started) / 1000;
const w = [Math.max(...rows.map((r) => r.label.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(8, ...rows.map((r) => r.goal.length))];
const line = (a: string, b: string, g: string, s: string) => `${a.padEnd(w[0]!)} │ ${b.padEnd(w[1]!)} │ ${g.padEnd(w[2]!)} │ ${s}`;
console.log("");
console.log(line("Mesure", "Valeur", "Objectif", "Statut"));
console.log(`${"─".repeat(w[0]!)}─┼─${"─".repeat(w[1]!)}─┼─${"─".repeat(w[2]!)}─┼───────`);
for (const r of rows) console.log(line(r.label, r.value, r.goal, r.status));
const judged = rows.filter((r) => r.status);
const missed = judged.filter((r) => r.status.startsWith("MISS")).length;
console.log("");
console.log(
  `${judged.length - missed}/${judged.length} objectifs atteints · durée ${total.toFixed(0)} s · charge machine au départ ${load.toFixed(1)} (${cores} cœurs)`,
);
if (jsonFile) {
  results.rows = rows;
  results.seconds = total;
  await writeFile(jsonFile, JSON.stringify(results, null, 2));
  console.log(`Mesures JSON écrites dans ${jsonFile}`);
}
process.exit(0);
