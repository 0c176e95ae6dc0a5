/**
 * Offline router: which support process fits a need. It combines
 *  - similarity with each process's example needs and description (BM25 + n-gram vectors),
 *  - the process documents found by the main retrieval,
 *  - explicit domain rules (knowledge/routage.yaml) over the facts read in the message.
 * An optional LLM may pick among the offline candidates (see Answerer.llmRoute).
 */
import { existsSync, readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DEFAULT_PROCESS, ProcessId } from "../domain/ids.js";
import { currentKnowledgePaths, knowledgePaths } from "../core/paths.js";
import type { Route } from "../domain/reply.js";
import { extractFacts } from "../eligibility/extract.js";
import { analyze } from "../retrieval/analyzer.js";
import { OrSearch } from "../retrieval/or-search.js";
import { hashedVector } from "../retrieval/embeddings/hashed.js";
import { compileGroups, matchesAll, phraseTokens, type PhraseGroups } from "../retrieval/phrases.js";
import type { Hit } from "../retrieval/retriever.js";
import type { SynonymExpander } from "../retrieval/synonyms.js";
import type { Directory } from "./directory.js";

const RuleFile = z.array(
  z.object({
    id: z.string(),
    process: ProcessId,
    poids: z.number().positive().default(1),
    faits: z
      .object({
        legalForm: z.array(z.string()).optional(),
        /** Legal forms the rule does not apply to (a structure's bank refusal is not a person's). */
        legalFormNot: z.array(z.string()).optional(),
        partnerStructuresMin: z.number().optional(),
        employeesMin: z.number().optional(),
        bankAccess: z.boolean().optional(),
        inQpv: z.boolean().optional(),
      })
      .strict()
      .optional(),
    quand: z.array(z.array(z.coerce.string()).min(1)).optional(),
    /** The rule recognises a named operator or scheme (the subject of the question), not a need. */
    nomme: z.boolean().default(false),
    pourquoi: z.string(),
    source: z.string(),
  }),
);
type Rule = z.infer<typeof RuleFile>[number] & { groups?: PhraseGroups };

export interface RouteCandidate {
  process: ProcessId;
  score: number;
  why: string;
  /** Best cosine similarity between the need and one of the process's examples. */
  similarity: number;
  /** An explicit domain rule pointed to this process. */
  rule: boolean;
  /**
   * The part of `score` given by rules that recognise this process's operator or scheme in the
   * question ("Initiative Gard", "la MIESS"): its subject, not a need (absent when none did).
   */
  named?: number;
}

/**
 * A process's operator that is the Département alone: its ESS team (« Département du Gard (équipe ESS) ») or another of
 * its services (« Département du Gard, direction des affaires juridiques, des achats… »). What is not published of such
 * a process (a count of trained buyers, next year's tenders, the SPASER's budget) is asked of the ESS team, the
 * Département's one door for the ESS. Not a process it runs with another named body (« Département du Gard (politique
 * d'insertion et RSA) et DDETS du Gard »): what is unknown of it goes to that process's people.
 */
const DEPARTMENT_RUNS = /équipe ESS|^Département du Gard\b(?!.*\bet (?:la |le |l')?\p{Lu}{2,})/u;

interface ExampleDoc {
  id: number;
  process: ProcessId;
  text: string;
  vector: number[];
}

/** Whether a route is only the default handoff of a message no process fits (see Router.defaultHandoff). */
export function isDefaultHandoff(route: Route | null | undefined): boolean {
  return route?.process === DEFAULT_PROCESS && route.confidence === 0;
}

export class Router {
  private readonly rules: Rule[];
  private readonly examples: ExampleDoc[] = [];
  private readonly lexical: OrSearch;
  private readonly vocabulary = new Set<string>();
  /**
   * The examples' vectors by component: `byComponent[i * examples.length + e]` is component i of example e, so that
   * one component of the question is multiplied by every example's in one contiguous run (see `similarities`).
   */
  private readonly byComponent: Float64Array;

  constructor(
    readonly directory: Directory,
    knowledgeDir = currentKnowledgePaths().root,
    private readonly synonyms?: SynonymExpander,
  ) {
    const file = knowledgePaths(knowledgeDir).routing;
    this.rules = existsSync(file)
      ? RuleFile.parse(parseYaml(readFileSync(file, "utf8")) ?? []).map((r) => ({ ...r, groups: r.quand ? compileGroups(r.quand) : undefined }))
      : [];
    for (const p of directory.values()) {
      const texts = [...p.examples, `${p.name}. ${p.audience}. ${p.offers.join(". ")}`];
      for (const text of texts) this.examples.push({ id: this.examples.length, process: p.id, text, vector: hashedVector(text) });
    }
    const lexical = new MiniSearch<ExampleDoc>({
      fields: ["text"],
      storeFields: [],
      tokenize: (t) => analyze(t),
      processTerm: (t) => t,
    });
    const n = this.examples.length;
    const dims = this.examples[0]?.vector.length ?? 0;
    this.byComponent = new Float64Array(dims * n);
    for (const e of this.examples) for (let i = 0; i < dims; i++) this.byComponent[i * n + e.id] = e.vector[i]!;
    lexical.addAll(this.examples);
    this.lexical = new OrSearch(lexical);
    for (const e of this.examples) for (const t of analyze(e.text)) this.vocabulary.add(t);
  }

  /** Scores every word of the example needs once now (start-up warm-up): see OrSearch.prime. */
  primeLexical(): number {
    return this.lexical.prime(this.vocabulary, [1, 0.5]);
  }

  /** Candidate processes for a need, best first, scores in 0..1. */
  candidates(question: string, hits: Hit[] = []): RouteCandidate[] {
    const scores = new Map<ProcessId, { score: number; why: string[]; rule: boolean; named: number }>();
    const add = (p: ProcessId, s: number, why?: string, named = false) => {
      const e = scores.get(p) ?? { score: 0, why: [], rule: false, named: 0 };
      e.score += s;
      if (why) {
        e.why.push(why);
        if (named) e.named += s;
        else e.rule = true;
      }
      scores.set(p, e);
    };

    // 1. Similar example needs: reciprocal-rank votes from lexical and vector rankings.
    const terms = analyze(question);
    if (terms.length === 0) return []; // small talk: nothing to route
    const extra = new Set(this.synonyms?.expand(terms) ?? []);
    const lex = this.lexical.search(analyze([...terms, ...extra].join(" ")), {
      tolerant: (t) => t.length >= 5 && !this.vocabulary.has(t),
      boostTerm: (t) => (extra.has(t) ? 0.5 : 1),
    });
    const qv = hashedVector(question);
    // The question's non-zero components (a short question has few): the same sums, fewer terms.
    const nonZero: number[] = [];
    for (let i = 0; i < qv.length; i++) if (qv[i] !== 0) nonZero.push(i);
    const sims = this.similarities(qv, nonZero);
    const all = this.examples.map((e) => ({ e, s: sims[e.id]! }));
    const bestSim = new Map<ProcessId, number>();
    for (const { e, s } of all) bestSim.set(e.process, Math.max(bestSim.get(e.process) ?? 0, s));
    const vec = best(all, 20);
    const votes = new Map<ProcessId, number>();
    lex.slice(0, 20).forEach((r, rank) => {
      const p = this.examples[Number(r.id)]!.process;
      votes.set(p, (votes.get(p) ?? 0) + 1 / (rank + 2));
    });
    vec.forEach(({ e, s }, rank) => {
      if (s >= 0.1) votes.set(e.process, (votes.get(e.process) ?? 0) + 1 / (rank + 2));
    });
    const maxVote = Math.max(0, ...votes.values());
    for (const [p, v] of votes) add(p, 0.5 * (v / (maxVote || 1)) * Math.min(1, maxVote));

    // 2. Process documents among the retrieved passages.
    hits.slice(0, 5).forEach((h, rank) => {
      const p = ProcessId.safeParse(h.chunk.docId);
      if (p.success && h.coverage > 0.3) add(p.data, (0.35 * h.coverage) / (rank + 1));
    });

    // 3. Explicit domain rules.
    const facts = safeExtract(question);
    const tokens = phraseTokens(question);
    for (const r of this.rules) {
      if (r.faits && !factsMatch(r.faits, facts)) continue;
      if (!r.faits && !r.groups) continue;
      if (r.groups && !matchesAll(tokens, r.groups)) continue;
      add(r.process, r.poids, r.pourquoi, r.nomme);
    }

    return [...scores.entries()]
      .map(([process, e]) => ({
        process,
        score: Math.min(1, e.score),
        why: e.why[0] ?? `Votre besoin ressemble aux situations accompagnées par : ${this.directory.get(process)?.name ?? process}.`,
        similarity: bestSim.get(process) ?? 0,
        rule: e.rule,
        ...(e.named ? { named: e.named } : {}),
      }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Each example's dot product with the question's vector `qv`: Σ over the question's non-zero components, in increasing
   * order, of the two components' product (the same sums, in the same order, as `dot` for each example).
   */
  private similarities(qv: number[], nonZero: number[]): Float64Array {
    const n = this.examples.length;
    const sims = new Float64Array(n);
    if (this.byComponent.length !== n * qv.length) {
      for (const e of this.examples) sims[e.id] = dot(e.vector, qv, nonZero);
      return sims;
    }
    const m = this.byComponent;
    for (const i of nonZero) {
      const b = qv[i]!;
      const row = i * n;
      for (let e = 0; e < n; e++) sims[e] += m[row + e]! * b;
    }
    return sims;
  }

  /** The route for a need, or null when no process fits. */
  route(question: string, hits: Hit[] = [], opts: { minScore?: number } = {}): Route | null {
    return this.routeFrom(this.candidates(question, hits), opts);
  }

  routeFrom(candidates: RouteCandidate[], opts: { minScore?: number } = {}): Route | null {
    const [best, second] = candidates;
    if (!best || best.score < (opts.minScore ?? 0.3)) return null;
    const margin = second ? best.score - second.score : best.score;
    const route = this.toRoute(best.process, Math.max(0.05, Math.min(1, 0.5 * best.score + margin)), best.why);
    return { ...route, alternatives: this.alternativesOf(best.process, candidates) };
  }

  /**
   * Up to two other processes that also fit, each with its reason: a bank guarantee and
   * a SCIC share, a CAE and a loan. Candidates other than the primary, not negligible
   * (score ≥ 0.08) and at least half as strong as the best of them; the Department's
   * ESS team (everyone's fallback) only when a rule names it.
   */
  alternativesOf(primary: ProcessId, candidates: RouteCandidate[]): Route["alternatives"] {
    const others = candidates.filter((c) => c.process !== primary && (c.process !== DEFAULT_PROCESS || c.rule));
    const best = others[0]?.score ?? 0;
    return others
      .filter((c) => c.score >= Math.max(0.08, 0.5 * best))
      .slice(0, 2)
      .map((c) => ({ process: c.process, name: this.directory.get(c.process)?.name ?? c.process, why: c.why }));
  }

  /**
   * Who takes a question about `process` that the assistant cannot answer: the Department's ESS team
   * (everyone's fallback) when the Département runs that process itself (the call for commons, a SCIC share,
   * its purchasing: see DEPARTMENT_RUNS), else the process's own people (the DLA, France Active, the Région).
   */
  handsTo(process: ProcessId): ProcessId {
    return DEPARTMENT_RUNS.test(this.directory.get(process)?.operator ?? "") ? DEFAULT_PROCESS : process;
  }

  /**
   * The route of a message no process fits (out of scope, an injection about the assistant itself): the Department's
   * ESS team, everyone's default handoff (support-processes.md), with a confidence of 0 since no need was read.
   */
  defaultHandoff(why: string): Route {
    return this.toRoute(DEFAULT_PROCESS, 0, why);
  }

  toRoute(process: ProcessId, confidence: number, why: string): Route {
    const p = this.directory.get(process);
    return {
      alternatives: [],
      process,
      name: p?.name ?? process,
      operator: p?.operator || undefined,
      confidence: Math.round(confidence * 100) / 100,
      why,
      contacts: p?.contacts ?? [],
    };
  }
}

/**
 * Σ a[i]·b[i] over the components where b is not zero, in increasing order: the same value
 * as the full sum (a zero product adds nothing), for a sparse b.
 */
function dot(a: number[], b: number[], nonZero: number[]): number {
  let acc = 0;
  for (const i of nonZero) acc += a[i]! * b[i]!;
  return acc;
}

/** The `k` highest scores, highest first, equal scores in their original order: `[...xs].sort((a, b) => b.s - a.s).slice(0, k)` without sorting everything. */
export function best<T extends { s: number }>(xs: readonly T[], k: number): T[] {
  const out: T[] = [];
  for (const x of xs) {
    if (out.length === k && !(x.s > out[k - 1]!.s)) continue;
    let at = out.length;
    while (at > 0 && out[at - 1]!.s < x.s) at--;
    out.splice(at, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

type RuleFacts = NonNullable<z.infer<typeof RuleFile>[number]["faits"]>;

function factsMatch(want: RuleFacts, facts: Record<string, unknown>): boolean {
  if (want.legalForm && !want.legalForm.includes(String(facts.legalForm))) return false;
  if (want.legalFormNot?.includes(String(facts.legalForm))) return false;
  if (want.partnerStructuresMin !== undefined && !(Number(facts.partnerStructures) >= want.partnerStructuresMin)) return false;
  if (want.employeesMin !== undefined && !(Number(facts.employees) >= want.employeesMin)) return false;
  if (want.bankAccess !== undefined && facts.bankAccess !== want.bankAccess) return false;
  if (want.inQpv !== undefined && facts.inQpv !== want.inQpv) return false;
  return true;
}

function safeExtract(text: string): Record<string, unknown> {
  try {
    return extractFacts(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
