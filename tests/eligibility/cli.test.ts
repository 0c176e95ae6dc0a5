import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { eligibilityCommand } from "../../src/cli/commands/eligibility.js";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const cmd = eligibilityCommand({ out: (s) => (out += s), err: (s) => (err += s) }).exitOverride();
  let exitCode = 0;
  try {
    await cmd.parseAsync(args, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) exitCode = e.exitCode;
    else throw e;
  }
  return { out, err, exitCode };
}

describe("eligibility command", () => {
  it("prints { results: [...] } with --json", async () => {
    const r = await run(["--facts", '{"legalForm":"association","commune":"Alès","partnerStructures":4,"employees":2}', "--json"]);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.out);
    const byProcess = Object.fromEntries(json.results.map((x: { process: string; verdict: string }) => [x.process, x]));
    expect(byProcess["appel-a-communs"].verdict).toBe("eligible");
    expect(byProcess["dla"].verdict).toBe("eligible");
    for (const x of json.results) expect(Object.keys(x)).toEqual(expect.arrayContaining(["process", "verdict", "reasons", "missing"]));
  });

  it("prints a French summary without --json", async () => {
    const r = await run(["--facts", '{"legalForm":"association","commune":"Nîmes","partnerStructures":1}']);
    expect(r.exitCode).toBe(0);
    expect(r.out).toMatch(/Appel à communs du Département du Gard : non éligible/);
    expect(r.out).not.toMatch(/\*\*/);
  });

  it("restricts to --process", async () => {
    const r = await run(["--facts", '{"commune":"Alès"}', "--json", "--process", "mission-ess-departement"]);
    expect(JSON.parse(r.out).results.map((x: { process: string }) => x.process)).toEqual(["mission-ess-departement"]);
  });

  it.each([
    ["invalid JSON", ["--facts", "{legalForm: association"], /JSON valide/],
    ["unknown key", ["--facts", '{"salaries":3}'], /« salaries ».*unknown key/],
    ["wrong type", ["--facts", '{"employees":"trois"}'], /employees.*non-negative integer/],
    ["unknown commune", ["--facts", '{"commune":"Atlantis"}'], /unknown commune/],
    ["unknown process", ["--facts", "{}", "--process", "dlx"], /unknown process/],
    ["missing --facts", [], /--facts est obligatoire/],
  ])("%s → message on stderr, exit code 2", async (_name, args, message) => {
    const r = await run(args as string[]);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  it("exits with code 2 as a real process", () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const root = resolve(here, "../..");
    const tsx = join(root, "node_modules", ".bin", "tsx");
    const entry = join(here, "fixtures", "cli-entry.ts");
    const bad = spawnSync(tsx, [entry, "--facts", '{"commune":"Atlantis"}'], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Atlantis/);
    expect(bad.stdout).toBe("");
  }, 60_000);
});
