/**
 * `eval [FILE|DIR…] [--json]` — evaluates the assistant on question sets
 * (../shared/eval/README.md format, with `conversation` turns asked through the
 * conversation core) and on project-fit sets (a YAML file with `projects:`).
 * Without arguments: tests/gold/tuning and tests/gold/blind, side by side with the gap.
 * A folder's question files count as one set. A blind set's failing ids are never
 * printed, only its figures.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { parse as parseYaml } from "yaml";
import type { Runtime } from "../../runtime.js";
import { readdirSync, statSync } from "node:fs";
import { PROJECT_ROOT } from "../../core/paths.js";
import { formatComparison, formatEval, loadEvalSet, refusalErrors, runEval, type EvalReport, type EvalSet } from "../../eval/run.js";
import { formatFitEval, isFitSet, loadFitSet, runFitEval, type FitReport, type FitSet } from "../../eval/fit.js";
import { UsageError } from "../errors.js";

type Loaded = { file: string; name: string; blind: boolean } & ({ kind: "questions"; set: EvalSet } | { kind: "projects"; set: FitSet });

/** Column name of a set: its file name without extension ("projects-tuning"). */
const nameOf = (file: string) => path.basename(file).replace(/\.ya?ml$/i, "");
/** A blind set (by its folder or name; a former blind set moved to tuning/ is tuning): figures only, never the failing ids. */
const isBlind = (file: string) => !/(^|[/\\])tuning[/\\]/i.test(file) && /(^|[/\\-])blind([/\\.-]|$)/i.test(file);

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

/** A folder: its project sets one by one, its question files merged into one set named after the folder. */
async function loadPath(p: string): Promise<Loaded[]> {
  if (!existsSync(p)) throw new UsageError(`Fichier introuvable : ${p}`);
  if (!statSync(p).isDirectory()) return [await load(p)];
  const files = readdirSync(p)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(p, f));
  const loaded = await Promise.all(files.map(load));
  const questions = loaded.filter((l): l is Loaded & { kind: "questions" } => l.kind === "questions");
  const merged: Loaded[] = questions.length
    ? [
        {
          file: p,
          name: path.basename(p),
          blind: isBlind(p),
          kind: "questions",
          set: { questions: questions.flatMap((q) => q.set.questions), eligibility: questions.flatMap((q) => q.set.eligibility) },
        },
      ]
    : [];
  return [...merged, ...loaded.filter((l) => l.kind === "projects")];
}

export function evalCommand(runtime: () => Promise<Runtime>): Command {
  return new Command("eval")
    .description(
      "Évalue l'assistant sur des jeux de questions ou de projets (format ../shared/eval/README.md ; `projects:` pour l'adéquation des projets) ; sans argument : réglage et aveugle côte à côte",
    )
    .argument("[files...]", "fichiers ou dossiers YAML d'évaluation (par défaut : tests/gold/tuning et tests/gold/blind)")
    .option("--json", "résultat JSON (un objet ; plusieurs fichiers : un objet par nom de fichier)")
    .action(async (files: string[], opts: { json?: boolean }) => {
      const paths = files.length ? files : [path.join(PROJECT_ROOT, "tests", "gold", "tuning"), path.join(PROJECT_ROOT, "tests", "gold", "blind")];
      const sets = (await Promise.all(paths.map(loadPath))).flat();
      const rt = await runtime();
      try {
        const reports = new Map<string, { loaded: Loaded; report: EvalReport | FitReport }>();
        for (const loaded of sets) {
          const report =
            loaded.kind === "projects"
              ? await runFitEval(loaded.set, (q, audience) => rt.assistant.ask(q, { audience }))
              : await runEval(
                  loaded.set,
                  (q, audience) => rt.assistant.ask(q, { audience }),
                  (text, audience, conversationId) => rt.assistant.handle({ channel: "api", conversationId, userId: "eval", audience, text }),
                );
          reports.set(loaded.name, { loaded, report });
        }
        if (opts.json) {
          const json = (x: { loaded: Loaded; report: EvalReport | FitReport }) => (x.loaded.blind ? withoutIds(x.report) : x.report);
          const all = [...reports.values()];
          process.stdout.write(`${JSON.stringify(all.length === 1 ? json(all[0]!) : Object.fromEntries(all.map((x) => [x.loaded.name, json(x)])))}\n`);
          return;
        }
        const out: string[] = [];
        const questionSets = [...reports.values()].filter((x) => x.loaded.kind === "questions");
        const tuning = questionSets.find((x) => !x.loaded.blind);
        const blind = questionSets.find((x) => x.loaded.blind);
        if (tuning && blind && questionSets.length === 2)
          out.push(
            formatComparison(
              { set: tuning.loaded.set as EvalSet, report: tuning.report as EvalReport },
              { set: blind.loaded.set as EvalSet, report: blind.report as EvalReport },
            ),
          );
        else
          for (const { loaded, report } of questionSets) {
            const r = loaded.blind ? (withoutIds(report) as EvalReport) : (report as EvalReport);
            const errors = refusalErrors(loaded.set as EvalSet, report as EvalReport);
            out.push(`${reports.size > 1 ? `${loaded.name}\n` : ""}${formatEval(r, errors)}`);
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
  return Object.fromEntries(
    Object.entries(r)
      .filter(([k]) => k !== "details" && k !== "wrongRefusals")
      .map(([k, v]) => [k, strip(v)]),
  );
}
