/** Rate limits, graceful shutdown, and the `npm start` entry (exit codes, banner, SIGTERM). */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppConfig } from "../../src/config/env.js";
import { Reply } from "../../src/domain/reply.js";
import type { Assistant } from "../../src/conversation/types.js";
import type { Runtime } from "../../src/runtime.js";
import { closedPort, postJson, ROOT, startService, tempDir, testConfig, testRuntime } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let config: AppConfig;
let runtime: Runtime;

beforeAll(async () => {
  tmp = tempDir();
  config = testConfig(tmp.dir);
  runtime = await testRuntime(config);
});
afterAll(async () => {
  await runtime?.close();
  tmp?.remove();
});

const QUESTION = "Comment fonctionne le dispositif local d'accompagnement ?";

/** The real assistant, with `ask` held until `release()` (or forever). */
function heldAssistant(inner: Assistant) {
  const waiting: (() => void)[] = [];
  const assistant: Assistant = {
    get storage() {
      return inner.storage;
    },
    handle: (t) => inner.handle(t),
    ask: async (q, o) => {
      await new Promise<void>((r) => waiting.push(r));
      return inner.ask(q, o);
    },
    resolveHandoff: (id) => inner.resolveHandoff(id),
    answerHandoff: (id, text, agent) => inner.answerHandoff(id, text, agent),
    registerNotifier: (n) => inner.registerNotifier(n),
  };
  return { assistant, release: () => waiting.splice(0).forEach((r) => r()), waiting };
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("rate limits", () => {
  it("answers 429 with a French message after the per-IP limit", async () => {
    const svc = await startService({ runtime, config, settings: { rateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await postJson(`${svc.url}/api/ask`, { question: QUESTION })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await postJson(`${svc.url}/api/ask`, { question: QUESTION });
      expect(res.status).toBe(429);
      expect(res.headers.get("ratelimit-policy")).toMatch(/q=3/);
      expect(((await res.json()) as { error: string }).error).toMatch(/Trop de requêtes/);
      // Probes are never limited.
      expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    } finally {
      await svc.close();
    }
  });

  it("limits playground turns per user (anonymous cookie), not per connection", async () => {
    const svc = await startService({ runtime, config, settings: { playground: true, rateLimitPerMinute: 100, rateLimitUserPerMinute: 2 } });
    try {
      const first = await postJson(`${svc.url}/api/turn`, { conversationId: "rate-user-1", text: "aide" });
      const jar = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
      const second = await postJson(`${svc.url}/api/turn`, { conversationId: "rate-user-1", text: "aide" }, { cookie: jar });
      const third = await postJson(`${svc.url}/api/turn`, { conversationId: "rate-user-1", text: "aide" }, { cookie: jar });
      expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
      expect(((await third.json()) as { error: string }).error).toMatch(/beaucoup de messages/);
      // Another person (another cookie) from the same address still gets through.
      const other = await postJson(`${svc.url}/api/turn`, { conversationId: "rate-user-2", text: "aide" });
      expect(other.status).toBe(200);
    } finally {
      await svc.close();
    }
  });

  it("has its own, separate limit on the signed channel endpoints", async () => {
    const svc = await startService({ runtime, config, settings: { rateLimitPerMinute: 1, rateLimitSignedPerMinute: 2 } });
    try {
      const s: number[] = [];
      for (let i = 0; i < 3; i++) s.push((await postJson(`${svc.url}/api/messages`, "{bad")).status);
      expect(s).toEqual([400, 400, 429]);
      expect((await postJson(`${svc.url}/api/ask`, { question: QUESTION })).status).toBe(200);
    } finally {
      await svc.close();
    }
  });
});

describe("graceful shutdown", () => {
  it("stops accepting connections but finishes the in-flight request", async () => {
    const held = heldAssistant(runtime.assistant);
    const svc = await startService({ runtime: { ...runtime, assistant: held.assistant }, config, settings: { shutdownTimeoutMs: 5000 } });
    const pending = postJson(`${svc.url}/api/ask`, { question: QUESTION });
    await until(() => svc.service.assistant.inflight === 1);
    const closing = svc.close();
    let closed = false;
    void closing.then(() => (closed = true));
    // New connections are refused while the turn is still running.
    const refused = await fetch(`${svc.url}/healthz`).then(
      () => null,
      (e: { cause?: { code?: string } }) => e,
    );
    expect(refused?.cause?.code).toBe("ECONNREFUSED");
    expect(closed).toBe(false);
    held.release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(Reply.parse(await res.json()).type).toBe("answer");
    await closing;
    expect(svc.service.assistant.inflight).toBe(0);
  });

  it("gives up on a stuck turn after the time limit", async () => {
    const held = heldAssistant(runtime.assistant);
    const svc = await startService({ runtime: { ...runtime, assistant: held.assistant }, config, settings: { shutdownTimeoutMs: 300 } });
    const pending = postJson(`${svc.url}/api/ask`, { question: QUESTION }).then(
      (r) => r.status,
      () => "aborted",
    );
    await until(() => held.waiting.length === 1);
    const t0 = Date.now();
    await svc.close();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(await pending).toBe("aborted");
    held.release();
  });
});

// ---------------------------------------------------------------- npm start
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = path.join(ROOT, "src", "main.ts");

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs src/main.ts in a clean environment (no inherited secrets, no .env: cwd is a temp dir). */
function runMain(
  env: Record<string, string>,
  opts: { onStderr?: (all: string, kill: (s: NodeJS.Signals) => void) => void; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN], {
      cwd: tmp.dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? tmp.dir,
        KNOWLEDGE_DIR: path.join(ROOT, "knowledge"),
        PROMPTS_DIR: path.join(ROOT, "prompts"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`main.ts did not exit in time. stderr:\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => {
      stderr += String(d);
      opts.onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe("npm start (src/main.ts)", () => {
  it("prints every configuration problem and exits with code 2", async () => {
    const run = await runMain({
      DATA_DIR: path.join(tmp.dir, "data-invalid"),
      PORT: "quatre",
      WEB_PLAYGROUND: "peut-être",
      RATE_LIMIT_PER_MINUTE: "-5",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/configuration est invalide/);
    for (const v of ["PORT", "WEB_PLAYGROUND", "RATE_LIMIT_PER_MINUTE"]) expect(run.stderr).toContain(v);
    expect(run.stderr).toMatch(/\.env\.example/);
  });

  it("lists every cross-variable problem too, e.g. production without a pseudonym secret (code 2)", async () => {
    const run = await runMain({
      NODE_ENV: "production",
      DATA_DIR: path.join(tmp.dir, "data-prod"),
      LLM_MODEL: "mistral-small",
      SLACK_SIGNING_SECRET: "abc",
    });
    expect(run.code).toBe(2);
    for (const v of ["PSEUDONYM_SECRET", "LLM_MODEL", "SLACK_BOT_TOKEN"]) expect(run.stderr).toContain(v);
  });

  it("explains clearly that PostgreSQL is unreachable, without leaking the password, and exits with code 3", async () => {
    const port = await closedPort();
    const run = await runMain({ DATA_DIR: path.join(tmp.dir, "data-pg"), DATABASE_URL: `postgres://relais:motdepasse-tres-secret@127.0.0.1:${port}/relais` });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/PostgreSQL/);
    expect(run.stderr).toMatch(/injoignable/);
    expect(run.stderr).toContain(`127.0.0.1:${port}`);
    expect(run.stderr).not.toContain("motdepasse-tres-secret");
  });

  it("builds the index, serves, prints the banner and stops cleanly on SIGTERM (code 0)", async () => {
    let url: string | undefined;
    let checked: Promise<{ health: number; ready: number; ask: number }> | undefined;
    const run = await runMain(
      { DATA_DIR: path.join(tmp.dir, "data-start"), PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" },
      {
        timeoutMs: 120_000,
        onStderr: (all, kill) => {
          const m = /est démarré sur (http:\/\/127\.0\.0\.1:\d+)/.exec(all);
          if (m && !url) {
            url = m[1];
            checked = (async () => {
              const health = (await fetch(`${url}/healthz`)).status;
              const ready = (await fetch(`${url}/readyz`)).status;
              const ask = (await postJson(`${url}/api/ask`, { question: QUESTION })).status;
              kill("SIGTERM");
              return { health, ready, ask };
            })();
          }
        },
      },
    );
    expect(run.stderr).toMatch(/Construction de l'index/);
    expect(run.stderr).toMatch(/Slack\s+: désactivé/);
    expect(run.stderr).toMatch(/Stockage\s+: SQLite/);
    expect(run.stderr).toMatch(/Pour activer le reste/);
    expect(await checked).toEqual({ health: 200, ready: 200, ask: 200 });
    expect(run.stderr).toMatch(/SIGTERM reçu/);
    expect(run.stderr).toMatch(/Relais ESS est arrêté/);
    expect(run.code).toBe(0);
  }, 150_000);
});
