/**
 * The links between a project's needs, the schema's measures and axes and the 14
 * support processes: one data file the ESS team edits (knowledge/liens-schema.yaml),
 * validated here with zod and compiled for matching. The report reads the same file
 * for its process → axis mapping (src/report/axes.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { PROCESS_IDS, ProcessId } from "../domain/ids.js";
import { knowledgePaths } from "../core/paths.js";
import { LegalForm } from "../eligibility/facts.js";
import { compileGroups, type PhraseGroups } from "../retrieval/phrases.js";
import { analyze } from "../retrieval/analyzer.js";
import { RelaisError } from "../core/errors.js";

export const LINKS_FILE_NAME = "liens-schema.yaml";

/** confirme: the cited source states the link; hypothese: the team's inference, shown "à vérifier". */
export const LinkStatus = z.enum(["confirme", "hypothese"]);
export type LinkStatus = z.infer<typeof LinkStatus>;

const DocId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "identifiant de document en minuscules avec des tirets");

const NeedFacts = z
  .object({
    legalForm: z.array(LegalForm).optional(),
    inQpv: z.boolean().optional(),
    bankAccess: z.boolean().optional(),
    essStatutes: z.boolean().optional(),
    partnerStructuresMin: z.number().int().positive().optional(),
    employeesMin: z.number().int().nonnegative().optional(),
  })
  .strict();
export type NeedFacts = z.infer<typeof NeedFacts>;

const Link = z
  .object({
    processus: ProcessId,
    poids: z.number().min(0.05).max(2),
    mesures: z.array(DocId).default([]),
    axe: z.string().min(1),
    statut: LinkStatus,
    pourquoi: z.string().min(10),
    source: z.string().url(),
  })
  .strict();

const Need = z
  .object({
    id: DocId,
    libelle: z.string().min(3),
    expressions: z.array(z.coerce.string().min(1)).default([]),
    faits: NeedFacts.optional(),
    /** Both the facts and an expression are needed (default: either). */
    exige: z.array(z.enum(["faits", "expressions"])).optional(),
    /**
     * The facts that show it only say where the project is (a quartier prioritaire): shown by them alone, with no expression,
     * the need weighs this much when the message asks for another need.
     */
    contexte: z.number().min(0.1).max(1).optional(),
    /**
     * Its expressions may only name what the carrier is (« un chantier d'insertion… demande un appui pour sa trésorerie »):
     * when none of them is in what the message asks and the message asks another need, the processes of this need keep this
     * share of their score (the need and the routing rules alike).
     */
    identite: z.number().min(0.1).max(1).optional(),
    /**
     * Facts saying the carrier already has what the need seeks (« notre SAS agréée ESUS »): when they hold and the message does not
     * ask for the need, its expressions name what the carrier is, and its processes keep the « identite » share of their score (0.3 without one).
     */
    acquis: z.array(z.enum(["esusApproved"])).optional(),
    /**
     * Expressions that show the need only in a question of the message, and only when its facts hold: « Existe-t-il un relais
     * dans le quartier ? » asks for the neighbourhood's schemes when the project is in a quartier prioritaire.
     */
    en_question: z.array(z.coerce.string().min(1)).optional(),
    liens: z.array(Link).min(1),
  })
  .strict()
  .refine((n) => n.expressions.length > 0 || n.faits !== undefined, { message: "un besoin a des expressions ou des faits" });

const ProcessLinks = z
  .object({
    axe: z.string().min(1),
    statut: LinkStatus,
    source: z.string().url(),
    documents: z.array(DocId).min(1),
    mesures: z.array(DocId).default([]),
    demarche: z.string().min(10),
    pourquoi: z.string().min(10),
  })
  .strict();

export const LinksFile = z
  .object({
    statut: z.string().min(1),
    avertissement: z.string().min(1),
    axes: z.array(z.object({ id: z.string().min(1), libelle: z.string().min(1), document: DocId.optional() }).strict()).min(1),
    processus: z.record(z.string(), ProcessLinks),
    besoins: z.array(Need).min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const axes = new Set(f.axes.map((a) => a.id));
    for (const [p, links] of Object.entries(f.processus)) {
      if (!ProcessId.safeParse(p).success) ctx.addIssue({ code: "custom", message: `processus inconnu « ${p} »`, path: ["processus", p] });
      if (!axes.has(links.axe)) ctx.addIssue({ code: "custom", message: `processus ${p} : axe inconnu « ${links.axe} »`, path: ["processus", p] });
    }
    for (const p of PROCESS_IDS) {
      if (!(p in f.processus)) ctx.addIssue({ code: "custom", message: `processus ${p} non rattaché à un axe`, path: ["processus"] });
    }
    const ids = new Set<string>();
    f.besoins.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: "custom", message: `besoin ${n.id} en double`, path: ["besoins", i] });
      ids.add(n.id);
      for (const l of n.liens)
        if (!axes.has(l.axe)) ctx.addIssue({ code: "custom", message: `besoin ${n.id} : axe inconnu « ${l.axe} »`, path: ["besoins", i] });
    });
  });
export type LinksFile = z.infer<typeof LinksFile>;

export interface NeedLink {
  process: ProcessId;
  weight: number;
  measures: string[];
  axis: string;
  status: LinkStatus;
  why: string;
  source: string;
}

export interface Need {
  id: string;
  label: string;
  /** Compiled expressions (one alternative each). */
  phrases: PhraseGroups[number];
  facts?: NeedFacts;
  requires: { facts: boolean; expressions: boolean };
  /** Strength of the need shown only by facts of place when another need is asked (the file's « contexte »). */
  context?: number;
  /** Share of its processes' score when it only names what the carrier is (the file's « identite »). */
  identity?: number;
  /** Facts saying the carrier already has what the need seeks (the file's « acquis »). */
  held?: "esusApproved"[];
  /** Expressions that count only in a question of the message, when the need's facts hold (the file's « en_question »). */
  questionPhrases?: PhraseGroups[number];
  links: NeedLink[];
}

export interface ProcessLink {
  axis: string;
  status: LinkStatus;
  source: string;
  documents: string[];
  measures: string[];
  apply: string;
  /** What the process offers, in one sentence (cited to its first document). */
  why: string;
}

export interface SchemaLinks {
  file: string;
  status: string;
  warning: string;
  axes: { id: string; label: string; document?: string }[];
  processes: Record<ProcessId, ProcessLink>;
  needs: Need[];
}

/** The process each measure of the links file belongs to (the first process that lists it wins). */
export function processOfDoc(links: SchemaLinks): (docId: string) => ProcessId | undefined {
  const byDoc = new Map<string, ProcessId>();
  for (const [process, link] of Object.entries(links.processes) as [ProcessId, ProcessLink][])
    for (const doc of link.measures) if (!byDoc.has(doc)) byDoc.set(doc, process);
  return (docId) => byDoc.get(docId);
}

export class LinksError extends RelaisError {
  readonly code = "knowledge.links";
}

/** Reads and validates a links file (throws LinksError with every problem, in French). */
export function readLinksFile(file: string, colloquialFile?: string): SchemaLinks {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new LinksError(`Fichier des liens du schéma illisible (${file}) : ${(err as Error).message}`);
  }
  const parsed = LinksFile.safeParse(raw);
  if (!parsed.success) {
    throw new LinksError(`Fichier des liens du schéma invalide (${file}) : ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join(" ; ")}`);
  }
  const f = parsed.data;
  const colloquial = colloquialWords(colloquialFile);
  const compile = (expressions: string[]) => unique(withColloquial(compileGroups([expressions])[0] ?? [], colloquial));
  const processes = Object.fromEntries(
    Object.entries(f.processus).map(([p, l]) => [
      p,
      { axis: l.axe, status: l.statut, source: l.source, documents: l.documents, measures: l.mesures, apply: l.demarche, why: l.pourquoi },
    ]),
  ) as Record<ProcessId, ProcessLink>;
  return {
    file,
    status: f.statut,
    warning: f.avertissement,
    axes: f.axes.map((a) => ({ id: a.id, label: a.libelle, document: a.document })),
    processes,
    needs: f.besoins.map((n) => ({
      id: n.id,
      label: n.libelle,
      phrases: compile(n.expressions),
      facts: n.faits,
      requires: { facts: n.exige?.includes("faits") ?? false, expressions: n.exige?.includes("expressions") ?? false },
      ...(n.contexte !== undefined ? { context: n.contexte } : {}),
      ...(n.identite !== undefined ? { identity: n.identite } : {}),
      ...(n.acquis?.length ? { held: n.acquis } : {}),
      ...(n.en_question?.length ? { questionPhrases: compile(n.en_question) } : {}),
      links: n.liens.map((l) => ({
        process: l.processus,
        weight: l.poids,
        measures: l.mesures,
        axis: l.axe,
        status: l.statut,
        why: l.pourquoi,
        source: l.source,
      })),
    })),
  };
}

/**
 * The colloquial words of the lexicon (knowledge/lexique/familier.yaml) that stand for one plain word (« bosser » for
 * « travailler », « boulot » for « travail »), as analysed words: plain word → its colloquial forms.
 */
function colloquialWords(file: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!file || !existsSync(file)) return out;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch {
    return out;
  }
  if (!raw || typeof raw !== "object") return out;
  for (const [from, to] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof to !== "string") continue;
    const a = analyze(from, { keepStopwords: true });
    const b = analyze(to, { keepStopwords: true });
    if (a.length !== 1 || b.length !== 1 || a[0] === b[0]) continue;
    const forms = out.get(b[0]!) ?? [];
    if (!forms.includes(a[0]!)) forms.push(a[0]!);
    out.set(b[0]!, forms);
  }
  return out;
}

/**
 * A need's expressions also in colloquial words (« travailler pour le Département » is also « bosser pour le Département »):
 * the message is read as written, and the lexicon says which familiar word stands for a plain one.
 */
function withColloquial(phrases: string[][], colloquial: Map<string, string[]>): string[][] {
  if (colloquial.size === 0) return phrases;
  const out = [...phrases];
  for (const p of phrases)
    p.forEach((w, i) => {
      for (const form of colloquial.get(w) ?? []) out.push(p.map((x, j) => (j === i ? form : x)));
    });
  return out;
}

/** Expressions that analyse to the same words ("partager", "partagé") count once. */
function unique(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((p) => !seen.has(p.join(" ")) && !!seen.add(p.join(" ")));
}

const cache = new Map<string, SchemaLinks>();

/** The links file of a knowledge folder (the configured KNOWLEDGE_DIR), loaded once per folder. */
export function loadSchemaLinks(knowledgeDir: string): SchemaLinks {
  const file = knowledgePaths(knowledgeDir).links;
  let links = cache.get(file);
  if (!links) {
    links = readLinksFile(file, knowledgePaths(knowledgeDir).colloquial);
    cache.set(file, links);
  }
  return links;
}
