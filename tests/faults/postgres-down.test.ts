/**
 * PostgreSQL unreachable at start: `npx tsx src/main.ts` stops with a non-zero
 * exit code and a clear French message, without leaking the password.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, childEnv, dataDir } from "./helpers.js";

const tmp = dataDir("relais-faults-pg-", false);
afterAll(() => tmp.remove());

function runMain(env: Record<string, string>): Promise<{ code: number | null; signal: string | null; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn("npx", ["tsx", path.join(ROOT, "src", "main.ts")], { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (stderr += c));
    child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`main.ts did not exit within 90 s; stderr:\n${stderr}`));
    }, 90_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ms: Date.now() - t0 });
    });
  });
}

describe("PostgreSQL unreachable at start", () => {
  it("exits non-zero with a clear French message naming the database, never the password", async () => {
    const r = await runMain({ DATA_DIR: tmp.dir, PORT: "0", DATABASE_URL: "postgres://postgres:s3cr3t-mot-de-passe@127.0.0.1:1/x" });
    expect(r.signal).toBeNull();
    expect(r.code).not.toBe(0);
    expect(r.code).toBe(3); // EXIT.storage (src/main.ts)
    expect(r.stderr).toMatch(/ne peut pas démarrer/);
    expect(r.stderr).toMatch(/PostgreSQL \(127\.0\.0\.1:1\/x\) est injoignable/);
    expect(r.stderr).toMatch(/DATABASE_URL/);
    expect(r.stderr).not.toContain("s3cr3t");
    // No stack trace thrown at the operator.
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);
});
