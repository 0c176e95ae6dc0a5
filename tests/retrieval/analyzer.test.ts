import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, fold, isStopword, looksEnglish, stem, words } from "../../src/retrieval/analyzer.js";
import { SynonymExpander } from "../../src/retrieval/synonyms.js";

describe("French analyzer", () => {
  it("folds accents, ligatures and case", () => {
    expect(fold("Économie SOLIDAIRE à Nîmes")).toBe("economie solidaire a nimes");
    expect(fold("œuvre et ex æquo")).toBe("oeuvre et ex aequo");
    expect(analyze("économie")).toEqual(analyze("economie"));
    expect(analyze("Économie")).toEqual(analyze("ECONOMIE des").slice(0, 1)); // all-caps long word is not an acronym
  });

  it("expands the SMS shortenings of « département » (knowledge/lexique/abreviations.yaml)", () => {
    expect(analyze("le budget du dpt")).toEqual(analyze("le budget du département"));
    expect(analyze("la MIESS du dépt")).toEqual(analyze("la MIESS du département"));
    // a word that only starts like one stays itself
    expect(analyze("le dépôt du dossier")).not.toEqual(analyze("le département du dossier"));
  });

  it("strips elisions (l', d', qu', with straight or curly apostrophes)", () => {
    const a = analyze("l'économie d'utilité sociale qu'une association");
    expect(a).toEqual([stem("economie"), stem("utilite"), stem("sociale"), stem("association")]);
    expect(analyze("l’agrément")).toEqual(analyze("agrément"));
    expect(a).not.toContain("l");
    expect(a).not.toContain("qu");
  });

  it("removes French and English stopwords", () => {
    expect(analyze("les associations du Gard")).toEqual([stem("associations"), "gard"]);
    expect(analyze("What is the social economy?")).toEqual([stem("social"), stem("economy")]);
    expect(isStopword("les")).toBe(true);
    expect(isStopword("cooperative")).toBe(false);
  });

  it("removes English question words and glue that name nothing", () => {
    expect(analyze("Why were they able to apply once, right?")).toEqual(analyze("apply"));
    expect(analyze("Has anything else been funded during the year?")).toEqual(analyze("funded year"));
  });

  it("stems plurals and inflections to the same term", () => {
    expect(analyze("coopératives")).toEqual(analyze("coopérative"));
    expect(analyze("subventions")).toEqual(analyze("subvention"));
    expect(analyze("accompagnements")).toEqual(analyze("accompagnement"));
  });

  it("keeps « communes » (municipalities) apart from « communs » (commons), which the stemmer merges", () => {
    expect(analyze("communes commune")).toEqual(["commune", "commune"]);
    expect(analyze("communs commun")).toEqual(["commun", "commun"]);
  });

  it("keeps acronyms whole instead of stemming them", () => {
    // An unknown lower-case word loses its final s to the stemmer; the same letters in capitals do not.
    expect(analyze("abcds")).not.toEqual(["abcds"]);
    expect(analyze("ABCDS")).toEqual(["abcds"]);
    expect(analyze("DDETS")).toEqual(["ddets"]);
    expect(analyze("Les SCIC et l'ESUS")).toEqual(["scic", "esus"]);
    expect(words("la SIAE").find((w) => w.word === "siae")?.acronym).toBe(true);
    // short acronyms survive the stopword list and the one-letter filter
    expect(analyze("ESS")).toEqual(["ess"]);
  });

  it("recognises the glossary's acronyms typed in lower case", () => {
    // "ddets" and "siae" would otherwise be stemmed like ordinary words ("abcds" → "abcd" above)
    expect(analyze("la ddets du gard")).toEqual(["ddets", "gard"]);
    expect(analyze("une siae")).toEqual(["siae"]);
  });

  it("joins thousands in numbers", () => {
    expect(analyze("250 000 €")).toEqual(["250000"]);
    expect(analyze("1\u202f500 euros")).toContain("1500");
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(analyze("")).toEqual([]);
    expect(analyze("?!… — « »")).toEqual([]);
  });
});

describe("SynonymExpander", () => {
  const custom = new SynonymExpander([
    ["ESUS", "entreprise solidaire d'utilité sociale"],
    ["subvention", "aide financière", "grant"],
  ]);

  it("expands an acronym to its French expansion and back", () => {
    expect(custom.expand(analyze("agrément ESUS"))).toEqual(analyze("entreprise solidaire d'utilité sociale"));
    expect(custom.expand(analyze("une entreprise solidaire d'utilité sociale"))).toEqual(["esus"]);
  });

  it("expands English words to the French terms, without repeating query terms", () => {
    const extra = custom.expand(analyze("grant for my project"));
    expect(extra).toEqual(expect.arrayContaining(analyze("subvention aide financière")));
    expect(extra).not.toContain(stem("grant"));
    expect(custom.expand(analyze("rien à voir"))).toEqual([]);
  });

  it("needs the whole multi-word phrase, in order", () => {
    expect(custom.expand(analyze("entreprise sociale"))).toEqual([]);
    expect(custom.expand(analyze("aide financière"))).toEqual(expect.arrayContaining([stem("subvention"), "grant"]));
  });

  it("maps each phrase token to the tokens that may stand for it", () => {
    const alts = custom.alternatives(analyze("ESUS"));
    expect([...(alts.get("esus") ?? [])].sort()).toEqual([...analyze("entreprise solidaire d'utilité sociale")].sort());
  });

  it("loads the bundled glossary: ESUS ↔ its expansion, grant → subvention", () => {
    const s = SynonymExpander.fromKnowledge(path.resolve("knowledge"));
    expect(s.size).toBeGreaterThan(20);
    expect(s.expand(analyze("ESUS"))).toEqual(expect.arrayContaining(analyze("entreprise solidaire d'utilité sociale")));
    expect(s.expand(analyze("entreprise solidaire d'utilité sociale"))).toContain("esus");
    expect(s.expand(analyze("grant"))).toContain(stem("subvention"));
  });

  it("reads short English follow-ups in the glossary's words: cross-cutting, partners, nationwide", () => {
    const s = SynonymExpander.fromKnowledge(path.resolve("knowledge"));
    // « and a cross-cutting one? » is the transversal axis, "partners" the structures of a consortium, "nationwide" France.
    expect(s.expand(analyze("cross-cutting"))).toEqual(expect.arrayContaining(analyze("axe transversal")));
    expect(s.expand(analyze("partners"))).toEqual(expect.arrayContaining(analyze("partenaires")));
    expect(s.expand(analyze("nationwide"))).toEqual(expect.arrayContaining(analyze("France")));
  });

  it("is empty, not failing, without a glossary file", () => {
    expect(SynonymExpander.fromKnowledge("/nonexistent-folder").size).toBe(0);
  });
});

describe("looksEnglish", () => {
  it("reads short English questions that hold few of the commonest function words", () => {
    for (const q of ["Was it voted by every group?", "Has the cooperative been approved yet?", "When was that plan adopted?", "Did they hold it at Alès?"])
      expect(looksEnglish(q), q).toBe(true);
  });

  it("keeps French questions French, SMS spellings and words both languages share included", () => {
    for (const q of [
      "Le plan a été voté par tous les groupes ?",
      "apel a projet kel budget par an",
      "c koi le montant max ?",
      "on a un an pour déposer ?",
      "Et il a été adopté quand, ce plan ?",
    ])
      expect(looksEnglish(q), q).toBe(false);
  });
});
