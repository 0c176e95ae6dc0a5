/**
 * The Teams channel, mountable on any HTTP server:
 *
 *   const teams = createTeamsChannel({ assistant, storage });
 *   app.post("/api/messages", express.json({ limit: "1mb" }), teams.handler);
 *
 * All botbuilder code lives in this folder (the Bot Framework SDK is archived;
 * moving to the Microsoft 365 Agents SDK is this folder's work only).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudAdapter, type TurnContext } from "botbuilder";
import type { Audience } from "../../core/ids.js";
import type { Assistant, HandoffTargets, Notifier } from "../../conversation/types.js";
import type { Storage } from "../../storage/types.js";
import { resolveAuth } from "./auth.js";
import { patchEntitySerialization } from "./compat.js";
import { RelaisTeamsBot } from "./bot.js";
import type { ReportAccess } from "./access.js";
import { consoleLogger, type Logger } from "./logger.js";
import { TeamsNotifier } from "./notifier.js";
import { apologyMessage } from "./render.js";
import type { RetryOptions } from "./retry.js";

export { TeamsConfigError } from "./auth.js";
export { mayReadReport, REPORT_DECLINED_TEXT, type ReportAccess } from "./access.js";
export { RelaisTeamsBot, channelRefKey, commandOf, type StoredChannelRef } from "./bot.js";
export { TeamsNotifier, TeamsHandoffError } from "./notifier.js";
export { renderReply, MAX_ACTIVITY_BYTES } from "./render.js";
export { withRetry, RETRYABLE_STATUSES } from "./retry.js";
export type { Logger } from "./logger.js";

export interface TeamsChannelOptions {
  assistant: Assistant;
  storage: Storage;
  /** Defaults to process.env.MicrosoftAppId (and likewise for the three others). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType?: string;
  /** Defaults to process.env.NODE_ENV; "production" refuses anonymous mode. */
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
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, "request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new BodyError(400, "invalid JSON body"));
      }
    });
    req.on("error", reject);
  });
}

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
  const env = process.env;
  const logger = opts.logger ?? consoleLogger;
  const resolved = resolveAuth(
    {
      appId: opts.appId ?? env.MicrosoftAppId,
      appPassword: opts.appPassword ?? env.MicrosoftAppPassword,
      appTenantId: opts.appTenantId ?? env.MicrosoftAppTenantId,
      appType: opts.appType ?? env.MicrosoftAppType,
      nodeEnv: opts.nodeEnv ?? env.NODE_ENV,
    },
    logger,
  );
  if (!patchEntitySerialization()) {
    logger.warn("teams: could not patch the Entity serializer — AI labels and citations may be stripped");
  }
  const adapter = new CloudAdapter(resolved.auth);
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
    logger.error({ err: error?.message ?? String(error), type: context.activity.type }, "teams: unhandled turn error");
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
  const handler = async (req: AnyRequest, res: AnyResponse): Promise<void> => {
    const response = expressLike(res);
    if (req.body === undefined || req.body === null || Buffer.isBuffer(req.body) || typeof req.body === "string") {
      try {
        req.body =
          Buffer.isBuffer(req.body) || typeof req.body === "string"
            ? JSON.parse(req.body.toString())
            : await readJsonBody(req, limit);
      } catch (err) {
        const status = err instanceof BodyError ? err.status : 400;
        response.statusCode = status;
        response.end();
        return;
      }
    }
    await adapter.process(req as never, response as never, (context) => bot.run(context));
  };

  return { handler, notifier, adapter, bot, anonymous: resolved.anonymous, appId: resolved.appId };
}
