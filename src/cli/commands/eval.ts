/**
 * `eval FILE… [--json]` — evaluates the assistant on question sets
 * (../shared/eval/README.md format) and on project-fit sets (a YAML file with
 * `projects:`). Several project sets are printed side by side (tuning and blind);
 * a blind set's failing ids are never printed, only its figures.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { parse as parseYaml } from "yaml";
import type { Runtime } from "../../runtime.js";
import { formatEval, loadEvalSet, runEval, type EvalReport, type EvalSet } from "../../eval/run.js";
import { formatFitEval, isFitSet, loadFitSet, runFitEval, type FitReport, type FitSet } from "../../eval/fit.js";
import { UsageError } from "../errors.js";

type Loaded = { file: string; name: string; blind: boolean } & ({ kind: "questions"; set: EvalSet } | { kind: "projects"; set: FitSet });

/** Column name of a set: its file name without extension ("projects-tuning"). */
const nameOf = (file: string) => path.basename(file).replace(/\.ya?ml$/i, "");
/** A blind set (by its folder or name): figures only, never the failing ids. */
const isBlind = (file: string) => /(^|[/\\-])blind([/\\.-]|$)/i.test(file);

async function load(file: string): Promise<Loaded> {
  if (!existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
  const base = { file, name: nameOf(file), blind: isBlind(file) };
  try {
    const doc: unknown = parseYaml(await readFile(file, "utf8"));
    return isFitSet(doc) ? { ...base, kind: "projects", set: await loadFitSet(file) } : { ...base, kind: "questions", set: await loadEvalSet(file) };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function evalCommand(runtime: () => Promise<Runtime>): Command {
  return new Command("eval")
    .description("Évalue l'assistant sur des jeux de questions ou de projets (format ../shared/eval/README.md ; `projects:` pour l'adéquation des projets)")
    .argument("<files...>", "fichiers YAML d'évaluation (plusieurs jeux de projets : chiffres côte à côte)")
    .option("--json", "résultat JSON (un objet ; plusieurs fichiers : un objet par nom de fichier)")
    .action(async (files: string[], opts: { json?: boolean }) => {
      const sets = await Promise.all(files.map(load));
      const rt = await runtime();
      try {
        const reports = new Map<string, { loaded: Loaded; report: EvalReport | FitReport }>();
        for (const loaded of sets) {
          const report =
            loaded.kind === "projects"
              ? await runFitEval(loaded.set, (q, audience) => rt.assistant.ask(q, { audience }))
              : await runEval(loaded.set, (q, audience) => rt.assistant.ask(q, { audience }));
          reports.set(loaded.name, { loaded, report });
        }
        if (opts.json) {
          const json = (x: { loaded: Loaded; report: EvalReport | FitReport }) => (x.loaded.blind ? withoutIds(x.report) : x.report);
          const all = [...reports.values()];
          process.stdout.write(`${JSON.stringify(all.length === 1 ? json(all[0]!) : Object.fromEntries(all.map((x) => [x.loaded.name, json(x)])))}\n`);
          return;
        }
        const out: string[] = [];
        for (const { loaded, report } of reports.values()) {
          if (loaded.kind === "questions") out.push(`${reports.size > 1 ? `${loaded.name}\n` : ""}${formatEval(report as EvalReport)}`);
        }
        const fits = [...reports.values()].filter((x) => x.loaded.kind === "projects");
        if (fits.length) out.push(formatFitEval(fits.map((x) => ({ name: x.loaded.name, report: x.report as FitReport, showFailures: !x.loaded.blind }))));
        process.stdout.write(`${out.join("\n\n")}\n`);
      } finally {
        await rt.close();
      }
    });
}

/** A blind set's report without what would reveal its questions (failing ids, details). */
function withoutIds(r: EvalReport | FitReport): unknown {
  const strip = (m: unknown) => (m && typeof m === "object" && "failures" in m ? { ...m, failures: [] } : m);
  return Object.fromEntries(Object.entries(r).filter(([k]) => k !== "details" && k !== "wrongRefusals").map(([k, v]) => [k, strip(v)]));
}
