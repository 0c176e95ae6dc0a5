import { describe, expect, it } from "vitest";
import type { ProcessId } from "../../src/domain/ids.js";
import { EligibilityResult } from "../../src/domain/reply.js";
import { concernedProcesses, evaluate, formatResults } from "../../src/eligibility/engine.js";
import { parseFacts, type Facts } from "../../src/eligibility/facts.js";

function facts(input: Record<string, unknown>): Facts {
  const r = parseFacts(input);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.facts;
}
function one(input: Record<string, unknown>, process: ProcessId) {
  const [r] = evaluate(facts(input), { processes: [process] });
  return r!;
}

describe("evaluate", () => {
  it("returns results that match the Reply contract", () => {
    const results = evaluate(facts({ legalForm: "association", commune: "Alès", employees: 2, partnerStructures: 3 }));
    expect(results.length).toBeGreaterThan(2);
    for (const r of results) expect(() => EligibilityResult.parse(r)).not.toThrow();
  });

  it("eligible: every condition met, with a French reason for each", () => {
    const r = one({ legalForm: "association", commune: "Uzès", partnerStructures: 3 }, "appel-a-communs");
    expect(r.verdict).toBe("eligible");
    expect(r.missing).toEqual([]);
    const met = r.reasons.filter((x) => x.met === true).map((x) => x.condition);
    expect(met).toEqual(expect.arrayContaining(["territoire-gard", "au-moins-trois-structures", "structure-ess"]));
    for (const x of r.reasons) expect(x.text).toMatch(/[a-zéèà]/);
  });

  it("ineligible: names the failing condition and its source", () => {
    const r = one({ legalForm: "association", commune: "Alès", partnerStructures: 2 }, "appel-a-communs");
    expect(r.verdict).toBe("ineligible");
    const failed = r.reasons.find((x) => x.met === false)!;
    expect(failed.condition).toBe("au-moins-trois-structures");
    expect(failed.text).toMatch(/Condition non remplie.*3 structures.*nombre de structures associées au projet : 2/);
    expect(failed.source).toMatch(/^https:\/\/objectifgard\.com/);
  });

  it("a known failure wins over missing facts", () => {
    const r = one({ commune: "Montpellier" }, "appel-a-communs");
    expect(r.verdict).toBe("ineligible");
    expect(r.missing).toEqual([]);
    expect(r.reasons.find((x) => x.condition === "territoire-gard")!.text).toMatch(/Montpellier \(Hérault\)/);
  });

  it("incomplete: lists the missing facts with their French questions, in order", () => {
    const r = one({ commune: "Alès" }, "appel-a-communs");
    expect(r.verdict).toBe("incomplete");
    expect(r.missing.map((m) => m.fact)).toEqual(["partnerStructures", "legalForm"]);
    expect(r.missing[0]!.question).toMatch(/Combien de structures/);
  });

  it("asks for the ESS statutes only when the legal form needs it", () => {
    const r = one({ legalForm: "societe-commerciale", commune: "Alès", partnerStructures: 3 }, "appel-a-communs");
    expect(r.verdict).toBe("incomplete");
    expect(r.missing.map((m) => m.fact)).toEqual(["essStatutes"]);
    const r2 = one({ legalForm: "association", commune: "Alès", partnerStructures: 3 }, "appel-a-communs");
    expect(r2.missing).toEqual([]);
  });

  it("to-check: says who checks", () => {
    const r = one({ legalForm: "fondation", commune: "Alès", partnerStructures: 3 }, "appel-a-communs");
    expect(r.verdict).toBe("to-check");
    expect(r.checker).toMatch(/équipe ESS du Département/);
    expect(r.reasons.find((x) => x.condition === "structure-ess")!.text).toMatch(/^À vérifier/);
  });

  it("incomplete wins over to-check", () => {
    const r = one({ legalForm: "fondation", commune: "Alès" }, "appel-a-communs");
    expect(r.verdict).toBe("incomplete");
  });

  it("final check: the best verdict is to-check", () => {
    const r = one({ legalForm: "scic", commune: "Nîmes" }, "scic-participation");
    expect(r.verdict).toBe("to-check");
    expect(r.reasons.at(-1)!.condition).toBe("verification-finale");
    expect(r.checker).toMatch(/finances/);
  });

  it("assumed conditions are reported with met: null", () => {
    const r = one({ legalForm: "association", commune: "Alès", employees: 1 }, "dla");
    expect(r.verdict).toBe("eligible");
    const u = r.reasons.find((x) => x.condition === "utilite-sociale")!;
    expect(u.met).toBeNull();
    expect(u.text).toMatch(/présumée/);
  });

  it("notes inform without changing the verdict", () => {
    const base = { legalForm: "entrepreneur-individuel", projectStage: "creation" };
    const a = one({ ...base, bankAccess: false }, "pret-honneur-microcredit");
    const b = one({ ...base, bankAccess: true }, "pret-honneur-microcredit");
    const c = one(base, "pret-honneur-microcredit");
    expect([a.verdict, b.verdict, c.verdict]).toEqual(["eligible", "eligible", "eligible"]);
    expect(a.reasons.find((x) => x.condition === "sans-acces-bancaire")!.text).toMatch(/Adie/);
    expect(b.reasons.find((x) => x.condition === "sans-acces-bancaire")!.text).toMatch(/Initiative Gard/);
    expect(c.reasons.some((x) => x.condition === "sans-acces-bancaire")).toBe(false);
  });

  it("mentions a homonym when the commune name is ambiguous", () => {
    const r = one({ legalForm: "association", commune: "Saint-Gilles", employees: 2 }, "dla");
    expect(r.reasons[0]!.text).toMatch(/Saint-Gilles \(Gard\), à ne pas confondre avec/);
  });

  it("uses the INSEE code to reach a homonym outside the Gard", () => {
    const r = one({ legalForm: "association", commune: "35275", employees: 2 }, "dla");
    expect(r.verdict).toBe("ineligible");
  });

  it("treats a commune that cannot be resolved as missing (facts not from parseFacts)", () => {
    const [r] = evaluate({ commune: "Atlantis", legalForm: "association", partnerStructures: 3 }, { processes: ["appel-a-communs"] });
    expect(r!.verdict).toBe("incomplete");
    expect(r!.missing.map((m) => m.fact)).toEqual(["commune"]);
    expect(r!.reasons.some((x) => x.condition === "commune-inconnue")).toBe(true);
  });

  it("evaluates only the processes the facts concern, unless processes are given", () => {
    expect(evaluate({})).toEqual([]);
    expect(concernedProcesses(facts({ commune: "Alès" }))).toEqual([]);
    expect(concernedProcesses(facts({ inQpv: true }))).toEqual(["politique-de-la-ville"]);
    expect(concernedProcesses(facts({ bankAccess: false }))).toEqual(["pret-honneur-microcredit"]);
    const p = concernedProcesses(facts({ partnerStructures: 3 }));
    expect(p).toEqual(["appel-a-communs"]);
    const all = evaluate(facts({ commune: "Alès" }), { processes: ["mission-ess-departement", "commande-publique"] });
    expect(all.map((r) => [r.process, r.verdict])).toEqual([
      ["mission-ess-departement", "eligible"],
      ["commande-publique", "incomplete"],
    ]);
  });

  it("formats a readable French summary", () => {
    const text = formatResults(evaluate(facts({ legalForm: "association", commune: "Alès", partnerStructures: 1 }), { processes: ["appel-a-communs"] }));
    expect(text).toMatch(/Appel à communs.*: non éligible/);
    expect(formatResults([])).toMatch(/Aucun parcours/);
  });

  // (the speed of one evaluation is printed by scripts/bench-micro.ts, not timed here)
});
