/**
 * Where offline answers are computed. Finding and extracting an answer is a
 * few milliseconds of pure CPU on the one JavaScript thread; run unchecked
 * under load, dozens of them pile up and everything else waits behind them:
 * Slack acknowledgements (3-second budget), health checks, cache hits.
 *
 * The queue runs at most `concurrency` computations at a time, starts them
 * from the event loop's check phase (so network events waiting in between are
 * handled first: at most `concurrency` jobs run between two reads of the
 * sockets) and serves people who wait on an open request (`interactive`:
 * the JSON API, the playground, Teams) before work that continues after an
 * acknowledgement (`background`: Slack answers). Within a priority, first in,
 * first out. Identical computations in flight are shared (same key).
 */
import type { Priority } from "../domain/ids.js";

export type { Priority };

interface Job {
  run: () => void;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: Record<Priority, Job[]> = { interactive: [], background: [] };
  private readonly inflight = new Map<string, { promise: Promise<unknown>; job: Job }>();
  /** Immediates queued to start a job. */
  private scheduled = 0;

  private readonly limits: Record<Priority, number>;

  /**
   * `concurrency`: jobs at a time, or one limit per priority (background work
   * only starts while fewer than its limit run in all).
   */
  constructor(concurrency: number | Record<Priority, number> = 1) {
    this.limits = typeof concurrency === "number" ? { interactive: concurrency, background: concurrency } : { ...concurrency };
    for (const n of Object.values(this.limits)) if (!Number.isInteger(n) || n < 1) throw new Error("WorkQueue concurrency must be a positive integer");
  }

  /** How many jobs may run at once now: the limit of the most urgent waiting job. */
  private get concurrency(): number {
    return this.waiting.interactive.length ? this.limits.interactive : this.limits.background;
  }

  /** Jobs waiting for their turn, by priority. */
  get pending(): Record<Priority, number> {
    return { interactive: this.waiting.interactive.length, background: this.waiting.background.length };
  }

  /**
   * Runs `fn` in its turn. With a `key`, a caller arriving while the same key
   * is queued or running gets the same result instead of a second run; an
   * interactive caller moves a shared job still waiting as background work to
   * the interactive line (no one waits behind lower-priority work).
   */
  run<T>(fn: () => Promise<T>, opts: { priority?: Priority; key?: string } = {}): Promise<T> {
    const key = opts.key;
    const priority = opts.priority ?? "interactive";
    if (key !== undefined) {
      const shared = this.inflight.get(key);
      if (shared) {
        if (priority === "interactive") this.promote(shared.job);
        return shared.promise as Promise<T>;
      }
    }
    let job!: Job;
    const p = new Promise<T>((resolve, reject) => {
      job = {
        run: () => {
          this.running++;
          let result: Promise<T>;
          try {
            result = fn();
          } catch (err) {
            result = Promise.reject(err);
          }
          result.then(resolve, reject).finally(() => {
            this.running--;
            this.schedule();
          });
        },
      };
      this.waiting[priority].push(job);
      this.schedule();
    });
    if (key !== undefined) {
      this.inflight.set(key, { promise: p, job });
      const forget = () => {
        if (this.inflight.get(key)?.promise === p) this.inflight.delete(key);
      };
      p.then(forget, forget);
    }
    return p;
  }

  private promote(job: Job): void {
    const i = this.waiting.background.indexOf(job);
    if (i < 0) return; // running already, or interactive
    this.waiting.background.splice(i, 1);
    this.waiting.interactive.push(job);
    this.schedule();
  }

  private schedule(): void {
    const waiting = this.waiting.interactive.length + this.waiting.background.length;
    // One immediate per free slot: at most `concurrency` jobs start in one turn of the loop.
    while (this.running + this.scheduled < this.concurrency && this.scheduled < waiting) {
      this.scheduled++;
      // An immediate runs after the I/O callbacks already waiting: requests on
      // the sockets are read (and Slack events acknowledged) before the next job.
      setImmediate(this.next);
    }
  }

  private readonly next = (): void => {
    this.scheduled--;
    if (this.waiting.interactive.length && this.running < this.limits.interactive) this.waiting.interactive.shift()!.run();
    else if (this.running < this.limits.background) this.waiting.background.shift()?.run();
  };
}
