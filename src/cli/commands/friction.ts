/**
 * `friction add --json '<json>'` — records a friction report (keys step,
 * blocker, process, commune, description, severity, contactOk), validated by
 * the same rules as in conversation (src/report/friction.ts), description
 * scrubbed of personal data, commune resolved to INSEE code/EPCI when possible.
 * Prints the new id. Bad input → French message on stderr, exit code 2,
 * nothing written (the storage is not even opened).
 */
import os from "node:os";
import { Command } from "commander";
import { userHash } from "../../privacy/pseudonym.js";
import { prepareFriction, validateFriction, type CommuneResolver } from "../../report/friction.js";
import { EXIT_BAD_INPUT, configOrFail, resolveIo, withStorage, type CommandIo, type StorageOpener } from "../../storage/command-io.js";

export interface FrictionCommandIo extends CommandIo {
  /** Commune resolver override (tests); default: src/eligibility/communes.ts when present. */
  resolveCommune?: CommuneResolver | null;
}

export function frictionCommand(open: StorageOpener, io: FrictionCommandIo = {}): Command {
  const { out, err, env } = resolveIo(io);
  const cmd = new Command("friction").description("Journal des difficultés rencontrées dans les parcours d'accompagnement");
  cmd.configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) });

  const add = new Command("add")
    .description("Enregistre un signalement de difficulté et affiche son identifiant")
    .requiredOption(
      "--json <json>",
      'signalement JSON : {"step":"depot","blocker":"outil-numerique","process":"appel-a-communs","commune":"Alès","description":"…","severity":2,"contactOk":false}',
    )
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .action(async (opts: { json: string }) => {
      const fail = (messages: string[]): never =>
        add.error(["Le signalement n'a pas été enregistré.", ...messages.map((m) => `Erreur : ${m}`)].join("\n"), {
          exitCode: EXIT_BAD_INPUT,
          code: "friction.invalidInput",
        });
      let raw: unknown;
      try {
        raw = JSON.parse(opts.json);
      } catch (e) {
        fail([`--json n'est pas un JSON valide : ${(e as Error).message}`]);
      }
      const v = validateFriction(raw);
      if (!v.ok) return fail(v.errors);
      const config = await configOrFail(add, env);
      let user = "inconnu";
      try {
        user = os.userInfo().username || user;
      } catch {
        /* no user database entry (containers): keep the placeholder */
      }
      const record = await prepareFriction(v.value, {
        userHash: userHash("cli", user, config.pseudonymSecret),
        channel: "cli",
        resolveCommune: io.resolveCommune,
      });
      const id = await withStorage(open, (s) => s.recordFriction(record));
      out(`${id}\n`);
    });
  cmd.addCommand(add);
  return cmd;
}
