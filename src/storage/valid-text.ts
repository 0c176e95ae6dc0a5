/**
 * Text reaching storage is made valid Unicode, in one place for every backend:
 * a lone surrogate ("\ud800", from a broken client or a cut emoji) becomes
 * U+FFFD, and so does NUL, which PostgreSQL refuses in text and jsonb. Without
 * this, the same input stored fine in SQLite but failed the turn on PostgreSQL
 * (jsonb rejects the "\ud800" escape JSON.stringify writes).
 */
import type { Storage } from "./types.js";

/** Lone high or low surrogate, or NUL. */
const INVALID = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/g;
const SUSPECT = /[\ud800-\udfff\u0000]/;

/** `s` with lone surrogates and NUL replaced by U+FFFD (the same string when there are none). */
export function validString(s: string): string {
  return SUSPECT.test(s) ? s.replace(INVALID, "\ufffd") : s;
}

/** Whether `value` holds a string (or an object key) that validString would change; allocates nothing. */
function needsRepair(value: unknown): boolean {
  if (typeof value === "string") return SUSPECT.test(value);
  if (Array.isArray(value)) {
    for (const v of value) if (needsRepair(v)) return true;
    return false;
  }
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false; // Date, Buffer…: left alone
    for (const k in value) if (SUSPECT.test(k) || needsRepair((value as Record<string, unknown>)[k])) return true;
  }
  return false;
}

/**
 * `value` with every string (object keys included) made valid, recursively
 * through arrays and plain objects; other values are returned as they are
 * (the same value, not a copy, when nothing needs repair: the common case, which allocates nothing).
 */
export function validText<T>(value: T): T {
  return needsRepair(value) ? repaired(value) : value;
}

function repaired<T>(value: T): T {
  if (typeof value === "string") return validString(value) as T;
  if (Array.isArray(value)) return value.map(repaired) as T;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[validString(k)] = repaired(v);
    return out as T;
  }
  return value;
}

/**
 * Wraps a storage so that every argument of every method (records, states,
 * channel references, keys) is made valid Unicode before the backend sees it.
 * Backend-specific members stay reachable (`instanceof SqliteStorage` holds).
 */
export function withValidText<S extends Storage>(inner: S): S {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(inner, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== "function") return v;
      let w = wrapped.get(prop);
      if (!w) {
        const fn = v as (...args: unknown[]) => unknown;
        w = (...args: unknown[]) => (args.some(needsRepair) ? fn.apply(target, args.map(validText)) : fn.apply(target, args));
        wrapped.set(prop, w);
      }
      return w;
    },
  });
}
