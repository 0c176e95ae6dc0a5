/**
 * A tiny knowledge folder written at test time: three Markdown documents with
 * valid front matter (src/knowledge/schema.ts), one of them for agents only,
 * and a small synonym file.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface DocSpec {
  id: string;
  title: string;
  kind: string;
  nature: string;
  audience?: "all" | "agent";
  tags?: string[];
  body: string;
}

export function markdown(d: DocSpec): string {
  return [
    "---",
    `id: ${d.id}`,
    `title: "${d.title}"`,
    `kind: ${d.kind}`,
    `nature: ${d.nature}`,
    "status: confirmed",
    "sources:",
    `  - https://example.org/${d.id}`,
    "updated: 2025-03-01",
    `audience: ${d.audience ?? "all"}`,
    `tags: [${(d.tags ?? []).join(", ")}]`,
    "---",
    "",
    `# ${d.title}`,
    "",
    d.body,
    "",
  ].join("\n");
}

export const SUBVENTIONS: DocSpec = {
  id: "subventions-departement",
  title: "Les subventions du Département aux associations",
  kind: "legal",
  nature: "contexte-legal",
  tags: ["subvention", "financement"],
  body: [
    "## Qui peut demander une subvention",
    "",
    "Le Département du Gard peut verser une subvention de fonctionnement ou d'investissement à une association dont le projet présente un intérêt départemental. La demande de subvention se dépose avec un budget prévisionnel et les statuts de l'association.",
    "",
    "## Convention au-delà de 23 000 euros",
    "",
    "Au-delà de 23 000 euros d'aide publique par an, une convention d'objectifs est obligatoire entre le Département et l'association bénéficiaire.",
  ].join("\n"),
};

export const INCUBATEUR: DocSpec = {
  id: "incubateur-innovation-sociale",
  title: "L'incubateur d'innovation sociale",
  kind: "partner",
  nature: "acteur",
  tags: ["incubation", "innovation sociale"],
  body: [
    "## Un programme d'incubation",
    "",
    "L'incubateur accompagne pendant dix-huit mois les porteurs de projets d'innovation sociale : ateliers collectifs, mentorat, étude de marché et recherche de partenaires. La sélection des projets se fait après un comité de sélection deux fois par an.",
  ].join("\n"),
};

export const NOTE_AGENTS: DocSpec = {
  id: "note-instruction-interne",
  title: "Note interne : circuit d'instruction des dossiers",
  kind: "territory",
  nature: "donnee-territoire",
  audience: "agent",
  tags: ["instruction", "interne"],
  body: [
    "## Circuit de validation",
    "",
    "Chaque dossier est instruit par le chargé de mission référent, visé par le chef de service, puis présenté en commission permanente pour délibération. Le tableau de bord des référents territoriaux est mis à jour chaque lundi.",
  ].join("\n"),
};

export const SYNONYMS_YAML = [
  "- terms: [subvention, subventions, aide financière, grant, grants, subsidy]",
  "- terms: [incubateur, incubation, incubator]",
  "",
].join("\n");

export interface KnowledgeFixture {
  root: string;
  knowledgeDir: string;
  dataDir: string;
  write(spec: DocSpec): Promise<void>;
  cleanup(): Promise<void>;
}

/** A temp folder with knowledge/ (the three documents + glossary) and data/. */
export async function knowledgeFixture(docs: DocSpec[] = [SUBVENTIONS, INCUBATEUR, NOTE_AGENTS]): Promise<KnowledgeFixture> {
  const root = await mkdtemp(path.join(tmpdir(), "relais-retrieval-"));
  const knowledgeDir = path.join(root, "knowledge");
  const dataDir = path.join(root, "data");
  await mkdir(path.join(knowledgeDir, "docs"), { recursive: true });
  await mkdir(path.join(knowledgeDir, "glossaire"), { recursive: true });
  await writeFile(path.join(knowledgeDir, "glossaire", "synonymes.yaml"), SYNONYMS_YAML);
  const write = (d: DocSpec) => writeFile(path.join(knowledgeDir, "docs", `${d.id}.md`), markdown(d));
  for (const d of docs) await write(d);
  return { root, knowledgeDir, dataDir, write, cleanup: () => rm(root, { recursive: true, force: true }) };
}
