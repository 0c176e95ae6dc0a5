/**
 * The vocabulary the playground page needs, served as JSON by
 * GET /api/vocabulary: eligibility facts (FACT_QUESTIONS), friction fields
 * (journey steps, blockers, processes, severities) and display labels.
 */
import { DOC_KINDS, PROCESS_IDS, type DocKind } from "../../core/ids.js";
import type { Verdict } from "../../core/reply.js";
import { FACT_KEYS, FACT_QUESTIONS } from "../../eligibility/facts.js";
import { BLOCKER_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS } from "../../report/labels.js";
import { FRICTION_FIELDS } from "../../report/friction.js";
import { BLOCKERS, JOURNEY_STEPS } from "../../storage/types.js";

/** Kind of a source, shown next to it. */
export const KIND_LABELS: Record<DocKind, string> = {
  schema: "Engagement du schéma départemental",
  axe: "Axe du schéma départemental",
  mesure: "Mesure du schéma départemental",
  concertation: "Résultat de la concertation",
  process: "Dispositif d'accompagnement",
  partner: "Partenaire",
  legal: "Cadre légal",
  territory: "Territoire",
  glossary: "Lexique",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "Éligible",
  ineligible: "Non éligible",
  incomplete: "Informations manquantes",
  "to-check": "À vérifier par une personne",
};

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
    kinds: Object.fromEntries(DOC_KINDS.map((k) => [k, KIND_LABELS[k]])),
    verdicts: VERDICT_LABELS,
    statuses: STATUS_LABELS,
    processes: PROCESS_LABELS,
  };
}
export type Vocabulary = ReturnType<typeof vocabulary>;
