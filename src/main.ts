/**
 * `npm start`: the Relais ESS service. Loads and validates the configuration,
 * opens the storage, builds the index if needed, serves every channel on one
 * HTTP server and shuts down gracefully on SIGTERM/SIGINT.
 *
 * Exit codes: 0 normal stop, 1 unexpected failure, 2 invalid configuration,
 * 3 storage unreachable at start, 4 port unavailable, 5 index unusable (too large for
 * the heap limit, or absent/damaged with INDEX_READONLY): restarting would not help.
 */
import path from "node:path";
import { createLogger } from "./core/log.js";
import { ConfigProblems, loadConfig, processEnv, type AppConfig } from "./config/env.js";
import type { Runtime } from "./runtime.js";
import { createStorage } from "./storage/index.js";
import { SQLITE_FILE_NAME } from "./storage/sqlite.js";
import type { Storage } from "./storage/types.js";
import type { Service } from "./server/app.js";
import { loadServerSettings, ServerSettingsProblems, type ServerSettings } from "./server/settings.js";
import { withTimeout } from "./core/timeout.js";

export const EXIT = { ok: 0, failure: 1, config: 2, storage: 3, port: 4, index: 5 } as const;

const say = (line = "") => process.stderr.write(`${line}\n`);

function die(code: number, lines: string[]): never {
  for (const l of lines) say(l);
  process.exit(code);
}

/** host[:port]/database of a PostgreSQL URL, without credentials. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname && u.pathname !== "/" ? u.pathname : ""}`;
  } catch {
    return "(adresse illisible)";
  }
}

function loadAll(): { config: AppConfig; settings: ServerSettings } {
  const problems: string[] = [];
  let config: AppConfig | undefined;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigProblems) problems.push(...err.problems);
    else problems.push((err as Error).message);
  }
  let settings: ServerSettings | undefined;
  try {
    const env = processEnv();
    settings = loadServerSettings(env, env.NODE_ENV === "production");
  } catch (err) {
    if (err instanceof ServerSettingsProblems) problems.push(...err.problems);
    else problems.push((err as Error).message);
  }
  if (problems.length || !config || !settings) {
    die(EXIT.config, [
      "Relais ESS ne peut pas démarrer : la configuration est invalide.",
      ...problems.map((p) => `  - ${p}`),
      "Corrigez ces variables d'environnement (ou le fichier .env) ; chacune est décrite dans .env.example.",
    ]);
  }
  return { config, settings };
}

async function openStorage(config: AppConfig): Promise<Storage> {
  const pg = !!config.databaseUrl && /^postgres(ql)?:\/\//i.test(config.databaseUrl);
  try {
    return await withTimeout(createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }), 15_000);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const detail = e.code ? `${e.code}${e.message ? ` — ${e.message}` : ""}` : (e.message ?? String(err));
    if (pg) {
      die(EXIT.storage, [
        `Relais ESS ne peut pas démarrer : la base PostgreSQL (${describeDatabaseUrl(config.databaseUrl!)}) est injoignable.`,
        `  Détail : ${detail.replace(config.databaseUrl!, "DATABASE_URL")}`,
        "  Vérifiez que le serveur PostgreSQL est démarré et accessible depuis cette machine, et que DATABASE_URL",
        "  (hôte, port, base, utilisateur, mot de passe) est juste. Pour un essai local sans PostgreSQL, laissez DATABASE_URL vide : SQLite sera utilisé.",
      ]);
    }
    die(EXIT.storage, [
      `Relais ESS ne peut pas démarrer : le stockage n'a pas pu être ouvert (${config.databaseUrl ? "DATABASE_URL" : path.join(config.dataDir, SQLITE_FILE_NAME)}).`,
      `  Détail : ${detail}`,
      "  Vérifiez que le dossier DATA_DIR existe et est accessible en écriture, ou corrigez DATABASE_URL.",
    ]);
  }
}

function progressLine() {
  const tty = process.stderr.isTTY;
  let last = -1;
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        started = true;
        say(`Construction de l'index de recherche à partir des connaissances (${total} passages)…`);
      }
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (tty) process.stderr.write(`\r  ${done}/${total} passages (${pct} %)`);
      else if (pct >= last + 25 || done === total) {
        last = pct;
        say(`  ${done}/${total} passages (${pct} %)`);
      }
    },
    stop() {
      if (started && tty) process.stderr.write("\n");
    },
  };
}

function banner(config: AppConfig, settings: ServerSettings, service: Service, runtime: Runtime, storage: Storage, url: string): string[] {
  const lines: string[] = [];
  const enable: string[] = [];
  lines.push(`Relais ESS est démarré sur ${url} (NODE_ENV=${config.env.NODE_ENV}).`);
  if (settings.playground) lines.push(`  Bac à sable web      : ${url}/ (modes porteur et agent)`);
  else {
    lines.push("  Bac à sable web      : désactivé");
    enable.push("Bac à sable web : WEB_PLAYGROUND=true (à réserver à un réseau interne ou derrière une authentification).");
  }
  lines.push(`  API JSON             : POST ${url}/api/ask — santé ${url}/healthz, ${url}/readyz — métriques ${url}/metrics`);
  const { slack, teams } = service.channels;
  if (slack) lines.push(`  Slack                : activé (${slack.mode === "socket" ? "Socket Mode" : `HTTP, ${url}/slack/events`})`);
  else lines.push("  Slack                : désactivé");
  if (teams) lines.push(`  Teams                : activé sur ${url}/api/messages${teams.anonymous ? " (anonyme : Bot Framework Emulator uniquement)" : ""}`);
  else lines.push("  Teams                : désactivé");
  enable.push(...service.channels.notes);
  if (runtime.llm) lines.push(`  Modèle de langage    : ${config.llm.model}${config.llm.baseURL ? ` via ${describeDatabaseUrl(config.llm.baseURL)}` : ""}`);
  else {
    lines.push("  Modèle de langage    : aucun (réponses extractives hors ligne, toujours sourcées)");
    enable.push("Modèle de langage : définissez LLM_MODEL avec OPENAI_API_KEY et/ou OPENAI_BASE_URL (tout service compatible OpenAI).");
  }
  if (storage.kind === "postgres") lines.push(`  Stockage             : PostgreSQL (${describeDatabaseUrl(config.databaseUrl!)})`);
  else if (storage.kind === "sqlite") {
    lines.push(`  Stockage             : SQLite (${path.join(config.dataDir, SQLITE_FILE_NAME)})`);
    enable.push("Plusieurs instances : définissez DATABASE_URL=postgres://… (état des conversations, dédoublonnage Slack, avis et transmissions partagés).");
  } else lines.push("  Stockage             : mémoire (rien n'est conservé à l'arrêt)");
  const chunks = runtime.index.index.chunks.length;
  lines.push(
    `  Données              : ${config.dataDir} — index ${runtime.index.rebuilt ? "reconstruit" : "chargé"} (${chunks} passages de ${config.knowledgeDir})`,
  );
  if (enable.length) {
    lines.push("Pour activer le reste :");
    for (const e of enable) lines.push(`  - ${e}`);
  }
  lines.push("Arrêt : Ctrl+C (ou SIGTERM) ; les réponses en cours sont terminées avant l'arrêt.");
  return lines;
}

export async function main(): Promise<void> {
  const { config, settings } = loadAll();
  const logger = createLogger({ level: config.logLevel, base: { service: "relais-ess" } });
  // Heavy modules (Bolt, botbuilder, LangChain) load only once the configuration is known to be valid.
  const { ChannelSetupError, loadChannelKits, loadChannelsFile } = await import("./server/channels.js");
  const { createRuntime } = await import("./runtime.js");
  const { createServer } = await import("./server/app.js");

  let channelsFile: Awaited<ReturnType<typeof loadChannelsFile>>;
  try {
    channelsFile = await loadChannelsFile(config);
  } catch (err) {
    if ((err as Error)?.name === "ChannelConfigError") die(EXIT.config, ["Relais ESS ne peut pas démarrer :", (err as Error).message]);
    throw err;
  }

  const storage = await openStorage(config);

  const bar = progressLine();
  let runtime: Runtime;
  try {
    runtime = await createRuntime({
      config,
      storage,
      handoffTargets: channelsFile.handoffTargets,
      onIndexProgress: bar.update,
      answerWorkers: settings.answerWorkers,
      logger,
    });
  } catch (err) {
    if ((err as Error)?.name === "IndexUnavailable") {
      await storage.close().catch(() => {});
      die(EXIT.index, [`Relais ESS ne peut pas démarrer : ${(err as Error).message}`, ...((err as { hints?: string[] }).hints ?? []).map((h) => `  ${h}`)]);
    }
    throw err;
  } finally {
    bar.stop();
  }

  // Warm-up before taking traffic: lazy resources load and the answer pipeline gets optimised by the JIT.
  if (!runtime.llm && settings.warmUpMs > 0) {
    const w = await runtime.answerer.warmUp(settings.warmUpMs).catch((err: unknown) => {
      logger.warn({ err }, "warm-up failed");
      return null;
    });
    if (w) logger.info(w, "warm-up done");
  }

  let service: Service;
  try {
    // Only the channels this configuration turns on are loaded (Bolt, botbuilder).
    const kits = await loadChannelKits(config);
    service = createServer({ runtime, config, logger, settings, channelsFile, kits });
  } catch (err) {
    await runtime.close().catch(() => {});
    await storage.close().catch(() => {});
    if (err instanceof ChannelSetupError) die(EXIT.config, ["Relais ESS ne peut pas démarrer :", `  - ${err.message}`]);
    throw err;
  }

  let url: string;
  try {
    ({ url } = await service.listen(config.env.PORT, config.env.HOST));
  } catch (err) {
    await storage.close().catch(() => {});
    const code = (err as { code?: string }).code;
    if (code === "EADDRINUSE" || code === "EACCES")
      die(EXIT.port, [
        `Relais ESS ne peut pas démarrer : le port ${config.env.PORT} ${code === "EADDRINUSE" ? "est déjà utilisé" : "n'est pas autorisé"} sur ${config.env.HOST}.`,
        "  Arrêtez l'autre programme ou choisissez un autre port avec PORT=…",
      ]);
    throw err;
  }

  for (const l of banner(config, settings, service, runtime, storage, url)) say(l);
  logger.info(
    { port: config.env.PORT, storage: storage.kind, slack: !!service.channels.slack, teams: !!service.channels.teams, llm: !!runtime.llm },
    "service started",
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      say("Deuxième signal reçu : arrêt immédiat.");
      process.exit(EXIT.failure);
    }
    stopping = true;
    say(`${signal} reçu : arrêt en cours (fin des réponses en cours, ${Math.round(settings.shutdownTimeoutMs / 1000)} s au plus)…`);
    const hard = setTimeout(() => {
      say("Arrêt forcé : le délai est dépassé.");
      process.exit(EXIT.failure);
    }, settings.shutdownTimeoutMs + 5_000);
    hard.unref();
    try {
      await service.close();
      await runtime.close();
      await storage.close();
      logger.info("service stopped");
      say("Relais ESS est arrêté.");
      process.exit(EXIT.ok);
    } catch (err) {
      say(`Erreur pendant l'arrêt : ${(err as Error).message}`);
      process.exit(EXIT.failure);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection");
  });
}

main().catch((err) => {
  say(`Relais ESS s'est arrêté sur une erreur inattendue : ${(err as Error)?.message ?? String(err)}`);
  process.exit(EXIT.failure);
});
