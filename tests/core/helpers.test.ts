/**
 * The small shared helpers exist once (core/timeout, core/url, core/text,
 * core/limits) and behave as every caller expects.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS } from "../../src/core/limits.js";
import { fold, foldUncached, foldWords } from "../../src/core/text.js";
import { TimeoutError, withTimeout } from "../../src/core/timeout.js";
import { safeUrl } from "../../src/core/url.js";

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Files of src/ defining `pattern`. */
function definitions(pattern: RegExp): string[] {
  return files(SRC)
    .filter((f) => pattern.test(readFileSync(f, "utf8")))
    .map((f) => path.relative(SRC, f));
}

describe("shared helpers", () => {
  it("each helper is defined in one file of src/", () => {
    expect(definitions(/function withTimeout\b/)).toEqual(["core/timeout.ts"]);
    expect(definitions(/function safeUrl\b/)).toEqual(["core/url.ts"]);
    expect(definitions(/MAX_QUESTION_CHARS\s*=/)).toEqual(["core/limits.ts"]);
    expect(definitions(/class TimeoutError\b/)).toEqual(["core/timeout.ts"]);
  });

  it("withTimeout passes a result through, and after the time rejects with a coded TimeoutError and aborts the work", async () => {
    await expect(withTimeout(Promise.resolve(42), 1000)).resolves.toBe(42);
    const abort = new AbortController();
    const err = await withTimeout(new Promise(() => {}), 10, { abort, message: "LLM timeout" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).code).toBe("timeout");
    expect((err as TimeoutError).message).toBe("LLM timeout");
    expect(abort.signal.aborted).toBe(true);
    await expect(withTimeout(Promise.reject(new Error("refusé")), 1000)).rejects.toThrow("refusé");
  });

  it("safeUrl keeps http(s) links only", () => {
    expect(safeUrl("https://www.gard.fr/ess")).toBe("https://www.gard.fr/ess");
    expect(safeUrl("http://127.0.0.1:3978/")).toBe("http://127.0.0.1:3978/");
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/relative", "pas une url", "", undefined])
      expect(safeUrl(bad)).toBeUndefined();
  });

  it("folds accents, case and ligatures the same way, cached or not", () => {
    for (const [text, folded] of [
      ["Économie sociale et solidaire", "economie sociale et solidaire"],
      ["cœur", "coeur"],
      ["Bagnols-sur-Cèze", "bagnols-sur-ceze"],
      ["ÉLÉMENT", "element"],
    ] as const) {
      expect(fold(text)).toBe(folded);
      expect(foldUncached(text)).toBe(folded);
    }
    expect(foldWords("Qu'est-ce qu'une SCOP ?")).toBe("qu est ce qu une scop");
  });

  it("the question limit is the one the HTTP API announces", () => {
    expect(MAX_QUESTION_CHARS).toBe(4000);
  });
});
