/**
 * `answers draft`, `answers list [--drafts] [--json]` and `answers approve ID`: the ESS
 * team turns what it answered by hand into answer cards. A draft (from a handoff's
 * reply, or a question and a text) is written to `reponses/brouillons/`; approval
 * checks it like a curated card and moves it to `reponses/apprises/`, where a running
 * service picks it up within seconds, without a restart.
 */
import { Command } from "commander";
import { z } from "zod";
import { knowledgeDir as configuredKnowledgeDir } from "../../core/paths.js";
import { draftFromHandoff } from "../../conversation/teach.js";
import { loadCards } from "../../knowledge/cards.js";
import { loadCorpus } from "../../knowledge/corpus.js";
import { approveDraft, type Draft, loadDrafts, TeachError, writeDraft } from "../../knowledge/drafts.js";
import { EXIT_BAD_INPUT, resolveIo, withStorage, type CommandIo, type StorageOpener } from "../../storage/command-io.js";

const DraftOptions = z
  .object({
    fromHandoff: z.string().trim().min(1).optional(),
    question: z.string().trim().min(3, "la question fait moins de 3 caractères.").max(1000, "la question dépasse 1000 caractères.").optional(),
    text: z.string().trim().min(10, "le texte de la réponse fait moins de 10 caractères.").max(4000, "le texte dépasse 4000 caractères.").optional(),
    agent: z.string().trim().min(1).max(120).optional(),
    json: z.boolean().optional(),
  })
  .refine((o) => o.fromHandoff !== undefined || (o.question !== undefined && o.text !== undefined), {
    message: 'donnez --from-handoff ID, ou --question "…" et --text "…".',
  })
  .refine((o) => o.fromHandoff === undefined || o.question === undefined, { message: "--question ne se combine pas avec --from-handoff." });

const collect = (v: string, prev: string[] = []) => [...prev, v];

export interface AnswersCommandOptions extends CommandIo {
  /** The knowledge folder (default: the configured one, KNOWLEDGE_DIR). */
  knowledgeDir?: () => string;
}

export function answersCommand(open: StorageOpener, io: AnswersCommandOptions = {}): Command {
  const { out, err } = resolveIo(io);
  const dir = io.knowledgeDir ?? configuredKnowledgeDir;
  const output = { writeOut: out, writeErr: err, outputError: (s: string, write: (s: string) => void) => write(s) };
  const cmd = new Command("answers").description("Réponses types : proposer un brouillon, lister, approuver").configureOutput(output);
  const failWith =
    (c: Command) =>
    (m: string): never =>
      c.error(`Erreur : ${m}`, { exitCode: EXIT_BAD_INPUT, code: "answers.invalidInput" });
  /** Runs `fn`, turning a TeachError into a clear message and exit code 2. */
  const guarded =
    <A extends unknown[]>(c: Command, fn: (...a: A) => Promise<void> | void) =>
    async (...a: A) => {
      try {
        await fn(...a);
      } catch (e) {
        if (e instanceof TeachError) failWith(c)(e.message);
        throw e;
      }
    };

  const draft = cmd
    .command("draft")
    .description("Écrit un brouillon de réponse type (dans reponses/brouillons/), depuis une mise en relation répondue ou une question et un texte")
    .option("--from-handoff <id>", "référence de la mise en relation (identifiant complet ou ses 8 premiers caractères)")
    .option("--question <question>", "la question posée (une question restée sans réponse)")
    .option("--text <texte>", "le texte de la réponse (par défaut, pour une mise en relation : la réponse donnée)")
    .option("--agent <nom>", "qui propose la réponse type")
    .option("--json", "sortie JSON")
    .configureOutput(output);
  draft.action(
    guarded(draft, async (raw: Record<string, unknown>) => {
      const parsed = DraftOptions.safeParse(raw);
      if (!parsed.success) return failWith(draft)(parsed.error.issues[0]!.message);
      const o = parsed.data;
      const d = o.fromHandoff
        ? await withStorage(open, (s) => draftFromHandoff(s, o.fromHandoff!, { knowledgeDir: dir(), text: o.text, proposedBy: o.agent }))
        : writeDraft(dir(), { question: o.question!, text: o.text!, origin: "question sans réponse", proposedBy: o.agent });
      if (o.json) return out(`${JSON.stringify(draftView(d))}\n`);
      out(
        `Brouillon ${d.id} écrit dans ${d.file}.\n` +
          `Avant de l'approuver, complétez ses formulations (au moins cinq) et ses sources, puis : answers approve ${d.id} --source <id du document>.\n`,
      );
    }),
  );

  cmd
    .command("list")
    .description("Liste les réponses types (ou les brouillons avec --drafts)")
    .option("--drafts", "seulement les brouillons à relire")
    .option("--json", "sortie JSON (une liste)")
    .configureOutput(output)
    .action((opts: { drafts?: boolean; json?: boolean }) => {
      if (opts.drafts) {
        const { drafts, errors } = loadDrafts(dir());
        for (const e of errors) err(`Brouillon illisible : ${e.file} : ${e.message}\n`);
        if (opts.json) return out(`${JSON.stringify(drafts.map(draftView), null, 2)}\n`);
        if (!drafts.length) return out("Aucun brouillon à relire.\n");
        return out(`${drafts.map(describeDraft).join("\n\n")}\n`);
      }
      const { cards, errors } = loadCards(dir());
      for (const e of errors) err(`Réponse type ignorée : ${e.file} : ${e.message}\n`);
      if (opts.json)
        return out(
          `${JSON.stringify(
            cards.map((c) => ({ id: c.id, file: c.file, question: c.questions[0], sources: c.sources, status: c.status })),
            null,
            2,
          )}\n`,
        );
      if (!cards.length) return out("Aucune réponse type.\n");
      out(`${cards.map((c) => `${c.id} — ${c.questions[0]} (${c.file})`).join("\n")}\n`);
    });

  const approve = cmd
    .command("approve")
    .description("Approuve un brouillon : il devient une réponse type, utilisée par le service en cours sans redémarrage")
    .argument("<id>", "identifiant du brouillon (rep-…)")
    .option("--source <id>", "document des connaissances qui appuie la réponse (répétable)", collect, [])
    .option("--question <question>", "autre formulation de la question (répétable)", collect, [])
    .configureOutput(output);
  approve.action(
    guarded(approve, async (id: string, opts: { source: string[]; question: string[] }) => {
      const corpus = await loadCorpus(dir());
      const documents = new Map(corpus.docs.map((d) => [d.meta.id, d.body]));
      const card = approveDraft(dir(), id.trim(), { sources: opts.source, questions: opts.question, documents });
      out(`Réponse type ${card.id} approuvée (${card.file}) : le service l'utilise dans les secondes qui suivent, sans redémarrage.\n`);
    }),
  );
  return cmd;
}

function draftView(d: Draft) {
  return {
    id: d.id,
    file: d.file,
    questions: d.questions,
    answer: d.answer,
    sources: d.sources,
    origin: d.origin,
    ...(d.route ? { route: d.route } : {}),
    ...(d.proposed_by ? { proposedBy: d.proposed_by } : {}),
    updated: d.updated.toISOString().slice(0, 10),
  };
}

function describeDraft(d: Draft): string {
  const sources = d.sources.length ? d.sources.join(", ") : "à compléter";
  return `${d.id} — ${d.origin}${d.proposed_by ? `, proposé par ${d.proposed_by}` : ""}\nQuestion : ${d.questions[0]}\nRéponse : ${d.answer}\nSources : ${sources} (${d.file})`;
}
