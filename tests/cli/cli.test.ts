/**
 * The CLI as other tools use it: child processes of `tsx src/cli/main.ts` on a
 * temp copy of the bundled knowledge and a temp DATA_DIR whose index is built
 * once by the `index` command. Each spawn costs seconds, so there are few of
 * them (12) and the independent ones run concurrently.
 */
import { execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROCESS_IDS, DocKind } from "../../src/domain/ids.js";
import { Verdict } from "../../src/domain/reply.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SLOW = 180_000;

let tmp: string;
let env: NodeJS.ProcessEnv;
let indexRun: Run;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ["src/cli/main.ts", ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024, timeout: SLOW - 10_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), "cli-test-"));
  cpSync(path.join(ROOT, "knowledge"), path.join(tmp, "knowledge"), { recursive: true });
  env = {
    PATH: process.env.PATH,
    HOME: tmp,
    NODE_ENV: "test",
    DATA_DIR: path.join(tmp, "data"),
    KNOWLEDGE_DIR: path.join(tmp, "knowledge"),
    // Offline: no model, whatever a local .env says.
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    LLM_MODEL: "",
    EMBEDDINGS_MODEL: "",
    DATABASE_URL: "",
    LOG_LEVEL: "silent",
  };
  indexRun = await cli(["index", "--json"]);
}, SLOW);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const SOURCE_KEYS = ["id", "title", "kind", "url", "score"];

function checkAnswer(o: Record<string, any>) {
  expect(typeof o.answer).toBe("string");
  expect(o.answer.length).toBeGreaterThan(0);
  expect(typeof o.refused).toBe("boolean");
  expect(Array.isArray(o.sources)).toBe(true);
  for (const s of o.sources) {
    for (const k of SOURCE_KEYS.filter((k) => k !== "url")) expect(s).toHaveProperty(k);
    expect(DocKind.options).toContain(s.kind);
    expect(typeof s.score).toBe("number");
    if (s.url !== undefined) expect(s.url).toMatch(/^https?:\/\//);
  }
  if (o.route !== null) {
    expect(PROCESS_IDS).toContain(o.route.process);
    expect(o.route.confidence).toBeGreaterThanOrEqual(0);
    expect(o.route.confidence).toBeLessThanOrEqual(1);
  }
}

describe("index", () => {
  it("builds the index into DATA_DIR and lists every document as added", () => {
    expect(indexRun.code, indexRun.stderr).toBe(0);
    const summary = JSON.parse(indexRun.stdout.trim());
    expect(summary.docs).toBeGreaterThan(20);
    expect(summary.chunks).toBeGreaterThanOrEqual(summary.docs);
    expect(summary.added).toContain("appel-a-communs");
    expect(summary.added).toHaveLength(summary.docs);
    expect(summary.changed).toEqual([]);
    expect(summary.removed).toEqual([]);
    expect(path.resolve(summary.dir).startsWith(path.resolve(env.DATA_DIR!))).toBe(true);
  });
});

describe.concurrent("ask", () => {
  it(
    "ask --json prints exactly one JSON object with answer, refused, sources and route",
    async () => {
      const r = await cli(["ask", "Qu'est-ce que l'appel à communs ?", "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split("\n").filter((l) => l.trim());
      expect(lines).toHaveLength(1);
      const o = JSON.parse(lines[0]!);
      checkAnswer(o);
      expect(o.refused).toBe(false);
      expect(o.sources.map((s: { id: string }) => s.id)).toContain("appel-a-communs");
      expect(o.route?.process).toBe("appel-a-communs");
    },
    SLOW,
  );

  it(
    "ask --batch --json prints one line per input, in order, with its id (one process)",
    async () => {
      const file = path.join(tmp, "batch.jsonl");
      const inputs = [
        { id: "b-1", question: "Qu'est-ce que le DLA ?", audience: "porteur" },
        { id: 42, question: "Quelle est la recette de la ratatouille ?", audience: "agent" },
        { id: "b-3", question: "Combien de structures faut-il pour répondre à l'appel à communs ?" },
      ];
      writeFileSync(file, inputs.map((x) => JSON.stringify(x)).join("\n") + "\n\n");
      const r = await cli(["ask", "--batch", file, "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split("\n").filter((l) => l.trim());
      expect(lines).toHaveLength(3);
      const out = lines.map((l) => JSON.parse(l));
      expect(out.map((o) => o.id)).toEqual(["b-1", 42, "b-3"]);
      for (const o of out) checkAnswer(o);
      expect(out[0].route?.process).toBe("dla");
      expect(out[1].refused).toBe(true);
      expect(out[2].refused).toBe(false);
    },
    SLOW,
  );

  it(
    "ask --batch reads consecutive lines with the same « conversation » as one conversation",
    async () => {
      const file = path.join(tmp, "conversation.jsonl");
      const inputs = [
        { id: 1, question: "Qui porte le DLA dans le Gard ?", conversation: "c1" },
        { id: 2, question: "c'est gratuit ?", conversation: "c1" },
        { id: 3, question: "C'est quoi Gard centrale ?", conversation: "c2" },
        { id: 4, question: "c'est où ?", conversation: "c2" },
      ];
      writeFileSync(file, inputs.map((x) => JSON.stringify(x)).join("\n") + "\n");
      const r = await cli(["ask", "--batch", file, "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const out = r.stdout
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      expect(out.map((o) => o.id)).toEqual([1, 2, 3, 4]);
      // The follow-up keeps its conversation's topic: the DLA, then Gard centrale.
      expect(out[1].sources.map((s: { id: string }) => s.id).join(" ")).toMatch(/dla/);
      expect(out[1].answer).toMatch(/gratuit/i);
      expect(out[3].sources.map((s: { id: string }) => s.id).join(" ")).toMatch(/gard-centrale|appel-a-communs/);
    },
    SLOW,
  );

  it(
    "a reader that stops after the first line (| head -1) ends the batch quietly",
    async () => {
      const file = path.join(tmp, "long-batch.jsonl");
      const qs = ["Qu'est-ce que le DLA ?", "Qu'est-ce qu'une SCIC ?", "Qu'est-ce que l'agrément ESUS ?", "Qui porte le prêt d'honneur ?"];
      writeFileSync(file, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: i, question: qs[i % qs.length] })).join("\n") + "\n");
      const child = spawn(TSX, ["src/cli/main.ts", "ask", "--batch", file, "--json"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      const first = await new Promise<string>((resolve) => {
        let buf = "";
        child.stdout.on("data", (d) => {
          buf += String(d);
          const nl = buf.indexOf("\n");
          if (nl >= 0) {
            child.stdout.destroy();
            resolve(buf.slice(0, nl));
          }
        });
        child.stdout.on("end", () => resolve(buf));
      });
      const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
      expect(JSON.parse(first).id).toBe(0);
      expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*main\.ts/);
      expect(code).toBe(0);
    },
    SLOW,
  );

  it(
    "a missing batch file exits 2 with a message on stderr",
    async () => {
      const r = await cli(["ask", "--batch", path.join(tmp, "nope.jsonl"), "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/introuvable/i);
      expect(r.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "a bad JSON line exits 2, names the line, and answers nothing",
    async () => {
      const file = path.join(tmp, "bad.jsonl");
      writeFileSync(file, `${JSON.stringify({ id: 1, question: "Qu'est-ce que le DLA ?" })}\n{"id": 2, "question": \n`);
      const r = await cli(["ask", "--batch", file, "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/ligne 2/);
      expect(r.stderr).toMatch(/JSON/);
      expect(r.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "an empty question exits 2",
    async () => {
      const r = await cli(["ask", "   ", "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/vide/);
      expect(r.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "an unknown --audience exits 2",
    async () => {
      const r = await cli(["ask", "Qu'est-ce que le DLA ?", "--audience", "public", "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--audience/);
      expect(r.stderr).toContain("public");
      expect(r.stdout).toBe("");
    },
    SLOW,
  );
});

describe.concurrent("project fit", () => {
  it(
    "ask --json adds `fit`: the ordered options of a described project, [] for a question",
    async () => {
      const [project, question] = await Promise.all([
        cli(["ask", "Quelle action du schéma peut financer un tiers-lieu porté par trois associations à Alès ?", "--audience", "agent", "--json"]),
        cli(["ask", "Qu'est-ce que le DLA ?", "--json"]),
      ]);
      expect(project.code, project.stderr).toBe(0);
      const o = JSON.parse(project.stdout.trim());
      checkAnswer(o);
      expect(o.answer).toMatch(/^Pour ce projet, la piste principale est/);
      expect(o.fit.length).toBeGreaterThanOrEqual(2);
      for (const f of o.fit) {
        expect(Object.keys(f).sort()).toEqual(["axis", "measures", "missing", "process", "verdict", "why"]);
        expect(PROCESS_IDS).toContain(f.process);
        expect(Verdict.options).toContain(f.verdict);
        expect(f.why).toMatch(/\[\d+\]/);
      }
      expect(o.fit[0]).toMatchObject({ process: "appel-a-communs", axis: "axe-1-cooperations" });
      expect(o.route.process).toBe(o.fit[0].process);
      expect(question.code, question.stderr).toBe(0);
      expect(JSON.parse(question.stdout.trim()).fit).toEqual([]);
    },
    SLOW,
  );

  it(
    "eval on project sets prints tuning and blind figures side by side, without the blind set's failing ids",
    async () => {
      const project = (id: string, description: string, first: string) =>
        [
          `  - id: ${id}`,
          `    description: "${description}"`,
          "    audience: agent",
          "    expect:",
          `      first: ${first}`,
          `      sources: [${first}]`,
          "      refuse: false",
        ].join("\n");
      const tuning = path.join(tmp, "mini-tuning.yaml");
      const blind = path.join(tmp, "mini-blind.yaml");
      writeFileSync(
        tuning,
        ["projects:", project("mt-1", "Trois associations d'Alès veulent mutualiser un local pour un service de répit.", "appel-a-communs"), ""].join("\n"),
      );
      writeFileSync(
        blind,
        [
          "projects:",
          project("mb-1", "Notre association de 8 salariés à Nîmes veut revoir son modèle économique et sa gouvernance.", "commande-publique"),
          "",
        ].join("\n"),
      );
      const r = await cli(["eval", tuning, blind]);
      expect(r.code, r.stderr).toBe(0);
      const header = r.stdout.split("\n")[0]!;
      expect(header).toMatch(/mini-tuning\s+mini-blind/);
      expect(r.stdout).toMatch(/1re option juste\s+100\.0 % \(1\/1\)\s+0\.0 % \(0\/1\)/);
      expect(r.stdout).not.toContain("mb-1");
      const json = JSON.parse((await cli(["eval", tuning, blind, "--json"])).stdout.trim());
      expect(json["mini-tuning"].first).toMatchObject({ total: 1, passed: 1 });
      expect(json["mini-blind"].first).toMatchObject({ total: 1, passed: 0, failures: [] });
      expect(JSON.stringify(json["mini-blind"])).not.toContain("mb-1");
    },
    SLOW,
  );
});

describe.concurrent("eval and eligibility", () => {
  it(
    "eval FILE --json prints the metrics of a tiny set",
    async () => {
      const file = path.join(tmp, "tiny-eval.yaml");
      writeFileSync(
        file,
        [
          "questions:",
          "  - id: t-q-1",
          '    question: "Qu\'est-ce que le DLA ?"',
          "    expect:",
          "      route: dla",
          "      sources: [dla, dla-gard-acegaa, glossaire]",
          '      includes: ["accompagnement"]',
          "  - id: t-q-2",
          '    question: "Quelle est la recette de la ratatouille ?"',
          "    expect:",
          "      refuse: true",
          "  - id: t-q-3",
          "    question: \"Qu'est-ce que l'appel à communs ?\"",
          "    expect:",
          '      includes: ["ceci n\'apparait dans aucune reponse"]',
          "eligibility:",
          "  - id: t-e-1",
          '    facts: { legalForm: association, commune: "Alès", partnerStructures: 3, employees: 2 }',
          "    expect:",
          "      appel-a-communs: eligible",
          "",
        ].join("\n"),
      );
      const r = await cli(["eval", file, "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const rep = JSON.parse(r.stdout.trim());
      expect(rep.questions).toBe(3);
      expect(rep.retrieval).toMatchObject({ total: 1, passed: 1 });
      expect(rep.route).toMatchObject({ total: 1, passed: 1 });
      expect(rep.refusal.total).toBe(3);
      expect(rep.refusal.passed).toBe(3);
      expect(rep.includes).toMatchObject({ total: 2, passed: 1 });
      expect(rep.includes.failures.join(" ")).toContain("t-q-3");
      expect(rep.eligibility).toMatchObject({ total: 1, passed: 1 });
      expect(rep.details.map((d: { id: string }) => d.id)).toEqual(["t-q-1", "t-q-2", "t-q-3"]);
    },
    SLOW,
  );

  it(
    "eligibility --facts --json prints results per process",
    async () => {
      const r = await cli(["eligibility", "--facts", JSON.stringify({ legalForm: "scop", commune: "Nîmes" }), "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const o = JSON.parse(r.stdout);
      expect(Array.isArray(o.results)).toBe(true);
      expect(o.results.length).toBeGreaterThan(0);
      for (const x of o.results) {
        expect(PROCESS_IDS).toContain(x.process);
        expect(Verdict.options).toContain(x.verdict);
        expect(Array.isArray(x.reasons)).toBe(true);
        expect(Array.isArray(x.missing)).toBe(true);
        for (const m of x.missing) expect(m.question).toMatch(/\?/);
      }
      expect(JSON.stringify(o.results)).toContain("Nîmes");
    },
    SLOW,
  );

  it(
    "bad facts exit 2 and name every problem",
    async () => {
      const r = await cli(["eligibility", "--facts", JSON.stringify({ legalForm: "sarl-magique", salaries: 3, employees: "sept" }), "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("legalForm");
      expect(r.stderr).toContain("salaries");
      expect(r.stderr).toContain("employees");
      expect(r.stdout).toBe("");
    },
    SLOW,
  );
});

describe("index after a change", () => {
  it(
    "reports added, changed and removed documents",
    async () => {
      const k = env.KNOWLEDGE_DIR!;
      const spaser = path.join(k, "schema", "spaser.md");
      const rtes = path.join(k, "partenaires", "rtes.md");
      writeFileSync(spaser, readFileSync(spaser, "utf8") + "\n\nParagraphe ajouté pour le test de réindexation.\n");
      // A new document with a valid front matter: the RTES one under a new id; then RTES goes.
      const added = readFileSync(rtes, "utf8").replace(/^id: rtes$/m, "id: test-nouveau-document");
      expect(added).toContain("id: test-nouveau-document");
      writeFileSync(path.join(k, "partenaires", "test-nouveau-document.md"), added);
      unlinkSync(rtes);

      const r = await cli(["index"]);
      expect(r.code, r.stderr).toBe(0);
      const line = (label: string) => r.stdout.split("\n").find((l) => l.startsWith(`${label} :`)) ?? "";
      expect(
        line("Ajoutés")
          .split(/[:,]\s*/)
          .slice(1),
      ).toEqual(["test-nouveau-document"]);
      expect(
        line("Modifiés")
          .split(/[:,]\s*/)
          .slice(1),
      ).toEqual(["spaser"]);
      expect(
        line("Retirés")
          .split(/[:,]\s*/)
          .slice(1),
      ).toEqual(["rtes"]);
    },
    SLOW,
  );
});
