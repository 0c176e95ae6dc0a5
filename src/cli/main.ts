/**
 * The command line (commander): a stable interface other tools depend on.
 * Run as `npm run --silent cli -- <command>`. Errors → a clear message on
 * stderr and exit code 2.
 */
import { createReadStream, existsSync } from "node:fs";
import readline from "node:readline";
import { Command, CommanderError } from "commander";
import cliProgress from "cli-progress";
import { Audience } from "../domain/ids.js";
import type { Reply } from "../domain/reply.js";
import { ConfigProblems, loadConfig, processEnv, type AppConfig } from "../config/env.js";
import { createEmbeddings } from "../retrieval/embeddings/index.js";
import { buildIndex } from "../retrieval/index-store.js";
import { createRuntime, type Runtime } from "../runtime.js";
import { MemoryStorage } from "../storage/memory.js";
import { createStorage } from "../storage/index.js";
import { ACTION_COMMANDS, renderTerminal } from "../channels/cli/render.js";
import { useKnowledgePaths } from "../core/paths.js";
import { resetLexicons } from "../retrieval/analyzer.js";
import { eligibilityCommand } from "./commands/eligibility.js";
import { evalCommand } from "./commands/eval.js";
import { frictionCommand } from "./commands/friction.js";
import { reportCommand } from "./commands/report.js";
import { purgeCommand } from "./commands/purge.js";
import { forgetCommand } from "./commands/forget.js";
import { handoffsCommand } from "./commands/handoffs.js";
import { answersCommand } from "./commands/answers.js";
import { UsageError, fail } from "./errors.js";

function config(): AppConfig {
  return loadConfig();
}

function progressBar(label: string) {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} passages`, stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Runtime without persistent storage (stateless commands). */
async function statelessRuntime(): Promise<Runtime> {
  const bar = progressBar("Construction de l'index");
  try {
    return await createRuntime({ config: config(), storage: new MemoryStorage(), onIndexProgress: bar?.update });
  } finally {
    bar?.stop();
  }
}

function audienceOf(v: string | undefined): "agent" | "porteur" {
  const p = Audience.safeParse(v ?? "porteur");
  if (!p.success) throw new UsageError(`--audience doit valoir « agent » ou « porteur » (reçu : « ${v} »).`);
  return p.data;
}

function toJson(r: Reply) {
  return {
    answer: r.text,
    refused: r.refused,
    sources: r.sources.map((s) => ({
      n: s.n,
      id: s.id,
      title: s.title,
      kind: s.kind,
      status: s.status,
      section: s.section,
      page: s.page,
      url: s.url,
      score: s.score,
    })),
    route: r.route
      ? { process: r.route.process, confidence: r.route.confidence, why: r.route.why, name: r.route.name, alternatives: r.route.alternatives ?? [] }
      : null,
    followUps: r.followUps,
    // Project-fit options, best first ([] when the message described no project).
    fit: (r.fit ?? []).map((o) => ({ process: o.process, measures: o.measures, axis: o.axis, verdict: o.verdict, why: o.why, missing: o.missing })),
  };
}

async function askBatch(file: string, audience: "agent" | "porteur"): Promise<void> {
  if (!existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
  const lines: { id: unknown; question: string; audience: "agent" | "porteur"; conversation?: string }[] = [];
  const rl = readline.createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    if (!raw.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      throw new UsageError(`${file}, ligne ${n} : JSON invalide.`);
    }
    const o = obj as Record<string, unknown>;
    if (!o || typeof o !== "object" || typeof o.question !== "string" || !o.question.trim())
      throw new UsageError(`${file}, ligne ${n} : chaque ligne doit être un objet { "id", "question", "audience" } avec une question non vide.`);
    if (o.conversation !== undefined && typeof o.conversation !== "string" && typeof o.conversation !== "number")
      throw new UsageError(`${file}, ligne ${n} : « conversation » doit être un texte ou un nombre.`);
    lines.push({
      id: o.id ?? n,
      question: o.question,
      audience: audienceOf(typeof o.audience === "string" ? o.audience : audience),
      conversation: o.conversation === undefined ? undefined : String(o.conversation),
    });
  }
  const rt = await statelessRuntime();
  // Consecutive lines with the same "conversation" value are the turns of one conversation.
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let turn = 0;
  let previous: string | undefined;
  for (const l of lines) {
    if (l.conversation === undefined || l.conversation !== previous) turn++;
    previous = l.conversation;
    const r =
      l.conversation === undefined
        ? await rt.assistant.ask(l.question, { audience: l.audience })
        : await rt.assistant.handle({ channel: "cli", conversationId: `batch-${run}-${turn}`, userId: "batch", audience: l.audience, text: l.question });
    process.stdout.write(`${JSON.stringify({ id: l.id, ...toJson(r) })}\n`);
  }
  await rt.close();
}

async function chat(audience: "agent" | "porteur"): Promise<void> {
  const cfg = config();
  const bar = progressBar("Construction de l'index");
  const rt = await createRuntime({ config: cfg, onIndexProgress: bar?.update });
  bar?.stop();
  rt.assistant.registerNotifier({
    channel: "cli",
    deliver: async (h) => `Résumé enregistré sous la référence ${h.id.slice(0, 8)}.`,
  });
  // Pseudonymised like any channel user id before storing.
  const userId = processEnv().USER ?? "local";
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const byCommand = new Map(Object.entries(ACTION_COMMANDS).map(([id, cmd]) => [cmd, id]));
  console.log(
    `Relais ESS — assistant de l'économie sociale et solidaire du Gard (mode ${audience === "agent" ? "agent" : "porteur de projet"}${rt.llm ? ", modèle de langage activé" : ", hors ligne"}).\n` +
      "Posez votre question. Commandes : /aide, /eligibilite, /difficulte, /personne, /utile, /pasutile, /quitter.\n",
  );
  let lastInteraction: string | undefined;
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/quitter" || text === "/exit" || text === "/quit") break;
    let reply: Reply;
    const cmd = text.split(/\s+/)[0]!;
    const action = byCommand.get(cmd);
    if (action) {
      const comment = text.slice(cmd.length).trim() || undefined;
      reply = await rt.assistant.handle({
        channel: "cli",
        conversationId: "terminal",
        userId,
        audience,
        action: { id: action as never, value: action.startsWith("rate") ? lastInteraction : undefined, comment },
      });
    } else if (text) {
      reply = await rt.assistant.handle({ channel: "cli", conversationId: "terminal", userId, audience, text });
    } else {
      rl.prompt();
      continue;
    }
    if (reply.interactionId) lastInteraction = reply.interactionId;
    console.log(`\n${renderTerminal(reply)}\n`);
    rl.prompt();
  }
  rl.close();
  await rt.close();
}

export function buildProgram(): Command {
  const program = new Command("relais-ess")
    .description("Relais ESS — l'assistant du schéma départemental de l'économie sociale et solidaire du Gard")
    .exitOverride()
    // Every command reads the configured knowledge folder (KNOWLEDGE_DIR), rules included.
    .hook("preAction", () => {
      try {
        if (useKnowledgePaths(loadConfig().paths)) resetLexicons();
      } catch {
        // An invalid configuration is reported by the commands that need it.
      }
    })
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("ask")
    .description("Pose une question (ou un lot de questions avec --batch)")
    .argument("[question]", "la question, entre guillemets")
    .option("--audience <audience>", "agent | porteur", "porteur")
    .option("--json", "sortie JSON (un objet par question)")
    .option(
      "--batch <file>",
      "fichier JSON Lines de { id, question, audience, conversation? } (lignes consécutives de même « conversation » : une conversation)",
    )
    .action(async (question: string | undefined, opts: { audience: string; json?: boolean; batch?: string }) => {
      const audience = audienceOf(opts.audience);
      if (opts.batch) return askBatch(opts.batch, audience);
      if (!question || !question.trim()) throw new UsageError("La question est vide. Exemple : ask \"Qu'est-ce que l'appel à communs ?\"");
      const rt = await statelessRuntime();
      const r = await rt.assistant.ask(question, { audience });
      process.stdout.write(opts.json ? `${JSON.stringify(toJson(r))}\n` : `${renderTerminal(r)}\n`);
      await rt.close();
    });

  program
    .command("chat")
    .description("Conversation interactive dans le terminal")
    .option("--audience <audience>", "agent | porteur", "porteur")
    .action(async (opts: { audience: string }) => chat(audienceOf(opts.audience)));

  program
    .command("index")
    .description("Construit l'index de recherche depuis le dossier knowledge/ (ou les chemins donnés)")
    .argument("[paths...]", "dossiers de connaissances (par défaut KNOWLEDGE_DIR)")
    .option("--json", "résumé JSON")
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const cfg = config();
      const dir = paths[0] ?? cfg.knowledgeDir;
      if (!existsSync(dir)) throw new UsageError(`Dossier introuvable : ${dir}`);
      if (paths.length > 1) process.stderr.write("Un seul dossier de connaissances est indexé à la fois ; les autres chemins sont ignorés.\n");
      const bar = progressBar("Indexation");
      const res = await buildIndex({ knowledgeDir: dir, dataDir: cfg.dataDir, embeddings: createEmbeddings(cfg.embeddings), onProgress: bar?.update });
      bar?.stop();
      const summary = {
        docs: res.docs,
        chunks: res.chunks,
        ms: Math.round(res.ms),
        added: res.added,
        changed: res.changed,
        removed: res.removed,
        errors: res.errors,
        dir: res.dir,
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else {
        process.stdout.write(
          `Index construit : ${res.docs} documents, ${res.chunks} passages en ${Math.round(res.ms)} ms (${res.dir}).\n` +
            `Ajoutés : ${res.added.length ? res.added.join(", ") : "aucun"}\nModifiés : ${res.changed.length ? res.changed.join(", ") : "aucun"}\nRetirés : ${res.removed.length ? res.removed.join(", ") : "aucun"}\n`,
        );
        for (const e of res.errors) process.stderr.write(`Erreur : ${e.path} : ${e.message}\n`);
      }
    });

  program.addCommand(evalCommand(statelessRuntime));

  const openStorage = async () => {
    const cfg = config();
    return createStorage({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, ...cfg.storage });
  };
  program.addCommand(eligibilityCommand());
  program.addCommand(frictionCommand(openStorage));
  program.addCommand(reportCommand(openStorage));
  program.addCommand(purgeCommand(openStorage));
  program.addCommand(forgetCommand(openStorage));
  program.addCommand(handoffsCommand(openStorage));
  program.addCommand(answersCommand(openStorage));
  return program;
}

export async function main(argv = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError || err instanceof ConfigProblems) return fail(err.message);
    return fail(`Erreur : ${(err as Error).message ?? String(err)}`, 1);
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  // A reader that stops early (`… | head -1`) closes the pipe: stop quietly, not with a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  main().then((code) => {
    process.exitCode = code;
  });
}
