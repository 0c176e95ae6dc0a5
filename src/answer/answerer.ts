/**
 * Grounded answers: guards → hybrid retrieval → extractive answer (offline) or
 * LLM generation whose citations must point to retrieved passages (fallback to
 * the offline answer on timeout, error or invalid citations) → route.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { z } from "zod";
import { DEFAULT_PROCESS, ProcessId, type Audience, type Priority } from "../core/ids.js";
import type { Reply, Route, SourceRef } from "../core/reply.js";
import { withTimeout } from "../llm/provider.js";
import type { Hit, QueryAnalysis, Retriever } from "../retrieval/retriever.js";
import { looksEnglish } from "../retrieval/analyzer.js";
import type { RouteCandidate, Router } from "../routing/router.js";
import { extractAnswer } from "./extractive.js";
import type { Guards } from "./guards.js";
import { fill, loadPrompt } from "./prompts.js";
import { ANSWER_ACTIONS, REFUSAL_ACTIONS } from "./actions.js";
import { WorkQueue } from "./work-queue.js";

export interface AnswererOptions {
  retriever: Retriever;
  router: Router;
  guards: Guards;
  llm?: BaseChatModel | null;
  llmTimeoutMs?: number;
  /** Minimum passage coverage of the question to answer (0..1). */
  minCoverage?: number;
  /** Where offline answers are computed (default: 2 per loop turn for people waiting, 1 for background work). */
  queue?: WorkQueue;
  /** How many recent offline answers to keep (0 = no cache). Default 500. */
  cacheSize?: number;
  /** Minimum router score to answer a described need with its process. */
  routeAnswerScore?: number;
  logger?: { warn: (obj: unknown, msg?: string) => void };
}

export const MAX_QUESTION_CHARS = 4000;

/** Someone describing their own situation ("nous sommes…", "notre asso…", "we are…"). */
const FIRST_PERSON = /\b(je|j'|j’|nous|notre|nos|mon|ma|mes|on|moi|jsuis|jveux|i|i'm|we|our|my|me|mon asso|une personne qui|un porteur|une association|une structure|une entreprise)\b/i;

/** Removes control characters and bounds the length of what we search for. */
export function cleanQuestion(raw: string): string {
  return raw
    // placeholders left by the personal-data scrubber are not part of the question
    .replace(/\[(email|téléphone|iban|nir|adresse)\]/gi, " ")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

export class Answerer {
  private readonly minCoverage: number;
  private readonly routeAnswerScore: number;
  private readonly queue: WorkQueue;
  constructor(private readonly o: AnswererOptions) {
    // Up to 2 answers for people waiting per turn of the loop, Slack answers one at a time.
    this.queue = o.queue ?? new WorkQueue({ interactive: 2, background: 1 });
    this.minCoverage = o.minCoverage ?? 0.45;
    this.routeAnswerScore = o.routeAnswerScore ?? 0.45;
  }

  get router(): Router {
    return this.o.router;
  }

  /**
   * Offline answers are a pure function of (question, audience, knowledge): the
   * most recent ones are kept, since many people ask the same things. Answers
   * written by a language model are not cached.
   */
  private readonly cache = new Map<string, Reply>();

  async ask(rawQuestion: string, opts: { audience?: Audience; priority?: Priority; onToken?: (delta: string) => void } = {}): Promise<Reply> {
    const audience = opts.audience ?? "porteur";
    // With a model, answering waits on the network: no queue, no cache.
    if (this.o.llm) return this.answer(rawQuestion, audience, opts.onToken);
    const key = `${audience}\u0000${cleanQuestion(rawQuestion).toLowerCase()}`;
    const cacheSize = this.o.cacheSize ?? 500;
    const cached = cacheSize <= 0 ? undefined : this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // refresh its position (LRU)
      this.cache.set(key, cached);
      return structuredClone(cached);
    }
    // Offline answers are CPU work: computed in turn (see WorkQueue), once per question in flight.
    const reply = await this.queue.run(
      async () => {
        const r = await this.answer(rawQuestion, audience);
        if (cacheSize > 0) {
          this.cache.set(key, r);
          if (this.cache.size > cacheSize) this.cache.delete(this.cache.keys().next().value!);
        }
        return r;
      },
      { priority: opts.priority, key },
    );
    return structuredClone(reply);
  }

  /**
   * Runs the offline pipeline before the service takes traffic: the first
   * answers of a fresh process cost 3–4× more (code not yet optimised by the
   * JIT, caches empty). Sample needs are answered until `budgetMs` (the word
   * scores of both lexical indexes are already computed: see createRuntime).
   * No answer is cached or stored. Samples default to the example needs of
   * the process directory (knowledge/processus).
   */
  async warmUp(budgetMs: number, samples = [...this.o.router.directory.values()].flatMap((p) => p.examples)): Promise<{ answers: number; ms: number }> {
    const t0 = performance.now();
    let answers = 0;
    for (const q of samples) {
      if (performance.now() - t0 >= budgetMs) break;
      await this.answer(q, answers % 4 === 3 ? "agent" : "porteur");
      answers++;
    }
    return { answers, ms: Math.round(performance.now() - t0) };
  }

  private async answer(rawQuestion: string, audience: Audience, onToken?: (delta: string) => void): Promise<Reply> {
    const question = cleanQuestion(rawQuestion);
    if (!question)
      return base({ type: "info", text: "Posez-moi votre question sur l'économie sociale et solidaire dans le Gard : je vous réponds en citant mes sources.", audience });

    if (this.o.guards.isInjection(question))
      return this.refusal(audience, null, "Je ne peux pas répondre à cette demande. Je réponds uniquement aux questions sur l'économie sociale et solidaire dans le Gard, à partir de sources publiques.");
    if (this.o.guards.isOutOfMission(question))
      return this.refusal(audience, null, "Je ne sais pas répondre à cette demande : elle sort de ma mission. Je réponds aux questions sur l'économie sociale et solidaire dans le Gard (schéma départemental, appel à communs, accompagnements, éligibilité).");
    const gap = this.o.guards.gap(question);
    if (gap)
      return this.refusal(
        audience,
        this.o.router.toRoute(gap.route, 0.9, "Information non publiée : l'équipe ESS du Département pourra vous répondre."),
        `Je ne sais pas : les sources publiques dont je dispose ne précisent pas ${gap.sujet}. Je préfère ne rien inventer. L'équipe ESS du Département pourra vous répondre : utilisez « Parler à une personne ».`,
      );

    const { hits, query } = await this.o.retriever.search(question, { audience, k: 8 });
    const minCoverage = looksEnglish(question) ? this.minCoverage * 0.7 : this.minCoverage;
    const supported = hits.filter((h) => h.coverage >= minCoverage);
    const bestCoverage = Math.max(0, ...hits.map((h) => h.coverage));
    const candidates = this.o.router.candidates(question, hits);
    const top = candidates[0];
    const describesNeed = (query.terms.length >= 5 && FIRST_PERSON.test(question)) || (top?.rule ?? false);
    if (supported.length === 0 && top && describesNeed && top.score >= this.routeAnswerScore && top.similarity >= 0.2 && top.process !== DEFAULT_PROCESS) {
      // A need described in the person's own words: answer with the process that fits.
      const routed = await this.routeAnswer(question, audience, top.process, query, candidates);
      if (routed) return routed;
    }
    if (supported.length === 0) {
      const essRelated = bestCoverage >= 0.35 || ((top?.score ?? 0) >= 0.35 && (top?.similarity ?? 0) >= 0.2);
      const route = essRelated ? this.o.router.toRoute(DEFAULT_PROCESS, 0.5, "Je n'ai pas trouvé la réponse dans mes sources : l'équipe ESS du Département peut vous répondre.") : null;
      return this.refusal(
        audience,
        route,
        essRelated
          ? "Je ne sais pas : je n'ai pas trouvé d'information fiable sur ce point dans les sources publiques dont je dispose. L'équipe ESS du Département pourra vous répondre : utilisez « Parler à une personne »."
          : "Je ne sais pas répondre à cette question : elle ne semble pas porter sur l'économie sociale et solidaire dans le Gard. Je peux vous renseigner sur le schéma départemental de l'ESS, l'appel à communs, les accompagnements et votre éligibilité.",
      );
    }

    const ranked = [...supported, ...hits.filter((h) => h.coverage < minCoverage && h.coverage >= 0.35)];
    const answer = extractAnswer(this.o.retriever, query, question, ranked);
    let text = answer.text;
    let used = answer.used;
    // Routing and generation run side by side: a slow model costs one timeout, not two.
    const [route, generated] = await Promise.all([
      this.llmRoute(question, candidates, this.o.router.routeFrom(candidates)),
      this.o.llm
        ? this.generate(question, audience, ranked.slice(0, 5), onToken).catch((err: unknown) => {
            this.o.logger?.warn({ err: String(err) }, "llm generation failed, offline answer used");
            return null;
          })
        : Promise.resolve(null),
    ]);
    if (generated) ({ text, used } = generated);
    if (!text) {
      return this.refusal(audience, this.o.router.toRoute(DEFAULT_PROCESS, 0.5, "Je n'ai pas trouvé la réponse."), "Je ne sais pas : mes sources ne répondent pas précisément à cette question. L'équipe ESS du Département pourra vous répondre.");
    }
    const sources = used.map((h, i) => toSource(h, i + 1));
    if (sources.some((s) => s.status === "reported") && !/à vérifier/i.test(text))
      text += "\n\nCertaines de ces informations proviennent de sources secondaires : elles sont à vérifier.";
    return base({
      type: "answer",
      text,
      sources,
      refused: false,
      route,
      followUps: followUps(hits, used, query),
      actions: ANSWER_ACTIONS,
      audience,
      generated: generated !== null,
    });
  }

  /**
   * With a model: let it pick among the offline candidates (structured output, zod
   * enum of the 14 ids). A choice outside the offline top 3, "aucun", an error or a
   * timeout keeps the offline route.
   */
  private async llmRoute(question: string, candidates: RouteCandidate[], offline: Route | null): Promise<Route | null> {
    if (!this.o.llm || candidates.length === 0) return offline;
    const top = candidates.slice(0, 3);
    try {
      const list = top.map((c) => `- ${c.process} : ${this.o.router.directory.get(c.process)?.name ?? c.process}`).join("\n");
      const model = this.o.llm.withStructuredOutput(RouteChoice, { name: "route" });
      const abort = new AbortController();
      const out = RouteChoice.parse(
        await withTimeout(
          model.invoke(
            [
              { role: "system", content: fill(loadPrompt("route"), { candidates: list }) },
              { role: "user", content: question },
            ],
            { signal: abort.signal },
          ),
          this.o.llmTimeoutMs ?? 8000,
          abort,
        ),
      );
      const chosen = top.find((c) => c.process === out.process);
      if (!chosen) return offline;
      if (offline?.process === chosen.process) return offline;
      return this.o.router.toRoute(chosen.process, Math.max(0.5, chosen.score), chosen.why);
    } catch (err) {
      this.o.logger?.warn({ err: String(err) }, "llm routing failed, offline route kept");
      return offline;
    }
  }

  /** Answer for a need that clearly fits a process: the process's own document, cited. */
  private async routeAnswer(question: string, audience: Audience, process: ProcessId, query: QueryAnalysis, candidates: RouteCandidate[]): Promise<Reply | null> {
    const { hits } = await this.o.retriever.search(question, { audience, k: 6, docIds: [process] });
    if (hits.length === 0) return null;
    const extract = extractAnswer(this.o.retriever, query, question, hits, { maxUnits: 3, maxChars: 700 });
    if (!extract.text) return null;
    const route = this.o.router.routeFrom(candidates);
    const entry = this.o.router.directory.get(process);
    const lead = `D'après votre description, le dispositif adapté semble être : **${entry?.name ?? process}**${entry?.operator ? ` (${entry.operator})` : ""}.`;
    const sources = extract.used.map((h, i) => toSource(h, i + 1));
    return base({
      type: "answer",
      text: `${lead}\n\n${extract.text}`,
      sources,
      refused: false,
      route: route?.process === process ? route : this.o.router.toRoute(process, 0.6, `Votre besoin correspond à ce dispositif.`),
      followUps: [],
      actions: ANSWER_ACTIONS,
      audience,
    });
  }

  private refusal(audience: Audience, route: Route | null, text: string): Reply {
    return base({ type: "answer", text, refused: true, route, actions: route ? REFUSAL_ACTIONS : [], audience });
  }

  /** LLM answer from the passages; null when it declines. Citations are checked. */
  private async generate(question: string, audience: Audience, hits: Hit[], onToken?: (delta: string) => void): Promise<{ text: string; used: Hit[] } | null> {
    const passages = hits
      .map((h, i) => `[${i + 1}] ${h.chunk.title}${h.chunk.section ? ` — ${h.chunk.section}` : ""} (${h.chunk.status === "reported" ? "rapporté, à vérifier" : "confirmé"})\n${h.chunk.text}`)
      .join("\n\n");
    const system = fill(loadPrompt("answer"), { passages, audience: audience === "agent" ? "agent du Département" : "porteur de projet" });
    const abort = new AbortController();
    const messages = [
      { role: "system", content: system },
      { role: "user", content: question },
    ];
    const textOf = (content: unknown): string =>
      typeof content === "string" ? content : Array.isArray(content) ? content.map((c) => (c && typeof c === "object" && "text" in c ? String(c.text) : "")).join("") : "";
    // With a listener, the model's text is streamed to it as it comes (same timeout for the whole answer).
    const complete = async (): Promise<string> => {
      if (!onToken) return textOf((await this.o.llm!.invoke(messages, { signal: abort.signal })).content);
      let all = "";
      for await (const chunk of await this.o.llm!.stream(messages, { signal: abort.signal })) {
        const delta = textOf(chunk.content);
        if (!delta) continue;
        all += delta;
        try {
          onToken(delta);
        } catch {
          // A failing listener never costs the answer.
        }
      }
      return all;
    };
    const raw = await withTimeout(complete(), this.o.llmTimeoutMs ?? 8000, abort);
    if (/JE_NE_SAIS_PAS/.test(raw)) return null;
    // keep only citations that point to a passage, renumber in order of use
    const map = new Map<number, number>();
    const used: Hit[] = [];
    const text = raw
      .replace(/\[(\d+)\]/g, (_m, d: string) => {
        const i = Number(d) - 1;
        const hit = hits[i];
        if (!hit) return "";
        if (!map.has(i)) {
          used.push(hit);
          map.set(i, used.length);
        }
        return `[${map.get(i)}]`;
      })
      .replace(/[ \t]+([.,;:])/g, "$1")
      .replace(/[ \t]{2,}/g, " ")
      .trim();
    if (used.length === 0 || text.length < 10) return null;
    return { text, used };
  }
}

export function toSource(h: Hit, n: number): SourceRef {
  const c = h.chunk;
  const excerpt = c.text.replace(/\s+/g, " ").slice(0, 300);
  return {
    n,
    id: c.docId,
    chunkId: c.id,
    title: c.title,
    kind: c.kind,
    status: c.status,
    section: c.section || undefined,
    page: c.page,
    url: c.url,
    score: Math.round(h.score * 10000) / 10000,
    excerpt,
  };
}

function followUps(hits: Hit[], used: Hit[], _q: QueryAnalysis): string[] {
  const usedIds = new Set(used.map((h) => h.chunk.id));
  const out: string[] = [];
  for (const h of hits) {
    if (usedIds.has(h.chunk.id) || !h.chunk.section) continue;
    const label = `${h.chunk.title} : ${h.chunk.headingPath.at(-1)}`;
    if (!out.includes(label)) out.push(label);
    if (out.length >= 3) break;
  }
  return out;
}

function base(r: Partial<Reply> & { type: Reply["type"]; text: string }): Reply {
  return { sources: [], refused: false, route: null, followUps: [], actions: [], generated: false, ...r };
}

export const RouteChoice = z.object({ process: z.union([ProcessId, z.literal("aucun")]) });
