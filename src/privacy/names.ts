/**
 * Personal names in French free text, for the scrubber (scrub.ts). A name is
 * masked when it is introduced ("je m'appelle …", "mon nom est …"), follows a
 * civility ("Mme", "M.", "Monsieur", "Madame"…), follows a contact line
 * ("contact : Marie", "cordialement, …"), or is a first name from INSEE's list
 * (first-names-data.ts) followed by a surname ("Marie Durand", "Pierre-Yves Le
 * Gall", "MARIE DURAND"). Places and structures must survive: words that are
 * first names but mostly places or organisations here ("France Active",
 * "Saint-…", "Paris") are left out, and so are names right after a street or
 * building word ("avenue Jean Jaurès", "lycée Jean Moulin"). Names the public
 * sources themselves cite (elected officials, historical figures: "Hélène
 * Meunier", "Charles Gide") are public: the runtime registers them from the
 * knowledge base (registerPublicNames) and they are kept.
 */
import { foldUncached as fold } from "../core/text.js";
import { FIRST_NAMES_ALSO_WORDS, INSEE_FIRST_NAMES } from "./first-names-data.js";

/** INSEE first names that are, in this service's texts, mostly something else. */
const NOT_FIRST_NAMES = ["France", "Paris", "Saint", "Mai", "Avril", "Aude", "Nancy", "Lorraine", "Amour", "Lys", "Nil"];
const FIRST_NAMES: ReadonlySet<string> = (() => {
  const out = new Set(INSEE_FIRST_NAMES.split(/\s+/).filter(Boolean).map(fold));
  for (const n of NOT_FIRST_NAMES) out.delete(fold(n));
  return out;
})();

/** INSEE first names that are English words opening questions ("Can the DLA…", "May we…"). */
const ENGLISH_WORDS = ["Can", "May", "June", "Grace", "Joy", "Sunny", "Jack", "Mark", "Don", "Max", "Guy"];
/** First names that are also words: alone at the start of a sentence they are not masked. */
const ALSO_WORDS: ReadonlySet<string> = new Set([...FIRST_NAMES_ALSO_WORDS.split(/\s+/), ...ENGLISH_WORDS].filter(Boolean).map(fold));

/** Words before a name that make it a place or a building, not a person. */
const PLACE_BEFORE = new Set(
  [
    "rue",
    "avenue",
    "av",
    "boulevard",
    "bd",
    "place",
    "allée",
    "allées",
    "chemin",
    "impasse",
    "quai",
    "square",
    "cours",
    "route",
    "lycée",
    "collège",
    "école",
    "université",
    "salle",
    "espace",
    "centre",
    "maison",
    "médiathèque",
    "bibliothèque",
    "stade",
    "gymnase",
    "hôpital",
    "clinique",
    "fondation",
    "institut",
    "résidence",
    "cité",
    "parc",
    "pont",
    "église",
    "musée",
    "théâtre",
    "cinéma",
    "prix",
    "saint",
    "sainte",
    "st",
    "ste",
    "quartier",
    "halle",
    "foyer",
    "crèche",
    "abbé",
    "fédération",
    "festival",
  ].map(fold),
);
/** Words after a first name that make it a structure or a place ("France Active", "Marie Métropole"). */
const ORG_AFTER = new Set(
  [
    "active",
    "travail",
    "services",
    "service",
    "bénévolat",
    "compétences",
    "initiative",
    "métropole",
    "agglomération",
    "agglo",
    "communauté",
    "habitat",
    "solidaire",
    "solidaires",
    "emploi",
    "entreprendre",
    "insertion",
    "nature",
    "conseil",
    "département",
    "région",
    "association",
    "coopérative",
    "scop",
    "scic",
    "ess",
    "gard",
    "occitanie",
    "europe",
    "sud",
    "nord",
    "est",
    "ouest",
    "centre",
    "ville",
    "mairie",
    "préfecture",
    "bobine",
    "solidarité",
    "solidarités",
    "tiers-lieu",
    "formation",
    "mutuelle",
    "mutualité",
  ].map(fold),
);
/** Titles after "Madame", "Monsieur", "contact :" — a function, not a person ("Madame la Présidente"). */
const TITLES = new Set(
  [
    "maire",
    "président",
    "présidente",
    "directeur",
    "directrice",
    "préfet",
    "préfète",
    "ministre",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "conseiller",
    "conseillère",
    "vice-président",
    "vice-présidente",
    "délégué",
    "déléguée",
    "trésorier",
    "trésorière",
    "secrétaire",
    "chargé",
    "chargée",
    "responsable",
    "professeur",
    "docteur",
    "juge",
    "commissaire",
    "adjoint",
    "adjointe",
    "élu",
    "élue",
    "service",
    "équipe",
    "accueil",
  ].map(fold),
);
/** Name particles ("Le Gall", "de La Tour", "Van der Berg", "Ben Ali"). */
const PARTICLES = new Set([
  "de",
  "du",
  "des",
  "d'",
  "d’",
  "le",
  "la",
  "van",
  "von",
  "der",
  "den",
  "di",
  "da",
  "dos",
  "del",
  "della",
  "ben",
  "bin",
  "el",
  "al",
  "ibn",
]);
/** Lower-case words that end a name written without capitals ("je m'appelle marie et je…"). */
const STOP = new Set(
  "et ou mais donc car je j' j’ nous vous il elle on suis sommes est sont ai avons a pour par avec dans sur en au aux du des de la le les un une mon ma mes notre nos votre vos ce cette qui que quoi comment quand où bonjour merci svp stp".split(
    " ",
  ),
);

interface Tok {
  text: string;
  start: number;
  end: number;
}

/** One token at `pos` after horizontal spaces: a word (with inner hyphens/apostrophes) or an initial ("J."). */
const TOKEN = /[^\S\n]*(\p{Lu}\.(?![\p{L}])|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*(?![\p{L}\p{M}\p{N}]))/uy;
function tokenAt(text: string, pos: number): Tok | null {
  TOKEN.lastIndex = pos;
  const m = TOKEN.exec(text);
  if (!m) return null;
  const end = TOKEN.lastIndex;
  return { text: m[1]!, start: end - m[1]!.length, end };
}

/** A capitalised word starting at a word boundary (candidates for first names). */
const CAPITALISED = /(?<![\p{L}\p{M}\p{N}'’-])\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*(?![\p{L}\p{M}\p{N}])/gu;
const stripElision = (t: string) => t.replace(/^[dl]['’](?=\p{L})/iu, "");
const isInitial = (t: string) => /^\p{Lu}\.$/u.test(t);
const isUpper = (t: string) => /^\p{Lu}[\p{Lu}\p{M}'’-]+$/u.test(t);
/** A capitalised word ("Durand", "d'Arc", "DURAND"), not a particle. */
const isCapWord = (t: string) => /^\p{Lu}/u.test(stripElision(t)) && stripElision(t).length >= 2 && !PARTICLES.has(t.toLowerCase());
const isParticle = (t: string) => PARTICLES.has(t.toLowerCase()) || /^[dD]['’]$/.test(t);

/** "Marie", "MARIE", "Pierre-Yves": capitalised, every part an INSEE first name. */
export function isFirstName(t: string): boolean {
  if (!/^\p{Lu}/u.test(t)) return false;
  const parts = t.split("-");
  return parts.length <= 3 && parts.every((p) => p.length >= 2 && FIRST_NAMES.has(fold(p)));
}

/**
 * The end of a surname starting at `pos` ("Durand", "Le Gall", "de La Tour",
 * "DURAND"): up to two particles then a capitalised word that is no structure
 * word; -1 when there is none.
 */
function surnameEnd(text: string, pos: number): number {
  let p = pos;
  for (let particles = 0; particles < 2; particles++) {
    const t = tokenAt(text, p);
    if (!t || !isParticle(t.text)) break;
    p = t.end;
  }
  const t = tokenAt(text, p);
  if (t && isCapWord(t.text) && !ORG_AFTER.has(fold(t.text)) && !TITLES.has(fold(t.text))) return t.end;
  return -1;
}

/**
 * The end of a name after a civility or an introduction: initials, first names,
 * particles and capitalised words — or, with `lowerCase` and when the name
 * starts in lower case, up to two plain words that are not function words
 * ("je m'appelle marie durand"). Street and building words end it. -1 when none.
 */
function introducedEnd(text: string, pos: number, lowerCase: boolean): number {
  let p = pos;
  let end = -1;
  let words = 0;
  let lower = 0;
  while (words < 4) {
    const t = tokenAt(text, p);
    if (!t) break;
    const f = fold(t.text);
    if (TITLES.has(f) || ORG_AFTER.has(f) || PLACE_BEFORE.has(fold(stripElision(t.text)))) break;
    const plain = /^\p{Ll}[\p{L}\p{M}'’-]+$/u.test(t.text) && !isParticle(t.text);
    if (lower > 0 || (words === 0 && plain && lowerCase)) {
      // a name written without capitals: plain words only
      if (!plain || lower >= 2 || STOP.has(t.text.toLowerCase())) break;
      end = t.end;
      lower++;
    } else if (isInitial(t.text) || isCapWord(t.text)) {
      end = t.end;
    } else if (isParticle(t.text)) {
      // a particle belongs to the name only if a capitalised word follows
      const after = tokenAt(text, t.end);
      if (!after || !isCapWord(after.text) || TITLES.has(fold(after.text))) break;
    } else break;
    words++;
    p = t.end;
  }
  return end;
}

const INTRO = /(?<![\p{L}])(?:je m['’]appelle|je me nomme|mon nom est|mon nom c['’]est|mon prénom est|moi c['’]est)(?![\p{L}])/giu;
/** Form fields and "je suis": a name follows only if it is written with capitals. */
const FIELD = /(?<![\p{L}])(?:nom|prénom|nom de famille|nom et prénom|prénom et nom)\s*:|(?<![\p{L}])je suis(?=\s+\p{Lu})/giu;
const CIVILITY = /(?<![\p{L}])(?:M\.|MM\.|Mme|Mmes|Mlle|Mr|Dr\.?|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|[Dd]octeur|[Mm]aître)(?![\p{L}])/gu;
const CONTACT =
  /(?<![\p{L}])(?:contact|contacts|interlocuteur|interlocutrice|référent|référente|responsable|cordialement|bien à vous|signé|de la part de)(?:\s*[:,-])?/giu;

/** Folded names of public figures cited by the knowledge base (see registerPublicNames). */
const publicNames = new Set<string>();
const nameKey = (s: string) =>
  fold(s)
    .replace(/['’]s$/, "")
    .replace(/[\s’']+/g, " ")
    .trim();

/**
 * Registers the "Prénom Nom" names found in public texts (the knowledge base):
 * they name public figures, not the people writing, and are not masked.
 * Returns how many names are registered in all.
 */
export function registerPublicNames(texts: Iterable<string>): number {
  for (const t of texts) for (const [s, e] of findNames(t)) publicNames.add(nameKey(t.slice(s, e)));
  return publicNames.size;
}

/** How many public names are registered: they only ever grow, so a change of this count says that findNames may read differently. */
export function publicNameCount(): number {
  return publicNames.size;
}

/** Spans [start, end) of personal names in `text`, sorted and not overlapping; public names excluded. */
export function findNames(text: string): [number, number][] {
  const found = findAllNames(text);
  return publicNames.size ? found.filter(([s, e]) => !publicNames.has(nameKey(text.slice(s, e)))) : found;
}

function findAllNames(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const add = (s: number, e: number) => {
    if (e > s) spans.push([s, e]);
  };
  for (const m of text.matchAll(INTRO)) {
    const at = m.index + m[0].length;
    const first = tokenAt(text, at);
    const end = introducedEnd(text, at, true);
    if (first && end > 0) add(first.start, end);
  }
  for (const m of text.matchAll(FIELD)) {
    const at = m.index + m[0].length;
    const first = tokenAt(text, at);
    if (!first) continue;
    // "je suis" + a first name only ("je suis Marie Durand", not "je suis Gérante")
    if (/^je/i.test(m[0]) && !isFirstName(first.text)) continue;
    const end = introducedEnd(text, at, false);
    if (end > 0) add(first.start, /^je/i.test(m[0]) ? Math.max(first.end, surnameEnd(text, first.end)) : end);
  }
  for (const m of text.matchAll(CIVILITY)) {
    const at = m.index + m[0].length;
    const first = tokenAt(text, at);
    const end = introducedEnd(text, at, false);
    if (first && end > 0) add(first.start, end);
  }
  for (const m of text.matchAll(CONTACT)) {
    const at = m.index + m[0].length;
    const first = tokenAt(text, at);
    if (!first || !isFirstName(first.text)) continue;
    const sur = surnameEnd(text, first.end);
    add(first.start, sur > 0 ? sur : first.end);
  }
  // "Prénom Nom" anywhere: an INSEE first name followed by a surname; a first name
  // alone when it stands inside a sentence ("demandez à Mireille"), or starts one
  // without being a common word ("Kenza aimerait…", but not "Rose est…").
  // Only capitalised words are candidates, so ordinary text costs one regex scan.
  for (const m of text.matchAll(CAPITALISED)) {
    const t: Tok = { text: m[0], start: m.index, end: m.index + m[0].length };
    if (!isFirstName(t.text)) continue;
    const before = /([\p{L}\p{M}'’-]+)[^\S\n]*$/u.exec(text.slice(Math.max(0, t.start - 40), t.start));
    if (before && PLACE_BEFORE.has(fold(stripElision(before[1]!)))) continue;
    const end = surnameEnd(text, t.end);
    if (end > 0) {
      add(t.start, end);
      continue;
    }
    if (!/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
    const next = tokenAt(text, t.end);
    if (next !== null && (ORG_AFTER.has(fold(next.text)) || isCapWord(next.text))) continue;
    const head = text.slice(Math.max(0, t.start - 20), t.start);
    const sentenceStart = /[.!?…\n][\s«"“(—–-]*$/.test(head) || (t.start <= 20 && /^[\s«"“(—–-]*$/.test(head));
    if (!(sentenceStart && ALSO_WORDS.has(fold(t.text)))) add(t.start, t.end);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}
