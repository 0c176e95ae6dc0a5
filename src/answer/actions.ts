/** The buttons a reply offers; labels are French words, never an emoji alone. */
import type { Action } from "../domain/reply.js";

export const ANSWER_ACTIONS: Action[] = [
  { id: "rate-up", label: "👍 Réponse utile" },
  { id: "rate-down", label: "👎 Réponse pas utile" },
  { id: "eligibility", label: "Vérifier mon éligibilité" },
  { id: "friction", label: "Signaler une difficulté" },
  { id: "handoff", label: "Parler à une personne" },
];

export const REFUSAL_ACTIONS: Action[] = [
  { id: "handoff", label: "Parler à une personne" },
  { id: "rate-down", label: "👎 Réponse pas utile" },
];
