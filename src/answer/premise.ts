/**
 * A yes/no question that states a figure (« il faut au moins 5 structures, non ? », « l'agrément vaut 10 ans ? »,
 * « le schéma a été voté en 2023, c'est bien ça ? », "is it valid for ten years?") checks a premise. When the answer's
 * first sentence gives another figure of the same kind (a year, a percentage, a sum in euros, a duration, a count of
 * the same thing) and the answer never writes the one asked, the premise is wrong and the reply says « Non : » first.
 * A matching figure alone does not make it « Oui » (« 250 000 € par projet ? » when the sum is for all projects, « voté
 * en 2022 ? » answered with another plan voted in 2022): the first sentence must also hold every other word of the
 * claim, with the same bound (« au-delà de 40 000 € » is not « jusqu'à 40 000 € »). Anything less certain leaves the
 * answer as it is: a wrong « Oui » or « Non » would state what no source says.
 */
import { foldUncached as fold } from "../core/text.js";
import { NUMBER_WORDS } from "../core/number-words.js";
import { MONTH_ALTERNATION, monthNumber } from "../core/calendar-words.js";
import { analyze } from "../retrieval/analyzer.js";
import { answerType } from "./cards.js";
import { isOpenQuestion, FRENCH_SOURCES_NOTE } from "./card-reply.js";
import { foldText } from "../eligibility/extract.js";

/** A figure and what it measures: "year", "%", "eur", a duration unit, or the stem of the noun it counts. */
export interface Figure {
  value: number;
  kind: string;
  /** « plus de », « au moins »… before it: "more" or "less" when the figure is a bound one side. */
  bound?: "more" | "less";
  /** For a year: the month (1–12) and day written with it, when they are. */
  month?: number;
  day?: number;
}

const DATE_BEFORE = new RegExp(`(?:(\\d{1,2})(?:er|st|nd|rd|th)?\\s+)?(${MONTH_ALTERNATION})\\s+$`);

const WORD = Object.keys(NUMBER_WORDS).join("|");
/** A number in digits (« 250 000 », « 1,5 ») or written as a word. */
const NUM = `(\\d{1,3}(?:[  .]\\d{3})+|\\d+(?:[.,]\\d+)?|${WORD}|une?|one)`;
const DURATION: Record<string, string> = {
  an: "an",
  ans: "an",
  annee: "an",
  annees: "an",
  year: "an",
  years: "an",
  mois: "mois",
  month: "mois",
  months: "mois",
  semaine: "semaine",
  semaines: "semaine",
  week: "semaine",
  weeks: "semaine",
  jour: "jour",
  jours: "jour",
  day: "jour",
  days: "jour",
};
/** The kind of a bare count (« à trois »): it compares with a count of anything. */
const ANY_COUNT = "n:?";
/** Words after a number that do not name what it counts. */
const NOT_COUNTED = new Set([
  "c'est",
  "c",
  "ca",
  "ce",
  "cest",
  "est",
  "sont",
  "il",
  "elle",
  "on",
  "ils",
  "elles",
  "non",
  "oui",
  "ok",
  "et",
  "ou",
  "a",
  "de",
  "des",
  "du",
  "en",
  "le",
  "la",
  "les",
  "au",
  "aux",
  "sur",
  "par",
  "pour",
  "and",
  "or",
  "of",
  "to",
  "in",
  "the",
  "h",
  "heures",
]);
/** Words after a number put up for checking that only qualify the check (« 20 plutôt ? », « 12 pile ? »). */
const ASIDE_WORDS = new Set(["plutot", "pile", "exactement", "environ", "max", "min", "rather", "exactly"]);
const MORE = /\b(?:plus de|au moins|minimum|au minimum|superieure? a|more than|at least|over|above)\s*$/;
const LESS = /\b(?:moins de|au plus|maximum|au maximum|jusqu'?a|plafonnee? a|dans la limite de|less than|at most|up to|under|below)\s*$/;

function numberOf(raw: string): number {
  if (raw === "un" || raw === "une" || raw === "one") return 1;
  const w = NUMBER_WORDS[raw];
  if (w !== undefined) return w;
  return Number(raw.replace(/[  .](?=\d{3}\b)/g, "").replace(",", "."));
}

/**
 * Short names of counted things, by the stem of the words the documents count them with: « 30 QPV » counts « quartiers
 * prioritaires », « 5 EPCI » « intercommunalités », « 300 assos » « associations ».
 */
const COUNTED_AS: Record<string, string> = { qpv: "quarti", epci: "interc", asso: "associ", scop: "scop", scic: "scic" };

/** The stem a counted noun is compared by: singular, first six letters (« structures » and « structure » alike). */
const stem = (noun: string) => {
  const one = noun.replace(/(?:s|x)$/, "");
  return COUNTED_AS[one] ?? one.slice(0, 6);
};

/** The figures a text writes, with what each measures. */
export function figuresOf(text: string): Figure[] {
  const t = fold(text).replace(/[’`]/g, "'");
  const out: Figure[] = [];
  const re = new RegExp(`(?<![\\p{L}\\d])${NUM}(?:\\s*(%|pour ?cent|percent|k?€|k?euros?|millions? d'euros|m€)|\\s+([\\p{L}][\\p{L}'-]*))?`, "gu");
  for (const m of t.matchAll(re)) {
    const raw = m[1]!;
    let value = numberOf(raw);
    if (!Number.isFinite(value)) continue;
    const before = t.slice(Math.max(0, m.index - 24), m.index);
    const bound = MORE.test(before) ? "more" : LESS.test(before) ? "less" : undefined;
    // « un », « une » are articles unless a bound makes them a count (« au moins un salarié »).
    if (/^(une?|one)$/.test(raw) && !bound) continue;
    const unit = m[2];
    const noun = m[3];
    let kind: string | undefined;
    if (unit) {
      if (/%|cent/.test(unit)) kind = "%";
      else {
        kind = "eur";
        if (unit.startsWith("k")) value *= 1000;
        else if (/million|m€/.test(unit)) value *= 1_000_000;
      }
    } else if (/^\d{4}$/.test(raw) && value >= 1900 && value <= 2100) {
      const d = DATE_BEFORE.exec(t.slice(Math.max(0, m.index - 16), m.index));
      out.push({ value, kind: "year", month: d ? monthNumber(d[2]!) : undefined, day: d?.[1] ? Number(d[1]) : undefined });
      continue;
    } else if (noun && DURATION[noun]) kind = `duree:${DURATION[noun]}`;
    else if (noun && noun.length > 2 && !NOT_COUNTED.has(noun) && !ASIDE_WORDS.has(noun) && !monthNumber(noun)) kind = `n:${stem(noun)}`;
    // « et à trois, c'est bon ? »: a count of whatever the answer counts; so is a number put up by itself for checking
    // (« c'est pas 20 plutôt ? », « c'est bien 12 ? »)
    else if (
      /\b(?:a|avec|at|with)\s+$/.test(before) ||
      (/\b(?:c'?est|c|ce n'est|ca fait|plutot|bien|pas|it's|isn't it|not)\s+$/.test(before) && (!noun || NOT_COUNTED.has(noun) || ASIDE_WORDS.has(noun)))
    )
      kind = ANY_COUNT;
    if (kind) out.push({ value, kind, bound });
  }
  return out;
}

/**
 * A claim put up for confirmation: a statement closed by a tag (« …, c'est bien ça ? », « …, je crois ? », « …, non ? »,
 * "…, right?") or opened by one (« c'est vrai que… », « si je comprends bien… », "is it true that…").
 */
const CONFIRMATION =
  /(\b(c est (bien )?(ca|exact|vrai|correct|juste)|c est bien cela|je crois|il me semble|n est ce pas|(?<!\bou )non|hein|pas vrai|right|correct|isn t it|aren t they|is that (true|right|correct))\s*\?)|^(c est vrai qu|est ce vrai qu|si je comprends bien|si j ai bien compris|on m a dit qu|j ai entendu dire qu|j ai lu qu|is it true that|i heard that|i read that)/;

export function asksConfirmation(question: string): boolean {
  return CONFIRMATION.test(
    foldText(question)
      .replace(/['’`-]/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** Negation in a claim other than a cap (« ne peuvent pas dépasser 20 % » states a cap; « il ne faut pas 5… » is unclear). */
const NEGATED = /\b(ne|n'|pas|jamais|not|no|isn't|aren't|doesn't|don't|can't|cannot)\b/;
const CAP = /\b(depasser|plus de|au-dela|exceed|more than)\b/;

/** A word asking for a thing (who, what, which, how…), SMS spellings and requests included: such a question states no claim. */
const ASKS_THING =
  /\b(qui|ki|que|qu|quoi|koi|quel|quelle|quels|quelles|lequel|laquelle|comment|combien|cb|pourquoi|pk|ou|quand|what|which|who|whom|how|why|where|when|could you|can you|pouvez vous|pourriez vous|peux tu|pourrais tu|rappel|rappelez|dites|explique|expliquez|resume|resumez|donne|donnez)\b/;

/** Words that put a figure up for checking (« c'est bien 10 ans ? », « 20 plutôt ? »). */
const CHECKING = /\b(bien|plutot|pile|exactement|vraiment|really|actually|exactly)\b/;

/**
 * Whether a question puts up one figure for checking (« c'est pas 20 plutôt ? », « il a 10 axes c'est ça ? », « c'était en
 * 2023 non ? »): a yes/no question with exactly one figure, tagged for confirmation or with a word of checking. A new
 * question naming a figure (« et au-delà de 153 000 € ? », « et le programme 2026 ? ») checks nothing.
 */
export function checksFigure(question: string): boolean {
  return asksYesNo(question) && figuresOf(question).length === 1 && (asksConfirmation(question) || CHECKING.test(foldText(question)));
}

/** Whether a question asks yes or no about a claim (not who, how many, why…, nor a request). */
function asksYesNo(question: string): boolean {
  // (« est-ce qu'une… » asks yes or no: its « qu' » asks no thing)
  const q = foldText(question)
    .replace(/['’`-]/g, " ")
    .replace(/\best ce qu(?:e)?\b/g, " ");
  if (ASKS_THING.test(q) || isOpenQuestion(question)) return false;
  return answerType(question) === "yesno" || asksConfirmation(question) || /\?\s*$/.test(question.trim());
}

/** « voté par la Région », « délivré par l'État », "run by the Region": a claim naming who adopts, grants or runs a thing. */
const BY_AGENT =
  /\b(vote|votee|votes|votees|adopte|adoptee|adoptes|adoptees|approuve|approuvee|delivre|delivree|porte|portee|gere|geree|pilote|pilotee|finance|financee|organise|organisee|anime|animee|decide|decidee|voted|adopted|approved|granted|run|managed|funded|organised|organized)\s+(?:par|by)\b/;

/** Acts of an assembly that say the same of a plan (« voté », « adopté », « approuvé »). */
const ADOPTION = ["vot", "adopt", "approuv", "approv"];

/** A yes/no claim that some body adopts, grants or runs a thing: the words of the thing, and the stems of the act. */
export interface AgentClaim {
  thing: string[];
  act: string[];
}

/**
 * The claim a yes/no question makes about who adopts, grants or runs a thing (« le schéma ESS » and « voté » in « il faut
 * bien que le schéma ESS soit voté par la Région, non ? »), if it makes one. A prepared « Oui » about another thing of that
 * body (the Region's own plan) does not settle who adopts this one; a card saying who performed that act on it does.
 */
export function agentClaim(question: string): AgentClaim | undefined {
  // (« il faut bien que… , non ? » is put up for agreement though its « que » asks no thing)
  if (!asksYesNo(question) && !asksConfirmation(question)) return undefined;
  const q = foldText(question).replace(/['’`-]/g, " ");
  const m = BY_AGENT.exec(q);
  if (!m) return undefined;
  const thing = analyze(q.slice(0, m.index));
  const act = analyze(m[1]!);
  if (thing.length === 0 || act.length === 0) return undefined;
  return { thing, act: act.some((t) => ADOPTION.some((a) => t.startsWith(a))) ? ADOPTION : act };
}

/** The first sentence of an answer body (up to the first full stop, colon-free). */
function leadOf(body: string): string {
  return body.split(/(?<=[.!?])\s|\n/)[0] ?? body;
}

export type Verdict = "yes" | "no" | null;

/** Whether the answer settles the figure the question states, and which way. */
export function premiseVerdict(question: string, body: string, listing: readonly string[] = []): Verdict {
  if (!asksYesNo(question)) return null;
  const asked = figuresOf(question);
  if (asked.length === 0) return claimVerdict(question, body) ?? memberVerdict(question, body, listing) ?? kindMemberVerdict(question, body, listing);
  if (asked.length !== 1) return null;
  const [claim] = asked as [Figure];
  const q = fold(question).replace(/[’`]/g, "'");
  // (« c'est pas 20 plutôt ? » puts up 20 in place of what was said: its « pas » negates nothing)
  const unasked = q
    .replace(/\bnon\s*\?\s*$/, "")
    .replace(/,\s*non\b/, "")
    .replace(/\b(?:c'?est|c|ce n'est|ca n'est|ca serait|ce serait) pas\b(?=[^?]*\bplutot\b)/, "c'est");
  const negated = NEGATED.test(unasked) && !/^non\b/.test(q);
  const sameKind = (f: Figure) => f.kind === claim.kind || (claim.kind === ANY_COUNT && f.kind.startsWith("n:"));
  const lead = figuresOf(leadOf(body)).filter((f) => sameKind(f) && f.kind !== ANY_COUNT);
  // (« une fondation fait-elle partie de l'ESS selon la loi de 2014 ? »: a year that only names the rule, which the answer
  // neither gives nor contradicts, leaves the question whether the thing is of the kind the card lists)
  if (lead.length === 0) return claim.kind === "year" && !figuresOf(body).some(sameKind) ? kindMemberVerdict(question, body, listing) : null;
  // A date is the same when every part both write agrees (« en 2024 » and « le 8 mars 2024 »).
  const same = (f: Figure) =>
    f.value === claim.value &&
    (f.month === undefined || claim.month === undefined || f.month === claim.month) &&
    (f.day === undefined || claim.day === undefined || f.day === claim.day);
  if (lead.every(same))
    return !negated && CONFIRMS.test(` ${q} `) && lead.every((f) => claim.bound === undefined || f.bound === claim.bound) && saysAllOf(question, leadOf(body))
      ? "yes"
      : null;
  if (figuresOf(body).some((f) => sameKind(f) && same(f))) return null;
  if (negated && !CAP.test(q)) return null;
  // « plus de 100 personnes ? » answered « plus de 200 »: the claim holds; « moins de 50 ? » answered « 20 » too.
  const holds = lead.some((f) => (claim.bound === "more" && f.value > claim.value) || (claim.bound === "less" && f.value < claim.value && f.bound !== "less"));
  if (holds) return null;
  return "no";
}

/**
 * Words that make a claim more than the facts its words name: exclusivity, obligation, a whole set, a negation. A
 * sentence holding the words of « le DLA est-il réservé aux associations ? » may still contradict it.
 */
const STRONG =
  /\b(ne|n'|pas|plus|jamais|aucun|aucune|sans|seul|seule|seuls|seules|seulement|uniquement|exclusivement|reserve|reservee|reserves|reservees|que|qu'|oblig\w*|forcement|toujours|tous|toutes|tout|automatiquement|office|not|no|never|only|just|all|always|must|required|mandatory|automatically|exclusively|without|cannot|can't|isn't|aren't|doesn't|don't)\b/;

/**
 * A yes/no question with no figure (« une SCIC peut-elle prendre la forme d'une SAS ? ») is confirmed when the first
 * sentence of the answer states it word for word (« une SCIC prend la forme d'une SA, d'une SAS ou d'une SARL… »):
 * every word of the question in that sentence, at least two of them, and no word of exclusivity, obligation or
 * negation on either side. Anything else leaves the answer as it is.
 */
function claimVerdict(question: string, body: string): Verdict {
  const q = fold(question).replace(/[’`]/g, "'");
  if (!CONFIRMS.test(` ${q} `)) return null;
  // (the « que » of « est-ce que », the tag « non ? » are no restriction)
  if (
    STRONG.test(
      q
        .replace(/\best-ce qu(?:e\b|')/g, " ")
        .replace(/\bnon\s*\?\s*$/, "")
        .replace(/,\s*non\b/, ""),
    )
  )
    return null;
  // (« existe-t-il un DLA dans le Gard ? » asks whether there is one: an answer naming who runs it says so)
  const exists = EXISTENCE.test(q);
  const terms = analyze(question).filter((t) => !AGREEMENT.has(t) && !(exists && t === "exist"));
  if (terms.length < 2) return null;
  const leads = claimLeads(body);
  for (const lead of leads) {
    if (STRONG.test(fold(lead).replace(/[’`]/g, "'"))) continue;
    const said = analyze(lead);
    // (a verb's stem may differ between its forms: « prendre » / « prend »)
    const holds = (t: string) => said.some((s) => s === t || (Math.min(s.length, t.length) >= 4 && (s.startsWith(t) || t.startsWith(s))));
    if (!terms.every(holds)) continue;
    // (read with the next sentence, the words the first one lacks are written there alike: « associés » is no « association »)
    if (lead.length > leads[0]!.length && !nextSentenceWrites(question, leads[0]!, lead.slice(leads[0]!.length))) continue;
    return "yes";
  }
  return null;
}

/** Whether every word of a question that a first sentence does not hold is written in the next one with the same first seven letters. */
function nextSentenceWrites(question: string, first: string, next: string): boolean {
  const words = (t: string) =>
    fold(t)
      .replace(/[’`]/g, "'")
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 4);
  const firstTerms = new Set(analyze(first));
  const nextWords = words(next);
  return words(question)
    .filter((w) => analyze(w).some((t) => !firstTerms.has(t) && !AGREEMENT.has(t)))
    .every((w) => nextWords.some((n) => n.slice(0, 7) === w.slice(0, 7) || (Math.min(n.length, w.length) < 7 && (n.startsWith(w) || w.startsWith(n)))));
}

/** A question asking whether there is a thing (« existe-t-il… ? », « y a-t-il… ? », "is there…?"). */
const EXISTENCE = /\b(?:existe-t-il|existe-t-elle|existent-ils|existent-elles|y a-t-il|is there|are there)\b/;
/** A sentence going on about the subject of the one before (« Il finance… », "It runs…"). */
const SAME_SUBJECT = /^(?:il|elle|ils|elles|it|they)\s/i;

/**
 * The readings of an answer's opening that may state a claim: its first sentence; that sentence with the next one when
 * the next speaks of the same subject (« C'est un financeur solidaire… Il finance les associations… »); the first
 * sentence's part before a semicolon (its own statement, before what is added).
 */
function claimLeads(body: string): string[] {
  const [first = body, second] = body.split(/(?<=[.!?])\s|\n/);
  const out = [first];
  if (second && SAME_SUBJECT.test(second)) out.push(`${first} ${second}`);
  const semi = first.indexOf(";");
  if (semi > 0) out.push(first.slice(0, semi));
  return out;
}

/** A question asking which things are of a kind (« quelles communes ont un quartier prioritaire ? », "which towns…"). */
const ASKS_WHICH = /\b(quel|quelle|quels|quelles|lesquels|lesquelles|which)\b/;
/** Words of a kind that was and is no more, or of an exception (« ont perdu leur QPV », « sorties de… », « hors »). */
/** Words that open a question with a capital without being a name. */
const OPENER =
  /^(?:le|la|les|l|un|une|des|du|ce|cet|cette|ces|c|est|il|elle|ils|elles|on|y|notre|nos|mon|ma|mes|son|sa|ses|leur|leurs|et|mais|donc|alors|dans|a|au|aux|en|pour|chez|the|a|an|is|are|does|do|can|in|and)$/;
const NO_LONGER = /\b(perdu\w*|sorti\w*|retire\w*|supprime\w*|anciennement|hors|sauf|excepte\w*|lost|removed|former|formerly|except)\b/;
/** A name written in the question (capitalised words, hyphenated or joined by « de »: « Mas de Mingue »). */
const NAME = /(?<=^|\s)\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*(?:\s+(?:de|du|des|d['’])\s*\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*)*/gu;

/**
 * A yes/no question asking whether a named thing is of a kind (« le centre-ville de Pont-Saint-Esprit est-il un quartier
 * prioritaire ? ») is confirmed by an answer that lists the things of that kind (the card asked « quelles communes ont un
 * quartier prioritaire ? », `listing`) when its first sentence names the thing: the names and the other words of the
 * question are in that sentence, the kind in a « which » phrasing of the list, and nothing says the list is of things
 * that were and are no more. A name inside a longer name (« Route de Beaucaire », a Nîmes neighbourhood, for the commune
 * of Beaucaire) names something else: no verdict.
 */
function memberVerdict(question: string, body: string, listing: readonly string[]): Verdict {
  if (listing.length === 0) return null;
  const q = fold(question).replace(/[’`]/g, "'");
  if (!CONFIRMS.test(` ${q} `)) return null;
  if (STRONG.test(q.replace(/\best-ce qu(?:e\b|')/g, " ")) || NO_LONGER.test(q)) return null;
  const lead = leadOf(body);
  const foldedLead = fold(lead).replace(/[’`]/g, "'");
  if (NO_LONGER.test(foldedLead)) return null;
  const names = [...question.matchAll(NAME)].map((m) => m[0]).filter((n) => !OPENER.test(fold(n).split(/[\s'’-]/)[0] ?? ""));
  if (names.length === 0) return null;
  for (const name of names) {
    const at = foldedLead.indexOf(fold(name));
    if (at < 0) return null;
    // (« Route de Beaucaire »: the name ends a longer one)
    if (/\p{Lu}[\p{L}'’-]*\s+(?:de|du|des|d['’])\s*$/u.test(lead.slice(0, at))) return null;
  }
  const said = new Set(analyze(lead));
  const terms = analyze(question).filter((t) => !AGREEMENT.has(t));
  const missing = terms.filter((t) => !said.has(t));
  if (missing.length === 0 || missing.length === terms.length) return null;
  const kinds = listing
    .map((p) => fold(p).replace(/[’`]/g, "'"))
    .filter((p) => ASKS_WHICH.test(p) && !STRONG.test(p.replace(/\best-ce qu(?:e\b|')/g, " ")) && !NO_LONGER.test(p));
  return kinds.some((p) => {
    const kind = new Set(analyze(p));
    return missing.every((t) => kind.has(t));
  })
    ? "yes"
    : null;
}

/**
 * The subject of an inverted yes/no question, a common noun with its article (« une entreprise adaptée » in « une entreprise
 * adaptée peut-elle bénéficier du DLA ? », « les mutuelles » in « les mutuelles font-elles partie de l'ESS ? »).
 */
const KIND_SUBJECT =
  /^(?:et |mais |alors )?(?:(?:un|une|les|des|le|la|l')\s*((?:[\p{L}]+\s+){0,2}[\p{L}]+)\s+[\p{L}]+[- ](?:t[- ])?(?:il|elle|ils|elles)\b|(?:est-ce qu(?:e\s+|'\s*))?(?:un|une|les|des|le|la|l')\s*((?:[\p{L}]+\s+){0,2}?[\p{L}]+)\s+(?:fait|font|peut|peuvent|a|ont|est|sont|releve\w*|beneficie\w*)\b)/u;
/** The subject pronoun of an inverted question (« peut-elle »), which says nothing of the claim. */
const PRONOUN = new Set(["il", "elle", "ils", "elles", "on"]);
/** Forms of a verb whose stems differ (« fait » / « font », « peut » / « peuvent »): one form stands for all. */
const VERB_FORM: Record<string, string> = { font: "fait", ont: "a", sont: "est", peuvent: "peut", doivent: "doit", vont: "va" };
const verbForm = (t: string) => VERB_FORM[t] ?? t;

/**
 * A yes/no question asking whether a thing of a common kind belongs to a set (« une entreprise adaptée peut-elle bénéficier
 * du DLA ? », « les fondations font-elles partie de l'ESS ? ») is confirmed by the card listing the members of that set
 * (« quelles structures peuvent bénéficier du DLA ? ») when the first sentence of its answer names the thing: every word
 * of the subject in that sentence, the other words of the question in a « which » phrasing of the card, the subject not
 * the kind itself (« une structure peut-elle… ? »), and no word of exclusivity, negation or of what is no more.
 */
function kindMemberVerdict(question: string, body: string, listing: readonly string[]): Verdict {
  if (listing.length === 0) return null;
  const q = fold(question).replace(/[’`]/g, "'");
  if (STRONG.test(q.replace(/\best-ce qu(?:e\b|')/g, " ")) || NO_LONGER.test(q)) return null;
  const m = KIND_SUBJECT.exec(q);
  if (!m) return null;
  const subject = analyze(m[1] ?? m[2]!);
  if (subject.length === 0) return null;
  const lead = fold(leadOf(body)).replace(/[’`]/g, "'");
  if (NO_LONGER.test(lead) || /\b(?:ne|n'|pas|jamais|aucun|aucune|sauf|hors)\b/.test(lead)) return null;
  const said = new Set(analyze(lead));
  if (!subject.every((t) => said.has(t))) return null;
  // (a year, « selon la loi de 2014 », names the rule: premiseVerdict has checked the answer does not contradict it)
  const rest = analyze(question)
    .filter((t) => !subject.includes(t) && !AGREEMENT.has(t) && !PRONOUN.has(t) && !/^\d{4}$/.test(t))
    .map(verbForm);
  if (rest.length === 0) return null;
  const kinds = listing
    .map((p) => fold(p).replace(/[’`]/g, "'"))
    .filter((p) => ASKS_WHICH.test(p) && !STRONG.test(p) && !NO_LONGER.test(p))
    .map((p) => new Set(analyze(p).map(verbForm)));
  return kinds.some((kind) => !subject.every((t) => kind.has(t)) && rest.every((t) => kind.has(t))) ? "yes" : null;
}

/**
 * A question put up for agreement (« c'est bien ça ? », « ça passe ? », « il faut bien… ? », "is it…?"), not an
 * elliptic « et en 2016 ? » that asks about that year.
 */
const CONFIRMS =
  /\b(bien|bon|passe|marche|suffit|ok|c est ca|c'est ca|non\s*\?|n'est-ce pas|right|correct|est-ce qu|est ce qu|faut-il|peut-on|is it|is that|is there|are there|does|do|can)\b|-(?:t-)?(?:il|elle|on|ils|elles)\b/;

const NUMBER_WORD_LIST = Object.keys(NUMBER_WORDS);
/** A term of a figure (digits, or a number word's stem: « quatr »). */
const isNumberTerm = (t: string) => /\d/.test(t) || NUMBER_WORD_LIST.some((w) => w === t || (t.length >= 4 && w.startsWith(t)));
/** Stems of words that only ask for agreement (« ça passe ? », « ça marche ? », « ça suffit ? », « c'est bon ? »). */
const AGREEMENT = new Set(["pass", "march", "suff", "suffi", "suffit", "bon", "ok", "va", "vrai", "exact", "correct", "right", "fine", "enough"]);

/**
 * Whether a sentence holds every word of the claim besides its figure (« et à trois, c'est bon ? » holds none;
 * « 250 000 € par projet retenu ? » needs « projet » and « retenu »): only then does a matching figure confirm it.
 */
function saysAllOf(question: string, sentence: string): boolean {
  const said = new Set(analyze(sentence));
  return analyze(question).every((t) => isNumberTerm(t) || AGREEMENT.has(t) || said.has(t));
}

/** First words written in lower case after « Non : » (a name keeps its capital). */
const COMMON_FIRST =
  /^(?:(?:l|d|jusqu|c)['’]|(?:le|la|les|un|une|des|du|de|au|aux|en|a|à|depuis|pour|plus|moins|notamment|parmi|sur|sont|dans|avec|par|chez|tous|toutes|chaque|il|elle|ils|elles|on|ce|cette|ces|son|sa|ses|leur|leurs|seul|seule|seules|seuls|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|in|up|at|the|only|it|they|since|from|over|under)(?=\s|$))/iu;
const lowerFirst = (s: string) => (COMMON_FIRST.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The thing a question restricts a claim to (« pour les associations » in « le DLA, c'est uniquement pour les associations ? »). */
const ONLY_OBJECT =
  /\b(?:seulement|uniquement|exclusivement|only|solely|exclusively|just)\s+([^?]+)|\b(?:reserve|reservee|reserves|reservees|reserved)\s+(?:a|aux|au|to)\s+([^?]+)|\b(?:c'?est|ca|concerne|vise|s'adresse)\s+(?:qu'|que\s+)([^?]+)/;
/** A list going on after a word (« associations, coopératives », « quartiers … ou en zone rurale »). */
const LIST_GOES_ON =
  /^(?:\s+[\p{L}'-]+){0,6}?\s*(?:,(?!\s*(?:dont|qui|que|qu'|ou|where|which|who|un|une|le|la|les|l'|il|elle|ils|elles|ce|cette|son|sa|ses|a|an|the|it|they)\b)|;|\s(?:et|ou|and|or|mais aussi|ainsi que|as well as)\s)/u;
/** A list leading to a word (« …, coopératives », « notamment les quartiers »). */
const LIST_LEADS = /(?:,|\s(?:et|ou|and|or|notamment|aussi|also|including|dont|ainsi que|mais aussi))\s+(?:[\p{L}'-]+\s+){0,3}$/u;
/** A sentence saying outright that a thing is not reserved to one kind. */
const NOT_ONLY = /\b(?:pas (?:reserve\w*|seulement|uniquement|limite\w*|que)|not (?:only|just|reserved|limited))\b/;
/** Small words of a restricted thing, which name no kind of it. */
const OBJECT_STOP = /^(?:pour|les|des|aux|une|the|for|with|avec|dans|sur|that|those|these|ceux|celles|qui|quoi|cela|ceci|ca|gens|personnes)$/;

/**
 * A question asking whether a thing is only for one kind (« les communs, c'est seulement pour les quartiers prioritaires ? »,
 * "is the DLA only for associations?") is answered « Non » when the first sentence of the answer names that kind among
 * others (« … dans les quartiers de la politique de la ville ou en zone rurale », « associations, coopératives… ») or
 * says it is not reserved to it; a « Oui » the answering card put first, which confirms the thing is open to that kind,
 * is replaced. Not when the card's own phrasings ask about exclusivity (its « Oui » then answers it), nor when the
 * question offers an alternative itself (« seulement X ou aussi Y ? »).
 */
function onlyVerdict(question: string, body: string, listing: readonly string[]): Verdict {
  const q = fold(question).replace(/[’`]/g, "'");
  const m = ONLY_OBJECT.exec(q);
  if (!m) return null;
  const object = (m[1] ?? m[2] ?? m[3]!).trim();
  if (/\b(?:ou|or)\b/.test(object) || /^(?:de |d'|une? |a |one )?(?:l'?argent|money|sous|subvention|grant)/.test(object)) return null;
  if (
    listing.some((p) =>
      /\b(?:seulement|uniquement|exclusivement|only|just|reserve\w*|reserved)\b|\bqu(?:e|')\s/.test(fold(p).replace(/\best-ce qu(?:e\b|')/g, " ")),
    )
  )
    return null;
  const words = object
    .split(/[^\p{L}\d'-]+/u)
    .map((w) => w.replace(/^[ldcj]'/, ""))
    .filter((w) => w.length >= 4 && !OBJECT_STOP.test(w));
  if (words.length === 0) return null;
  const lead = fold(leadOf(body.replace(/^(?:oui|yes)\b[^:.\n]{0,60}:\s*/i, ""))).replace(/[’`]/g, "'");
  if (NOT_ONLY.test(lead)) return "no";
  if (/\b(?:seulement|uniquement|exclusivement|only|reserve\w*|reserved)\b/.test(lead)) return null;
  for (const w of words) {
    const stemmed = w.slice(0, Math.max(4, w.length - 2));
    const re = new RegExp(`(?<![\\p{L}])${stemmed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\p{L}]*`, "u");
    const at = re.exec(lead);
    if (!at) continue;
    if (LIST_GOES_ON.test(lead.slice(at.index + at[0].length)) || LIST_LEADS.test(lead.slice(0, at.index))) return "no";
  }
  return null;
}

/**
 * The answer text with « Non : » first when the question asks whether a thing is only for a kind the answer names among
 * others (see onlyVerdict), in place of a « Oui » the card put first; unchanged otherwise.
 */
function withOnlyLead(question: string, text: string, english: boolean, listing: readonly string[]): string | undefined {
  const note = text.startsWith(FRENCH_SOURCES_NOTE) ? `${FRENCH_SOURCES_NOTE}\n\n` : "";
  const body = text.slice(note.length).replace(/^\s+/, "");
  if (/^(?:non|no)\b/i.test(body) || onlyVerdict(question, body, listing) !== "no") return undefined;
  const rest = body.replace(/^(?:oui|yes)\b[^:.\n]{0,60}:\s*/i, "");
  const upper = rest.charAt(0).toUpperCase() + rest.slice(1);
  return `${note}${english && !note ? "No:" : "Non :"} ${lowerFirst(upper)}`;
}

/**
 * The answer text with « Non : » / « Oui : » (or "No:" / "Yes:" for an English answer) before its first sentence when
 * the question checks a figure that sentence contradicts or confirms (see premiseVerdict), or asks whether a thing is
 * of the kind the answering card lists (`listing`: that card's phrasings, see memberVerdict); unchanged otherwise (and
 * when it already opens on oui / non).
 */
export function withPremiseLead(question: string, text: string, english: boolean, listing: readonly string[] = []): string {
  const note = text.startsWith(FRENCH_SOURCES_NOTE) ? `${FRENCH_SOURCES_NOTE}\n\n` : "";
  const body = text.slice(note.length).replace(/^\s+/, "");
  const only = withOnlyLead(question, text, english, listing);
  if (only) return only;
  if (/^(oui|non|yes|no)\b/i.test(body)) return text;
  const verdict = premiseVerdict(question, body, listing);
  if (!verdict) return text;
  const inEnglish = english && !note;
  const word = verdict === "yes" ? (inEnglish ? "Yes:" : "Oui :") : inEnglish ? "No:" : "Non :";
  return `${note}${word} ${lowerFirst(body)}`;
}

/** Words that open one side of an alternative: an article or a preposition (« une subvention ou un prêt », « par an ou pour… »). */
const ALT_OPENERS = new Set([
  "un",
  "une",
  "le",
  "la",
  "les",
  "des",
  "du",
  "l",
  "a",
  "an",
  "the",
  "par",
  "pour",
  "en",
  "au",
  "aux",
  "dans",
  "per",
  "for",
  "in",
  "by",
]);
/** Words that end the second side of an alternative (« l'État ou le Département qui délivre… ? »). */
const ALT_END = new Set(["qui", "que", "qu", "that", "which", "who", "whom"]);
/** Words after « ou » that put no alternative (« ou pas ? », « ou quoi ? », "or not?"). */
const NO_ALTERNATIVE = new Set(["pas", "non", "quoi", "bien", "not", "no", "sinon", "autre", "else", "something", "anything"]);
/** Words of a clause, not of a thing put up as one side (« c'est », "is it"). */
const CLAUSE_WORDS = /^(?:c|c'est|cest|est|ce|ca|it|is|it's|its|this|that|sont|ils|elles|il|elle|on|y|a-t-il)$/;

/**
 * The two sides of an alternative that ends a question (« c'est une subvention ou un prêt ? », « la structure, c une
 * asso ou une entreprise ? », « c'est l'État ou le Département qui délivre l'agrément ? », "is it an experiment or a
 * permanent scheme?"), as written; none for « … ou pas ? », for an « ou » inside the subject of a yes/no question
 * (« une association ou une coopérative peut-elle candidater ? ») or when a side is longer than a few words.
 */
export function alternativeOf(question: string): [string, string] | undefined {
  const words = question
    .trim()
    .replace(/\?+\s*$/, "")
    .replace(/([’'])/g, "$1 ")
    .split(/\s+/)
    .filter(Boolean);
  const plain = (w: string) =>
    fold(w)
      .replace(/[’']$/, "")
      .replace(/[^\p{L}'-]/gu, "");
  const plainWords = words.map(plain);
  const at = plainWords.includes("ou") ? plainWords.lastIndexOf("ou") : plainWords.lastIndexOf("or");
  if (at <= 0 || at === words.length - 1) return undefined;
  if (NO_ALTERNATIVE.has(plain(words[at + 1]!))) return undefined;
  const after: string[] = [];
  for (const w of words.slice(at + 1)) {
    if (ALT_END.has(plain(w)) || /,$/.test(w)) {
      if (/,$/.test(w)) after.push(w.replace(/,$/, ""));
      break;
    }
    after.push(w);
  }
  const sideLength = (side: string[]) => side.filter((w) => !ALT_OPENERS.has(plain(w))).length;
  if (sideLength(after) === 0 || sideLength(after) > 3 || after.some((w) => /-(?:t-)?(?:il|elle|on|ils|elles)$/i.test(w))) return undefined;
  const before = words.slice(Math.max(0, at - 5), at);
  let from: number;
  const opener = plain(after[0]!);
  if (ALT_OPENERS.has(opener)) {
    // (the first side opens on a word of the same kind: an article, a preposition)
    const article = (w: string) => ["un", "une", "le", "la", "les", "des", "du", "l", "a", "an", "the"].includes(w);
    from = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      const p = plain(before[i]!);
      if (ALT_OPENERS.has(p) && article(p) === article(opener)) {
        from = i;
        break;
      }
    }
    if (from < 0) return undefined;
  } else from = Math.max(0, before.length - after.length);
  const first = before.slice(from).filter((w, i) => i > 0 || !CLAUSE_WORDS.test(plain(w)));
  if (sideLength(first) === 0 || sideLength(first) > 3 || first.some((w) => CLAUSE_WORDS.test(plain(w)) || /,$/.test(w))) return undefined;
  const join = (side: string[]) => side.join(" ").replace(/([’']) /g, "$1");
  return [join(first), join(after)];
}

/** Words that deny what their clause says. */
const DENIAL = /\b(?:ne|n'|pas|jamais|ni|sans|aucun|aucune|not|no|never|neither|nor|without|isn't|aren't)\b/;

/** The terms said, not denied, in the first two sentences of texts (clauses split at commas, semicolons, colons). */
function affirmedTerms(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const lead = text
      .replace(/^\s*(?:oui|non|yes|no)\s*[,:;.–-]\s*/i, "")
      .split(/(?<=[.!?])\s|\n/)
      .slice(0, 2)
      .join(" ");
    for (const clause of lead.split(/[,;:()]/)) if (!DENIAL.test(fold(clause).replace(/[’`]/g, "'"))) out.push(...analyze(clause));
  }
  return out;
}

/**
 * The answer text led by the side of an alternative its sources support (« Un prêt : … » for « c'est une subvention ou
 * un prêt ? », "An experiment: …"), in place of a « Oui » / « Non » that answers no alternative: only when every word
 * of one side is said (not denied) in the first sentences of the answer or of its card (`also`), and the other side's
 * words are not all said. Unchanged otherwise, and for an English question answered in French.
 */
export function withAlternativeLead(question: string, text: string, english: boolean, also: readonly string[] = []): string {
  if (text.startsWith(FRENCH_SOURCES_NOTE)) return text;
  const sides = alternativeOf(question);
  if (!sides) return text;
  // (a side named by the subject too, « le prêt d'honneur, c'est une subvention ou un prêt ? », is said of the subject)
  const rest = new Set(analyze(question.replace(sides[0], " ").replace(sides[1], " ")));
  if (sides.some((side) => analyze(side).some((t) => rest.has(t)))) return text;
  const said = affirmedTerms([text, ...also]);
  const holds = (t: string) => said.some((s) => s === t || (Math.min(s.length, t.length) >= 4 && (s.startsWith(t) || t.startsWith(s))));
  const supported = sides.map((side) => {
    const terms = analyze(side);
    return terms.length > 0 && terms.every(holds);
  });
  if (supported[0] === supported[1]) return text;
  const side = sides[supported[0] ? 0 : 1]!;
  const body = text.replace(/^\s*(?:oui|non|yes|no)\s*[,:;.–-]\s*/i, "");
  if (fold(body).startsWith(fold(side))) return text;
  const upper = body.charAt(0).toUpperCase() + body.slice(1);
  // (« La Grande Bobine est… »: an article opening a name of capitalised words keeps its capital; "The Acegaa association" not)
  const named = /^\p{L}+\s+\p{Lu}[\p{L}'’-]*\s+\p{Lu}/u.test(upper) ? upper : lowerFirst(upper);
  return `${side.charAt(0).toUpperCase()}${side.slice(1)}${english ? ":" : " :"} ${named}`;
}

/** Kinds of structure that are no legal form of their own (« une entreprise », « un bureau d'études », "a company"). */
const STRUCTURE_KIND =
  /\b(?:entreprises?|societes?|bureaux? d'etudes?|cabinets?|organismes? publics?|services? publics?|administrations?|start-?ups?|companies|company|business(?:es)?|firms?|public bod(?:y|ies))\b/;

/**
 * Whether a question puts two kinds of structure up as an alternative (« c'est une asso ou une entreprise ? », « une SCOP
 * ou une SCIC ? », "a charity or a company?"): it asks what kind of structure its subject is.
 */
export function asksKindOfStructure(question: string, formsOf: (text: string) => ReadonlySet<string>): boolean {
  const sides = alternativeOf(question);
  if (!sides) return false;
  return sides.every((side) => formsOf(side).size > 0 || STRUCTURE_KIND.test(fold(side).replace(/[’`]/g, "'")));
}

/** A phrasing asking what kind of structure a thing is, or its legal status (« c'est quoi comme structure ? »). */
const KIND_OF_STRUCTURE_ASKED =
  /\b(?:quel(?:le)?s? (?:type|sorte|genre) de (?:structure|organisme|organisation|societe|entreprise)|(?:c'est|c est|c) quoi comme (?:structure|organisme|organisation|societe|entreprise)|statut (?:juridique|legal)|forme juridique|quel statut|what (?:kind|type|sort) of (?:organisation|organization|structure|body|company)|legal (?:form|status))\b/;

export function asksKindOfStructurePhrasing(phrasing: string): boolean {
  return KIND_OF_STRUCTURE_ASKED.test(fold(phrasing).replace(/[’`]/g, "'"));
}
