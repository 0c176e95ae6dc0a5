/**
 * `forget --user <platform id> [--channel slack|teams|…]` — erases every record
 * of one person. The raw id is pseudonymised with PSEUDONYM_SECRET exactly as at
 * recording time (`<channel>:<id>` HMAC, every channel when none is given) and
 * never stored or printed back. Channel references that hold the raw id (the
 * Teams conversation reference of a channel: id, AAD id and display name of the
 * last person who wrote there) lose that person. On SQLite the freed space is
 * wiped (secure_delete, incremental vacuum, WAL truncated).
 */
import { Command } from "commander";
import { Channel } from "../../domain/ids.js";
import { candidateHashes } from "../../privacy/pseudonym.js";
import { EXIT_BAD_INPUT, configOrFail, formatCounts, resolveIo, withStorage, type CommandIo, type StorageOpener } from "../../storage/command-io.js";

export function forgetCommand(open: StorageOpener, io: CommandIo = {}): Command {
  const { out, err, env } = resolveIo(io);
  const cmd = new Command("forget");
  cmd
    .description("Efface tous les enregistrements d'une personne (droit à l'effacement)")
    .requiredOption("--user <id>", "identifiant de la personne sur la plateforme (Slack, Teams…)")
    .option("--channel <channel>", `canal de l'identifiant : ${Channel.options.join(", ")} (par défaut : tous)`)
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .action(async (opts: { user: string; channel?: string }) => {
      const fail = (m: string): never => cmd.error(`Erreur : ${m}`, { exitCode: EXIT_BAD_INPUT, code: "forget.invalidInput" });
      const user = opts.user.trim();
      if (!user) fail("--user ne peut pas être vide.");
      if (opts.channel !== undefined && !Channel.safeParse(opts.channel).success) {
        fail(`canal inconnu « ${opts.channel} ». Canaux possibles : ${Channel.options.join(", ")}.`);
      }
      const { pseudonymSecret } = await configOrFail(cmd, env);
      const hashes = candidateHashes(user, pseudonymSecret, opts.channel);
      const total: Record<string, number> = {};
      await withStorage(open, async (s) => {
        for (const h of hashes) {
          // The raw id also removes the person from channel references (Teams stores the last author's id and name).
          for (const [t, n] of Object.entries(await s.forgetUser(h, [user]))) total[t] = (total[t] ?? 0) + n;
        }
      });
      out(`Effacement des données de la personne demandée${opts.channel ? ` (canal ${opts.channel})` : ""}.\n${formatCounts(total)}\n`);
    });
  return cmd;
}
