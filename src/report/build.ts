/**
 * The ESS team's report: what was asked, what was answered or refused, how
 * people rated it, where support hurts (friction reports by journey step,
 * process, territory and schema axis), what stays unanswered and which
 * handoffs wait. Pure computation over `Storage.reportData` + open handoffs.
 *
 * Period: `from` inclusive, `to` exclusive (the CLI turns `--to 2025-03-31`
 * into the end of that day). Open handoffs are listed whatever their creation
 * date (they still wait), except those created after `to`.
 */
import { z } from "zod";
import type { FrictionRecord, HandoffRecord, InteractionRecord, ReportData, ReportSource, UnansweredRecord } from "../storage/types.js";
import { JOURNEY_STEPS, BLOCKERS } from "../storage/types.js";
import { PROCESS_IDS } from "../domain/ids.js";
import { scrub } from "../privacy/scrub.js";
import { loadAxisMapping, type AxisMapping } from "./axes.js";
import { AUDIENCE_LABELS, BLOCKER_LABELS, CHANNEL_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS, label } from "./labels.js";
import { foldUncached } from "../core/text.js";

const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int().nonnegative() });
export type Count = z.infer<typeof Count>;

export const Report = z.object({
  title: z.string(),
  generatedAt: z.string(),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** Headline counts (stable keys, read by scripts and the JSON format). */
  interactions: z.number().int(),
  answered: z.number().int(),
  refused: z.number().int(),
  ratings: z.object({
    up: z.number().int(),
    down: z.number().int(),
    /** up / (up + down), null without ratings. */
    satisfactionRate: z.number().nullable(),
  }),
  frictions: z.number().int(),
  /**
   * Handoffs: `count` created during the period, `open` still open now
   * (whatever their creation date, up to `to`), `answered` answered during the
   * period, with the median time from request to answer (hours, null if none).
   */
  handoffs: z.object({
    count: z.number().int(),
    open: z.number().int(),
    answered: z.number().int(),
    medianHoursToAnswer: z.number().nullable(),
  }),
  /** Handoffs still open now (same as `handoffs.open`, kept for scripts). */
  openHandoffs: z.number().int(),
  /** Unanswered items (refused or rated down), one per interaction. */
  unansweredCount: z.number().int(),
  /** Every unanswered question of the period, grouped by similarity: the most frequent phrasing and how many times. */
  unanswered: z.array(
    z.object({ question: z.string(), count: z.number().int(), refused: z.number().int(), ratedDown: z.number().int(), variants: z.number().int() }),
  ),
  /** Friction reports of the period, by blocker then date, with their schema axis. */
  frictionReports: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      description: z.string(),
      step: z.string(),
      stepLabel: z.string(),
      blocker: z.string(),
      blockerLabel: z.string(),
      process: z.string(),
      processLabel: z.string(),
      commune: z.string(),
      severity: z.number().int(),
      axis: z.string(),
      axisLabel: z.string(),
    }),
  ),
  /** Answers rated « pas utile » during the period, newest first, with the comment when one was left. */
  thumbsDown: z.array(
    z.object({
      createdAt: z.string(),
      question: z.string().nullable(),
      answer: z.string().nullable(),
      route: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),

  volumes: z.object({
    byChannel: z.array(Count),
    byAudience: z.array(Count),
    byRoute: z.array(Count),
    refusalRate: z.number().nullable(),
    averageLatencyMs: z.number().nullable(),
  }),
  downComments: z.array(z.object({ createdAt: z.string(), comment: z.string(), question: z.string().nullable() })),
  friction: z.object({
    byStepProcess: z.array(z.object({ step: z.string(), stepLabel: z.string(), process: z.string(), processLabel: z.string(), count: z.number().int() })),
    byStep: z.array(Count),
    byProcess: z.array(Count),
    byBlocker: z.array(Count),
    bySeverity: z.array(Count),
    contactOk: z.number().int(),
    byTerritory: z.array(z.object({ territory: z.string(), level: z.enum(["epci", "commune"]), count: z.number().int() })),
    byAxis: z.array(z.object({ axis: z.string(), label: z.string(), count: z.number().int(), processes: z.array(z.string()) })),
    axisMappingNote: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        step: z.string(),
        blocker: z.string(),
        process: z.string(),
        commune: z.string(),
        territory: z.string(),
        severity: z.number().int(),
        contactOk: z.boolean(),
        description: z.string(),
      }),
    ),
  }),
  trend: z.array(
    z.object({
      week: z.string(),
      weekStart: z.string(),
      interactions: z.number().int(),
      refused: z.number().int(),
      frictions: z.number().int(),
      up: z.number().int(),
      down: z.number().int(),
    }),
  ),
  topUnanswered: z.array(
    z.object({
      question: z.string(),
      count: z.number().int(),
      refused: z.number().int(),
      ratedDown: z.number().int(),
      lastAt: z.string(),
      variants: z.array(z.string()),
    }),
  ),
  openHandoffList: z.array(
    z.object({
      id: z.string(),
      process: z.string(),
      processLabel: z.string(),
      channel: z.string(),
      createdAt: z.string(),
      ageDays: z.number().int(),
      summary: z.string(),
    }),
  ),
  answeredHandoffList: z.array(
    z.object({
      id: z.string(),
      process: z.string(),
      processLabel: z.string(),
      channel: z.string(),
      createdAt: z.string(),
      answeredAt: z.string(),
      hoursToAnswer: z.number(),
    }),
  ),
});
export type Report = z.infer<typeof Report>;

export interface BuildReportOptions {
  from?: Date;
  to?: Date;
  /** Reference time for ages (tests). */
  now?: Date;
  /** How many grouped unanswered questions to list (default 10). */
  topUnanswered?: number;
  /** How many groups `unanswered` lists at most (default 100). */
  maxUnanswered?: number;
  axisMapping?: AxisMapping;
}

const DAY = 86_400_000;

function countBy<T>(items: T[], key: (t: T) => string, labels: Record<string, string>, order?: readonly string[]): Count[] {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  const keys = [...m.keys()];
  if (order) keys.sort((a, b) => idx(order, a) - idx(order, b) || a.localeCompare(b));
  else keys.sort((a, b) => m.get(b)! - m.get(a)! || a.localeCompare(b));
  return keys.map((k) => ({ key: k, label: label(labels, k), count: m.get(k)! }));
}
const idx = (order: readonly string[], k: string) => {
  const i = order.indexOf(k);
  return i < 0 ? order.length : i;
};

/** ISO-8601 week ("2025-W10") and its Monday (UTC). */
export function isoWeek(date: Date): { week: string; weekStart: string } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const dayNum = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(d.getTime() - dayNum * DAY);
  const thursday = new Date(monday.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY);
  const n = Math.round((monday.getTime() - week1Monday.getTime()) / (7 * DAY)) + 1;
  return { week: `${year}-W${String(n).padStart(2, "0")}`, weekStart: monday.toISOString().slice(0, 10) };
}

const STOPWORDS = new Set(
  "le la les l de des du d un une et a au aux en sur pour par est ce cet cette ces qui que qu quoi quel quelle quels quelles je j nous vous on il elle ils elles mon ma mes notre nos votre vos y se s ne n pas ou dans avec comment est-ce".split(
    " ",
  ),
);

/** Normalised tokens of a question: lower case, no accents, no punctuation, no stopwords. */
export function questionTokens(q: string): string[] {
  return foldUncached(q)
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((t) => t && !STOPWORDS.has(t));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

interface UnansweredItem {
  question: string;
  reason: UnansweredRecord["reason"];
  createdAt: string;
  interactionId?: string;
}

/** Groups near-identical questions (same normalised tokens, or Jaccard ≥ 0.75). */
export function groupQuestions(items: UnansweredItem[], top: number): Report["topUnanswered"] {
  const groups: { tokens: Set<string>; items: UnansweredItem[] }[] = [];
  const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const it of sorted) {
    const tokens = new Set(questionTokens(it.question));
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const g of groups) {
      const s = jaccard(tokens, g.tokens);
      if (s > bestScore) {
        best = g;
        bestScore = s;
      }
    }
    if (best && bestScore >= 0.75) best.items.push(it);
    else groups.push({ tokens, items: [it] });
  }
  return groups
    .map((g) => {
      const freq = new Map<string, number>();
      for (const it of g.items) freq.set(it.question.trim(), (freq.get(it.question.trim()) ?? 0) + 1);
      const variants = [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([q]) => q);
      return {
        question: variants[0]!,
        count: g.items.length,
        refused: g.items.filter((i) => i.reason === "refused").length,
        ratedDown: g.items.filter((i) => i.reason === "rated-down").length,
        lastAt: g.items[g.items.length - 1]!.createdAt,
        variants,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.question.localeCompare(b.question))
    .slice(0, top);
}

export function territoryOf(f: FrictionRecord): { territory: string; level: "epci" | "commune" } {
  return f.epci?.trim() ? { territory: f.epci.trim(), level: "epci" } : { territory: f.commune.trim(), level: "commune" };
}

export async function buildReport(storage: ReportSource, opts: BuildReportOptions = {}): Promise<Report> {
  const now = opts.now ?? new Date();
  const data = scrubData(await storage.reportData({ from: opts.from, to: opts.to }));
  const mapping = opts.axisMapping ?? loadAxisMapping();

  // Volumes
  const interactions = data.interactions;
  const refused = interactions.filter((i) => i.refused).length;
  const up = data.ratings.filter((r) => r.value === "up").length;
  const down = data.ratings.filter((r) => r.value === "down").length;
  const latencies = interactions.map((i) => i.latencyMs).filter((n) => Number.isFinite(n));

  // Interactions referenced by ratings but outside the period (for questions/comments).
  const byId = new Map<string, InteractionRecord>(interactions.map((i) => [i.id!, i]));
  const lookup = async (id: string): Promise<InteractionRecord | null> => {
    if (byId.has(id)) return byId.get(id)!;
    const raw = await storage.getInteraction(id);
    const rec = raw ? { ...raw, question: scrub(raw.question) } : null;
    if (rec) byId.set(id, rec);
    return rec;
  };

  const downComments: Report["downComments"] = [];
  for (const r of data.ratings) {
    if (r.value !== "down" || !r.comment?.trim()) continue;
    downComments.push({ createdAt: r.createdAt!, comment: r.comment.trim(), question: (await lookup(r.interactionId))?.question ?? null });
  }

  const thumbsDown: Report["thumbsDown"] = [];
  for (const r of [...data.ratings].sort((a, b) => b.createdAt!.localeCompare(a.createdAt!))) {
    if (r.value !== "down") continue;
    const i = await lookup(r.interactionId);
    thumbsDown.push({
      createdAt: r.createdAt!,
      question: i?.question ?? null,
      answer: i ? excerpt(scrub(i.answer), 300) : null,
      route: i?.route ?? null,
      comment: r.comment?.trim() || null,
    });
  }

  // Unanswered: stored records, plus refused or down-rated interactions that have none (one per interaction).
  const items: UnansweredItem[] = data.unanswered.map((u) => ({
    question: u.question,
    reason: u.reason,
    createdAt: u.createdAt!,
    interactionId: u.interactionId,
  }));
  const covered = new Set(items.map((i) => i.interactionId).filter(Boolean) as string[]);
  for (const i of interactions) {
    if (i.refused && !covered.has(i.id!)) {
      items.push({ question: i.question, reason: "refused", createdAt: i.createdAt!, interactionId: i.id });
      covered.add(i.id!);
    }
  }
  for (const r of data.ratings) {
    if (r.value !== "down" || covered.has(r.interactionId)) continue;
    const i = await lookup(r.interactionId);
    if (!i) continue;
    items.push({ question: i.question, reason: "rated-down", createdAt: r.createdAt!, interactionId: i.id });
    covered.add(r.interactionId);
  }

  // Frictions
  const fr = data.frictions;
  const stepProcess = new Map<string, number>();
  for (const f of fr) stepProcess.set(`${f.step}\u0000${f.process}`, (stepProcess.get(`${f.step}\u0000${f.process}`) ?? 0) + 1);
  const byStepProcess = [...stepProcess.entries()]
    .map(([k, count]) => {
      const [step, process] = k.split("\u0000") as [string, string];
      return { step, stepLabel: label(STEP_LABELS, step), process, processLabel: label(PROCESS_LABELS, process), count };
    })
    .sort((a, b) => idx(JOURNEY_STEPS, a.step) - idx(JOURNEY_STEPS, b.step) || b.count - a.count || a.process.localeCompare(b.process));

  const terr = new Map<string, { territory: string; level: "epci" | "commune"; count: number }>();
  for (const f of fr) {
    const t = territoryOf(f);
    const k = `${t.level}\u0000${t.territory}`;
    const cur = terr.get(k) ?? { ...t, count: 0 };
    cur.count++;
    terr.set(k, cur);
  }
  const byTerritory = [...terr.values()].sort((a, b) => b.count - a.count || a.territory.localeCompare(b.territory, "fr"));

  const axisOf = (p: string) => (mapping.byProcess as Record<string, string>)[p] ?? "non-rattache";
  const byAxis = mapping.axes.map((a) => {
    const list = fr.filter((f) => axisOf(f.process) === a.id);
    return { axis: a.id, label: a.label, count: list.length, processes: [...new Set(list.map((f) => f.process))].sort() };
  });
  const unmapped = fr.filter((f) => !mapping.axes.some((a) => a.id === axisOf(f.process)));
  if (unmapped.length) {
    byAxis.push({
      axis: "non-rattache",
      label: "Non rattaché à un axe",
      count: unmapped.length,
      processes: [...new Set(unmapped.map((f) => f.process))].sort(),
    });
  }

  // Trend by ISO week, gaps filled between the first and last week of the period.
  const weekRows = new Map<string, Report["trend"][number]>();
  const bump = (iso: string, field: "interactions" | "refused" | "frictions" | "up" | "down") => {
    const w = isoWeek(new Date(iso));
    const row = weekRows.get(w.week) ?? { ...w, interactions: 0, refused: 0, frictions: 0, up: 0, down: 0 };
    row[field]++;
    weekRows.set(w.week, row);
  };
  for (const i of interactions) {
    bump(i.createdAt!, "interactions");
    if (i.refused) bump(i.createdAt!, "refused");
  }
  for (const f of fr) bump(f.createdAt!, "frictions");
  for (const r of data.ratings) bump(r.createdAt!, r.value);
  const trend = fillWeeks(weekRows, opts.from, opts.to ? new Date(opts.to.getTime() - 1) : undefined);

  // Frictions one by one, grouped by blocker (then oldest first), each with its schema axis.
  const axisLabel = (id: string) => mapping.axes.find((a) => a.id === id)?.label ?? "Non rattaché à un axe";
  const frictionReports: Report["frictionReports"] = [...fr]
    .sort((a, b) => idx(BLOCKERS, a.blocker) - idx(BLOCKERS, b.blocker) || a.createdAt!.localeCompare(b.createdAt!))
    .map((f) => ({
      id: f.id!,
      createdAt: f.createdAt!,
      description: f.description,
      step: f.step,
      stepLabel: label(STEP_LABELS, f.step),
      blocker: f.blocker,
      blockerLabel: label(BLOCKER_LABELS, f.blocker),
      process: f.process,
      processLabel: label(PROCESS_LABELS, f.process),
      commune: f.commune,
      severity: f.severity,
      axis: axisOf(f.process),
      axisLabel: axisLabel(axisOf(f.process)),
    }));

  // Handoffs answered during the period, with the time from request to answer.
  const inPeriod = (iso: string) => (!opts.from || iso >= opts.from.toISOString()) && (!opts.to || iso < opts.to.toISOString());
  const answeredHandoffList: Report["answeredHandoffList"] = (await storage.listHandoffs("resolved"))
    .map((h) => ({ h, at: h.reply?.at ?? h.resolvedAt }))
    .filter((x): x is { h: HandoffRecord; at: string } => typeof x.at === "string" && inPeriod(new Date(x.at).toISOString()))
    .map(({ h, at }) => ({
      id: h.id,
      process: h.process,
      processLabel: label(PROCESS_LABELS, h.process),
      channel: h.channel,
      createdAt: h.createdAt,
      answeredAt: new Date(at).toISOString(),
      hoursToAnswer: Math.max(0, Math.round((new Date(at).getTime() - new Date(h.createdAt).getTime()) / 360_000) / 10),
    }))
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));

  // Open handoffs, oldest first.
  const open = (await storage.listHandoffs("open")).filter((h) => !opts.to || new Date(h.createdAt) < opts.to);
  const openHandoffList = open.map((h) => ({
    id: h.id,
    process: h.process,
    processLabel: label(PROCESS_LABELS, h.process),
    channel: h.channel,
    createdAt: h.createdAt,
    ageDays: Math.max(0, Math.floor((now.getTime() - new Date(h.createdAt).getTime()) / DAY)),
    summary: scrub(h.summary),
  }));

  const report: Report = {
    title: "Rapport de l'assistant Relais ESS",
    generatedAt: now.toISOString(),
    period: { from: opts.from?.toISOString() ?? null, to: opts.to?.toISOString() ?? null },
    interactions: interactions.length,
    answered: interactions.length - refused,
    refused,
    ratings: { up, down, satisfactionRate: up + down ? up / (up + down) : null },
    frictions: fr.length,
    handoffs: {
      count: data.handoffs.length,
      open: openHandoffList.length,
      answered: answeredHandoffList.length,
      medianHoursToAnswer: median(answeredHandoffList.map((h) => h.hoursToAnswer)),
    },
    openHandoffs: openHandoffList.length,
    unansweredCount: items.length,
    unanswered: groupQuestions(items, opts.maxUnanswered ?? 100).map((g) => ({
      question: g.question,
      count: g.count,
      refused: g.refused,
      ratedDown: g.ratedDown,
      variants: g.variants.length,
    })),
    frictionReports,
    thumbsDown,
    volumes: {
      byChannel: countBy(interactions, (i) => i.channel, CHANNEL_LABELS),
      byAudience: countBy(interactions, (i) => i.audience, AUDIENCE_LABELS),
      byRoute: countBy(interactions, (i) => i.route ?? "aucun", { ...PROCESS_LABELS, aucun: "Sans orientation" }),
      refusalRate: interactions.length ? refused / interactions.length : null,
      averageLatencyMs: latencies.length ? Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length) : null,
    },
    downComments,
    friction: {
      byStepProcess,
      byStep: countBy(fr, (f) => f.step, STEP_LABELS, JOURNEY_STEPS),
      byProcess: countBy(fr, (f) => f.process, PROCESS_LABELS),
      byBlocker: countBy(fr, (f) => f.blocker, BLOCKER_LABELS),
      bySeverity: countBy(fr, (f) => String(f.severity), SEVERITY_LABELS as Record<string, string>, ["3", "2", "1"]),
      contactOk: fr.filter((f) => f.contactOk).length,
      byTerritory,
      byAxis,
      axisMappingNote: mapping.warning,
      items: fr.map((f) => ({
        id: f.id!,
        createdAt: f.createdAt!,
        step: f.step,
        blocker: f.blocker,
        process: f.process,
        commune: f.commune,
        territory: territoryOf(f).territory,
        severity: f.severity,
        contactOk: f.contactOk,
        description: f.description,
      })),
    },
    trend,
    topUnanswered: groupQuestions(items, opts.topUnanswered ?? 10),
    openHandoffList,
    answeredHandoffList,
  };
  return Report.parse(report);
}

/**
 * Every free text of the period scrubbed of personal data again (defence in
 * depth: rows stored before a scrubber improvement, or by another tool), so no
 * format of the report can show a name, an e-mail or a phone number.
 */
function scrubData(d: ReportData): ReportData {
  return {
    interactions: d.interactions.map((i) => ({ ...i, question: scrub(i.question) })),
    ratings: d.ratings.map((r) => (r.comment ? { ...r, comment: scrub(r.comment) } : r)),
    frictions: d.frictions.map((f) => ({ ...f, description: scrub(f.description), commune: scrub(f.commune) })),
    handoffs: d.handoffs,
    unanswered: d.unanswered.map((u) => ({ ...u, question: scrub(u.question) })),
  };
}

function excerpt(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Median of a list of numbers (null when empty). */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round(((s[m - 1]! + s[m]!) / 2) * 10) / 10;
}

const MAX_WEEKS = 160;

function fillWeeks(rows: Map<string, Report["trend"][number]>, from?: Date, lastInstant?: Date): Report["trend"] {
  const known = [...rows.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const starts = known.map((r) => r.weekStart);
  if (from) starts.push(isoWeek(from).weekStart);
  if (lastInstant) starts.push(isoWeek(lastInstant).weekStart);
  if (!starts.length) return [];
  starts.sort();
  const first = new Date(`${starts[0]}T00:00:00Z`).getTime();
  const last = new Date(`${starts[starts.length - 1]}T00:00:00Z`).getTime();
  if ((last - first) / (7 * DAY) > MAX_WEEKS) return known; // very long periods: only weeks with activity
  const out: Report["trend"] = [];
  for (let t = first; t <= last; t += 7 * DAY) {
    const w = isoWeek(new Date(t));
    out.push(rows.get(w.week) ?? { ...w, interactions: 0, refused: 0, frictions: 0, up: 0, down: 0 });
  }
  return out;
}

/** Every step/blocker/process id, for renderers that want stable columns. */
export const REPORT_VOCABULARY = { steps: JOURNEY_STEPS, blockers: BLOCKERS, processes: PROCESS_IDS };
