/**
 * `purge [--days N]` — deletes every record older than N days (default:
 * RETENTION_DAYS, 365 when unset) and prints what was deleted.
 */
import { Command } from "commander";
import { EXIT_BAD_INPUT, configOrFail, formatCounts, resolveIo, withStorage, type CommandIo, type StorageOpener } from "../../storage/command-io.js";

export function purgeCommand(open: StorageOpener, io: CommandIo = {}): Command {
  const { out, err, env, now } = resolveIo(io);
  const cmd = new Command("purge");
  cmd
    .description("Supprime les enregistrements plus anciens que la durée de conservation")
    .option("--days <n>", "durée de conservation en jours (par défaut : RETENTION_DAYS, sinon 365)")
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .action(async (opts: { days?: string }) => {
      let days: number;
      if (opts.days !== undefined) {
        days = Number(opts.days);
        if (!/^\d+$/.test(opts.days.trim()) || !Number.isInteger(days) || days < 1) {
          return cmd.error(`Erreur : --days doit être un nombre entier de jours supérieur ou égal à 1 (reçu : « ${opts.days} »).`, {
            exitCode: EXIT_BAD_INPUT,
            code: "purge.invalidInput",
          });
        }
      } else days = (await configOrFail(cmd, env)).retentionDays;
      const before = new Date(now().getTime() - days * 86_400_000);
      const counts = await withStorage(open, (s) => s.purge(before));
      out(`Purge des enregistrements antérieurs au ${before.toISOString().slice(0, 10)} (conservation : ${days} jours).\n${formatCounts(counts)}\n`);
    });
  return cmd;
}
