/**
 * French analyzer shared by indexing and querying: lower-case, accent folding,
 * elisions (l', d', qu'…), SMS abbreviations, stopwords (French + a few English),
 * Snowball stemming (@nlpjs/lang-fr), acronyms kept whole.
 */
import { readFileSync, existsSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { StemmerFr, StopwordsFr } from "@nlpjs/lang-fr";
import { currentKnowledgePaths } from "../core/paths.js";
import { fold } from "../core/text.js";

const stemmer = new StemmerFr();
const frStop = new StopwordsFr();

export { fold };

const EXTRA_STOPWORDS = [
  // Time fillers ("qui porte le DLA aujourd'hui ?"): the question is about now anyway
  "aujourd",
  "hui",
  "aujourdhui",
  "actuellement",
  "actuel",
  "actuelle",
  "actuels",
  "actuelles",
  "today",
  "currently",
  // French question glue that carries no topic
  "quoi",
  "quel",
  "quels",
  "quelle",
  "quelles",
  "comment",
  "est-ce",
  "ca",
  "cela",
  "ceci",
  "peut",
  "peux",
  "pouvez",
  "faut",
  "il",
  "y",
  "si",
  "oui",
  "non",
  "tres",
  "plus",
  "moins",
  "bien",
  "bon",
  "alors",
  "donc",
  "aussi",
  "deja",
  "encore",
  "tout",
  "tous",
  "toute",
  "toutes",
  "chez",
  "vers",
  "entre",
  "dont",
  "comme",
  "pourriez",
  "pourrais",
  "pourrait",
  "pouvez",
  "indiquer",
  "indiquez",
  "expliquer",
  "expliquez",
  "preciser",
  "precisez",
  "donner",
  "donnez",
  "laquelle",
  "lequel",
  "lesquelles",
  "lesquels",
  "auquel",
  "auxquels",
  "connaitre",
  "peu",
  "pres",
  "chose",
  "truc",
  "quelqu",
  "quelque",
  "au",
  "fois",
  "beaucoup",
  "bonne",
  "bon",
  "journee",
  "soiree",
  "cordialement",
  "salut",
  "jusqu",
  "quand",
  "combien",
  "pourquoi",
  "exactement",
  "juste",
  "dire",
  "stp",
  "merci",
  "precisement",
  "environ",
  "actuellement",
  "vraiment",
  "svp",
  "bonjour",
  "merci",
  "s'il",
  "plait",
  "madame",
  "monsieur",
  "voudrais",
  "voudrait",
  "voudrions",
  "veux",
  "veut",
  "voulons",
  "souhaite",
  "souhaitons",
  "aimerais",
  "aimerions",
  "savoir",
  "dire",
  "cest",
  "sommes",
  "suis",
  "etes",
  "nous",
  "vous",
  "notre",
  "nos",
  "votre",
  "vos",
  "mon",
  "ma",
  "mes",
  "leur",
  "leurs",
  "on",
  "un",
  "une",
  "des",
  "les",
  "le",
  "la",
  "du",
  "de",
  "au",
  "aux",
  "en",
  "et",
  "ou",
  "a",
  // English glue (residents of the Cévennes write in English)
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "for",
  "is",
  "are",
  "was",
  "be",
  "can",
  "could",
  "how",
  "what",
  "which",
  "who",
  "when",
  "where",
  "do",
  "does",
  "i",
  "we",
  "you",
  "my",
  "our",
  "your",
  "it",
  "this",
  "that",
  "there",
  "with",
  "and",
  "or",
  "any",
  "about",
  "me",
  "us",
  "please",
  "hi",
  "hello",
  "would",
  "like",
  "want",
  "get",
  "have",
  "has",
  "until",
  "does",
  "did",
  "will",
  "should",
  "tell",
  "from",
  "at",
  "by",
  "into",
  "its",
  "their",
  "they",
  "them",
  "many",
  "much",
  "some",
  "kind",
  "exactly",
  // English fillers that ask nothing of their own ("the main axes", "what's the key date")
  "main",
  "key",
  "major",
  "overall",
  "also",
  "still",
  "really",
  "actually",
  "just",
  "whats",
  // English question words and glue that name nothing ("why can't…", "has it been…", "…, right?")
  "why",
  "whose",
  "whom",
  "were",
  "been",
  "being",
  "having",
  "got",
  "yet",
  "anymore",
  "once",
  "if",
  "than",
  "so",
  "then",
  "only",
  "ever",
  "else",
  "able",
  "anything",
  "something",
  "one",
  "ones",
  "during",
  "right",
  "roughly",
  "approximately",
];
const STOPWORDS = new Set<string>([...Object.keys(frStop.dictionary).map(fold), ...EXTRA_STOPWORDS.map(fold)]);

export function isStopword(foldedToken: string): boolean {
  return STOPWORDS.has(foldedToken);
}

let abbreviations: Map<string, string> | null = null;

/** Reads the lexicons again (after the knowledge folder changed). */
export function resetLexicons(): void {
  abbreviations = null;
  acronyms = null;
  recent[0].clear();
  recent[1].clear();
  tokenTerms[0].clear();
  tokenTerms[1].clear();
}
function loadAbbreviations(): Map<string, string> {
  if (abbreviations) return abbreviations;
  abbreviations = new Map();
  const file = currentKnowledgePaths().abbreviations;
  if (existsSync(file)) {
    const data = parseYaml(readFileSync(file, "utf8")) as Record<string, string> | null;
    for (const [k, v] of Object.entries(data ?? {})) abbreviations.set(fold(k), fold(String(v)));
  }
  return abbreviations;
}

// "jusqu'" is kept as a word so that "jusqu'à quand" stays distinguishable from "quand".
const ELISION = /\b(?:l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|quoiqu)['’‘`]/gi;
// Words, numbers (with inner separators removed later), acronyms.
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Words the French stemmer merges with another word of a different sense, kept apart:
 * "communes" (municipalities) and "communs" (commons) both stem to "commun".
 */
const OWN_STEM: Record<string, string> = { commune: "commune", communes: "commune" };
/** Changes whenever the analysis of a word changes: an index built by another analysis is rebuilt. */
export const ANALYZER_VERSION = "4";

const stemCache = new Map<string, string>();
export function stem(foldedWord: string): string {
  let s = stemCache.get(foldedWord);
  if (s === undefined) {
    s = /^\d+$/.test(foldedWord) || foldedWord.length <= 3 ? foldedWord : (OWN_STEM[foldedWord] ?? stemmer.stemWord(foldedWord));
    if (stemCache.size < 50_000) stemCache.set(foldedWord, s!);
  }
  return s!;
}

export interface AnalyzeOptions {
  /** Keep stopwords (used for phrase matching of synonyms). */
  keepStopwords?: boolean;
}

let acronyms: Set<string> | null = null;
/** Acronyms of the glossary (ESS, SPASER, DLA…), recognised whatever their case. */
function loadAcronyms(): Set<string> {
  if (acronyms) return acronyms;
  acronyms = new Set();
  const file = currentKnowledgePaths().synonyms;
  if (existsSync(file)) {
    const groups = parseYaml(readFileSync(file, "utf8")) as { terms?: unknown[] }[] | null;
    for (const g of groups ?? [])
      for (const t of g.terms ?? []) {
        const term = String(t);
        if (/^[A-Z][A-Z0-9]{1,7}$/.test(term)) acronyms.add(fold(term));
      }
  }
  return acronyms;
}

/** A text with elisions removed and the digits of a number joined, before it is cut into tokens. */
function cleanForTokens(text: string): string {
  return text
    .normalize("NFKC")
    .replace(ELISION, " ")
    .replace(/(\d)[\s\u00a0\u202f.](?=\d{3}\b)/g, "$1");
}

/** The words of one raw token (`words` below): folded, an abbreviation expanded, an acronym flagged. */
function tokenWords(raw: string, abbr: Map<string, string>, out: { word: string; acronym: boolean }[]): void {
  const f = fold(raw);
  const acronym = (raw.length >= 2 && raw.length <= 7 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw)) || loadAcronyms().has(f);
  const expanded = abbr.get(f);
  if (expanded && !acronym) {
    for (const w of expanded.replace(ELISION, " ").match(TOKEN) ?? []) out.push({ word: w, acronym: false });
  } else out.push({ word: f, acronym });
}

/** Raw word tokens, folded, elisions removed, abbreviations expanded, numbers joined ("250 000" → "250000"). */
export function words(text: string): { word: string; acronym: boolean }[] {
  const abbr = loadAbbreviations();
  loadAcronyms();
  const out: { word: string; acronym: boolean }[] = [];
  for (const m of cleanForTokens(text).matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.length > 40) continue; // not a word (hashes, pasted junk): skip, it would only cost time
    tokenWords(raw, abbr, out);
  }
  return out;
}

/**
 * The last texts analysed, without and with stopwords: one question is analysed by the
 * retrieval, the routing, the cards and the project fit, often as the same text.
 */
const recent = [new Map<string, string[]>(), new Map<string, string[]>()] as const;
const RECENT_TEXTS = 64;

/** The analyzed terms of a text: folded, stopwords removed, stemmed (acronyms kept). */
export function analyze(text: string, opts: AnalyzeOptions = {}): string[] {
  const memo = recent[opts.keepStopwords ? 1 : 0];
  let terms = memo.get(text);
  if (!terms) {
    terms = analyzeText(text, opts);
    if (memo.size >= RECENT_TEXTS) memo.delete(memo.keys().next().value!);
    memo.set(text, terms);
  }
  return terms.slice();
}

/**
 * The analysed terms of each raw token seen (without and with stopwords): a token's terms depend on the token and the
 * lexicons only, so each new question looks most of its words up once instead of folding, expanding and stemming them.
 */
const tokenTerms = [new Map<string, readonly string[]>(), new Map<string, readonly string[]>()] as const;
const TOKEN_TERMS = 50_000;

/** The terms of one raw token: its words without stopwords (unless kept) and one-letter words, stemmed (acronyms kept). */
function termsOfToken(raw: string, abbr: Map<string, string>, keepStopwords: boolean): readonly string[] {
  const ws: { word: string; acronym: boolean }[] = [];
  tokenWords(raw, abbr, ws);
  const out: string[] = [];
  for (const { word, acronym } of ws) {
    if (!keepStopwords && !acronym && STOPWORDS.has(word)) continue;
    if (word.length === 1 && !/\d/.test(word)) continue;
    out.push(acronym ? word : stem(word));
  }
  return out;
}

function analyzeText(text: string, opts: AnalyzeOptions): string[] {
  const abbr = loadAbbreviations();
  loadAcronyms();
  const keep = opts.keepStopwords === true;
  const memo = tokenTerms[keep ? 1 : 0];
  const out: string[] = [];
  for (const m of cleanForTokens(text).matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.length > 40) continue; // not a word (see words)
    let terms = memo.get(raw);
    if (terms === undefined) {
      terms = termsOfToken(raw, abbr, keep);
      if (memo.size < TOKEN_TERMS) memo.set(raw, terms);
    }
    for (let i = 0; i < terms.length; i++) out.push(terms[i]!);
  }
  return out;
}

const EN_FUNCTION = new Set([
  "the",
  "what",
  "which",
  "who",
  "how",
  "is",
  "are",
  "does",
  "do",
  "can",
  "of",
  "for",
  "and",
  "to",
  "in",
  "my",
  "our",
  "we",
  "i",
  "you",
  "there",
  "with",
  "any",
  "where",
  "when",
  "why",
  "should",
  "would",
  "could",
  "was",
  "were",
  "has",
  "have",
  "had",
  "will",
  "did",
  "be",
  "been",
  "it",
  "its",
  "this",
  "that",
  "they",
  "their",
  "your",
  "at",
  "from",
  "by",
  "about",
  "much",
  "many",
  "if",
  "not",
  "than",
  "into",
  "after",
  "before",
]);
const FR_FUNCTION = new Set([
  "le",
  "la",
  "les",
  "des",
  "du",
  "de",
  "un",
  "une",
  "est",
  "et",
  "pour",
  "que",
  "qui",
  "quoi",
  "quel",
  "quelle",
  "nous",
  "je",
  "vous",
  "notre",
  "mon",
  "dans",
  "sur",
  "avec",
  "il",
  "on",
  "ou",
  "au",
  "aux",
  "par",
  "en",
  "pas",
  "ce",
  "se",
  "ca",
  "c",
  "y",
  "sont",
  "elle",
  "ils",
  "nos",
  "mes",
  "ma",
]);

/** An English question's opening (« and since when? », "so where is it based?", "which incubator helps…?"). */
const ENGLISH_OPENING =
  /^(?:(?:and|so|ok|okay|right|but)[,\s]+)*(?:what|when|where|who|whom|whose|which|why|how|since|did|does|do|is|are|was|were|has|have|can|could|will|should|would)\b/;
/** French function words: a question holding one is not read as English off its opening alone. */
const FRENCH_WORD = /\b(?:le|la|les|des|du|de|un|une|est|et|pour|que|qui|quoi|quel|quelle|quand|ou|combien|c'est|il|elle|ils|elles|on|je)\b/;

/**
 * Rough language guess: English when English function words clearly dominate, or when a question opens like an English
 * one and holds no French function word ("Which incubator helps social innovation projects?", "when did it open?",
 * too short for the count). The lists hold only words of one language (« on », « a », « an », « me », « or » are both
 * French and English and count for neither), so that a short English question ("Was it adopted unanimously?") holds two
 * and an SMS French one (« apel a commun kel montant par an ») none.
 */
export function looksEnglish(text: string): boolean {
  let en = 0;
  let fr = 0;
  const folded = fold(text).replace(/[’`]/g, "'").trim();
  for (const w of folded.match(/[a-z]+/g) ?? []) {
    if (EN_FUNCTION.has(w)) en++;
    if (FR_FUNCTION.has(w)) fr++;
  }
  return (en >= 2 && en > fr) || (ENGLISH_OPENING.test(folded) && !FRENCH_WORD.test(folded));
}
