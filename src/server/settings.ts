/**
 * Service-only settings (HTTP limits, playground switch, proxy trust), read
 * from the environment and validated by zod with one French message per
 * problem. They complement src/config/env.ts (which owns every other
 * variable); main.ts reports the problems of both together.
 */
import { z } from "zod";
import { RelaisError } from "../core/errors.js";

const emptyToUndef = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const int = (def: number, min: number, max: number, name: string) =>
  z.preprocess(
    emptyToUndef,
    z.coerce
      .number({ error: `${name} doit être un nombre entier` })
      .int(`${name} doit être un nombre entier`)
      .min(min, `${name} doit valoir au moins ${min}`)
      .max(max, `${name} doit valoir au plus ${max}`)
      .default(def),
  );
const bool = (name: string) =>
  z.preprocess((v) => {
    const s = emptyToUndef(v);
    if (typeof s !== "string") return s;
    const t = s.trim().toLowerCase();
    if (["1", "true", "oui", "yes", "on"].includes(t)) return true;
    if (["0", "false", "non", "no", "off"].includes(t)) return false;
    return s;
  }, z.boolean({ error: `${name} doit valoir true ou false` }).optional());

export const ServerEnvSchema = z.object({
  /** Playground and its API (/, /api/turn, /api/vocabulary, /api/report). Default: on outside production. */
  WEB_PLAYGROUND: bool("WEB_PLAYGROUND"),
  /** express "trust proxy": number of proxy hops, true/false, or a list of addresses. */
  TRUST_PROXY: z.preprocess(emptyToUndef, z.string().optional()),
  /** Requests per minute and per IP on /api/ask and the playground API (0 = no limit). */
  RATE_LIMIT_PER_MINUTE: int(120, 0, 1_000_000, "RATE_LIMIT_PER_MINUTE"),
  /** Turns per minute and per playground user (0 = no limit). */
  RATE_LIMIT_USER_PER_MINUTE: int(30, 0, 1_000_000, "RATE_LIMIT_USER_PER_MINUTE"),
  /** Requests per minute and per IP on the signed endpoints /slack/events and /api/messages (0 = no limit). */
  RATE_LIMIT_SIGNED_PER_MINUTE: int(3000, 0, 10_000_000, "RATE_LIMIT_SIGNED_PER_MINUTE"),
  /** Upper bound of one core call from /api/ask or /api/turn, ms. */
  REQUEST_TIMEOUT_MS: int(20_000, 100, 600_000, "REQUEST_TIMEOUT_MS"),
  /** How long shutdown waits for in-flight requests and turns, ms. */
  SHUTDOWN_TIMEOUT_MS: int(10_000, 0, 120_000, "SHUTDOWN_TIMEOUT_MS"),
  /** Time spent answering sample needs at start, before taking traffic (0: none). */
  WARMUP_MS: int(1500, 0, 60_000, "WARMUP_MS"),
  /** Worker threads computing offline answers (0: on the main thread; auto: one, started only under load). */
  ANSWER_WORKERS: z.union([z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.literal("auto")), int(0, 0, 16, "ANSWER_WORKERS")], {
    error: "ANSWER_WORKERS doit valoir auto ou un nombre entier de 0 à 16",
  }),
});

export interface ServerSettings {
  playground: boolean;
  trustProxy: boolean | number | string;
  rateLimitPerMinute: number;
  rateLimitUserPerMinute: number;
  rateLimitSignedPerMinute: number;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  warmUpMs: number;
  /** Worker threads computing offline answers (0: the main thread answers; "auto": one, started under load). */
  answerWorkers: number | "auto";
  /** Largest JSON body accepted on /api/*, bytes. */
  jsonLimitBytes: number;
  /** Largest body accepted on the signed channel endpoints (/api/messages, /slack/events), bytes. */
  teamsBodyLimitBytes: number;
}

export class ServerSettingsProblems extends RelaisError {
  readonly code = "config.server";
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined) return false;
  const t = raw.trim().toLowerCase();
  if (t === "true") return true;
  if (t === "false") return false;
  if (/^\d+$/.test(t)) return Number(t);
  return raw.trim();
}

/** Reads the service settings; throws ServerSettingsProblems (one message per problem). */
export function loadServerSettings(source: NodeJS.ProcessEnv, production = source.NODE_ENV === "production"): ServerSettings {
  const parsed = ServerEnvSchema.safeParse(source);
  if (!parsed.success) throw new ServerSettingsProblems(parsed.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`));
  const e = parsed.data;
  return {
    playground: e.WEB_PLAYGROUND ?? !production,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitUserPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
    rateLimitSignedPerMinute: e.RATE_LIMIT_SIGNED_PER_MINUTE,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    warmUpMs: e.WARMUP_MS,
    answerWorkers: e.ANSWER_WORKERS,
    jsonLimitBytes: 64 * 1024,
    teamsBodyLimitBytes: 1024 * 1024,
  };
}
