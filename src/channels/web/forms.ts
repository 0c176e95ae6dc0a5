/**
 * The playground's forms checked at the channel's door: every problem is a
 * French message tied to its field (`fields`), which the page shows next to
 * the field (aria-invalid). Only valid forms reach the core.
 */
import { resolveCommune } from "../../eligibility/communes.js";
import { FACT_KEYS, FACT_QUESTIONS, type FactKey } from "../../eligibility/facts.js";
import { FrictionInput } from "../../storage/types.js";
import { ELIGIBILITY_MESSAGES as M, FRICTION_FIELD_MESSAGES } from "../form-messages.js";

export type FieldErrors = Record<string, string>;
export type Checked = { ok: true; values: Record<string, unknown> } | { ok: false; fields: FieldErrors };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A friction report: every field required (the schema of the storage), French message per field. */
export function checkFrictionForm(values: Record<string, unknown>): Checked {
  const text = (k: string) => (blank(values[k]) ? undefined : String(values[k]).trim());
  const severity = text("severity");
  const candidate = {
    step: text("step"),
    blocker: text("blocker"),
    process: text("process"),
    commune: text("commune"),
    description: text("description"),
    severity: severity === undefined ? undefined : Number(severity),
    contactOk: values.contactOk === true || values.contactOk === "true",
  };
  const parsed = FrictionInput.safeParse(candidate);
  if (parsed.success) return { ok: true, values: parsed.data };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "description");
    fields[key] ??= FRICTION_FIELD_MESSAGES[key] ?? "Valeur non valide.";
  }
  return { ok: false, fields };
}

/** Eligibility facts: all optional; numbers, choices and the commune checked one by one. */
export function checkEligibilityForm(values: Record<string, unknown>): Checked {
  const fields: FieldErrors = {};
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    if (blank(raw)) continue;
    const q = FACT_QUESTIONS[key as FactKey];
    if (!q || !(FACT_KEYS as string[]).includes(key)) continue;
    const s = String(raw).trim();
    switch (q.type) {
      case "integer":
      case "number": {
        const n = Number(s.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
        if (!Number.isFinite(n)) fields[key] = M.number;
        else if (n < 0) fields[key] = M.negative;
        else if (q.type === "integer" && !Number.isInteger(n)) fields[key] = M.integer;
        else if (n > 1e12) fields[key] = M.tooLarge;
        else out[key] = n;
        break;
      }
      case "boolean":
        if (["true", "oui"].includes(s.toLowerCase()) || raw === true) out[key] = true;
        else if (["false", "non"].includes(s.toLowerCase()) || raw === false) out[key] = false;
        else fields[key] = M.yesNo;
        break;
      case "enum":
        if (q.options?.some((o) => o.value === s)) out[key] = s;
        else fields[key] = M.choice;
        break;
      default:
        if (s.length > 120) fields[key] = M.text;
        else if (key === "commune" && !resolveCommune(s)) fields[key] = M.commune;
        else out[key] = s;
    }
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, values: out };
}
