/**
 * Whether an answer gives the figure a question asks for. A question that asks how
 * many, how much or what share ("combien de projets l'Adie a-t-elle financés en 2023 ?")
 * is answered only by a quantity about what it names, for the year it names: a date,
 * a year or a figure about something else ("120 projets en 2025", "BGE accompagne
 * depuis vingt-cinq ans" for a question on the DLA) is no answer, and the assistant
 * says it does not know instead.
 */
import { analyze, fold, looksEnglish, stem } from "../retrieval/analyzer.js";
import { MONTH_ALTERNATION, WEEKDAY_ALTERNATION } from "../core/calendar-words.js";

const MONTHS = MONTH_ALTERNATION;

/** What reads as a number without being a quantity: dates, years, hours, legal references, citation marks. */
const NOT_QUANTITY = [
  /\b(n ?°|no\.?|numero|article|art\.?|loi|decret) ?[a-z]?\d[\d-]*\b/g,
  /\b[lrd]\.? ?\d{3,}(-\d+)*\b/g,
  new RegExp(String.raw`\b(1er|\d{1,2})( (au|et|a)|-)? (1er|\d{1,2}) (${MONTHS})( (19|20)\d{2})?\b`, "g"),
  new RegExp(String.raw`\b(1er|\d{1,2}) (${MONTHS})( (19|20)\d{2})?\b`, "g"),
  new RegExp(String.raw`\b(${MONTHS}) \d{1,2}(st|nd|rd|th)?\b`, "g"),
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
  /\b(19|20)\d{2}\b/g,
  /\b\d{1,2} ?(h|heures?)( ?\d{2})?\b/g,
  /\[\d+\]/g,
  // ordinals: « la 10e édition » says which one, not how many
  /\b\d+ ?(e|eme|er|ere|nd|nde|th|st|rd)\b/g,
];

/** Number words and words that answer "how much" without digits. */
const QUANTITY_WORDS =
  /\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine|centaines|milliers|moitie|tiers|quart|aucun|aucune|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|half|third)\b/;

/**
 * « en » standing for the things just spoken of in a question counting them or asking whether there are some (« y en a
 * combien dans le Gard ? », « il y en a à Nîmes ? », « combien en existe-t-il ? », "are there any in Nîmes?"), folded: a
 * count of those things, not a price (« combien » alone may ask either).
 */
export const COUNTED_BY_EN =
  /(?<!\p{L})(?:(?:il\s+)?y\s+en\s+a(?!\p{L})|combien\s+(?:y\s+)?en\s+(?:a|existe|compte)\w*|en\s+(?:existe|compte)(?:-t-il|\s+t\s+il)?(?!\p{L})|are there any|is there one)/u;

/** What answers a question about a price without a figure. */
const FREE = /\b(gratuit|gratuite|gratuits|gratuites|gratuitement|free of charge|free)\b/;
/** A question about a price. */
const COST = /\b(cout\w*|prix|tarif\w*|pay\w*|factur\w*|cost\w*|price\w*|fees?)\b/;

/** Whether a text holds a count, an amount or a share (not only dates, years or references); « gratuit » is a price. */
export function hasQuantity(text: string, price = false): boolean {
  let t = fold(text);
  for (const r of NOT_QUANTITY) t = t.replace(r, " ");
  return /\d/.test(t) || QUANTITY_WORDS.test(t) || (price && FREE.test(t));
}

/**
 * The acronym a « combien de SCIC ? » / "how many EPCI?" question counts, analysed, if
 * it counts one: such a question is answered by a number of them, not by any figure
 * about them (« jusqu'à 50 % du capital » is no number of SCIC).
 */
export function countedAcronym(question: string): string | null {
  const m = /\b(?:(?:combien|cb|nombre)\s+(?:de\s+|d['’])|how\s+many\s+)(\p{L}+)/iu.exec(question);
  if (!m || m[1]!.length < 2 || m[1] !== m[1]!.toUpperCase()) return null;
  return analyze(m[1]!)[0] ?? null;
}

/** Words a how-many question counts that are measures or people, whose figure an answer gives in other words. */
const MEASURE_NOUNS =
  /^(temps|tps|argent|fois|personnes?|gens|monde|euros?|annees?|ans|mois|jours?|heures?|semaines?|places?|salaries?|emplois?|habitants?|people|time|money|years?|months?|weeks?|days?|hours?|jobs?|euros?)$/;

/** « combien de X », « nombre d'X », "how many X": the word counted. */
const COUNT_ASKED = /\b(?:(?:combien|cb|nombre)\s+(?:de\s+|d['’])|how\s+many\s+)(\p{L}+)/iu;

/** The noun any count question counts, measure words included (« combien de personnes » → « personn »), analysed. */
export function countedWord(question: string): string | null {
  const m = COUNT_ASKED.exec(fold(question).replace(/[’`]/g, "'"));
  return m ? (analyze(m[1]!)[0] ?? null) : null;
}

/**
 * The noun a « combien d'agents ont été formés ? » question counts, analysed (not an acronym, see
 * countedAcronym, nor a measure): a paragraph that names those things with no figure in digits and
 * no number before them (« former ses agents », beside « trois engagements ») does not count them.
 */
export function countedNoun(question: string): string | null {
  const m = COUNT_ASKED.exec(question);
  const word = m?.[1];
  // A plural (« combien d'agents »), not a mass noun (« combien de subvention ») nor an adjective (« how many intercommunal… »).
  if (!word || word.length < 3 || word === word.toUpperCase() || !/[sx]$/i.test(word) || MEASURE_NOUNS.test(fold(word))) return null;
  return analyze(word)[0] ?? null;
}

/**
 * Participles that say a thing exists, is placed or is counted (« combien de communes sont classées en QPV », « situées »):
 * they narrow nothing, and a figure need not repeat them.
 */
const NEUTRAL_PARTICIPLE =
  /^(situe|implante|installe|present|recense|compte|denombre|enregistre|repertorie|reference|identifie|comptabilise|declare|classe|concerne|existant|prevu|base|localise|domicilie|inscrit|represente|reparti|tenu|deroule|organise|soutenu|aide|accompagne|finance|retenu|selectionne|laureat|beneficie|participe)(e|s|es)?$/;

/** Nouns after « dans le… » that place a figure without narrowing it (« dans le Gard », « dans le cadre de »). */
const NEUTRAL_PLACE =
  /^(cadre|departement|territoire|region|pays|monde|total|ensemble|annee|mois|moment|temps|futur|avenir|passe|detail|fond|coin|secteur|domaine|public|gard|ess|economie|esprit|but|objectif|departements|territoires|regions)$/;

/** An auxiliary before a participle said of the counted things (« ont été », « sont-ils »). */
const AUXILIARY = /^(?:ont|a|sont|seront|auront|avaient|étaient|ont-ils|ont-elles|sont-ils|sont-elles|seront-ils|seront-elles)$/u;
/** A French past participle. */
const PARTICIPLE = /^\p{L}+(?:é|ée|és|ées|is|ie|ies|us|ue|ues|it|its|ite|ites)$/u;
/** A participle used as an adjective right after the counted noun (« d'exemplaires imprimés »). */
const PARTICIPLE_ADJECTIVE = /^\p{L}+(?:é|ée|és|ées)$/u;
/** Words that open another subject or clause between the counted noun and a verb (« de territoires les ateliers se sont tenus »). */
const SUBJECT_START =
  /^(?:le|la|les|l'.*|un|une|des|du|au|aux|qui|que|qu'.*|il|elle|on|ils|elles|se|s'.*|y|en|ce|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos|mon|ma|mes|je|j'.*|nous|vous)$/u;

/**
 * What narrows the things a French how-many or what-share question counts: a participle said of them
 * (« combien d'élus ont été formés », « combien d'exemplaires imprimés »), or the field they are in
 * (« quelle part des emplois … dans la culture et le sport »). A figure about those things without that
 * qualifier (the number of elected members, the ESS share of all jobs) is no answer. Folded words.
 * (English questions are answered from French passages, where their words cannot be looked for.)
 */
export function askedQualifiers(question: string): string[] {
  const q = question.toLowerCase().replace(/[’`]/g, "'");
  const start = /\b(combien|nombre d|quelle part|quelle proportion|quel pourcentage|quelle partie)/.exec(fold(q).replace(/[’`]/g, "'"));
  if (!start) return [];
  const asked = q.slice(start.index);
  const out = new Set<string>();
  const counted = countedNoun(question) !== null;
  if (counted) {
    // The words said of the counted things, up to the clause's end: « [élus et d'agents départementaux] ont été formés ».
    const m = /^(?:combien|nombre)\s+(?:de\s+|d')\p{L}+([^,;:?!.()]*)/u.exec(asked);
    const words = (m?.[1] ?? "").trim().split(/\s+/).filter(Boolean);
    // « combien d'exemplaires imprimés »
    if (words[0] && PARTICIPLE_ADJECTIVE.test(words[0])) out.add(fold(words[0]));
    // « … ont été formés », « … sont-ils agréés »: the auxiliary within a few words, before anything else is the subject
    for (let i = 0; i < Math.min(words.length, 5); i++) {
      const w = words[i]!;
      if (SUBJECT_START.test(w)) break;
      if (!AUXILIARY.test(w)) continue;
      let j = i + 1;
      while (j < words.length && /^(déjà|bien|effectivement|vraiment|réellement|été)$/.test(words[j]!)) j++;
      const participle = words[j];
      // (« ont pris part » says the counted people took part, as « ont participé » does: no narrower group)
      if (participle && PARTICIPLE.test(participle) && !(fold(participle) === "pris" && words[j + 1] === "part")) out.add(fold(participle));
      break;
    }
    for (const w of [...out]) if (NEUTRAL_PARTICIPLE.test(w)) out.delete(w);
  }
  // « … dans la culture et le sport », « dans les assos »: lower-case nouns (a place or an acronym is a name, checked elsewhere)
  for (const m of asked.matchAll(/\bdans\s+(?:le|la|les|l')\s*(\p{Ll}{3,})(?:\s+et\s+(?:le|la|les|l')\s*(\p{Ll}{3,}))?/gu)) {
    for (const w of [m[1], m[2]]) {
      if (!w) continue;
      const f = fold(w);
      if (!NEUTRAL_PLACE.test(f) && !GENERIC_NAMES.has(f)) out.add(f);
    }
  }
  return [...out];
}

/**
 * Whether a text speaks of a qualifier: a word of the same root (« formés », « formation »: their first four letters),
 * or one of its equivalents.
 */
function speaksOf(text: string, qualifier: string, equivalents: (term: string) => string[][]): boolean {
  const words = [...fold(text).matchAll(/\p{L}+/gu)].map((m) => m[0]);
  const root = qualifier.slice(0, 4);
  if (words.some((w) => w.startsWith(root))) return true;
  const terms = new Set(analyze(text));
  return analyze(qualifier).some((t) => equivalents(t).some((seq) => seq.every((x) => terms.has(x))));
}

/** A figure in digits (in a paragraph without its citation marks and years). */
const FIGURE = /\d/;

/** Whether a paragraph names one of `heads` (analysed words). */
function mentions(paragraph: string, heads: string[]): boolean {
  return [...fold(paragraph).matchAll(/\p{L}+/gu)].some((m) => heads.includes(stem(m[0])) || heads.includes(m[0]));
}

/** Whether a quantity stands just before one of `heads` (analysed words): « 14 EPCI », « 17 quartiers prioritaires ». */
export function countsOf(paragraph: string, heads: string[]): boolean {
  const text = fold(paragraph);
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (!heads.includes(stem(m[0])) && !heads.includes(m[0])) continue;
    // the quantity is one of the three words before: « 14 EPCI », « six grands quartiers », not « 50 % du capital d'une SCIC »
    if (hasQuantity(text.slice(0, m.index).trim().split(/\s+/).slice(-3).join(" "))) return true;
  }
  return false;
}

/** Units that measure a time or a sum: a figure before them counts no things (a share may: « 57,5 % … en réserves »). */
const MEASURE_UNIT = /^(?:mois|ans?|annees?|semaines?|jours?|heures?|minutes?|euros?|eur|k€|€|months?|years?|weeks?|days?|hours?)$/;
/** Words a count of people is given in, whatever people were asked (« plus de 200 personnes » for participants). */
const PEOPLE = /^(?:personnes?|participants?|participantes?|gens|people|persons?|membres?|members?)$/;
/**
 * Nouns of people or of their jobs, as a how-many question counts them (« combien d'habitants », « combien de salariés »):
 * a figure of people (« plus de 200 personnes ») may count those, never things (« combien d'ateliers ? »).
 */
const PEOPLE_NOUNS = new Set(
  [
    "personne",
    "participant",
    "participante",
    "gens",
    "habitant",
    "salarie",
    "salariee",
    "benevole",
    "elu",
    "elue",
    "agent",
    "membre",
    "adherent",
    "inscrit",
    "porteur",
    "porteuse",
    "entrepreneur",
    "entrepreneuse",
    "createur",
    "creatrice",
    "acteur",
    "actrice",
    "visiteur",
    "jeune",
    "femme",
    "homme",
    "beneficiaire",
    "partenaire",
    "societaire",
    "associe",
    "resident",
    "stagiaire",
    "demandeur",
    "chomeur",
    "usager",
    "client",
    "consommateur",
    "enfant",
    "eleve",
    "etudiant",
    "senior",
    "famille",
    "acheteur",
    "consultant",
    "conseiller",
    "financeur",
    "representant",
    "invite",
    "expert",
    "intervenant",
    "organisateur",
    "emploi",
    "actif",
    "travailleur",
    "public",
    "people",
    "person",
    "inhabitant",
    "employee",
    "volunteer",
    "member",
    "attendee",
    "visitor",
    "worker",
    "job",
    "resident",
    "citizen",
    "citoyen",
    "accompagne",
    "laureat",
    "candidat",
    "structure",
    "association",
    "asso",
    "organisation",
  ].flatMap((w) => [w, `${w}s`, stem(w), stem(`${w}s`)]),
);
/** Whether the things a how-many question counts (`heads`, analysed) may be people (or nothing named): then a figure of people may count them. */
const mayBePeople = (heads: string[]) => heads.length === 0 || heads.some((h) => PEOPLE_NOUNS.has(h) || PEOPLE_NOUNS.has(stem(h)));
/** A number in a folded text: digits (« 3,3 », « 23 000 ») or a number word. */
const NUMBER = new RegExp(String.raw`\d+(?:[.,]\d+|\s\d{3}(?!\d))*|\b(?:${QUANTITY_WORDS.source.slice(3, -3)})\b`, "g");

/**
 * Whether every figure of a paragraph counts or measures something other than the things a how-many question counts
 * (`heads`, analysed): a figure before a duration, a sum or a share (« environ 8 mois », « 250 000 € »), or, when the paragraph
 * names those things (`named`), before other things (« 5 axes et 39 actions » beside « les agents »). A figure before those
 * things, before people, or before nothing it names, may count them. False when the paragraph holds no figure. With
 * `people` (people are counted), a share of something (« 10 % de son chiffre d'affaires ») counts other things too.
 */
export function countsOnlyOther(paragraph: string, heads: string[], named: boolean, people = false): boolean {
  let text = fold(paragraph).replace(/€/g, " € ").replace(/%/g, " % ");
  for (const r of NOT_QUANTITY) text = text.replace(r, " ");
  let figures = 0;
  for (const m of text.matchAll(NUMBER)) {
    // a range (« de 2 à 6 mois ») is read at its end
    if (/^\s*(?:a|-|–|et|ou|to|or)\s+(?:\d|\p{L}+\s)/u.test(text.slice(m.index + m[0].length)) && /^\d/.test(m[0])) continue;
    figures++;
    const after = text
      .slice(m.index + m[0].length)
      .split(/[^\p{L}\d€%']+/u)
      .filter(Boolean)
      .slice(0, 4);
    const next = after[0];
    if (next === undefined) return false;
    // (a duration or a sum first: « depuis plus de vingt ans des prêts d'honneur » counts years, not loans)
    if (MEASURE_UNIT.test(next)) continue;
    if (after.slice(0, 3).some((w) => heads.includes(stem(w)) || heads.includes(w) || (PEOPLE.test(w) && mayBePeople(heads)))) return false;
    // asked of people, « environ 10 % de son chiffre d'affaires » is a share of another thing (not so of a mass,
    // « combien de réserves ? » and « 57,5 % des excédents sont placés en réserves »)
    if (people && next === "%" && /^(?:de|du|des|d'\p{L}+)$/u.test(after[1] ?? "")) continue;
    // « 3,3 millions d'euros »
    if (
      /^(?:millions?|milliards?|milliers?|mille)$/.test(next) &&
      after[1] !== undefined &&
      /^(?:d'euros|euros?|€|de)$/.test(after[1]) &&
      (after[1] !== "de" || after[2] === "€")
    )
      continue;
    if (named && /^\p{L}{3,}[sx]$/u.test(next)) continue;
    return false;
  }
  return figures > 0;
}

/**
 * Whether some paragraph of `text` counts the things a how-many question (`question`) counts: a quantity just before them,
 * before one of their `equivalents`, or before people (« plus de 200 personnes »). True when the question counts no
 * things (see countedNoun). « 5 axes et 39 actions » or « au moins deux autres structures » count no entrepreneurs.
 */
export function countsAskedThings(question: string, text: string, equivalents: (term: string) => string[][] = () => []): boolean {
  const noun = countedNoun(question);
  if (noun === null) return true;
  const heads = [noun, ...equivalents(noun).map((seq) => seq[0]!)];
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .some((p) => countsOf(p, heads) || (mayBePeople(heads) && countsOf(p, PEOPLE_HEADS)));
}

/** People counted in any words (« plus de 200 personnes », « 80 participants »), as written and analysed. */
const PEOPLE_WORDS = [
  "personne",
  "personnes",
  "participant",
  "participants",
  "participante",
  "participantes",
  "gens",
  "people",
  "person",
  "persons",
  "membre",
  "membres",
  "member",
  "members",
];
const PEOPLE_HEADS = [...PEOPLE_WORDS, ...PEOPLE_WORDS.map(stem)];

/**
 * Whether a name written as one word (« Alterincub », « Minedetalents ») is a name the text writes in two or three
 * (« Alter'Incub », « Mine de talents »): its letters are those of consecutive words of the text. Names of six letters
 * or more, so that a short word does not read as two.
 */
export function glued(name: string, text: string): boolean {
  const n = fold(name).replace(/[^a-z0-9]/g, "");
  if (n.length < 6) return false;
  const words = [...fold(text).matchAll(/[a-z0-9]+/g)].map((m) => m[0]);
  for (let i = 0; i < words.length; i++) {
    let joined = words[i]!;
    for (let j = i + 1; j < Math.min(words.length, i + 3); j++) {
      joined += words[j]!;
      // the name is analysed (a stem): the joined words begin with it and differ by an ending (four letters) at most
      if (joined.startsWith(n) && joined.length - n.length <= 4) return true;
    }
  }
  return false;
}

/** Names too general to say what a figure is about: the Gard, its Département, the ESS… */
const GENERIC_NAMES = new Set(
  [
    "gard",
    "gardois",
    "gardoise",
    "gardoises",
    "departement",
    "departements",
    "departemental",
    "departementale",
    "conseil",
    "ess",
    "economie",
    "sociale",
    "solidaire",
    "france",
    "francais",
    "occitanie",
    "region",
    "regional",
    "regionale",
    "etat",
    "english",
    "i",
  ].map((w) => fold(w)),
);

/** A month or a weekday, French or English. */
const DATE_WORD = new RegExp(`^(${MONTHS}|${WEEKDAY_ALTERNATION})$`);

/**
 * The names a question asks about: acronyms ("DLA", "MIESS") and capitalised words that
 * do not open a sentence ("l'Adie", "Airdie"), without the general ones (Gard, ESS…).
 * Returned as analysed terms.
 */
export function namedTerms(question: string): string[] {
  const out = new Set<string>();
  const re = /[\p{L}][\p{L}'’-]*/gu;
  for (const m of question.matchAll(re)) {
    let word = m[0].replace(/^[dlcjmnst]['’]/i, "");
    if (!word) continue;
    // A month or a weekday (« the October 2023 workshops ») says when, which askedYears and askedDays read.
    if (DATE_WORD.test(fold(word))) continue;
    const before = question.slice(0, m.index).trimEnd();
    const opensSentence = before === "" || /[.?!:;«"]$/.test(before);
    const acronym = word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
    const capitalised = /^\p{Lu}\p{Ll}/u.test(word);
    if (!(acronym || (capitalised && !opensSentence))) continue;
    word = word.replace(/['’-]+$/, "");
    for (const t of analyze(word)) if (!GENERIC_NAMES.has(t) && !GENERIC_NAMES.has(fold(word))) out.add(t);
  }
  return [...out];
}

/** The years a question asks a figure for ("en 2023", "in 2024"), not those that only bound it ("depuis 2020"). */
export function askedYears(question: string): string[] {
  const q = fold(question);
  const years = new Set<string>();
  for (const m of q.matchAll(/\b(19|20)\d{2}\b/g)) {
    const before = q.slice(Math.max(0, m.index - 14), m.index);
    if (/\b(depuis|since|avant|before|apres|after|jusqu'?en|until|entre|between|from|a|to)\s*(l'an(nee)?\s*)?$/.test(before)) continue;
    // the end of a period written « 2024-2030 » bounds it, as « de 2024 à 2030 » does (« couvre quelle période ? 2024-2030 ? »)
    if (/\b(19|20)\d{2}\s*[-–]\s*$/.test(before)) continue;
    years.add(m[0]);
  }
  return [...years];
}

/**
 * Whether `answer` gives what a how-many / how-much `question` asks: one of its
 * paragraphs (each from one passage) holds a quantity, the names the question asks
 * about and the years it asks for; a paragraph's quantity with another's name is no
 * answer. `normalized` is the question as searched (abbreviations written out), when
 * known; `about` says what the answer is about when it does not repeat it (a card's
 * phrasings); `equivalents` gives the synonyms of a name (« quartiers prioritaires »
 * for « QPV »), all of whose words count.
 */
export function givesAskedQuantity(
  question: string,
  answer: string,
  normalized?: string,
  about = "",
  equivalents: (term: string) => string[][] = () => [],
): boolean {
  return givesAsked("number", question, answer, normalized, about, equivalents);
}

/**
 * A question that asks how long something lasts or takes (« combien de temps ? », « quelle durée ? », « ça dure combien ? »,
 * « l'accompagnement dure combien ? », "how long does it last?").
 */
const ASKS_DURATION =
  /\b(combien de (temps|tps|mois|semaines|jours|annees|ans)|cb de (temps|tps|mois)|quelle duree|how long|how many (months|years|weeks|days))\b|\b(?:dure|durent|durera|dureront|durait|duree)\s+(?:\p{L}+\s+){0,3}?(?:combien|cb|cbn)\b|\b(?:combien|cb|cbn)\s+(?:\p{L}+\s+){0,2}?(?:dure|durent|durera|duree)\b/u;
/** A duration in an answer: a number of days, weeks, months or years, or words that say how long without one. */
const DURATION =
  /\b(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quelques|plusieurs|one|two|three|four|five|six|twelve|a few|several)\s*(?:[a-z]+\s+)?(jours?|semaines?|mois|ans|annees?|days?|weeks?|months?|years?)\b|\b(renouvelable|sans limite|duree indeterminee|pas publie|n'est pas publie|not published)\b|\b(?:19|20)\d{2}\s*(?:a|au|to|-|–)\s*(?:[a-z]+\s+)?(?:19|20)\d{2}\b/;

/** Whether a question asks how long something lasts or takes (see ASKS_DURATION). */
export function asksDuration(question: string): boolean {
  return ASKS_DURATION.test(fold(question).replace(/[’`]/g, "'"));
}

/** Words of a question asking a duration that only ask it (« ça dure combien de temps ? », "how long does it last?"), no subject. */
const DURATION_ASKING = new Set(
  analyze(
    "dure durer durent durera duree combien cb cbn temps tps mois semaines jours annees ans quelle quel ca cela il elle ils elles c'est est ce how long does do it they take takes last lasts many months years weeks days",
  ),
);

/** A noun named after an article or a possessive (« l'incubation », « la formation », « son accompagnement », "the programme"). */
const NAMED_AFTER_ARTICLE = /(?:^|[\s,])(?:l'|(?:le|la|les|du|des|son|sa|ses|leur|leurs|the|its|their)\s+)(\p{L}{3,}(?:\s+(?:de|d'|du|des)\s*\p{L}{3,})?)/gu;

/**
 * Whether a text says how long the subject a duration question names lasts (« ça dure combien, l'incubation ? » and « puis
 * une incubation de 12 mois »): a sentence giving a duration that names that subject. Another thing's duration beside it
 * (« un programme d'accélération d'environ 8 mois ») is no answer. A question naming no subject (« ça dure combien ? »)
 * is answered by any duration.
 */
export function givesDurationOf(question: string, text: string): boolean {
  // (the subject is what the question names after an article, « l'incubation », "the programme": « il vaut pour combien de
  // temps ? » names none, whatever its verb)
  const named = [...fold(question).replace(/[’`]/g, "'").matchAll(NAMED_AFTER_ARTICLE)].map((m) => m[1]!).join(" ");
  const subject = analyze(named).filter((t) => !DURATION_ASKING.has(t));
  const sentences = text.split(/(?<=[.!?;:])\s+|\n+/);
  return sentences.some((s) => {
    if (!DURATION.test(fold(s))) return false;
    if (subject.length === 0) return true;
    const held = new Set(analyze(s));
    return subject.some((t) => held.has(t));
  });
}

/** A date: a year, a month, a weekday, an hour; or the words that say when without one (« chaque année »). */
const DATE = new RegExp(
  String.raw`\b(1[89]|20)\d{2}\b|\b(${MONTHS})\b|\b(${WEEKDAY_ALTERNATION})s?\b|\b\d{1,2} ?h\b|\b(chaque annee|chaque mois|chaque semaine|tous les ans|en continu|toute l'annee|pas publie|every year|ongoing|all year)\b`,
);

/**
 * Whether a question asks when (« c'était quand ? », « en quelle année… », "when was…"),
 * not merely uses « quand » as a conjunction (« quand on est une asso ») or in « quand même ».
 */
export function asksWhen(question: string): boolean {
  const q = fold(question)
    .replace(/[’`]/g, "'")
    .replace(/\bquand meme\b/g, " ")
    .trim();
  return (
    /^(?:(?:et|mais|ok|alors|and)\s+)?(?:quand|depuis quand|jusqu'a quand|when|since when|until when)\b/.test(q) ||
    /\b(?:en quelle annee|a quelle date|quelle date|quel jour|what year|what date|which year)\b/.test(q) ||
    // « … quand déjà ? », « … quand exactement ? »: a filler after the question word does not make it a conjunction
    /\bquand(?:,?\s+(?:deja|exactement|au juste|precisement|du coup|alors|svp|stp))?\s*[?!.]*\s*$/.test(q) ||
    // « depuis quand », « jusqu'à quand » ask a date wherever they stand (« le schéma c'est jusqu'à quand ? »)
    /\b(?:depuis|jusqu'? ?a) quand\b/.test(q) ||
    /\b(?:c'?est|c'?etait|ca s'?est passe|a eu lieu|ont eu lieu|aura lieu|auront lieu)\s+quand\b/.test(q)
  );
}

/** A question asking when something ends (« jusqu'à quand ? », « ça se termine quand ? », "until when"). */
const UNTIL =
  /\b(jusqu'? ?a quand|jusqu'? ?en quelle annee|jusqu'? ?a quelle date|se termine quand|prend fin quand|finit quand|s'arrete quand|until when|ends? when|when does it end|how long does it run|runs? until)\b/;

/**
 * The words that give an end or a period: « jusqu'en 2028 », « d'ici 2027 », « 2024-2028 », « fin », "until", or the
 * bound of a period from one date to another (« du 1er janvier 2024 au 31 décembre 2030 », « de 2024 à 2030 »).
 */
const END = new RegExp(
  String.raw`\b(jusqu|d'ici|fin|echeance|termine|terminera|s'acheve|expire|until|through|ends?|valable|renouvelable|duree)\b|\b(\d+|un|une|deux|trois|quatre|cinq|six|dix) (ans?|annees?|mois|years?|months?)\b|\b(19|20)\d{2}\s*[-–]\s*(19|20)?\d{2}\b|\b(19|20)\d{2} a (19|20)\d{2}\b|\b(?:au|to) (?:(?:1er|\d{1,2}) )?(?:(?:${MONTHS}) )?(?:19|20)\d{2}\b|\bpas publie`,
);

/** Whether a text says when: a year, a month, or « chaque année ». */
export function hasDate(text: string): boolean {
  return DATE.test(fold(text));
}

/**
 * The days a question names (« aux Rencontres du 7 novembre », "on 22 November"), folded as
 * « 7 novembre »: a figure is asked about that day's event, and another edition's does not give it.
 */
export function askedDays(question: string): string[] {
  const q = fold(question).replace(/\b1er\b/g, "1");
  const days = new Set<string>();
  for (const m of q.matchAll(new RegExp(String.raw`\b(\d{1,2}) (${MONTHS})\b`, "g"))) days.add(`${m[1]} ${m[2]}`);
  for (const m of q.matchAll(new RegExp(String.raw`\b(${MONTHS}) (\d{1,2})(?:st|nd|rd|th)?\b`, "g"))) days.add(`${m[2]} ${m[1]}`);
  return [...days];
}

/** Whether a folded text names a day (« 7 novembre », « 1er novembre », "November 7"). */
function namesDay(text: string, day: string): boolean {
  const [n, month] = day.split(" ");
  const first = n === "1" ? "(?:1|1er)" : n;
  return new RegExp(String.raw`\b${first} ${month}\b|\b${month} ${n}(?:st|nd|rd|th)?\b`).test(text);
}

/** A recent period named relative to now (« l'an dernier », "last year"). */
const RECENT = /\b(l'an dernier|l'annee derniere|l'an passe|l'annee passee|last year|past year)\b/;

/** Whether a folded text names a year at most two years before the current one. */
function recentYear(text: string): boolean {
  const now = new Date().getUTCFullYear();
  return [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].some((m) => Number(m[0]) >= now - 2);
}

/**
 * A part asked of a whole the question states with its figure (« sur les 250 000 € de l'appel, combien vont… »,
 * « parmi les plus de 200 participants, combien étaient… », "out of the 14 EPCI, how many…"): the whole's figure.
 */
const WHOLE_FIGURE =
  /\b(?:sur|parmi|among|out of|of)\s+(?:les|ces|the|those)\s+(?:(?:plus de|pres de|environ|quelque|more than|over|about|nearly|some)\s+)?(\d{1,3}(?:[\s.]\d{3})+|\d+(?:,\d+)?)/g;
/** A figure in a text (« 250 000 », « 3,3 ») followed by its unit, if any (« millions », « M€ », « % »). */
const FIGURE_WITH_UNIT = /\d{1,3}(?:[\s.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
const UNIT_AFTER = /^\s*(?:millions?|milliards?|m€|k€|md€|mds?|m|k|€|euros?|%)?/;
/** A figure written without its thousands separators (« 250 000 » and « 250.000 » as « 250000 »). */
const figureKey = (n: string) => n.replace(/[\s.]/g, "");

/** A currency after a figure, folded (« € », « k€ », « euros », « millions d'euros »). */
const CURRENCY = String.raw`(?:m€|k€|md€|€|euros?\b|millions? (?:d'euros|€|euros?)|milliards? (?:d'euros|€|euros?))`;
/** A whole stated as a sum (« sur les 3,3 M€… », « sur les 250 000 euros… »): the part asked of it is a sum too. */
const WHOLE_SUM = new RegExp(String.raw`${WHOLE_FIGURE.source}\s*${CURRENCY}`);
/** A sum in a folded text: a figure and a currency (« 40 000 € », « 1,2 million d'euros »). */
const SUM_GIVEN = new RegExp(String.raw`\d(?:[\d\s.,]*\d)?\s*${CURRENCY}`);
/** What gives a price in a folded text: a sum, a share (« pris en charge à 80 % ») or no price at all (« gratuit », « taux zéro »). */
const PRICE_GIVEN = new RegExp(
  String.raw`${SUM_GIVEN.source}|\d\s*(?:%|pour ?cent)|\b(?:gratuit\w*|free(?: of charge)?|taux zero|sans interet|sans frais|interest[- ]free)\b`,
);

/** The figures a question states as the whole it asks a part of (folded), if it asks a part of one. */
export function wholeFigures(question: string): string[] {
  return [...fold(question).matchAll(WHOLE_FIGURE)].map((m) => figureKey(m[1]!));
}

/** A question that asks a part of a whole it names (« parmi les fournisseurs du Département, combien… », « sur les 12… »). */
const PART_OF = /\b(?:parmi|among|out of)\s+(?:les|ces|the|those|leurs|ses|nos)\b|\bsur\s+(?:les|ces)\s+(?:(?:plus de|pres de|environ|quelque)\s+)?\d/;
/** The part asked, named after « combien » (« combien étaient des élus », « combien sont des coopératives »). */
const PART_NOUN =
  /\bcombien\s+(?:(?:en\s+)?(?:sont|etaient|seront|sont ils|sont elles|etaient ils|etaient elles|ont ete|etaient en fait|sont en fait)\s+)?(?:des|de|d'|aux|a des)\s*(\p{L}{3,})|\bhow many\s+(?:of them\s+)?(?:are|were)\s+(\p{L}{3,})/u;

/**
 * The thing a part-of-a-whole question counts (« parmi les 200 participants, combien étaient des élus ? »: the elected
 * members), analysed: a paragraph that gives no number of them gives the whole, or another part, not the one asked.
 */
export function partCounted(question: string): string | null {
  const q = fold(question).replace(/[’`]/g, "'").replace(/-/g, " ");
  if (!PART_OF.test(q)) return null;
  const m = PART_NOUN.exec(q);
  const word = m?.[1] ?? m?.[2];
  return word ? (analyze(word)[0] ?? null) : null;
}

/** A folded text without the given figures and their units: what is left of it as an answer to a part of that whole. */
function withoutFigures(text: string, figures: string[]): string {
  if (!figures.length) return text;
  let out = "";
  let last = 0;
  for (const m of text.matchAll(FIGURE_WITH_UNIT)) {
    if (!figures.includes(figureKey(m[0]))) continue;
    const unit = UNIT_AFTER.exec(text.slice(m.index + m[0].length))?.[0] ?? "";
    out += `${text.slice(last, m.index)} `;
    last = m.index + m[0].length + unit.length;
  }
  return out + text.slice(last);
}

/** Words that place a figure in the Gard. */
const LOCAL = /\b(gard|gardois|gardoise|gardoises|gardois)\b/;
/** Words that place a figure at the national level. */
const NATIONAL = /\b(en france|au niveau national|nationalement|a l'echelle nationale|dans toute la france|in france|nationally|nationwide|national level)\b/;

/**
 * Whether a paragraph gives a figure for France as a whole and none for the Gard: a sentence holding a
 * quantity says « en France », and no sentence holding one names the Gard.
 */
function nationalOnly(paragraph: string): boolean {
  const counted = fold(paragraph)
    .split(/(?<=[.!?;:])\s+/)
    .filter((s) => hasQuantity(s));
  return counted.some((s) => NATIONAL.test(s)) && !counted.some((s) => LOCAL.test(s));
}

/**
 * Whether `answer` gives what a how-many / how-much (`number`) or when (`date`)
 * question asks, as givesAskedQuantity says for figures: one paragraph with the
 * figure or the date, the names asked about and the years asked for.
 */
export function givesAsked(
  kind: "number" | "date",
  question: string,
  answer: string,
  normalized?: string,
  about = "",
  equivalents: (term: string) => string[][] = () => [],
): boolean {
  // A price asked in any words: « ça coûte combien ? », but also « ça revient à combien ? » (how much, not how many).
  const q = fold(question).replace(/[’`]/g, "'");
  const price = COST.test(q) || (/\b(combien|cb|how much)\b/.test(q) && !/\b(?:combien|cb|nombre) d(?:e |')|\bhow many\b/.test(q) && !COUNTED_BY_EN.test(q));
  // (a cost asked in so many words, not a count: « combien de factures… » counts invoices)
  const cost = kind === "number" && COST.test(q) && !/\b(?:combien|cb|nombre) d(?:e |')|\bhow many\b/.test(q);
  const years = askedYears(question);
  const days = askedDays(question);
  const names = namedTerms(question);
  // A name the normalizer rewrites (« CA » for « chiffre d'affaires ») is looked for as rewritten.
  const kept = normalized === undefined ? null : new Set(analyze(normalized));
  const aboutTerms = analyze(about);
  const counted = kind === "number" ? countedAcronym(question) : null;
  const duration = ASKS_DURATION.test(q);
  // « jusqu'à quand ? » asks an end: a date that says when something began does not give it.
  const until = kind === "date" && UNTIL.test(q);
  const heads = counted === null ? [] : [counted, ...equivalents(counted).map((seq) => seq[0]!)];
  const noun = kind === "number" && counted === null ? countedNoun(question) : null;
  const recent = RECENT.test(q);
  const nounHeads = noun === null ? [] : [noun];
  const people = kind === "number" && !price && PEOPLE.test(COUNT_ASKED.exec(q)?.[1] ?? "");
  const countedHeads = noun === null ? [] : [noun, ...equivalents(noun).map((seq) => seq[0]!)];
  const english = looksEnglish(question);
  const qualifiers = kind === "number" ? askedQualifiers(question) : [];
  // « sur les 250 000 €, combien… ? » asks a part of that whole: its own figure, repeated, is no answer.
  const whole = kind === "number" ? wholeFigures(question) : [];
  const wholeSum = whole.length > 0 && WHOLE_SUM.test(fold(question));
  const part = kind === "number" ? partCounted(question) : null;
  const paragraphs = answer.split(/\n\s*\n/).filter((p) => p.trim());
  // « combien … dans le Gard ? » is not answered by a figure for all of France (« environ 1 700 en France »): an answer
  // that gives one has found the national figure, not the Gard's (its other figures count something else).
  if (kind === "number" && LOCAL.test(q) && paragraphs.some(nationalOnly)) return false;
  return paragraphs.some((paragraph) => {
    // « combien de temps ? », "how long?" asks a duration (« 12 mois », « d'avril 2023 à décembre 2024 »): another figure is no answer.
    if (kind === "number" && duration) {
      if (!DURATION.test(fold(paragraph))) return false;
    } else if (wholeSum && !SUM_GIVEN.test(withoutFigures(fold(paragraph), whole))) {
      // « sur les 3,3 M€, combien sont allés à Alès ? »: a part of a sum is a sum (a number of projects there is none)
      return false;
    } else if (kind === "number" ? !hasQuantity(withoutFigures(fold(paragraph), whole), price) : !hasDate(paragraph)) return false;
    // « combien a coûté la concertation ? », "how much did it cost?": a price is a sum of money (or « gratuit »); a number of
    // participants or of designers is none.
    if (cost && !PRICE_GIVEN.test(fold(paragraph).replace(/[’`]/g, "'"))) return false;
    if (counted !== null && !countsOf(paragraph, heads)) return false;
    // « parmi les participants, combien étaient des élus ? »: a number of the elected members, not of the participants.
    if (part !== null && !countsOf(paragraph, [part, ...equivalents(part).map((seq) => seq[0]!)])) return false;
    // « combien d'agents formés ? »: a paragraph speaking of the agents gives their number before them.
    // (a figure in digits, not a year, elsewhere in the paragraph may still count them in other words: « 57,5 % … en réserves »)
    if (
      nounHeads.length &&
      mentions(paragraph, nounHeads) &&
      !FIGURE.test(paragraph.replace(/\[\d+\]|\b(?:19|20)\d{2}\b/g, " ")) &&
      !countsOf(paragraph, nounHeads)
    )
      return false;
    // « combien de projets a-t-il incubés ? »: « un programme d'environ 8 mois » or « 5 axes et 39 actions » beside the
    // agents trained count something else; the things asked are counted by none of its figures.
    // (the things named, and their other figures, read in French only: an English question is answered from French passages)
    if (nounHeads.length && countsOnlyOther(paragraph, countedHeads, !english && mentions(paragraph, nounHeads))) return false;
    // « combien de personnes accompagne-t-elle ? »: a duration, a sum or a share of another thing (« 10 % de son chiffre
    // d'affaires ») counts no people
    if (people && countsOnlyOther(paragraph, [], false, true)) return false;
    // « combien d'élus ont été formés ? »: the figure of the elected members is not that of those trained.
    if (qualifiers.some((w) => !speaksOf(`${paragraph} ${about}`, w, equivalents))) return false;
    const text = fold(paragraph);
    if (until && !END.test(text)) return false;
    if (years.some((y) => !text.includes(y))) return false;
    // « combien… l'an dernier ? », "last year": a figure with no recent year (a total since 1994, a ceiling) is another time's.
    if (kind === "number" && recent && !recentYear(text)) return false;
    // « combien… aux Rencontres du 7 novembre ? »: a paragraph about another day's edition does not answer.
    if (days.some((d) => !namesDay(text, d))) return false;
    const terms = new Set([...analyze(paragraph), ...aboutTerms]);
    return names.every(
      (t) =>
        terms.has(t) || equivalents(t).some((seq) => seq.every((w) => terms.has(w))) || (kept !== null && !kept.has(t)) || glued(t, `${paragraph} ${about}`),
    );
  });
}
