/**
 * How the Teams cards style the shared French vocabulary (src/domain): verdict
 * colours, card input choices, the eligibility form's field order.
 */
import type { Verdict } from "../../domain/reply.js";
import { SEVERITY_LABELS } from "../../domain/labels.js";
import { FACT_QUESTIONS, type FactKey } from "../../eligibility/facts.js";

export { VOTE_LABELS } from "../../domain/copy.js";
export { BLOCKER_LABELS, DOC_KIND_LABELS, PROCESS_LABELS, STEP_LABELS, VERDICT_LABELS } from "../../domain/labels.js";

/** Adaptive Card TextColor per verdict. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  eligible: "Good",
  ineligible: "Attention",
  incomplete: "Warning",
  "to-check": "Accent",
};

/** Form labels of the friction severity (string keys: card inputs are strings). */
export const SEVERITY_CHOICES: Record<"1" | "2" | "3", string> = {
  "1": SEVERITY_LABELS[1] ?? "1",
  "2": SEVERITY_LABELS[2] ?? "2",
  "3": SEVERITY_LABELS[3] ?? "3",
};

export type FactKind = "enum" | "string" | "number" | "integer" | "boolean";

export interface FactField {
  id: string;
  kind: FactKind;
  /** The question, used as the input label. */
  label: string;
  /** Short name of the fact ("nombre de salariés"). */
  short: string;
  options?: Record<string, string>;
  placeholder?: string;
}

/** Order of the eligibility form; labels and options come from the shared FACT_QUESTIONS. */
const FORM_ORDER: FactKey[] = [
  "legalForm",
  "projectStage",
  "commune",
  "employees",
  "partnerStructures",
  "projectCost",
  "inQpv",
  "essStatutes",
  "esusApproved",
  "socialUtilityPurpose",
  "payWithinEsusLimits",
  "listedShares",
  "firstBalanceSheet",
  "bankAccess",
];

/** The eligibility facts vocabulary (shared/domain/support-processes.md), in form order. */
export const FACT_FIELDS: readonly FactField[] = [...FORM_ORDER, ...(Object.keys(FACT_QUESTIONS) as FactKey[]).filter((k) => !FORM_ORDER.includes(k))].map(
  (k) => {
    const q = FACT_QUESTIONS[k];
    const field: FactField = { id: k, kind: q.type, label: q.question, short: q.label };
    if (q.type === "enum" && q.options) field.options = Object.fromEntries(q.options.map((o) => [o.value, o.label]));
    if (k === "commune") field.placeholder = "Par exemple : Alès";
    return field;
  },
);

export const BOOLEAN_CHOICES: Record<string, string> = {
  true: "Oui",
  false: "Non",
  unknown: "Je ne sais pas",
};
