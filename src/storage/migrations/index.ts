/**
 * Versioned migrations, one SQL list per backend. A migration is never edited
 * once released: add a new version instead. Applied in order by `migrate()`,
 * each in its own transaction, and recorded in the `migrations` table.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export { SQLITE_MIGRATIONS } from "./sqlite.js";
export { POSTGRES_MIGRATIONS } from "./postgres.js";
