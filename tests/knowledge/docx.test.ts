import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../src/knowledge/corpus.js";
import { KnowledgeLoadError } from "../../src/knowledge/loaders/common.js";
import { htmlToOutline, loadDocx } from "../../src/knowledge/loaders/docx.js";
import { makeDocx, tempDir } from "./fixtures.js";

describe("DOCX loader", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  it("turns Title / Heading 1 / Heading 2 into heading paths", async () => {
    const bytes = await makeDocx([
      { heading: "title", text: "Plan d'actions ESS du Gard" },
      { text: "Ce plan décline le schéma voté le 8 mars 2024 en actions concrètes pour le territoire." },
      { heading: 1, text: "Axe 1 : Coopérations" },
      { text: "Les coopérations locales répondent aux besoins des territoires ruraux et urbains du Gard." },
      { heading: 2, text: "Fiche-action 1.1 : Pôles territoriaux" },
      { text: "Les pôles territoriaux de coopération économique (PTCE) sont accompagnés par le Département." },
      { text: "Premier critère : ancrage local", bullet: true },
      { text: "Second critère : gouvernance partagée", bullet: true },
      { heading: 1, text: "Axe 2 : Promotion" },
      { text: "Le mois de l'ESS, en novembre, fait connaître les structures gardoises au grand public." },
    ]);
    const file = path.join(dir, "Plan d'actions.docx");
    await writeFile(file, bytes);
    const doc = await loadDocument(file, { root: dir });

    expect(doc.meta).toMatchObject({ id: "plan-d-actions", title: "Plan d'actions ESS du Gard", kind: "schema", status: "confirmed" });
    const title = "Plan d'actions ESS du Gard";
    const byText = (needle: string) => doc.chunks.find((c) => c.text.includes(needle));
    expect(byText("décline le schéma")?.headingPath).toEqual([title]);
    expect(byText("coopérations locales répondent")?.headingPath).toEqual([title, "Axe 1 : Coopérations"]);
    const fiche = byText("PTCE");
    expect(fiche?.headingPath).toEqual([title, "Axe 1 : Coopérations", "Fiche-action 1.1 : Pôles territoriaux"]);
    expect(fiche?.text).toContain("- Premier critère : ancrage local\n- Second critère : gouvernance partagée");
    expect(byText("mois de l'ESS")?.headingPath).toEqual([title, "Axe 2 : Promotion"]);
    expect(doc.chunks.every((c) => c.page === undefined)).toBe(true);
    expect(doc.body).toContain("Axe 2 : Promotion");
  });

  it("prefers the document properties title and honours a sidecar kind", async () => {
    const bytes = await makeDocx(
      [{ heading: 1, text: "Contexte" }, { text: "La loi du 31 juillet 2014 relative à l'économie sociale et solidaire définit le périmètre de l'ESS." }],
      { title: "Cadre légal de l'ESS" },
    );
    const file = path.join(dir, "cadre.docx");
    await writeFile(file, bytes);
    await writeFile(path.join(dir, "cadre.docx.meta.yaml"), "kind: legal\nnature: contexte-legal\n");
    const doc = await loadDocument(file, { root: dir });
    expect(doc.meta).toMatchObject({ id: "cadre", title: "Cadre légal de l'ESS", kind: "legal", nature: "contexte-legal" });
    expect(doc.chunks[0]?.headingPath).toEqual(["Cadre légal de l'ESS", "Contexte"]);
  });

  it("parses lists, tables and entities from mammoth HTML", () => {
    const items = htmlToOutline(
      "<h1>Titre</h1><p>A &amp; B&nbsp;: <strong>gras</strong></p><ol><li>un</li><li>deux</li></ol>" +
        "<table><tr><td><p>Nom</p></td><td><p>Rôle</p></td></tr><tr><td><p>DLA</p></td><td><p>Accompagnement</p></td></tr></table>",
    );
    expect(items).toEqual([
      { type: "heading", level: 1, text: "Titre" },
      { type: "block", text: "A & B : gras" },
      { type: "block", text: "1. un\n2. deux" },
      { type: "block", text: "Nom ; Rôle\nDLA ; Accompagnement" },
    ]);
  });

  it("rejects a file that is not a DOCX", async () => {
    const err = await loadDocx({ bytes: new TextEncoder().encode("pas un document word"), displayPath: "faux.docx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KnowledgeLoadError);
    expect((err as Error).message).toMatch(/^faux\.docx : .*Word/);
  });
});
