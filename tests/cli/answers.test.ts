/** `answers draft`, `answers list [--drafts] [--json]` and `answers approve` on a temporary knowledge folder and a real SQLite file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answersCommand } from "../../src/cli/commands/answers.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/types.js";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
let dir: string;
let knowledge: string;
const open = async (): Promise<Storage> => {
  const s = new SqliteStorage(path.join(dir, "relais-ess.sqlite"));
  await s.migrate();
  return s;
};

async function run(args: string[]) {
  let out = "";
  let err = "";
  const cmd: Command = answersCommand(open, { out: (s) => (out += s), err: (s) => (err += s), knowledgeDir: () => knowledge });
  cmd.exitOverride();
  for (const sub of cmd.commands) sub.exitOverride();
  let code = 0;
  try {
    await cmd.parseAsync(args, { from: "user" });
  } catch (e) {
    code = (e as { exitCode?: number }).exitCode ?? 1;
  }
  return { out, err, code };
}

const MORE = [
  "--question",
  "le DLA et un déménagement ?",
  "--question",
  "DLA déménagement des locaux",
  "--question",
  "déménager grâce au DLA ?",
  "--question",
  "Can the DLA pay for our move?",
];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-answers-"));
  knowledge = path.join(dir, "knowledge");
  fs.mkdirSync(path.join(knowledge, "processus"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "knowledge", "processus", "dla.md"), path.join(knowledge, "processus", "dla.md"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("answers command", () => {
  it("drafts from a question, lists the draft, refuses approval until it holds, then approves it into reponses/apprises", async () => {
    const d = await run([
      "draft",
      "--question",
      "Le DLA finance-t-il notre déménagement ?",
      "--text",
      "Non : le DLA ne finance pas un déménagement.",
      "--json",
    ]);
    expect(d.code).toBe(0);
    const draft = JSON.parse(d.out) as { id: string; file: string; questions: string[]; sources: string[]; origin: string };
    expect(draft).toMatchObject({ id: "rep-le-dla-finance-t-il-notre-demenagement", sources: [], origin: "question sans réponse" });

    const listed = await run(["list", "--drafts"]);
    expect(listed.out).toContain(draft.id);
    expect(listed.out).toContain("Sources : à compléter");
    expect((await run(["list"])).out).not.toContain(draft.id);

    const noSource = await run(["approve", draft.id, ...MORE]);
    expect(noSource.code).toBe(2);
    expect(noSource.err).toMatch(/Erreur : .*citez au moins un document/);
    const unknown = await run(["approve", draft.id, "--source", "document-inconnu", ...MORE]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/introuvable dans les connaissances : document-inconnu/);
    const few = await run(["approve", draft.id, "--source", "dla"]);
    expect(few.err).toMatch(/1 sur 5/);

    const ok = await run(["approve", draft.id, "--source", "dla", ...MORE]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/approuvée .*reponses\/apprises\/rep-le-dla-finance-t-il-notre-demenagement\.md.*sans redémarrage/);
    expect((await run(["list", "--drafts"])).out).toBe("Aucun brouillon à relire.\n");
    const cards = JSON.parse((await run(["list", "--json"])).out) as { id: string; sources: string[]; status: string }[];
    expect(cards).toEqual([expect.objectContaining({ id: draft.id, sources: ["dla"], status: "confirmed" })]);
  });

  it("refuses an approved answer with a number its sources lack", async () => {
    const d = await run(["draft", "--question", "Combien coûte le DLA ?", "--text", "Le DLA coûte 4321 euros par mois.", "--json"]);
    const { id } = JSON.parse(d.out) as { id: string };
    const r = await run(["approve", id, "--source", "dla", ...MORE]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/la réponse cite 4321, absent des documents cités \(dla\)/);
    expect(fs.existsSync(path.join(knowledge, "reponses", "apprises"))).toBe(false);
  });

  it("drafts from an answered handoff by its short reference, and explains what is missing otherwise", async () => {
    const s = await open();
    const h = await s.createHandoff({
      process: "agrement-esus",
      userHash: "u-cli",
      channel: "slack",
      conversationKey: "slack:c:-:u-cli",
      summary: "Questions posées :\n- L'agrément ESUS est-il payant ?",
      question: "L'agrément ESUS est-il payant ?",
      facts: {},
      sources: [],
    });
    await s.close();
    const early = await run(["draft", "--from-handoff", h.id.slice(0, 8)]);
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/n'a pas encore de réponse/);
    const s2 = await open();
    await s2.answerHandoff(h.id, { text: "Non, la demande d'agrément ESUS est gratuite.", agent: "Camille" });
    await s2.close();
    const r = await run(["draft", "--from-handoff", h.id.slice(0, 8)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Brouillon rep-l-agrement-esus-est-il-payant écrit dans reponses\/brouillons\//);
    const json = JSON.parse((await run(["list", "--drafts", "--json"])).out) as Record<string, unknown>[];
    expect(json).toEqual([
      expect.objectContaining({
        questions: ["L'agrément ESUS est-il payant ?"],
        answer: "Non, la demande d'agrément ESUS est gratuite.",
        route: "agrement-esus",
        proposedBy: "Camille",
      }),
    ]);
  });

  it("rejects missing or contradictory options with a clear message", async () => {
    expect((await run(["draft", "--question", "Une question ?"])).err).toMatch(/--from-handoff ID, ou --question/);
    expect((await run(["draft", "--from-handoff", "abcdefgh", "--question", "Une question ?"])).err).toMatch(/ne se combine pas/);
    expect((await run(["draft", "--question", "Une question ?", "--text", "court"])).err).toMatch(/moins de 10 caractères/);
    expect((await run(["approve", "rep-absent", "--source", "dla"])).err).toMatch(/Aucun brouillon ne porte l'identifiant « rep-absent »/);
  });
});
