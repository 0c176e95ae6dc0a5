/**
 * What the handoff flow reads and says: the choice of how to be answered, the
 * e-mail or phone given with consent, facts in French words, and the message that
 * carries an agent's answer to the person.
 */
import { z } from "zod";
import { FACT_QUESTIONS, type FactKey } from "../eligibility/facts.js";
import type { HandoffRecord, ReplyVia } from "../storage/types.js";
import { foldUncached } from "../core/text.js";

export const Email = z.email().max(254);
export const Phone = z.string().regex(/^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/);

export const VIA_OPTIONS: { value: ReplyVia; label: string }[] = [
  { value: "conversation", label: "Ici, dans cette conversation" },
  { value: "email", label: "Par e-mail" },
  { value: "phone", label: "Par téléphone" },
];
export const CONSENT_NOTE =
  "Elle servira uniquement à vous répondre sur cette demande : elle est transmise à l'équipe qui la suit, n'apparaît dans aucune statistique et elle est effacée une fois la réponse donnée.";

/** The message the person receives. */
export function replyText(h: HandoffRecord): string {
  return `Réponse de l'équipe ESS à votre demande (référence ${h.id.slice(0, 8)}), par ${h.reply?.agent ?? "l'équipe"} :\n\n${h.reply?.text ?? ""}`;
}

export function parseVia(text: string): ReplyVia | undefined {
  const f = foldUncached(text.trim());
  if (!f) return undefined;
  if (/^(1|conversation|ici|oui|dans cette conversation|ici, dans cette conversation|ici dans cette conversation|sur slack|sur teams)\b/.test(f))
    return "conversation";
  if (/@|\b(e-?mail|mail|courriel|2)\b/.test(f)) return "email";
  if (/\b(phone|telephone|tel|appel|rappel\w*|3)\b/.test(f) || Phone.safeParse(f.replace(/[^\d+ .-]/g, "").trim()).success) return "phone";
  return undefined;
}

/**
 * Enough of an address for the person to recognise it, not enough to reach them.
 * @example maskAddress("email", "ada.lovelace@exemple.fr") // "a…e@exemple.fr"
 * @example maskAddress("phone", "06 12 34 56 78") // "06 … 78"
 */
export function maskAddress(kind: "email" | "phone", value: string): string {
  if (kind === "email") {
    const at = value.lastIndexOf("@");
    const local = value.slice(0, at);
    return `${local.slice(0, 1)}…${local.length > 2 ? local.slice(-1) : ""}${value.slice(at)}`;
  }
  const digits = value.replace(/\D/g, "");
  return `${value.trim().startsWith("+") ? "+" : ""}${digits.slice(0, 2)} … ${digits.slice(-2)}`;
}

export function findAddress(kind: "email" | "phone", text: string): string | undefined {
  if (kind === "email") {
    const m = /[^\s<>()«»"',;:]+@[^\s<>()«»"',;:]+\.[a-z]{2,}/i.exec(text);
    return m && Email.safeParse(m[0]).success ? m[0] : undefined;
  }
  const m = /(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}/.exec(text);
  return m && Phone.safeParse(m[0]).success ? m[0] : undefined;
}

export function factLabel(key: string): string {
  return FACT_QUESTIONS[key as FactKey]?.label ?? key;
}

/** A fact in French words: « oui », « non », the option's label, numbers in French. */
export function factValue(key: string, v: unknown): string {
  if (v === true) return "oui";
  if (v === false) return "non";
  if (typeof v === "number") return v.toLocaleString("fr-FR");
  const option = FACT_QUESTIONS[key as FactKey]?.options?.find((o) => o.value === v);
  return option ? option.label : String(v);
}
