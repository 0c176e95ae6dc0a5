/**
 * Durability: a child process writes feedback and prints each acknowledged id;
 * we SIGKILL it mid-stream; every printed id must be stored afterwards.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { PostgresStorage } from "../../src/storage/postgres.js";
import type { Storage } from "../../src/storage/types.js";
import { PG_AVAILABLE, createTestDatabase } from "./pg-helper.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const writer = path.join(here, "fixtures", "durability-writer.ts");

/** Runs the writer until it has acknowledged `atLeast` records, then SIGKILLs it. */
function runAndKill(target: string, atLeast: number): Promise<{ ids: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, target], {
      cwd: path.resolve(here, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buf = "";
    let stderr = "";
    const ids: string[] = [];
    let killed = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line && line !== "READY") ids.push(line);
      }
      if (!killed && ids.length >= atLeast) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.on("data", (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`writer too slow; stderr: ${stderr}`));
    }, 60_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // A partial last line is not an acknowledged id: ignore it.
      if (!killed) reject(new Error(`writer exited by itself (code ${code}); stderr: ${stderr}`));
      else resolve({ ids, signal });
    });
  });
}

async function assertAllStored(storage: Storage, ids: string[]): Promise<void> {
  await storage.migrate();
  const stored = new Set((await storage.reportData({})).ratings.map((r) => r.id));
  const missing = ids.filter((id) => !stored.has(id));
  expect(missing).toEqual([]);
  expect(stored.size).toBeGreaterThanOrEqual(ids.length);
}

describe("durability under SIGKILL", () => {
  it("SQLite keeps every acknowledged write", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-durable-"));
    const file = path.join(dir, "durable.sqlite");
    try {
      const { ids, signal } = await runAndKill(file, 150);
      expect(signal).toBe("SIGKILL");
      expect(ids.length).toBeGreaterThanOrEqual(150);
      const s = new SqliteStorage(file);
      try {
        await assertAllStored(s, ids);
      } finally {
        await s.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!PG_AVAILABLE)("PostgreSQL keeps every acknowledged write", async () => {
    const db = await createTestDatabase();
    try {
      const { ids, signal } = await runAndKill(db.url, 150);
      expect(signal).toBe("SIGKILL");
      const s = new PostgresStorage(db.url);
      try {
        await assertAllStored(s, ids);
      } finally {
        await s.close();
      }
    } finally {
      await db.drop();
    }
  });
});
