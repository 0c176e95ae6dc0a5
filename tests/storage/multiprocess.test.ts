/** claimEvent across processes (replicas): each key is won by exactly one process. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { PostgresStorage } from "../../src/storage/postgres.js";
import { PG_AVAILABLE, createTestDatabase } from "./pg-helper.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const worker = path.join(here, "fixtures", "claim-worker.ts");
const KEYS = 50;
const WORKERS = 3;

function runWorker(target: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, target, String(KEYS)], {
      cwd: path.resolve(here, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += String(c)));
    child.stderr.on("data", (c) => (err += String(c)));
    child.on("exit", (code) => {
      const lines = out.split("\n").filter(Boolean);
      if (code !== 0 || lines[lines.length - 1] !== "DONE") reject(new Error(`worker failed (${code}): ${err}`));
      else resolve(lines.slice(0, -1));
    });
  });
}

async function assertEachKeyOnce(target: string) {
  const results = await Promise.all(Array.from({ length: WORKERS }, () => runWorker(target)));
  const all = results.flat();
  expect(all).toHaveLength(KEYS);
  expect(new Set(all).size).toBe(KEYS);
}

describe("dedupe across processes", () => {
  it("SQLite: every key claimed by exactly one of 3 processes (workers also race on migrations)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-claims-"));
    const file = path.join(dir, "claims.sqlite");
    try {
      // Workers start from an empty file: they race on migrations, then on claims.
      await assertEachKeyOnce(file);
      const s = new SqliteStorage(file);
      expect(await s.appliedMigrations()).toEqual([1, 2, 3]);
      await s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!PG_AVAILABLE)("PostgreSQL: every key claimed by exactly one of 3 processes (workers also race on migrations)", async () => {
    const db = await createTestDatabase();
    try {
      await assertEachKeyOnce(db.url);
      const s = new PostgresStorage(db.url);
      expect(await s.appliedMigrations()).toEqual([1, 2, 3]);
      await s.close();
    } finally {
      await db.drop();
    }
  });
});
