/**
 * CardIndex.match scores phrasings from inverted indexes (term → phrasings, term → cards)
 * instead of comparing the question with every phrasing. These checks hold it to the
 * plain definition, written out here term by term: the same cards, in the same order,
 * with exactly the same scores, on the bundled cards and on random questions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersType, answerType, asksAmount, asksWhy, CardIndex, type CardMatch, givesAmount, termsOf } from "../../src/answer/cards.js";
import { loadCards } from "../../src/knowledge/cards.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import type { QueryAnalysis } from "../../src/retrieval/retriever.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

const NUMBERS: Record<string, string> = {
  ...{ deux: "2", trois: "3", quatre: "4", cinq: "5", six: "6", sept: "7", huit: "8", neuf: "9", dix: "10", douze: "12", quinze: "15" },
  ...{ vingt: "20", trente: "30", cent: "100", mille: "1000", two: "2", three: "3", four: "4", five: "5", ten: "10" },
};

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
      const f1 = (recall + precision ? (2 * recall * precision) / (recall + precision) : 0) * (compatible(type, p.type) ? 1 : 0.7);
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
        !(opts.question !== undefined && asksWhy(opts.question) && /^\s*(oui|non|yes|no)\b/i.test(m.card.answer));
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
