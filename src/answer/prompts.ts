/** Prompt templates are data files in prompts/ (French), loaded once. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../core/paths.js";

const cache = new Map<string, string>();
let promptsDir = path.join(PROJECT_ROOT, "prompts");

/** The prompts folder (PROMPTS_DIR), set from the configuration by createRuntime. */
export function usePromptsDir(dir: string): void {
  promptsDir = path.resolve(dir);
}

export function loadPrompt(name: string, dir = promptsDir): string {
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
