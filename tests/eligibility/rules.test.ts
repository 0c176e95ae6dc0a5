import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROCESS_IDS } from "../../src/domain/ids.js";
import { DEFAULT_RULES_DIR, getRules, loadRulesFrom, RulesError } from "../../src/eligibility/rules.js";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "regles-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOOD = `
process: dla
name: DLA
checker: le DLA
conditions:
  - id: salaries
    label: Au moins un salarié
    explanation: Réservé aux employeurs.
    source: https://example.org/dla
    test: { fact: employees, op: gte, value: 1 }
`;

describe("rule files", () => {
  it("loads and validates every project rule file, one per process", () => {
    const rules = getRules();
    for (const p of PROCESS_IDS) expect(rules.has(p), p).toBe(true);
    for (const r of rules.values()) {
      for (const c of r.conditions) {
        expect(c.source).toMatch(/^https?:\/\//);
        expect(c.label.length).toBeGreaterThan(5);
        expect(c.explanation.length).toBeGreaterThan(10);
      }
    }
  });

  it("puts a French header explaining the format in every file", () => {
    for (const r of getRules().values()) {
      const text = readFileSync(r.file, "utf8");
      expect(text.startsWith("# ")).toBe(true);
      expect(text).toMatch(/comment lire et modifier ce fichier/);
    }
  });

  it("makes department processes ineligible outside the Gard", () => {
    const rules = getRules();
    for (const p of ["appel-a-communs", "mission-ess-departement", "scic-participation", "insertion-iae", "commande-publique", "dla"] as const) {
      const scoped = rules.get(p)!.conditions.find((c) => c.scope === "gard");
      expect(scoped, p).toBeDefined();
      expect(scoped!.onFail, p).toBe("ineligible");
    }
  });

  it("accepts a valid file", () => {
    const rules = loadRulesFrom(dirWith({ "dla.yaml": GOOD }));
    expect(rules.get("dla")!.conditions[0]!.onFail).toBe("ineligible");
    expect([...rules.get("dla")!.concernFacts]).toEqual(["employees"]);
  });

  it.each([
    ["unknown fact", GOOD.replace("fact: employees", "fact: salaries"), /salaries|fact/],
    ["bad enum value", GOOD.replace("{ fact: employees, op: gte, value: 1 }", "{ fact: legalForm, in: [asso] }"), /not valid/],
    ["wrong value type", GOOD.replace("value: 1", 'value: "un"'), /not valid/],
    ["numeric op on an enum", GOOD.replace("{ fact: employees, op: gte, value: 1 }", "{ fact: legalForm, op: gte, value: scop }"), /numeric/],
    ["missing source", GOOD.replace("    source: https://example.org/dla\n", ""), /source/],
    ["unknown process", GOOD.replace("process: dla", "process: dlx"), /process/],
    ["file name mismatch", GOOD.replace("process: dla", "process: cae"), /file name/],
    ["bad onFail", GOOD + "    onFail: maybe\n", /onFail/],
    ["unknown key", GOOD + "    colour: blue\n", /colour|Unrecognized/],
    ["invalid YAML", "process: [dla", /invalid YAML/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => loadRulesFrom(dirWith({ "dla.yaml": text }))).toThrow(RulesError);
    expect(() => loadRulesFrom(dirWith({ "dla.yaml": text }))).toThrow(message);
  });

  it("uses the project folder by default", () => {
    expect(DEFAULT_RULES_DIR).toMatch(/knowledge[\\/]regles$/);
  });
});
