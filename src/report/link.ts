/**
 * Links to the web report for agents: `{PUBLIC_BASE_URL}/report?days=30&expires=…&sig=…`,
 * signed with an HMAC key derived from the service secret and valid for a few
 * days. Slack `/ess rapport`, the Teams « rapport » command and the weekly
 * digest hand these links to agents only; the page checks the signature and
 * the expiry before building anything, so the address alone opens nothing.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** How long a link opens the report (7 days: a weekly digest stays usable until the next one). */
export const REPORT_LINK_TTL_MS = 7 * 86_400_000;
export const REPORT_PAGE_PATH = "/report";

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("relais-ess/report-link/v1").digest();
}

function signature(secret: string, days: number, expires: number): string {
  return createHmac("sha256", key(secret)).update(`${days}.${expires}`).digest("base64url");
}

export interface ReportLinkOptions {
  /** Public address of the service (`PUBLIC_BASE_URL`), without the path. */
  baseUrl: string;
  secret: string;
  /** Period of the report, in days up to now. */
  days: number;
  now?: Date;
  ttlMs?: number;
}

/**
 * A signed, expiring address of the web report.
 * @example reportLink({ baseUrl: "https://relais.gard.fr", secret, days: 30 })
 *   // "https://relais.gard.fr/report?days=30&expires=1767225600&sig=…"
 */
export function reportLink(o: ReportLinkOptions): string {
  const expires = Math.floor(((o.now ?? new Date()).getTime() + (o.ttlMs ?? REPORT_LINK_TTL_MS)) / 1000);
  const url = new URL(REPORT_PAGE_PATH, o.baseUrl.endsWith("/") ? o.baseUrl : `${o.baseUrl}/`);
  // Keep a path prefix of the base URL (https://host/relais → https://host/relais/report).
  url.pathname = `${new URL(o.baseUrl).pathname.replace(/\/+$/, "")}${REPORT_PAGE_PATH}`;
  url.search = new URLSearchParams({ days: String(o.days), expires: String(expires), sig: signature(o.secret, o.days, expires) }).toString();
  return url.toString();
}

const LinkQuery = z.object({
  days: z.coerce.number().int().min(1).max(3660),
  expires: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export type LinkCheck = { ok: true; days: number } | { ok: false; message: string };

/** Checks the query of a report link; a French message when it does not open the report. */
export function checkReportLink(query: unknown, secret: string, now: Date = new Date()): LinkCheck {
  const q = LinkQuery.safeParse(query);
  if (!q.success) return { ok: false, message: "Ce lien vers le rapport est incomplet ou invalide. Demandez-en un nouveau avec « rapport »." };
  const expected = Buffer.from(signature(secret, q.data.days, q.data.expires));
  const given = Buffer.from(q.data.sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, message: "Ce lien vers le rapport n'est pas valide. Demandez-en un nouveau avec « rapport »." };
  }
  if (q.data.expires * 1000 <= now.getTime()) {
    return { ok: false, message: "Ce lien vers le rapport a expiré. Demandez-en un nouveau avec « rapport »." };
  }
  return { ok: true, days: q.data.days };
}
