/**
 * The French names of the shared vocabularies, written once: processes, journey
 * steps, blockers, severities, channels, audiences, eligibility verdicts, kinds and
 * natures of documents, button actions. Channels only style them (emoji, colours,
 * capitalisation inside a sentence); the core and the report use them as they are.
 */
import type { DocKind, ProcessId } from "./ids.js";
import type { ActionId, Verdict } from "./reply.js";
import type { Blocker, JourneyStep } from "./friction.js";

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

export const STEP_LABELS: Record<JourneyStep, string> = {
  "information-orientation": "Information et orientation",
  eligibilite: "Éligibilité",
  "montage-dossier": "Montage du dossier",
  depot: "Dépôt",
  instruction: "Instruction",
  decision: "Décision",
  versement: "Versement",
  "suivi-bilan": "Suivi et bilan",
};

export const BLOCKER_LABELS: Record<Blocker, string> = {
  delai: "Délai",
  "piece-justificative": "Pièce justificative",
  "critere-flou": "Critère peu clair",
  "mauvais-interlocuteur": "Mauvais interlocuteur",
  "outil-numerique": "Outil numérique",
  cofinancement: "Cofinancement",
  autre: "Autre",
};

export const SEVERITY_LABELS: Record<number, string> = {
  1: "1 — gêne",
  2: "2 — difficulté sérieuse",
  3: "3 — blocage",
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

/** An eligibility verdict as a label ("Éligible"); inside a sentence use `verdictText`. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "Éligible",
  ineligible: "Non éligible",
  incomplete: "Informations manquantes",
  "to-check": "À vérifier par une personne",
};

/** Kind of a source, shown next to it. */
export const DOC_KIND_LABELS: Record<DocKind, string> = {
  schema: "Schéma départemental",
  axe: "Axe du schéma",
  mesure: "Mesure du schéma",
  concertation: "Résultat de la concertation",
  process: "Dispositif d'accompagnement",
  partner: "Acteur partenaire",
  legal: "Cadre légal",
  territory: "Donnée territoriale",
  glossary: "Glossaire",
};

/** Nature of a knowledge document (src/knowledge/schema.ts DocNature), finer than its kind. */
export const DOC_NATURE_LABELS = {
  "engagement-schema": "Engagement du schéma",
  "resultat-concertation": "Résultat de la concertation",
  dispositif: "Dispositif d'accompagnement",
  acteur: "Acteur partenaire",
  "contexte-legal": "Cadre légal",
  "donnee-territoire": "Donnée territoriale",
  glossaire: "Glossaire",
} as const;

/** Default button labels (words, never an emoji alone). */
export const ACTION_LABELS: Record<ActionId, string> = {
  "rate-up": "Utile",
  "rate-down": "Pas utile",
  eligibility: "Vérifier mon éligibilité",
  friction: "Signaler une difficulté",
  handoff: "Parler à une personne",
  report: "Voir le rapport",
  cancel: "Annuler",
  confirm: "Confirmer",
  help: "Aide",
};

/** The label of `key` in `map`, or the key itself when it has none. */
export const label = (map: Record<string, string>, key: string): string => map[key] ?? key;

/** A label inside a sentence: « Appel à communs : non éligible ». */
export const inSentence = (text: string): string => text.charAt(0).toLocaleLowerCase("fr-FR") + text.slice(1);

/** A verdict inside a sentence (« non éligible », « à vérifier par une personne »). */
export const verdictText = (v: Verdict): string => inSentence(VERDICT_LABELS[v]);
