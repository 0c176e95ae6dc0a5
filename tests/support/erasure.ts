/** Erasure checks shared by the channel suites: run `forget` as the CLI does, and read what is left on the SQLite file. */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { forgetCommand } from "../../src/cli/commands/forget.js";
import { createStorage, SQLITE_FILE_NAME } from "../../src/storage/index.js";

/** `forget --user <user> --channel <channel>` against the SQLite store in `dir`; returns what it printed. */
export async function forgetOnFile(dir: string, secret: string, user: string, channel: "slack" | "teams"): Promise<string> {
  let out = "";
  const cmd = forgetCommand(() => createStorage({ dataDir: dir }), {
    out: (s) => (out += s),
    err: (s) => (out += s),
    env: { PSEUDONYM_SECRET: secret, NODE_ENV: "test" } as NodeJS.ProcessEnv,
  });
  cmd.exitOverride();
  await cmd.parseAsync(["--user", user, "--channel", channel], { from: "user" });
  return out;
}

/** Keys of the `state` rows whose key or value holds `needle`, read from the SQLite file itself. */
export function stateRowsHolding(dir: string, needle: string): string[] {
  const db = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT key, value FROM state").all() as { key: string; value: string }[];
    return rows.filter((r) => r.key.includes(needle) || r.value.includes(needle)).map((r) => r.key);
  } finally {
    db.close();
  }
}

/** Whether any of the SQLite files (.sqlite, -wal, -shm) still holds `needle` as bytes. */
export function onDisk(dir: string, needle: string): boolean {
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(SQLITE_FILE_NAME))
    .some((f) => fs.readFileSync(path.join(dir, f)).includes(Buffer.from(needle)));
}
