/**
 * Answering workers (src/workers): offline answers computed by worker threads
 * are the answers of the main thread, conversations included; a pool that
 * cannot answer leaves the main thread answering; readyz says how many are ready.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { AnswerPool, WorkerUnavailable } from "../../src/workers/answer-pool.js";
import type { Reply } from "../../src/domain/reply.js";
import { startService, tempDir, testConfig, type Running } from "../server/helpers.js";

const QUESTIONS = [
  "Combien de structures faut-il pour répondre à l'appel à communs ?",
  "c koi gard centrale",
  "Is there any support for cooperatives in the Gard?",
  "Nous sommes trois associations à Alès et voulons ouvrir un tiers-lieu ensemble : quelle action du schéma peut nous aider ?",
  "Quel temps fera-t-il demain à Nîmes ?",
];

/** What a person sees of a reply (ids of records differ from one runtime to the other). */
const seen = (r: Reply) => ({
  type: r.type,
  text: r.text,
  refused: r.refused,
  sources: r.sources.map((s) => s.id),
  route: r.route?.process,
  fit: r.fit?.map((f) => f.process),
});

async function runtime(dataDir: string, answerWorkers: number): Promise<Runtime> {
  const storage = new MemoryStorage();
  await storage.migrate();
  return createRuntime({ config: testConfig(dataDir), storage, llm: null, answerWorkers });
}

describe("answering workers", () => {
  const tmp = tempDir("relais-pool-");
  let local: Runtime;
  let pooled: Runtime;

  beforeAll(async () => {
    local = await runtime(tmp.dir, 0);
    pooled = await runtime(tmp.dir, 1);
    await pooled.pool!.ready();
  }, 120_000);
  afterAll(async () => {
    await pooled?.close();
    await local?.close();
    tmp.remove();
  });

  it("starts the configured workers and none without answerWorkers", () => {
    expect(local.pool).toBeUndefined();
    expect(pooled.pool!.size).toBe(1);
    expect(pooled.pool!.configured).toBe(1);
  });

  it("answers single questions exactly as the main thread does", async () => {
    const before = pooled.pool!.answered;
    for (const q of QUESTIONS) {
      const [a, b] = await Promise.all([local.assistant.ask(q), pooled.assistant.ask(q)]);
      expect(seen(b), q).toEqual(seen(a));
    }
    // The worker answered them (not the main thread after a failure).
    expect(pooled.pool!.answered - before).toBeGreaterThanOrEqual(QUESTIONS.length);
  });

  it("reads follow-ups with the previous topic as the main thread does", async () => {
    const turns = ["C'est quoi Gard centrale ?", "c'est gratuit ?", "et on dépose quand ?"];
    const before = pooled.pool!.answered;
    const talk = async (rt: Runtime, conversationId: string) => {
      const replies: ReturnType<typeof seen>[] = [];
      for (const text of turns) replies.push(seen(await rt.assistant.handle({ channel: "web", conversationId, userId: "u1", audience: "porteur", text })));
      return replies;
    };
    expect(await talk(pooled, "conv-pooled")).toEqual(await talk(local, "conv-local"));
    // Three answers and two readings of a follow-up, all by the worker.
    expect(pooled.pool!.answered - before).toBe(5);
  });

  it("shares the answers between concurrent questions (no answer is lost or mixed up)", async () => {
    const asked = Array.from({ length: 30 }, (_, i) => `${QUESTIONS[i % QUESTIONS.length]} (${i})`);
    const replies = await Promise.all(asked.map((q) => pooled.assistant.ask(q)));
    const expected = await Promise.all(asked.map((q) => local.assistant.ask(q)));
    expect(replies.map(seen)).toEqual(expected.map(seen));
  });

  it("says in readyz how many workers are ready", async () => {
    const svc: Running = await startService({ runtime: pooled, config: testConfig(tmp.dir) });
    try {
      const body = (await (await fetch(`${svc.url}/readyz`)).json()) as { answerWorkers?: { ready: number; configured: number } };
      expect(body.answerWorkers).toEqual({ ready: 1, configured: 1 });
    } finally {
      await svc.close();
    }
  });
});

describe("answering workers that cannot answer", () => {
  it("answers on the main thread while a dead worker is replaced, then with the new worker", async () => {
    const tmp = tempDir("relais-pool-dead-");
    const storage = new MemoryStorage();
    await storage.migrate();
    const rt = await createRuntime({ config: testConfig(tmp.dir), storage, llm: null, answerWorkers: 1 });
    try {
      const pool = rt.pool!;
      await pool.ready();
      // The worker stops as if it had crashed (test-only access to the pool's thread).
      const [slot] = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
      await slot!.worker.terminate();
      expect(pool.size).toBe(0);
      const before = pool.answered;
      const reply = await rt.assistant.ask("Qu'est-ce que Gard centrale ?");
      expect(reply.refused).toBe(false);
      expect(pool.answered).toBe(before);
      // Replaced after a pause (1 s by default), the new worker answers again.
      const deadline = Date.now() + 60_000;
      while (pool.size < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(pool.size).toBe(1);
      await rt.assistant.ask("Qui peut répondre à l'appel à communs ?");
      expect(pool.answered).toBe(before + 1);
    } finally {
      await rt.close();
      tmp.remove();
    }
  }, 120_000);

  it("refuses to start when the index is missing (read-only), with a clear error", async () => {
    const tmp = tempDir("relais-pool-empty-");
    mkdirSync(path.join(tmp.dir, "index"), { recursive: true });
    try {
      await expect(AnswerPool.start({ workers: 1, config: testConfig(tmp.dir), warmUpMs: 0 })).rejects.toBeInstanceOf(WorkerUnavailable);
    } finally {
      tmp.remove();
    }
  }, 60_000);

  it("leaves the main thread answering when the pool is closed", async () => {
    const tmp = tempDir("relais-pool-closed-");
    const rt = await runtime(tmp.dir, 1);
    try {
      await rt.pool!.ready();
      await rt.pool!.close();
      await expect(rt.pool!.answer("Qu'est-ce que Gard centrale ?", {}, "Qu'est-ce que Gard centrale ?")).rejects.toBeInstanceOf(WorkerUnavailable);
      const reply = await rt.assistant.ask("Qu'est-ce que Gard centrale ?");
      expect(reply.refused).toBe(false);
      expect(reply.sources.length).toBeGreaterThan(0);
    } finally {
      await rt.close();
      tmp.remove();
    }
  }, 120_000);
});

describe("answering workers started on demand (ANSWER_WORKERS=auto)", () => {
  /** Keeps the main thread busy (`busyMs` of every `everyMs`) until stopped. */
  function keepBusy(busyMs: number, everyMs: number): () => void {
    const timer = setInterval(() => {
      const end = performance.now() + busyMs;
      while (performance.now() < end) {
        /* the load a flood of questions puts on the main thread */
      }
    }, everyMs);
    return () => clearInterval(timer);
  }
  const until = async (cond: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };

  it("starts none with a single processor", () => {
    const tmp = tempDir("relais-pool-one-");
    try {
      expect(AnswerPool.onDemand({ workers: 1, config: testConfig(tmp.dir), cpus: 1 })).toBeNull();
    } finally {
      tmp.remove();
    }
  });

  it("starts no worker at rest, one under sustained load, which answers, and stops it after a quiet spell", async () => {
    const tmp = tempDir("relais-pool-auto-");
    const rt = await runtime(tmp.dir, 0); // builds the index the worker opens
    const pool = AnswerPool.onDemand({ workers: 1, config: testConfig(tmp.dir), cpus: 2, warmUpMs: 0, busyForMs: 400, sampleMs: 50, idleAfterMs: 1500 })!;
    try {
      // At rest: nothing starts, and nobody waits for a worker.
      await new Promise((r) => setTimeout(r, 700));
      expect(pool.onDemand).toBe(true);
      expect(pool.started).toBe(0);
      expect(pool.available).toBe(false);
      await expect(pool.answer("Qu'est-ce que Gard centrale ?", {}, "Qu'est-ce que Gard centrale ?")).rejects.toBeInstanceOf(WorkerUnavailable);
      // Under load: one worker starts (and only one), and answers as the main thread does.
      const stop = keepBusy(45, 50);
      try {
        await until(() => pool.started > 0, 10_000);
      } finally {
        stop();
      }
      expect(pool.started).toBe(1);
      await until(() => pool.available, 60_000);
      expect(pool.size).toBe(1);
      const q = "Combien de structures faut-il pour répondre à l'appel à communs ?";
      const [remote, mine] = await Promise.all([pool.answer(q, {}, q), rt.assistant.ask(q)]);
      expect(seen(remote.reply)).toEqual(seen(mine));
      // Quiet again: the worker stops and is not replaced.
      await until(() => pool.size === 0, 15_000);
      expect(pool.size).toBe(0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(pool.available).toBe(false);
      expect(pool.started).toBe(1);
    } finally {
      await pool.close();
      await rt.close();
      tmp.remove();
    }
  }, 180_000);
});
