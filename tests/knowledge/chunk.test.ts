import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkSections, splitSentences, type Section } from "../../src/knowledge/chunk.js";

const sentence = (i: number) => `La phrase numéro ${i} décrit une action du schéma départemental de l'ESS dans le Gard.`;
const paragraph = (from: number, n: number) => Array.from({ length: n }, (_, k) => sentence(from + k)).join(" ");

describe("splitSentences", () => {
  it("splits on sentence ends but not after abbreviations or initials", () => {
    expect(splitSentences("Le schéma est voté. Il dure quatre ans ! Vraiment ? « Oui. » Fin")).toEqual([
      "Le schéma est voté.",
      "Il dure quatre ans !",
      "Vraiment ?",
      "« Oui. »",
      "Fin",
    ]);
    expect(splitSentences("Selon M. Dupont et l'art. L. 3211-1, le Département agit. Ensuite 2025.")).toEqual([
      "Selon M. Dupont et l'art. L. 3211-1, le Département agit.",
      "Ensuite 2025.",
    ]);
  });
});

describe("chunkSections", () => {
  it("keeps one chunk per section with its heading path and page", () => {
    const sections: Section[] = [
      { headingPath: ["Doc"], blocks: [{ text: paragraph(0, 2), page: 1 }] },
      { headingPath: ["Doc", "Axe 1"], blocks: [{ text: paragraph(2, 3), page: 2 }] },
    ];
    const chunks = chunkSections("doc", sections);
    expect(chunks).toEqual([
      { id: "doc#1", docId: "doc", text: paragraph(0, 2), headingPath: ["Doc"], page: 1 },
      { id: "doc#2", docId: "doc", text: paragraph(2, 3), headingPath: ["Doc", "Axe 1"], page: 2 },
    ]);
  });

  it("splits long sections on paragraphs then sentences, ≤ 1 200 chars, one-sentence overlap", () => {
    const blocks = [
      { text: paragraph(0, 6), page: 3 },
      { text: paragraph(6, 6), page: 3 },
      { text: paragraph(12, 30), page: 4 }, // one paragraph longer than the limit
    ];
    const chunks = chunkSections("long", [{ headingPath: ["Doc", "Long"], blocks }]);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1200);
      expect(c.headingPath).toEqual(["Doc", "Long"]);
      // No sentence cut in the middle.
      expect(c.text).toMatch(/^La phrase numéro \d+/);
      expect(c.text).toMatch(/Gard\.$/);
    }
    // Every sentence is somewhere; consecutive chunks share exactly their boundary sentence.
    const all = chunks.map((c) => c.text).join(" ");
    for (let i = 0; i < 42; i++) expect(all).toContain(sentence(i));
    for (let k = 1; k < chunks.length; k++) {
      const prevLast = splitSentences(chunks[k - 1]!.text).at(-1)!;
      expect(splitSentences(chunks[k]!.text)[0]).toBe(prevLast);
    }
    expect(chunks[0]!.page).toBe(3);
    expect(chunks.at(-1)!.page).toBe(4);
  });

  it("merges tiny sections with the next under the common parent heading", () => {
    const chunks = chunkSections("m", [
      { headingPath: ["Doc", "Axe 2"], blocks: [{ text: "Promouvoir l'ESS." }] },
      { headingPath: ["Doc", "Axe 2", "Mesure 2.1"], blocks: [{ text: paragraph(0, 2) }] },
      { headingPath: ["Doc", "Axe 3"], blocks: [{ text: paragraph(2, 2) }] },
      { headingPath: ["Doc", "Axe 3", "Note"], blocks: [{ text: "Court." }] },
    ]);
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ["Doc", "Axe 2"],
      ["Doc", "Axe 3"],
      ["Doc", "Axe 3", "Note"],
    ]);
    expect(chunks[0]!.text).toBe(`Promouvoir l'ESS.\n\nMesure 2.1\n\n${paragraph(0, 2)}`);
    // The last tiny section has no next one: it stays on its own.
    expect(chunks[2]!.text).toBe("Court.");
  });

  it("drops empty sections and blank blocks", () => {
    const chunks = chunkSections("e", [
      { headingPath: ["Doc", "Vide"], blocks: [] },
      { headingPath: ["Doc", "Blanc"], blocks: [{ text: "   \n " }] },
      { headingPath: ["Doc", "Plein"], blocks: [{ text: paragraph(0, 2) }] },
    ]);
    expect(chunks.map((c) => [c.id, c.headingPath])).toEqual([["e#1", ["Doc", "Plein"]]]);
  });

  it("property: non-empty, bounded, sequential ids, deterministic", () => {
    const word = fc.constantFrom("ESS", "coopérative", "Gard", "emploi", "solidaire", "projet", "Département", "aide");
    const sentenceArb = fc
      .array(word, { minLength: 1, maxLength: 40 })
      .map((ws) => ws.join(" ") + ".")
      .map((s) => s[0]!.toUpperCase() + s.slice(1));
    const blockArb = fc.record({
      text: fc.array(sentenceArb, { minLength: 0, maxLength: 25 }).map((ss) => ss.join(" ")),
      page: fc.integer({ min: 1, max: 9 }),
    });
    const sectionArb = fc.record({
      headingPath: fc.array(fc.constantFrom("A", "B", "C"), { minLength: 0, maxLength: 2 }).map((p) => ["Doc", ...p]),
      blocks: fc.array(blockArb, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(sectionArb, { maxLength: 8 }), (sections) => {
        const a = chunkSections("p", sections);
        expect(chunkSections("p", sections)).toEqual(a);
        a.forEach((c, i) => {
          expect(c.id).toBe(`p#${i + 1}`);
          expect(c.text.trim().length).toBeGreaterThan(0);
          expect(c.text.length).toBeLessThanOrEqual(1200);
          expect(c.headingPath[0]).toBe("Doc");
        });
        const hasText = sections.some((s) => s.blocks.some((b) => b.text.trim()));
        expect(a.length > 0).toBe(hasText);
      }),
      { numRuns: 200 },
    );
  });
});
