/**
 * The reply built from an answer card: its direct answer leads (in English when the
 * question is in English and the card has `answer_en`), followed by `[n]` markers to
 * the card's source documents, cited with the passage of each document closest to
 * the question. A card that says the information is not published becomes a refusal
 * with a route to a person.
 */
import type { SourceRef } from "../domain/reply.js";
import type { AnswerCard } from "../knowledge/cards.js";
import type { Hit } from "../retrieval/retriever.js";
import { foldUncached as fold } from "../core/text.js";
import { answerType, deniesExistence, existenceAsked } from "./cards.js";
import { MONTH_ALTERNATION, WEEKDAY_ALTERNATION } from "../core/calendar-words.js";

/** One English sentence before a French answer, when no English card text exists. */
export const FRENCH_SOURCES_NOTE = "The sources I rely on are in French; here is the answer in French.";

/** Words that carry a yes/no question's claim, with their opposite. */
const POLAR: [string, string][] = [
  ["gratuit", "payant"],
  ["obligatoire", "facultatif"],
  ["ouvert", "ferme"],
  ["eligible", "ineligible"],
  ["possible", "impossible"],
  ["autorise", "interdit"],
  ["cumulable", "incompatible"],
  ["reserve", "ouvert a tous"],
  // « il faut le rembourser ? » of a card written for « y a-t-il des intérêts ? — Non, … à rembourser »
  ["rembours", "sans rembours"],
];

/** English claim words, in the French of the POLAR pairs. */
const EN_CLAIM: Record<string, string> = {
  free: "gratuit",
  paid: "payant",
  mandatory: "obligatoire",
  compulsory: "obligatoire",
  optional: "facultatif",
  open: "ouvert",
  closed: "ferme",
  eligible: "eligible",
  possible: "possible",
  allowed: "autorise",
  forbidden: "interdit",
  reserved: "reserve",
  repay: "rembours",
  repaid: "rembours",
};

const OPEN_TYPES = new Set(["who", "where", "date", "number", "definition"]);

/**
 * A question opened by an interrogative word (« quel axe… ? », « dans quelle SCIC… ? », « comment… ? »,
 * "which…?", "how…?"), after an optional « et / mais » and preposition: it asks for a thing, never
 * for « oui » or « non ».
 */
const OPENED_BY_INTERROGATIVE =
  /^(?:(?:et|mais|ok|alors|and|so)\s+)?(?:(?:dans|a|de|du|sur|pour|par|avec|aupres de|en|vers|in|for|from|with|to|at|on|by)\s+)?(?:quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|comment|pourquoi|qui|ou|quand|combien|what|which|how|why|who|whom|where|when)\b/;

/**
 * An interrogative word later in the question (« c'était à quelles dates ? », « ça sert à quoi ? »,
 * « elle s'adresse à qui ? »), not « quel que soit » nor a noun « qui » opening a clause.
 */
const ASKS_INSIDE = new RegExp(
  [
    "\\b(?:quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles)\\b(?!\\s+que\\b)",
    "\\b(?:combien|comment|pourquoi)\\b",
    // « a changé quoi ? », « ça sert à quoi ? », « c quoi la différence ? » (not « quoi que »)
    "\\bquoi\\b(?!\\s+que\\b)",
    "\\b(?:a|de|par|pour|avec|aupres de|chez|sur) qui\\s*\\??\\s*$",
    "\\b(?:c'?est|c|ca|cela) (?:qui|ou|quand|combien)\\b",
    "\\b(?:est|sont|se trouve|se trouvent) ou\\b",
    "\\b(?:quand|ou)\\s*\\??\\s*$",
    // an alternative, « salarié ou indépendant ? », « du définitif ou un test ? » (not « … ou pas ? »)
    "\\S \\bou\\b (?!pas\\b|non\\b|bien\\s*\\?|quoi\\b)[^?]*\\?\\s*$",
  ].join("|"),
);

/** A yes/no form: « est-ce que… », « y a-t-il… », an inverted subject (« peut-il », « faut-il »), "is / can / does…". */
const YES_NO_FORM = /^(?:est-ce que|est ce que|y a-t-il|ya t il|is|are|can|does|do|did|was|were|will)\b|-(?:t-)?(?:il|elle|on|ils|elles)\b/;

/** Whether a question is open: it asks who, where, when, how many, what is, which or how — not yes or no. */
export function isOpenQuestion(question: string): boolean {
  if (!question) return false;
  if (OPEN_TYPES.has(answerType(question))) return true;
  const q = fold(question)
    .replace(/[’`]/g, "'")
    .replace(/^[^\p{L}]+/u, "");
  // « Le Département peut-il entrer au capital, et à quelle hauteur ? » asks yes or no first: its « Oui » stays.
  return OPENED_BY_INTERROGATIVE.test(q) || (ASKS_INSIDE.test(q) && !YES_NO_FORM.test(q));
}

/** « Yes: … » / « No, … » opening an English card answer, dropped before an open question like the French one. */
function dropEnglishPolarity(answer: string, question: string, french?: string): string {
  const m = /^(yes|no)\s*[,:;.–-]\s*/i.exec(answer);
  // Asked the other way ("Is it free?" of a card written for "does it cost anything?"), the French answer's
  // « Non » is dropped by alignPolarity: the English one goes with it.
  const turned = french !== undefined && /^(oui|non)\b/i.test(french) && !/^(oui|non)\b/i.test(alignPolarity(french, question));
  if (!m || !(turned || isOpenQuestion(question))) return answer;
  const rest = answer.slice(m[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * A card's "Oui / Non" answers the phrasing it was written for ("Le DLA est-il
 * payant ? — Non, il est gratuit"). Asked the other way ("c'est gratuit ?"), the
 * statement after it still holds but the "Non" would contradict it. When the question
 * carries a claim word (gratuit, obligatoire…) that the statement affirms while saying
 * "Non" (or contradicts while saying "Oui"), the Oui/Non is dropped and the statement leads.
 */
export function alignPolarity(answer: string, question: string): string {
  const m = /^(oui|non)\s*[,:;.–-]\s*/i.exec(answer);
  if (!m) return answer;
  const yes = m[1]!.toLowerCase() === "oui";
  const rest = answer.slice(m[0].length);
  // An open question (who, where, when, how many, what is, which, how) is not answered by « Oui » or « Non »: the statement leads.
  if (isOpenQuestion(question)) return rest.charAt(0).toUpperCase() + rest.slice(1);
  const statement = fold(rest.split(/(?<=[.!?])\s/)[0] ?? rest);
  // « Existe-t-il un prêt d'honneur ? » asks whether the thing exists: a « Non » written for another question about it
  // (« y a-t-il des intérêts ? — Non, il est à taux zéro ») does not deny it. The « Non » stays only when the statement
  // denies the thing asked (« il n'existe pas de… », « aucun… », « sans intérêt » of « des intérêts ? »).
  if (!yes) {
    const thing = existenceAsked(question);
    if (thing && !deniesExistence(statement, thing)) return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  // An English question checked against a French answer: its claim words read in French.
  const q = fold(question).replace(
    /\b(free|paid|mandatory|compulsory|optional|open|closed|eligible|possible|allowed|forbidden|reserved|repay|repaid)\b/g,
    (w) => EN_CLAIM[w] ?? w,
  );
  for (const [a, b] of POLAR) {
    for (const [asked, opposite] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!new RegExp(`\\b${asked}`).test(q)) continue;
      const affirmed = new RegExp(`\\b${asked}`).test(statement) && !new RegExp(`\\b(pas|ne|n'|jamais|non|sans)\\b[^.,;:]{0,20}\\b${asked}`).test(statement);
      const denied = new RegExp(`\\b${opposite}`).test(statement);
      if ((!yes && affirmed) || (yes && denied)) return rest.charAt(0).toUpperCase() + rest.slice(1);
      return answer;
    }
  }
  return answer;
}

/** A first sentence that is only a date (« Le vendredi 27 juin 2025. », « En mars 2025. », "On 27 June 2025."). */
const DATE_ONLY = new RegExp(
  `^(?:le |en |depuis |fin |debut |on |in |since )?(?:(?:${WEEKDAY_ALTERNATION}),? )?(?:\\d{1,2}(?:er|st|nd|rd|th)? )?(?:(?:${MONTH_ALTERNATION}) )?\\d{4}\\.\\s+`,
);

/**
 * A card written to answer « quand ? » may open on the date alone (« Le vendredi 27 juin 2025. Le SPASER compte
 * 5 axes… »). Asked how many, who, where or what, that date answers nothing: the statement after it leads.
 */
export function dropDateLead(answer: string, question: string): string {
  const type = answerType(question);
  if (type !== "number" && type !== "who" && type !== "where" && type !== "definition") return answer;
  // « voté quand, et combien d'actions ? » asks the date too
  if (/\b(quand|quelle date|en quelle annee|when|what year)\b/.test(fold(question))) return answer;
  const m = DATE_ONLY.exec(fold(answer));
  if (!m || m[0].length >= answer.length - 20) return answer;
  const rest = answer.slice(m[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The card's answer text, with citation markers for `n` sources. */
export function cardText(card: AnswerCard, sourceCount: number, english: boolean, question = ""): string {
  const markers = Array.from({ length: sourceCount }, (_, i) => `[${i + 1}]`).join("");
  if (english && card.answer_en) return `${dropDateLead(dropEnglishPolarity(card.answer_en, question, card.answer), question)} ${markers}`.trim();
  const french = `${dropDateLead(alignPolarity(card.answer, question), question)} ${markers}`.trim();
  return english ? `${FRENCH_SOURCES_NOTE}\n\n${french}` : french;
}

/** The passages to cite for a card: per source document, the best hit already found, else the given fallback. */
export function cardPassages(card: AnswerCard, hits: Hit[], fallback: (docId: string) => Hit | undefined): Hit[] {
  const out: Hit[] = [];
  for (const id of card.sources) {
    const hit = hits.find((h) => h.chunk.docId === id) ?? fallback(id);
    if (hit && !out.some((h) => h.chunk.id === hit.chunk.id)) out.push(hit);
  }
  return out;
}

/**
 * Short follow-up questions (≤ 75 characters, distinct): the first phrasing of other
 * cards about the same documents, in the order given.
 */
export function cardFollowUps(cards: readonly AnswerCard[], docIds: string[], exclude: Set<string>, audience: "agent" | "porteur", max = 3): string[] {
  const out: string[] = [];
  const seenDocs = new Set(docIds);
  for (const c of cards) {
    if (out.length >= max) break;
    if (exclude.has(c.id) || c.lacune || (audience !== "agent" && c.audience === "agent")) continue;
    if (!c.sources.some((s) => seenDocs.has(s))) continue;
    const q = c.questions.find((x) => x.length <= 75 && /\?\s*$/.test(x) && /^[A-ZÀ-Ý]/.test(x));
    if (q && !out.includes(q)) out.push(q);
  }
  return out;
}

export type { SourceRef };
