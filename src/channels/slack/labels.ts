/**
 * French labels used by the Slack renderer. Only presentation: the core's
 * reply carries the content; these name the vocabularies it uses.
 */
import type { DocKind, ProcessId } from "../../core/ids.js";
import type { ActionId, Verdict } from "../../core/reply.js";
import { PROCESS_LABELS } from "../../report/labels.js";

/** Kind of a source, as shown next to it ("engagement du schéma", "cadre légal"…). */
export const KIND_LABELS: Record<DocKind, string> = {
  schema: "schéma départemental",
  axe: "axe du schéma",
  mesure: "engagement du schéma",
  concertation: "résultat de la concertation",
  process: "dispositif d'accompagnement",
  partner: "acteur partenaire",
  legal: "cadre légal",
  territory: "donnée territoriale",
  glossary: "glossaire",
};

/** Nature of a knowledge document, when the core provides it (knowledge/schema.ts DocNature). */
export const NATURE_LABELS: Record<string, string> = {
  "engagement-schema": "engagement du schéma",
  "resultat-concertation": "résultat de la concertation",
  dispositif: "dispositif d'accompagnement",
  acteur: "acteur partenaire",
  "contexte-legal": "cadre légal",
  "donnee-territoire": "donnée territoriale",
  glossaire: "glossaire",
};

/** Process names, shared with the report (src/report/labels.ts). */
export const PROCESS_NAMES: Record<ProcessId, string> = PROCESS_LABELS;

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "✅ Éligible",
  ineligible: "❌ Non éligible",
  incomplete: "❔ Informations manquantes",
  "to-check": "🔎 À vérifier par une personne",
};

/** Default button labels (used when the core's label is empty or has no word). */
export const ACTION_LABELS: Record<ActionId, string> = {
  "rate-up": "👍 Utile",
  "rate-down": "👎 Pas utile",
  eligibility: "Vérifier mon éligibilité",
  friction: "Signaler une difficulté",
  handoff: "Parler à une personne",
  report: "Voir le rapport",
  cancel: "Annuler",
  confirm: "Confirmer",
  help: "Aide",
};

export const SHARE_LABEL = "Partager dans le canal";
export const RESOLVE_LABEL = "Marquer comme traité";
export const DETAIL_LABEL = "Voir le détail";
export const COMPLETE_LABEL = "Compléter les informations";

export const ELIGIBILITY_NOTICE = "Résultats indicatifs, selon les règles publiques connues : la décision revient à l'organisme qui porte chaque dispositif.";

/** The vote shown on an answer once given (the other rating stays, to change one's mind). */
export const VOTE_LABELS: Record<"up" | "down", string> = {
  up: "Avis donné : réponse utile. Merci !",
  down: "Avis donné : réponse pas utile. Merci, l'équipe ESS en tiendra compte.",
};

/** A label must contain a word, never be an emoji alone. */
export function buttonLabel(id: ActionId, label: string | undefined): string {
  const l = (label ?? "").trim();
  return /\p{L}{2,}/u.test(l) ? l : ACTION_LABELS[id];
}

/** Posted instead of a message Slack refused (ok:false). */
export const REFUSED_TEXT =
  "Désolé, je n'ai pas pu afficher ma réponse ici. Réessayez dans un instant, ou écrivez « parler à une personne » pour joindre l'équipe ESS du Département.";

/** Thread status while the core works (assistant.threads.setStatus). */
export const STATUS_TEXT = "réfléchit…";
export const LOADING_MESSAGES = [
  "Je cherche dans le schéma départemental de l'ESS…",
  "Je vérifie les sources publiques…",
  "Je prépare une réponse avec ses sources…",
];

export const APOLOGY_TEXT =
  "Désolé, je n'ai pas pu traiter votre demande pour le moment. Vous pouvez réessayer dans un instant, " +
  "ou vous adresser directement à l'équipe ESS du Département du Gard.";
