/** Helpers shared by the storage backends. */
import { randomUUID } from "node:crypto";
import { PERSON_KEY_CHARS } from "../privacy/pseudonym.js";

export const newId = (): string => randomUUID();

/**
 * `new Date(ms).toISOString()`, cheaper: V8's toISOString costs ~2 µs, and the
 * storage stamps several rows per chat turn. The part up to the seconds is
 * formatted once per second and reused; the milliseconds are appended.
 * `ms`: an integer number of milliseconds in the Date range, such as `Date.now()`.
 */
let prefixSecond = Number.NaN;
let prefix = "";
export function isoFromMs(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== prefixSecond) {
    // "2025-03-08T10:00:00.000Z" without "000Z" (slice from the end: years may have 6 digits).
    prefix = new Date(second * 1000).toISOString().slice(0, -4);
    prefixSecond = second;
  }
  const frac = ms - second * 1000;
  return prefix + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac + "Z";
}

/** Normalises a timestamp to ISO-8601 UTC (`2025-03-08T10:00:00.000Z`); now when absent. */
export function isoOrNow(value?: string | Date | null): string {
  if (value === undefined || value === null || value === "") return isoFromMs(Date.now());
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new TypeError(`Invalid timestamp: ${String(value)}`);
  return d.toISOString();
}

/** JSON text for storage; `undefined` becomes `null`. */
export function toJson(value: unknown): string {
  const s = JSON.stringify(value === undefined ? null : value);
  return s === undefined ? "null" : s;
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Table names, in the order used by purge/forget reports. */
export const DATA_TABLES = ["interactions", "ratings", "frictions", "handoffs", "unanswered", "message_links", "events", "state", "channel_refs"] as const;
export type DataTable = (typeof DATA_TABLES)[number];

export function zeroCounts(tables: readonly string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, 0]));
}

/**
 * forgetUser also deletes state/channel-ref rows whose key contains the user
 * hash (the core keys conversations as `channel:conversation:thread:userHash`),
 * and state rows whose key or value holds the person's short key (channels
 * keep button ownership, thread memory and card registries under the first
 * PERSON_KEY_CHARS characters of the hash, see privacy/pseudonym.ts) — but
 * only for real hashes: short test ids would match unrelated keys.
 */
export const MIN_HASH_IN_KEY = 16;

/** What of a user hash is searched in keys and values: its short form, which the full hash contains. */
export function hashNeedle(hash: string): string {
  return hash.length < MIN_HASH_IN_KEY ? "" : hash.slice(0, PERSON_KEY_CHARS);
}

/** LIKE pattern matching text that contains the hash's short form; "" for short ids (the SQL then skips the test). */
export function hashLikePattern(hash: string): string {
  const needle = hashNeedle(hash);
  if (!needle) return "";
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
