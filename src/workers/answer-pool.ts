/**
 * Offline answers computed by worker threads. An answer is a few milliseconds
 * of pure CPU; on the main thread, under load, those milliseconds delay every
 * acknowledgement and every other request. The pool moves them to `workers`
 * threads, each with its own read-only copy of the index (about as much memory
 * again as the answering part of the main thread), and the event loop keeps
 * serving HTTP, Slack and Teams.
 *
 * - A request goes to the worker with the fewest requests in flight.
 * - A worker that dies fails its requests (the caller then answers on the main
 *   thread: see conversation/question.ts) and is replaced after a pause.
 * - `close()` ends the workers; later requests are refused.
 */
import { createRequire } from "node:module";
import os from "node:os";
import { type EventLoopUtilization, performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AppConfig } from "../config/env.js";
import { RelaisError } from "../core/errors.js";
import type { Audience } from "../domain/ids.js";
import type { AnswerWorkerData } from "./answer-worker.js";
import type { Answered, RemoteAskOptions, WorkerRequest, WorkerResponse } from "./protocol.js";

/** A request before its id is given (each member of the union without `id`). */
type NoId<T> = T extends unknown ? Omit<T, "id"> : never;

type Logger = { warn: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void; info?: (o: unknown, m?: string) => void };

export interface AnswerPoolOptions {
  workers: number;
  config: AppConfig;
  /** Warm-up of each worker before it takes requests, ms (default 1500). */
  warmUpMs?: number;
  /** Longest wait for a worker to be ready, ms (default 120 s: a large index takes a while to load). */
  startTimeoutMs?: number;
  /** Pause before a dead worker is replaced, ms (default 1000). */
  restartDelayMs?: number;
  logger?: Logger;
}

/**
 * A pool whose workers start only when the main thread is busy (`ANSWER_WORKERS=auto`):
 * at rest the service keeps one copy of the index (its memory at rest is that of
 * `ANSWER_WORKERS=0`); under sustained load, `workers` threads take the answers and the
 * main thread keeps its time for HTTP, Slack, Teams and storage; after a quiet spell
 * they stop again and give their memory back.
 */
export interface OnDemandOptions extends AnswerPoolOptions {
  /** Event-loop utilisation of the main thread (0–1) that counts as busy (default 0.7). */
  busyAbove?: number;
  /** How long the main thread must stay busy before a worker starts, ms (default 1000). */
  busyForMs?: number;
  /** How long without load before the workers stop, ms (default 5 minutes). */
  idleAfterMs?: number;
  /** How often the load is sampled, ms (default 250). */
  sampleMs?: number;
  /** Processors available (default os.availableParallelism()): with one, no worker ever starts. */
  cpus?: number;
}

interface Slot {
  worker: Worker;
  inflight: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
  ready: boolean;
}

/** No answering worker can take the request (starting, stopped, closed): the caller answers itself. */
export class WorkerUnavailable extends RelaisError {
  readonly code = "worker.unavailable";
}

/**
 * The worker's entry: the compiled .js next to this file; under tsx and vitest (this file is
 * .ts), a bootstrap that loads the .ts source through tsx's API (a worker does not inherit
 * the parent's module hooks on Node 20).
 */
function entry(): { script: URL | string; eval: boolean } {
  const self = import.meta.url;
  if (!self.endsWith(".ts")) return { script: new URL("./answer-worker.js", self), eval: false };
  // tsx's ESM API (its CommonJS build cannot register the hooks from a worker).
  const api = pathToFileURL(
    createRequire(self)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const source = new URL("./answer-worker.ts", self).href;
  return { script: `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(source)}, ${JSON.stringify(self)}))`, eval: true };
}

export class AnswerPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  /** Requests the workers have answered (successfully) since the start. */
  answered = 0;

  private constructor(private readonly o: AnswerPoolOptions) {}

  /** On demand (see OnDemandOptions): the load monitor, when the pool starts workers only under load. */
  private monitor?: NodeJS.Timeout;
  /** Workers asked to stop by the pool itself (not replaced when they exit). */
  private readonly retiring = new WeakSet<Worker>();
  /** Workers started on demand since the pool was created. */
  started = 0;

  /** Every worker's start: resolved once all are ready, rejected if one could not start. */
  private starting: Promise<void> = Promise.resolve();

  /**
   * Starts the workers without waiting for them: requests made before a worker
   * is ready are refused (WorkerUnavailable), and the caller answers itself.
   * A worker that cannot start is logged, not retried.
   */
  static create(o: AnswerPoolOptions): AnswerPool {
    if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error("AnswerPool needs at least one worker");
    const pool = new AnswerPool(o);
    pool.starting = Promise.all(Array.from({ length: o.workers }, () => pool.spawn())).then(() => undefined);
    pool.starting.catch((err: unknown) => o.logger?.error({ err }, "answering worker could not start: the main thread answers"));
    return pool;
  }

  /**
   * A pool with no worker at first, which starts `workers` threads once the main
   * thread has been busy for `busyForMs` and stops them after `idleAfterMs` without
   * load. Null with a single processor: a second thread there only adds work.
   */
  static onDemand(o: OnDemandOptions): AnswerPool | null {
    if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error("AnswerPool needs at least one worker");
    if ((o.cpus ?? os.availableParallelism()) < 2) return null;
    const pool = new AnswerPool(o);
    pool.watch(o);
    return pool;
  }

  /** Samples the event-loop utilisation of the main thread (and of the workers) and starts or stops workers. */
  private watch(o: OnDemandOptions): void {
    const busyAbove = o.busyAbove ?? 0.7;
    const busyForMs = o.busyForMs ?? 1000;
    const idleAfterMs = o.idleAfterMs ?? 5 * 60_000;
    let last: EventLoopUtilization = performance.eventLoopUtilization();
    const lastOf = new WeakMap<Worker, EventLoopUtilization>();
    let busySince: number | undefined;
    let lastLoad = performance.now();
    this.monitor = setInterval(() => {
      const now = performance.now();
      const elu = performance.eventLoopUtilization(last);
      last = performance.eventLoopUtilization();
      // Load is the main thread's, or the workers' once they take the answers.
      let workersBusy = false;
      for (const s of this.slots) {
        const w = s.worker.performance.eventLoopUtilization(lastOf.get(s.worker));
        lastOf.set(s.worker, s.worker.performance.eventLoopUtilization());
        if (w.utilization >= busyAbove / 2) workersBusy = true;
      }
      const busy = elu.utilization >= busyAbove;
      if (busy || workersBusy) lastLoad = now;
      busySince = busy ? (busySince ?? now) : undefined;
      if (busySince !== undefined && now - busySince >= busyForMs && this.slots.length < o.workers && !this.closed) {
        busySince = undefined;
        this.started++;
        o.logger?.info?.({ utilization: Number(elu.utilization.toFixed(2)) }, "main thread busy: starting an answering worker");
        this.spawn().catch((err: unknown) => o.logger?.error({ err }, "answering worker could not start: the main thread answers"));
      } else if (this.slots.length && this.slots.every((s) => s.ready) && now - lastLoad >= idleAfterMs) {
        o.logger?.info?.({ workers: this.slots.length }, "no load: stopping the answering workers");
        for (const s of this.slots.splice(0)) {
          this.retiring.add(s.worker);
          for (const p of s.inflight.values()) p.reject(new WorkerUnavailable("answering worker stopped (no load)"));
          void s.worker.terminate();
        }
      }
    }, o.sampleMs ?? 250);
    this.monitor.unref();
  }

  /** Starts the workers and resolves once every one is ready (rejects, all stopped, if one cannot start). */
  static async start(o: AnswerPoolOptions): Promise<AnswerPool> {
    const pool = AnswerPool.create(o);
    try {
      await pool.ready();
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Resolves once every worker started with the pool is ready. */
  ready(): Promise<void> {
    return this.starting;
  }

  /** Workers the pool was started with. */
  get configured(): number {
    return this.o.workers;
  }

  /** Workers ready to answer now. */
  get size(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  /** Whether a request would find a worker now (otherwise the caller answers itself without trying). */
  get available(): boolean {
    return !this.closed && this.slots.some((s) => s.ready);
  }

  /** Whether workers start only under load (ANSWER_WORKERS=auto). */
  get onDemand(): boolean {
    return this.monitor !== undefined;
  }

  private spawn(): Promise<void> {
    const { script, eval: isEval } = entry();
    const data: AnswerWorkerData = { config: this.o.config, warmUpMs: this.o.warmUpMs ?? 1500 };
    const worker = new Worker(script, { workerData: data, eval: isEval });
    const slot: Slot = { worker, inflight: new Map(), ready: false };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new WorkerUnavailable("answering worker not ready in time")), this.o.startTimeoutMs ?? 120_000);
      const fail = (err: Error) => {
        clearTimeout(timer);
        if (!slot.ready) reject(err);
      };
      worker.on("message", (m: WorkerResponse) => {
        if ("ready" in m) {
          clearTimeout(timer);
          slot.ready = true;
          this.o.logger?.info?.({ ms: m.ms }, "answering worker ready");
          resolve();
        } else if ("failed" in m) {
          fail(new WorkerUnavailable(`answering worker could not start: ${m.failed}`));
          void worker.terminate();
        } else if ("log" in m) {
          this.o.logger?.[m.log]({ detail: m.detail }, `answering worker: ${m.msg}`);
        } else {
          const p = slot.inflight.get(m.id);
          if (!p) return;
          slot.inflight.delete(m.id);
          if (m.ok) {
            this.answered++;
            p.resolve(m.value);
          } else p.reject(new Error(m.error));
        }
      });
      worker.on("error", (err) => {
        this.o.logger?.error({ err }, "answering worker failed");
        fail(err);
      });
      worker.on("exit", (code) => {
        clearTimeout(timer);
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
        for (const p of slot.inflight.values()) p.reject(new WorkerUnavailable(`answering worker stopped (code ${code})`));
        slot.inflight.clear();
        if (!slot.ready) return reject(new WorkerUnavailable(`answering worker stopped before it was ready (code ${code})`));
        if (this.closed || this.retiring.has(worker)) return;
        this.o.logger?.warn({ code }, "answering worker stopped: replacing it");
        setTimeout(() => {
          if (!this.closed) this.spawn().catch((err: unknown) => this.o.logger?.error({ err }, "answering worker could not be replaced"));
        }, this.o.restartDelayMs ?? 1000).unref();
      });
    });
  }

  private call<T>(req: NoId<WorkerRequest>): Promise<T> {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.ready && (!best || s.inflight.size < best.inflight.size)) best = s;
    if (this.closed || !best) return Promise.reject(new WorkerUnavailable("no answering worker available"));
    const slot = best;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.inflight.set(id, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  contextualize(question: string, previous: string | undefined, audience: Audience): Promise<string> {
    return this.call({ op: "contextualize", question, previous, audience });
  }

  answer(question: string, opts: RemoteAskOptions, own: string): Promise<Answered> {
    const { audience, priority, avoidCards, own: ownOpt, topic, handTo } = opts;
    return this.call({ op: "answer", question, opts: { audience, priority, avoidCards, own: ownOpt, topic, handTo }, own });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.monitor);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
