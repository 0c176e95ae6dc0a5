/**
 * Knowledge-free helpers for the answer, routing and gold tests: a test config on a
 * temporary data folder, a runtime on the bundled knowledge with memory storage, a
 * scripted chat model (LangChain BaseChatModel) and a fake OpenAI-compatible server
 * on 127.0.0.1.
 */
import type { IndexedChunk } from "../../src/retrieval/index-store.js";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { BaseChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { RunnableLambda } from "@langchain/core/runnables";
import { afterAll, beforeAll, expect } from "vitest";
import { loadConfig, type AppConfig } from "../../src/config/env.js";
import type { Reply } from "../../src/domain/reply.js";
import { createRuntime, type Runtime, type RuntimeOptions } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const KNOWLEDGE_DIR = path.join(ROOT, "knowledge");
export const PROMPTS_DIR = path.join(ROOT, "prompts");

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Offline config on the bundled knowledge; `extra` adds environment variables. */
export function testConfig(dataDir: string, extra: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR,
      PROMPTS_DIR,
      PSEUDONYM_SECRET: "answer-tests-pseudonym-secret-0123456789",
      ...extra,
    },
    { dotenv: false },
  );
}

export interface TestRuntime {
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * A runtime on the bundled knowledge with memory storage. `llm` is passed through
 * to createRuntime: `null` = offline, a model = that model, `undefined` = the model the
 * config describes (the real ChatOpenAI when config.llm is set).
 */
export async function testRuntime(
  o: { llm?: RuntimeOptions["llm"]; config?: (dataDir: string) => AppConfig; dataDir?: string; logger?: RuntimeOptions["logger"] } = {},
): Promise<TestRuntime> {
  const tmp = o.dataDir ? null : tempDir("relais-answer-");
  const dataDir = o.dataDir ?? tmp!.dir;
  const config = o.config ? o.config(dataDir) : testConfig(dataDir);
  const storage = new MemoryStorage();
  await storage.migrate();
  const opts: RuntimeOptions = { config, storage, logger: o.logger ?? silent };
  if ("llm" in o) opts.llm = o.llm;
  const runtime = await createRuntime(opts);
  return {
    runtime,
    close: async () => {
      await runtime.close();
      tmp?.remove();
    },
  };
}

/**
 * One runtime for the tests of a file or a describe block: built before them, closed after them.
 * Read `runtime` inside a test (it does not exist before beforeAll has run).
 */
export function sharedRuntime(o: Parameters<typeof testRuntime>[0] = {}): TestRuntime {
  let built: TestRuntime | undefined;
  beforeAll(async () => {
    built = await testRuntime(o);
  }, 120_000);
  afterAll(async () => {
    await built?.close();
  });
  return {
    get runtime(): Runtime {
      if (!built) throw new Error("sharedRuntime: the runtime is built in beforeAll; read it inside a test");
      return built.runtime;
    },
    close: async () => built?.close(),
  };
}

export const silent = { warn: () => {}, error: () => {}, info: () => {} };

/** `[n]` citation numbers in a text, in order of appearance. */
export function citations(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** An answered reply: every marker points into sources, every source is cited and fully described. */
export function expectGroundedAnswer(reply: Reply, label = ""): void {
  const ctx = `${label}\n${reply.text}`;
  expect(reply.refused, ctx).toBe(false);
  expect(reply.sources.length, ctx).toBeGreaterThan(0);
  const cited = citations(reply.text);
  expect(cited.length, ctx).toBeGreaterThan(0);
  const ns = reply.sources.map((s) => s.n);
  expect(ns, ctx).toEqual(ns.map((_, i) => i + 1));
  for (const n of cited) expect(ns, `[${n}] absent des sources — ${ctx}`).toContain(n);
  for (const n of ns) expect(cited, `source ${n} jamais citée — ${ctx}`).toContain(n);
  for (const s of reply.sources) {
    expect(s.kind, ctx).toMatch(/^(schema|axe|mesure|concertation|process|partner|legal|territory|glossary)$/);
    expect(["confirmed", "reported"], ctx).toContain(s.status);
    expect(s.url ?? "", `${s.id} sans url — ${ctx}`).toMatch(/^https?:\/\/\S+$/);
    expect(s.title.length, ctx).toBeGreaterThan(0);
  }
}

// ---------------------------------------------------------------- scripted chat model

export type Script = (messages: BaseMessage[], signal?: AbortSignal) => Promise<string> | string;

/**
 * A tiny chat model whose behaviour each test sets (`model.script = …`): returns the
 * scripted text, throws, or never resolves. It records the messages it received.
 * Structured output (`withStructuredOutput`, used for routing) goes to `routeScript`
 * and is recorded in `routeCalls`; by default it fails, so the offline route is kept.
 */
export class ScriptedChatModel extends BaseChatModel {
  script: Script = () => "JE_NE_SAIS_PAS";
  calls: BaseMessage[][] = [];
  routeScript: (input: unknown) => unknown = () => {
    throw new Error("no structured output scripted");
  };
  routeCalls: unknown[] = [];

  constructor(params: BaseChatModelParams = {}) {
    super(params);
    // Assigned rather than overridden: the overloads of withStructuredOutput are not worth typing here.
    (this as unknown as { withStructuredOutput: unknown }).withStructuredOutput = () =>
      RunnableLambda.from(async (input: unknown) => {
        this.routeCalls.push(input);
        return this.routeScript(input);
      });
  }

  _llmType(): string {
    return "scripted";
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    this.calls.push(messages);
    const text = await this.script(messages, options.signal);
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

/** Passages `[n] …` given to the model in its system prompt: n → plain text of the passage. */
export function promptPassages(messages: BaseMessage[]): Map<number, { heading: string; text: string }> {
  const system = messages.find((m) => m.getType() === "system");
  const content = typeof system?.content === "string" ? system.content : "";
  const out = new Map<number, { heading: string; text: string }>();
  const parts = content.split(/^\[(\d+)\] /m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const [heading, ...rest] = parts[i + 1]!.split("\n");
    out.set(Number(parts[i]), { heading: heading ?? "", text: rest.join("\n").replace(/\s+/g, " ").trim() });
  }
  return out;
}

// ---------------------------------------------------------------- fake OpenAI server

export type FakeOpenAIMode = "ok" | "error" | "hang";

export interface FakeOpenAI {
  baseURL: string;
  mode: FakeOpenAIMode;
  /** Text the server answers in mode "ok". */
  reply: string;
  /** Streamed requests (`stream: true`): the pieces sent, in order (default: the reply in pieces of about 3 words). */
  chunks?: string[];
  /** Pause between two streamed pieces, ms (default 0). */
  chunkDelayMs?: number;
  requests: { path: string; body: unknown }[];
  close(): Promise<void>;
}

/** The reply cut into pieces of `words` words, spaces kept (joined, they give the reply back). */
export function wordChunks(text: string, words = 3): string[] {
  const parts = text.split(/(?<=\s)/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += words) out.push(parts.slice(i, i + words).join(""));
  return out;
}

/** Answers a `stream: true` request as server-sent events, one chunk per piece. */
async function streamCompletion(res: http.ServerResponse, pieces: string[], delayMs: number): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const base = { id: "chatcmpl-test", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: "fake" };
  const send = (choice: Record<string, unknown>) => res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, logprobs: null, ...choice }] })}\n\n`);
  send({ delta: { role: "assistant", content: "" }, finish_reason: null });
  for (const piece of pieces) {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (res.destroyed) return;
    send({ delta: { content: piece }, finish_reason: null });
  }
  send({ delta: {}, finish_reason: "stop" });
  res.end("data: [DONE]\n\n");
}

/** An OpenAI-compatible server on 127.0.0.1 answering POST /v1/chat/completions (plain or streamed). */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const state: FakeOpenAI = {
    baseURL: "",
    mode: "ok",
    reply: "",
    requests: [],
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = null;
      }
      state.requests.push({ path: req.url ?? "", body });
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      if (state.mode === "hang") return; // never answers
      if (state.mode === "error") {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "boom", type: "server_error" } }));
        return;
      }
      if ((body as { stream?: boolean } | null)?.stream) {
        void streamCompletion(res, state.chunks ?? wordChunks(state.reply), state.chunkDelayMs ?? 0);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-test",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: "fake",
          choices: [{ index: 0, message: { role: "assistant", content: state.reply }, finish_reason: "stop", logprobs: null }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  state.baseURL = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

/** One passage of a made-up partner document (`docId`), for tests that feed the extractive answer passages of their own. */
export function partnerChunk(docId: string, text: string): IndexedChunk {
  return {
    id: `${docId}#0`,
    docId,
    title: docId,
    kind: "partner",
    nature: "acteur",
    status: "confirmed",
    audience: "all",
    section: "",
    headingPath: [],
    text,
    tags: [],
  };
}
