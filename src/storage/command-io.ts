/** Small helpers shared by the storage-backed CLI commands (friction, report, purge, forget). */
import { processEnv } from "../config/env.js";
import type { Storage } from "./types.js";

export interface CommandIo {
  out?: (s: string) => void;
  err?: (s: string) => void;
  /** Environment for configuration (defaults to the process environment). */
  env?: NodeJS.ProcessEnv;
  /** Reference time (tests). */
  now?: () => Date;
}

export type StorageOpener = () => Promise<Storage>;

export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;

export function resolveIo(io: CommandIo = {}) {
  return {
    out: io.out ?? ((s: string) => void process.stdout.write(s)),
    err: io.err ?? ((s: string) => void process.stderr.write(s)),
    env: io.env ?? processEnv(),
    now: io.now ?? (() => new Date()),
  };
}

/** Opens the storage, runs `fn`, always closes it. */
export async function withStorage<T>(open: StorageOpener, fn: (s: Storage) => Promise<T>): Promise<T> {
  const storage = await open();
  try {
    return await fn(storage);
  } finally {
    await storage.close().catch(() => {});
  }
}

/** "2025-03-08" (UTC midnight) or a full ISO date-time; null when invalid. */
export function parseDateArg(value: string, endOfDay = false): Date | null {
  const v = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (dateOnly) {
    const d = new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])));
    if (d.getUTCMonth() !== Number(dateOnly[2]) - 1 || d.getUTCDate() !== Number(dateOnly[3])) return null;
    return endOfDay ? new Date(d.getTime() + 86_400_000) : d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatCounts(counts: Record<string, number>): string {
  const names: Record<string, string> = {
    interactions: "questions et réponses",
    ratings: "avis",
    frictions: "signalements de difficulté",
    handoffs: "mises en relation",
    handoff_contacts: "coordonnées données pour une mise en relation",
    unanswered: "questions sans réponse",
    message_links: "liens vers des messages",
    events: "événements reçus",
    state: "états de conversation",
    channel_refs: "références de conversation",
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `- ${names[t] ?? t} : ${n}`);
  return total === 0 ? "Aucun enregistrement à supprimer." : `${total} enregistrement(s) supprimé(s) :\n${lines.join("\n")}`;
}

/** Reads the storage configuration; a configuration problem becomes a clear French CLI error (exit 1). */
export async function configOrFail(
  cmd: { error: (message: string, opts: { exitCode: number; code: string }) => never },
  env: NodeJS.ProcessEnv,
): Promise<import("../config/storage.js").StorageConfig> {
  const { loadStorageConfig, ConfigError } = await import("../config/storage.js");
  try {
    return loadStorageConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return cmd.error(`Erreur de configuration : ${e.message}`, { exitCode: EXIT_FAILURE, code: "config.invalid" });
    throw e;
  }
}
