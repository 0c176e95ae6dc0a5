/**
 * The directory of the 14 support processes: structured fields from the process
 * documents' front matter (knowledge/processus/*.md) and directory data files
 * (knowledge/processus/directory/*.yaml) for processes documented elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { currentKnowledgePaths, knowledgePaths } from "../core/paths.js";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { PROCESS_IDS, ProcessId } from "../domain/ids.js";
import { ProcessFields } from "../knowledge/schema.js";

export interface ProcessEntry extends ProcessFields {
  id: ProcessId;
  /** Knowledge document ids that describe it. */
  docIds: string[];
}

export type Directory = Map<ProcessId, ProcessEntry>;

const FALLBACK_NAMES: Record<ProcessId, string> = {
  "appel-a-communs": "Appel à commun(s) du Département du Gard",
  "mission-ess-departement": "Équipe ESS du Département du Gard",
  dla: "Dispositif local d'accompagnement (DLA) du Gard",
  "france-active": "France Active Airdie Occitanie",
  "pret-honneur-microcredit": "Prêt d'honneur et microcrédit (Initiative Gard, Adie, BGE)",
  "incubation-innovation-sociale": "Incubation en innovation sociale (Alter'Incub Occitanie)",
  cae: "Coopérative d'activité et d'emploi (CAE Mine de talents)",
  "agrement-esus": "Agrément ESUS (DDETS du Gard)",
  "mecenat-fondations": "Rencontres du mécénat et des fondations (MIESS)",
  "commande-publique": "Commande publique du Département (SPASER, guide des marchés)",
  "region-occitanie": "Aides de la Région Occitanie (Pass Occitanie, AD'OCC)",
  "politique-de-la-ville": "Politique de la ville (quartiers prioritaires)",
  "insertion-iae": "Insertion par l'activité économique (IAE)",
  "scic-participation": "Entrée du Département au capital d'une SCIC",
};

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export function loadDirectory(knowledgeDir = currentKnowledgePaths().root): Directory {
  const dir: Directory = new Map();
  for (const file of walk(knowledgePaths(knowledgeDir).processes)) {
    let id: string | undefined;
    let fields: unknown;
    if (file.endsWith(".md")) {
      // An options object, even empty, turns off gray-matter's cache (every file parsed, kept for the life of the process).
      const fm = matter(readFileSync(file, "utf8"), {}).data as { id?: string; process?: unknown };
      id = fm.id;
      fields = fm.process;
    } else if (file.endsWith(".yaml") || file.endsWith(".yml")) {
      id = path.basename(file).replace(/\.ya?ml$/, "");
      const data = parseYaml(readFileSync(file, "utf8")) as Record<string, unknown> | null;
      fields = data && "process" in data ? data.process : data;
    } else continue;
    const pid = ProcessId.safeParse(id);
    const parsed = ProcessFields.safeParse(fields);
    if (!pid.success || !parsed.success) continue;
    dir.set(pid.data, { ...parsed.data, id: pid.data, docIds: [pid.data] });
  }
  for (const id of PROCESS_IDS) {
    if (!dir.has(id))
      dir.set(id, { id, name: FALLBACK_NAMES[id], operator: "", audience: "", offers: [], stages: [], contacts: [], examples: [], docIds: [id] });
  }
  return dir;
}
