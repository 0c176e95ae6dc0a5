/** Recognises what a message asks for, beyond a plain question. French first, some English. */
import { fold } from "../retrieval/analyzer.js";

export type Intent = "reset" | "help" | "cancel" | "handoff" | "eligibility" | "friction" | "report" | "question";

/**
 * Commands (reset, cancel, help, report) are whole messages, with at most a polite
 * ending: "Aide au démarrage pour une association ?" or "Rapport d'activité de la
 * CRESS ?" are questions, and "Recommencer une activité après une liquidation…"
 * must not wipe the conversation.
 */
const END = String.raw`(?:[\s,]+(?:s.il vous plait|s.il te plait|svp|stp|merci|please))?[\s.!?]*$`;
const command = (words: string) => new RegExp(`^(?:${words})${END}`);

const PATTERNS: [Intent, RegExp][] = [
  ["reset", command("reset|recommencer|on recommence|reinitialiser|nouvelle conversation|repartir de zero|on repart de zero|recommencer a zero|start over")],
  [
    "cancel",
    command(
      "annuler|annule|annulez|stop|laisse tomber|laissez tomber|abandonner|abandon|j.abandonne|cancel|on arrete|arreter|annuler (?:le|la|ce|cette) (?:questionnaire|verification|signalement|demande)",
    ),
  ],
  [
    "help",
    command(
      "aide|help|\\?|menu|aide[- ]moi|aidez[- ]moi|a l.aide|que sais[- ]tu faire|que savez[- ]vous faire|comment ca marche|que peux[- ]tu faire|que pouvez[- ]vous faire",
    ),
  ],
  [
    "handoff",
    /\b(parler|echanger|discuter) (a|avec) (une personne|quelqu.un|un humain|un agent|un conseiller|une conseillere|un interlocuteur)|\b(talk to (a )?(person|human|someone))\b|^(personne|humain|conseiller)$/,
  ],
  ["report", command("rapport|le rapport|afficher le rapport|voir le rapport|rapport de suivi|le rapport de suivi|voir le rapport de suivi|report")],
  ["friction", /\b(signaler|remonter|declarer) (une|un|des)? ?(difficulte|probleme|blocage|souci|friction)s?\b|^difficulte$/],
  [
    "eligibility",
    /\b(suis[- ]je|sommes[- ]nous|est[- ]on|serions[- ]nous|serais[- ]je|on est|je suis|nous sommes) (bien )?eligibles?\b|\b(verifier|tester|evaluer|connaitre) (mon|notre|l)?.?eligibilite\b|^eligibilite\b|\bam i eligible\b|\bare we eligible\b/,
  ],
];

export function detectIntent(text: string): Intent {
  const f = fold(text).trim();
  for (const [intent, re] of PATTERNS) if (re.test(f)) return intent;
  return "question";
}

/** Whether a short message reads as a question rather than an answer to ours. */
export function looksLikeQuestion(text: string): boolean {
  const f = fold(text).trim();
  if (f.endsWith("?")) return true;
  return (
    /^(qui|que|quoi|quel|quelle|quels|quelles|comment|pourquoi|quand|ou|combien|est-ce|c.est quoi|what|how|who|why)\b/.test(f) && f.split(/\s+/).length >= 3
  );
}

export function isYes(text: string): boolean | undefined {
  const f = fold(text)
    .trim()
    .replace(/[.!]+$/, "");
  if (/^(oui|ouais|yes|ok|d.accord|daccord|bien sur|exact|exactement|tout a fait|absolument|je confirme|confirmer|confirme|valider|yep|oui merci)\b/.test(f))
    return true;
  if (/^(non|nan|no|pas du tout|aucun|aucune|jamais|non merci|nope)\b/.test(f)) return false;
  return undefined;
}

export function isDontKnow(text: string): boolean {
  return /^(je (ne )?sais pas|j.sais pas|chais pas|aucune idee|ne sais pas|sais pas|inconnu|je ne suis pas sur|i don.t know|passer|je passe)\b/.test(
    fold(text).trim(),
  );
}
