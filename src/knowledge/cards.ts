/**
 * Answer cards (knowledge/reponses/**.md): curated direct answers the ESS team edits
 * as files. Each card lists the phrasings people use, a short French answer (and
 * optionally an English one) and the knowledge documents that support it. A card
 * flagged `lacune` says that the information is not published: the assistant then
 * refuses plainly and offers a person. Cards are data: loading never throws, a bad
 * card is reported with its file name and skipped.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { ProcessId } from "../domain/ids.js";
import { knowledgePaths } from "../core/paths.js";

/** Folder of the cards, relative to the knowledge root. */
export const CARDS_DIR = "reponses";
/** Draft cards awaiting the team's review (`<CARDS_DIR>/brouillons`): never used to answer. */
export const DRAFTS_DIR = "brouillons";

export const AnswerCard = z
  .object({
    id: z.string().regex(/^rep-[a-z0-9-]+$/, "id : « rep- » suivi de minuscules, chiffres et tirets"),
    /** How people ask it: at least 5 phrasings (formal, colloquial, English…). */
    questions: z.array(z.string().trim().min(3)).min(5, "au moins 5 formulations"),
    /** Short, direct French answer (Oui / Non / a number / a date… first). */
    answer: z.string().trim().min(10).max(700),
    answer_en: z.string().trim().min(10).max(700).optional(),
    /** Knowledge document ids that support the answer. */
    sources: z.array(z.string().min(2)).min(1),
    audience: z.enum(["all", "agent"]).default("all"),
    status: z.enum(["confirmed", "reported"]),
    /** The answer says the information is not published: the reply is a refusal with a route to a person. */
    lacune: z.boolean().default(false),
    /** The process to route to, when the card is about one. */
    route: ProcessId.optional(),
    updated: z.coerce.date(),
  })
  .strict();
export type AnswerCard = z.infer<typeof AnswerCard>;

export interface CardLoadResult {
  cards: (AnswerCard & { file: string })[];
  errors: { file: string; message: string }[];
}

/** The card files under `dir` (relative paths, sorted); drafts, hidden and `_` files are not cards. */
export function listMarkdown(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name.startsWith("_")) continue;
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (child !== DRAFTS_DIR) out.push(...listMarkdown(dir, child));
      continue;
    }
    if (e.isFile() && e.name.toLowerCase().endsWith(".md") && !/^readme\.md$/i.test(e.name)) out.push(child);
  }
  return out.sort();
}

/** Loads every card under `<knowledgeDir>/reponses`, drafts (`reponses/brouillons`) excepted. */
export function loadCards(knowledgeDir: string): CardLoadResult {
  const dir = knowledgePaths(knowledgeDir).cards;
  const result: CardLoadResult = { cards: [], errors: [] };
  if (!existsSync(dir)) return result;
  const seen = new Set<string>();
  for (const rel of listMarkdown(dir)) {
    const file = `${CARDS_DIR}/${rel}`;
    try {
      // An options object, even empty, turns off gray-matter's cache (every file parsed, kept for the life of the process).
      const { data } = matter(readFileSync(path.join(dir, rel), "utf8"), {});
      const parsed = AnswerCard.safeParse(data);
      if (!parsed.success) {
        result.errors.push({ file, message: parsed.error.issues.map((i) => `${i.path.join(".") || "(carte)"} : ${i.message}`).join("; ") });
        continue;
      }
      if (seen.has(parsed.data.id)) {
        result.errors.push({ file, message: `identifiant en double : ${parsed.data.id}` });
        continue;
      }
      seen.add(parsed.data.id);
      result.cards.push({ ...parsed.data, file });
    } catch (err) {
      result.errors.push({ file, message: `fichier illisible : ${(err as Error).message}` });
    }
  }
  return result;
}

/** Numbers as written in French text: "250 000", "11,6", "2024" → "250000", "11,6", "2024". */
export function numbersIn(text: string): string[] {
  const joined = text.replace(/(\d)[\s\u00a0\u202f.](?=\d{3}\b)/g, "$1");
  return [...new Set(joined.match(/\d+(?:,\d+)?/g) ?? [])];
}

/** The numbers, amounts and years of `answer` that none of the cited documents' texts contains. */
export function unsupportedNumbers(answer: string, sourceTexts: readonly string[]): string[] {
  const cited = new Set(numbersIn(sourceTexts.join("\n")));
  return numbersIn(answer).filter((n) => !cited.has(n));
}
