/**
 * Small HTTP helpers shared by the service routes and the web channel:
 * French JSON errors, JSON-only bodies, per-request timeouts, rate limiters.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { rateLimit, ipKeyGenerator } from "express-rate-limit";
import type { z } from "zod";

export interface ErrorBody {
  error: string;
  details?: string[];
}

export function sendError(res: Response, status: number, message: string, details?: string[]): void {
  if (res.headersSent) return;
  const body: ErrorBody = details?.length ? { error: message, details } : { error: message };
  res.status(status).json(body);
}

/** Rejects bodies that are not JSON (also a CSRF guard: cross-site JSON needs a CORS preflight we never grant). */
export const requireJson: RequestHandler = (req, res, next) => {
  if (!req.is("application/json")) {
    sendError(res, 415, "Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).");
    return;
  }
  next();
};

/** French text for one zod issue, naming the field. */
export function issueText(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.join(".") : "requête";
  return `${where} : ${issue.message}`;
}

/** Wraps an async handler so rejections reach the error middleware (express 5 does it too; explicit is clearer). */
export function asyncRoute(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };
}

export interface LimiterOptions {
  perMinute: number;
  message: string;
  /** Key of the client; IP (with IPv6 /56 grouping) by default. */
  key?: (req: Request) => string;
  skip?: (req: Request) => boolean;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/** express-rate-limit with a French JSON 429 and standard RateLimit headers. `perMinute: 0` disables it. */
export function limiter(o: LimiterOptions): RequestHandler {
  if (o.perMinute <= 0) return passThrough;
  return rateLimit({
    windowMs: 60_000,
    limit: o.perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: o.key ?? ((req) => ipKeyGenerator(req.ip ?? "unknown")),
    skip: o.skip,
    // Behind a proxy, TRUST_PROXY decides; never crash or spam the logs about it.
    validate: { xForwardedForHeader: false, trustProxy: false, keyGeneratorIpFallback: false },
    handler: (_req, res) => sendError(res, 429, o.message),
  });
}

/** Reads one cookie from the Cookie header (no dependency needed for one value). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
