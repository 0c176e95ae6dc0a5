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

let knowledgeRoot = BUNDLED_KNOWLEDGE_DIR;

/**
 * The knowledge folder every loader reads (documents, cards, rules, lexicons, synonyms,
 * routing, gaps, directory): set once from the configuration by createRuntime and the
 * CLI, so a Département's own KNOWLEDGE_DIR is honoured everywhere.
 */
export function useKnowledgeDir(dir: string): boolean {
  const resolved = path.resolve(dir);
  if (resolved === knowledgeRoot) return false;
  knowledgeRoot = resolved;
  return true;
}

export function knowledgeDir(): string {
  return knowledgeRoot;
}
