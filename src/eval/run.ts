/**
 * Evaluation of the assistant on a set in the ../shared/eval/README.md format:
 * retrieval hit, includes, refusal and route accuracy, eligibility verdicts, and
 * follow-up turns (consecutive questions sharing a `conversation` value are asked in
 * one conversation). `formatComparison` prints tuning and blind figures side by side.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { Audience, ProcessId } from "../domain/ids.js";
import type { Reply } from "../domain/reply.js";
import { Verdict } from "../domain/reply.js";
import { evaluate } from "../eligibility/engine.js";
import { parseFacts } from "../eligibility/facts.js";
import { fold } from "../retrieval/analyzer.js";

export const EvalQuestion = z.object({
  id: z.string(),
  question: z.string(),
  audience: Audience.default("porteur"),
  /** Turns of one conversation share this value and follow each other in the file. */
  conversation: z.string().optional(),
  expect: z
    .object({
      route: ProcessId.optional(),
      sources: z.array(z.string()).optional(),
      includes: z.array(z.string()).optional(),
      refuse: z.boolean().optional(),
    })
    .default({}),
});
export const EvalCase = z.object({ id: z.string(), facts: z.record(z.string(), z.unknown()), expect: z.partialRecord(ProcessId, Verdict) });
export const EvalSet = z.object({ questions: z.array(EvalQuestion).default([]), eligibility: z.array(EvalCase).default([]) });
export type EvalSet = z.infer<typeof EvalSet>;
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export async function loadEvalSet(file: string): Promise<EvalSet> {
  const text = await readFile(file, "utf8");
  const parsed = EvalSet.safeParse(parseYaml(text) ?? {});
  if (!parsed.success)
    throw new Error(`${file} : format d'évaluation invalide : ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Every question and eligibility file of a folder (files holding `projects:` are project-fit sets: skipped). */
export async function loadEvalDir(dir: string): Promise<EvalSet> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const sets: EvalSet[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, f), "utf8");
    if (/^projects:/m.test(text)) continue;
    sets.push(await loadEvalSet(path.join(dir, f)));
  }
  return { questions: sets.flatMap((s) => s.questions), eligibility: sets.flatMap((s) => s.eligibility) };
}

export interface Metric {
  total: number;
  passed: number;
  rate: number | null;
  failures: string[];
}

export interface EvalReport {
  questions: number;
  retrieval: Metric;
  includes: Metric;
  refusal: Metric;
  route: Metric;
  /** Turns after the first of a conversation: every expectation of the turn met. */
  followUp: Metric;
  eligibility: Metric;
  latency: { p50: number; p95: number };
  details: { id: string; refused: boolean; route: string | null; sources: string[]; ok: boolean; answer: string }[];
}

const metric = (): Metric => ({ total: 0, passed: 0, rate: null, failures: [] });
function tick(m: Metric, id: string, ok: boolean) {
  m.total++;
  if (ok) m.passed++;
  else m.failures.push(id);
}

/** Asks one turn of a conversation (the conversation id is unique per run). */
export type ConverseFn = (q: string, audience: "agent" | "porteur", conversationId: string) => Promise<Reply>;

export async function runEval(set: EvalSet, ask: (q: string, audience: "agent" | "porteur") => Promise<Reply>, converse?: ConverseFn): Promise<EvalReport> {
  const r: EvalReport = {
    questions: set.questions.length,
    retrieval: metric(),
    includes: metric(),
    refusal: metric(),
    route: metric(),
    followUp: metric(),
    eligibility: metric(),
    latency: { p50: 0, p95: 0 },
    details: [],
  };
  const times: number[] = [];
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  let previousConversation: string | undefined;
  for (const q of set.questions) {
    const t0 = performance.now();
    const inConversation = q.conversation !== undefined && converse !== undefined;
    const followUp = inConversation && q.conversation === previousConversation;
    previousConversation = q.conversation;
    const reply = inConversation ? await converse!(q.question, q.audience, `eval-${run}-${q.conversation}`) : await ask(q.question, q.audience);
    times.push(performance.now() - t0);
    const ids = reply.sources.map((s) => s.id);
    let ok = true;
    const check = (m: Metric, pass: boolean) => {
      tick(m, q.id, pass);
      ok &&= pass;
    };
    if (q.expect.sources)
      check(
        r.retrieval,
        q.expect.sources.some((s) => ids.includes(s)),
      );
    if (q.expect.includes) {
      const text = fold(reply.text);
      check(
        r.includes,
        q.expect.includes.every((re) => new RegExp(re, "i").test(text)),
      );
    }
    check(r.refusal, reply.refused === (q.expect.refuse ?? false));
    if (q.expect.route) check(r.route, reply.route?.process === q.expect.route);
    if (followUp) tick(r.followUp, q.id, ok);
    r.details.push({ id: q.id, refused: reply.refused, route: reply.route?.process ?? null, sources: ids, ok, answer: reply.text });
  }
  for (const c of set.eligibility) {
    const parsed = parseFacts(c.facts);
    if (!parsed.ok) {
      tick(r.eligibility, `${c.id} (faits invalides : ${parsed.errors.join("; ")})`, false);
      continue;
    }
    const results = evaluate(parsed.facts, { processes: Object.keys(c.expect) as ProcessId[] });
    for (const [p, verdict] of Object.entries(c.expect)) {
      const got = results.find((x) => x.process === p)?.verdict;
      tick(r.eligibility, got === verdict ? c.id : `${c.id}:${p} (attendu ${verdict}, obtenu ${got ?? "aucun"})`, got === verdict);
    }
  }
  for (const m of [r.retrieval, r.includes, r.refusal, r.route, r.followUp, r.eligibility]) m.rate = m.total ? m.passed / m.total : null;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]! : 0);
  r.latency = { p50: Math.round(pct(0.5) * 10) / 10, p95: Math.round(pct(0.95) * 10) / 10 };
  return r;
}

/** One set's figures; with its refusal errors (refusalErrors, read before a blind report loses its details), the false refusals and false answers too. */
export function formatEval(r: EvalReport, errors?: ReturnType<typeof refusalErrors>): string {
  const share = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1).padStart(5)} %  (${n}/${of})` : "   —  ");
  const line = (name: string, m: Metric) =>
    `${name.padEnd(18)} ${m.rate === null ? "   —  " : (m.rate * 100).toFixed(1).padStart(5) + " %"}  (${m.passed}/${m.total})${m.failures.length ? `  échecs : ${m.failures.join(", ")}` : ""}`;
  return [
    `Questions évaluées : ${r.questions}`,
    line("retrieval hit", r.retrieval),
    line("includes", r.includes),
    line("refusal accuracy", r.refusal),
    line("route accuracy", r.route),
    line("follow-up turns", r.followUp),
    line("eligibility", r.eligibility),
    ...(errors
      ? [
          `${"faux refus".padEnd(18)} ${share(errors.falseRefusals, errors.answerable)}`,
          `${"fausses réponses".padEnd(18)} ${share(errors.falseAnswers, errors.toRefuse)}`,
        ]
      : []),
    `latence ask        p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms`,
  ].join("\n");
}

/** Refusal errors split: answerable questions refused, and questions to refuse that were answered. */
export function refusalErrors(set: EvalSet, report: EvalReport): { falseRefusals: number; answerable: number; falseAnswers: number; toRefuse: number } {
  const byId = new Map(report.details.map((d) => [d.id, d]));
  let falseRefusals = 0;
  let answerable = 0;
  let falseAnswers = 0;
  let toRefuse = 0;
  for (const q of set.questions) {
    const d = byId.get(q.id);
    if (!d) continue;
    if (q.expect.refuse) {
      toRefuse++;
      if (!d.refused) falseAnswers++;
    } else {
      answerable++;
      if (d.refused) falseRefusals++;
    }
  }
  return { falseRefusals, answerable, falseAnswers, toRefuse };
}

/** Tuning and blind figures side by side, with the gap (blind − tuning) in points. */
export function formatComparison(tuning: { set: EvalSet; report: EvalReport }, blind: { set: EvalSet; report: EvalReport }): string {
  const cell = (m: Metric) => (m.rate === null ? "—".padStart(19) : `${(m.rate * 100).toFixed(1)} % (${m.passed}/${m.total})`.padStart(19));
  const gap = (a: Metric, b: Metric) => (a.rate === null || b.rate === null ? "" : `${((b.rate - a.rate) * 100).toFixed(1)}`.padStart(7));
  const rows: [string, keyof Pick<EvalReport, "retrieval" | "includes" | "refusal" | "route" | "followUp" | "eligibility">][] = [
    ["retrieval hit", "retrieval"],
    ["includes", "includes"],
    ["refusal accuracy", "refusal"],
    ["route accuracy", "route"],
    ["follow-up turns", "followUp"],
    ["eligibility", "eligibility"],
  ];
  const lines = [`${"".padEnd(18)}${"tuning".padStart(19)}${"blind".padStart(19)}${"écart".padStart(7)}`];
  for (const [name, key] of rows)
    lines.push(`${name.padEnd(18)}${cell(tuning.report[key])}${cell(blind.report[key])}${gap(tuning.report[key], blind.report[key])}`);
  const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)} % (${n}/${d})` : "—").padStart(19);
  const et = refusalErrors(tuning.set, tuning.report);
  const eb = refusalErrors(blind.set, blind.report);
  lines.push(`${"faux refus".padEnd(18)}${pct(et.falseRefusals, et.answerable)}${pct(eb.falseRefusals, eb.answerable)}`);
  lines.push(`${"fausses réponses".padEnd(18)}${pct(et.falseAnswers, et.toRefuse)}${pct(eb.falseAnswers, eb.toRefuse)}`);
  lines.push(`${"questions".padEnd(18)}${String(tuning.report.questions).padStart(19)}${String(blind.report.questions).padStart(19)}`);
  lines.push(`${"latence p95".padEnd(18)}${`${tuning.report.latency.p95} ms`.padStart(19)}${`${blind.report.latency.p95} ms`.padStart(19)}`);
  return lines.join("\n");
}
