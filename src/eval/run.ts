/**
 * Evaluation of the assistant on a set in the ../shared/eval/README.md format:
 * retrieval hit, includes, refusal and route accuracy, eligibility verdicts.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { Audience, ProcessId } from "../core/ids.js";
import type { Reply } from "../core/reply.js";
import { Verdict } from "../core/reply.js";
import { evaluate } from "../eligibility/engine.js";
import { parseFacts } from "../eligibility/facts.js";
import { fold } from "../retrieval/analyzer.js";

export const EvalQuestion = z.object({
  id: z.string(),
  question: z.string(),
  audience: Audience.default("porteur"),
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

export async function loadEvalSet(file: string): Promise<EvalSet> {
  const text = await readFile(file, "utf8");
  const parsed = EvalSet.safeParse(parseYaml(text) ?? {});
  if (!parsed.success) throw new Error(`${file} : format d'évaluation invalide : ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
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

export async function runEval(set: EvalSet, ask: (q: string, audience: "agent" | "porteur") => Promise<Reply>): Promise<EvalReport> {
  const r: EvalReport = { questions: set.questions.length, retrieval: metric(), includes: metric(), refusal: metric(), route: metric(), eligibility: metric(), latency: { p50: 0, p95: 0 }, details: [] };
  const times: number[] = [];
  for (const q of set.questions) {
    const t0 = performance.now();
    const reply = await ask(q.question, q.audience);
    times.push(performance.now() - t0);
    const ids = reply.sources.map((s) => s.id);
    let ok = true;
    const check = (m: Metric, pass: boolean) => {
      tick(m, q.id, pass);
      ok &&= pass;
    };
    if (q.expect.sources) check(r.retrieval, q.expect.sources.some((s) => ids.includes(s)));
    if (q.expect.includes) {
      const text = fold(reply.text);
      check(r.includes, q.expect.includes.every((re) => new RegExp(re, "i").test(text)));
    }
    check(r.refusal, reply.refused === (q.expect.refuse ?? false));
    if (q.expect.route) check(r.route, reply.route?.process === q.expect.route);
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
  for (const m of [r.retrieval, r.includes, r.refusal, r.route, r.eligibility]) m.rate = m.total ? m.passed / m.total : null;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]! : 0);
  r.latency = { p50: Math.round(pct(0.5) * 10) / 10, p95: Math.round(pct(0.95) * 10) / 10 };
  return r;
}

export function formatEval(r: EvalReport): string {
  const line = (name: string, m: Metric) =>
    `${name.padEnd(18)} ${m.rate === null ? "   —  " : (m.rate * 100).toFixed(1).padStart(5) + " %"}  (${m.passed}/${m.total})${m.failures.length ? `  échecs : ${m.failures.join(", ")}` : ""}`;
  return [
    `Questions évaluées : ${r.questions}`,
    line("retrieval hit", r.retrieval),
    line("includes", r.includes),
    line("refusal accuracy", r.refusal),
    line("route accuracy", r.route),
    line("eligibility", r.eligibility),
    `latence ask        p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms`,
  ].join("\n");
}
