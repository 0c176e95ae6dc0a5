/**
 * The web report for agents: `GET /report?days=…&expires=…&sig=…`, the HTML
 * report (src/report/render.ts) behind a signed, expiring link that only the
 * agents' replies carry (Slack `/ess rapport`, Teams « rapport », the weekly
 * digest: src/report/link.ts). Mounted whether or not the playground is on:
 * without a valid signature it answers 403 and builds nothing. The page is
 * self-contained (no script), never cached, never indexed, and sends no
 * referrer so the signed address does not leak to the sites it links to.
 */
import express, { type RequestHandler, type Router } from "express";
import type { ReportSource } from "../../storage/types.js";
import { buildReport } from "../../report/build.js";
import { checkReportLink, REPORT_PAGE_PATH } from "../../report/link.js";
import { loadCharts, renderHtml } from "../../report/render.js";
import { esc } from "../../report/charts.js";
import { asyncRoute } from "../../http/helpers.js";
import { withTimeout } from "../../core/timeout.js";

export interface ReportPageOptions {
  storage: ReportSource;
  /** The service's pseudonym secret (the links are signed with a key derived from it). */
  secret: string;
  timeoutMs: number;
  ipLimiter: RequestHandler;
  now?: () => Date;
}

const DAY = 86_400_000;

function page(title: string, message: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1><p>${esc(message)}</p></main></body></html>\n`;
}

export function createReportPage(o: ReportPageOptions): Router {
  const router = express.Router();
  router.get(
    REPORT_PAGE_PATH,
    o.ipLimiter,
    asyncRoute(async (req, res) => {
      const now = o.now?.() ?? new Date();
      res.set({
        "Cache-Control": "no-store",
        "X-Robots-Tag": "noindex, nofollow",
        "Referrer-Policy": "no-referrer",
        // The report has inline styles and inline SVG, no script at all.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      });
      const check = checkReportLink(req.query, o.secret, now);
      if (!check.ok) {
        res.status(403).type("html").send(page("Rapport de Relais ESS", check.message));
        return;
      }
      const report = await withTimeout(buildReport(o.storage, { from: new Date(now.getTime() - check.days * DAY), to: now, now }), o.timeoutMs);
      await loadCharts();
      res.type("html").send(renderHtml(report));
    }),
  );
  return router;
}
