/**
 * Draft answer cards: what the team answered by hand (a handoff reply, an answer to
 * a question the assistant refused) proposed as a new answer card. A draft is a file
 * of `reponses/brouillons/` in the format of the cards, with status `brouillon`, the
 * person's question (scrubbed) as its first phrasing and the agent's text as its
 * answer; it is never used to answer. Approval checks it like a curated card (at
 * least five phrasings, sources that exist, no number its sources lack) and moves it
 * to `reponses/apprises/`, where the running service picks it up (see LiveCards).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { RelaisError } from "../core/errors.js";
import { knowledgePaths } from "../core/paths.js";
import { ProcessId } from "../domain/ids.js";
import { scrub } from "../privacy/scrub.js";
import { AnswerCard, CARDS_DIR, DRAFTS_DIR, listMarkdown, loadCards, unsupportedNumbers } from "./cards.js";

/** Where approved drafts go, under CARDS_DIR: the answers the team taught the assistant. */
export const TAUGHT_DIR = "apprises";

const MIN_PHRASINGS = 5;
const MAX_ANSWER = 700;

export const DraftCard = z
  .object({
    id: z.string().regex(/^rep-[a-z0-9-]+$/, "id : « rep- » suivi de minuscules, chiffres et tirets"),
    questions: z.array(z.string().trim().min(3)).min(1, "au moins une formulation"),
    /** The agent's text, as written (shortened at approval if over 700 characters). */
    answer: z.string().trim().min(10, "la réponse fait moins de 10 caractères").max(4000),
    answer_en: z.string().trim().min(10).max(700).optional(),
    /** Knowledge document ids, to fill before approval. */
    sources: z.array(z.string().min(2)).default([]),
    audience: z.enum(["all", "agent"]).default("all"),
    status: z.literal("brouillon"),
    lacune: z.boolean().default(false),
    route: ProcessId.optional(),
    /** Where the draft comes from: « mise en relation 1a2b3c4d » or « question sans réponse ». */
    origin: z.string().trim().min(1).max(200),
    /** Who proposed it (a colleague of the ESS team). */
    proposed_by: z.string().trim().min(1).max(120).optional(),
    updated: z.coerce.date(),
  })
  .strict();
export type DraftCard = z.infer<typeof DraftCard>;

export type Draft = DraftCard & { file: string };

/** A request the team can fix: its message is French and names what to change. */
export class TeachError extends RelaisError {
  constructor(
    readonly code: "draft.invalid" | "draft.notFound" | "draft.exists" | "draft.notApprovable" | "handoff.notFound" | "handoff.notAnswered",
    message: string,
  ) {
    super(message);
  }
}

export interface DraftLoadResult {
  drafts: Draft[];
  errors: { file: string; message: string }[];
}

const draftsDir = (knowledgeDir: string) => knowledgePaths(knowledgeDir).drafts;

/** Every draft of `<knowledgeDir>/reponses/brouillons`; a malformed file is reported, never thrown. */
export function loadDrafts(knowledgeDir: string): DraftLoadResult {
  const dir = draftsDir(knowledgeDir);
  const result: DraftLoadResult = { drafts: [], errors: [] };
  if (!existsSync(dir)) return result;
  let files: string[];
  try {
    files = listMarkdown(dir);
  } catch (err) {
    return { drafts: [], errors: [{ file: `${CARDS_DIR}/${DRAFTS_DIR}`, message: `dossier illisible : ${(err as Error).message}` }] };
  }
  for (const rel of files) {
    const file = `${CARDS_DIR}/${DRAFTS_DIR}/${rel}`;
    try {
      // An options object, even empty, turns off gray-matter's cache (every file parsed, kept for the life of the process).
      const parsed = DraftCard.safeParse(matter(readFileSync(path.join(dir, rel), "utf8"), {}).data);
      if (!parsed.success) {
        result.errors.push({ file, message: parsed.error.issues.map((i) => `${i.path.join(".") || "(brouillon)"} : ${i.message}`).join("; ") });
        continue;
      }
      result.drafts.push({ ...parsed.data, file });
    } catch (err) {
      result.errors.push({ file, message: `fichier illisible : ${(err as Error).message}` });
    }
  }
  return result;
}

/** "Le DLA est-il gratuit ?" → "rep-dla-est-il-gratuit" (at most 48 characters after « rep- »). */
export function draftId(question: string): string {
  const words = question
    .replace(/\[[a-z]+\]/g, " ") // what scrubbing left: « [nom] », « [email] »
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    if (slug.length + w.length + 1 > 48) break;
    slug = slug ? `${slug}-${w}` : w;
  }
  return `rep-${slug || "question"}`;
}

function usedIds(knowledgeDir: string): Set<string> {
  const ids = new Set(loadCards(knowledgeDir).cards.map((c) => c.id));
  for (const d of loadDrafts(knowledgeDir).drafts) ids.add(d.id);
  // Files whose front matter is broken still hold their name.
  const dir = draftsDir(knowledgeDir);
  if (existsSync(dir)) for (const f of listMarkdown(dir)) ids.add(path.basename(f, ".md"));
  return ids;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Writes `text` to `file` through a hidden temporary file and a rename: a reader never sees half a card. */
function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, "utf8");
  renameSync(tmp, file);
}

export interface NewDraft {
  /** The person's question (scrubbed here). */
  question: string;
  /** The agent's answer (scrubbed here). */
  text: string;
  origin: string;
  proposedBy?: string;
  route?: ProcessId;
  now?: Date;
}

/**
 * Writes a draft card under `<knowledgeDir>/reponses/brouillons/<id>.md` and returns it.
 * Personal data is scrubbed from the question and the text before anything is written.
 *
 * @example
 * writeDraft(knowledgeDir(), { question: "Le DLA est-il payant ?", text: "Non, il est gratuit.", origin: "question sans réponse" })
 */
export function writeDraft(knowledgeDir: string, d: NewDraft): Draft {
  const question = scrub(d.question).replace(/\s+/g, " ").trim();
  const text = scrub(d.text).trim();
  const base = draftId(question);
  const taken = usedIds(knowledgeDir);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const data = {
    id,
    questions: [question],
    answer: text,
    sources: [] as string[],
    audience: "all" as const,
    status: "brouillon" as const,
    ...(d.route ? { route: d.route } : {}),
    origin: d.origin,
    // A colleague of the ESS team, named as in the handoff's answer (not the person asking).
    ...(d.proposedBy?.trim() ? { proposed_by: d.proposedBy.trim() } : {}),
    updated: today(d.now ?? new Date()),
  };
  const parsed = DraftCard.safeParse(data);
  if (!parsed.success)
    throw new TeachError("draft.invalid", `Brouillon refusé : ${parsed.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`).join("; ")}.`);
  const rel = `${CARDS_DIR}/${DRAFTS_DIR}/${id}.md`;
  const body = [
    "",
    "Brouillon de réponse type, à relire par l'équipe ESS avant usage. Pour l'approuver :",
    "complétez les formulations (au moins cinq façons de poser la question), citez au moins un",
    "document des connaissances (son id) dans `sources`, vérifiez que chaque chiffre de la",
    `réponse figure dans ces documents, puis : \`answers approve ${id} --source <id du document>\`.`,
    "",
  ].join("\n");
  writeAtomic(path.join(knowledgeDir, rel), matter.stringify(body, JSON.parse(JSON.stringify(data))));
  return { ...parsed.data, file: rel };
}

export interface Approval {
  /** Sources to add to the draft's own (knowledge document ids). */
  sources?: string[];
  /** Phrasings to add to the draft's own. */
  questions?: string[];
  /** The text of every knowledge document, by id (see loadCorpus). */
  documents: ReadonlyMap<string, string>;
  now?: Date;
}

/**
 * Approves a draft: checks it like a curated card, writes it to
 * `reponses/apprises/<id>.md` with status `confirmed` and removes the draft. Throws a
 * TeachError with a French message saying what to fix when the draft cannot be approved.
 */
export function approveDraft(knowledgeDir: string, id: string, a: Approval): AnswerCard & { file: string } {
  const { drafts, errors } = loadDrafts(knowledgeDir);
  const draft = drafts.find((d) => d.id === id);
  if (!draft) {
    const broken = errors.find((e) => path.basename(e.file, ".md") === id);
    if (broken) throw new TeachError("draft.invalid", `Le brouillon ${broken.file} est mal formé : ${broken.message}.`);
    throw new TeachError("draft.notFound", `Aucun brouillon ne porte l'identifiant « ${id} » (voir answers list --drafts).`);
  }
  const problems: string[] = [];
  const sources = [...new Set([...draft.sources, ...(a.sources ?? []).map((s) => s.trim()).filter(Boolean)])];
  const questions = [...new Set([...draft.questions, ...(a.questions ?? []).map((q) => scrub(q).replace(/\s+/g, " ").trim()).filter((q) => q.length >= 3)])];
  if (sources.length === 0) problems.push("citez au moins un document des connaissances (--source <id du document>)");
  const unknown = sources.filter((s) => !a.documents.has(s));
  if (unknown.length)
    problems.push(`source${unknown.length > 1 ? "s" : ""} introuvable${unknown.length > 1 ? "s" : ""} dans les connaissances : ${unknown.join(", ")}`);
  if (questions.length < MIN_PHRASINGS)
    problems.push(`ajoutez des formulations de la question (${questions.length} sur ${MIN_PHRASINGS} au moins : --question "…")`);
  if (draft.answer.length > MAX_ANSWER) problems.push(`raccourcissez la réponse à ${MAX_ANSWER} caractères (elle en compte ${draft.answer.length})`);
  if (!unknown.length && sources.length) {
    const invented = unsupportedNumbers(
      draft.answer,
      sources.map((s) => a.documents.get(s) ?? ""),
    );
    if (invented.length)
      problems.push(
        `la réponse cite ${invented.join(", ")}, absent${invented.length > 1 ? "s" : ""} des documents cités (${sources.join(", ")}) : corrigez le chiffre ou citez le document qui le contient`,
      );
  }
  if (loadCards(knowledgeDir).cards.some((c) => c.id === id)) problems.push(`une réponse type porte déjà l'identifiant ${id} : renommez le brouillon`);
  if (problems.length) throw new TeachError("draft.notApprovable", `Le brouillon ${id} ne peut pas être approuvé : ${problems.join(" ; ")}.`);

  const card = AnswerCard.safeParse({
    id,
    questions,
    answer: draft.answer,
    ...(draft.answer_en ? { answer_en: draft.answer_en } : {}),
    sources,
    audience: draft.audience,
    status: "confirmed",
    lacune: draft.lacune,
    ...(draft.route ? { route: draft.route } : {}),
    updated: today(a.now ?? new Date()),
  });
  if (!card.success)
    throw new TeachError(
      "draft.notApprovable",
      `Le brouillon ${id} ne peut pas être approuvé : ${card.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`).join("; ")}.`,
    );
  const { lacune, updated, ...rest } = card.data;
  const data = { ...rest, ...(lacune ? { lacune } : {}), updated: updated.toISOString().slice(0, 10) };
  const rel = `${CARDS_DIR}/${TAUGHT_DIR}/${id}.md`;
  writeAtomic(path.join(knowledgeDir, rel), matter.stringify("", JSON.parse(JSON.stringify(data))));
  rmSync(path.join(knowledgeDir, draft.file), { force: true });
  return { ...card.data, file: rel };
}
