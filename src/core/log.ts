/**
 * The service's pino loggers. Errors are logged as objects (`log.error({ err }, "…")`)
 * and go through one `err` serializer: pino's standard one (type, message, stack and
 * the causes) plus the error's `code`, keeping only fields known to be safe — a Slack
 * or HTTP client error may carry the request it failed on (headers with a token,
 * a body with someone's message), which never reaches the logs.
 */
import { type Logger, type LoggerOptions, pino } from "pino";

/** Fields of a serialized error that may be logged; anything else is dropped. */
const SAFE_FIELDS = new Set(["type", "message", "stack", "code", "name", "status", "statusCode", "errno", "syscall", "path", "hints", "problems"]);
const MAX_TEXT = 4000;

/**
 * pino's `err` serializer, restricted to safe fields, with long texts cut.
 * @example pino({ serializers: { err: serializeError } }).error({ err }, "turn failed")
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return typeof err === "string" ? err.slice(0, MAX_TEXT) : err;
  const full = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(full)) {
    if (!SAFE_FIELDS.has(k) || v === undefined) continue;
    out[k] = typeof v === "string" ? v.slice(0, MAX_TEXT) : v;
  }
  return out;
}

/** A pino logger with the safe `err` serializer (children inherit it). */
export function createLogger(opts: LoggerOptions = {}, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = { ...opts, serializers: { ...opts.serializers, err: serializeError } };
  return destination ? pino(options, destination) : pino(options);
}
