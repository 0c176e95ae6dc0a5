import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getRules } from "../../src/eligibility/rules.js";
import { loadEligibilityCases, scoreEligibility } from "../../src/eligibility/eval.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const devPath = resolve(root, "../shared/eval/dev.yaml");
const goldPath = resolve(root, "tests/gold/tuning/eligibility.yaml");

describe.skipIf(!existsSync(devPath))("dev.yaml eligibility cases", () => {
  it("reproduces every expectation", () => {
    const cases = loadEligibilityCases(devPath);
    expect(cases.length).toBeGreaterThan(0);
    const score = scoreEligibility(cases);
    expect(score.failures).toEqual([]);
    expect(score.passed).toBe(score.total);
  });
});

describe("gold eligibility cases", () => {
  const cases = loadEligibilityCases(goldPath);

  it("has at least 40 well-formed cases with gold-e-NNN ids", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^gold-e-\d{3}$/);
  });

  it("passes every case", () => {
    const score = scoreEligibility(cases);
    expect(score.failures).toEqual([]);
    expect(score.casesPassed).toBe(cases.length);
  });

  it("covers every process that has rules, with several verdicts", () => {
    const seen = new Map<string, Set<string>>();
    for (const c of cases) for (const [p, v] of Object.entries(c.expect)) seen.set(p, (seen.get(p) ?? new Set()).add(v!));
    for (const p of getRules().keys()) expect(seen.get(p)?.size ?? 0, p).toBeGreaterThanOrEqual(2);
  });
});

describe("scoreEligibility", () => {
  it("reports failures with the verdict obtained", () => {
    const score = scoreEligibility([
      { id: "t-1", facts: { legalForm: "association", commune: "Alès", partnerStructures: 1 }, expect: { "appel-a-communs": "eligible" } },
      { id: "t-2", facts: { salaries: 3 }, expect: { dla: "eligible" } },
      { id: "t-3", facts: { legalForm: "scic", commune: "Alès" }, expect: { "scic-participation": "to-check" } },
    ]);
    expect(score).toMatchObject({ total: 3, passed: 1, cases: 3, casesPassed: 1 });
    expect(score.failures[0]).toEqual({ id: "t-1", process: "appel-a-communs", expected: "eligible", got: "ineligible" });
    expect(score.failures[1]!.got).toMatch(/^invalid-facts/);
  });
});
