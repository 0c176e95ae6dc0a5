/**
 * Shared setup for the fault, property and scale-out tests: temp data folders
 * (seeded with the already built index when there is one), a fake
 * OpenAI-compatible endpoint, a child service process (signed Slack events:
 * ../support/slack-requests.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ROOT, closedPort, tempDir } from "../server/helpers.js";

export { ROOT };

/** A temp data folder; with `seedIndex`, a copy of ./data/index (the runtime rebuilds it when stale). */
export function dataDir(prefix: string, seedIndex = true): ReturnType<typeof tempDir> {
  const t = tempDir(prefix);
  const built = path.join(ROOT, "data", "index");
  if (seedIndex && existsSync(path.join(built, "manifest.json"))) cpSync(built, path.join(t.dir, "index"), { recursive: true });
  return t;
}

/** French questions of the gold sets (no English ones). */
export function goldQuestions(): string[] {
  const dir = path.join(ROOT, "tests", "gold", "tuning");
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.startsWith("questions") && f.endsWith(".yaml"))) {
    const doc = parseYaml(readFileSync(path.join(dir, f), "utf8")) as { questions?: { question?: unknown }[] } | null;
    for (const q of doc?.questions ?? []) if (typeof q.question === "string") out.push(q.question);
  }
  return out.filter((q) => !/\b(the|which|what|how|does|should|where|who)\b/i.test(q));
}

// ---------------------------------------------------------------- fake LLM
export interface FakeLlm {
  /** OpenAI base URL (…/v1). */
  baseURL: string;
  /** Chat completion requests received. */
  calls: number;
  close(): Promise<void>;
}

/** An OpenAI-compatible endpoint that either never answers ("hang") or answers 500. */
export async function startFakeLlm(mode: "hang" | "500"): Promise<FakeLlm> {
  const state = { calls: 0 };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.includes("/chat/completions")) state.calls++;
      if (mode === "hang") {
        hanging.add(res); // never answered
        return;
      }
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "internal error", type: "server_error" } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get calls() {
      return state.calls;
    },
    close: () =>
      new Promise((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------- child service
export interface ChildService {
  child: ChildProcess;
  url: string;
  stderr(): string;
  /** SIGTERM, then SIGKILL after `ms`. */
  stop(ms?: number): Promise<void>;
}

/** Env for a child service: offline, blank secrets (a developer's .env never wins), no rate limits. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    KNOWLEDGE_DIR: path.join(ROOT, "knowledge"),
    PROMPTS_DIR: path.join(ROOT, "prompts"),
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    LLM_MODEL: "",
    EMBEDDINGS_MODEL: "",
    DATABASE_URL: "",
    SLACK_SIGNING_SECRET: "",
    SLACK_BOT_TOKEN: "",
    SLACK_APP_TOKEN: "",
    MicrosoftAppId: "",
    MicrosoftAppPassword: "",
    RATE_LIMIT_PER_MINUTE: "0",
    RATE_LIMIT_USER_PER_MINUTE: "0",
    RATE_LIMIT_SIGNED_PER_MINUTE: "0",
    ...extra,
  };
}

/** Starts `node --import tsx src/main.ts` (the pid is the service itself) and waits for /readyz. */
export async function startChildService(env: Record<string, string>, timeoutMs = 120_000): Promise<ChildService> {
  const port = await closedPort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "main.ts")], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port) }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (c: string) => (stderr = (stderr + c).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (ms = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), ms);
    await exited;
    clearTimeout(t);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited at start (code ${child.exitCode}):\n${stderr}`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) {
      await stop(1000);
      throw new Error(`service not ready after ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url, stderr: () => stderr, stop };
}
