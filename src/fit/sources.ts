/**
 * Citations of a project-fit answer: each statement points to a knowledge
 * document (measure, axis, process, partner, territory) or to the eligibility
 * rule it rests on, numbered `[n]` in order of first use, in the Reply's own
 * SourceRef shape. For a document, the passage closest to the statement is the
 * one shown.
 */
import type { Audience, ProcessId } from "../domain/ids.js";
import type { EligibilityResult, SourceRef } from "../domain/reply.js";

type EligibilityReason = EligibilityResult["reasons"][number];
import { getRules } from "../eligibility/rules.js";
import type { IndexedChunk } from "../retrieval/index-store.js";
import type { Retriever } from "../retrieval/retriever.js";

/** Chunks of every indexed document, by document id (built once per index). */
export function chunksByDoc(retriever: Retriever): Map<string, IndexedChunk[]> {
  const out = new Map<string, IndexedChunk[]>();
  for (const c of retriever.index.chunks) {
    const list = out.get(c.docId) ?? [];
    list.push(c);
    out.set(c.docId, list);
  }
  return out;
}

const excerptOf = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 300);
const isUrl = (s: string) => /^https?:\/\/\S+$/.test(s);

export class Citations {
  readonly refs: SourceRef[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(
    private readonly retriever: Retriever,
    private readonly docs: Map<string, IndexedChunk[]>,
    private readonly audience: Audience,
  ) {}

  /** Whether a document can be cited for this audience. */
  has(docId: string): boolean {
    return this.usable(docId).length > 0;
  }

  /** Title of an indexed document (undefined when it is not indexed). */
  title(docId: string): string | undefined {
    return this.docs.get(docId)?.[0]?.title;
  }

  /** The citation number of a document, its passage chosen for `about`; null when it cannot be cited. */
  doc(docId: string, about: string): number | null {
    const known = this.byKey.get(docId);
    if (known !== undefined) return known;
    const chunks = this.usable(docId);
    if (!chunks.length) return null;
    const q = this.retriever.analyzeQuery(about);
    let best = chunks[0]!;
    let bestScore = -1;
    for (const c of chunks) {
      const s = this.retriever.chunkCoverage(q, c.id);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return this.add(docId, {
      id: best.docId,
      chunkId: best.id,
      title: best.title,
      kind: best.kind,
      status: best.status,
      section: best.section || undefined,
      page: best.page,
      url: best.url,
      score: Math.round(Math.max(0, bestScore) * 10000) / 10000,
      excerpt: excerptOf(best.text),
    });
  }

  /** The first citable document of a list. */
  first(docIds: string[], about: string): number | null {
    for (const id of docIds) {
      const n = this.doc(id, about);
      if (n !== null) return n;
    }
    return null;
  }

  /**
   * The citation number of a process's eligibility rules (knowledge/regles/<process>.yaml),
   * shown with the public source of the deciding condition.
   */
  rule(process: ProcessId, reason?: EligibilityReason): number | null {
    const rule = getRules().get(process);
    if (!rule) return null;
    const condition = rule.conditions.find((c) => c.id === reason?.condition) ?? rule.conditions[0];
    const url = reason && isUrl(reason.source) ? reason.source : condition?.source;
    const key = `regles/${process}#${condition?.id ?? ""}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    return this.add(key, {
      id: `regles/${process}`,
      chunkId: key,
      title: `Règles d'éligibilité : ${rule.name}`,
      kind: "process",
      status: "confirmed",
      section: condition?.label,
      url,
      score: 1,
      excerpt: excerptOf(reason?.text || condition?.label || rule.name),
    });
  }

  private usable(docId: string): IndexedChunk[] {
    return (this.docs.get(docId) ?? []).filter((c) => this.audience === "agent" || c.audience !== "agent");
  }

  private add(key: string, ref: Omit<SourceRef, "n">): number {
    const n = this.refs.length + 1;
    this.refs.push({ n, ...ref });
    this.byKey.set(key, n);
    return n;
  }
}
