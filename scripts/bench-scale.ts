/**
 * `npm run bench -- --scale 1,10,30,100`: the service on corpora N times the bundled
 * knowledge. Each size is a copy of knowledge/ plus N−1 perturbed copies of its Markdown
 * documents (about 15 % of the words replaced by other French words, new ids) in a
 * temporary folder. Per size, in fresh processes: the index is built (as `cli index`);
 * the compiled service is started exactly as `npm start` runs it (`node <flags> dist/main.js`,
 * SQLite, offline) and its start time and resident memory at rest are read (VmRSS of that
 * process, heap from its /metrics): the product's own figure, without the memory of the
 * tsx loader and its on-the-fly compilation; then the runtime opens the index under tsx,
 * with the same flags, and reports ask p50/p95 (tuning questions, answer cache off) and
 * HNSW recall@10 against brute force with the product's own settings.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { freePort, HOST, serviceEnv } from "./proc.js";
import { rng } from "./bench-synthetic.js";

const SKIP = new Set(["regles", "report", "reponses"]);

function markdownFiles(root: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(r) && r !== path.join("processus", "directory")) out.push(...markdownFiles(root, r));
    } else if (e.name.endsWith(".md") && !/^readme\.md$/i.test(e.name)) out.push(r);
  }
  return out;
}

/** A copy of a Markdown document with a new id and about `share` of its body words replaced. */
export function perturb(text: string, copy: number, words: string[], r: () => number, share = 0.15): string {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return text;
  // Process documents must carry one of the 14 process ids: their copies become partner pages.
  const front = m[1]!
    .replace(/^kind:\s*process\s*$/m, "kind: partner")
    .replace(/^id:\s*(.+)$/m, (_l, id: string) => `id: ${id.trim()}-copie-${copy}`)
    .replace(/^title:\s*"?(.*?)"?$/m, (_l, t: string) => `title: "${t.replace(/"/g, "'")} (${copy})"`);
  const body = text.slice(m[0].length).replace(/\p{L}{3,}/gu, (w) => (r() < share ? words[Math.floor(r() * words.length)]! : w));
  return `---\n${front}\n---\n${body}`;
}

/** Builds knowledge/ × times in `dir`. */
export function scaledKnowledge(source: string, dir: string, times: number, seed = 1): void {
  cpSync(source, dir, { recursive: true });
  if (times <= 1) return;
  const require = createRequire(import.meta.url);
  const french = (require("an-array-of-french-words") as string[]).filter((w) => /^\p{L}{4,}$/u.test(w));
  const r = rng(seed);
  const files = markdownFiles(source);
  for (let c = 1; c < times; c++)
    for (const f of files) {
      const target = path.join(dir, "copies", `c${c}`, f);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, perturb(readFileSync(path.join(source, f), "utf8"), c, french, r));
    }
}

function run(args: string[], nodeFlags: string[]): Promise<{ code: number; json?: Record<string, number>; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop();
      let json: Record<string, number> | undefined;
      try {
        json = last ? JSON.parse(last) : undefined;
      } catch {
        /* not JSON */
      }
      resolve({ code: code ?? 1, json, stderr: err.slice(-1500) });
    });
  });
}

function vmRssBytes(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The compiled service as `npm start` runs it (node <flags of npm start> dist/main.js, SQLite in
 * DATA_DIR, no model, no channel), on loopback: seconds until /readyz answers 200, then, one
 * second later (at rest), its VmRSS and the V8 heap in use from /metrics.
 */
export async function measureCompiledService(o: {
  root: string;
  startFlags: string[];
  knowledgeDir: string;
  dataDir: string;
}): Promise<{ startS: number; rssRest: number; heapRest: number; rebuilt: boolean }> {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const env = serviceEnv({ port, dataDir: o.dataDir, knowledgeDir: o.knowledgeDir, promptsDir: path.join(o.root, "prompts"), logLevel: "info" });
  const t0 = performance.now();
  const child = spawn(process.execPath, [...o.startFlags, path.join(o.root, "dist", "main.js")], { cwd: o.root, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (c: string) => {
    stderr = (stderr + c).slice(-20_000);
  });
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`le service compilé s'est arrêté au démarrage (code ${child.exitCode}) : ${stderr.slice(-600)}`);
      if (Date.now() > deadline) throw new Error("le service compilé n'est pas prêt après 300 s");
      const ok = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(50);
    }
    const startS = (performance.now() - t0) / 1000;
    await sleep(1000);
    const rssRest = vmRssBytes(child.pid!);
    const metrics = await fetch(`${base}/metrics`).then((r) => r.text());
    const heapRest = Number(/^relais_nodejs_heap_size_used_bytes\s+(\S+)/m.exec(metrics)?.[1] ?? NaN);
    return { startS, rssRest, heapRest, rebuilt: /index reconstruit/.test(stderr) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const exited = await Promise.race([new Promise<boolean>((r) => child.once("exit", () => r(true))), sleep(15_000).then(() => false)]);
      if (!exited) child.kill("SIGKILL");
    }
  }
}

export interface ScaleRow {
  times: number;
  chunks?: number;
  buildMs?: number;
  /** Seconds from the launch of the compiled service (`npm start`) to its first 200 on /readyz. */
  startS?: number;
  /** createRuntime under tsx (the in-process measurement). */
  runtimeMs?: number;
  /** VmRSS of the compiled service (`npm start`), one second after it is ready. */
  rssRestMb?: number;
  /** V8 heap in use at rest in the compiled service (what the start-up fit check, heapNeededBytes, estimates). */
  heapRestMb?: number;
  /** The same process measurement under tsx (loader and its compilation included), for comparison. */
  rssRestTsxMb?: number;
  heapRestTsxMb?: number;
  rssAfterMb?: number;
  askP50?: number;
  askP95?: number;
  /** CPU time (user + system) of the start and of each ask: what a busy machine does not distort. */
  startCpuS?: number;
  askCpuP50?: number;
  askCpuP95?: number;
  searchP95?: number;
  recall?: number;
  error?: string;
}

export async function runScaleBench(o: { root: string; scales: number[]; startFlags: string[]; log: (s: string) => void }): Promise<ScaleRow[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "relais-scale-"));
  const rows: ScaleRow[] = [];
  const questions: { question: string; audience: string }[] = [];
  const tuning = path.join(o.root, "tests", "gold", "tuning");
  for (const f of readdirSync(tuning)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const doc = parseYaml(readFileSync(path.join(tuning, f), "utf8")) as { questions?: { question?: unknown; audience?: unknown }[] } | null;
    for (const q of doc?.questions ?? [])
      if (typeof q.question === "string") questions.push({ question: q.question, audience: q.audience === "agent" ? "agent" : "porteur" });
  }
  const qFile = path.join(tmp, "questions.json");
  writeFileSync(qFile, JSON.stringify(questions.slice(0, 150)));
  const child = path.join(o.root, "scripts", "bench-scale-child.ts");
  o.log("compilation du service (npm run build)…");
  const build = spawnSync(process.execPath, [path.join(o.root, "node_modules", "typescript", "bin", "tsc"), "-b", "tsconfig.build.json"], {
    cwd: o.root,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`la compilation a échoué :\n${build.stdout}${build.stderr}`);
  try {
    for (const times of o.scales) {
      const kdir = path.join(tmp, `knowledge-x${times}`);
      const ddir = path.join(tmp, `data-x${times}`);
      o.log(`×${times} : connaissances perturbées…`);
      scaledKnowledge(path.join(o.root, "knowledge"), kdir, times);
      o.log(`×${times} : construction de l'index…`);
      const b = await run([child, "build", kdir, ddir], ["--max-old-space-size=4096"]);
      if (b.code !== 0 || !b.json) {
        rows.push({ times, error: `construction : code ${b.code} ${b.stderr.split("\n").slice(-3).join(" ")}` });
        continue;
      }
      o.log(`×${times} : ${b.json.chunks} passages en ${(b.json.ms / 1000).toFixed(1)} s ; service compilé (npm start)…`);
      let svc: Awaited<ReturnType<typeof measureCompiledService>>;
      try {
        svc = await measureCompiledService({ root: o.root, startFlags: o.startFlags, knowledgeDir: kdir, dataDir: ddir });
        if (svc.rebuilt) throw new Error("l'index a été reconstruit au démarrage");
      } catch (err) {
        rows.push({ times, chunks: b.json.chunks, buildMs: b.json.ms, error: `service compilé : ${(err as Error).message}` });
        continue;
      }
      o.log(`×${times} : questions et rappel (runtime sous tsx)…`);
      const s = await run([child, "serve", kdir, ddir, qFile], o.startFlags);
      if (s.code !== 0 || !s.json) {
        rows.push({ times, chunks: b.json.chunks, buildMs: b.json.ms, error: `service : code ${s.code} ${s.stderr.split("\n").slice(-4).join(" ")}` });
        continue;
      }
      const j = s.json;
      rows.push({
        times,
        chunks: j.chunks,
        buildMs: b.json.ms,
        startS: svc.startS,
        runtimeMs: j.runtimeMs,
        rssRestMb: svc.rssRest / 2 ** 20,
        heapRestMb: svc.heapRest / 2 ** 20,
        rssRestTsxMb: j.rssRest! / 2 ** 20,
        heapRestTsxMb: j.heapRest! / 2 ** 20,
        rssAfterMb: j.rssAfter! / 2 ** 20,
        askP50: j.askP50,
        askP95: j.askP95,
        startCpuS: j.startCpuS,
        askCpuP50: j.askCpuP50,
        askCpuP95: j.askCpuP95,
        searchP95: j.searchP95,
        recall: j.recall,
      });
      rmSync(kdir, { recursive: true, force: true });
      rmSync(ddir, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

export function scaleTable(rows: ScaleRow[]): string[] {
  const head =
    "| taille | passages | construction (passages/s) | démarrage (npm start / runtime sous tsx) | RSS au repos (npm start ; sous tsx / après questions) | tas au repos (npm start ; sous tsx) | ask p50 / p95 | CPU sous tsx : démarrage, ask p50 / p95 | recherche p95 | recall@10 HNSW |";
  const lines = [head, "|---|---|---|---|---|---|---|---|---|---|"];
  for (const r of rows) {
    if (r.error) {
      lines.push(
        `| ×${r.times} | ${r.chunks ?? "—"} | ${r.buildMs ? Math.round((r.chunks! / r.buildMs) * 1000) : "—"} | échec : ${r.error.replace(/\|/g, "/")} | | | | | | |`,
      );
      continue;
    }
    lines.push(
      `| ×${r.times} | ${r.chunks} | ${Math.round((r.chunks! / r.buildMs!) * 1000)} | ${r.startS!.toFixed(1)} s / ${(r.runtimeMs! / 1000).toFixed(1)} s | ${r.rssRestMb!.toFixed(0)} Mo ; ${r.rssRestTsxMb!.toFixed(0)} / ${r.rssAfterMb!.toFixed(0)} Mo | ${r.heapRestMb!.toFixed(0)} ; ${r.heapRestTsxMb!.toFixed(0)} Mo | ${r.askP50!.toFixed(1)} / ${r.askP95!.toFixed(1)} ms | ${r.startCpuS!.toFixed(1)} s, ${r.askCpuP50!.toFixed(1)} / ${r.askCpuP95!.toFixed(1)} ms | ${r.searchP95!.toFixed(1)} ms | ${r.recall!.toFixed(3)} |`,
    );
  }
  return lines;
}
