/**
 * Storage factory: PostgreSQL when a database URL is given, else SQLite in the
 * data folder. Migrations are applied before the storage is returned,
 * user-written texts are scrubbed of personal data on the way in (withScrubbing),
 * and every text is made valid Unicode before any backend sees it (withValidText).
 */
import type { Storage } from "./types.js";
import { type SqliteSynchronous, SqliteStorage } from "./sqlite.js";
import { MemoryStorage } from "./memory.js";
import { withScrubbing } from "./scrubbing.js";
import { withValidText } from "./valid-text.js";

export type { Storage } from "./types.js";
export { MemoryStorage } from "./memory.js";
export { SqliteStorage, SQLITE_FILE_NAME } from "./sqlite.js";
// PostgresStorage: import it from "./postgres.js" (pg loads only when PostgreSQL is used).
export { withScrubbing } from "./scrubbing.js";
export { withValidText, validText } from "./valid-text.js";

export interface CreateStorageOptions {
  /** postgres:// or postgresql:// URL; selects PostgreSQL. `memory:` selects the in-process backend. */
  databaseUrl?: string;
  /** Folder of the SQLite file (created if missing). */
  dataDir: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Scrub personal data from user-written texts before storing (default true; see scrubbing.ts). */
  scrub?: boolean;
  /** SQLite synchronous level (SQLITE_SYNCHRONOUS; default NORMAL). */
  sqliteSynchronous?: SqliteSynchronous;
  /** PostgreSQL named prepared statements (PG_PREPARED_STATEMENTS; default on). */
  pgPreparedStatements?: boolean;
}

export async function createStorage(opts: CreateStorageOptions): Promise<Storage> {
  const url = opts.databaseUrl?.trim();
  let storage: Storage;
  if (url && /^postgres(ql)?:\/\//i.test(url))
    storage = new (await import("./postgres.js")).PostgresStorage(url, { preparedStatements: opts.pgPreparedStatements });
  else if (url === "memory:") storage = new MemoryStorage();
  else if (url) {
    throw new Error(
      `DATABASE_URL non reconnue : elle doit commencer par postgres:// ou postgresql:// (laissez-la vide pour utiliser SQLite dans ${opts.dataDir}).`,
    );
  } else storage = SqliteStorage.inDataDir(opts.dataDir, opts.sqliteSynchronous);
  if (opts.migrate !== false) {
    try {
      await storage.migrate();
    } catch (err) {
      await storage.close().catch(() => {});
      throw err;
    }
  }
  // The one place where text is made valid Unicode: every backend, scrubbed or not.
  return withValidText(opts.scrub === false ? storage : withScrubbing(storage));
}
