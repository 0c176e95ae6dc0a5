/**
 * What a glossary entry names: the terms of its heading (« AAP et AMI : appel à projets et appel à manifestation
 * d'intérêt ») and the equivalents it gives in brackets (« (en anglais : call for proposals, call for projects) »).
 * An English question matches those English equivalents word by word ("can a single project get…" shares "project" with
 * "call for projects"): only a question that names one of the terms whole asks about the entry.
 */
import { analyze } from "../retrieval/analyzer.js";

/** The terms a glossary passage names (its heading's and its bracketed equivalents), as written. */
export function entryTerms(chunk: { text: string; headingPath: readonly string[] }): string[] {
  const terms: string[] = [];
  const heading = chunk.headingPath.at(-1) ?? "";
  for (const part of heading.split(/\s*:\s*|\s+et\s+|\s*,\s*/)) if (part.trim()) terms.push(part.trim());
  for (const m of chunk.text.matchAll(/\(([^()]*)\)/g)) {
    const inside = m[1]!.replace(/^\s*en anglais\s*:\s*/i, "");
    for (const t of inside.split(/\s*,\s*(?:ou\s+|or\s+)?|\s+ou\s+|\s+or\s+/)) if (t.trim()) terms.push(t.trim());
  }
  return terms;
}

function holds(tokens: readonly string[], seq: readonly string[]): boolean {
  for (let i = 0; i + seq.length <= tokens.length; i++) if (seq.every((t, k) => tokens[i + k] === t)) return true;
  return false;
}

/** Whether a question names one of the terms a glossary passage defines (see entryTerms), whole. */
export function namesEntry(question: string, chunk: { text: string; headingPath: readonly string[] }): boolean {
  const tokens = analyze(question);
  return entryTerms(chunk).some((term) => {
    const seq = analyze(term);
    return seq.length > 0 && holds(tokens, seq);
  });
}
