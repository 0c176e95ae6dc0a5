/**
 * Adaptive Card submissions → validated form values for the core. Card inputs
 * arrive as strings ("12", "true", "unknown", ""); this turns them into typed
 * facts / a FrictionInput and lists every problem in French.
 */
import { z } from "zod";
import { ProcessId } from "../../domain/ids.js";
import { ActionId } from "../../domain/reply.js";
import { FrictionInput } from "../../storage/types.js";
import { FACT_FIELDS, type FactField } from "./labels.js";
import type { SubmitData } from "./cards.js";
import { FRICTION_FIELD_MESSAGES as FRICTION_MESSAGES } from "../form-messages.js";

export type Parsed<T> = { ok: true; values: T } | { ok: false; errors: string[]; raw: Record<string, unknown> };

const name = (f: FactField) => f.short.charAt(0).toUpperCase() + f.short.slice(1);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function parseNumber(f: FactField, v: unknown): { value?: number; error?: string } {
  const s = typeof v === "number" ? String(v) : String(v).trim().replace(/\s/g, "").replace(",", ".");
  const n = Number(s);
  if (!Number.isFinite(n)) return { error: `${name(f)} : indiquez un nombre.` };
  if (n < 0) return { error: `${name(f)} : le nombre ne peut pas être négatif.` };
  if (f.kind === "integer" && !Number.isInteger(n)) return { error: `${name(f)} : indiquez un nombre entier.` };
  if (n > 1e12) return { error: `${name(f)} : le nombre est trop grand.` };
  return { value: n };
}

/** Eligibility facts from a card submission: unknown answers are left out. */
export function parseEligibilityForm(value: Record<string, unknown>): Parsed<Record<string, unknown>> {
  const facts: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const f of FACT_FIELDS) {
    const v = value[f.id];
    if (blank(v)) continue;
    switch (f.kind) {
      case "enum": {
        const s = String(v);
        if (f.options && s in f.options) facts[f.id] = s;
        else errors.push(`${name(f)} : choisissez une valeur de la liste.`);
        break;
      }
      case "boolean": {
        const s = String(v).toLowerCase();
        if (s === "true" || s === "oui") facts[f.id] = true;
        else if (s === "false" || s === "non") facts[f.id] = false;
        else if (s !== "unknown") errors.push(`${name(f)} : répondez oui, non ou je ne sais pas.`);
        break;
      }
      case "string": {
        const s = String(v).trim();
        if (s.length > 120) errors.push(`${name(f)} : 120 caractères au plus.`);
        else facts[f.id] = s;
        break;
      }
      default: {
        const r = parseNumber(f, v);
        if (r.error) errors.push(r.error);
        else facts[f.id] = r.value;
      }
    }
  }
  return errors.length ? { ok: false, errors, raw: value } : { ok: true, values: facts };
}

/** Friction report from a card submission, validated by the storage schema. */
export function parseFrictionForm(value: Record<string, unknown>): Parsed<FrictionInput> {
  const text = (k: string) => (blank(value[k]) ? undefined : String(value[k]).trim());
  const severity = text("severity");
  const candidate = {
    step: text("step"),
    blocker: text("blocker"),
    process: text("process"),
    commune: text("commune"),
    description: text("description"),
    severity: severity === undefined ? undefined : Number(severity),
    contactOk: String(value.contactOk ?? "false").toLowerCase() === "true",
  };
  const parsed = FrictionInput.safeParse(candidate);
  if (parsed.success) return { ok: true, values: parsed.data };
  const fields = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")));
  const errors = Object.keys(FRICTION_MESSAGES)
    .filter((k) => fields.has(k))
    .map((k) => FRICTION_MESSAGES[k] as string);
  return { ok: false, errors: errors.length ? errors : ["Le formulaire est incomplet."], raw: value };
}

/** Card id and person asked (buttons.ts), on every button of ours but "Marquer comme traité". */
const Tag = { m: z.string().max(32).optional(), o: z.string().max(512).optional() };

const SubmitSchema = z.discriminatedUnion("relais", [
  z.object({
    relais: z.literal("action"),
    id: ActionId,
    value: z.string().max(512).optional(),
    process: ProcessId.optional(),
    facts: z.record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
    ...Tag,
  }),
  z.object({ relais: z.literal("ask"), question: z.string().min(1).max(2000), ...Tag }),
  z.object({ relais: z.literal("form"), kind: z.enum(["eligibility", "friction"]), ...Tag }),
  z.object({ relais: z.literal("prompt"), field: z.string().max(200), value: z.string().max(2000), ...Tag }),
  z.object({ relais: z.literal("resolve-handoff"), handoffId: z.string().min(1).max(200) }),
  z.object({ relais: z.literal("teach-handoff"), handoffId: z.string().min(1).max(200) }),
  z.object({ relais: z.literal("reply-handoff"), handoffId: z.string().min(1).max(200) }),
]);

/** The submit data of one of our cards, or null for anything else. */
export function readSubmit(value: unknown): SubmitData | null {
  if (!value || typeof value !== "object") return null;
  const r = SubmitSchema.safeParse(value);
  return r.success ? (r.data as SubmitData) : null;
}
