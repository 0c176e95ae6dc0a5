/**
 * The Teams channel, mountable on any HTTP server:
 *
 *   const teams = createTeamsChannel({ assistant, storage });
 *   app.post("/api/messages", express.json({ limit: "1mb" }), teams.handler);
 *
 * All botbuilder code lives in this folder (the Bot Framework SDK is archived;
 * moving to the Microsoft 365 Agents SDK is this folder's work only).
 *
 * The handler answers every failure itself, with a fixed French message and
 * the right status: an unreadable body 400, a body over the limit 413 (read to
 * its end first, so the client gets the answer, not a reset), an activity that
 * is not one 400, a token that fails Bot Framework authentication — forged,
 * expired, wrongly signed — 401 with one log line and no library text. In
 * anonymous mode (no credentials, outside production) only loopback
 * `serviceUrl`s are accepted (403 otherwise): replies cannot be relayed to an
 * address a caller chooses.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { CloudAdapter, type Activity, type TurnContext } from "botbuilder";
import { z } from "zod";
import { processEnv } from "../../config/env.js";
import type { Audience } from "../../domain/ids.js";
import type { Assistant, HandoffTargets, Notifier } from "../../conversation/types.js";
import { resolveAuth } from "./auth.js";
import { patchEntitySerialization, quietTokenErrors } from "./compat.js";
import { RelaisTeamsBot, type TeamsStorage } from "./bot.js";
import type { ReportAccess } from "./access.js";
import { consoleLogger, type Logger } from "./logger.js";
import { TeamsNotifier } from "./notifier.js";
import { apologyMessage } from "./render.js";
import { tokenRejection } from "./token.js";
import { teamsDigestPoster } from "./digest.js";
import type { DigestPoster } from "../../report/digest.js";
import type { ChannelRefStore } from "../../storage/types.js";
import type { RetryOptions } from "./retry.js";
import { RelaisError } from "../../core/errors.js";

export { TeamsConfigError } from "./auth.js";
export { mayReadReport, REPORT_DECLINED_TEXT, type ReportAccess } from "./access.js";
export { RelaisTeamsBot, channelRefKey, commandOf, type StoredChannelRef } from "./bot.js";
export { TeamsNotifier, TeamsHandoffError } from "./notifier.js";
export { renderReply, MAX_ACTIVITY_BYTES } from "./render.js";
export { withRetry, RETRYABLE_STATUSES } from "./retry.js";
export type { Logger } from "./logger.js";

export interface TeamsChannelOptions {
  assistant: Assistant;
  storage: TeamsStorage;
  /** Defaults to the environment's MicrosoftAppId (and likewise for the three others). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType?: string;
  /** Defaults to the environment's NODE_ENV; "production" refuses anonymous mode. */
  nodeEnv?: string;
  /** Audience per Teams team id (agents by default). */
  teamAudience?: Record<string, Audience>;
  /** Where handoffs go; `default.teams` is the fallback target of the notifier. */
  handoffTargets?: HandoffTargets;
  logger?: Logger;
  /** Retry policy of outgoing connector calls (tests shorten it). */
  retry?: RetryOptions;
  /** Size budget of one outgoing activity in bytes (default 26 000). */
  maxActivityBytes?: number;
  /** Registers the notifier with the assistant (default true). */
  registerNotifier?: boolean;
  /** Largest accepted request body when the handler parses it itself (default 1 MB). */
  bodyLimitBytes?: number;
  /**
   * Extra Bot Framework authentication settings (ConfigurationBotFrameworkAuthentication
   * keys such as ToBotFromChannelOpenIdMetadataUrl): tests point them at a local
   * OpenID endpoint. Never needed in production.
   */
  authSettings?: Record<string, string>;
  /** Who may see the report (config/channels.yaml `teams.agents`; nobody by default). */
  reportAccess?: ReportAccess;
  /** Key of the pseudonymous person keys the channel keeps (the service passes PSEUDONYM_SECRET). */
  secret?: string;
  /** Minimum time between two streaming updates, ms (default 1000). */
  streamIntervalMs?: number;
}

type AnyRequest = IncomingMessage & { body?: unknown; headers: Record<string, string | string[] | undefined> };
type AnyResponse = ServerResponse & {
  status?: (code: number) => unknown;
  header?: (name: string, value: string | number | readonly string[]) => unknown;
  send?: (body?: unknown) => unknown;
};

export interface TeamsChannel {
  /** Express-compatible handler for POST /api/messages (parses JSON itself if no body parser ran). */
  handler: (req: AnyRequest, res: AnyResponse) => Promise<void>;
  notifier: Notifier;
  adapter: CloudAdapter;
  bot: RelaisTeamsBot;
  /** True when running without Bot Framework credentials (local testing only). */
  anonymous: boolean;
  appId: string;
  /** Posts the weekly digest to a Teams channel id, through the conversation references kept in `storage`. */
  digestPoster(storage: ChannelRefStore, target: string): DigestPoster;
}

/** CloudAdapter whose activity processing can run on an authentication result checked beforehand. */
class RelaisCloudAdapter extends CloudAdapter {
  runAuthenticated(...args: Parameters<CloudAdapter["processActivity"]>): ReturnType<CloudAdapter["processActivity"]> {
    return this.processActivity(...args);
  }
}

class BodyError extends RelaisError {
  readonly code = "teams.body";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads and parses a JSON body. Over `limit`, the rest is read and dropped before
 * the 413 (like express's body parser): answering while the client still sends
 * would reset the connection instead of showing the status.
 */
function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers["content-length"] ?? 0) > limit;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) return reject(new BodyError(413, "request body too large"));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new BodyError(400, "invalid JSON body"));
      }
    });
    req.on("error", () => reject(new BodyError(400, "request body could not be read")));
  });
}

/** What every Bot Framework activity carries; the rest is checked by botbuilder. */
const IncomingActivity = z
  .object({
    type: z.string().min(1).max(100),
    serviceUrl: z
      .string()
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u)),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  })
  .passthrough();

/** True for http(s) URLs on this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackUrl(raw: string): boolean {
  let host: string;
  try {
    host = new URL(raw).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || /^::ffff:127\./.test(host);
  return false;
}

const MESSAGES = {
  400: "Requête Teams invalide : le corps doit être une activité Bot Framework (type, serviceUrl, conversation).",
  401: "Authentification Bot Framework refusée.",
  403: "Mode anonyme (test local) : seules les adresses de réponse locales sont acceptées (serviceUrl en 127.0.0.1, ::1 ou localhost).",
  405: "Méthode non autorisée : utilisez POST.",
  413: "Le corps de la requête est trop volumineux.",
  500: "Erreur interne du service. Réessayez plus tard.",
} as const;

/** Gives a plain Node response the express-like methods CloudAdapter calls. */
function expressLike(res: AnyResponse): AnyResponse {
  if (typeof res.status === "function" && typeof res.send === "function" && typeof res.header === "function") return res;
  const r = res as AnyResponse & {
    status: (code: number) => unknown;
    send: (body?: unknown) => unknown;
    header: (name: string, value: string | number | readonly string[]) => unknown;
  };
  r.status = (code: number) => {
    res.statusCode = code;
    return r;
  };
  r.header = (name: string, value: string | number | readonly string[]) => {
    res.setHeader(name, value);
    return r;
  };
  r.send = (body?: unknown) => {
    if (body === undefined || body === null) return r;
    if (typeof body === "object" && !Buffer.isBuffer(body)) {
      if (!res.headersSent) res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.write(JSON.stringify(body));
    } else {
      res.write(body as string | Buffer);
    }
    return r;
  };
  return r;
}

export function createTeamsChannel(opts: TeamsChannelOptions): TeamsChannel {
  const env = processEnv();
  const logger = opts.logger ?? consoleLogger;
  const resolved = resolveAuth(
    {
      appId: opts.appId ?? env.MicrosoftAppId,
      appPassword: opts.appPassword ?? env.MicrosoftAppPassword,
      appTenantId: opts.appTenantId ?? env.MicrosoftAppTenantId,
      appType: opts.appType ?? env.MicrosoftAppType,
      nodeEnv: opts.nodeEnv ?? env.NODE_ENV,
      settings: opts.authSettings,
    },
    logger,
  );
  if (!patchEntitySerialization()) {
    logger.warn("teams: could not patch the Entity serializer — AI labels and citations may be stripped");
  }
  if (!resolved.anonymous) quietTokenErrors();
  const adapter = new RelaisCloudAdapter(resolved.auth);
  const bot = new RelaisTeamsBot({
    assistant: opts.assistant,
    storage: opts.storage,
    logger,
    teamAudience: opts.teamAudience,
    retry: opts.retry,
    maxBytes: opts.maxActivityBytes,
    reportAccess: opts.reportAccess,
    secret: opts.secret,
    streamIntervalMs: opts.streamIntervalMs,
  });

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, type: context.activity.type }, "teams: unhandled turn error");
    if (context.activity.type === "message") {
      try {
        await context.sendActivity(apologyMessage());
      } catch {
        // The connector itself is failing: nothing more to do.
      }
    }
  };

  const notifier = new TeamsNotifier({
    adapter,
    appId: resolved.appId,
    storage: opts.storage,
    logger,
    handoffTargets: opts.handoffTargets,
    retry: opts.retry,
  });
  if (opts.registerNotifier !== false) opts.assistant.registerNotifier(notifier);

  const limit = opts.bodyLimitBytes ?? 1_000_000;
  const fail = (res: AnyResponse, status: keyof typeof MESSAGES) => {
    if (res.headersSent) return void res.end();
    res.statusCode = status;
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: MESSAGES[status] }));
  };
  const handler = async (req: AnyRequest, res: AnyResponse): Promise<void> => {
    if (req.method !== "POST") return fail(res, 405);
    let body: unknown = req.body;
    if (body === undefined || body === null || Buffer.isBuffer(body) || typeof body === "string") {
      try {
        body = Buffer.isBuffer(body) || typeof body === "string" ? JSON.parse(body.toString()) : await readJsonBody(req, limit);
      } catch (err) {
        return fail(res, err instanceof BodyError && err.status === 413 ? 413 : 400);
      }
    }
    const parsed = IncomingActivity.safeParse(body);
    if (!parsed.success) return fail(res, 400);
    const activity = withDates(parsed.data as unknown as Activity);
    if (resolved.anonymous && !isLoopbackUrl(activity.serviceUrl)) {
      logger.warn({ type: activity.type }, "teams: anonymous mode refuses a non-loopback serviceUrl");
      return fail(res, 403);
    }
    const authHeader = String(req.headers.authorization ?? "");
    const rejected = resolved.anonymous ? null : tokenRejection(authHeader);
    if (rejected) {
      logger.warn({ reason: rejected }, "teams: request refused (Bot Framework authentication)");
      return fail(res, 401);
    }
    let authResult: Awaited<ReturnType<typeof resolved.auth.authenticateRequest>>;
    try {
      authResult = await resolved.auth.authenticateRequest(activity, authHeader);
    } catch (err) {
      // One line, no stack: forged tokens are routine noise on a public endpoint.
      logger.warn({ reason: authFailure(err) }, "teams: request refused (Bot Framework authentication)");
      return fail(res, 401);
    }
    try {
      const invoke = await adapter.runAuthenticated(authResult, activity, (context) => bot.run(context));
      if (res.headersSent) return void res.end();
      const response = expressLike(res);
      res.statusCode = invoke?.status ?? 200;
      if (invoke?.body !== undefined && invoke.body !== null) response.send!(invoke.body);
      res.end();
    } catch (err) {
      logger.error({ err }, "teams: activity processing failed");
      fail(res, 500);
    }
  };

  const appId = resolved.appId;
  const digestPoster = (refs: ChannelRefStore, target: string) => teamsDigestPoster({ adapter, appId, storage: refs, target });
  return { handler, notifier, adapter, bot, anonymous: resolved.anonymous, appId, digestPoster };
}

/** Timestamps as Date objects, as botbuilder's own request handling does. */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ["timestamp", "rawTimestamp"],
    ["expiration", "rawExpiration"],
    ["localTimestamp", "rawLocalTimestamp"],
  ] as const) {
    if (typeof a[field] === "string") {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string);
    }
  }
  return activity;
}

/** A short, fixed reason for the log line of a refused token (never the token, never a stack). */
function authFailure(err: unknown): string {
  const e = err as { name?: unknown; message?: unknown };
  const name = typeof e?.name === "string" ? e.name : "Error";
  const message = typeof e?.message === "string" ? e.message.replace(/\s+/g, " ").slice(0, 120) : "";
  return `${name}: ${message}`;
}
