/**
 * The project's gold set, offline (no LLM), on the real runtime: thresholds of the
 * issues (retrieval hit ≥ 0.90, includes ≥ 0.85, refusal ≥ 0.90, route ≥ 0.90,
 * eligibility = 1.0) and the shape of the set (≥ 60 questions, every knowledge document
 * cited in expect.sources, routing questions for the 14 processes, ≥ 10 refusals).
 * Figures are printed so CI logs show them; failures list the failing ids.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROCESS_IDS } from "../../src/core/ids.js";
import { formatEval, loadEvalSet, runEval, type EvalReport, type EvalSet, type Metric } from "../../src/eval/run.js";
import { KNOWLEDGE_DIR, testRuntime, type TestRuntime } from "../answer/helpers.js";

const GOLD_DIR = path.dirname(new URL(import.meta.url).pathname);
const QUESTION_FILES = ["questions-schema.yaml", "questions-processes.yaml", "questions-coverage.yaml"];
const ELIGIBILITY_FILE = "eligibility.yaml";

let t: TestRuntime;
let set: EvalSet;
let report: EvalReport;

beforeAll(async () => {
  const parts = await Promise.all([...QUESTION_FILES, ELIGIBILITY_FILE].map((f) => loadEvalSet(path.join(GOLD_DIR, f))));
  set = { questions: parts.flatMap((p) => p.questions), eligibility: parts.flatMap((p) => p.eligibility) };
  t = await testRuntime({ llm: null });
  expect(t.runtime.llm).toBeNull();
  report = await runEval(set, (q, audience) => t.runtime.assistant.ask(q, { audience }));
  console.log(`\nGold set (offline, ${QUESTION_FILES.join(" + ")} + ${ELIGIBILITY_FILE})\n${formatEval(report)}\n`);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

function expectRate(m: Metric, min: number, name: string): void {
  expect(m.total, `${name} : aucune question notée`).toBeGreaterThan(0);
  const rate = m.passed / m.total;
  const msg = `${name} ${(rate * 100).toFixed(1)} % (${m.passed}/${m.total}) < ${(min * 100).toFixed(0)} % — échecs : ${m.failures.join(", ")}`;
  expect(rate, msg).toBeGreaterThanOrEqual(min);
}

describe("gold set thresholds (offline)", () => {
  it("retrieval hit ≥ 0.90", () => expectRate(report.retrieval, 0.9, "retrieval hit"));
  it("includes ≥ 0.85", () => expectRate(report.includes, 0.85, "includes"));
  it("refusal accuracy ≥ 0.90", () => expectRate(report.refusal, 0.9, "refusal accuracy"));
  it("route accuracy ≥ 0.90", () => expectRate(report.route, 0.9, "route accuracy"));
  it("eligibility = 1.0", () => expectRate(report.eligibility, 1, "eligibility"));
});

describe("gold set shape", () => {
  it("has at least 60 questions with unique ids", () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(60);
    const ids = [...set.questions, ...set.eligibility].map((q) => q.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes, `identifiants en double : ${dupes.join(", ")}`).toEqual([]);
  });

  it("cites every knowledge document at least once in expect.sources", () => {
    const docIds = [...new Set(t.runtime.retriever.index.chunks.map((c) => c.docId))].sort();
    expect(docIds.length).toBeGreaterThan(0);
    const cited = new Set(set.questions.flatMap((q) => q.expect.sources ?? []));
    const uncovered = docIds.filter((id) => !cited.has(id));
    expect(uncovered, `documents jamais cités dans expect.sources : ${uncovered.join(", ")}`).toEqual([]);
    const unknown = [...cited].filter((id) => !docIds.includes(id));
    expect(unknown, `expect.sources cite des documents inexistants : ${unknown.join(", ")}`).toEqual([]);
  });

  it("has routing questions for all 14 processes", () => {
    const routed = new Set(set.questions.map((q) => q.expect.route).filter(Boolean));
    const missing = PROCESS_IDS.filter((p) => !routed.has(p));
    expect(missing, `parcours sans question de routage : ${missing.join(", ")}`).toEqual([]);
  });

  it("has at least 10 refusals, and answerable questions state what they expect", () => {
    const refusals = set.questions.filter((q) => q.expect.refuse === true);
    expect(refusals.length).toBeGreaterThanOrEqual(10);
    const empty = set.questions.filter((q) => !q.expect.refuse && !q.expect.sources && !q.expect.route && !q.expect.includes).map((q) => q.id);
    expect(empty, `questions sans attente : ${empty.join(", ")}`).toEqual([]);
  });

  it("has eligibility cases for every process that has rules", () => {
    const withRules = readdirSync(path.join(KNOWLEDGE_DIR, "regles"))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => f.replace(/\.ya?ml$/, ""));
    expect(withRules.length).toBeGreaterThan(0);
    const covered = new Set(set.eligibility.flatMap((c) => Object.keys(c.expect)));
    const missing = withRules.filter((p) => !covered.has(p));
    expect(missing, `parcours sans cas d'éligibilité : ${missing.join(", ")}`).toEqual([]);
  });
});
