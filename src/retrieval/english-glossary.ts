/**
 * One-way English → French vocabulary (knowledge/lexique/anglais.yaml): everyday English words ("last", "partners",
 * "free of charge", "opening hours") and the French words the documents use for them (« durée », « structures »,
 * « gratuit », « horaires »). Only a question that looks English reads it: the French words stand for the English one
 * in a passage (coverage, sentence choice) and are searched besides it. A French question never gets the English
 * words (the cards' English texts would then draw French questions), unlike the two-way glossary groups.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { currentKnowledgePaths, knowledgePaths } from "../core/paths.js";
import { analyze, fold } from "./analyzer.js";
import { expressionPattern } from "./phrases.js";

const EnglishFile = z.record(z.string(), z.coerce.string()).nullable();

interface Entry {
  /** The English expression, matched on the folded question as whole words. */
  re: RegExp;
  /** Its analysed words, which the French words stand for in a passage. */
  own: string[];
  /** The analysed French words. */
  french: string[];
}

export class EnglishGlossary {
  private constructor(private readonly entries: Entry[]) {}

  /** Entries as `English expression → French words` (what the data file holds). */
  static of(pairs: Record<string, string>): EnglishGlossary {
    const entries: Entry[] = [];
    for (const [from, to] of Object.entries(pairs).sort((a, b) => b[0].length - a[0].length)) {
      const words = fold(from).trim();
      const french = [...new Set(analyze(to))];
      if (!words || french.length === 0) continue;
      entries.push({
        re: new RegExp(`(?:^|[^\\p{L}\\p{N}])${expressionPattern(words)}(?=$|[^\\p{L}\\p{N}])`, "u"),
        own: [...new Set(analyze(from))],
        french,
      });
    }
    return new EnglishGlossary(entries);
  }

  static fromKnowledge(root = currentKnowledgePaths().root): EnglishGlossary {
    const file = knowledgePaths(root).english;
    if (!existsSync(file)) return new EnglishGlossary([]);
    const parsed = EnglishFile.safeParse(parseYaml(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: invalid English vocabulary file: ${parsed.error.message}`);
    return EnglishGlossary.of(parsed.data ?? {});
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The French words of the English expressions a question holds: `extra`, the French words to search besides the
   * question's own (those not already among `terms`), and `alternatives`, for each analysed word of an expression
   * that is among `terms`, the French words that may stand for it in a passage.
   */
  lookup(question: string, terms: string[]): { extra: string[]; alternatives: Map<string, Set<string>> } {
    const folded = fold(question).replace(/[’`´‘]/g, "'");
    const have = new Set(terms);
    const extra = new Set<string>();
    const alternatives = new Map<string, Set<string>>();
    for (const e of this.entries) {
      if (!e.re.test(folded)) continue;
      for (const f of e.french) if (!have.has(f)) extra.add(f);
      for (const t of e.own) {
        if (!have.has(t)) continue;
        const set = alternatives.get(t) ?? new Set<string>();
        for (const f of e.french) if (f !== t) set.add(f);
        alternatives.set(t, set);
      }
    }
    return { extra: [...extra], alternatives };
  }
}
