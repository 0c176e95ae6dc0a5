/**
 * `npm run load [-- --quick] [-- --duration S] [-- --rate N]`: load test of the
 * running service on loopback, offline.
 *
 *  - starts a fake Slack Web API on 127.0.0.1 (records chat.postMessage: the
 *    answers posted after each acknowledgement);
 *  - builds the service (`npm run build`) and starts the compiled JavaScript as
 *    in production (`node <the flags of npm start> dist/main.js`) as a child process on
 *    127.0.0.1 with a temporary DATA_DIR (SQLite), no LLM, Slack enabled and the
 *    rate limits switched off through RATE_LIMIT_*_PER_MINUTE=0;
 *  - drives it at a fixed total rate (default 200 requests/s for 30 s, half to
 *    each endpoint), by default at an even pace in open loop (undici; latency
 *    from each request's due time), or with autocannon's rate limit
 *    (`--engine autocannon`, bursts at each second): `POST /api/ask` rotating through the French
 *    questions of tests/gold/*.yaml, and `POST /slack/events` with app_mention
 *    events, each with a unique event_id, a fresh timestamp and its own signature;
 *  - samples the service's resident memory (VmRSS) every 200 ms;
 *  - prints p50/p99 latency, throughput and errors per endpoint, peak RSS, the
 *    Slack answers posted and how long after its event each one arrived (p50/p99), and PASS/MISS against the goals. Exits 0 when every
 *    goal passes, 1 otherwise. It stops by itself.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createHmac, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import { freePort, HOST, serviceEnv } from "./proc.js";
import { distinctQuestions, tuningQuestions } from "./questions.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(`Usage : npm run load [-- --quick] [-- --duration SECONDES] [-- --rate REQUÊTES_PAR_SECONDE]
  --duration S   durée de la charge (défaut 30 s ; --quick : 5 s)
  --rate N       débit total fixe, partagé à parts égales entre /api/ask et /slack/events (défaut 200 requêtes/s)
  --log-level L  niveau de journalisation du service pendant la charge (défaut info, comme en production)
  --engine E     paced (défaut) : une requête toutes les 1/débit secondes, sans attendre les réponses,
                 latence mesurée depuis l'heure prévue d'envoi ; autocannon : limite de débit d'autocannon,
                 qui envoie le quota de chaque connexion d'un coup au début de chaque seconde
  --cache        150 questions du jeu de réglage en boucle (le cache des réponses sert presque tout) :
                 mesure le chemin en cache ; par défaut, chaque requête pose une question distincte
                 (perturbations des questions de tests/gold/tuning), au-delà de la taille du cache
  --storage S    sqlite (défaut, comme npm start), memory (sans écriture disque, pour isoler son coût)
                 ou postgres (avec --database-url postgres://… ou TEST_PG_URL)
  --cpu-prof DIR profil CPU du service (node --cpu-prof) écrit dans DIR à son arrêt
  --answer-workers N  fils d'exécution qui calculent les réponses (ANSWER_WORKERS du service : un nombre ou auto ; défaut : celui du service)`);
  process.exit(0);
}
function opt(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
const quick = argv.includes("--quick");
const duration = Number(opt("--duration") ?? (quick ? 5 : 30));
const rate = Number(opt("--rate") ?? 200);
const logLevel = opt("--log-level") ?? "info";
const cached = argv.includes("--cache");
const storageKind = opt("--storage") ?? "sqlite";
const engine = opt("--engine") ?? "paced";
const cpuProfDir = opt("--cpu-prof");
const answerWorkers = opt("--answer-workers");
if (answerWorkers !== undefined && !/^(\d{1,2}|auto)$/.test(answerWorkers)) fail("--answer-workers doit valoir auto ou un nombre entier de 0 à 16.");
if (!["paced", "autocannon"].includes(engine)) fail("--engine doit valoir paced ou autocannon.");
const databaseUrl = storageKind === "memory" ? "memory:" : storageKind === "postgres" ? (opt("--database-url") ?? process.env.TEST_PG_URL ?? "") : "";
if (!["sqlite", "memory", "postgres"].includes(storageKind)) fail("--storage doit valoir sqlite, memory ou postgres.");
if (storageKind === "postgres" && !/^postgres(ql)?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(databaseUrl))
  fail("--storage postgres demande --database-url postgres://…@127.0.0.1:5432/base (boucle locale uniquement).");
if (!Number.isFinite(duration) || duration < 1 || duration > 3600) fail("--duration doit être un nombre de secondes entre 1 et 3600.");
if (!Number.isInteger(rate) || rate < 2 || rate > 100_000) fail("--rate doit être un entier entre 2 et 100000.");

const GOALS = { slackAckP99Ms: 50, askP99Ms: 100, rssMb: 250 };
/** Questions asked in turn with --cache (per endpoint, each with its audience): far fewer than the answer cache holds. */
const CACHED_POOL = 150;
const SIGNING_SECRET = `load-${randomBytes(16).toString("hex")}`;
const CHANNEL = "C0LOADTEST";

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

// ---------------------------------------------------------------- questions
function loadQuestions(): string[] {
  const french = tuningQuestions(ROOT);
  if (french.length < 10) fail("Trop peu de questions dans tests/gold/tuning/*.yaml pour la charge.");
  return french;
}

// ---------------------------------------------------------------- fake Slack Web API
interface FakeSlack {
  apiUrl: string;
  posted: number;
  postedEvents: Set<string>;
  /** When each thread's first answer arrived (performance.now()). */
  postedAt: Map<string, number>;
  calls: Map<string, number>;
  close(): Promise<void>;
}

async function startFakeSlack(): Promise<FakeSlack> {
  const state = { posted: 0, postedEvents: new Set<string>(), postedAt: new Map<string, number>(), calls: new Map<string, number>() };
  let ts = 1_700_000_000;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0]!;
      state.calls.set(method, (state.calls.get(method) ?? 0) + 1);
      let body: Record<string, unknown> = { ok: true };
      if (method === "auth.test") body = { ok: true, user_id: "UBOTLOAD", bot_id: "BBOTLOAD", team_id: "T0LOAD", team: "Charge", user: "relais-ess" };
      else if (method === "chat.postMessage" || method === "chat.postEphemeral") {
        state.posted++;
        try {
          const raw = Buffer.concat(chunks).toString("utf8");
          const args = req.headers["content-type"]?.includes("json") ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
          if (typeof args.thread_ts === "string") {
            state.postedEvents.add(args.thread_ts);
            if (!state.postedAt.has(args.thread_ts)) state.postedAt.set(args.thread_ts, performance.now());
          }
        } catch {
          /* counted anyway */
        }
        body = { ok: true, channel: CHANNEL, ts: `${++ts}.000100`, message_ts: `${ts}.000100` };
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, HOST, r));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://${HOST}:${port}/api/`,
    get posted() {
      return state.posted;
    },
    postedEvents: state.postedEvents,
    postedAt: state.postedAt,
    calls: state.calls,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------- service child

/** CPU seconds (user + system) used so far by a process. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by a process's main thread (its task whose id is the pid): the one thread that reads every request and acknowledges Slack. */
function mainThreadCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function rssKb(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Number.isFinite(rss) ? { rss, hwm } : null;
  } catch {
    return null;
  }
}

async function waitReady(base: string, child: ChildProcess, stderr: () => string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`le service s'est arrêté au démarrage (code ${child.exitCode}) :\n${stderr()}`);
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
      // With answering workers, the load starts once they are all ready (before, the main thread answers).
      const body = res.status === 200 ? ((await res.json()) as { answerWorkers?: { ready: number; configured: number | "auto" } }) : undefined;
      // "auto": the worker starts under load only, so there is nothing to wait for.
      const w = body?.answerWorkers;
      if (body && (!w || w.configured === "auto" || w.ready >= w.configured)) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`le service n'est pas prêt après ${timeoutMs / 1000} s :\n${stderr()}`);
}

/** Node options of `npm start` (source maps, heap sizing), read from package.json: one place to change them. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const start = pkg.scripts?.start ?? "";
  const m = /^node\s+(.*?)\s*dist\/main\.js\s*$/.exec(start);
  if (!m) fail(`Le script "start" de package.json n'a pas la forme attendue (node … dist/main.js) : ${start}`);
  return m[1]!.split(/\s+/).filter((f) => f.startsWith("--"));
}

// ---------------------------------------------------------------- autocannon
// autocannon ships no types: the small part used here.
interface Histogram {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  average: number;
}
interface Result {
  requests: Histogram & { sent: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface CannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
type Context = Record<string, unknown>;
interface CannonOptions {
  url: string;
  duration: number;
  connections: number;
  overallRate: number;
  timeout: number;
  requests: Array<
    CannonRequest & {
      setupRequest?: (req: CannonRequest, context: Context) => CannonRequest;
      onResponse?: (status: number, body: string, context: Context) => void;
    }
  >;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (o: CannonOptions, cb: (err: Error | null, res: Result) => void) => unknown;

function sign(body: string, ts: number): string {
  return `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
}

let eventSeq = 0;
const sentEvents = new Set<string>();
const ackedThreads = new Set<string>();
/** When each event was built to be sent (performance.now()), by thread: the answer's delay runs from it. */
const sentAt = new Map<string, number>();

function slackEventBody(question: string): { body: string; threadTs: string } {
  const n = ++eventSeq;
  const eventId = `Ev${Date.now().toString(36).toUpperCase()}${n.toString(36).toUpperCase()}${randomBytes(3).toString("hex").toUpperCase()}`;
  const now = Date.now() / 1000;
  const threadTs = `${Math.floor(now)}.${String(n).padStart(6, "0")}`;
  sentEvents.add(eventId);
  sentAt.set(threadTs, performance.now());
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T0LOAD",
    api_app_id: "A0LOAD",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(now),
    authorizations: [{ team_id: "T0LOAD", user_id: "UBOTLOAD", is_bot: true }],
    event: {
      type: "app_mention",
      user: `U${(n % 500).toString(36).toUpperCase().padStart(4, "0")}LOAD`,
      text: `<@UBOTLOAD> ${question}`,
      channel: CHANNEL,
      ts: threadTs,
      event_ts: threadTs,
    },
  });
  return { body, threadTs };
}

function runCannon(opts: CannonOptions): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/**
 * Open-loop load at an even pace: request i is due at start + i / rate and is
 * sent then, whether or not earlier ones have answered (undici pool of
 * keep-alive connections; a request waits in the pool when all are busy).
 * Latency runs from the due time to the end of the response, so a slow
 * service cannot hide its queue by slowing the sender down (no "coordinated
 * omission"). autocannon's own rate limit (`--engine autocannon`) sends each
 * connection's quota back to back at the start of every second instead: the
 * same average rate, in bursts.
 */
interface PacedSpec {
  rate: number;
  duration: number;
  connections: number;
  timeoutMs: number;
  next: () => { path: string; headers: Record<string, string>; body: string; onResponse?: (status: number) => void };
}

async function runPaced(base: string, spec: PacedSpec): Promise<Result> {
  const pool = new Pool(base, { connections: spec.connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const total = Math.round(spec.rate * spec.duration);
  const latencies: number[] = [];
  const codes: Record<string, { count: number }> = {};
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let bytes = 0;
  const start = performance.now() + 20;
  const inflight: Promise<void>[] = [];
  const fire = (i: number) => {
    const due = start + (i * 1000) / spec.rate;
    const req = spec.next();
    inflight.push(
      pool
        .request({ method: "POST", path: req.path, headers: req.headers, body: req.body, headersTimeout: spec.timeoutMs, bodyTimeout: spec.timeoutMs })
        .then(async (res) => {
          const buf = Buffer.from(await res.body.arrayBuffer());
          latencies.push(performance.now() - due);
          bytes += buf.length;
          codes[res.statusCode] = { count: (codes[res.statusCode]?.count ?? 0) + 1 };
          if (res.statusCode >= 200 && res.statusCode < 300) ok++;
          else non2xx++;
          req.onResponse?.(res.statusCode);
        })
        .catch((err: { code?: string }) => {
          if (err.code === "UND_ERR_HEADERS_TIMEOUT" || err.code === "UND_ERR_BODY_TIMEOUT") timeouts++;
          else errors++;
        }),
    );
  };
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / spec.rate <= now) fire(sent++);
      if (sent >= total) return resolve();
      const wait = start + (sent * 1000) / spec.rate - performance.now();
      setTimeout(tick, Math.max(0, wait));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : 0);
  const avg = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  const lat = { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: latencies[latencies.length - 1] ?? 0, average: avg };
  return {
    requests: { sent, average: (ok + non2xx) / elapsed, p50: 0, p90: 0, p99: 0, max: 0 },
    latency: lat,
    throughput: { average: bytes / elapsed, p50: 0, p90: 0, p99: 0, max: 0 },
    errors,
    timeouts,
    non2xx,
    "2xx": ok,
    statusCodeStats: codes,
  };
}

// ---------------------------------------------------------------- report
const fmtMs = (n: number) => `${n.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} ms`;
const pad = (s: string, n: number) => s.padEnd(n);
const errorsOf = (r: Result) => r.errors + r.timeouts + r.non2xx;

/** p50, p99 and max of the delay between sending an acknowledged event and its answer's arrival at the fake Web API. */
function answerDelayLine(postedAt: Map<string, number>): string {
  const delays: number[] = [];
  for (const t of ackedThreads) {
    const sent = sentAt.get(t);
    const posted = postedAt.get(t);
    if (sent !== undefined && posted !== undefined) delays.push(posted - sent);
  }
  if (!delays.length) return "aucune mesure";
  delays.sort((a, b) => a - b);
  const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]!;
  return `p50 ${fmtMs(at(0.5))} · p99 ${fmtMs(at(0.99))} · max ${fmtMs(delays[delays.length - 1]!)}`;
}

function endpointLines(name: string, r: Result): string[] {
  return [
    `${name}`,
    `  requêtes          : ${r.requests.sent} envoyées, ${r["2xx"]} en 2xx`,
    `  latence           : p50 ${fmtMs(r.latency.p50)} · p90 ${fmtMs(r.latency.p90)} · p99 ${fmtMs(r.latency.p99)} · max ${fmtMs(r.latency.max)}`,
    `  débit             : ${r.requests.average.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} requêtes/s en moyenne, ${(r.throughput.average / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Ko/s`,
    `  erreurs           : ${errorsOf(r)} (réseau ${r.errors}, délais ${r.timeouts}, non-2xx ${r.non2xx}${Object.entries(r.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, s]) => `, HTTP ${code} × ${s.count}`)
      .join("")})`,
  ];
}

// ---------------------------------------------------------------- main
async function main(): Promise<number> {
  const gold = loadQuestions();
  // Without --cache: one distinct question per request (both endpoints), far beyond the 500 answers the cache keeps.
  // With --cache: a pool well inside the answer cache (500 answers by default; both endpoints share it). The
  // whole tuning set (600 questions and more) asked in turn would miss it every time: an LRU cycled
  // through more entries than it holds keeps none of the ones asked again.
  const questions = cached ? gold.slice(0, CACHED_POOL) : distinctQuestions(gold, Math.max(2_000, Math.ceil(rate * duration) + 100));
  console.log(
    cached
      ? `Questions : ${questions.length} questions du jeu de réglage en boucle (chemin en cache).`
      : `Questions : ${questions.length} questions distinctes tirées de ${gold.length} questions du jeu de réglage (cache des réponses dépassé).`,
  );
  const logFile = path.join(os.tmpdir(), `relais-load-${Date.now()}.log`);
  const logFd = openSync(logFile, "w");
  const fake = await startFakeSlack();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "relais-load-"));
  // Reuse the index already built in ./data when there is one (the service rebuilds it if stale).
  const builtIndex = path.join(ROOT, "data", "index");
  if (existsSync(path.join(builtIndex, "manifest.json"))) cpSync(builtIndex, path.join(dataDir, "index"), { recursive: true });
  const port = await freePort();
  const base = `http://${HOST}:${port}`;

  const env = serviceEnv(
    { port, dataDir, knowledgeDir: path.join(ROOT, "knowledge"), promptsDir: path.join(ROOT, "prompts"), logLevel },
    {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-load-test",
      SLACK_API_URL: fake.apiUrl,
      // Documented in .env.example: 0 switches a limit off. The load comes from one IP on purpose.
      RATE_LIMIT_PER_MINUTE: "0",
      RATE_LIMIT_USER_PER_MINUTE: "0",
      RATE_LIMIT_SIGNED_PER_MINUTE: "0",
      DATABASE_URL: databaseUrl,
      ...(answerWorkers !== undefined ? { ANSWER_WORKERS: answerWorkers } : {}),
    },
  );
  console.log(`Démarrage du service sur ${base} (DATA_DIR temporaire, hors ligne, Slack vers une fausse API locale)…`);
  // The compiled service, as `npm start` runs it; node directly (not through npm) so that the pid is the service's.
  console.log("Compilation du service (npm run build)…");
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-b", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) fail(`La compilation a échoué :\n${build.stdout}${build.stderr}`);
  const profFlags = cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(cpuProfDir)] : [];
  const child = spawn(process.execPath, [...startFlags(), ...profFlags, path.join(ROOT, "dist", "main.js")], {
    cwd: ROOT,
    env,
    // Service logs written as in production (one JSON line per request), to a file.
    stdio: ["ignore", logFd, "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (c: string) => {
    stderr = (stderr + c).slice(-20_000);
  });

  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const exited = await Promise.race([
        new Promise<boolean>((r) => child.once("exit", () => r(true))),
        new Promise<boolean>((r) => setTimeout(() => r(false), 15_000)),
      ]);
      if (!exited) child.kill("SIGKILL");
    }
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const t0 = Date.now();
    await waitReady(base, child, () => stderr);
    console.log(`Service prêt en ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${child.pid}).`);

    // Warm both paths once (Bolt's auth.test, first SQLite writes) before measuring.
    for (let i = 0; i < 3; i++) {
      await fetch(`${base}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: questions[i] }) });
      const { body } = slackEventBody(questions[i]!);
      const ts = Math.floor(Date.now() / 1000);
      await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) },
        body,
      });
    }
    const warmEvents = sentEvents.size;
    const warmDeadline = Date.now() + 30_000;
    while (fake.postedEvents.size < warmEvents && Date.now() < warmDeadline) await new Promise((r) => setTimeout(r, 100));
    const postedBefore = fake.posted;
    const postedEventsBefore = fake.postedEvents.size;

    // Memory sampling.
    let peakRss = 0;
    const rssStart = rssKb(child.pid!)?.rss ?? 0;
    const cpuStart = cpuSeconds(child.pid!);
    const mainCpuStart = mainThreadCpuSeconds(child.pid!);
    const loaderCpuStart = process.cpuUsage();
    const wallStart = Date.now();
    const sampler = setInterval(() => {
      const m = rssKb(child.pid!);
      if (m && m.rss > peakRss) peakRss = m.rss;
    }, 200);

    const half = Math.floor(rate / 2);
    const connections = Math.max(4, Math.min(50, Math.ceil(half / 5)));
    let askSeq = 0;
    console.log(
      `Charge : ${rate} requêtes/s pendant ${duration} s (${half}/s sur /api/ask, ${rate - half}/s sur /slack/events, ${connections} connexions chacun), ` +
        (engine === "paced" ? "à intervalles réguliers (boucle ouverte)…" : "avec la limite de débit d'autocannon (par rafales chaque seconde)…"),
    );
    const askRequest = () => {
      const question = questions[askSeq++ % questions.length]!;
      return {
        path: "/api/ask",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question, audience: askSeq % 4 === 0 ? "agent" : "porteur" }),
      };
    };
    const slackRequest = () => {
      const { body, threadTs } = slackEventBody(questions[cached ? (eventSeq * 7) % questions.length : questions.length - 1 - (eventSeq % questions.length)]!);
      const ts = Math.floor(Date.now() / 1000);
      return {
        path: "/slack/events",
        headers: { "content-type": "application/json", "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) },
        body,
        threadTs,
      };
    };
    const noteAck = (threadTs: string | undefined, status: number) => {
      if (threadTs && status >= 200 && status < 300) ackedThreads.add(threadTs);
    };
    const [ask, slack] =
      engine === "paced"
        ? await Promise.all([
            runPaced(base, { rate: half, duration, connections, timeoutMs: 10_000, next: askRequest }),
            runPaced(base, {
              rate: rate - half,
              duration,
              connections,
              timeoutMs: 10_000,
              next: () => {
                const r = slackRequest();
                return { ...r, onResponse: (status: number) => noteAck(r.threadTs, status) };
              },
            }),
          ])
        : await Promise.all([
            runCannon({
              url: base,
              duration,
              connections,
              overallRate: half,
              timeout: 10,
              requests: [{ method: "POST", path: "/api/ask", setupRequest: (req) => ({ ...req, ...askRequest() }) }],
            }),
            runCannon({
              url: base,
              duration,
              connections,
              overallRate: rate - half,
              timeout: 10,
              requests: [
                {
                  method: "POST",
                  path: "/slack/events",
                  setupRequest: (req, context) => {
                    const { threadTs, ...r } = slackRequest();
                    context.threadTs = threadTs;
                    return { ...req, ...r };
                  },
                  onResponse: (status, _body, context) => noteAck(context.threadTs as string | undefined, status),
                },
              ],
            }),
          ]);

    // Answers continue after the acks: wait (bounded) for each acknowledged event's answer.
    const answeredAcked = () => [...ackedThreads].filter((t) => fake.postedEvents.has(t)).length;
    const drainDeadline = Date.now() + 90_000;
    while (answeredAcked() < ackedThreads.size && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 250));
    // Events still in flight when the load stopped (not acknowledged in time) get their answer too: let them land.
    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(sampler);
    const cpuUsed = cpuSeconds(child.pid!) - cpuStart;
    const mainCpuUsed = mainThreadCpuSeconds(child.pid!) - mainCpuStart;
    const loaderCpu = process.cpuUsage(loaderCpuStart);
    const loaderUsed = (loaderCpu.user + loaderCpu.system) / 1e6;
    const wallUsed = (Date.now() - wallStart) / 1000;
    const final = rssKb(child.pid!);
    if (final && final.rss > peakRss) peakRss = final.rss;
    const acked = ackedThreads.size;
    const postedForAcked = answeredAcked();
    const duplicates = fake.posted - postedBefore - fake.postedEvents.size + postedEventsBefore;
    // Answering workers at the end of the load (with ANSWER_WORKERS=auto, those the load made start).
    const workers = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) })
      .then(async (r) => ((await r.json()) as { answerWorkers?: { ready: number; configured: number | "auto" } }).answerWorkers)
      .catch(() => undefined);

    // ---------------------------------------------------------------- print
    const askErr = errorsOf(ask);
    const slackErr = errorsOf(slack);
    const peakMb = peakRss / 1024;
    const check = (ok: boolean) => (ok ? "PASS" : "MISS");
    const lines = [
      "",
      `Relais ESS — charge sur ${base}, ${duration} s à ${rate} requêtes/s au total (${engine === "paced" ? "à intervalles réguliers" : "autocannon, par rafales"}), stockage ${storageKind} (${os.cpus().length} processeurs, charge système ${os.loadavg()[0]!.toFixed(1)})`,
      ...endpointLines("POST /api/ask", ask),
      ...endpointLines("POST /slack/events (accusé de réception)", slack),
      `Réponses Slack publiées après accusé : ${postedForAcked} / ${acked} événements acceptés, ${duplicates} en double (fausse API Slack ; ${warmEvents} événements d'échauffement exclus)`,
      `  délai de la réponse publiée (de l'envoi de l'événement à chat.postMessage) : ${answerDelayLine(fake.postedAt)}`,
      `Processeur du service : ${cpuUsed.toFixed(1)} s de CPU en ${wallUsed.toFixed(1)} s (${Math.round((100 * cpuUsed) / wallUsed)} % d'un cœur ; un processus Node plafonne à 100 %), soit ${((1000 * cpuUsed) / Math.max(1, ask["2xx"] + acked)).toFixed(1)} ms de CPU par requête traitée (réponses Slack comprises), dont ${((1000 * mainCpuUsed) / Math.max(1, ask["2xx"] + acked)).toFixed(1)} ms sur le fil principal (${Math.round((100 * mainCpuUsed) / wallUsed)} % d'un cœur)`,
      // The generator and the fake Slack API share the machine with the service: their CPU is not the service's to use.
      `Processeur du générateur de charge (et de la fausse API Slack) : ${loaderUsed.toFixed(1)} s de CPU (${Math.round((100 * loaderUsed) / wallUsed)} % d'un cœur) ; processeurs de la machine : ${os.availableParallelism()}`,
      `Fils de réponse : ${workers ? `${workers.ready} prêt(s) à la fin de la charge (ANSWER_WORKERS=${workers.configured})` : "aucun (ANSWER_WORKERS=0 : le fil principal répond)"}`,
      `Journaux du service : ${logFile} (${(statSync(logFile).size / 2 ** 20).toFixed(1)} Mo, niveau ${logLevel}) ; questions ${cached ? "en boucle (cache)" : "distinctes (sans cache)"}`,
      `Mémoire résidente du service : pic ${peakMb.toFixed(0)} Mo pendant la charge (début ${(rssStart / 1024).toFixed(0)} Mo, pic depuis le démarrage VmHWM ${((final?.hwm ?? 0) / 1024).toFixed(0)} Mo)`,
      "",
      "Objectifs",
      `  ${pad(`Slack : accusé de réception p99 ≤ ${GOALS.slackAckP99Ms} ms`, 46)} ${pad(fmtMs(slack.latency.p99), 12)} ${check(slack.latency.p99 <= GOALS.slackAckP99Ms)}`,
      `  ${pad(`/api/ask p99 ≤ ${GOALS.askP99Ms} ms (hors ligne)`, 46)} ${pad(fmtMs(ask.latency.p99), 12)} ${check(ask.latency.p99 <= GOALS.askP99Ms)}`,
      `  ${pad("zéro erreur (non-2xx compris)", 46)} ${pad(String(askErr + slackErr), 12)} ${check(askErr + slackErr === 0)}`,
      `  ${pad(`mémoire résidente ≤ ${GOALS.rssMb} Mo`, 46)} ${pad(`${peakMb.toFixed(0)} Mo`, 12)} ${check(peakMb <= GOALS.rssMb)}`,
      `  ${pad("une réponse Slack par événement accepté", 46)} ${pad(`${postedForAcked}/${acked}`, 12)} ${check(postedForAcked === acked && duplicates === 0)}`,
    ];
    console.log(lines.join("\n"));
    const allPass =
      slack.latency.p99 <= GOALS.slackAckP99Ms &&
      ask.latency.p99 <= GOALS.askP99Ms &&
      askErr + slackErr === 0 &&
      peakMb <= GOALS.rssMb &&
      postedForAcked === acked &&
      duplicates === 0;
    console.log(allPass ? "\nRésultat : tous les objectifs sont atteints." : "\nRésultat : au moins un objectif est manqué (MISS).");
    return allPass ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`La charge a échoué : ${(err as Error).message}`);
    process.exit(2);
  },
);
