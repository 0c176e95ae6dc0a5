import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EligibilityResult } from "../../src/domain/reply.js";
import { PROCESS_IDS } from "../../src/domain/ids.js";
import { evaluate } from "../../src/eligibility/engine.js";
import { extractFacts, parseAnswer } from "../../src/eligibility/extract.js";
import { FACT_KEYS, LEGAL_FORMS, PROJECT_STAGES, parseFacts, type Facts } from "../../src/eligibility/facts.js";

const COMMUNES = ["Alès", "Nîmes", "Le Vigan", "Montpellier", "Uzès", "Lyon", "Mende", "30189"];

const factsArb: fc.Arbitrary<Facts> = fc.record(
  {
    legalForm: fc.constantFrom(...LEGAL_FORMS),
    commune: fc.constantFrom(...COMMUNES),
    employees: fc.nat({ max: 300 }),
    partnerStructures: fc.nat({ max: 10 }),
    essStatutes: fc.boolean(),
    esusApproved: fc.boolean(),
    socialUtilityPurpose: fc.boolean(),
    payWithinEsusLimits: fc.boolean(),
    listedShares: fc.boolean(),
    projectStage: fc.constantFrom(...PROJECT_STAGES),
    projectCost: fc.nat({ max: 200_000 }),
    firstBalanceSheet: fc.boolean(),
    bankAccess: fc.boolean(),
    inQpv: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("robustness", () => {
  it("evaluate returns valid, consistent results for any facts", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(parseFacts(facts).ok).toBe(true);
        const results = evaluate(facts, { processes: PROCESS_IDS });
        expect(results).toHaveLength(PROCESS_IDS.length);
        for (const r of results) {
          EligibilityResult.parse(r);
          if (r.verdict === "incomplete") expect(r.missing.length).toBeGreaterThan(0);
          else expect(r.missing).toEqual([]);
          if (r.verdict === "ineligible") expect(r.reasons.some((x) => x.met === false)).toBe(true);
          if (r.verdict === "to-check") expect(r.checker).toBeTruthy();
          for (const m of r.missing) expect(facts[m.fact as keyof Facts]).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("adding a fact never turns a known failure into a success", () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...FACT_KEYS), (facts, drop) => {
        const fewer = { ...facts };
        delete fewer[drop];
        const before = evaluate(fewer, { processes: PROCESS_IDS });
        const after = evaluate(facts, { processes: PROCESS_IDS });
        before.forEach((b, i) => {
          if (b.verdict === "ineligible") expect(after[i]!.verdict).toBe("ineligible");
          if (b.verdict === "eligible") expect(["eligible", "ineligible", "to-check"]).toContain(after[i]!.verdict);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("extraction and answer parsing never throw, and extracted facts are valid", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...FACT_KEYS), (text, fact) => {
        const f = extractFacts(text);
        expect(parseFacts(f).ok).toBe(true);
        const a = parseAnswer(fact, text);
        if (a !== undefined) expect(parseFacts({ [fact]: a }).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("parseFacts never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseFacts(v);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
