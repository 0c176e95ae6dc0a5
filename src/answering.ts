/**
 * Composition root of the answering part: knowledge index → retrieval →
 * routing, guards, answer cards, project fit → the answerer. Built once by the
 * runtime (src/runtime.ts) and once more in each answering worker
 * (src/workers/answer-worker.ts), which load the same index read-only.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { Answerer } from "./answer/answerer.js";
import type { DecisionModels } from "./answer/decision.js";
import { DECISION_MODELS } from "./answer/decision-model.js";
import { loadAspectTerms } from "./answer/followup.js";
import { Guards } from "./answer/guards.js";
import { LiveCards } from "./answer/live-cards.js";
import type { AppConfig } from "./config/env.js";
import { useKnowledgePaths } from "./core/paths.js";
import { warmUpCommunes } from "./eligibility/communes.js";
import { processOfDoc, type SchemaLinks } from "./fit/links.js";
import type { ProcessId } from "./domain/ids.js";
import { ProjectFit } from "./fit/project-fit.js";
import { createChatModel } from "./llm/provider.js";
import { registerPublicNames } from "./privacy/names.js";
import { resetLexicons } from "./retrieval/analyzer.js";
import { createEmbeddings } from "./retrieval/embeddings/index.js";
import { openIndex, type OpenResult } from "./retrieval/index-store.js";
import { addWords, Lexicon, QueryNormalizer, Speller, type Vocabulary } from "./retrieval/normalize.js";
import { Retriever } from "./retrieval/retriever.js";
import { loadDirectory } from "./routing/directory.js";
import { Router } from "./routing/router.js";

export interface AnsweringOptions {
  config: AppConfig;
  /** Override the language model (tests; null: offline). */
  llm?: BaseChatModel | null;
  onIndexProgress?: (done: number, total: number) => void;
  /** Override the fitted answering decisions (null: fixed thresholds; the fitting script). */
  decision?: DecisionModels | null;
  /** Open the index read-only whatever the configuration says (the workers: the runtime built it). */
  readOnly?: boolean;
  logger?: { warn: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void; info?: (o: unknown, m?: string) => void };
}

export interface Answering {
  index: OpenResult;
  retriever: Retriever;
  router: Router;
  llm: BaseChatModel | null;
  fit: ProjectFit;
  answerer: Answerer;
}

export async function createAnswering(o: AnsweringOptions): Promise<Answering> {
  const { config } = o;
  // Every loader reads the configured paths (no environment read below the configuration).
  const paths = config.paths;
  if (useKnowledgePaths(paths)) resetLexicons();
  const embeddings = createEmbeddings(config.embeddings);
  const index = await openIndex({
    knowledgeDir: paths.documents,
    dataDir: config.dataDir,
    embeddings,
    onProgress: o.onIndexProgress,
    readOnly: o.readOnly || config.indexReadOnly,
  });
  const retriever = new Retriever(index.index);
  // People the public sources name (elected officials…) are not masked in questions.
  registerPublicNames(index.index.chunks.map((c) => c.text));
  warmUpCommunes(); // loads the geography once (≈12 MB) instead of on the first question
  const router = new Router(loadDirectory(paths.root), paths.root, retriever.synonyms);
  // Score every indexed word once now (≈ 0.2 s, 3–4 MB): questions then only pay for new words.
  retriever.primeLexical();
  router.primeLexical();
  const guards = Guards.load(paths);
  const llm = o.llm !== undefined ? o.llm : await createChatModel(config.llm);
  // Answer cards only cite documents that exist: a card whose source is missing is skipped.
  // Cards approved while the service runs are picked up within two seconds (see LiveCards).
  const cards = new LiveCards({
    knowledgeDir: paths.root,
    accept: (c) => c.sources.every((id) => retriever.hasDoc(id)),
    logger: o.logger,
  });
  const vocabulary: Vocabulary = new Map();
  for (const c of index.index.chunks) addWords(vocabulary, `${c.title} ${c.section} ${c.text}`);
  for (const c of cards.current().cards) addWords(vocabulary, `${c.questions.join(" ")} ${c.answer}`);
  const normalizer = new QueryNormalizer(Lexicon.load(paths.root), new Speller(vocabulary));
  const fit = new ProjectFit({
    knowledgeDir: paths.root,
    retriever,
    router,
    guards,
    llm,
    llmTimeoutMs: config.llm.timeoutMs,
    promptsDir: paths.prompts,
    logger: o.logger,
  });
  const answerer = new Answerer({
    // A card about a measure (Gard centrale) routes to the process of that measure (the links file).
    processOfDoc: processOfDoc(fit.links),
    // A reference text no process lists (the ESS law, the CRESS) is the ESS team's to answer for.
    processesOfDoc: processesOfDoc(fit.links),
    retriever,
    router,
    guards,
    llm,
    llmTimeoutMs: config.llm.timeoutMs,
    cacheSize: config.answerCacheSize,
    cards,
    normalizer,
    aspectTerms: loadAspectTerms(paths.root),
    decision: o.decision !== undefined ? o.decision : DECISION_MODELS,
    logger: o.logger,
  });
  return { index, retriever, router, llm, fit, answerer };
}

/** Every process whose documents or measures (the links file) include a document, in the file's order. */
export function processesOfDoc(links: SchemaLinks): (docId: string) => readonly ProcessId[] {
  const byDoc = new Map<string, ProcessId[]>();
  for (const [process, link] of Object.entries(links.processes) as [ProcessId, SchemaLinks["processes"][ProcessId]][])
    for (const doc of new Set([...link.documents, ...link.measures])) byDoc.set(doc, [...(byDoc.get(doc) ?? []), process]);
  return (docId) => byDoc.get(docId) ?? [];
}
