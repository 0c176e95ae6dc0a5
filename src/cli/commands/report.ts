/**
 * `report [--from DATE] [--to DATE] [--format md|html|json|csv] [--out FILE]`
 * DATE: YYYY-MM-DD (a `--to` day is included) or a full ISO date-time.
 * Without --out the report goes to stdout.
 */
import fs from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { buildReport } from "../../report/build.js";
import { loadCharts, REPORT_FORMATS, renderReport, type ReportFormat } from "../../report/render.js";
import { EXIT_BAD_INPUT, parseDateArg, resolveIo, withStorage, type CommandIo, type StorageOpener } from "../../storage/command-io.js";

export function reportCommand(open: StorageOpener, io: CommandIo = {}): Command {
  const { out, err, now } = resolveIo(io);
  const cmd = new Command("report");
  cmd
    .description("Rapport pour l'équipe ESS : volumes, avis, difficultés, questions sans réponse, mises en relation")
    .option("--from <date>", "début de la période (AAAA-MM-JJ, inclus)")
    .option("--to <date>", "fin de la période (AAAA-MM-JJ, jour inclus)")
    .addOption(new Option("--format <format>", "format du rapport").choices([...REPORT_FORMATS]).default("md"))
    .option("--out <file>", "fichier de sortie (par défaut : la sortie standard)")
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .action(async (opts: { from?: string; to?: string; format: ReportFormat; out?: string }) => {
      const fail = (m: string): never => cmd.error(`Erreur : ${m}`, { exitCode: EXIT_BAD_INPUT, code: "report.invalidInput" });
      const from = opts.from !== undefined ? parseDateArg(opts.from) : undefined;
      if (from === null) fail(`date de début invalide « ${opts.from} » : utilisez le format AAAA-MM-JJ, par exemple 2025-03-01.`);
      const to = opts.to !== undefined ? parseDateArg(opts.to, true) : undefined;
      if (to === null) fail(`date de fin invalide « ${opts.to} » : utilisez le format AAAA-MM-JJ, par exemple 2025-03-31.`);
      if (from && to && from >= to) fail("la date de début doit précéder la date de fin.");
      const report = await withStorage(open, (s) => buildReport(s, { from: from ?? undefined, to: to ?? undefined, now: now() }));
      if (opts.format === "html") await loadCharts();
      const text = renderReport(report, opts.format);
      if (opts.out) {
        const file = path.resolve(opts.out);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text, "utf8");
        err(`Rapport écrit dans ${file}\n`);
      } else out(text.endsWith("\n") ? text : `${text}\n`);
    });
  return cmd;
}
