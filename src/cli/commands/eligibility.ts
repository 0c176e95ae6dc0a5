/**
 * `eligibility --facts '<json>' [--json] [--process <id...>]`
 *
 * Evaluates the eligibility rules (knowledge/regles) on the given facts.
 * --json prints { "results": [ { process, verdict, reasons, missing, checker? } ] };
 * without it, a readable French summary. Bad input (invalid JSON, unknown key,
 * wrong type, unknown commune, unknown process) → French message on stderr, exit code 2.
 */
import { Command } from "commander";
import { PROCESS_IDS, type ProcessId } from "../../domain/ids.js";
import { evaluate, formatResults } from "../../eligibility/engine.js";
import { parseFacts } from "../../eligibility/facts.js";

export interface EligibilityCommandIo {
  out?: (s: string) => void;
  err?: (s: string) => void;
}

export const EXIT_BAD_INPUT = 2;

export function eligibilityCommand(io: EligibilityCommandIo = {}): Command {
  const out = io.out ?? ((s: string) => process.stdout.write(s));
  const err = io.err ?? ((s: string) => process.stderr.write(s));
  const cmd = new Command("eligibility");
  cmd
    .description("Évalue l'éligibilité aux parcours d'accompagnement à partir de faits (JSON)")
    .option("--facts <json>", 'faits au format JSON, par exemple \'{"legalForm":"association","commune":"Alès"}\'')
    .option("--process <ids...>", `parcours à évaluer (par défaut : ceux que les faits concernent) : ${PROCESS_IDS.join(", ")}`)
    .option("--json", "sortie JSON { results: [...] }")
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .action((opts: { facts?: string; json?: boolean; process?: string[] }) => {
      const fail: (messages: string[]) => never = (messages) =>
        cmd.error(messages.map((m) => `Erreur : ${m}`).join("\n"), {
          exitCode: EXIT_BAD_INPUT,
          code: "eligibility.invalidInput",
        });
      if (opts.facts === undefined) {
        fail(['l\'option --facts est obligatoire (missing --facts), par exemple --facts \'{"legalForm":"association"}\'.']);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(opts.facts);
      } catch (e) {
        fail([`--facts n'est pas un JSON valide (invalid JSON) : ${(e as Error).message}`]);
      }
      const parsed = parseFacts(raw);
      if (!parsed.ok) fail(parsed.errors);
      let processes: ProcessId[] | undefined;
      if (opts.process) {
        const unknown = opts.process.filter((p) => !(PROCESS_IDS as readonly string[]).includes(p));
        if (unknown.length) {
          fail([`parcours inconnu (unknown process) : ${unknown.join(", ")}. Parcours possibles : ${PROCESS_IDS.join(", ")}.`]);
        }
        processes = opts.process as ProcessId[];
      }
      const results = evaluate(parsed.facts, processes ? { processes } : {});
      if (opts.json) out(JSON.stringify({ results }, null, 2) + "\n");
      else out(formatResults(results).replace(/\*\*/g, "") + "\n");
    });
  return cmd;
}
