/** Bounding a promise in time: the one `withTimeout` of the project (core calls, LLM calls, storage start-up). */
import { RelaisError } from "./errors.js";

export class TimeoutError extends RelaisError {
  readonly code = "timeout";
}

export interface TimeoutOptions {
  /** Message of the TimeoutError (default "timed out after <ms> ms"). */
  message?: string;
  /** Aborted when the time is up, so the work behind the promise stops too (an LLM request). */
  abort?: AbortController;
}

/**
 * `p`, or a TimeoutError after `ms` milliseconds. The timer never keeps the process alive.
 * @example const reply = await withTimeout(assistant.handle(turn), 30_000, { message: "core timeout" });
 */
export function withTimeout<T>(p: Promise<T>, ms: number, opts: TimeoutOptions = {}): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        opts.abort?.abort();
        reject(new TimeoutError(opts.message ?? `timed out after ${ms} ms`));
      }, ms);
      timer.unref?.();
    }),
  ]);
}
