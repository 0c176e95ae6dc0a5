/**
 * Test fixtures generated at test time (no binary files in the repository):
 * PDFs with pdfkit, DOCX with the `docx` package, Markdown as strings.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";

export async function tempDir(prefix = "relais-kb-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

type PdfOp = (doc: PDFKit.PDFDocument) => void;

/** Render a PDF with pdfkit; `ops` draw the content. */
export function makePdf(ops: PdfOp[], info: Record<string, string> = {}): Promise<Buffer> {
  const doc = new PDFDocument({ info, margin: 72 });
  const parts: Buffer[] = [];
  doc.on("data", (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.on("error", reject);
  });
  for (const op of ops) op(doc);
  doc.end();
  return done;
}

/**
 * A two-page French "schema" PDF: a 22 pt title, 16 pt axis headings, a body-size
 * "Fiche-action" numbered heading, accents, €, «», œ, a word hyphenated across two lines
 * and a real hyphen at a line end ("Saint-" / "Gilles").
 */
export function schemaPdf(info: Record<string, string> = {}): Promise<Buffer> {
  return makePdf(
    [
      (d) => d.font("Helvetica").fontSize(22).text("Schéma départemental de l'ESS du Gard"),
      (d) => d.moveDown(),
      (d) => d.fontSize(16).text("Axe 1 : Coopérations locales"),
      (d) => d.moveDown(0.5),
      (d) =>
        d
          .fontSize(11)
          .text("Le Département œuvre pour l'accompa-")
          .text("gnement des structures de l'économie sociale et solidaire,")
          .text("avec une enveloppe de « 150 000 € » par an."),
      (d) => d.moveDown(),
      (d) => d.fontSize(11).text("Fiche-action 3 : Gard centrale"),
      (d) => d.moveDown(0.5),
      (d) =>
        d
          .fontSize(11)
          .text("La plateforme Gard centrale réunit les acteurs de l'achat public responsable.")
          .text("Elle est ouverte aux structures d'insertion et aux SCIC du territoire."),
      (d) => d.addPage(),
      (d) => d.fontSize(16).text("Axe 2 : Promotion de l'ESS"),
      (d) => d.moveDown(0.5),
      (d) =>
        d
          .fontSize(11)
          .text("Un forum est organisé chaque année à Saint-")
          .text("Gilles pour présenter les initiatives des coopératives.")
          .text("Les porteurs de projet y rencontrent les financeurs solidaires."),
    ],
    info,
  );
}

export interface DocxPart {
  heading?: "title" | 1 | 2 | 3;
  text: string;
  bullet?: boolean;
}

const LEVELS = {
  title: HeadingLevel.TITLE,
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** Render a DOCX with the `docx` package. */
export function makeDocx(parts: DocxPart[], props: { title?: string } = {}): Promise<Buffer> {
  const doc = new Document({
    ...(props.title ? { title: props.title } : {}),
    sections: [
      {
        children: parts.map((p) =>
          p.heading !== undefined
            ? new Paragraph({ heading: LEVELS[p.heading], children: [new TextRun(p.text)] })
            : new Paragraph({ children: [new TextRun(p.text)], ...(p.bullet ? { bullet: { level: 0 } } : {}) }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A valid Markdown knowledge document. */
export function markdownDoc(fm: Record<string, string>, body: string): string {
  const base: Record<string, string> = {
    id: "doc-test",
    title: "Document de test",
    kind: "schema",
    nature: "engagement-schema",
    status: "confirmed",
    updated: "2025-03-01",
    ...fm,
  };
  const yaml = Object.entries(base)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}
