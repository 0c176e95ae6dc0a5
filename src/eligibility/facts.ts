/**
 * Eligibility facts: the closed vocabulary of ../shared/domain/support-processes.md.
 * Every boundary (CLI, forms, conversation extraction) goes through `parseFacts`,
 * which rejects unknown keys, wrong types and unknown communes with a French
 * message that names the English key.
 */
import { z } from "zod";
import { resolveCommune, suggestCommunes } from "./communes.js";

export const LEGAL_FORMS = [
  "association",
  "scop",
  "scic",
  "cae",
  "cooperative",
  "mutuelle",
  "fondation",
  "societe-commerciale",
  "entrepreneur-individuel",
  "collectif-informel",
  "collectivite",
  "aucune",
] as const;
export const LegalForm = z.enum(LEGAL_FORMS);
export type LegalForm = z.infer<typeof LegalForm>;

export const PROJECT_STAGES = ["idee", "creation", "developpement", "consolidation", "changement-echelle"] as const;
export const ProjectStage = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof ProjectStage>;

const count = z.number().int().nonnegative();

export const Facts = z
  .object({
    legalForm: LegalForm,
    commune: z.string().trim().min(1).max(200),
    employees: count,
    partnerStructures: count,
    essStatutes: z.boolean(),
    esusApproved: z.boolean(),
    socialUtilityPurpose: z.boolean(),
    payWithinEsusLimits: z.boolean(),
    listedShares: z.boolean(),
    projectStage: ProjectStage,
    projectCost: z.number().nonnegative().finite(),
    firstBalanceSheet: z.boolean(),
    bankAccess: z.boolean(),
    inQpv: z.boolean(),
  })
  .partial()
  .strict();
export type Facts = z.infer<typeof Facts>;
export type FactKey = keyof Facts;

export const FACT_KEYS = Object.keys(Facts.shape) as FactKey[];

export type FactType = "enum" | "string" | "integer" | "number" | "boolean";

export interface FactQuestion {
  fact: FactKey;
  type: FactType;
  /** Short French name of the fact, used in explanations ("nombre de salariés"). */
  label: string;
  /** The plain French question to ask (vouvoiement). */
  question: string;
  /** Answer options (enums and yes/no questions). */
  options?: { value: string; label: string }[];
}

const YES_NO = [
  { value: "true", label: "Oui" },
  { value: "false", label: "Non" },
];

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  association: "Association (loi 1901)",
  scop: "SCOP (société coopérative et participative)",
  scic: "SCIC (société coopérative d'intérêt collectif)",
  cae: "CAE (coopérative d'activité et d'emploi)",
  cooperative: "Autre coopérative",
  mutuelle: "Mutuelle",
  fondation: "Fondation ou fonds de dotation",
  "societe-commerciale": "Société commerciale (SARL, SAS, SA…)",
  "entrepreneur-individuel": "Entrepreneur individuel ou micro-entrepreneur",
  "collectif-informel": "Collectif informel (sans statut juridique)",
  collectivite: "Collectivité ou établissement public",
  aucune: "Pas encore de structure",
};

export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  idee: "Idée ou réflexion",
  creation: "Création en cours",
  developpement: "Développement d'une activité existante",
  consolidation: "Consolidation (fragilité, réorganisation)",
  "changement-echelle": "Changement d'échelle (essaimage, nouveau territoire)",
};

export const FACT_QUESTIONS: Record<FactKey, FactQuestion> = {
  legalForm: {
    fact: "legalForm",
    type: "enum",
    label: "forme juridique",
    question: "Quelle est la forme juridique de votre structure ?",
    options: LEGAL_FORMS.map((value) => ({ value, label: LEGAL_FORM_LABELS[value] })),
  },
  commune: {
    fact: "commune",
    type: "string",
    label: "commune du projet",
    question: "Dans quelle commune votre projet se déroule-t-il ?",
  },
  employees: {
    fact: "employees",
    type: "integer",
    label: "nombre de salariés",
    question: "Combien de salariés votre structure emploie-t-elle ? (0 si aucun)",
  },
  partnerStructures: {
    fact: "partnerStructures",
    type: "integer",
    label: "nombre de structures associées au projet",
    question: "Combien de structures participent au projet, la vôtre comprise ?",
  },
  essStatutes: {
    fact: "essStatutes",
    type: "boolean",
    label: "statuts conformes à la loi ESS",
    question:
      "Les statuts de votre société respectent-ils les conditions de la loi ESS de 2014 (but autre que le partage des bénéfices, gouvernance démocratique, bénéfices surtout réinvestis) ?",
    options: YES_NO,
  },
  esusApproved: {
    fact: "esusApproved",
    type: "boolean",
    label: "agrément ESUS obtenu",
    question: "Votre structure a-t-elle déjà l'agrément ESUS (entreprise solidaire d'utilité sociale) ?",
    options: YES_NO,
  },
  socialUtilityPurpose: {
    fact: "socialUtilityPurpose",
    type: "boolean",
    label: "utilité sociale comme objectif principal",
    question:
      "L'utilité sociale (aide aux personnes fragiles, lien social, cohésion territoriale, réduction des inégalités…) est-elle l'objectif principal inscrit dans vos statuts ?",
    options: YES_NO,
  },
  payWithinEsusLimits: {
    fact: "payWithinEsusLimits",
    type: "boolean",
    label: "rémunérations dans les plafonds ESUS",
    question:
      "Dans votre structure, la moyenne des 5 plus hauts salaires est-elle inférieure ou égale à 7 fois le SMIC, et le plus haut salaire à 10 fois le SMIC ?",
    options: YES_NO,
  },
  listedShares: {
    fact: "listedShares",
    type: "boolean",
    label: "titres cotés en bourse",
    question: "Les titres de capital de votre structure sont-ils cotés sur un marché financier ?",
    options: YES_NO,
  },
  projectStage: {
    fact: "projectStage",
    type: "enum",
    label: "stade du projet",
    question: "À quel stade en est votre projet ?",
    options: PROJECT_STAGES.map((value) => ({ value, label: PROJECT_STAGE_LABELS[value] })),
  },
  projectCost: {
    fact: "projectCost",
    type: "number",
    label: "coût total du projet",
    question: "Quel est le coût total de votre projet, en euros ?",
  },
  firstBalanceSheet: {
    fact: "firstBalanceSheet",
    type: "boolean",
    label: "premier bilan de 12 mois clôturé",
    question: "Votre structure a-t-elle déjà clôturé un premier bilan sur 12 mois ?",
    options: YES_NO,
  },
  bankAccess: {
    fact: "bankAccess",
    type: "boolean",
    label: "accès au prêt bancaire",
    question: "Pouvez-vous obtenir un prêt auprès d'une banque ?",
    options: YES_NO,
  },
  inQpv: {
    fact: "inQpv",
    type: "boolean",
    label: "adresse en quartier prioritaire (QPV)",
    question: "L'adresse de votre projet se trouve-t-elle dans un quartier prioritaire de la politique de la ville (QPV) ?",
    options: YES_NO,
  },
};

/** French description of what a fact expects, with the English type in brackets. */
function expectation(key: FactKey): string {
  const q = FACT_QUESTIONS[key];
  switch (q.type) {
    case "enum":
      return `une de ces valeurs : ${q.options!.map((o) => o.value).join(", ")} (expected one of the enum values)`;
    case "string":
      return "un nom de commune ou un code INSEE (expected a string)";
    case "integer":
      return "un nombre entier positif ou nul (expected a non-negative integer)";
    case "number":
      return "un montant positif ou nul en euros (expected a non-negative number)";
    case "boolean":
      return "true (oui) ou false (non) (expected a boolean)";
  }
}

function show(value: unknown): string {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 60 ? s.slice(0, 57) + "…" : s;
  } catch {
    return String(value);
  }
}

export type ParseFactsResult = { ok: true; facts: Facts } | { ok: false; errors: string[] };

/**
 * Validate raw facts (e.g. parsed JSON). Unknown keys, wrong types and communes
 * that cannot be resolved are reported, one French message per problem.
 */
export function parseFacts(input: unknown): ParseFactsResult {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return {
      ok: false,
      errors: ['Les informations doivent être un objet JSON, par exemple {"legalForm": "association"} (expected an object).'],
    };
  }
  const errors: string[] = [];
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!(FACT_KEYS as string[]).includes(key)) {
      errors.push(`Information inconnue « ${key} » (unknown key). Informations acceptées : ${FACT_KEYS.join(", ")}.`);
    }
  }
  for (const key of FACT_KEYS) {
    if (!(key in raw) || raw[key] === undefined) continue;
    const r = Facts.shape[key].safeParse(raw[key]);
    if (!r.success) {
      errors.push(`« ${key} » (${FACT_QUESTIONS[key].label}) : valeur ${show(raw[key])} refusée ; attendu ${expectation(key)}.`);
    }
  }
  if (errors.length === 0 && typeof raw.commune === "string" && raw.commune.trim()) {
    if (!resolveCommune(raw.commune)) {
      const near = suggestCommunes(raw.commune);
      const hint = near.length ? ` Vouliez-vous dire : ${near.map((c) => `${c.name} (${c.departementName}, code ${c.code})`).join(", ")} ?` : "";
      errors.push(
        `« commune » : « ${raw.commune} » n'est pas une commune connue (unknown commune).${hint} Indiquez le nom de la commune (par exemple « Alès ») ou son code INSEE (par exemple « 30007 »).`,
      );
    }
  }
  if (errors.length) return { ok: false, errors };
  const parsed = Facts.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  return { ok: true, facts: parsed.data };
}

/**
 * Same as `parseFacts` but first coerces string values coming from forms
 * ("3" → 3, "true"/"oui" → true) so channel forms can pass their raw values.
 */
export function parseFactsLoose(input: unknown): ParseFactsResult {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return parseFacts(input);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === "" || value === null) continue;
    const q = FACT_QUESTIONS[key as FactKey];
    if (q && typeof value === "string") {
      const v = value.trim().toLowerCase();
      if (q.type === "boolean" && ["true", "oui", "1", "yes"].includes(v)) out[key] = true;
      else if (q.type === "boolean" && ["false", "non", "0", "no"].includes(v)) out[key] = false;
      else if ((q.type === "integer" || q.type === "number") && /^\d+([.,]\d+)?$/.test(v.replace(/\s/g, "")))
        out[key] = Number(v.replace(/\s/g, "").replace(",", "."));
      else out[key] = value;
    } else out[key] = value;
  }
  return parseFacts(out);
}
