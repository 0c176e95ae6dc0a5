/**
 * The thing a question asks the definition of, as the set of its words' stems: « c'est quoi l'appel à communs ? », « l'appel à
 * communs, c'est quoi exactement ? » and "What is the Appel à communs?" all ask what the call is ({appel, commun}); « un commun,
 * ça veut dire quoi ? » asks what a commons is ({commun}). The Gard and the Département, which any question may add (« l'appel à
 * communs du Département du Gard »), are no part of the thing.
 */
import { analyze, fold } from "../retrieval/analyzer.js";

/** « c'est quoi X ? », « qu'est-ce que X ? », "what is X?", « explique-moi X » (folded). */
const ASKED_AFTER =
  /^(?:(?:et|mais|alors|bon|ok|and|so)\s+)?(?:c'?est quoi|c koi|cest koi|qu'?est[- ]ce que?|qu'?est[- ]ce qu'|que sont|what is|what's|whats|what are|explique(?:z|r)?(?:[- ]moi)?|define)\s+(.+?)\s*[?.!]*$/;
/** « X, c'est quoi ? », « X, ça veut dire quoi ? », "X, what is it?" (folded). */
const ASKED_BEFORE =
  /^(?:(?:et|mais|alors|bon|ok|and|so)\s+)?(.+?),?\s+(?:c'?est quoi|c koi|cest koi|ca veut dire quoi|ca consiste en quoi|qu'?est[- ]ce que c'?est|what is it|what is that|what's that)(?:\s+(?:exactement|au juste|concretement|en bref|exactly))?\s*[?.!]*$/;

/** Words that only frame the thing: where it is, how precisely it is asked. */
const FRAME = new Set(["gard", "depart", "departement", "department", "exact", "exactement", "juste", "bref", "concret", "concretement", "exactly"]);

export function definedThing(question: string): Set<string> | null {
  const f = fold(question)
    .replace(/[’`´‘]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const m = ASKED_BEFORE.exec(f) ?? ASKED_AFTER.exec(f);
  if (!m) return null;
  const terms = analyze(m[1]!).filter((t) => !FRAME.has(t));
  return terms.length > 0 ? new Set(terms) : null;
}

/**
 * Whether a card's phrasing (`b`) asks the definition of the thing a question asks (`a`): every word of the question's thing,
 * and, for a thing of two words or more, at most one more (« les Rencontres du mécénat et des fondations » for « les
 * Rencontres du mécénat »); a thing of one word is that word alone (« un commun » is not « l'appel à communs »).
 */
export function sameDefinedThing(a: ReadonlySet<string>, b: ReadonlySet<string> | null): boolean {
  return b !== null && b.size <= a.size + (a.size >= 2 ? 1 : 0) && [...a].every((t) => b.has(t));
}
