/**
 * Follow-up suggestions as short questions, for every channel's buttons: at
 * most 75 characters (Slack's button limit), distinct, and phrased as a
 * question a person would ask. The core may still give section titles
 * ("Titre du document : Intitulé de la section"): a title becomes a short
 * question about its section (« Que savoir sur « … » ? »), and at most three
 * of them are kept.
 */
import { foldWords } from "../core/text.js";

export const MAX_FOLLOW_UP_CHARS = 75;
export const MAX_FOLLOW_UPS = 3;

const INTERROGATIVE =
  /^(qui|que|qu['’]|quel|quelle|quels|quelles|quoi|comment|pourquoi|quand|où|ou|combien|est-ce|peut-on|puis-je|dois-je|faut-il|existe-t-il|y a-t-il)\b/i;

const tidy = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/\s+([?!:;])/g, " $1")
    .trim();

/** A question ending with « ? », or null when it does not fit. */
function asQuestion(text: string): string | null {
  const t = tidy(text).replace(/[\s.?!:;,…]+$/, "");
  if (!t) return null;
  const q = `${t} ?`;
  return q.length <= MAX_FOLLOW_UP_CHARS ? q : null;
}

/** « Que savoir sur « Vote du 7 mars 2025 » ? » from a section title (quoted: no grammar to guess). */
function aboutTitle(title: string): string | null {
  const t = tidy(title).replace(/[\s.?!:;,…]+$/, "");
  if (!t) return null;
  if (INTERROGATIVE.test(t)) return asQuestion(t);
  const q = `Que savoir sur « ${t} » ?`;
  return q.length <= MAX_FOLLOW_UP_CHARS ? q : null;
}

/** One follow-up → a short question, or null when none fits. */
export function toQuestion(raw: string): string | null {
  const text = tidy(raw);
  if (!text) return null;
  if (/\?\s*$/.test(text)) {
    if (text.length <= MAX_FOLLOW_UP_CHARS) return text;
  }
  // "Document title : section heading[ : sub-heading]": ask about the most precise part that fits.
  const parts = text.split(/\s+:\s+/).filter(Boolean);
  for (let i = parts.length - 1; i >= (parts.length > 1 ? 1 : 0); i--) {
    const q = aboutTitle(parts.slice(i).join(" : "));
    if (q) return q;
  }
  return null;
}

/**
 * The follow-ups of a reply as at most `max` distinct short questions (3 for
 * buttons; Slack's suggested prompts take up to 4).
 *
 * @example
 * followUpQuestions(["Obtenir l'agrément ESUS : Qui peut demander l'agrément ESUS"])
 * // → ["Qui peut demander l'agrément ESUS ?"]
 */
export function followUpQuestions(followUps: readonly string[], max = MAX_FOLLOW_UPS): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of followUps) {
    const q = toQuestion(f);
    if (!q) continue;
    const key = foldWords(q);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(q);
    if (out.length >= max) break;
  }
  return out;
}
