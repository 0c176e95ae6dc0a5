/**
 * `npx tsx scripts/bench-ask.ts [--n N] [--out FICHIER]`: CPU time of one offline answer, in
 * process, on distinct questions (the tuning questions and N perturbed copies, as `npm run load`
 * asks them), answer cache off, memory storage, one question in four as an agent.
 *
 * Prints the CPU time per question (this process: user + system, GC threads included) and a
 * digest of every reply: the digest must not change when a change is meant to make answering
 * cheaper without changing any answer (`--out` writes the replies, one JSON line each, to diff).
 * On a shared machine, compare CPU times of runs made one after the other, several times.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { distinctQuestions, tuningQuestions } from "./questions.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(`Usage : npx tsx scripts/bench-ask.ts [--n N] [--out FICHIER]
  --n N          questions perturbées en plus des questions du jeu de réglage (défaut 1500)
  --out FICHIER  écrit chaque réponse (une ligne JSON) pour comparer deux versions`);
  process.exit(0);
}
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const n = Number(opt("--n") ?? 1500);
if (!Number.isInteger(n) || n < 0) {
  console.error("--n doit être un entier positif.");
  process.exit(2);
}
const outFile = opt("--out");
process.chdir(ROOT);
// Offline and bundled knowledge, whatever the caller's environment or .env says.
process.env.KNOWLEDGE_DIR = path.join(ROOT, "knowledge");
process.env.PROMPTS_DIR = path.join(ROOT, "prompts");
for (const k of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_MODEL", "EMBEDDINGS_MODEL", "DATABASE_URL"]) delete process.env[k];

const { loadConfig } = await import("../src/config/env.js");
const { createRuntime } = await import("../src/runtime.js");
const { MemoryStorage } = await import("../src/storage/memory.js");

const base = tuningQuestions(ROOT);
const questions = [...base, ...distinctQuestions(base, n)];
const rt = await createRuntime({ config: { ...loadConfig(), answerCacheSize: 0 }, storage: new MemoryStorage(), llm: null });
// Warm-up (JIT, caches), not measured.
for (const q of questions.slice(0, 300)) await rt.assistant.ask(q, { audience: "porteur" });
const lines: string[] = [];
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const [i, q] of questions.entries()) {
  const audience = i % 4 === 0 ? "agent" : "porteur";
  lines.push(JSON.stringify({ q, audience, reply: await rt.assistant.ask(q, { audience }) }));
}
const cpu = process.cpuUsage(c0);
const wallMs = performance.now() - t0;
const digest = createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16);
console.log(
  `${questions.length} questions distinctes : ${((cpu.user + cpu.system) / 1000 / questions.length).toFixed(2)} ms de CPU par réponse ` +
    `(${(wallMs / questions.length).toFixed(2)} ms réels) ; empreinte des réponses ${digest}`,
);
if (outFile) writeFileSync(outFile, `${lines.join("\n")}\n`);
await rt.close();
process.exit(0);
