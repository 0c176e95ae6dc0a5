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
import type { Priority } from "../core/ids.js";

export type { Priority };

interface Job {
  run: () => void;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: Record<Priority, Job[]> = { interactive: [], background: [] };
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Immediates queued to start a job. */
  private scheduled = 0;

  constructor(private readonly concurrency = 1) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("WorkQueue concurrency must be a positive integer");
  }

  /** Jobs waiting for their turn, by priority. */
  get pending(): Record<Priority, number> {
    return { interactive: this.waiting.interactive.length, background: this.waiting.background.length };
  }

  /**
   * Runs `fn` in its turn. With a `key`, a caller arriving while the same key
   * is queued or running gets the same result instead of a second run.
   */
  run<T>(fn: () => Promise<T>, opts: { priority?: Priority; key?: string } = {}): Promise<T> {
    const key = opts.key;
    if (key !== undefined) {
      const shared = this.inflight.get(key);
      if (shared) return shared as Promise<T>;
    }
    const p = new Promise<T>((resolve, reject) => {
      this.waiting[opts.priority ?? "interactive"].push({
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
      });
      this.schedule();
    });
    if (key !== undefined) {
      this.inflight.set(key, p);
      const forget = () => {
        if (this.inflight.get(key) === p) this.inflight.delete(key);
      };
      p.then(forget, forget);
    }
    return p;
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
    if (this.running >= this.concurrency) return;
    const job = this.waiting.interactive.shift() ?? this.waiting.background.shift();
    job?.run();
  };
}
