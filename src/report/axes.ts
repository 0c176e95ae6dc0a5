/**
 * Process → schema axis mapping, read from knowledge/report/axes-processus.yaml
 * (the team's working assumption, not an official mapping: the file says so and
 * the report repeats it).
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { PROCESS_IDS, ProcessId } from "../core/ids.js";
import { PROJECT_ROOT } from "../core/paths.js";

export const AXES_FILE = path.join(PROJECT_ROOT, "knowledge", "report", "axes-processus.yaml");

const AxesFile = z
  .object({
    statut: z.string(),
    avertissement: z.string().min(1),
    axes: z.array(z.object({ id: z.string().min(1), libelle: z.string().min(1) })).min(1),
    processus: z.record(z.string(), z.string().min(1)),
  })
  .superRefine((f, ctx) => {
    const ids = new Set(f.axes.map((a) => a.id));
    for (const [p, axis] of Object.entries(f.processus)) {
      if (!ProcessId.safeParse(p).success) ctx.addIssue({ code: "custom", message: `processus inconnu « ${p} »`, path: ["processus", p] });
      if (!ids.has(axis)) ctx.addIssue({ code: "custom", message: `processus ${p}: axe inconnu « ${axis} »`, path: ["processus", p] });
    }
    for (const p of PROCESS_IDS) {
      if (!(p in f.processus)) ctx.addIssue({ code: "custom", message: `processus ${p} non rattaché à un axe`, path: ["processus"] });
    }
  });

export interface AxisMapping {
  status: string;
  warning: string;
  axes: { id: string; label: string }[];
  byProcess: Record<ProcessId, string>;
}

let cached: AxisMapping | null = null;

export function loadAxisMapping(file: string = AXES_FILE): AxisMapping {
  if (file === AXES_FILE && cached) return cached;
  const parsed = AxesFile.safeParse(YAML.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `Fichier de rattachement des axes invalide (${file}) : ${parsed.error.issues.map((i) => i.message).join(" ; ")}`,
    );
  }
  const m: AxisMapping = {
    status: parsed.data.statut,
    warning: parsed.data.avertissement,
    axes: parsed.data.axes.map((a) => ({ id: a.id, label: a.libelle })),
    byProcess: parsed.data.processus as Record<ProcessId, string>,
  };
  if (file === AXES_FILE) cached = m;
  return m;
}
