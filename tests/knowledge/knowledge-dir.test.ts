/**
 * A Département's own knowledge folder is honoured everywhere: a copy of knowledge/
 * with one eligibility rule and one document changed, pointed at by KNOWLEDGE_DIR,
 * changes both `eligibility` and `ask`, through the real command line.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
let dir: string;

async function cli(args: string[], knowledge?: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATA_DIR: path.join(dir, "data"),
    PSEUDONYM_SECRET: "knowledge-dir-test-0123456789abcdef",
  };
  delete env.KNOWLEDGE_DIR;
  if (knowledge) env.KNOWLEDGE_DIR = knowledge;
  const { stdout } = await run(TSX, ["src/cli/main.ts", ...args], { cwd: ROOT, env, maxBuffer: 10_000_000 });
  return stdout;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "relais-kdir-"));
  const k = path.join(dir, "knowledge");
  cpSync(path.join(ROOT, "knowledge"), k, { recursive: true });
  // One rule: the DLA now asks for at least 5 employees.
  const rule = path.join(k, "regles", "dla.yaml");
  const text = readFileSync(rule, "utf8");
  expect(text).toMatch(/employees/);
  writeFileSync(rule, text.replace("test: { fact: employees, op: gte, value: 1 }", "test: { fact: employees, op: gte, value: 5 }"));
  // One document: a new fact only this folder knows.
  const doc = path.join(k, "partenaires", "miess-30.md");
  writeFileSync(doc, readFileSync(doc, "utf8") + "\n\n## Horaires du jardin partagé\n\nLe jardin partagé Zéphyrine de la MIESS ouvre le mercredi à 14 h.\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("KNOWLEDGE_DIR", () => {
  it("changes eligibility verdicts and answers together", async () => {
    const facts = JSON.stringify({ legalForm: "association", commune: "Alès", employees: 2 });
    const before = JSON.parse(await cli(["eligibility", "--facts", facts, "--json", "--process", "dla"]));
    const after = JSON.parse(await cli(["eligibility", "--facts", facts, "--json", "--process", "dla"], path.join(dir, "knowledge")));
    const verdict = (r: { results: { process: string; verdict: string }[] }) => r.results.find((x) => x.process === "dla")?.verdict;
    expect(verdict(before)).toBe("eligible");
    expect(verdict(after)).toBe("ineligible");

    const q = "Quand ouvre le jardin partagé Zéphyrine de la MIESS ?";
    const bundled = JSON.parse(await cli(["ask", q, "--json"]));
    const own = JSON.parse(await cli(["ask", q, "--json"], path.join(dir, "knowledge")));
    expect(bundled.answer).not.toMatch(/mercredi/i);
    expect(own.answer).toMatch(/mercredi/i);
  }, 180_000);
});
