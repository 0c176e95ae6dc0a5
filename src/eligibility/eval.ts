/**
 * Scoring of eligibility cases (format of ../shared/eval/README.md):
 *   eligibility:
 *     - id: gold-e-001
 *       facts: { legalForm: association, commune: "Alès", partnerStructures: 3 }
 *       expect: { appel-a-communs: eligible }
 * Each listed process must get exactly the expected verdict.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ProcessId } from "../domain/ids.js";
import { Verdict } from "../domain/reply.js";
import { evaluate } from "./engine.js";
import { parseFacts } from "./facts.js";

export const EligibilityCase = z.object({
  id: z.string().min(1),
  facts: z.record(z.string(), z.unknown()),
  expect: z.partialRecord(ProcessId, Verdict),
});
export type EligibilityCase = z.infer<typeof EligibilityCase>;

export interface EligibilityFailure {
  id: string;
  process: ProcessId;
  expected: Verdict;
  /** The verdict obtained, or "invalid-facts: …" when the facts were rejected. */
  got: string;
}

export interface EligibilityScore {
  /** Number of (case, process) expectations. */
  total: number;
  passed: number;
  /** Number of cases, and cases whose every expectation passed. */
  cases: number;
  casesPassed: number;
  failures: EligibilityFailure[];
}

/** Read the `eligibility:` list of an evaluation YAML file (validated). */
export function loadEligibilityCases(path: string): EligibilityCase[] {
  const doc = parseYaml(readFileSync(path, "utf8")) as { eligibility?: unknown } | null;
  const list = z.array(EligibilityCase).parse(doc?.eligibility ?? []);
  return list;
}

/** Evaluate every case on exactly its expected processes and compare verdicts. */
export function scoreEligibility(cases: readonly EligibilityCase[]): EligibilityScore {
  const score: EligibilityScore = { total: 0, passed: 0, cases: cases.length, casesPassed: 0, failures: [] };
  for (const c of cases) {
    const expected = Object.entries(c.expect) as [ProcessId, Verdict][];
    score.total += expected.length;
    const parsed = parseFacts(c.facts);
    if (!parsed.ok) {
      for (const [process, verdict] of expected) {
        score.failures.push({ id: c.id, process, expected: verdict, got: `invalid-facts: ${parsed.errors.join(" | ")}` });
      }
      continue;
    }
    const results = evaluate(parsed.facts, { processes: expected.map(([p]) => p) });
    let allOk = true;
    for (const [process, verdict] of expected) {
      const got = results.find((r) => r.process === process)?.verdict ?? "none";
      if (got === verdict) score.passed++;
      else {
        allOk = false;
        score.failures.push({ id: c.id, process, expected: verdict, got });
      }
    }
    if (allOk) score.casesPassed++;
  }
  return score;
}
