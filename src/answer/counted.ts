/**
 * "Combien de X ?": an answer that gives no number of X does not answer it. The
 * passages often hold other numbers nearby ("plus de 200 personnes" for all the
 * workshops when one workshop is asked about, "14 structures" in a building when the
 * staff of a service is asked about); stating one of them would be a false answer.
 * The counted noun is read from the question; an answer counts it when a number is
 * followed, within three words, by that noun (the retriever's own analysis: stems).
 * Citation markers ("[2]") are no numbers.
 */
import { fold } from "../core/text.js";

/** Words after "combien de" that do not name what is counted (durations, money, "du monde"). */
const NOT_COUNTED = new Set([
  "temps",
  "tps",
  "fois",
  "monde",
  "gens",
  "jours",
  "semaines",
  "mois",
  "ans",
  "annees",
  "heures",
  "euros",
  "argent",
  "sous",
  "thunes",
  "balles",
  "fric",
  "budget",
  "financement",
  "subvention",
  "subventions",
  "capital",
]);

/** Words for people attending: "combien de participants ?" is answered by "200 personnes". */
const PEOPLE = new Set(["participants", "participantes", "personnes", "presents", "inscrits", "inscrites", "participant", "personne"]);

/** Words a count of the noun may use instead of it: the noun itself, or the people words for a people word. */
export function countWords(noun: string): string {
  return PEOPLE.has(noun) ? [...PEOPLE].join(" ") : noun;
}

/** The noun a French "how many" question counts ("combien de salariés…" → "salariés"), if any. */
export function countedNoun(question: string): string | undefined {
  const m = /\b(?:combien|cb|nombre)\s+(?:de|d)\s*'?\s*([a-z]{3,})/.exec(fold(question).replace(/[’']/g, "' "));
  const noun = m?.[1];
  return noun && !NOT_COUNTED.has(noun) ? noun : undefined;
}

/** "un", "une" are articles far more often than counts. */
const NUMBER_WORDS =
  "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|dizaines?|centaines?|milliers?";
/** A number (digits with thousands separators, or a number word) and the two words after it. */
const COUNT = new RegExp(
  `(?:(?<!\\[)\\b(\\d{1,3}(?:[\\s\\u00a0\\u202f.]\\d{3})+|\\d+(?:[,.]\\d+)?)|\\b(?:${NUMBER_WORDS}))\\s+([\\p{L}'’-]+)(?:\\s+([\\p{L}'’-]+))?`,
  "giu",
);
/** After a number, a word that starts another phrase ("MIESS 30 les Rencontres…"): what follows is not counted. */
const BREAK = new Set([
  "les",
  "la",
  "le",
  "l",
  "des",
  "du",
  "au",
  "aux",
  "et",
  "ou",
  "a",
  "à",
  "en",
  "pour",
  "par",
  "sur",
  "dans",
  "avec",
  "qui",
  "que",
  "est",
  "sont",
  "the",
  "and",
  "of",
]);

/**
 * Whether `text` gives a count of the noun: a number directly followed by a word (or by one
 * word, then a word) whose analysed terms meet `nounTerms` ("200 personnes", "17 quartiers
 * prioritaires", "12 nouveaux projets"). Years (1900–2099 written alone) are no count.
 */
export function givesCount(text: string, nounTerms: ReadonlySet<string>, analyze: (s: string) => string[]): boolean {
  for (const m of text.matchAll(COUNT)) {
    const digits = m[1];
    if (digits && /^(19|20)\d\d$/.test(digits)) continue;
    const first = m[2]!;
    if (BREAK.has(first.toLowerCase())) continue;
    if (analyze(first).some((t) => nounTerms.has(t))) return true;
    if (m[3] && !BREAK.has(m[3].toLowerCase()) && analyze(m[3]).some((t) => nounTerms.has(t))) return true;
  }
  return false;
}
