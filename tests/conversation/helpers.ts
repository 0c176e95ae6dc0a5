/**
 * Shared set-up for the conversation tests: the real core (bundled knowledge,
 * offline answers, no LLM) on a temp data folder, and a tiny driver that sends
 * turns of one conversation and checks every reply against the `Reply` schema.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { loadConfig, type AppConfig } from "../../src/config/env.js";
import { Reply, type TurnInput } from "../../src/domain/reply.js";
import type { Assistant } from "../../src/conversation/types.js";
import { createRuntime, type Runtime, type RuntimeOptions } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";

export const SECRET = "conversation-test-secret-0123456789abcdef";

export interface TestCore {
  runtime: Runtime;
  storage: Storage;
  config: AppConfig;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** Builds the whole core once (call it in beforeAll). */
export async function buildCore(opts: Partial<Omit<RuntimeOptions, "config">> = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "conv-test-"));
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PSEUDONYM_SECRET: SECRET, LOG_LEVEL: "silent" }, { dotenv: false });
  const storage = opts.storage ?? new MemoryStorage();
  const runtime = await createRuntime({ config, storage, llm: null, ...opts });
  return {
    runtime,
    storage,
    config,
    dataDir,
    cleanup: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One core for a whole test file: built before its tests, closed after them. The fields read
 * the core built (`core.runtime`, `core.storage`…), so they are used inside tests only.
 */
export function sharedCore(opts: Partial<Omit<RuntimeOptions, "config">> = {}): TestCore {
  let built: TestCore | undefined;
  beforeAll(async () => {
    built = await buildCore(opts);
  }, 120_000);
  afterAll(async () => {
    await built?.cleanup();
  });
  const get = (): TestCore => {
    if (!built) throw new Error("sharedCore: the core is built in beforeAll; read it inside a test");
    return built;
  };
  return {
    get runtime() {
      return get().runtime;
    },
    get storage() {
      return get().storage;
    },
    get config() {
      return get().config;
    },
    get dataDir() {
      return get().dataDir;
    },
    cleanup: async () => get().cleanup(),
  };
}

let counter = 0;
/** A fresh conversation id (so tests never share state). */
export const uid = (prefix = "conv") => `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export type Base = Omit<TurnInput, "text" | "action" | "form">;

/** One conversation with the assistant; every reply is checked against the Reply schema. */
export function conversation(assistant: Assistant, base: Partial<Base> = {}) {
  const b: Base = { channel: "cli", conversationId: uid(), userId: uid("user"), ...base };
  const check = (r: Reply): Reply => {
    expect(() => Reply.parse(r)).not.toThrow();
    return r;
  };
  return {
    base: b,
    say: async (text: string) => check(await assistant.handle({ ...b, text })),
    click: async (id: NonNullable<TurnInput["action"]>["id"], value?: string, comment?: string) =>
      check(await assistant.handle({ ...b, action: { id, value, comment } })),
    form: async (kind: "eligibility" | "friction", values: Record<string, unknown>) => check(await assistant.handle({ ...b, form: { kind, values } })),
  };
}

/** Every `[n]` marker in a text. */
export function markers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** The stored conversation state of a driver's conversation (key format of the core). */
export async function stateOf(storage: Storage, base: Base, secret = SECRET): Promise<Record<string, any> | null> {
  const { userHash } = await import("../../src/privacy/pseudonym.js");
  const key = `${base.channel}:${base.conversationId}:${base.threadId ?? "-"}:${userHash(String(base.channel), String(base.userId), secret)}`;
  return storage.getState<Record<string, any>>(key);
}
