import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../src/knowledge/corpus.js";
import { KnowledgeLoadError } from "../../src/knowledge/loaders/common.js";
import { joinLines, loadPdf } from "../../src/knowledge/loaders/pdf.js";
import { makePdf, schemaPdf, tempDir } from "./fixtures.js";

describe("joinLines (de-hyphenation)", () => {
  it("joins a word broken across lines and keeps real hyphens before a capital", () => {
    expect(joinLines(["l'accompa-", "gnement des structures"])).toBe("l'accompagnement des structures");
    expect(joinLines(["à Saint-", "Gilles demain"])).toBe("à Saint-Gilles demain");
    expect(joinLines(["un texte", "qui continue"])).toBe("un texte qui continue");
    expect(joinLines(["Liste :", "• premier point", "• second point"])).toBe("Liste :\n- premier point\n- second point");
  });
});

describe("PDF loader", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  it("extracts French text with pages, de-hyphenation and heading paths", async () => {
    const file = path.join(dir, "Schéma ESS Gard.pdf");
    await writeFile(file, await schemaPdf());
    const doc = await loadDocument(file, { root: dir });

    // Synthesised metadata: no sidecar, no PDF Title → title from the first (title) heading.
    expect(doc.meta).toMatchObject({
      id: "schema-ess-gard",
      title: "Schéma départemental de l'ESS du Gard",
      kind: "schema",
      nature: "engagement-schema",
      status: "confirmed",
      audience: "all",
      sources: [],
    });
    expect(doc.meta.updated).toBeInstanceOf(Date);
    expect(doc.path).toBe("Schéma ESS Gard.pdf");
    expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);

    const all = doc.chunks.map((c) => c.text).join("\n");
    expect(all).toContain("l'accompagnement des structures");
    expect(all).not.toContain("accompa-");
    expect(all).toContain("Saint-Gilles");
    expect(all).toContain("« 150 000 € »");
    expect(all).toContain("œuvre");
    expect(all).toContain("économie sociale et solidaire");

    const find = (needle: string) => doc.chunks.find((c) => c.text.includes(needle));
    const axe1 = find("accompagnement");
    expect(axe1?.headingPath).toEqual(["Schéma départemental de l'ESS du Gard", "Axe 1 : Coopérations locales"]);
    expect(axe1?.page).toBe(1);
    const fiche = find("Gard centrale réunit");
    expect(fiche?.headingPath).toEqual(["Schéma départemental de l'ESS du Gard", "Axe 1 : Coopérations locales", "Fiche-action 3 : Gard centrale"]);
    expect(fiche?.page).toBe(1);
    const axe2 = find("Saint-Gilles");
    expect(axe2?.headingPath).toEqual(["Schéma départemental de l'ESS du Gard", "Axe 2 : Promotion de l'ESS"]);
    expect(axe2?.page).toBe(2);
    // Headings are not repeated inside chunk text.
    expect(axe2?.text.startsWith("Axe 2")).toBe(false);
    for (const c of doc.chunks) expect(c.text.trim().length).toBeGreaterThan(0);
  });

  it("takes the PDF Title when present", async () => {
    const bytes = await schemaPdf({ Title: "Schéma ESS officiel 2024" });
    const parsed = await loadPdf({ bytes, displayPath: "officiel.pdf" });
    expect(parsed.meta.title).toBe("Schéma ESS officiel 2024");
    expect(parsed.meta.id).toBe("officiel");
    expect(parsed.sections[0]?.headingPath[0]).toBe("Schéma ESS officiel 2024");
  });

  it("uses a sidecar .meta.yaml over synthesised metadata", async () => {
    const file = path.join(dir, "deliberation.pdf");
    await writeFile(file, await schemaPdf());
    await writeFile(
      `${file}.meta.yaml`,
      [
        "id: deliberation-2024",
        "title: Délibération du 8 mars 2024",
        "kind: concertation",
        "nature: resultat-concertation",
        "status: reported",
        "updated: 2024-03-08",
        "sources: [https://www.gard.fr/]",
        "tags: [vote]",
      ].join("\n"),
    );
    const doc = await loadDocument(file, { root: dir });
    expect(doc.meta).toMatchObject({
      id: "deliberation-2024",
      title: "Délibération du 8 mars 2024",
      kind: "concertation",
      status: "reported",
      sources: ["https://www.gard.fr/"],
      tags: ["vote"],
    });
    expect(doc.meta.updated.toISOString().slice(0, 10)).toBe("2024-03-08");
    expect(doc.chunks[0]?.headingPath[0]).toBe("Délibération du 8 mars 2024");
    expect(doc.chunks[0]?.id).toBe("deliberation-2024#1");
  });

  it("reports an invalid sidecar with the file name and the issue", async () => {
    const file = path.join(dir, "mauvais.pdf");
    await writeFile(file, await schemaPdf());
    await writeFile(`${file}.meta.yaml`, "kind: brochure\n");
    const err = await loadDocument(file, { root: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KnowledgeLoadError);
    expect((err as Error).message).toContain("mauvais.pdf");
    expect((err as Error).message).toMatch(/kind :/);
  });

  it("rejects random bytes with a clear error", async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const err = await loadPdf({ bytes, displayPath: "casse.pdf" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KnowledgeLoadError);
    expect((err as Error).message).toMatch(/^casse\.pdf : .*PDF/);
  });

  it("rejects a PDF without any text", async () => {
    const bytes = await makePdf([(d) => d.rect(100, 100, 50, 50).fill("#000")]);
    const err = await loadPdf({ bytes, displayPath: "scan.pdf" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KnowledgeLoadError);
    expect((err as Error).message).toContain("aucun texte");
  });

  it("keeps tight numbered lists as text, drops the table of contents, merges wrapped headings", async () => {
    const long = "Les structures de l'ESS gardoises coopèrent sur leur territoire pour créer des emplois durables. ";
    const bytes = await makePdf([
      (d) => void d.fontSize(11).text("SOMMAIRE"),
      (d) => void d.moveDown(),
      (d) => void d.fontSize(11).text("Axe 1 : Coopérations ........................ 2").text("Axe 2 : Promotion ........................ 3"),
      (d) => void d.addPage(),
      (d) => void d.fontSize(18).text("Axe 1 : faire émerger et soutenir des coopérations locales adaptées", { width: 300 }),
      (d) => void d.moveDown(),
      (d) => void d.fontSize(11).text("Les objectifs de l'axe sont les suivants :"),
      (d) => void d.text("1. Renforcer les coopérations").text("2. Soutenir les tiers-lieux"),
      (d) => void d.moveDown(),
      (d) => void d.text(long.repeat(80)),
    ]);
    const parsed = await loadPdf({ bytes, displayPath: "structure.pdf" });
    const heading = "Axe 1 : faire émerger et soutenir des coopérations locales adaptées";
    expect(parsed.meta.title).toBe(heading);
    expect(parsed.body).not.toContain("........");
    const withList = parsed.sections.find((s) => s.blocks.some((b) => b.text.includes("Renforcer")));
    expect(withList?.headingPath).toEqual([heading]);
    expect(withList?.blocks.map((b) => b.text)).toContain(
      "Les objectifs de l'axe sont les suivants :\n1. Renforcer les coopérations\n2. Soutenir les tiers-lieux",
    );
    // The long paragraph runs over pages 2 and 3: each chunk carries the page where it starts.
    const { chunkSections } = await import("../../src/knowledge/chunk.js");
    const chunks = chunkSections("structure", parsed.sections);
    const pages = chunks.filter((c) => c.text.includes("coopèrent")).map((c) => c.page);
    expect(pages[0]).toBe(2);
    expect(pages.at(-1)).toBe(3);
    for (const c of chunks) expect(c.headingPath).toEqual([heading]);
  });

  it("rebuilds words of justified text and mixed fonts; falls back to the file name for the title", async () => {
    const sentence =
      "Le Département du Gard soutient les structures de l'économie sociale et solidaire grâce à un schéma voté en 2024 ; les coopératives, associations, mutuelles et fondations y trouvent des outils concrets.";
    const bytes = await makePdf([
      (d) => void d.font("Helvetica").fontSize(11).text(sentence, { align: "justify", width: 300 }),
      (d) => void d.moveDown(),
      (d) => void d.font("Helvetica-Bold").text("Important : ", { continued: true }).font("Helvetica").text("le dossier se dépose en ligne."),
    ]);
    const parsed = await loadPdf({ bytes, displayPath: "j.pdf" });
    expect(parsed.meta.title).toBe("Document j");
    expect(parsed.sections.flatMap((s) => s.blocks.map((b) => b.text))).toEqual([sentence, "Important : le dossier se dépose en ligne."]);
  });

  it("drops page numbers and repeated running headers", async () => {
    const ops = [];
    for (let p = 1; p <= 3; p++) {
      if (p > 1) ops.push((d: PDFKit.PDFDocument) => void d.addPage());
      ops.push((d: PDFKit.PDFDocument) => void d.fontSize(9).text("Département du Gard — Schéma ESS", 72, 40));
      ops.push((d: PDFKit.PDFDocument) => void d.fontSize(11).text(`Contenu de la page numéro ${p} avec du texte suivi.`, 72, 100));
      ops.push((d: PDFKit.PDFDocument) => void d.fontSize(9).text(String(p), 300, 700));
    }
    const parsed = await loadPdf({ bytes: await makePdf(ops), displayPath: "entetes.pdf" });
    expect(parsed.body).not.toContain("Département du Gard — Schéma ESS");
    expect(parsed.body).toContain("Contenu de la page numéro 3");
    const pages = parsed.sections.flatMap((s) => s.blocks.map((b) => b.page));
    expect(new Set(pages)).toEqual(new Set([1, 2, 3]));
    expect(parsed.body.split("\n").some((l) => /^\d+$/.test(l.trim()))).toBe(false);
  });
});
