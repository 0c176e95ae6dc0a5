/**
 * The vocabulary the playground page needs, served as JSON by
 * GET /api/vocabulary: eligibility facts (FACT_QUESTIONS), friction fields
 * (journey steps, blockers, processes, severities) and display labels.
 */
import { DOC_KINDS, PROCESS_IDS } from "../../domain/ids.js";
import { BLOCKERS, FRICTION_FIELDS, JOURNEY_STEPS } from "../../domain/friction.js";
import { BLOCKER_LABELS, DOC_KIND_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS, VERDICT_LABELS } from "../../domain/labels.js";
import { FACT_KEYS, FACT_QUESTIONS } from "../../eligibility/facts.js";

export const STATUS_LABELS = {
  confirmed: "confirmé par les sources",
  reported: "à vérifier",
} as const;

export interface Option {
  value: string;
  label: string;
}

export function vocabulary() {
  return {
    facts: FACT_KEYS.map((k) => {
      const q = FACT_QUESTIONS[k];
      return { fact: q.fact, type: q.type, label: q.label, question: q.question, options: q.options ?? null };
    }),
    friction: {
      fields: FRICTION_FIELDS,
      steps: JOURNEY_STEPS.map((value): Option => ({ value, label: STEP_LABELS[value] })),
      blockers: BLOCKERS.map((value): Option => ({ value, label: BLOCKER_LABELS[value] })),
      processes: PROCESS_IDS.map((value): Option => ({ value, label: PROCESS_LABELS[value] })),
      severities: [1, 2, 3].map((v): Option => ({ value: String(v), label: SEVERITY_LABELS[v] ?? String(v) })),
    },
    kinds: Object.fromEntries(DOC_KINDS.map((k) => [k, DOC_KIND_LABELS[k]])),
    verdicts: VERDICT_LABELS,
    statuses: STATUS_LABELS,
    processes: PROCESS_LABELS,
  };
}
export type Vocabulary = ReturnType<typeof vocabulary>;
