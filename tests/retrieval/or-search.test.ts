import MiniSearch from "minisearch";
import { describe, expect, it, vi } from "vitest";
import { analyze } from "../../src/retrieval/analyzer.js";
import { OrSearch } from "../../src/retrieval/or-search.js";

interface Doc {
  id: string;
  title: string;
  text: string;
}

const DOCS: Doc[] = [
  { id: "a", title: "Appel à communs", text: "Le Département finance les communs portés par au moins trois structures de l'ESS." },
  { id: "b", title: "Dispositif local d'accompagnement", text: "Le DLA accompagne les associations employeuses dans leur consolidation." },
  { id: "c", title: "France Active", text: "France Active finance et accompagne les entreprises de l'ESS : garanties, prêts, primes." },
  { id: "d", title: "Agrément ESUS", text: "L'agrément entreprise solidaire d'utilité sociale est délivré par la DDETS du Gard." },
  { id: "e", title: "Coopératives", text: "Les SCIC associent salariés, usagers et collectivités ; le Département peut entrer au capital." },
  { id: "f", title: "Commande publique", text: "Le schéma de promotion des achats socialement responsables (SPASER) du Département." },
];

function build(): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: ["title", "text"],
    storeFields: [],
    tokenize: (t) => analyze(t),
    processTerm: (t) => t,
    searchOptions: { boost: { title: 2 } },
  });
  ms.addAll(DOCS);
  return ms;
}

const vocabulary = (_ms: MiniSearch<Doc>) => new Set(DOCS.flatMap((d) => analyze(`${d.title} ${d.text}`)));

describe("OrSearch", () => {
  const questions = [
    "Comment financer mon association employeuse ?",
    "agrement esus ddets",
    "Je voudrais des garanties pour ma cooperative", // typo-free words unknown to the corpus
    "accompagnemant des assocations", // typos: fuzzy matches
    "financ",
    "Qui peut entrer au capital d'une SCIC ?",
    "promotion achats responsables communs trois structures",
  ];

  it("ranks and scores exactly like one MiniSearch OR query with fuzzy and prefix on unknown words", () => {
    const ms = build();
    const known = vocabulary(ms);
    const tolerant = (t: string) => t.length >= 5 && !known.has(t);
    const or = new OrSearch(ms);
    for (const q of questions) {
      const terms = analyze(q);
      const boost = (t: string) => (t.startsWith("f") ? 0.5 : 1);
      const expected = ms.search(terms.join(" "), {
        combineWith: "OR",
        fuzzy: (t) => (tolerant(t) ? 0.2 : false),
        prefix: (t) => tolerant(t),
        boostTerm: boost,
        filter: (r) => r.id !== "f",
      });
      // MiniSearch tokenizes the query string again: OrSearch takes the terms that tokenization gives.
      const got = or.search(analyze(terms.join(" ")), { tolerant, prefix: true, boostTerm: boost, filter: (id) => id !== "f" });
      expect(
        got.map((r) => r.id),
        q,
      ).toEqual(expected.map((r) => String(r.id)));
      got.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 10));
    }
  });

  it("finds documents through typos", () => {
    const ms = build();
    const known = vocabulary(ms);
    const got = new OrSearch(ms).search(analyze("accompagnemant"), { tolerant: (t) => t.length >= 5 && !known.has(t) });
    expect(got.map((r) => r.id)).toContain("b");
  });

  it("searches an unknown word once, then reuses its matches", () => {
    const ms = build();
    const known = vocabulary(ms);
    const spy = vi.spyOn(ms, "search");
    const or = new OrSearch(ms);
    const opts = { tolerant: (t: string) => t.length >= 5 && !known.has(t) };
    or.search(analyze("accompagnemant associations"), opts);
    const first = spy.mock.calls.length;
    or.search(analyze("accompagnemant cooperatives"), opts);
    // second query: one exact search, no new fuzzy search for "accompagnemant"
    const fuzzyCalls = spy.mock.calls.slice(first).filter(([, o]) => (o as { fuzzy?: unknown })?.fuzzy);
    expect(fuzzyCalls.map(([q]) => q)).not.toContain(analyze("accompagnemant")[0]);
  });

  it("keeps a bounded number of cached words", () => {
    const ms = build();
    const or = new OrSearch(ms, 3);
    for (const w of ["zzaaa", "zzbbb", "zzccc", "zzddd", "zzeee"]) or.search([w], { tolerant: () => true });
    expect((or as unknown as { cache: Map<string, unknown> }).cache.size).toBe(3);
  });

  it("keeps a word that questions keep using while new words come and go (least recently used out)", () => {
    const ms = build();
    const or = new OrSearch(ms, 16);
    const keys = () => [...(or as unknown as { cache: Map<string, unknown> }).cache.keys()];
    let hotSearches = 0;
    const search = ms.search.bind(ms);
    ms.search = ((q: string, o?: object) => {
      if (q === "zzhot") hotSearches++;
      return search(q, o);
    }) as typeof ms.search;
    const words = [...vocabulary(ms)].sort();
    expect(words.length).toBeGreaterThan(30);
    or.search(["zzhot"], { tolerant: () => false });
    words.forEach((w, i) => {
      or.search([w], { tolerant: () => false });
      if (i % 4 === 0) or.search(["zzhot"], { tolerant: () => false });
    });
    expect(keys()).toHaveLength(16);
    expect(keys()).toContain("zzhot");
    expect(hotSearches).toBe(1); // scored once, never evicted
    expect(keys()).not.toContain(words[0]);
  });

  it("bounds its cache by (word, document) pairs too, and priming fills an eighth of it at most", () => {
    const ms = build();
    const cached = (or: object) => {
      const cache = (or as unknown as { cache: Map<string, { postings: { docs: Int32Array } }> }).cache;
      return { words: cache.size, pairs: [...cache.values()].reduce((n, c) => n + c.postings.docs.length, 0) };
    };
    const words = [...vocabulary(ms)].sort();
    const unbounded = new OrSearch(ms);
    unbounded.prime(words);
    const all = cached(unbounded);
    expect(all.pairs).toBeGreaterThan(32);

    const or = new OrSearch(ms, 50_000, [], 32);
    expect(or.prime(words)).toBeLessThan(words.length);
    expect(cached(or).pairs).toBeLessThan(32 / 8 + 6);
    for (const w of words) or.search([w], { tolerant: () => false });
    expect(cached(or).pairs).toBeLessThanOrEqual(32);
    // a bounded cache answers as the unbounded one
    for (const w of words.slice(0, 5)) expect(or.search([w], { tolerant: () => false })).toEqual(unbounded.search([w], { tolerant: () => false }));
  });

  it("returns nothing for no terms", () => {
    expect(new OrSearch(build()).search([], { tolerant: () => true })).toEqual([]);
  });
});
