/**
 * French labels the Teams cards show for the shared vocabularies (process ids,
 * journey steps, blockers, eligibility facts, doc kinds, verdicts).
 */
import type { DocKind, ProcessId } from "../../core/ids.js";
import type { Verdict } from "../../core/reply.js";
import type { BLOCKERS, JOURNEY_STEPS } from "../../storage/types.js";

export const PROCESS_LABELS: Record<ProcessId, string> = {
  "appel-a-communs": "Appel à communs du Département",
  "mission-ess-departement": "Mission ESS du Département du Gard",
  dla: "Dispositif local d'accompagnement (DLA)",
  "france-active": "France Active (finance solidaire)",
  "pret-honneur-microcredit": "Prêt d'honneur et microcrédit",
  "incubation-innovation-sociale": "Incubation en innovation sociale",
  cae: "Coopérative d'activité et d'emploi (CAE)",
  "agrement-esus": "Agrément ESUS",
  "mecenat-fondations": "Mécénat et fondations",
  "commande-publique": "Commande publique du Département",
  "region-occitanie": "Aides de la Région Occitanie",
  "politique-de-la-ville": "Politique de la ville (QPV)",
  "insertion-iae": "Insertion par l'activité économique (IAE)",
  "scic-participation": "Participation du Département à une SCIC",
};

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

export const STEP_LABELS: Record<(typeof JOURNEY_STEPS)[number], string> = {
  "information-orientation": "Information et orientation",
  eligibilite: "Éligibilité",
  "montage-dossier": "Montage du dossier",
  depot: "Dépôt du dossier",
  instruction: "Instruction",
  decision: "Décision",
  versement: "Versement",
  "suivi-bilan": "Suivi et bilan",
};

export const BLOCKER_LABELS: Record<(typeof BLOCKERS)[number], string> = {
  delai: "Délais trop longs",
  "piece-justificative": "Pièce justificative",
  "critere-flou": "Critère peu clair",
  "mauvais-interlocuteur": "Mauvais interlocuteur",
  "outil-numerique": "Outil numérique",
  cofinancement: "Cofinancement",
  autre: "Autre difficulté",
};

export const SEVERITY_LABELS: Record<"1" | "2" | "3", string> = {
  "1": "1 — gênant",
  "2": "2 — freine fortement la démarche",
  "3": "3 — bloque la démarche",
};

export const LEGAL_FORM_LABELS = {
  association: "Association",
  scop: "SCOP",
  scic: "SCIC",
  cae: "Coopérative d'activité et d'emploi (CAE)",
  cooperative: "Autre coopérative",
  mutuelle: "Mutuelle",
  fondation: "Fondation",
  "societe-commerciale": "Société commerciale",
  "entrepreneur-individuel": "Entrepreneur individuel",
  "collectif-informel": "Collectif sans statut",
  collectivite: "Collectivité",
  aucune: "Pas encore de structure",
} as const;
export type LegalForm = keyof typeof LEGAL_FORM_LABELS;

export const PROJECT_STAGE_LABELS = {
  idee: "Idée",
  creation: "Création",
  developpement: "Développement",
  consolidation: "Consolidation",
  "changement-echelle": "Changement d'échelle",
} as const;
export type ProjectStage = keyof typeof PROJECT_STAGE_LABELS;

export type FactKind = "enum" | "string" | "number" | "integer" | "boolean";

export interface FactField {
  id: string;
  kind: FactKind;
  label: string;
  options?: Record<string, string>;
  placeholder?: string;
}

/** The eligibility facts vocabulary (shared/domain/support-processes.md), in form order. */
export const FACT_FIELDS: readonly FactField[] = [
  { id: "legalForm", kind: "enum", label: "Forme juridique de la structure", options: LEGAL_FORM_LABELS },
  { id: "projectStage", kind: "enum", label: "Stade du projet", options: PROJECT_STAGE_LABELS },
  { id: "commune", kind: "string", label: "Commune du projet (nom ou code INSEE)", placeholder: "Par exemple : Alès" },
  { id: "employees", kind: "integer", label: "Nombre de salariés de la structure (0 si aucun)" },
  { id: "partnerStructures", kind: "integer", label: "Nombre de structures engagées dans le projet, la vôtre comprise" },
  { id: "projectCost", kind: "number", label: "Coût total du projet, en euros" },
  { id: "inQpv", kind: "boolean", label: "Le projet est-il situé dans un quartier prioritaire de la ville (QPV) ?" },
  { id: "essStatutes", kind: "boolean", label: "Pour une société commerciale : ses statuts respectent-ils la loi ESS de 2014 ?" },
  { id: "esusApproved", kind: "boolean", label: "La structure a-t-elle déjà l'agrément ESUS ?" },
  { id: "socialUtilityPurpose", kind: "boolean", label: "L'utilité sociale est-elle l'objet principal inscrit dans les statuts ?" },
  {
    id: "payWithinEsusLimits",
    kind: "boolean",
    label: "Les rémunérations respectent-elles les plafonds ESUS (7 et 10 fois le SMIC) ?",
  },
  { id: "listedShares", kind: "boolean", label: "Ses titres de capital sont-ils cotés en bourse ?" },
  { id: "firstBalanceSheet", kind: "boolean", label: "A-t-elle clôturé un premier bilan de 12 mois ?" },
  { id: "bankAccess", kind: "boolean", label: "La personne porteuse peut-elle obtenir un prêt bancaire ?" },
];

export const BOOLEAN_CHOICES: Record<string, string> = {
  true: "Oui",
  false: "Non",
  unknown: "Je ne sais pas",
};
