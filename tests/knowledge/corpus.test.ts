import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintCorpus, listDocuments, loadCorpus, sha256 } from "../../src/knowledge/corpus.js";
import { makeDocx, markdownDoc, schemaPdf, tempDir } from "./fixtures.js";

const body = (topic: string) =>
  `# ${topic}\n\n## Présentation\n\nCe document décrit ${topic} dans le cadre du schéma départemental de l'ESS du Gard, voté le 8 mars 2024.\n\n## Contacts\n\nLa mission ESS du Département oriente les porteurs de projet vers le bon interlocuteur.\n`;

describe("loadCorpus", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
    const put = async (rel: string, content: string | Uint8Array) => {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), content);
    };
    await put("schema/axe-1.md", markdownDoc({ id: "axe-1", kind: "axe" }, body("l'axe 1")));
    await put("mesures/gard-centrale.md", markdownDoc({ id: "gard-centrale", kind: "mesure", axis: "axe-1" }, body("Gard centrale")));
    // Duplicate id, in a later path.
    await put("z-doublon/axe-1-bis.md", markdownDoc({ id: "axe-1", kind: "axe" }, body("un doublon")));
    // Invalid front matter.
    await put("mesures/invalide.md", markdownDoc({ id: "invalide", kind: "inconnu" }, body("rien")));
    // Skipped folders and non-documents.
    await put("regles/eligibilite.md", markdownDoc({ id: "regle" }, body("une règle")));
    await put("report/rapport.md", "pas de front matter");
    await put("processus/directory/annuaire.md", "pas de front matter");
    await put("processus/dla.md", markdownDoc({ id: "doc-dla" }, body("le DLA")));
    await put("lexique/abreviations.yaml", "ESS: économie sociale et solidaire\n");
    await put("README.md", "# Dossier de connaissances\n");
    // Binary documents dropped without sidecar.
    await put("schema/officiel/Schéma officiel.pdf", await schemaPdf());
    await put(
      "schema/plan.docx",
      await makeDocx([{ heading: "title", text: "Plan d'actions" }, { text: "Le plan d'actions détaille les fiches-actions du schéma de l'ESS." }]),
    );
    await put("schema/corrompu.pdf", new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)));
  });
  afterAll(() => cleanup());

  it("lists documents recursively, skipping rule, report and directory folders", async () => {
    expect(await listDocuments(root)).toEqual([
      "mesures/gard-centrale.md",
      "mesures/invalide.md",
      "processus/dla.md",
      "schema/axe-1.md",
      "schema/corrompu.pdf",
      "schema/officiel/Schéma officiel.pdf",
      "schema/plan.docx",
      "z-doublon/axe-1-bis.md",
    ]);
  });

  it("loads every document, collects errors, rejects duplicate ids", async () => {
    const { docs, errors } = await loadCorpus(root);
    expect(docs.map((d) => d.path).sort()).toEqual([
      "mesures/gard-centrale.md",
      "processus/dla.md",
      "schema/axe-1.md",
      "schema/officiel/Schéma officiel.pdf",
      "schema/plan.docx",
    ]);
    expect(errors.map((e) => e.path).sort()).toEqual(["mesures/invalide.md", "schema/corrompu.pdf", "z-doublon/axe-1-bis.md"]);
    const dup = errors.find((e) => e.path === "z-doublon/axe-1-bis.md")!;
    expect(dup.message).toContain("schema/axe-1.md");
    expect(dup.message).toContain("z-doublon/axe-1-bis.md");
    expect(dup.message).toContain("axe-1");
    expect(errors.find((e) => e.path === "mesures/invalide.md")!.message).toMatch(/kind : /);

    const pdf = docs.find((d) => d.path.endsWith(".pdf"))!;
    expect(pdf.meta).toMatchObject({ id: "schema-officiel", kind: "schema", nature: "engagement-schema", status: "confirmed", audience: "all", sources: [] });
    expect(pdf.chunks.some((c) => c.page === 2)).toBe(true);
    const docx = docs.find((d) => d.path.endsWith(".docx"))!;
    expect(docx.meta).toMatchObject({ id: "plan", title: "Plan d'actions", kind: "schema" });

    const axe = docs.find((d) => d.meta.id === "axe-1")!;
    expect(axe.hash).toBe(sha256(new TextEncoder().encode(markdownDoc({ id: "axe-1", kind: "axe" }, body("l'axe 1")))));
    expect(axe.chunks.map((c) => c.id)).toEqual(axe.chunks.map((_, i) => `axe-1#${i + 1}`));
    expect(axe.chunks.map((c) => c.headingPath)).toEqual([
      ["Document de test", "Présentation"],
      ["Document de test", "Contacts"],
    ]);
    for (const d of docs) for (const c of d.chunks) expect(c.docId).toBe(d.meta.id);
  });

  it("gives the same chunk ids and hashes across runs", async () => {
    const a = await loadCorpus(root);
    const b = await loadCorpus(root);
    const key = (r: typeof a) => r.docs.map((d) => [d.hash, d.chunks.map((c) => `${c.id}|${c.text}`)]);
    expect(key(b)).toEqual(key(a));
  });

  it("fingerprints documents and sidecars without parsing them", async () => {
    const a = await fingerprintCorpus(root);
    expect(a.files.map((f) => f.path)).toContain("schema/plan.docx");
    expect(a.files.map((f) => f.path)).not.toContain("regles/eligibilite.md");
    expect(await fingerprintCorpus(root)).toEqual(a);
    const sidecar = path.join(root, "schema/plan.docx.meta.yaml");
    await writeFile(sidecar, "kind: legal\nnature: contexte-legal\n");
    try {
      const b = await fingerprintCorpus(root);
      expect(b.hash).not.toBe(a.hash);
      expect(b.files.map((f) => f.path)).toContain("schema/plan.docx.meta.yaml");
    } finally {
      await rm(sidecar);
    }
  });

  it("returns an error, not an exception, for a missing root", async () => {
    const r = await loadCorpus(path.join(root, "absent"));
    expect(r.docs).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain("absent");
  });

  it("loads 60 Markdown files (their speed: scripts/bench-micro.ts)", async () => {
    const { dir, cleanup: done } = await tempDir();
    try {
      for (let i = 0; i < 60; i++) {
        const long = Array.from({ length: 12 }, (_, k) => `## Section ${k}\n\n${"Texte de la section sur l'ESS gardoise. ".repeat(20)}\n`).join("\n");
        await writeFile(path.join(dir, `doc-${i}.md`), markdownDoc({ id: `doc-${i}` }, long));
      }
      const r = await loadCorpus(dir);
      expect(r.errors).toEqual([]);
      expect(r.docs).toHaveLength(60);
    } finally {
      await done();
    }
  });
});
