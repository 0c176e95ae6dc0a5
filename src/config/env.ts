/**
 * Configuration from the environment (and a `.env` file), validated by zod at
 * start with one clear French message per problem. `.env.example` documents
 * every variable.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { type KnowledgePaths, knowledgePaths } from "../core/paths.js";
import { loadStorageConfig } from "./storage.js";
import { RelaisError } from "../core/errors.js";

/**
 * The process environment: the one place that reads `process.env` (a test scans
 * `src/` for any other). Entry points read it once, at start, through loadConfig and
 * the settings parsers (server, Slack, storage commands); everything below receives values.
 */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}

const emptyToUndef = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const str = () => z.preprocess(emptyToUndef, z.string().optional());
const int = (def: number, min = 0) =>
  z.preprocess(
    emptyToUndef,
    z.coerce
      .number({ error: "doit être un nombre entier" })
      .int({ error: "doit être un nombre entier" })
      .min(min, { error: `doit être supérieur ou égal à ${min}` })
      .default(def),
  );

const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

export const EnvSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndef, z.enum(["development", "production", "test"]).default("development")),
  PORT: int(3978, 0),
  HOST: z.preprocess(emptyToUndef, z.string().default("0.0.0.0")),
  LOG_LEVEL: z.preprocess(emptyToUndef, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndef, z.string().default("knowledge")),
  PROMPTS_DIR: z.preprocess(emptyToUndef, z.string().default("prompts")),
  DATA_DIR: z.preprocess(emptyToUndef, z.string().default("data")),
  DATABASE_URL: str(),
  /** Read by the SQLite backend: NORMAL (default, SIGKILL-safe) or FULL (also power-cut-safe). */
  SQLITE_SYNCHRONOUS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toUpperCase() : undefined),
    z.enum(["NORMAL", "FULL", "EXTRA"], { error: "doit valoir NORMAL ou FULL" }).default("NORMAL"),
  ),
  /** Read by the PostgreSQL backend: named prepared statements on the hot queries (off behind PgBouncer < 1.21 in transaction mode). */
  PG_PREPARED_STATEMENTS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : undefined),
    z.enum(["on", "off", "true", "false", "1", "0", "yes", "no"], { error: "doit valoir on ou off" }).default("on"),
  ),
  PSEUDONYM_SECRET: str(),
  RETENTION_DAYS: int(365, 1),
  OPENAI_API_KEY: str(),
  OPENAI_BASE_URL: z.preprocess(emptyToUndef, z.string().url("OPENAI_BASE_URL doit être une URL (https://…/v1)").optional()),
  LLM_MODEL: str(),
  EMBEDDINGS_MODEL: str(),
  LLM_TIMEOUT_MS: int(8000, 100),
  ANSWER_CACHE_SIZE: int(500, 0),
  /** Replicas: load the index built by `cli index` as it is, never rebuild it (absent or damaged: exit 5). */
  INDEX_READONLY: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : undefined),
    z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { error: "doit valoir true ou false" }).default("false"),
  ),
  SLACK_SIGNING_SECRET: str(),
  SLACK_BOT_TOKEN: str(),
  SLACK_APP_TOKEN: str(),
  SLACK_API_URL: z.preprocess(emptyToUndef, z.string().url("SLACK_API_URL doit être une URL").optional()),
  MicrosoftAppId: str(),
  MicrosoftAppPassword: str(),
  MicrosoftAppTenantId: str(),
  MicrosoftAppType: z.preprocess(emptyToUndef, z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional()),
  CHANNELS_CONFIG: z.preprocess(emptyToUndef, z.string().default("config/channels.yaml")),
  /** Public address of the service (https://…): the report replies and the weekly digest link to its web report page. */
  PUBLIC_BASE_URL: z.preprocess(
    emptyToUndef,
    z
      .string()
      .url("PUBLIC_BASE_URL doit être une URL (https://relais.exemple.fr)")
      .refine((u) => /^https?:\/\//i.test(u), "PUBLIC_BASE_URL doit commencer par https:// (ou http:// en local)")
      .optional(),
  ),
  /** Weekly digest of the report, posted where the handoff cards go (off by default). */
  DIGEST_ENABLED: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : undefined),
    z.enum(["true", "false", "1", "0", "yes", "no", "on", "off", "oui", "non"], { error: "doit valoir true ou false" }).default("false"),
  ),
  /** Day of the digest: lundi … dimanche (or 1 = Monday … 7 = Sunday). */
  DIGEST_DAY: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : undefined),
    z
      .enum([...WEEKDAYS, "1", "2", "3", "4", "5", "6", "7"], { error: "doit être un jour de la semaine (lundi … dimanche) ou un nombre de 1 à 7" })
      .default("lundi"),
  ),
  /** Hour of the digest, Paris time (0–23). */
  DIGEST_HOUR: z.preprocess(
    emptyToUndef,
    z.coerce.number({ error: "doit être un nombre entier de 0 à 23" }).int({ error: "doit être un nombre entier de 0 à 23" }).min(0).max(23).default(9),
  ),
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigProblems extends RelaisError {
  readonly code = "config.invalid";
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `- ${p}`).join("\n")}`);
  }
}

export interface AppConfig {
  env: Env;
  production: boolean;
  /** Pino level (LOG_LEVEL). */
  logLevel: Env["LOG_LEVEL"];
  knowledgeDir: string;
  promptsDir: string;
  /** Every knowledge and prompt file, derived from KNOWLEDGE_DIR and PROMPTS_DIR. */
  paths: KnowledgePaths;
  dataDir: string;
  databaseUrl?: string;
  pseudonymSecret: string;
  retentionDays: number;
  /** Recent offline answers kept in memory (0 = none). */
  answerCacheSize: number;
  /** Load the prebuilt index read-only, never rebuild it (INDEX_READONLY). */
  indexReadOnly?: boolean;
  llm: { model?: string; baseURL?: string; apiKey?: string; timeoutMs: number };
  embeddings: { model?: string; baseURL?: string; apiKey?: string };
  /** Public address of the service, without a trailing slash (PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
  /** Weekly digest: day 1 = Monday … 7 = Sunday, hour 0–23 (Europe/Paris). Off by default. */
  digest: { enabled: boolean; day: number; hour: number };
  /** Backend tuning: SQLite synchronous level, PostgreSQL named prepared statements. */
  storage: { sqliteSynchronous: Env["SQLITE_SYNCHRONOUS"]; pgPreparedStatements: boolean };
}

/** Reads `.env` (if present) then validates; throws ConfigProblems listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = processEnv(), opts: { dotenv?: boolean } = {}): AppConfig {
  if (opts.dotenv !== false && source === process.env && existsSync(".env")) loadDotenv({ path: ".env", quiet: true });
  const parsed = EnvSchema.safeParse(source);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`);
  // Cross-variable checks run on the raw values too, so every problem is reported at once.
  const env = parsed.success ? parsed.data : (source as unknown as Env);
  if (env.LLM_MODEL && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL)
    problems.push("LLM_MODEL est défini mais ni OPENAI_API_KEY ni OPENAI_BASE_URL : indiquez où joindre le modèle.");
  if (Boolean(env.SLACK_SIGNING_SECRET) !== Boolean(env.SLACK_BOT_TOKEN))
    problems.push("Slack : SLACK_SIGNING_SECRET et SLACK_BOT_TOKEN vont ensemble (définissez les deux, ou aucun).");
  if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== "UserAssignedMSI")
    problems.push("Teams : MicrosoftAppId est défini sans MicrosoftAppPassword.");
  let storage: ReturnType<typeof loadStorageConfig> | undefined;
  try {
    storage = loadStorageConfig({ ...source, NODE_ENV: env.NODE_ENV });
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (problems.length || !storage || !parsed.success) throw new ConfigProblems(problems);
  return {
    env,
    production: env.NODE_ENV === "production",
    logLevel: env.LOG_LEVEL,
    knowledgeDir: path.resolve(env.KNOWLEDGE_DIR),
    promptsDir: path.resolve(env.PROMPTS_DIR),
    paths: knowledgePaths(env.KNOWLEDGE_DIR, env.PROMPTS_DIR),
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    pseudonymSecret: storage.pseudonymSecret,
    retentionDays: env.RETENTION_DAYS,
    answerCacheSize: env.ANSWER_CACHE_SIZE,
    indexReadOnly: ["true", "1", "yes", "on"].includes(env.INDEX_READONLY),
    llm: { model: env.LLM_MODEL, baseURL: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY, timeoutMs: env.LLM_TIMEOUT_MS },
    embeddings: { model: env.EMBEDDINGS_MODEL, baseURL: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY },
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ""),
    digest: {
      enabled: ["true", "1", "yes", "on", "oui"].includes(env.DIGEST_ENABLED),
      day: /^[1-7]$/.test(env.DIGEST_DAY) ? Number(env.DIGEST_DAY) : (WEEKDAYS as readonly string[]).indexOf(env.DIGEST_DAY) + 1,
      hour: env.DIGEST_HOUR,
    },
    storage: { sqliteSynchronous: env.SQLITE_SYNCHRONOUS, pgPreparedStatements: !["off", "false", "0", "no"].includes(env.PG_PREPARED_STATEMENTS) },
  };
}
