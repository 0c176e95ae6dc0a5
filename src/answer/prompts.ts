/** Prompt templates are data files in prompts/ (French), loaded once. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { currentKnowledgePaths } from "../core/paths.js";

const cache = new Map<string, string>();
/** A prompt template of `dir` (default: the configured PROMPTS_DIR, see KnowledgePaths). */
export function loadPrompt(name: string, dir = currentKnowledgePaths().prompts): string {
  const file = path.resolve(dir, `${name}.md`);
  let p = cache.get(file);
  if (p === undefined) {
    p = readFileSync(file, "utf8");
    cache.set(file, p);
  }
  return p;
}

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? vars[k]! : m));
}
