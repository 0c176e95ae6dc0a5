/**
 * The check of generated answers (src/answer/citations.ts, figures.ts) on
 * synthetic passages: a sentence without a valid citation is dropped whole,
 * markers are renumbered, and an amount or date found in no cited passage
 * rejects the answer.
 */
import { describe, expect, it } from "vitest";
import { checkCitations, splitGeneratedSentences } from "../../src/answer/citations.js";
import { extractFigures, sameFigure } from "../../src/answer/figures.js";

const P = (text: string, title = "Document") => ({ chunk: { text, title, section: "" } });
const passages = [
  P("L'appel à communs est une mesure du schéma départemental de l'ESS."),
  P("Le schéma a été voté le 8 mars 2024 par l'assemblée départementale."),
  P("France Active Occitanie accorde des garanties jusqu'à 30 000 € et des prêts d'honneur (50 % du besoin)."),
];

describe("checkCitations — sentences", () => {
  it("drops an invented sentence whose citation is invalid, and keeps the cited one", () => {
    const r = checkCitations("L'appel à communs est une mesure du schéma [1]. Le Département verse 5 000 000 € à chaque porteur sans condition [9].", passages);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe("L'appel à communs est une mesure du schéma [1].");
    expect(r.used).toEqual([passages[0]]);
    expect(r.dropped).toBe(1);
  });

  it("drops a sentence without any citation", () => {
    const r = checkCitations("Le schéma a été voté par l'assemblée [2]. C'est une excellente nouvelle pour tous.", passages);
    expect(r.ok && r.text).toBe("Le schéma a été voté par l'assemblée [1].");
  });

  it("drops a sentence mixing a valid and an invalid citation", () => {
    const r = checkCitations("Le schéma est voté [1][7]. L'appel à communs est une mesure [1].", passages);
    expect(r.ok && r.text).toBe("L'appel à communs est une mesure [1].");
  });

  it("renumbers markers in order of use, including grouped markers", () => {
    const r = checkCitations("Le schéma est voté [2]. L'appel à communs en est une mesure [1, 2].", passages);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe("Le schéma est voté [1]. L'appel à communs en est une mesure [2][1].");
    expect(r.used).toEqual([passages[1], passages[0]]);
  });

  it("keeps a marker written after the period with its sentence", () => {
    const r = checkCitations("Le schéma est voté par l'assemblée. [2] Il verse tout à tout le monde.", passages);
    expect(r.ok && r.text).toBe("Le schéma est voté par l'assemblée. [1]");
  });

  it("keeps a list introduction when a cited item follows, and drops uncited items", () => {
    const r = checkCitations(
      "Deux points à retenir :\n- l'appel à communs est une mesure [1]\n- tout le monde est financé\n\nLe schéma est voté [2].",
      passages,
    );
    expect(r.ok && r.text).toBe("Deux points à retenir :\n- l'appel à communs est une mesure [1]\n\nLe schéma est voté [2].");
  });

  it("rejects an answer with no valid citation at all", () => {
    for (const raw of ["Le schéma a été voté, c'est certain.", "Voir le passage [0] et le passage [42].", "[7]", "[1]", ""]) {
      const r = checkCitations(raw, passages);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.reason).toBe("no-cited-sentence");
    }
  });

  it("does not cut sentences at abbreviations", () => {
    expect(splitGeneratedSentences("Voir l'art. 3 de la loi [1]. Contactez M. le directeur [2].")).toEqual([
      "Voir l'art. 3 de la loi [1].",
      "Contactez M. le directeur [2].",
    ]);
  });
});

describe("checkCitations — amounts and dates", () => {
  it("rejects an amount found in no cited passage", () => {
    const r = checkCitations("L'appel à communs est une mesure du schéma et verse 5 000 000 € [1].", passages);
    expect(r).toMatchObject({ ok: false, reason: "unsupported-figure", figure: "5 000 000 €" });
  });

  it("rejects an amount present only in a passage the answer does not cite", () => {
    const r = checkCitations("L'appel à communs prévoit des garanties jusqu'à 30 000 € [1].", passages);
    expect(r).toMatchObject({ ok: false, reason: "unsupported-figure" });
  });

  it("accepts an amount written differently in the cited passage (30 k€ = 30 000 €)", () => {
    const r = checkCitations("France Active garantit jusqu'à 30 k€ [3], soit 50 % du besoin au plus [3].", passages);
    expect(r.ok).toBe(true);
  });

  it("rejects a date found in no cited passage, accepts a date contained in one", () => {
    expect(checkCitations("Le schéma a été voté le 12 juin 2019 [2].", passages)).toMatchObject({ ok: false, reason: "unsupported-figure" });
    expect(checkCitations("Le schéma a été voté en 2023 [2].", passages)).toMatchObject({ ok: false });
    expect(checkCitations("Le schéma a été voté le 8 mars 2024 [2].", passages).ok).toBe(true);
    expect(checkCitations("Le schéma a été voté en mars 2024 [2].", passages).ok).toBe(true);
    expect(checkCitations("Le schéma a été voté le 08/03/2024 [2].", passages).ok).toBe(true);
    expect(checkCitations("Le schéma a été voté en 2024 [2].", passages).ok).toBe(true);
  });

  it("checks only kept sentences: a figure in a dropped sentence does not reject the answer", () => {
    const r = checkCitations("Le schéma a été voté le 8 mars 2024 [2]. Il verse 5 000 000 € [9].", passages);
    expect(r.ok && r.text).toBe("Le schéma a été voté le 8 mars 2024 [1].");
  });
});

describe("extractFigures", () => {
  it("reads amounts, rates and dates in their French forms", () => {
    const f = extractFigures("5 millions d'euros, 5\u202f000\u202f000 €, 30k€, 12,5 %, le 1er avril 2025, en mai 2024, le 3 juin, en 2019");
    expect(f.map((x) => x.kind)).toEqual(["amount", "amount", "amount", "percent", "date", "date", "date", "date"]);
    expect(sameFigure(f[0]!, f[1]!)).toBe(true);
    expect(f[2]).toMatchObject({ value: 30_000 });
    expect(f[3]).toMatchObject({ value: 12.5 });
    expect(f[4]).toMatchObject({ y: 2025, m: 4, d: 1 });
    expect(f[5]).toMatchObject({ y: 2024, m: 5 });
    expect(f[6]).toMatchObject({ m: 6, d: 3 });
    expect(f[7]).toMatchObject({ y: 2019 });
  });

  it("ignores plain counts, codes and article numbers", () => {
    expect(extractFigures("14 parcours, 3 axes, code postal 30100, article L. 3332-17-1")).toEqual([]);
  });
});
