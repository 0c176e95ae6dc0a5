/**
 * An answering worker: builds the answering part (src/answering.ts) on the
 * index the service built (read-only, offline), warms it up, then answers the
 * service's requests one message at a time (see protocol.ts). It holds no
 * storage and no conversation state: the service keeps those.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createAnswering } from "../answering.js";
import type { AppConfig } from "../config/env.js";
import { answer } from "../conversation/question.js";
import type { WorkerRequest, WorkerResponse } from "./protocol.js";

export interface AnswerWorkerData {
  config: AppConfig;
  warmUpMs: number;
}

const port = parentPort;
if (!port) throw new Error("answer-worker.ts runs as a worker thread (see AnswerPool)");
const post = (m: WorkerResponse) => port.postMessage(m);

async function main(data: AnswerWorkerData): Promise<void> {
  const t0 = performance.now();
  const log =
    (level: "warn" | "error") =>
    (o: unknown, msg = "answering worker") => {
      const err = (o as { err?: unknown } | undefined)?.err;
      post({ log: level, msg, detail: err instanceof Error ? err.message : undefined });
    };
  const logger = { warn: log("warn"), error: log("error") };
  const { answerer, fit } = await createAnswering({ config: data.config, llm: null, readOnly: true, logger });
  if (data.warmUpMs > 0) await answerer.warmUp(data.warmUpMs);
  const deps = { answerer, fit };
  port!.on("message", (req: WorkerRequest) => {
    const run =
      req.op === "contextualize" ? answerer.contextualize(req.question, req.previous, req.audience) : answer(deps, req.question, { ...req.opts }, req.own);
    run.then(
      (value) => post({ id: req.id, ok: true, value }),
      (err: unknown) => post({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  post({ ready: true, ms: Math.round(performance.now() - t0) });
}

main(workerData as AnswerWorkerData).catch((err: unknown) => post({ failed: err instanceof Error ? err.message : String(err) }));
