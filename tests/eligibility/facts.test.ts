import { describe, expect, it } from "vitest";
import { FACT_KEYS, FACT_QUESTIONS, parseFacts, parseFactsLoose } from "../../src/eligibility/facts.js";

describe("parseFacts", () => {
  it("accepts the full vocabulary", () => {
    const r = parseFacts({
      legalForm: "scic",
      commune: "Alès",
      employees: 4,
      partnerStructures: 3,
      essStatutes: true,
      esusApproved: false,
      socialUtilityPurpose: true,
      payWithinEsusLimits: true,
      listedShares: false,
      projectStage: "consolidation",
      projectCost: 12500.5,
      firstBalanceSheet: true,
      bankAccess: true,
      inQpv: false,
    });
    expect(r.ok).toBe(true);
  });

  it("accepts an empty object", () => {
    expect(parseFacts({})).toEqual({ ok: true, facts: {} });
  });

  it("rejects an unknown key, naming it", () => {
    const r = parseFacts({ legalForm: "association", salaries: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(/« salaries ».*unknown key/);
  });

  it.each([
    [{ legalForm: "asso" }, /legalForm.*association, scop/],
    [{ employees: -1 }, /employees.*non-negative integer/],
    [{ employees: 2.5 }, /employees/],
    [{ employees: "3" }, /employees/],
    [{ partnerStructures: null }, /partnerStructures/],
    [{ inQpv: "oui" }, /inQpv.*boolean/],
    [{ projectStage: "lancement" }, /projectStage/],
    [{ projectCost: -10 }, /projectCost/],
    [{ commune: 30189 }, /commune.*string/],
  ])("rejects a wrong type %j", (input, message) => {
    const r = parseFacts(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(message);
  });

  it("rejects an unknown commune with a clear message", () => {
    const r = parseFacts({ commune: "Montpelier-les-Bains" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/n'est pas une commune connue \(unknown commune\)/);
  });

  it("suggests close commune names", () => {
    const r = parseFacts({ commune: "Montpelier" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/Vouliez-vous dire : Montpellier \(Hérault, code 34172\)/);
  });

  it.each([null, [], "association", 3])("rejects a non-object %j", (input) => {
    const r = parseFacts(input);
    expect(r.ok).toBe(false);
  });

  it("coerces form strings with parseFactsLoose", () => {
    const r = parseFactsLoose({ employees: "3", inQpv: "oui", bankAccess: "false", projectCost: "30 000", legalForm: "scop" });
    expect(r).toEqual({ ok: true, facts: { employees: 3, inQpv: true, bankAccess: false, projectCost: 30000, legalForm: "scop" } });
  });
});

describe("FACT_QUESTIONS", () => {
  it("has a French question for every fact and labels for enum options", () => {
    for (const k of FACT_KEYS) {
      const q = FACT_QUESTIONS[k];
      expect(q.fact).toBe(k);
      expect(q.question).toMatch(/\?/);
      expect(q.question).toMatch(/\b(vous|votre|vos|vôtre)\b/i);
      if (q.type === "enum") {
        expect(q.options!.length).toBeGreaterThan(2);
        for (const o of q.options!) expect(o.label.length).toBeGreaterThan(2);
      }
    }
  });
});
