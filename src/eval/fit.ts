/**
 * Evaluation of project-fit answers on a set of project descriptions
 * (tests/gold/tuning/projects-tuning.yaml, tests/gold/blind/projects-blind-14.yaml):
 * first option right, right in the first two, a right schema document cited,
 * refusals (an in-scope project must not be refused, an out-of-scope one must).
 * A refusal's option is the person its route hands over to; a request to refuse
 * may expect none (`first: null`) and then counts for the refusal metric only.
 * Tuning and blind figures are printed side by side.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { Audience, ProcessId } from "../domain/ids.js";
import type { Reply } from "../domain/reply.js";

export const FitProject = z.object({
  id: z.string().min(1),
  description: z.string().min(1),
  audience: Audience.default("porteur"),
  expect: z
    .object({
      /** The process that should come first; for a request to refuse, the person it is handed to, or null (absent = null). */
      first: ProcessId.nullish().transform((f) => f ?? null),
      acceptable: z
        .array(ProcessId)
        .nullish()
        .transform((a) => a ?? []),
      sources: z
        .array(z.string())
        .nullish()
        .transform((a) => a ?? []),
      refuse: z.boolean().default(false),
    })
    .refine((e) => e.first !== null || e.refuse, { message: "first ne peut manquer que pour un projet à refuser", path: ["first"] }),
});
export type FitProject = z.infer<typeof FitProject>;
export const FitSet = z.object({ projects: z.array(FitProject).min(1) });
export type FitSet = z.infer<typeof FitSet>;

/** Whether a parsed YAML document is a project-fit set (`projects:` rather than `questions:`). */
export function isFitSet(doc: unknown): boolean {
  return !!doc && typeof doc === "object" && Array.isArray((doc as { projects?: unknown }).projects);
}

export async function loadFitSet(file: string): Promise<FitSet> {
  const parsed = FitSet.safeParse(parseYaml(await readFile(file, "utf8")) ?? {});
  if (!parsed.success) throw new Error(`${file} : jeu de projets invalide : ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

export interface FitMetric {
  total: number;
  passed: number;
  rate: number | null;
  failures: string[];
}

export interface FitReport {
  projects: number;
  first: FitMetric;
  firstTwo: FitMetric;
  cited: FitMetric;
  refusal: FitMetric;
  /** In-scope projects that were refused (the gate wants none). */
  wrongRefusals: string[];
  latency: { p50: number; p95: number };
  details: { id: string; options: string[]; refused: boolean; cited: string[]; ok: boolean }[];
}

const metric = (): FitMetric => ({ total: 0, passed: 0, rate: null, failures: [] });
function tick(m: FitMetric, id: string, ok: boolean): boolean {
  m.total++;
  if (ok) m.passed++;
  else m.failures.push(id);
  return ok;
}

/** Runs every project through `ask` and scores the replies' `fit` options and sources. */
export async function runFitEval(set: FitSet, ask: (description: string, audience: "agent" | "porteur") => Promise<Reply>): Promise<FitReport> {
  const r: FitReport = {
    projects: set.projects.length,
    first: metric(),
    firstTwo: metric(),
    cited: metric(),
    refusal: metric(),
    wrongRefusals: [],
    latency: { p50: 0, p95: 0 },
    details: [],
  };
  const times: number[] = [];
  for (const p of set.projects) {
    const t0 = performance.now();
    const reply = await ask(p.description, p.audience);
    times.push(performance.now() - t0);
    // A refusal with no options orients to the person it hands over to (its route).
    const options = reply.fit?.length ? reply.fit.map((o) => o.process) : reply.refused && reply.route ? [reply.route.process] : [];
    const cited = [...new Set(reply.sources.map((s) => s.id))];
    let ok = true;
    if (p.expect.first !== null) {
      ok = tick(r.first, p.id, options[0] === p.expect.first);
      ok = tick(r.firstTwo, p.id, options.slice(0, 2).includes(p.expect.first)) && ok;
    }
    if (p.expect.sources.length)
      ok =
        tick(
          r.cited,
          p.id,
          p.expect.sources.some((s) => cited.includes(s)),
        ) && ok;
    ok = tick(r.refusal, p.id, reply.refused === p.expect.refuse) && ok;
    if (reply.refused && !p.expect.refuse) r.wrongRefusals.push(p.id);
    r.details.push({ id: p.id, options, refused: reply.refused, cited, ok });
  }
  for (const m of [r.first, r.firstTwo, r.cited, r.refusal]) m.rate = m.total ? m.passed / m.total : null;
  times.sort((a, b) => a - b);
  const pct = (q: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))]! : 0);
  r.latency = { p50: Math.round(pct(0.5) * 10) / 10, p95: Math.round(pct(0.95) * 10) / 10 };
  return r;
}

const METRICS: [keyof Pick<FitReport, "first" | "firstTwo" | "cited" | "refusal">, string][] = [
  ["first", "1re option juste"],
  ["firstTwo", "juste dans les 2 premières"],
  ["cited", "document du schéma cité"],
  ["refusal", "refus corrects"],
];

const rate = (m: FitMetric) => (m.rate === null ? "   —  " : `${(m.rate * 100).toFixed(1).padStart(5)} %`);

/**
 * French summary of one or more reports side by side (e.g. tuning and blind).
 * `showFailures: false` hides the failing ids (a blind set's failures must not be read).
 */
export function formatFitEval(reports: { name: string; report: FitReport; showFailures?: boolean }[]): string {
  const width = 28;
  const col = Math.max(20, ...reports.map((x) => x.name.length + 2));
  const row = (label: string, cell: (r: FitReport) => string) => `${label.padEnd(width)}${reports.map((x) => cell(x.report).padStart(col)).join("")}`;
  const lines = [`${"".padEnd(width)}${reports.map((x) => x.name.padStart(col)).join("")}`, row("projets", (r) => String(r.projects))];
  for (const [key, label] of METRICS) lines.push(row(label, (r) => `${rate(r[key])} (${r[key].passed}/${r[key].total})`));
  lines.push(row("refus à tort", (r) => String(r.wrongRefusals.length)));
  lines.push(row("latence p50 / p95 (ms)", (r) => `${r.latency.p50} / ${r.latency.p95}`));
  for (const x of reports) {
    if (x.showFailures === false) continue;
    const failed = x.report.details.filter((d) => !d.ok).map((d) => d.id);
    if (failed.length) lines.push(`échecs (${x.name}) : ${failed.join(", ")}`);
  }
  return lines.join("\n");
}
