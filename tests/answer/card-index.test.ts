/**
 * CardIndex.match scores phrasings from inverted indexes (term → phrasings, term → cards)
 * instead of comparing the question with every phrasing. These checks hold it to the
 * plain definition, written out here term by term: the same cards, in the same order,
 * with exactly the same scores, on the bundled cards and on random questions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answersType,
  answerType,
  askedKind,
  asksAmount,
  asksCount,
  asksWhy,
  CardIndex,
  type CardMatch,
  cardKind,
  givesAmount,
  givesCount,
  kindFits,
  namedAxes,
  termsOf,
} from "../../src/answer/cards.js";
import { NUMBER_WORDS as WRITTEN_NUMBERS } from "../../src/core/number-words.js";
import { loadCards } from "../../src/knowledge/cards.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import type { QueryAnalysis } from "../../src/retrieval/retriever.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

/** Numbers written as words, as the index reads them (« onze » → "11"). */
const NUMBERS: Record<string, string> = Object.fromEntries(Object.entries(WRITTEN_NUMBERS).map(([w, n]) => [w, String(n)]));

/** The definition of CardIndex.match: every phrasing compared with the question. */
function reference(index: CardIndex) {
  const cards = index.cards;
  const phrasings = cards.flatMap((card, ci) =>
    card.questions.map((text) => ({ card: ci, text, terms: new Set(termsOf(text)), type: answerType(text) })).filter((p) => p.terms.size > 0),
  );
  const answers = cards.map((c) => new Set(analyze(`${c.answer} ${c.answer_en ?? ""}`)));
  const all = cards.map((_, ci) => new Set([...phrasings.filter((p) => p.card === ci).flatMap((p) => [...p.terms]), ...answers[ci]!]));
  return (q: QueryAnalysis, opts: { audience?: "agent" | "porteur"; limit?: number; question?: string }) => match(q, opts);
  function match(q: QueryAnalysis, opts: { audience?: "agent" | "porteur"; limit?: number; question?: string }): CardMatch[] {
    if (q.terms.length === 0 || phrasings.length === 0) return [];
    const own = opts.question ? termsOf(opts.question) : [];
    const qTerms = [...new Set([...q.terms.map((t) => NUMBERS[t] ?? t), ...own.filter((t) => t.startsWith("?") || /^\d+$/.test(t))])];
    const alts = qTerms.map((t) => [t, ...(q.alternatives.get(t) ?? [])]);
    const w = qTerms.map((t) => index.weight(t));
    const axesAsked = namedAxes(opts.question ?? "");
    const qTotal = w.reduce((a, b) => a + b, 0);
    const qSet = new Set(alts.flat());
    const type = opts.question ? answerType(opts.question) : "other";
    const compatible = (a: string, b: string) => a === b || a === "other" || b === "other";
    const best = new Map<number, CardMatch>();
    // Candidates in the order the index meets them: by question term, then by phrasing.
    const order: number[] = [];
    for (const t of qSet) phrasings.forEach((p, pi) => p.terms.has(t) && !order.includes(pi) && order.push(pi));
    for (const pi of order) {
      const p = phrasings[pi]!;
      const card = cards[p.card]!;
      if (opts.audience !== "agent" && card.audience === "agent") continue;
      let qFound = 0;
      alts.forEach((forms, i) => {
        if (forms.some((f) => p.terms.has(f))) qFound += w[i]!;
        else if (forms.some((f) => answers[p.card]!.has(f))) qFound += 0.5 * w[i]!;
      });
      let pTotal = 0;
      let pFound = 0;
      for (const t of p.terms) {
        pTotal += index.weight(t);
        if (qSet.has(t)) pFound += index.weight(t);
      }
      const recall = qTotal ? qFound / qTotal : 0;
      const precision = pTotal ? pFound / pTotal : 0;
      const axes = namedAxes(p.text);
      const otherAxis = axesAsked.size > 0 && axes.size > 0 && ![...axes].some((a) => axesAsked.has(a));
      const f1 = (recall + precision ? (2 * recall * precision) / (recall + precision) : 0) * (compatible(type, p.type) ? 1 : 0.7) * (otherAxis ? 0.5 : 1);
      const prev = best.get(p.card);
      if (!prev || f1 > prev.f1) best.set(p.card, { card, score: 0, f1, recall: 0, typeOk: true, phrasing: p.text });
    }
    for (const [ci, m] of best) {
      let found = 0;
      alts.forEach((forms, i) => {
        if (forms.some((f) => all[ci]!.has(f))) found += w[i]!;
      });
      m.recall = qTotal ? found / qTotal : 0;
      // a question asking a sum of money is answered by a sum, « gratuit » or « pas publié »
      m.typeOk =
        answersType(type, m.card.answer) &&
        (!(opts.question !== undefined && asksAmount(opts.question)) || givesAmount(m.card.answer)) &&
        !(opts.question !== undefined && asksWhy(opts.question) && /^\s*(oui|non|yes|no)\b/i.test(m.card.answer)) &&
        // a card answers the kind of question its phrasings ask; a count is not given by a share
        kindFits(opts.question ? askedKind(opts.question) : "other", cardKind(m.card), opts.question) &&
        !(opts.question !== undefined && asksCount(opts.question) && !givesCount(m.card.answer));
      m.score = (0.8 * m.f1 + 0.2 * m.recall) * (m.typeOk ? 1 : 0.5);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, opts.limit ?? 3);
  }
}

const { cards } = loadCards(KNOWLEDGE_DIR);
const index = new CardIndex(cards);
const plain = reference(index);
const vocabulary = [...new Set(cards.flatMap((c) => [...c.questions, c.answer].join(" ").split(/[\s,.;:?!«»()"]+/)))].filter((w) => w.length > 1);
const summary = (ms: CardMatch[]) => ms.map((m) => ({ id: m.card.id, score: m.score, f1: m.f1, recall: m.recall, typeOk: m.typeOk, phrasing: m.phrasing }));

function analysis(question: string, synonyms: [number, string][]): QueryAnalysis {
  const terms = analyze(question);
  const alternatives = new Map<string, Set<string>>();
  for (const [i, word] of synonyms) {
    const t = terms[i % Math.max(1, terms.length)];
    const alt = analyze(word)[0];
    if (t && alt) alternatives.set(t, new Set([...(alternatives.get(t) ?? []), alt]));
  }
  return { terms, expansions: [], alternatives, idf: new Map() };
}

describe("answer card matching", () => {
  it("has cards to match (the bundled knowledge)", () => {
    expect(cards.length).toBeGreaterThan(100);
  });

  it("scores every bundled phrasing as the plain definition does, in both audiences", () => {
    for (const card of cards.slice(0, 60))
      for (const question of card.questions.slice(0, 2))
        for (const audience of ["porteur", "agent"] as const) {
          const q = analysis(question, []);
          const opts = { audience, limit: 5, question };
          expect(summary(index.match(q, opts))).toEqual(summary(plain(q, opts)));
        }
  });

  it("scores random questions, with synonyms and numbers, as the plain definition does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary, "combien", "quand", "deux", "cent", "zzzinconnu"), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...vocabulary)), { maxLength: 4 }),
        fc.constantFrom("porteur", "agent") as fc.Arbitrary<"porteur" | "agent">,
        fc.boolean(),
        (words, synonyms, audience, typed) => {
          const question = `${words.join(" ")} ?`;
          const q = analysis(question, synonyms);
          const opts = { audience, limit: 4, question: typed ? question : undefined };
          // The scratch space is reused: a second question right after must not see the first one's sums.
          index.match(analysis("appel à communs budget combien", []), { audience, question: "appel à communs budget combien ?" });
          expect(summary(index.match(q, opts))).toEqual(summary(plain(q, opts)));
        },
      ),
      { numRuns: 150, seed: 17 },
    );
  });
});

describe("a why question", () => {
  it("is recognised in French, texting shorthand and English", () => {
    expect(asksWhy("Pourquoi le Département soutient-il l'ESS ?")).toBe(true);
    expect(asksWhy("pq ils font un appel à communs ?")).toBe(true);
    expect(asksWhy("Why is it called a reverse tender?")).toBe(true);
    expect(asksWhy("Le DLA est-il gratuit ?")).toBe(false);
  });
});

describe("the kind of answer a card gives", () => {
  const howTo = cardKind({
    questions: ["Comment s'inscrire au Mois de l'ESS ?", "on fait comment pour y participer ?", "inscription mois ess", "How do I take part?"],
    answer: "Inscrivez-vous auprès de la CRESS avant septembre.",
  });
  const whatIs = cardKind({
    questions: ["Qu'est-ce que le Mois de l'ESS ?", "le mois de l'ess c'est quoi", "What is the ESS Month?"],
    answer: "Une manifestation nationale de promotion de l'ESS, chaque mois de novembre.",
  });
  const counted = cardKind({
    questions: ["Combien d'EPCI dans le Gard ?", "il y a combien d'intercos ?"],
    answer: "Trois agglomérations et dix communautés de communes.",
  });

  it("reads a trailing « c'est quoi ? » as asking what, and an inversion after an interrogative word as no yes/no", () => {
    expect(askedKind("Le Mois de l'ESS, c'est quoi ?")).toBe("definition");
    expect(askedKind("la CRESS cest quoi")).toBe("definition");
    expect(answerType("Pour quelle raison la Région a-t-elle créé AD'OCC ?")).toBe("other");
    expect(answerType("La CRESS a-t-elle un bureau à Nîmes ?")).toBe("yesno");
    expect(answerType("La loi Hamon, elle est de quelle année ?")).toBe("date");
    expect(askedKind("on fait comment pour adhérer à la CRESS ?")).toBe("how");
  });

  it("does not answer « c'est quoi ? » with how to proceed, nor « qui ? » with a definition", () => {
    expect(kindFits(askedKind("Le Mois de l'ESS, c'est quoi ?"), howTo)).toBe(false);
    expect(kindFits(askedKind("Le Mois de l'ESS, c'est quoi ?"), whatIs)).toBe(true);
    expect(kindFits(askedKind("Qui organise le Mois de l'ESS dans le Gard ?"), whatIs)).toBe(false);
    expect(kindFits(askedKind("Le Mois de l'ESS, ça tombe quand ?"), whatIs)).toBe(true);
  });

  it("does not answer « c'est quoi un… ? » with an answer opening with a figure, but a list may open with one", () => {
    expect(counted.figureLed).toBe(true);
    expect(kindFits(askedKind("c'est quoi un EPCI ?"), counted, "c'est quoi un EPCI ?")).toBe(false);
    expect(kindFits(askedKind("c'est quoi les EPCI du Gard ?"), counted, "c'est quoi les EPCI du Gard ?")).toBe(true);
    expect(kindFits(askedKind("les intercos du Gard c koi ?"), counted, "les intercos du Gard c koi ?")).toBe(true);
    expect(kindFits(askedKind("il y a combien d'EPCI ?"), counted, "il y a combien d'EPCI ?")).toBe(true);
  });

  it("does not give a count of people with a share or a sum", () => {
    expect(asksCount("Combien de salariés compte la CRESS Occitanie ?")).toBe(true);
    expect(asksCount("Combien de réserves faut-il garder ?")).toBe(false);
    expect(asksCount("C'est combien d'argent ?")).toBe(false);
    expect(givesCount("Environ 5 % de votre chiffre d'affaires.")).toBe(false);
    expect(givesCount("Un budget de 250 000 € voté en 2024.")).toBe(false);
    expect(givesCount("Douze salariés, à Montpellier.")).toBe(true);
  });
});
