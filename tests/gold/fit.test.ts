/**
 * The project-fit gate, offline, on the tuning set and on the blind set written from
 * the facts dossier before any tuning (issue 12): blind — first option right ≥ 0.85,
 * right in the first two ≥ 0.95, a right schema document cited ≥ 0.90, no refusal
 * of an in-scope project. The tuning set is held to those thresholds; the blind set,
 * which does not reach them yet, to a floor just under its measured figures (so that
 * no change makes it worse). Figures are printed side by side; the blind set's failing
 * ids are never printed.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatFitEval, loadFitSet, runFitEval, type FitMetric, type FitReport, type FitSet } from "../../src/eval/fit.js";
import { testRuntime, type TestRuntime } from "../answer/helpers.js";

const GOLD_DIR = path.dirname(new URL(import.meta.url).pathname);
const SETS = { tuning: path.join(GOLD_DIR, "tuning", "projects-tuning.yaml"), blind: path.join(GOLD_DIR, "blind", "projects-blind-14.yaml") };

let t: TestRuntime;
const sets: Record<string, FitSet> = {};
const reports: Record<string, FitReport> = {};

beforeAll(async () => {
  t = await testRuntime({ llm: null });
  for (const [name, file] of Object.entries(SETS)) {
    sets[name] = await loadFitSet(file);
    reports[name] = await runFitEval(sets[name]!, (q, audience) => t.runtime.assistant.ask(q, { audience }));
  }
  console.log(
    `\nProject fit (offline)\n${formatFitEval([
      { name: "tuning", report: reports.tuning! },
      { name: "blind", report: reports.blind!, showFailures: false },
    ])}\n`,
  );
}, 300_000);
afterAll(async () => {
  await t?.close();
});

/** The rate of a metric; a blind set's message names no failing id. */
function expectRate(m: FitMetric, min: number, label: string, blind: boolean): void {
  expect(m.total, `${label} : aucun projet noté`).toBeGreaterThan(0);
  const rate = m.passed / m.total;
  const msg = `${label} ${(rate * 100).toFixed(1)} % (${m.passed}/${m.total}) < ${(min * 100).toFixed(0)} %${blind ? "" : ` — échecs : ${m.failures.join(", ")}`}`;
  expect(rate, msg).toBeGreaterThanOrEqual(min);
}

/**
 * Thresholds per set: the issue's for tuning; for blind (projects-blind-14, 100 descriptions with 14 refusals,
 * 12 in English, 35 agent, written blind on 2026-12-06 afternoon from the facts dossier alone; projects-blind-13 moved
 * to tuning before its failures were read), its first reading rounded down (code of 0c24322, before any tuning on
 * projects-blind-13's failures: 90.7 % (78/86) / 96.5 % (83/86) / 98.8 % (85/86), no in-scope project refused). The
 * floor only keeps a change from making it worse; the issue's targets are reported by `eval`.
 */
const MIN = {
  tuning: { first: 0.85, firstTwo: 0.95, cited: 0.9, wrongRefusals: 0 },
  blind: { first: 0.9, firstTwo: 0.96, cited: 0.98, wrongRefusals: 0 },
} as const;

describe.each(["tuning", "blind"] as const)("project-fit gate (%s)", (name) => {
  const blind = name === "blind";
  const min = MIN[name];
  it("has at least 60 project descriptions with unique ids", () => {
    const ids = sets[name]!.projects.map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it(`first option right ≥ ${min.first}`, () => expectRate(reports[name]!.first, min.first, `${name} : 1re option juste`, blind));
  it(`right in the first two ≥ ${min.firstTwo}`, () => expectRate(reports[name]!.firstTwo, min.firstTwo, `${name} : juste dans les 2 premières`, blind));
  it(`a right schema document cited ≥ ${min.cited}`, () => expectRate(reports[name]!.cited, min.cited, `${name} : document du schéma cité`, blind));
  it(`at most ${min.wrongRefusals} project(s) within the ESS scope refused`, () => {
    const wrong = reports[name]!.wrongRefusals;
    expect(wrong.length, blind ? `${wrong.length} projet(s) refusé(s) à tort` : `refusés à tort : ${wrong.join(", ")}`).toBeLessThanOrEqual(min.wrongRefusals);
  });
});
