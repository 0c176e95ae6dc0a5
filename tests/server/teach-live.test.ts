/**
 * Teaching the assistant without a restart: the real service on a temporary copy of
 * knowledge/ answers a question without any card; a draft written and approved
 * through the `answers` command changes the next answer of the same running service
 * over /api/ask, and a broken card file written afterwards does not take it down.
 */
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersCommand } from "../../src/cli/commands/answers.js";
import type { AppConfig } from "../../src/config/env.js";
import { Reply } from "../../src/domain/reply.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { postJson, ROOT, startService, tempDir, testConfig, type Running } from "./helpers.js";

const QUESTION = "Le DLA peut-il financer un déménagement ?";
const TAUGHT = "Non : le DLA ne finance pas un déménagement. Il accompagne gratuitement la consolidation des structures employeuses de l'ESS.";

let tmp: ReturnType<typeof tempDir>;
let knowledge: string;
let config: AppConfig;
let runtime: Runtime;
let svc: Running;

async function cli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  const storage = new MemoryStorage();
  const cmd: Command = answersCommand(async () => storage, { out: (s) => (out += s), err: (s) => (err += s), knowledgeDir: () => knowledge });
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

async function ask(question: string): Promise<Reply> {
  const res = await postJson(`${svc.url}/api/ask`, { question, audience: "porteur" });
  expect(res.status).toBe(200);
  return Reply.parse(await res.json());
}

beforeAll(async () => {
  tmp = tempDir("relais-teach-");
  knowledge = path.join(tmp.dir, "knowledge");
  cpSync(path.join(ROOT, "knowledge"), knowledge, { recursive: true });
  config = testConfig(tmp.dir, { KNOWLEDGE_DIR: knowledge });
  const storage = new MemoryStorage();
  await storage.migrate();
  // The default interval between two looks at the cards folder (2 s): what production runs.
  runtime = await createRuntime({ config, storage, llm: null });
  svc = await startService({ runtime, config });
}, 120_000);

afterAll(async () => {
  await svc?.close();
  await runtime?.close();
  tmp?.remove();
});

describe("a draft card approved through the CLI", () => {
  it("changes the next answer to that question in the same running service, within seconds", async () => {
    const before = await ask(QUESTION);
    expect(before.text).not.toContain("ne finance pas un déménagement");

    const drafted = await cli(["draft", "--question", QUESTION, "--text", TAUGHT, "--agent", "Camille", "--json"]);
    expect(drafted.code, drafted.err).toBe(0);
    const { id } = JSON.parse(drafted.out) as { id: string };
    // A draft alone is never used to answer.
    await new Promise((r) => setTimeout(r, 2100));
    expect((await ask(QUESTION)).text).not.toContain("ne finance pas un déménagement");

    const approved = await cli([
      "approve",
      id,
      "--source",
      "dla",
      "--question",
      "Le DLA paie-t-il un déménagement ?",
      "--question",
      "DLA et déménagement de l'association",
      "--question",
      "Est-ce que le DLA aide à financer un déménagement ?",
      "--question",
      "Can the DLA pay for our association's move?",
    ]);
    expect(approved.code, approved.err).toBe(0);

    const t0 = Date.now();
    let after = await ask(QUESTION);
    while (!after.text.startsWith(TAUGHT) && Date.now() - t0 < 8000) {
      await new Promise((r) => setTimeout(r, 250));
      after = await ask(QUESTION);
    }
    // Seen within the 2 s check interval plus the time of one answer (8 s at most on a loaded machine).
    expect(after.text.startsWith(TAUGHT), after.text).toBe(true);
    expect(after.refused).toBe(false);
    expect(after.sources.map((s) => s.id)).toContain("dla");
  }, 60_000);

  it("keeps answering, taught card included, when a broken card file appears", async () => {
    writeFileSync(path.join(knowledge, "reponses", "apprises", "rep-casse.md"), "---\nid: [pas fermé\n---\n");
    await new Promise((r) => setTimeout(r, 2100));
    const reply = await ask(QUESTION);
    expect(reply.text.startsWith(TAUGHT)).toBe(true);
    const health = await fetch(`${svc.url}/healthz`);
    expect(health.status).toBe(200);
  }, 30_000);
});
