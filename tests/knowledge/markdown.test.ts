import { describe, expect, it } from "vitest";
import { KnowledgeLoadError } from "../../src/knowledge/loaders/common.js";
import { loadMarkdown, markdownOutline, stripInline } from "../../src/knowledge/loaders/markdown.js";
import { markdownDoc } from "./fixtures.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("stripInline", () => {
  it("removes emphasis, code and link markup but keeps the words", () => {
    expect(stripInline("Le **schéma** est *voté* et __adopté__ avec _soin_.")).toBe("Le schéma est voté et adopté avec soin.");
    expect(stripInline("Voir [le site du Gard](https://www.gard.fr/ess) et ![logo](logo.png).")).toBe("Voir le site du Gard et logo.");
    expect(stripInline("Code `npm run` et ~~barré~~, <https://rtes.fr> et [réf][1].")).toBe("Code npm run et barré, https://rtes.fr et réf.");
    // Intra-word underscores and lone asterisks are not emphasis.
    expect(stripInline("snake_case_name et 3 * 4")).toBe("snake_case_name et 3 * 4");
  });
});

describe("markdownOutline", () => {
  it("keeps list items and table rows as lines, joins soft-wrapped paragraphs", () => {
    const items = markdownOutline(
      [
        "Un paragraphe",
        "sur deux lignes.",
        "",
        "- premier **point**",
        "- second point",
        "  qui continue",
        "1. étape un",
        "",
        "| Dispositif | Opérateur |",
        "|---|---|",
        "| DLA | France Active |",
        "",
        "```",
        "# pas un titre",
        "```",
      ].join("\n"),
    );
    expect(items).toEqual([
      { type: "block", text: "Un paragraphe sur deux lignes." },
      { type: "block", text: "- premier point\n- second point qui continue\n1. étape un" },
      { type: "block", text: "Dispositif ; Opérateur\nDLA ; France Active" },
      { type: "block", text: "# pas un titre" },
    ]);
  });
});

describe("loadMarkdown", () => {
  it("validates front matter and builds heading paths [title, h2, h3]", () => {
    const text = markdownDoc(
      { id: "axe-1", title: '"Axe 1 : coopérations"', kind: "axe", tags: "[coopération, PTCE]" },
      [
        "# Axe 1 du schéma",
        "",
        "Introduction de l'axe consacré aux coopérations locales du Gard, avec assez de texte.",
        "",
        "## Fiche-action 1.1",
        "",
        "Les **pôles territoriaux** de coopération sont soutenus par le [Département](https://www.gard.fr/).",
        "",
        "### Critères",
        "",
        "- ancrage *local* dans une commune du Gard et gouvernance partagée entre les membres",
        "- utilité sociale démontrée",
        "",
        "## Fiche-action 1.2",
        "",
        "Le Département anime un réseau de tiers-lieux ruraux pour l'accompagnement des porteurs.",
      ].join("\n"),
    );
    const doc = loadMarkdown({ bytes: enc(text), displayPath: "schema/axe-1.md" });
    expect(doc.meta).toMatchObject({ id: "axe-1", title: "Axe 1 : coopérations", kind: "axe", tags: ["coopération", "PTCE"] });
    expect(doc.meta.updated).toBeInstanceOf(Date);
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ["Axe 1 : coopérations"],
      ["Axe 1 : coopérations", "Fiche-action 1.1"],
      ["Axe 1 : coopérations", "Fiche-action 1.1", "Critères"],
      ["Axe 1 : coopérations", "Fiche-action 1.2"],
    ]);
    const all = doc.sections.flatMap((s) => s.blocks.map((b) => b.text)).join("\n");
    expect(all).toContain("Les pôles territoriaux de coopération sont soutenus par le Département.");
    expect(all).toContain("- ancrage local dans une commune");
    expect(all).not.toMatch(/\*|\]\(|https:/);
    expect(doc.body).toContain("Fiche-action 1.2");
  });

  it("treats several level-1 headings as sections, not as the title", () => {
    const text = markdownDoc({}, "# Partie A\n\nTexte A.\n\n# Partie B\n\nTexte B.");
    const doc = loadMarkdown({ bytes: enc(text), displayPath: "x.md" });
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ["Document de test", "Partie A"],
      ["Document de test", "Partie B"],
    ]);
  });

  it("rejects invalid front matter naming the file and each issue", () => {
    const text = markdownDoc({ id: "Mauvais Id", kind: "brochure", status: "peut-être", extra: "x" }, "Texte.");
    let err: unknown;
    try {
      loadMarkdown({ bytes: enc(text), displayPath: "mesures/mauvais.md" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KnowledgeLoadError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^mesures\/mauvais\.md : /);
    for (const field of ["id", "kind", "status"]) expect(msg).toMatch(new RegExp(`- ${field} : `));
    expect(msg).toContain("extra");
    expect((err as KnowledgeLoadError).path).toBe("mesures/mauvais.md");
  });

  it("applies the schema's cross-field rules (a mesure needs its axis)", () => {
    const text = markdownDoc({ kind: "mesure" }, "Texte.");
    expect(() => loadMarkdown({ bytes: enc(text), displayPath: "m.md" })).toThrow(/m\.md : .*\n.*axis/);
  });

  it("reports a missing or unreadable front matter", () => {
    expect(() => loadMarkdown({ bytes: enc("# Juste un titre\n"), displayPath: "nu.md" })).toThrow(/nu\.md : en-tête YAML .*absent/);
    expect(() => loadMarkdown({ bytes: enc("---\nid: [oops\n---\nTexte"), displayPath: "casse.md" })).toThrow(/casse\.md : en-tête YAML .*illisible/);
  });
});
