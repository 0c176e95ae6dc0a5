/**
 * Retry with exponential backoff and full jitter for outgoing Bot Connector
 * calls. Teams throttles with 429 (and sometimes 412); gateways answer 502/504.
 * The Azure pipeline inside botbuilder already retries 5xx and 429 *with* a
 * Retry-After header; this helper covers the rest (429/412 without the header)
 * and gives every send one predictable policy.
 */

export const RETRYABLE_STATUSES: readonly number[] = [429, 412, 502, 504];

export interface RetryOptions {
  /** Extra attempts after the first one (default 4). */
  retries?: number;
  /** Base delay in ms (default 300). */
  baseMs?: number;
  /** Maximum delay of one wait in ms (default 8000), also caps Retry-After. */
  maxMs?: number;
  /** Statuses that trigger a retry (default 429, 412, 502, 504). */
  statuses?: readonly number[];
  /** Random source in [0, 1) (tests). */
  random?: () => number;
  /** Sleep function (tests). */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; status: number; delayMs: number }) => void;
}

/** HTTP status carried by an error from the connector client (RestError) or fetch-like clients. */
export function errorStatus(err: unknown): number | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) {
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** Retry-After (seconds or HTTP date) from a RestError-like error, in ms. */
export function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | undefined)?.response?.headers as
    | { get?: (name: string) => unknown; [k: string]: unknown }
    | undefined;
  if (!headers) return undefined;
  const raw = typeof headers.get === "function" ? headers.get("retry-after") : (headers["retry-after"] ?? headers["Retry-After"]);
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delay before retry number `attempt` (1-based): full jitter over an exponential ceiling. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  // Full jitter, with a floor of half the ceiling so retries never hammer the service.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const retries = opts.retries ?? 4;
  const baseMs = opts.baseMs ?? 300;
  const maxMs = opts.maxMs ?? 8000;
  const statuses = opts.statuses ?? RETRYABLE_STATUSES;
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const status = errorStatus(err);
      if (status === undefined || !statuses.includes(status) || attempt > retries) throw err;
      const hinted = retryAfterMs(err);
      const delayMs = hinted !== undefined ? Math.min(maxMs, hinted) : backoffDelay(attempt, baseMs, maxMs, random);
      opts.onRetry?.({ attempt, status, delayMs });
      await sleep(delayMs);
    }
  }
}
