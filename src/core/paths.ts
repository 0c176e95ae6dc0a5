/**
 * The project's root folder (the one holding the `relais-ess` package.json),
 * found by walking up from this module. The same code then locates bundled
 * files (knowledge/, the playground's static files) whether it runs from
 * src/ (tsx, vitest) or compiled into dist/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_NAME = "relais-ess";

/** The nearest folder, from `start` upwards, whose package.json is named `name`. */
export function findProjectRoot(start: string, name: string = PACKAGE_NAME): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown }).name === name) return dir;
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`package.json "${name}" not found above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The bundled knowledge folder (the default of KNOWLEDGE_DIR). */
export const BUNDLED_KNOWLEDGE_DIR = path.join(PROJECT_ROOT, "knowledge");

/** The bundled prompts folder (the default of PROMPTS_DIR). */
export const BUNDLED_PROMPTS_DIR = path.join(PROJECT_ROOT, "prompts");

/**
 * Every file and folder the ESS team edits, derived from the two configured folders
 * (KNOWLEDGE_DIR, PROMPTS_DIR). Loaders read their files from here, so one value
 * decides every path.
 */
export interface KnowledgePaths {
  /** The knowledge folder (KNOWLEDGE_DIR). */
  root: string;
  /** Documents indexed for answers (Markdown, PDF, DOCX): the whole folder, minus the data folders below. */
  documents: string;
  /** Answer cards (`reponses/`). */
  cards: string;
  /** Draft answer cards written from handoffs, waiting for the team's approval (`reponses/brouillons/`). */
  drafts: string;
  /** Eligibility rules (`regles/*.yaml`). */
  rules: string;
  /** Schema axes and process links, read by project fit and the report (`liens-schema.yaml`). */
  links: string;
  /** Synonym and acronym groups of the glossary (`glossaire/synonymes.yaml`). */
  synonyms: string;
  /** Abbreviations expanded by the analyzer (`lexique/abreviations.yaml`). */
  abbreviations: string;
  /** Colloquial words rewritten before answering (`lexique/familier.yaml`). */
  colloquial: string;
  /** Words that ask an aspect of a subject without naming it, for follow-ups (`lexique/aspects.yaml`). */
  aspects: string;
  /** Everyday English words and the French words an English question also searches, one way (`lexique/anglais.yaml`). */
  english: string;
  /** Process documents and directory data (`processus/`). */
  processes: string;
  /** Routing phrases (`routage.yaml`). */
  routing: string;
  /** Known gaps of the knowledge (`lacunes.yaml`). */
  gaps: string;
  /** Prompt templates and guardrails (PROMPTS_DIR). */
  prompts: string;
  /** Guardrail patterns (`<prompts>/guardrails.yaml`). */
  guardrails: string;
}

/**
 * The paths of a knowledge folder and a prompts folder.
 * @example knowledgePaths("/srv/gard/knowledge").rules // "/srv/gard/knowledge/regles"
 */
export function knowledgePaths(knowledgeDir: string = BUNDLED_KNOWLEDGE_DIR, promptsDir: string = BUNDLED_PROMPTS_DIR): KnowledgePaths {
  const root = path.resolve(knowledgeDir);
  const prompts = path.resolve(promptsDir);
  return {
    root,
    documents: root,
    cards: path.join(root, "reponses"),
    drafts: path.join(root, "reponses", "brouillons"),
    rules: path.join(root, "regles"),
    links: path.join(root, "liens-schema.yaml"),
    synonyms: path.join(root, "glossaire", "synonymes.yaml"),
    abbreviations: path.join(root, "lexique", "abreviations.yaml"),
    colloquial: path.join(root, "lexique", "familier.yaml"),
    aspects: path.join(root, "lexique", "aspects.yaml"),
    english: path.join(root, "lexique", "anglais.yaml"),
    processes: path.join(root, "processus"),
    routing: path.join(root, "routage.yaml"),
    gaps: path.join(root, "lacunes.yaml"),
    prompts,
    guardrails: path.join(prompts, "guardrails.yaml"),
  };
}

let current = knowledgePaths();

/**
 * The paths every loader reads by default (documents, cards, rules, links, lexicons,
 * synonyms, routing, gaps, directory, prompts): set once from the configuration
 * (`AppConfig.paths`) by createRuntime and the CLI, so a Département's own
 * KNOWLEDGE_DIR and PROMPTS_DIR are honoured everywhere. Returns true when they changed.
 */
export function useKnowledgePaths(paths: KnowledgePaths): boolean {
  const changed = paths.root !== current.root || paths.prompts !== current.prompts;
  current = paths;
  return changed;
}

/** The paths set by useKnowledgePaths (the bundled folders until then). */
export function currentKnowledgePaths(): KnowledgePaths {
  return current;
}

/** The configured knowledge folder (shorthand for `currentKnowledgePaths().root`). */
export function knowledgeDir(): string {
  return current.root;
}
