/**
 * Query expansion from the glossary (knowledge/glossaire/synonymes.yaml): groups of
 * equivalent terms (acronym, French expansions, English equivalents). A query that
 * contains one term of a group also searches the others, with a lower weight.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { currentKnowledgePaths, knowledgePaths } from "../core/paths.js";
import { analyze } from "./analyzer.js";

const SynonymFile = z.array(z.object({ terms: z.array(z.coerce.string()).min(2) }).passthrough());

export class SynonymExpander {
  /** Each group: the analyzed token sequences of its terms. */
  private groups: string[][][] = [];
  /** First token → groups that contain a sequence starting with it. */
  private byFirst = new Map<string, number[]>();

  constructor(groups: string[][]) {
    for (const terms of groups) {
      const seqs = terms.map((t) => analyze(t)).filter((s) => s.length > 0);
      if (seqs.length < 2) continue;
      const gi = this.groups.push(seqs) - 1;
      for (const s of seqs) {
        const list = this.byFirst.get(s[0]!) ?? [];
        if (!list.includes(gi)) list.push(gi);
        this.byFirst.set(s[0]!, list);
      }
    }
  }

  static fromKnowledge(root = currentKnowledgePaths().root): SynonymExpander {
    const file = knowledgePaths(root).synonyms;
    if (!existsSync(file)) return new SynonymExpander([]);
    const parsed = SynonymFile.safeParse(parseYaml(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: invalid synonym file: ${parsed.error.message}`);
    return new SynonymExpander(parsed.data.map((g) => g.terms));
  }

  get size(): number {
    return this.groups.length;
  }

  /** Extra analyzed terms implied by the query's terms (not already in it). */
  expand(tokens: string[]): string[] {
    const have = new Set(tokens);
    const extra = new Set<string>();
    for (const alts of this.alternatives(tokens).values()) for (const t of alts) if (!have.has(t)) extra.add(t);
    return [...extra];
  }

  /** The analysed terms that mean the same as a one-word term (« qpv »: « quartier prioritair… »), each as a token sequence. */
  equivalents(token: string): string[][] {
    const out: string[][] = [];
    for (const gi of this.byFirst.get(token) ?? []) {
      const group = this.groups[gi]!;
      if (group.some((s) => s.length === 1 && s[0] === token)) for (const other of group) if (!(other.length === 1 && other[0] === token)) out.push(other);
    }
    return out;
  }

  /**
   * For each query token that belongs to a matched synonym phrase, the set of
   * tokens that may stand for it in a passage (the tokens of the equivalent terms).
   */
  alternatives(tokens: string[]): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (let i = 0; i < tokens.length; i++) {
      for (const gi of this.byFirst.get(tokens[i]!) ?? []) {
        const group = this.groups[gi]!;
        const seq = group.find((s) => s.every((t, k) => tokens[i + k] === t));
        if (!seq) continue;
        const alts = new Set<string>();
        for (const other of group) if (other !== seq) for (const t of other) alts.add(t);
        for (const t of seq) {
          const set = out.get(t) ?? new Set<string>();
          for (const a of alts) set.add(a);
          out.set(t, set);
        }
      }
    }
    return out;
  }
}
