/**
 * French labels the Teams cards show for the shared vocabularies (process ids,
 * journey steps, blockers, eligibility facts, doc kinds, verdicts).
 */
import type { DocKind } from "../../core/ids.js";
import type { Verdict } from "../../core/reply.js";
import { FACT_QUESTIONS, type FactKey } from "../../eligibility/facts.js";
import { SEVERITY_LABELS } from "../../report/labels.js";

export { BLOCKER_LABELS, PROCESS_LABELS, STEP_LABELS } from "../../report/labels.js";

export const DOC_KIND_LABELS: Record<DocKind, string> = {
  schema: "Schéma ESS",
  axe: "Axe du schéma",
  mesure: "Mesure du schéma",
  concertation: "Concertation",
  process: "Fiche parcours",
  partner: "Partenaire",
  legal: "Texte juridique",
  territory: "Territoire",
  glossary: "Glossaire",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "Éligible",
  ineligible: "Non éligible",
  incomplete: "Informations manquantes",
  "to-check": "À vérifier par une personne",
};

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

/** The vote shown on an answer once given (Teams' own 👍/👎 stay, to change one's mind: the last vote counts). */
export const VOTE_LABELS: Record<"up" | "down", string> = {
  up: "Avis donné : réponse utile. Merci !",
  down: "Avis donné : réponse pas utile. Merci, l'équipe ESS en tiendra compte.",
};
