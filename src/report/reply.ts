/**
 * The report as the core hands it to an agent in a conversation (Slack
 * `/ess rapport`, the Teams « rapport » command, the « Voir le rapport »
 * button): the short summary (summary.ts) and the report figures, with the
 * signed address of the web report when the service has a public address.
 * Channels render `payload.link` as a button; the text carries it too.
 */
import type { ReportSource } from "../storage/types.js";
import { buildReport, type Report } from "./build.js";
import { reportLink } from "./link.js";
import { summarizeReport } from "./summary.js";

export const REPORT_DAYS = 30;
const DAY = 86_400_000;

export interface ReportReplyOptions {
  /** Public address of the service (PUBLIC_BASE_URL): no link without it. */
  publicBaseUrl?: string;
  /** Secret the link is signed with (the service's pseudonym secret). */
  secret: string;
  days?: number;
  now?: Date;
  heading?: string;
}

/** `Reply.report` of a report reply: the Report, plus the web report's address when there is one. */
export type ReportPayload = Report & { link?: string };

export async function reportReply(storage: ReportSource, o: ReportReplyOptions): Promise<{ text: string; report: ReportPayload }> {
  const now = o.now ?? new Date();
  const days = o.days ?? REPORT_DAYS;
  const report = await buildReport(storage, { from: new Date(now.getTime() - days * DAY), to: now, now });
  const link = o.publicBaseUrl ? reportLink({ baseUrl: o.publicBaseUrl, secret: o.secret, days, now }) : undefined;
  const text = summarizeReport(report, { link, heading: o.heading ?? `Rapport des ${days} derniers jours` });
  return { text, report: link ? { ...report, link } : report };
}
