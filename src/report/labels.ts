/** French labels for the report (what the ESS team reads). */
import type { ProcessId } from "../core/ids.js";
import { BLOCKERS, JOURNEY_STEPS } from "../storage/types.js";

export const STEP_LABELS: Record<(typeof JOURNEY_STEPS)[number], string> = {
  "information-orientation": "Information et orientation",
  eligibilite: "Éligibilité",
  "montage-dossier": "Montage du dossier",
  depot: "Dépôt",
  instruction: "Instruction",
  decision: "Décision",
  versement: "Versement",
  "suivi-bilan": "Suivi et bilan",
};

export const BLOCKER_LABELS: Record<(typeof BLOCKERS)[number], string> = {
  delai: "Délai",
  "piece-justificative": "Pièce justificative",
  "critere-flou": "Critère peu clair",
  "mauvais-interlocuteur": "Mauvais interlocuteur",
  "outil-numerique": "Outil numérique",
  cofinancement: "Cofinancement",
  autre: "Autre",
};

export const PROCESS_LABELS: Record<ProcessId, string> = {
  "appel-a-communs": "Appel à communs",
  "mission-ess-departement": "Mission ESS du Département",
  dla: "Dispositif local d'accompagnement (DLA)",
  "france-active": "France Active",
  "pret-honneur-microcredit": "Prêt d'honneur et microcrédit",
  "incubation-innovation-sociale": "Incubation et innovation sociale",
  cae: "Coopérative d'activité et d'emploi (CAE)",
  "agrement-esus": "Agrément ESUS",
  "mecenat-fondations": "Mécénat et fondations",
  "commande-publique": "Commande publique",
  "region-occitanie": "Région Occitanie",
  "politique-de-la-ville": "Politique de la ville",
  "insertion-iae": "Insertion par l'activité économique",
  "scic-participation": "Participation à une SCIC",
};

export const CHANNEL_LABELS: Record<string, string> = {
  cli: "Ligne de commande",
  slack: "Slack",
  teams: "Teams",
  web: "Web",
  api: "API",
};

export const AUDIENCE_LABELS: Record<string, string> = {
  agent: "Agents du Département",
  porteur: "Porteurs de projet",
};

export const SEVERITY_LABELS: Record<number, string> = {
  1: "1 — gêne",
  2: "2 — difficulté sérieuse",
  3: "3 — blocage",
};

export const label = (map: Record<string, string>, key: string): string => map[key] ?? key;
