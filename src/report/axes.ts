/**
 * Process → schema axis mapping for the report, read from the links file of the
 * knowledge folder (knowledge/liens-schema.yaml, see src/fit/links.ts): the team's
 * working assumption, not an official mapping — the file says so and the report
 * repeats it.
 */
import type { ProcessId } from "../domain/ids.js";
import { currentKnowledgePaths } from "../core/paths.js";
import { readLinksFile } from "../fit/links.js";

/** The links file of the configured knowledge folder (KNOWLEDGE_DIR, default: the bundled knowledge/). */
export function defaultAxesFile(): string {
  return currentKnowledgePaths().links;
}

export interface AxisMapping {
  status: string;
  warning: string;
  axes: { id: string; label: string }[];
  byProcess: Record<ProcessId, string>;
}

const cached = new Map<string, AxisMapping>();

export function loadAxisMapping(file: string = defaultAxesFile()): AxisMapping {
  const hit = cached.get(file);
  if (hit) return hit;
  let links: ReturnType<typeof readLinksFile>;
  try {
    links = readLinksFile(file);
  } catch (err) {
    throw new Error(`Fichier de rattachement des axes invalide (${file}) : ${(err as Error).message}`);
  }
  const m: AxisMapping = {
    status: links.status,
    warning: links.warning,
    axes: links.axes.map((a) => ({ id: a.id, label: a.label })),
    byProcess: Object.fromEntries(Object.entries(links.processes).map(([p, l]) => [p, l.axis])) as Record<ProcessId, string>,
  };
  cached.set(file, m);
  return m;
}
