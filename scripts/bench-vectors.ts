/**
 * Vector search at scale: N synthetic French-like chunks embedded with the
 * offline hashed n-gram embeddings, indexed in the product's HnswStore
 * (hnswlib-node HierarchicalNSW, cosine), compared in the same run with exact
 * brute force (dot products over one contiguous Float32Array; vectors are
 * L2-normalised so the dot product is the cosine similarity).
 */
import { Document } from "@langchain/core/documents";
import { HASHED_DIMENSIONS, HashedNgramEmbeddings, hashedVector } from "../src/retrieval/embeddings/hashed.js";
import { HnswStore } from "../src/retrieval/hnsw-store.js";
import { percentile, rng, textModel } from "./bench-synthetic.js";

export interface VectorBenchOptions {
  n: number;
  queries: number;
  m: number;
  efConstruction: number;
  /** efSearch values tried, in increasing order; the smallest meeting the recall goal is kept. */
  efSearch: number[];
  recallGoal: number;
  k?: number;
  seed?: number;
  realWords?: string[];
  log?: (msg: string) => void;
}

export interface EfPoint {
  ef: number;
  recall: number;
  hnswMsPerQuery: number;
  p95Ms: number;
  /** CPU milliseconds per query (robust to other processes on the machine). */
  cpuMsPerQuery: number;
  /** Brute force / HNSW, wall-clock. */
  ratio: number;
  /** Brute force / HNSW, CPU time. */
  cpuRatio: number;
}

export interface VectorBenchResult {
  n: number;
  dims: number;
  queries: number;
  k: number;
  m: number;
  efConstruction: number;
  embedSeconds: number;
  embedCpuSeconds: number;
  embedPerSecond: number;
  buildSeconds: number;
  buildCpuSeconds: number;
  bruteMsPerQuery: number;
  bruteCpuMsPerQuery: number;
  sweep: EfPoint[];
  chosen: EfPoint;
}

/** CPU seconds (user + system) spent by this process since `since`. */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

/** Exact top-k by dot product over a row-major matrix. */
export function bruteForceTopK(matrix: Float32Array, dims: number, q: Float32Array, k: number): Int32Array {
  const n = matrix.length / dims;
  const bestIdx = new Int32Array(k).fill(-1);
  const bestSim = new Float64Array(k).fill(-Infinity);
  const d4 = dims - (dims % 4);
  for (let i = 0, off = 0; i < n; i++, off += dims) {
    // four independent accumulators: a fair, not naive, scalar loop
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let d = 0;
    for (; d < d4; d += 4) {
      s0 += matrix[off + d]! * q[d]!;
      s1 += matrix[off + d + 1]! * q[d + 1]!;
      s2 += matrix[off + d + 2]! * q[d + 2]!;
      s3 += matrix[off + d + 3]! * q[d + 3]!;
    }
    for (; d < dims; d++) s0 += matrix[off + d]! * q[d]!;
    const s = s0 + s1 + s2 + s3;
    if (s > bestSim[k - 1]!) {
      let j = k - 1;
      while (j > 0 && bestSim[j - 1]! < s) {
        bestSim[j] = bestSim[j - 1]!;
        bestIdx[j] = bestIdx[j - 1]!;
        j--;
      }
      bestSim[j] = s;
      bestIdx[j] = i;
    }
  }
  return bestIdx;
}

export async function runVectorBench(o: VectorBenchOptions): Promise<VectorBenchResult> {
  const log = o.log ?? (() => {});
  const k = o.k ?? 10;
  const dims = HASHED_DIMENSIONS;
  const seed = o.seed ?? 42;
  const r = rng(seed);
  const model = textModel({ seed, realWords: o.realWords, topics: Math.max(200, Math.round(o.n / 100)) });

  // 1–2. Synthetic chunks embedded with the product's offline embeddings, then added to the
  // product's HNSW store, batch by batch (embedding and insertion are timed separately).
  log(`  ${o.n} passages synthétiques : vecteurs n-grammes et construction HNSW (M=${o.m}, efConstruction=${o.efConstruction})…`);
  const store = new HnswStore(new HashedNgramEmbeddings(dims), { dims, m: o.m, efConstruction: o.efConstruction, efSearch: o.efSearch[0]! }, o.n);
  const matrix = new Float32Array(o.n * dims);
  const topicsOf: number[][] = [];
  let embedMs = 0;
  let embedCpu = 0;
  let buildMs = 0;
  let buildCpu = 0;
  const batch = 2_000;
  for (let i = 0; i < o.n; i += batch) {
    const end = Math.min(o.n, i + batch);
    const texts: string[] = [];
    for (let j = i; j < end; j++) {
      const p = model.passage(40 + Math.floor(r() * 60), r);
      texts.push(p.text);
      topicsOf.push(p.topics);
    }
    let t = performance.now();
    let c = process.cpuUsage();
    const vectors = texts.map((text) => hashedVector(text, dims));
    embedMs += performance.now() - t;
    embedCpu += cpuSeconds(c);
    for (let j = 0; j < vectors.length; j++) matrix.set(vectors[j]!, (i + j) * dims);
    const ids = vectors.map((_, j) => String(i + j));
    const docs = ids.map((id) => new Document({ id, pageContent: "", metadata: {} }));
    t = performance.now();
    c = process.cpuUsage();
    store.addVectorsSync(vectors, docs, ids);
    buildMs += performance.now() - t;
    buildCpu += cpuSeconds(c);
    if ((end / batch) % 10 === 0) log(`  … ${end} / ${o.n}`);
  }
  const embedSeconds = embedMs / 1000;
  const embedCpuSeconds = embedCpu;
  const buildSeconds = buildMs / 1000;
  const buildCpuSeconds = buildCpu;

  // 3. Queries: short, typo'd, accent-less texts on the topics of a random passage.
  const queries: { vec: number[]; f32: Float32Array }[] = [];
  for (let i = 0; i < o.queries; i++) {
    const target = Math.floor(r() * o.n);
    const vec = hashedVector(model.query(topicsOf[target]!, 6 + Math.floor(r() * 10), r), dims);
    queries.push({ vec, f32: Float32Array.from(vec) });
  }

  // 4. Exact brute force (ground truth and timing).
  log(`  vecteurs en ${embedSeconds.toFixed(1)} s, HNSW construit en ${buildSeconds.toFixed(1)} s ; recherche exacte sur ${o.queries} requêtes…`);
  const truth: Set<number>[] = [];
  bruteForceTopK(matrix, dims, queries[0]!.f32, k); // warm-up (JIT)
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  for (const q of queries) truth.push(new Set(bruteForceTopK(matrix, dims, q.f32, k)));
  const bruteCpuMsPerQuery = (cpuSeconds(c2) * 1000) / queries.length;
  const bruteMsPerQuery = (performance.now() - t2) / queries.length;

  // 5. HNSW at increasing efSearch.
  const index = (store as unknown as { index: { setEf(ef: number): void } }).index;
  const sweep: EfPoint[] = [];
  for (const ef of o.efSearch) {
    index.setEf(ef);
    for (const q of queries.slice(0, 20)) store.searchSync(q.vec, k); // warm-up
    const times: number[] = [];
    let found = 0;
    const c3 = process.cpuUsage();
    for (let i = 0; i < queries.length; i++) {
      const ts = performance.now();
      const res = store.searchSync(queries[i]!.vec, k);
      times.push(performance.now() - ts);
      for (const [d] of res) if (truth[i]!.has(Number(d.id))) found++;
    }
    const cpuMs = (cpuSeconds(c3) * 1000) / queries.length;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    times.sort((a, b) => a - b);
    const point: EfPoint = {
      ef,
      recall: found / (queries.length * k),
      hnswMsPerQuery: mean,
      p95Ms: percentile(times, 0.95),
      cpuMsPerQuery: cpuMs,
      ratio: bruteMsPerQuery / mean,
      cpuRatio: bruteCpuMsPerQuery / cpuMs,
    };
    sweep.push(point);
    log(
      `  efSearch=${ef} : recall@${k} ${point.recall.toFixed(3)}, ${mean.toFixed(3)} ms/requête (CPU ${cpuMs.toFixed(3)}), ×${point.cpuRatio.toFixed(0)} CPU, ×${point.ratio.toFixed(0)} réel`,
    );
    if (point.recall >= o.recallGoal) break;
  }
  const chosen = sweep.find((p) => p.recall >= o.recallGoal) ?? sweep[sweep.length - 1]!;
  return {
    n: o.n,
    dims,
    queries: o.queries,
    k,
    m: o.m,
    efConstruction: o.efConstruction,
    embedSeconds,
    embedCpuSeconds,
    embedPerSecond: o.n / embedSeconds,
    buildSeconds,
    buildCpuSeconds,
    bruteMsPerQuery,
    bruteCpuMsPerQuery,
    sweep,
    chosen,
  };
}
