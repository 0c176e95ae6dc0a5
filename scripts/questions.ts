/**
 * Questions for the load and CPU measurements (scripts/load.ts, scripts/bench-ask.ts): the
 * French questions of the tuning sets, and distinct questions made from them by perturbation.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/** The French questions of the tuning sets (tests/gold/tuning; never the blind sets), each once. */
export function tuningQuestions(root: string): string[] {
  const dir = path.join(root, "tests", "gold", "tuning");
  const out: string[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const doc = parseYaml(readFileSync(path.join(dir, f), "utf8")) as { questions?: { question?: unknown }[] } | null;
    for (const q of doc?.questions ?? []) if (typeof q.question === "string" && q.question.trim()) out.push(q.question.trim());
  }
  // French only: the sets also hold a few English questions.
  return [...new Set(out.filter((q) => !/\b(the|which|what|how|does|should|where|who)\b/i.test(q)))];
}

const OPENERS = ["", "Bonjour, ", "Bonjour ! ", "Question : ", "Merci de me dire : ", "Petite question : ", "Salut, ", "Re-bonjour, "];
const CLOSERS = ["", " Merci.", " Merci d'avance.", " svp", " (pour une association)", " (pour une SCOP)", " dans le Gard", " pour 2025"];

/**
 * `n` distinct questions made from the tuning questions by perturbation: an opening and a closing
 * phrase, a word dropped, a word borrowed from another question, lower case, accents removed — so
 * that the answer cache (ANSWER_CACHE_SIZE) does not hide the cost of answering.
 */
export function distinctQuestions(base: string[], n: number, seed = 17): string[] {
  let x = seed;
  const r = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const words = base.flatMap((q) => q.split(/\s+/).filter((w) => /^\p{L}{6,}$/u.test(w)));
  const out = new Set<string>();
  for (let i = 0; out.size < n && i < n * 20; i++) {
    const ws = pick(base)
      .replace(/[?？]\s*$/, "")
      .split(/\s+/);
    if (ws.length > 4 && r() < 0.5) ws.splice(1 + Math.floor(r() * (ws.length - 1)), 1);
    if (r() < 0.5) ws.splice(Math.floor(r() * ws.length), 0, pick(words));
    let q = `${pick(OPENERS)}${ws.join(" ")} ?${pick(CLOSERS)}`;
    if (r() < 0.2) q = q.toLowerCase();
    if (r() < 0.15) q = q.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out.add(q);
  }
  return [...out];
}
