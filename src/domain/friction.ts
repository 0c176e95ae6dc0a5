/**
 * Friction reports ("signaler une difficulté"): the vocabulary (journey steps,
 * blockers, fields) and one validation with clear French messages, shared by the
 * CLI (`friction add`), the channels' forms and the conversation intake.
 */
import { z } from "zod";
import { PROCESS_IDS, ProcessId } from "./ids.js";
import { BLOCKER_LABELS, PROCESS_LABELS, STEP_LABELS } from "./labels.js";

export const JOURNEY_STEPS = [
  "information-orientation",
  "eligibilite",
  "montage-dossier",
  "depot",
  "instruction",
  "decision",
  "versement",
  "suivi-bilan",
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];
export const BLOCKERS = ["delai", "piece-justificative", "critere-flou", "mauvais-interlocuteur", "outil-numerique", "cofinancement", "autre"] as const;
export type Blocker = (typeof BLOCKERS)[number];

export const DESCRIPTION_MAX = 4000;

export const FrictionInput = z
  .object({
    step: z.enum(JOURNEY_STEPS),
    blocker: z.enum(BLOCKERS),
    process: ProcessId,
    commune: z.string().min(1).max(120),
    description: z.string().min(1).max(DESCRIPTION_MAX),
    severity: z.number().int().min(1).max(3),
    contactOk: z.boolean(),
  })
  .strict();
export type FrictionInput = z.infer<typeof FrictionInput>;

/** The fields of a report, in the order the conversation asks them, with their French names. */
export const FRICTION_FIELDS: Record<keyof FrictionInput, string> = {
  step: "l'étape du parcours (step)",
  blocker: "le type de blocage (blocker)",
  process: "le dispositif concerné (process)",
  commune: "la commune (commune)",
  description: "la description (description)",
  severity: "la gravité de 1 à 3 (severity)",
  contactOk: "l'accord pour être recontacté (contactOk)",
};
export type FrictionField = keyof FrictionInput;
export const FRICTION_FIELD_ORDER = Object.keys(FRICTION_FIELDS) as FrictionField[];

export type FrictionValidation = { ok: true; value: FrictionInput } | { ok: false; errors: string[] };

const list = (xs: readonly string[]) => xs.join(", ");

/**
 * Checks one field (trimmed strings): a French error message, or null when the
 * value is acceptable. Used field by field by the conversation intake (one
 * question at a time) and by `validateFriction` for a whole report.
 */
export function checkFrictionField(k: keyof FrictionInput, raw: unknown): string | null {
  const v = typeof raw === "string" ? raw.trim() : raw;
  if (v === undefined || v === null || v === "") return `Champ manquant : ${FRICTION_FIELDS[k]}.`;
  switch (k) {
    case "step":
      return (JOURNEY_STEPS as readonly unknown[]).includes(v) ? null : `Étape inconnue : « ${String(v)} ». Étapes possibles : ${list(JOURNEY_STEPS)}.`;
    case "blocker":
      return (BLOCKERS as readonly unknown[]).includes(v) ? null : `Type de blocage inconnu : « ${String(v)} ». Types possibles : ${list(BLOCKERS)}.`;
    case "process":
      return (PROCESS_IDS as readonly unknown[]).includes(v) ? null : `Dispositif inconnu : « ${String(v)} ». Dispositifs possibles : ${list(PROCESS_IDS)}.`;
    case "commune":
      if (typeof v !== "string") return "La commune doit être un texte, par exemple « Alès ».";
      return v.length > 120 ? `Le nom de commune est trop long (${v.length} caractères, 120 au plus).` : null;
    case "description":
      if (typeof v !== "string") return "La description doit être un texte.";
      return v.length > DESCRIPTION_MAX
        ? `La description est trop longue : ${v.length.toLocaleString("fr-FR")} caractères, ${DESCRIPTION_MAX.toLocaleString("fr-FR")} au plus. Merci de la raccourcir.`
        : null;
    case "severity":
      return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 3
        ? null
        : `La gravité doit être un nombre entier : 1 (gêne), 2 (difficulté sérieuse) ou 3 (blocage). Valeur reçue : ${JSON.stringify(v)}.`;
    case "contactOk":
      return typeof v === "boolean" ? null : `L'accord pour être recontacté doit valoir true ou false. Valeur reçue : ${JSON.stringify(v)}.`;
  }
}

/** Validates raw input (parsed JSON, form values…). Never throws. */
export function validateFriction(raw: unknown): FrictionValidation {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: ['Le signalement doit être un objet JSON, par exemple {"step": "depot", …}.'] };
  }
  const input = { ...(raw as Record<string, unknown>) };
  // Trim text fields first: a commune or description made only of spaces is missing.
  for (const k of ["commune", "description", "step", "blocker", "process"] as const) {
    if (typeof input[k] === "string") input[k] = (input[k] as string).trim();
  }
  const errors: string[] = [];
  const known = Object.keys(FRICTION_FIELDS);
  for (const k of Object.keys(input)) {
    if (!known.includes(k)) errors.push(`Champ inconnu : « ${k} ». Champs attendus : ${list(known)}.`);
  }
  for (const k of known as (keyof FrictionInput)[]) {
    const e = checkFrictionField(k, input[k]);
    if (e) errors.push(e);
  }
  if (errors.length) return { ok: false, errors };
  // The contract schema is the final word (it must agree with the checks above).
  const parsed = FrictionInput.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `Valeur invalide pour ${i.path.join(".") || "le signalement"} : ${i.message}`) };
  }
  return { ok: true, value: parsed.data };
}

/** French one-line summary of a friction input, for the confirmation step. */
export function describeFriction(f: FrictionInput): string {
  return (
    `Étape : ${STEP_LABELS[f.step]} ; blocage : ${BLOCKER_LABELS[f.blocker]} ; dispositif : ${PROCESS_LABELS[f.process]} ; ` +
    `commune : ${f.commune} ; gravité : ${f.severity}/3 ; recontact : ${f.contactOk ? "oui" : "non"}.`
  );
}
