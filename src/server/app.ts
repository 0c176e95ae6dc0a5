/**
 * The service's HTTP server: one express 5 app on PORT serving every channel.
 *
 *   /slack/events   Slack (Bolt receiver; mounted when Slack is configured)
 *   /api/messages   Teams (botbuilder CloudAdapter; anonymous outside production)
 *   POST /api/ask   JSON question → the core's Reply
 *   /api/turn, /api/vocabulary, /api/report, /   the web playground (src/channels/web)
 *   GET /report     the web report for agents, behind a signed link (src/channels/web/report-page.ts)
 *   /healthz, /readyz, /metrics                  operations
 *
 * Raw-body channels (Slack, Teams) are mounted before any JSON parser; JSON
 * bodies are parsed per route with a size limit. Logs carry no personal data:
 * route, method, status, latency, reply type and refusal only.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import type { Logger } from "pino";
import { createLogger } from "../core/log.js";
import { z } from "zod";
import { type AppConfig, processEnv } from "../config/env.js";
import { Audience } from "../domain/ids.js";
import { Reply } from "../domain/reply.js";
import type { Runtime } from "../runtime.js";
import type { SlackConfig } from "../channels/slack/index.js";
import { createWebChannel } from "../channels/web/index.js";
import { createReportPage } from "../channels/web/report-page.js";
import { createChannels, type ChannelKits, type ChannelSetup } from "./channels.js";
import { createServiceDigest } from "./digest.js";
import { DEV_PSEUDONYM_SECRET } from "../config/storage.js";
import type { Clock, DigestScheduler } from "../report/digest.js";
import { asyncRoute, issueText, limiter, requireJson, sendError } from "../http/helpers.js";
import { TimeoutError, withTimeout } from "../core/timeout.js";
import { instrumentAssistant, type InstrumentedAssistant } from "./instrument.js";
import { createMetrics, type ServiceMetrics } from "./metrics.js";
import { loadServerSettings, type ServerSettings } from "./settings.js";
import { MAX_QUESTION_CHARS } from "../core/limits.js";

export { MAX_QUESTION_CHARS };

/** French messages for client errors raised by the body parsers (status kept as raised). */
const CLIENT_ERRORS: Record<number, string> = {
  400: "Le corps de la requête est illisible (JSON, encodage ou compression invalide).",
  403: "Requête refusée.",
  411: "La longueur du corps de la requête doit être indiquée.",
  413: "Le corps de la requête est trop volumineux.",
  415: "Type de contenu non pris en charge : envoyez du JSON en UTF-8.",
};

export const AskRequest = z
  .object({
    question: z
      .string({ error: "le champ question doit être un texte" })
      .trim()
      .min(1, "la question est vide : écrivez une question")
      .max(MAX_QUESTION_CHARS, `la question est trop longue (${MAX_QUESTION_CHARS} caractères au plus)`),
    audience: Audience.default("porteur"),
  })
  .strict();
export type AskRequest = z.infer<typeof AskRequest>;

export type ServiceRuntime = Pick<Runtime, "assistant" | "storage" | "index"> & Partial<Pick<Runtime, "pool">>;

export interface CreateServerOptions {
  runtime: ServiceRuntime;
  config: AppConfig;
  logger?: Logger;
  /** Overrides of the settings read from the environment (tests). */
  settings?: Partial<ServerSettings>;
  /** config/channels.yaml content (audiences, handoff targets); empty by default. */
  channelsFile?: SlackConfig;
  /** Channels to mount instead of those derived from the configuration (tests). */
  channels?: ChannelSetup;
  /** The code of the channels the configuration turns on (loadChannelKits); needed unless `channels` is given. */
  kits?: ChannelKits;
  /** Clock of the weekly digest (tests fire its timer themselves). */
  clock?: Clock;
}

export interface Service {
  app: express.Express;
  /** The assistant every channel uses (counts replies, tracks turns for shutdown). */
  assistant: InstrumentedAssistant;
  metrics: ServiceMetrics;
  channels: ChannelSetup;
  settings: ServerSettings;
  /** The weekly digest (null when DIGEST_ENABLED is off or no team channel is configured). */
  digest: DigestScheduler | null;
  /** Starts listening; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, finishes in-flight requests and turns (bounded), stops channels. Idempotent. */
  close(): Promise<void>;
  readonly server: http.Server | null;
}

/** Low-cardinality route label for metrics and logs (never the raw URL). */
export function routeLabel(req: Request): string {
  const p = req.path;
  if (p === "/slack/events" || p === "/api/messages" || p === "/api/ask" || p === "/api/turn" || p === "/api/report" || p === "/report") return p;
  if (p === "/api/vocabulary" || p === "/healthz" || p === "/readyz" || p === "/metrics") return p;
  if (p.startsWith("/api/")) return "/api/other";
  if (req.method === "GET" || req.method === "HEAD") return "static";
  return "other";
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  next();
};

export function createServer(o: CreateServerOptions): Service {
  const settings: ServerSettings = { ...loadServerSettings(processEnv(), o.config.production), ...o.settings };
  const logger = o.logger ?? createLogger({ level: o.config.logLevel });
  const httpLog = logger.child({ component: "http" });
  const metrics = createMetrics();
  const assistant = instrumentAssistant(o.runtime.assistant, metrics);
  const storage = o.runtime.storage;
  const channels =
    o.channels ??
    createChannels({
      assistant,
      storage,
      config: o.config,
      channelsFile: o.channelsFile ?? { audienceMap: {}, handoffTargets: {} },
      logger,
      teamsBodyLimitBytes: settings.teamsBodyLimitBytes,
      kits: o.kits ?? {},
    });

  const digest = createServiceDigest({
    config: o.config,
    channels,
    storage,
    handoffTargets: o.channelsFile?.handoffTargets ?? {},
    logger,
    clock: o.clock,
  });

  const app = express();
  app.disable("x-powered-by");
  // Answers are POST responses, never revalidated: no ETag (a hash of every JSON body otherwise).
  app.set("etag", false);
  app.set("trust proxy", settings.trustProxy);

  let shuttingDown = false;
  let inflightRequests = 0;
  const requestsDone = new Set<() => void>();

  // Access log + metrics + in-flight tracking.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    inflightRequests++;
    if (shuttingDown) res.setHeader("Connection", "close");
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inflightRequests--;
      if (inflightRequests === 0) for (const cb of requestsDone) cb();
      const route = routeLabel(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.httpRequests.inc({ route, method: req.method, status: String(status) });
      metrics.httpDuration.observe({ route, method: req.method }, seconds);
      if (route === "/metrics" || route === "/healthz" || route === "/readyz") return;
      const entry: Record<string, unknown> = { route, method: req.method, status, ms: Math.round(seconds * 1000) };
      if (res.locals.replyType) entry.replyType = res.locals.replyType;
      if (res.locals.refused !== undefined) entry.refused = res.locals.refused;
      if (status >= 500) httpLog.warn(entry, "request");
      else httpLog.info(entry, "request");
    };
    res.on("finish", finish);
    res.on("close", finish);
    next();
  });
  app.use(securityHeaders);

  const noteReply = (res: Response, reply: Reply) => {
    res.locals.replyType = reply.type;
    res.locals.refused = reply.refused;
  };

  // ---- Operations (no rate limit: probes and scrapers must always get through).
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  app.get(
    "/readyz",
    asyncRoute(async (_req, res) => {
      const loaded = o.runtime.index?.index;
      const index = (loaded?.chunks.length ?? 0) > 0;
      let store = false;
      try {
        store = await withTimeout(storage.ping(), 2000);
      } catch {
        store = false;
      }
      const ready = index && store && !shuttingDown;
      res
        .status(ready ? 200 : 503)
        .set("Cache-Control", "no-store")
        .json({
          status: ready ? "ready" : shuttingDown ? "shutting-down" : "not-ready",
          checks: { index, storage: store },
          // Which index artifact this replica serves: every replica behind the balancer should show the same one.
          ...(loaded?.manifest ? { index: { fingerprint: loaded.manifest.corpusHash, chunks: loaded.chunks.length, builtAt: loaded.manifest.builtAt } } : {}),
          // Answering workers ready of those configured (until they are, the main thread answers); "auto": started under load only.
          ...(o.runtime.pool
            ? { answerWorkers: { ready: o.runtime.pool.size, configured: o.runtime.pool.onDemand ? "auto" : o.runtime.pool.configured } }
            : {}),
        });
    }),
  );
  app.get(
    "/metrics",
    asyncRoute(async (_req, res) => {
      res.set("Content-Type", metrics.registry.contentType).send(await metrics.registry.metrics());
    }),
  );

  // ---- Signed channels: raw bodies, mounted before any JSON parser.
  const signedLimiter = limiter({
    perMinute: settings.rateLimitSignedPerMinute,
    message: "Trop de requêtes : réessayez dans une minute.",
  });
  // Bolt reads the raw body itself: refuse announced oversized bodies before it does.
  const maxSlackBytes = settings.teamsBodyLimitBytes;
  const slackBodyLimit: RequestHandler = (req, res, next) => {
    if (Number(req.headers["content-length"] ?? 0) > maxSlackBytes) {
      sendError(res, 413, `Le corps de la requête est trop volumineux (${Math.round(maxSlackBytes / 1024)} Ko au plus).`);
      return;
    }
    next();
  };
  if (channels.slack) {
    app.use("/slack/events", signedLimiter, slackBodyLimit);
    app.use(channels.slack.router);
  }
  if (channels.teams) {
    const teams = channels.teams;
    app.post("/api/messages", signedLimiter, (req, res, next) => {
      teams.handler(req as never, res as never).catch(next);
    });
  }

  // ---- JSON API.
  const ipLimiter = limiter({
    perMinute: settings.rateLimitPerMinute,
    message: "Trop de requêtes depuis votre adresse : réessayez dans une minute.",
  });
  const json = express.json({ limit: settings.jsonLimitBytes, strict: true });
  app.post(
    "/api/ask",
    ipLimiter,
    requireJson,
    json,
    asyncRoute(async (req, res) => {
      const parsed = AskRequest.safeParse(req.body);
      if (!parsed.success) {
        sendError(res, 400, "Requête invalide.", parsed.error.issues.map(issueText));
        return;
      }
      const raw = await withTimeout(assistant.ask(parsed.data.question, { audience: parsed.data.audience }), settings.requestTimeoutMs);
      const out = Reply.safeParse(raw);
      if (!out.success) {
        metrics.errors.inc({ channel: "api" });
        httpLog.error({ route: "/api/ask", issues: out.error.issues.slice(0, 5).map((i) => i.path.join(".")) }, "invalid reply from the core");
        sendError(res, 500, "L'assistant a produit une réponse invalide. Réessayez plus tard.");
        return;
      }
      noteReply(res, out.data);
      res.json(out.data);
    }),
  );

  // ---- Web report for agents (signed links only: src/channels/web/report-page.ts). With the
  // public development secret anyone could sign a link: then only alongside the open playground.
  if (settings.playground || o.config.pseudonymSecret !== DEV_PSEUDONYM_SECRET) {
    app.use(createReportPage({ storage, secret: o.config.pseudonymSecret, timeoutMs: settings.requestTimeoutMs, ipLimiter }));
  }

  // ---- Playground.
  if (settings.playground) {
    app.use(
      createWebChannel({
        assistant,
        timeoutMs: settings.requestTimeoutMs,
        jsonLimitBytes: settings.jsonLimitBytes,
        ipLimiter,
        userLimiter: (key) =>
          limiter({
            perMinute: settings.rateLimitUserPerMinute,
            message: "Vous envoyez beaucoup de messages : réessayez dans une minute.",
            key,
          }),
        onReply: noteReply,
      }),
    );
  }

  app.use((req, res) => {
    sendError(res, 404, `Adresse inconnue : ${req.method} ${routeLabel(req) === "static" ? "page" : "route"} introuvable.`);
  });

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const e = err as { type?: string; status?: number; name?: string; message?: string };
    if (e.type === "entity.too.large") {
      sendError(res, 413, `Le corps de la requête est trop volumineux (${Math.round(settings.jsonLimitBytes / 1024)} Ko au plus).`);
      return;
    }
    if (e.type === "entity.parse.failed") {
      sendError(res, 400, "Le corps de la requête n'est pas un JSON valide.");
      return;
    }
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported") {
      sendError(res, 415, "Encodage non pris en charge : envoyez du JSON en UTF-8.");
      return;
    }
    if (e.type === "request.aborted") return;
    // Any other client error raised by a body parser (corrupt gzip body, bad
    // Content-Length…) keeps its status: the client is at fault, not the service.
    const status = typeof e.status === "number" ? e.status : (err as { statusCode?: unknown }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      sendError(res, status, CLIENT_ERRORS[status] ?? "Requête invalide.");
      return;
    }
    const channel = req.path === "/api/turn" ? "web" : req.path === "/api/messages" ? "teams" : req.path === "/slack/events" ? "slack" : "api";
    metrics.errors.inc({ channel });
    if (err instanceof TimeoutError) {
      httpLog.warn({ route: routeLabel(req), err: e }, "request timed out");
      sendError(res, 503, "L'assistant met trop de temps à répondre. Réessayez dans un instant.");
      return;
    }
    httpLog.error({ route: routeLabel(req), err: e }, "request failed");
    sendError(res, 500, "Erreur interne du service. Réessayez plus tard.");
  };
  app.use(onError);

  let server: http.Server | null = null;
  let closing: Promise<void> | null = null;

  const waitRequests = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (inflightRequests === 0) return resolve(true);
      const timer = setTimeout(() => {
        requestsDone.delete(cb);
        resolve(false);
      }, ms);
      const cb = () => {
        clearTimeout(timer);
        requestsDone.delete(cb);
        resolve(true);
      };
      requestsDone.add(cb);
    });

  return {
    app,
    assistant,
    metrics,
    channels,
    settings,
    digest,
    get server() {
      return server;
    },
    async listen(port = o.config.env.PORT, host = o.config.env.HOST) {
      if (server) throw new Error("already listening");
      const s = http.createServer(app);
      // Behind a load balancer, keep-alive must outlive the balancer's idle timeout.
      s.keepAliveTimeout = 65_000;
      s.headersTimeout = 66_000;
      s.requestTimeout = Math.max(30_000, settings.requestTimeoutMs + 5_000);
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once("error", reject);
        s.listen(port, host, () => {
          s.off("error", reject);
          resolve();
        });
      });
      if (channels.slack) await channels.slack.start();
      digest?.start();
      const addr = s.address() as AddressInfo;
      const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      return { port: addr.port, url: `http://${shown}:${addr.port}` };
    },
    close() {
      if (closing) return closing;
      closing = (async () => {
        shuttingDown = true;
        const digestStopped = digest?.stop();
        const deadline = Date.now() + settings.shutdownTimeoutMs;
        const left = () => Math.max(0, deadline - Date.now());
        const s = server;
        const closed = s ? new Promise<void>((r) => s.close(() => r())) : Promise.resolve();
        s?.closeIdleConnections();
        const drained = (await waitRequests(left())) && (await assistant.drain(left()));
        if (!drained) logger.warn({ inflightRequests, inflightTurns: assistant.inflight }, "shutdown: in-flight work abandoned after the time limit");
        if (channels.slack) {
          await Promise.race([channels.slack.stop().catch(() => {}), new Promise((r) => setTimeout(r, Math.max(100, left())).unref())]);
        }
        s?.closeAllConnections();
        await closed;
        await digestStopped;
      })();
      return closing;
    },
  };
}
