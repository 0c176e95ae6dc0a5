/**
 * Friction reports ("signaler une difficulté"): one validation with clear
 * French messages, shared by the CLI (`friction add`) and the conversation
 * intake, and the preparation of the stored record (description scrubbed of
 * personal data, commune resolved to INSEE code and EPCI when possible).
 */
import { FrictionInput, JOURNEY_STEPS, BLOCKERS, type FrictionRecord } from "../storage/types.js";
import { PROCESS_IDS, type Channel } from "../core/ids.js";
import { scrub } from "../privacy/scrub.js";
import { STEP_LABELS, BLOCKER_LABELS, PROCESS_LABELS } from "./labels.js";

export const FRICTION_FIELDS: Record<keyof FrictionInput, string> = {
  step: "l'étape du parcours (step)",
  blocker: "le type de blocage (blocker)",
  process: "le dispositif concerné (process)",
  commune: "la commune (commune)",
  description: "la description (description)",
  severity: "la gravité de 1 à 3 (severity)",
  contactOk: "l'accord pour être recontacté (contactOk)",
};

export const DESCRIPTION_MAX = 4000;

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

/** Commune resolution result used for the territory of a friction report. */
export interface ResolvedCommune {
  code: string;
  name: string;
  epci?: string;
}
export type CommuneResolver = (nameOrCode: string) => ResolvedCommune | null | Promise<ResolvedCommune | null>;

/**
 * Default resolver: src/eligibility/communes.ts `resolveCommune` (official
 * geography), loaded lazily. OPTIONAL HOOK: if that module is missing or fails,
 * frictions are stored with the commune as typed and no INSEE code/EPCI.
 */
export async function defaultCommuneResolver(): Promise<CommuneResolver | null> {
  try {
    const mod = (await import("../eligibility/communes.js")) as {
      resolveCommune?: (s: string) => { code: string; name: string; epci?: { name: string } } | null;
    };
    if (typeof mod.resolveCommune !== "function") return null;
    const resolve = mod.resolveCommune;
    return (s: string) => {
      const c = resolve(s);
      return c ? { code: c.code, name: c.name, epci: c.epci?.name } : null;
    };
  } catch {
    return null;
  }
}

export interface PrepareContext {
  userHash: string;
  channel: Channel;
  /** Defaults to `defaultCommuneResolver()`; pass null to skip resolution. */
  resolveCommune?: CommuneResolver | null;
}

/** Builds the record to store: description (and commune text) scrubbed, commune resolved when possible. */
export async function prepareFriction(input: FrictionInput, ctx: PrepareContext): Promise<FrictionRecord> {
  const resolver = ctx.resolveCommune === undefined ? await defaultCommuneResolver() : ctx.resolveCommune;
  let resolved: ResolvedCommune | null = null;
  if (resolver) {
    try {
      resolved = await resolver(input.commune);
    } catch {
      resolved = null;
    }
  }
  const rec: FrictionRecord = {
    ...input,
    commune: resolved?.name ?? scrub(input.commune),
    description: scrub(input.description),
    userHash: ctx.userHash,
    channel: ctx.channel,
  };
  if (resolved?.code) rec.communeCode = resolved.code;
  if (resolved?.epci) rec.epci = resolved.epci;
  return rec;
}

/** French one-line summary of a friction input, for the confirmation step. */
export function describeFriction(f: FrictionInput): string {
  return (
    `Étape : ${STEP_LABELS[f.step]} ; blocage : ${BLOCKER_LABELS[f.blocker]} ; dispositif : ${PROCESS_LABELS[f.process]} ; ` +
    `commune : ${f.commune} ; gravité : ${f.severity}/3 ; recontact : ${f.contactOk ? "oui" : "non"}.`
  );
}
