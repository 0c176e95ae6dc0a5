/**
 * The Slack channel: a Bolt app rendering the core's replies in Slack.
 *
 * HTTP mode (default): mount `router` on the service's express app *before*
 * any body parser (Bolt verifies the signature on the raw body); it answers
 * `POST /slack/events` for events, slash commands and interactivity.
 * Socket Mode: set `appToken` (xapp-…) and call `start()`.
 *
 * ```ts
 * const slack = createSlackChannel({ assistant, storage: assistant.storage, signingSecret, botToken });
 * assistant.registerNotifier(slack.notifier);
 * expressApp.use(slack.router);
 * ```
 */
import express, { type Router } from "express";
import { App, ExpressReceiver, type webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { createLogger } from "../../core/log.js";
import { processEnv } from "../../config/env.js";
import type { Audience } from "../../domain/ids.js";
import type { Assistant, HandoffTargets, Notifier } from "../../conversation/types.js";
import { boltLogger } from "./logger.js";
import { registerActions } from "./listeners/actions.js";
import { registerAssistant } from "./listeners/assistant.js";
import { registerCommands } from "./listeners/commands.js";
import { registerGuards } from "./listeners/guards.js";
import { registerHome } from "./listeners/home.js";
import { registerMessageListeners } from "./listeners/messages.js";
import { registerShortcuts } from "./listeners/shortcuts.js";
import { registerViews } from "./listeners/views.js";
import { SlackNotifier } from "./notifier.js";
import { SlackRuntime, type SlackStorage } from "./runtime.js";
import { createSlackTransport } from "./transport.js";
import { slackDigestPoster } from "./digest.js";
import type { DigestPoster } from "../../report/digest.js";

export { loadChannelConfig, parseChannelConfig, slackSettingsFromEnv, ChannelConfigError, type SlackConfig } from "./config.js";
export { renderReply, renderHandoffNotice, renderFallback, LIMITS, ACTION } from "./render.js";
export { escapeMrkdwn, toMrkdwn } from "./mrkdwn.js";
export { slackToPlain, apologyReply } from "./runtime.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackChannelOptions {
  assistant: Assistant;
  storage?: SlackStorage;
  signingSecret: string;
  botToken: string;
  /** xapp-… token: use Socket Mode instead of HTTP (never in tests: it needs slack.com). */
  appToken?: string;
  /** Web API base URL (tests, proxies), e.g. http://127.0.0.1:PORT/api/ */
  apiUrl?: string;
  /** Slack channel id → audience; `porteur` when absent. */
  audienceMap?: Record<string, Audience>;
  /** Slack channel per process for handoffs (`default` for the others). */
  handoffTargets?: HandoffTargets;
  logger?: Logger;
  /** Web API retries (429 and network errors). Default: 4 retries, exponential backoff from 500 ms. */
  retryConfig?: webApi.RetryOptions;
  /** Timeout of one Web API call, ms. Default 10 000. */
  apiTimeoutMs?: number;
  /** Upper bound for one core call, ms; past it the person gets an apology. Default 30 000. */
  coreTimeoutMs?: number;
  /**
   * How long a free-text answer may take before the thread shows « réfléchit… », ms. A quicker
   * answer needs no status: it saves a Web API call that would otherwise come before the answer.
   * 0 shows it at once. Default 300.
   */
  statusDelayMs?: number;
  /**
   * Secret of the pseudonymous person keys the channel keeps (the service passes
   * PSEUDONYM_SECRET, so `forget` finds them); the signing secret when absent.
   */
  pseudonymSecret?: string;
}

export interface SlackChannel {
  /** Express router answering POST /slack/events (events, commands, interactivity). */
  router: Router;
  notifier: Notifier;
  app: App;
  /** Starts Socket Mode when an app token is set; nothing to do in HTTP mode. */
  start(): Promise<void>;
  /** Stops Socket Mode and waits (bounded) for work started after acknowledgements. */
  stop(): Promise<void>;
  /** Resolves when the work started after acknowledgements is done (tests, shutdown). */
  idle(timeoutMs?: number): Promise<void>;
  /** Posts the weekly digest to a Slack channel id. */
  digestPoster(target: string): DigestPoster;
  readonly mode: "http" | "socket";
}

export function createSlackChannel(opts: SlackChannelOptions): SlackChannel {
  if (!opts.signingSecret && !opts.appToken) throw new Error("Slack: signingSecret is required in HTTP mode");
  if (!opts.botToken) throw new Error("Slack: botToken is required");
  const logger = (opts.logger ?? createLogger({ level: processEnv().LOG_LEVEL ?? "info" })).child({ channel: "slack" });
  const storage = opts.storage ?? opts.assistant.storage;

  const rt = new SlackRuntime({
    assistant: opts.assistant,
    storage,
    logger,
    audienceMap: opts.audienceMap ?? {},
    handoffTargets: opts.handoffTargets ?? {},
    coreTimeoutMs: opts.coreTimeoutMs ?? 30_000,
    statusDelayMs: opts.statusDelayMs ?? 300,
    httpTimeoutMs: opts.apiTimeoutMs ?? 10_000,
    secret: opts.pseudonymSecret || opts.signingSecret || opts.appToken || opts.botToken,
  });

  const transport = createSlackTransport();
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: opts.apiUrl,
    fetch: transport.fetch,
    rejectRateLimitedCalls: false,
    retryConfig: opts.retryConfig ?? { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true },
    timeout: opts.apiTimeoutMs ?? 10_000,
  };
  const blog = boltLogger(logger);

  const socket = !!opts.appToken;
  let router: Router;
  let app: App;
  if (socket) {
    app = new App({ token: opts.botToken, appToken: opts.appToken, socketMode: true, clientOptions, logger: blog, convoStore: false });
    router = express.Router();
  } else {
    const receiver = new ExpressReceiver({
      signingSecret: opts.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      // Acknowledge at once; the core's work continues after the HTTP response.
      processBeforeResponse: false,
      logger: blog,
    });
    // No conversation store: the conversation state lives in the shared storage (Bolt's default
    // MemoryStore would cost a look-up per event and grow with every conversation).
    app = new App({ receiver, token: opts.botToken, clientOptions, logger: blog, convoStore: false });
    // Bolt refuses stale timestamps but not future ones: a request signed "10 minutes from
    // now" could be replayed for 15 minutes. Refused here before the receiver sees it.
    router = express.Router();
    router.post(SLACK_EVENTS_PATH, requireFreshTimestamp(logger));
    router.use(receiver.router as Router);
  }

  app.error(async (err) => {
    logger.error({ err }, "bolt error");
  });

  registerGuards(app, rt);
  registerAssistant(app, rt);
  registerMessageListeners(app, rt);
  registerCommands(app, rt);
  registerActions(app, rt);
  registerViews(app, rt);
  registerShortcuts(app, rt);
  registerHome(app, rt);

  const notifier = new SlackNotifier(() => app.client, rt);

  return {
    router,
    notifier,
    app,
    mode: socket ? "socket" : "http",
    async start() {
      if (socket) await app.start();
    },
    async stop() {
      if (socket) await app.stop();
      await rt.idle(10_000);
      await transport.close().catch(() => undefined);
    },
    idle: (timeoutMs?: number) => rt.idle(timeoutMs),
    digestPoster: (target: string) => slackDigestPoster(() => app.client, target),
  };
}

/** Largest gap between Slack's request timestamp and our clock, either way (Slack's own rule). */
export const SLACK_MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Refuses (401) a request whose `X-Slack-Request-Timestamp` is missing, not a
 * whole number of seconds, or more than 5 minutes away from now — in the past
 * (as Bolt does) or in the future (which Bolt lets through).
 */
export function requireFreshTimestamp(logger: Pick<Logger, "warn">, now: () => number = Date.now): express.RequestHandler {
  return (req, res, next) => {
    const raw = req.headers["x-slack-request-timestamp"];
    const ts = typeof raw === "string" && /^\d{1,12}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (Number.isFinite(ts) && Math.abs(now() / 1000 - ts) <= SLACK_MAX_CLOCK_SKEW_S) return next();
    logger.warn(
      { reason: Number.isFinite(ts) ? (ts > now() / 1000 ? "timestamp in the future" : "stale timestamp") : "no timestamp" },
      "slack: request refused",
    );
    res.status(401).json({ error: "Requête Slack refusée : horodatage absent ou trop éloigné de l'heure du serveur." });
  };
}
