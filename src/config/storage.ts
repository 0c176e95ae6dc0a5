/**
 * Storage-related settings read from the environment (pseudonym secret, retention,
 * data folder). The service's configuration (env.ts) wraps this helper, and the
 * storage CLI commands call it on their own; keep it small and side-effect free.
 */
import path from "node:path";
import { RelaisError } from "../core/errors.js";

export interface StorageConfig {
  /** Folder holding the SQLite file (and other local data). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces SQLite. */
  databaseUrl?: string;
  /** Secret for pseudonymous user ids (HMAC-SHA256). */
  pseudonymSecret: string;
  /** Records older than this many days are purged by `purge`. */
  retentionDays: number;
  production: boolean;
}

/** Used only outside production, so that local runs and tests work without setup. */
export const DEV_PSEUDONYM_SECRET = "relais-ess-dev-secret-ne-pas-utiliser-en-production";
export const DEFAULT_RETENTION_DAYS = 365;

export class ConfigError extends RelaisError {
  readonly code = "config.storage";
}

export function loadStorageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const production = env.NODE_ENV === "production";
  const dataDir = path.resolve(env.DATA_DIR?.trim() || "./data");
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;

  let pseudonymSecret = env.PSEUDONYM_SECRET?.trim() ?? "";
  if (!pseudonymSecret) {
    if (production) {
      throw new ConfigError(
        "PSEUDONYM_SECRET est obligatoire en production : définissez un secret long et aléatoire " +
          "(par exemple `openssl rand -hex 32`). Il sert à rendre les identifiants des personnes pseudonymes.",
      );
    }
    pseudonymSecret = DEV_PSEUDONYM_SECRET;
  } else if (production && pseudonymSecret.length < 16) {
    throw new ConfigError("PSEUDONYM_SECRET est trop court : utilisez au moins 16 caractères en production.");
  }

  let retentionDays = DEFAULT_RETENTION_DAYS;
  const rawRetention = env.RETENTION_DAYS?.trim();
  if (rawRetention) {
    const n = Number(rawRetention);
    if (!Number.isInteger(n) || n < 1) {
      throw new ConfigError(`RETENTION_DAYS doit être un nombre entier de jours supérieur ou égal à 1 (valeur reçue : « ${rawRetention} »).`);
    }
    retentionDays = n;
  }

  return { dataDir, databaseUrl, pseudonymSecret, retentionDays, production };
}
