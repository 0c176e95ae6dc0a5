/**
 * `npm run bench -- --scale 1,10,30,100`: the service on corpora N times the bundled
 * knowledge. Each size is a copy of knowledge/ plus N−1 perturbed copies of its Markdown
 * documents (about 15 % of the words replaced by other French words, new ids) in a
 * temporary folder. Per size, in fresh processes: the index is built (as `cli index`),
 * then the runtime opens it under the flags of `npm start` and reports start time,
 * resident memory at rest, ask p50/p95 (tuning questions, answer cache off) and HNSW
 * recall@10 against brute force with the product's own settings.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
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

export interface ScaleRow {
  times: number;
  chunks?: number;
  buildMs?: number;
  startS?: number;
  runtimeMs?: number;
  rssRestMb?: number;
  /** V8 heap in use at rest (what the start-up fit check, heapNeededBytes, estimates). */
  heapRestMb?: number;
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
      o.log(`×${times} : ${b.json.chunks} passages en ${(b.json.ms / 1000).toFixed(1)} s ; démarrage et questions…`);
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
        startS: j.startS,
        runtimeMs: j.runtimeMs,
        rssRestMb: j.rssRest! / 2 ** 20,
        heapRestMb: j.heapRest! / 2 ** 20,
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
    "| taille | passages | construction (passages/s) | démarrage (processus / runtime) | RSS au repos / après | tas au repos | ask p50 / p95 | CPU : démarrage, ask p50 / p95 | recherche p95 | recall@10 HNSW |";
  const lines = [head, "|---|---|---|---|---|---|---|---|---|---|"];
  for (const r of rows) {
    if (r.error) {
      lines.push(
        `| ×${r.times} | ${r.chunks ?? "—"} | ${r.buildMs ? Math.round((r.chunks! / r.buildMs) * 1000) : "—"} | échec : ${r.error.replace(/\|/g, "/")} | | | | | | |`,
      );
      continue;
    }
    lines.push(
      `| ×${r.times} | ${r.chunks} | ${Math.round((r.chunks! / r.buildMs!) * 1000)} | ${r.startS!.toFixed(1)} s / ${(r.runtimeMs! / 1000).toFixed(1)} s | ${r.rssRestMb!.toFixed(0)} / ${r.rssAfterMb!.toFixed(0)} Mo | ${r.heapRestMb!.toFixed(0)} Mo | ${r.askP50!.toFixed(1)} / ${r.askP95!.toFixed(1)} ms | ${r.startCpuS!.toFixed(1)} s, ${r.askCpuP50!.toFixed(1)} / ${r.askCpuP95!.toFixed(1)} ms | ${r.searchP95!.toFixed(1)} ms | ${r.recall!.toFixed(3)} |`,
    );
  }
  return lines;
}
