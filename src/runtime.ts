/**
 * Composition root: the answering part (src/answering.ts) → the conversation
 * core on a storage. Every entry point (CLI, service, tests) builds its runtime
 * here; channels receive the resulting Assistant. With `answerWorkers`, offline
 * answers are computed by worker threads (src/workers) and the event loop keeps
 * serving requests.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Answerer } from "./answer/answerer.js";
import { type AnsweringOptions, createAnswering } from "./answering.js";
import { createAssistant } from "./conversation/assistant.js";
import type { Assistant, HandoffTargets } from "./conversation/types.js";
import type { OpenResult } from "./retrieval/index-store.js";
import type { Retriever } from "./retrieval/retriever.js";
import type { Router } from "./routing/router.js";
import { createStorage } from "./storage/index.js";
import type { Storage } from "./storage/types.js";
import { AnswerPool } from "./workers/answer-pool.js";

export interface Runtime {
  assistant: Assistant;
  answerer: Answerer;
  retriever: Retriever;
  router: Router;
  storage: Storage;
  index: OpenResult;
  llm: BaseChatModel | null;
  /** The answering workers, when offline answers run off the main thread. */
  pool?: AnswerPool;
  close(): Promise<void>;
}

export interface RuntimeOptions extends AnsweringOptions {
  /** Use this storage instead of opening the configured one. */
  storage?: Storage;
  handoffTargets?: HandoffTargets;
  /**
   * Worker threads that compute offline answers (0 or absent: on the main thread; ignored with a model);
   * "auto": one, started only while the main thread is busy (none with a single processor).
   */
  answerWorkers?: number | "auto";
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const { config } = o;
  const { index, retriever, router, llm, fit, answerer } = await createAnswering(o);
  // The workers open the index the runtime has just built or checked, read-only, while this thread goes on
  // (until a worker is ready, this thread answers).
  const pool = llm
    ? undefined
    : o.answerWorkers === "auto"
      ? // Started when answers are already waiting: a short warm-up, so that it takes them sooner.
        (AnswerPool.onDemand({ workers: 1, config, logger: o.logger, warmUpMs: 300 }) ?? undefined)
      : o.answerWorkers
        ? AnswerPool.create({ workers: o.answerWorkers, config, logger: o.logger })
        : undefined;
  const storage = o.storage ?? (await createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...config.storage }));
  const assistant = createAssistant({
    answerer,
    pool,
    storage,
    pseudonymSecret: config.pseudonymSecret,
    handoffTargets: o.handoffTargets,
    fit,
    publicBaseUrl: config.publicBaseUrl,
    logger: o.logger,
  });
  return {
    assistant,
    answerer,
    retriever,
    router,
    storage,
    index,
    llm,
    pool,
    close: async () => {
      await pool?.close();
      if (!o.storage) await storage.close();
    },
  };
}
