/**
 * Errors carry a stable code, and a logged error keeps its stack and code through
 * the service's pino `err` serializer — without the request an HTTP client error
 * may carry (tokens, people's messages).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, RelaisError } from "../../src/core/errors.js";
import { createLogger } from "../../src/core/log.js";
import { loadRulesFrom, RulesError } from "../../src/eligibility/rules.js";
import { TimeoutError, withTimeout } from "../../src/core/timeout.js";

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** A pino destination keeping every line, parsed. */
function capture() {
  const lines: Record<string, any>[] = [];
  const dest = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info" }, dest) };
}

describe("errors", () => {
  it("a broken rules folder throws a RulesError with its stable code", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "relais-errors-"));
    try {
      writeFileSync(path.join(dir, "dla.yaml"), "process: [pas, une, règle");
      let caught: unknown;
      try {
        loadRulesFrom(dir);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(RulesError);
      expect(caught).toBeInstanceOf(RelaisError);
      expect((caught as RulesError).code).toBe("knowledge.rules");
      expect((caught as RulesError).name).toBe("RulesError");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every error class of src/ extends RelaisError, and codes are unique", () => {
    const plain = files(SRC).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/class (\w+) extends Error\b/g)].map((m) => `${path.relative(SRC, f)}: ${m[1]}`),
    );
    expect(plain).toEqual(["core/errors.ts: RelaisError"]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("a logged error keeps its stack and its code", async () => {
    const { lines, logger } = capture();
    const err = await withTimeout(new Promise(() => {}), 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    logger.child({ channel: "slack" }).error({ err }, "core call failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toBe("core call failed");
    expect(lines[0]!.err.type).toBe("TimeoutError");
    expect(lines[0]!.err.code).toBe("timeout");
    expect(lines[0]!.err.stack).toMatch(/TimeoutError: timed out after 5 ms\n\s+at /);
  });

  it("keeps the code of a Node system error and the causes, drops the request a client error carries", () => {
    const { lines, logger } = capture();
    const err = Object.assign(
      new Error("An API error occurred: invalid_blocks", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) }),
      {
        code: "slack_webapi_platform_error",
        data: { ok: false, error: "invalid_blocks", text: "Bonjour, je suis Camille Martin" },
        original: { config: { headers: { Authorization: "Bearer xoxb-secret-token" } } },
      },
    );
    logger.warn({ err }, "postMessage failed");
    const raw = JSON.stringify(lines[0]);
    expect(lines[0]!.err.code).toBe("slack_webapi_platform_error");
    expect(lines[0]!.err.stack).toMatch(/caused by: Error: socket hang up/);
    expect(raw).not.toMatch(/xoxb-secret-token/);
    expect(raw).not.toMatch(/Camille/);
  });
});
