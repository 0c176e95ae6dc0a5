/**
 * What the assistant says in more than one place, written once: the apology when
 * something fails, and the help text. Channels style these texts; they do not
 * reword them.
 */
import type { Audience } from "./ids.js";

/** Said when the core or a channel fails: short, with a route to a person. */
export const APOLOGY_TEXT =
  "Désolé, je rencontre un problème technique et je ne peux pas répondre pour le moment. L'équipe ESS du Département peut vous aider : utilisez « Parler à une personne ».";

/** Why the apology routes to a person (its route's `why`). */
export const APOLOGY_ROUTE_WHY = "Problème technique : une personne prend le relais.";

/** Under every eligibility result. */
export const ELIGIBILITY_NOTICE = "Ces résultats sont indicatifs : la décision revient à l'organisme qui porte chaque dispositif.";

/** What the assistant can do, for the help message (the report line only for agents). */
export function helpText(audience: Audience): string {
  return [
    "Je suis Relais ESS, l'assistant de la politique d'économie sociale et solidaire du Département du Gard. Je peux :",
    "- répondre à vos questions sur le schéma départemental de l'ESS, l'appel à communs et les accompagnements, en citant mes sources ;",
    "- vous orienter vers le bon interlocuteur ;",
    "- vérifier votre éligibilité (écrivez « suis-je éligible ? ») ;",
    "- recueillir une difficulté rencontrée dans vos démarches (« signaler une difficulté ») ;",
    "- transmettre votre demande à une personne (« parler à une personne »).",
    audience === "agent" ? "- afficher le rapport de suivi pour l'équipe ESS (« rapport »)." : "",
    "Écrivez « recommencer » pour repartir de zéro.",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Example questions offered with the help message. */
export const HELP_FOLLOW_UPS = [
  "Qu'est-ce que l'appel à communs ?",
  "Quels sont les axes du schéma départemental de l'ESS ?",
  "Qui peut m'aider à financer mon projet ?",
];

/** The vote shown on an answer once given (the other rating stays, to change one's mind: the last vote counts). */
export const VOTE_LABELS: Record<"up" | "down", string> = {
  up: "Avis donné : réponse utile. Merci !",
  down: "Avis donné : réponse pas utile. Merci, l'équipe ESS en tiendra compte.",
};
