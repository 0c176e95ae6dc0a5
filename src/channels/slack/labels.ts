/**
 * How the Slack renderer styles the shared French vocabulary (src/domain):
 * emoji, lower-case labels inside a line; and the texts only Slack says (its
 * refusal of a message, the thread status).
 */
import type { DocKind, ProcessId } from "../../domain/ids.js";
import type { ActionId, Verdict } from "../../domain/reply.js";
import { APOLOGY_TEXT as SHARED_APOLOGY, VOTE_LABELS as SHARED_VOTES } from "../../domain/copy.js";
import {
  ACTION_LABELS as SHARED_ACTIONS,
  DOC_KIND_LABELS,
  DOC_NATURE_LABELS,
  inSentence,
  PROCESS_LABELS,
  VERDICT_LABELS as SHARED_VERDICTS,
} from "../../domain/labels.js";

const lowered = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, inSentence(v)]));

/** Kind of a source, as shown next to it ("mesure du schéma", "cadre légal"…). */
export const KIND_LABELS = lowered(DOC_KIND_LABELS) as Record<DocKind, string>;

/** Nature of a knowledge document, when the core provides it (knowledge/schema.ts DocNature). */
export const NATURE_LABELS: Record<string, string> = lowered(DOC_NATURE_LABELS);

/** Process names (src/domain/labels.ts). */
export const PROCESS_NAMES: Record<ProcessId, string> = PROCESS_LABELS;

const VERDICT_EMOJI: Record<Verdict, string> = { eligible: "✅", ineligible: "❌", incomplete: "❔", "to-check": "🔎" };
export const VERDICT_LABELS = Object.fromEntries(Object.entries(SHARED_VERDICTS).map(([v, l]) => [v, `${VERDICT_EMOJI[v as Verdict]} ${l}`])) as Record<
  Verdict,
  string
>;

/** Default button labels (used when the core's label is empty or has no word). */
export const ACTION_LABELS: Record<ActionId, string> = {
  ...SHARED_ACTIONS,
  "rate-up": `👍 ${SHARED_ACTIONS["rate-up"]}`,
  "rate-down": `👎 ${SHARED_ACTIONS["rate-down"]}`,
};

export const SHARE_LABEL = "Partager dans le canal";
export const RESOLVE_LABEL = "Marquer comme traité";
export const DETAIL_LABEL = "Voir le détail";
export const COMPLETE_LABEL = "Compléter les informations";

export { ELIGIBILITY_NOTICE } from "../../domain/copy.js";

/** The vote shown on an answer once given (the other rating stays, to change one's mind). */
export const VOTE_LABELS = SHARED_VOTES;

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

export const APOLOGY_TEXT = SHARED_APOLOGY;
