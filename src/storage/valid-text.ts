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

/**
 * `value` with every string (object keys included) made valid, recursively
 * through arrays and plain objects; other values are returned as they are.
 */
export function validText<T>(value: T): T {
  if (typeof value === "string") return validString(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v, i) => {
      const w = validText(v);
      if (w !== v) (out ??= [...value])[i] = w;
    });
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value; // Date, Buffer…: left alone
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = validString(k);
      const w = validText(v);
      if (key !== k || w !== v) changed = true;
      out[key] = w;
    }
    return (changed ? out : value) as T;
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
        w = (...args: unknown[]) => fn.apply(target, args.map(validText));
        wrapped.set(prop, w);
      }
      return w;
    },
  });
}
