/**
 * Matching a question against the answer cards (knowledge/reponses). Each card's
 * phrasings are analysed once; a question is compared with every phrasing by an
 * IDF-weighted F1 of shared terms (glossary synonyms count, and the card's answer
 * counts half for words the phrasings lack). The weights come from how many cards
 * use a word, so "appel à communs" alone does not pick one card among thirty.
 */
import type { AnswerCard } from "../knowledge/cards.js";
import { analyze, fold } from "../retrieval/analyzer.js";
import { foldUncached } from "../core/text.js";
import type { QueryAnalysis } from "../retrieval/retriever.js";

export interface CardMatch {
  card: AnswerCard;
  /** 0..1: the decision score (see `match`). */
  score: number;
  /** IDF-weighted F1 between the question and the card's closest phrasing. */
  f1: number;
  /** Share of the question's weight found anywhere in the card (phrasings, answer). */
  recall: number;
  /** The answer has what the question asks for (a number, a date, a name…). */
  typeOk: boolean;
  phrasing: string;
}

/** Weight of the previous topic's words, next to the follow-up's own, in card matching. */
const TOPIC_WEIGHT = 0.5;

/** What kind of answer a question expects, from its wording (French and English). */
export type AnswerType = "number" | "date" | "who" | "where" | "definition" | "yesno" | "other";

export function answerType(question: string): AnswerType {
  const q = foldUncached(question);
  if (
    /\b(combien|cb|quel montant|quelle somme|quel budget|quel pourcentage|quelle part|quelle proportion|nombre de|nombre (minimal|minimum|maximal|maximum)|how many|how much|what percentage|what share)\b/.test(
      q,
    )
  )
    return "number";
  if (/\b(quand|quelle date|en quelle annee|depuis quand|jusqu'?a quand|a quelle date|when|what year|since when|until when)\b/.test(q)) return "date";
  if (
    /^((et|mais|ok|alors|and) )?(qui|c'?est qui|who)\b|\bpar qui\b|\b(qui (est|sont|porte|dirige|pilote|preside)|quelle elue|quel elu|who is|who are|who runs|who leads)\b/.test(
      q,
    )
  )
    return "who";
  if (
    /^(c'?est quoi|c quoi|ckoi|qu'?est[- ]ce qu[e']|que (veut dire|signifie)|what is|what are|what does)\b|\b(ca veut dire quoi|definition|c'?est quoi (un|une|le|la|les))\b/.test(
      q,
    )
  )
    return "definition";
  if (
    /^((et|mais|ok|alors|and) )?(ou|where)\b|\b(ou se trouve|ou est|c'?est ou|ou ca|ou deposer|where is|where can|(basee?s?|situee?s?|installee?s?|implantee?s?|localisee?s?) ou)\b|\bou\s*\?*\s*$/.test(
      q,
    )
  )
    return "where";
  if (/^(est-ce que|est ce que|is|are|can|does|do|peut-on|peut on|faut-il|faut il|y a-t-il|ya t il)\b|-(t-)?(il|elle|on|ils|elles)\b.*\?\s*$/.test(q))
    return "yesno";
  return "other";
}

const MONTH =
  /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/** Whether an answer can satisfy a question of this type. */
export function answersType(type: AnswerType, answer: string): boolean {
  const a = foldUncached(answer);
  switch (type) {
    case "number":
      return /\d|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|moitie|tiers|quart|aucun|gratuit|pas publie|n'est pas publie)\b/.test(
        a,
      );
    case "date":
      return /\b(19|20)\d{2}\b/.test(a) || MONTH.test(a) || /\b(pas publie|ne sont pas publie|n'est pas connu|en continu)\b/.test(a);
    default:
      return true;
  }
}

interface Phrasing {
  card: number;
  text: string;
  terms: Set<string>;
  type: AnswerType;
}

const NUMBER_WORDS: Record<string, string> = {
  deux: "2",
  trois: "3",
  quatre: "4",
  cinq: "5",
  six: "6",
  sept: "7",
  huit: "8",
  neuf: "9",
  dix: "10",
  douze: "12",
  quinze: "15",
  vingt: "20",
  trente: "30",
  cent: "100",
  mille: "1000",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  ten: "10",
};
const NUMBER_WORD_RE = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b`, "g");

/** The terms of a question or phrasing: analysed words, numbers as digits, and its kind as a term ("?number"). */
export function termsOf(text: string): string[] {
  const type = answerType(text);
  const terms = analyze(fold(text).replace(NUMBER_WORD_RE, (w) => NUMBER_WORDS[w]!));
  return type === "other" ? terms : [...terms, `?${type}`];
}

/** Two question types ask the same thing (an untyped question goes with any). */
function compatible(a: AnswerType, b: AnswerType): boolean {
  return a === b || a === "other" || b === "other";
}

/** Weight of the question's kind ("?number", "?date"…) among its terms. */
const TYPE_WEIGHT = 2;

export class CardIndex {
  private readonly phrasings: Phrasing[] = [];
  private readonly answerTerms: Set<string>[] = [];
  /** Every term of a card: its phrasings and its answer. */
  private readonly cardTerms: Set<string>[] = [];
  private readonly byTerm = new Map<string, number[]>();
  private readonly df = new Map<string, number>();

  constructor(readonly cards: readonly AnswerCard[]) {
    cards.forEach((card, ci) => {
      const cardTerms = new Set<string>();
      for (const q of card.questions) {
        const terms = new Set(termsOf(q));
        if (terms.size === 0) continue;
        const pi = this.phrasings.push({ card: ci, text: q, terms, type: answerType(q) }) - 1;
        for (const t of terms) {
          cardTerms.add(t);
          const list = this.byTerm.get(t) ?? [];
          list.push(pi);
          this.byTerm.set(t, list);
        }
      }
      const answer = new Set(analyze(`${card.answer} ${card.answer_en ?? ""}`));
      this.answerTerms.push(answer);
      this.cardTerms.push(new Set([...cardTerms, ...answer]));
      for (const t of new Set([...cardTerms, ...answer])) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    });
  }

  get size(): number {
    return this.cards.length;
  }

  /** Weight of a term: rare across cards weighs more; a word no card uses weighs like a rare one. */
  weight(term: string): number {
    if (term.startsWith("?")) return TYPE_WEIGHT;
    const n = Math.max(1, this.cards.length);
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The best matching cards (one entry per card), best first. The score mixes the F1
   * with the closest phrasing of the same kind (0.8) and the share of the question
   * found anywhere in the card (0.2); a card whose answer cannot satisfy the question's type (a "combien ?"
   * answered without any number) is scored at half.
   */
  match(q: QueryAnalysis, opts: { audience?: "agent" | "porteur"; limit?: number; question?: string; focus?: ReadonlySet<string> } = {}): CardMatch[] {
    if (q.terms.length === 0 || this.phrasings.length === 0) return [];
    const own = opts.question ? termsOf(opts.question) : [];
    const qTerms = [...new Set([...q.terms.map((t) => NUMBER_WORDS[t] ?? t), ...own.filter((t) => t.startsWith("?") || /^\d+$/.test(t))])];
    const alts = qTerms.map((t) => [t, ...(q.alternatives.get(t) ?? [])]);
    // A follow-up read with the previous topic: the words the person just wrote (`focus`) weigh more than the topic's.
    const focus = opts.focus && new Set([...opts.focus].map((t) => NUMBER_WORDS[t] ?? t));
    const qWeights = qTerms.map((t) => this.weight(t) * (focus && !t.startsWith("?") && !focus.has(t) ? TOPIC_WEIGHT : 1));
    const qTotal = qWeights.reduce((a, b) => a + b, 0);
    const qSet = new Set(alts.flat());
    // Candidate phrasings: those sharing at least one term (or synonym) with the question.
    const candidates = new Set<number>();
    for (const t of qSet) for (const pi of this.byTerm.get(t) ?? []) candidates.add(pi);
    const type = opts.question ? answerType(opts.question) : "other";
    const best = new Map<number, CardMatch>();
    for (const pi of candidates) {
      const p = this.phrasings[pi]!;
      const card = this.cards[p.card]!;
      if (opts.audience !== "agent" && card.audience === "agent") continue;
      const answer = this.answerTerms[p.card]!;
      let qFound = 0;
      alts.forEach((forms, i) => {
        if (forms.some((f) => p.terms.has(f))) qFound += qWeights[i]!;
        else if (forms.some((f) => answer.has(f))) qFound += 0.5 * qWeights[i]!;
      });
      let pTotal = 0;
      let pFound = 0;
      for (const t of p.terms) {
        const w = this.weight(t);
        pTotal += w;
        if (qSet.has(t)) pFound += w;
      }
      const recall = qTotal ? qFound / qTotal : 0;
      const precision = pTotal ? pFound / pTotal : 0;
      // A phrasing that asks another kind of thing ("y a des PTCE ?" for "c'est quoi un PTCE ?") counts less.
      const f1 = (recall + precision ? (2 * recall * precision) / (recall + precision) : 0) * (compatible(type, p.type) ? 1 : 0.7);
      const prev = best.get(p.card);
      if (!prev || f1 > prev.f1) best.set(p.card, { card, score: 0, f1, recall: 0, typeOk: true, phrasing: p.text });
    }
    for (const [ci, m] of best) {
      const all = this.cardTerms[ci]!;
      let found = 0;
      alts.forEach((forms, i) => {
        if (forms.some((f) => all.has(f))) found += qWeights[i]!;
      });
      m.recall = qTotal ? found / qTotal : 0;
      m.typeOk = answersType(type, m.card.answer);
      m.score = (0.8 * m.f1 + 0.2 * m.recall) * (m.typeOk ? 1 : 0.5);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, opts.limit ?? 3);
  }
}
