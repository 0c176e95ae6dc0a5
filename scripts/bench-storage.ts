/**
 * `npx tsx scripts/bench-storage.ts [--n N] [--pg-n N] [--rounds R] [--no-pg]`:
 * cost of the storage work one chat turn does (a Slack event), per backend:
 *
 *   claimEvent (dedupe) → getState → setState (conversation state)
 *   → recordInteraction → linkMessage
 *
 * on the raw backends (no scrubbing wrapper): memory (reference), SQLite in
 * memory (`:memory:`, no I/O: the CPU cost of the calls), SQLite on a temporary
 * file (WAL, the service's pragmas) and PostgreSQL when reachable
 * (TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres), in a
 * temporary schema dropped afterwards. Prints µs per turn (wall clock and CPU
 * time of this process, best of R rounds) and the wall-clock split per call.
 * CPU time matters on a shared machine; for PostgreSQL it is the client side only
 * (PG_PREPARED_STATEMENTS=off compares with unnamed statements).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { MemoryStorage } from "../src/storage/memory.js";
import { SqliteStorage } from "../src/storage/sqlite.js";
import { PostgresStorage } from "../src/storage/postgres.js";
import type { Storage } from "../src/storage/types.js";

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(`Usage : npx tsx scripts/bench-storage.ts [--n N] [--pg-n N] [--rounds R] [--no-pg]
  --n N       tours par manche pour la mémoire et SQLite (défaut 5000)
  --pg-n N    tours par manche pour PostgreSQL (défaut 1000)
  --rounds R  nombre de manches ; la meilleure est retenue (défaut 3)
  --no-pg     n'essaie pas PostgreSQL
PostgreSQL : TEST_PG_URL, sinon postgres://postgres@127.0.0.1:5432/postgres (schéma temporaire supprimé à la fin).`);
  process.exit(0);
}
const opt = (name: string, def: number): number => {
  const i = argv.indexOf(name);
  if (i < 0) return def;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} attend un nombre entier positif.`);
    process.exit(2);
  }
  return n;
};
const N = opt("--n", 5000);
const PG_N = opt("--pg-n", 1000);
const ROUNDS = opt("--rounds", 3);
const WARMUP = 200;
const PG_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const OPS = ["claimEvent", "getState", "setState", "recordInteraction", "linkMessage"] as const;
type Op = (typeof OPS)[number];

interface RoundResult {
  wallUs: number;
  cpuUs: number;
  perOp: Record<Op, number>;
}

const USER = "3f9c2a7be41d8c0f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f";
const QUESTION = "Quelles aides du Département pour créer une épicerie solidaire à Alès ?";
const ANSWER =
  "Le Département du Gard soutient la création d'activités d'économie sociale et solidaire par l'appel à projets ESS. " +
  "Votre structure doit être implantée dans le Gard et relever de l'ESS (loi du 31 juillet 2014). ".repeat(4);
const SOURCES = ["aap-ess-2025#criteres", "aap-ess-2025#montant", "fiche-epicerie-solidaire#financement"];

/** One chat turn, as the Slack path does it; `tag` keeps keys unique across rounds. */
async function turn(s: Storage, tag: string, i: number, perOp: Record<Op, number>): Promise<void> {
  const convKey = `slack:C0${i % 64}:${tag}.${i % 256}:${USER}`;
  let t = performance.now();
  const first = await s.claimEvent(`slack:event:Ev${tag}${i}`);
  let u = performance.now();
  perOp.claimEvent += u - t;
  if (!first) throw new Error("claimEvent: duplicate on a fresh key");
  const prev = await s.getState<Record<string, unknown>>(convKey);
  t = performance.now();
  perOp.getState += t - u;
  const state = {
    mode: "idle",
    facts: { legalForm: "association", commune: "Alès", employees: 3 },
    skipped: [],
    asked: ((prev?.asked as number | undefined) ?? 0) + 1,
    friction: {},
    lastQuestion: QUESTION,
    lastRoute: "appel-a-communs",
    lastSources: SOURCES,
  };
  await s.setState(convKey, state);
  u = performance.now();
  perOp.setState += u - t;
  const id = await s.recordInteraction({
    channel: "slack",
    audience: "porteur",
    userHash: USER,
    conversationKey: convKey,
    question: QUESTION,
    answer: ANSWER,
    sources: SOURCES,
    route: "appel-a-communs",
    refused: false,
    latencyMs: 812.4,
  });
  t = performance.now();
  perOp.recordInteraction += t - u;
  await s.linkMessage("slack", `C0${i % 64}:${tag}.${i}`, id);
  perOp.linkMessage += performance.now() - t;
}

async function round(s: Storage, n: number, r: number): Promise<RoundResult> {
  const tag = `${r}${randomBytes(3).toString("hex")}`;
  const perOp = Object.fromEntries(OPS.map((o) => [o, 0])) as Record<Op, number>;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await turn(s, tag, i, perOp);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    wallUs: (wall * 1000) / n,
    cpuUs: (cpu.user + cpu.system) / n,
    perOp: Object.fromEntries(OPS.map((o) => [o, (perOp[o] * 1000) / n])) as Record<Op, number>,
  };
}

async function bench(name: string, s: Storage, n: number): Promise<void> {
  const warm = Object.fromEntries(OPS.map((o) => [o, 0])) as Record<Op, number>;
  for (let i = 0; i < WARMUP; i++) await turn(s, "warm", i, warm);
  const rounds: RoundResult[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(s, n, r));
  const best = rounds.reduce((a, b) => (b.wallUs < a.wallUs ? b : a));
  const minCpu = Math.min(...rounds.map((x) => x.cpuUs));
  const split = OPS.map((o) => `${o} ${best.perOp[o].toFixed(1)}`).join(" · ");
  console.log(
    `${name.padEnd(10)} ${String(n).padStart(6)} tours × ${ROUNDS}  ` +
      `${best.wallUs.toFixed(1).padStart(8)} µs/tour (réel)  ${minCpu.toFixed(1).padStart(8)} µs/tour (CPU)`,
  );
  console.log(`${"".padEnd(10)} détail (µs, réel) : ${split}`);
}

async function pgReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

console.log(`Stockage : coût d'un tour (claimEvent, getState, setState, recordInteraction, linkMessage)`);

const mem = new MemoryStorage();
await mem.migrate();
await bench("mémoire", mem, N);

// No file, no I/O: what is left is the JS and SQLite CPU work of each call.
const sqliteMem = new SqliteStorage(":memory:");
await sqliteMem.migrate();
try {
  await bench("sqlite-ram", sqliteMem, N);
} finally {
  await sqliteMem.close();
}

const dir = await mkdtemp(path.join(os.tmpdir(), "relais-bench-storage-"));
try {
  const sqlite = new SqliteStorage(path.join(dir, "bench.sqlite"));
  await sqlite.migrate();
  try {
    await bench("sqlite", sqlite, N);
  } finally {
    await sqlite.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (argv.includes("--no-pg")) process.exit(0);
if (!(await pgReachable(PG_URL))) {
  console.log(`postgres   ignoré : ${PG_URL.replace(/\/\/[^@/]*@/, "//…@")} injoignable (définissez TEST_PG_URL).`);
  process.exit(0);
}
const schema = `relais_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
try {
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const store = new PostgresStorage(url.toString());
  try {
    await store.migrate();
    await bench("postgres", store, PG_N);
  } finally {
    await store.close();
  }
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch((err) => console.error(`Schéma ${schema} non supprimé : ${err}`));
  await admin.end();
}
