/**
 * Offline answer: the best sentences of the best passages, grouped by source with
 * `[n]` markers, so it reads as an answer and not as a dump of chunks.
 */
import { NUMBER_WORDS } from "../core/number-words.js";
import { MONTH_ALTERNATION } from "../core/calendar-words.js";
import { analyze, fold } from "../retrieval/analyzer.js";
import type { Hit, QueryAnalysis, Retriever } from "../retrieval/retriever.js";
import { excludedThing, statesExcluded, withoutBeyond } from "./excluded-part.js";
import { splitUnits } from "./sentences.js";

export interface Extract {
  /** Text with [n] markers, n = index in `used` + 1. */
  text: string;
  used: Hit[];
  /** Best unit score (0..1+), a confidence signal. */
  best: number;
}

const ANNOUNCES =
  /\b(deux|trois|quatre|cinq|six|sept|huit|plusieurs|suivant(e)?s?|cumulatives?)\s+(\p{L}+\s+)?(axes|conditions|étapes|critères|défis|objectifs|catégories|thèmes|thématiques|outils|mesures|types|formes|points|volets)\b|:\s*$/iu;

type QType = "definition" | "date" | "number" | "who" | "where" | "other";

/**
 * An English question asking a figure without "how many" or "how much": a duration ("how long does it last?"), a size
 * ("how big is…"), a ceiling or a floor ("what's the max for…", "the minimum number of partners", "at most").
 */
const ENGLISH_FIGURE =
  /\b(how long|how big|how large|how old|(?:the|its|their) (?:max|maximum|minimum|ceiling|cap)\b|(?:max|maximum|minimum) (?:number|amount|sum|size)|at most|at least how)\b/;

export function questionType(question: string): QType {
  const q = question.toLowerCase();
  // The English of « combien de temps », « plafond », « au moins combien »: a duration, a ceiling or a floor is a figure,
  // even asked by "what is" ("what is the minimum number of partners?" defines nothing).
  if (ENGLISH_FIGURE.test(q)) return "number";
  if (
    /(c.est quoi|c koi|qu.est[- ]ce que|qu.est[- ]ce qu.|que (veut dire|signifie)|ça veut dire|ca veut dire|what is|what does .* mean|définition|definition)/.test(
      q,
    ) &&
    q.split(/\s+/).length <= 12
  )
    return "definition";
  if (/\b(quand|quelle date|en quelle année|depuis quand|when|what year|which year|date)\b/.test(q)) return "date";
  if (/\b(combien|quel montant|quelle part|quel pourcentage|nombre|how many|how much|montant|plafond|jusqu'à combien)\b/.test(q)) return "number";
  if (/\b(qui|who|quel organisme|quelle structure|à qui)\b/.test(q)) return "who";
  if (/\b(où|where|adresse|quel site|site internet|plateforme)\b/.test(q)) return "where";
  return "other";
}

const MONTHS = /\b(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\b/i;

function typeBonus(t: QType, unit: string): number {
  switch (t) {
    case "definition":
      return /\b(signifie|désigne|veut dire|est (un|une|le|la|l')|sont (des|les)|means|stands for)\b/i.test(unit) ? 0.15 : 0;
    case "date":
      return MONTHS.test(unit) || /\b(19|20)\d{2}\b/.test(unit) ? 0.15 : 0;
    case "number":
      return /\d|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|moitié|tiers|quart)\b/i.test(unit) ? 0.15 : 0;
    case "who":
      return /\b[A-ZÉ][\p{L}'’-]+(?:\s+[A-ZÉ][\p{L}'’-]+)+/u.test(unit) ? 0.1 : 0;
    case "where":
      return /https?:\/\/|\.fr\b|\brue\b|\bà [A-ZÉ]/.test(unit) ? 0.1 : 0;
    default:
      return 0;
  }
}

/**
 * A question asking both ends of a period (« quand a-t-elle commencé et fini ? », « de quand à quand ? », « le début et la
 * fin », "when did it start and end?"): one end alone does not answer it.
 */
const ASKS_SPAN =
  /\b(?:(?:commenc|debut|demarr|lanc|ouvert|start|began|begin)\w*\b.{0,40}\b(?:et|and)\b.{0,40}\b(?:fini|finie|finis|finit|termin\w*|achev\w*|clos\w*|fin|end|ended|finish\w*|over)\b|de quand a quand|from when (?:to|until) when|(?:le |la )?debut et (?:la )?fin|start and end (?:dates?)?|start and finish)/;

export function asksSpan(question: string): boolean {
  return ASKS_SPAN.test(fold(question).replace(/['’`-]/g, " "));
}

/** A date: a year, or a month (with or without its year). */
const DATE_PART = String.raw`(?:(?:\d{1,2}|1er)\s+)?(?:${MONTH_ALTERNATION}|(?:19|20)\d{2})(?:\s+(?:19|20)\d{2})?`;
/** Two dates as the ends of one period (« d'avril 2023 à décembre 2024 », « du 8 mars au 30 juin », "from 2023 to 2024", « 2023-2024 »), folded. */
const GIVES_SPAN = new RegExp(
  String.raw`\b(?:d'|de |du |from |between |entre )${DATE_PART}\s+(?:a|au|to|until|and|et|jusqu'(?:a|en|au))\s+(?:(?:en|le|fin|debut)\s+)?${DATE_PART}\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b`,
);

export function givesSpan(unit: string): boolean {
  return GIVES_SPAN.test(fold(unit).replace(/[’`]/g, "'"));
}

/** What a sentence giving both ends of an asked period gains over one giving one end. */
const SPAN_BONUS = 0.3;

interface Scored {
  hit: Hit;
  hitRank: number;
  pos: number;
  unit: string;
  terms: Set<string>;
  score: number;
  cov: number;
}

interface Unit {
  unit: string;
  terms: Set<string>;
  /** The unit's terms and its heading's. */
  withHead: Set<string>;
}

/**
 * A passage's units and their analysed terms depend on the passage only:
 * computed once per indexed chunk (the index is read-only) instead of once
 * per question.
 */
const unitCache = new WeakMap<Hit["chunk"], { units: Unit[]; head: Set<string> }>();

function unitsOf(chunk: Hit["chunk"]): { units: Unit[]; head: Set<string> } {
  let c = unitCache.get(chunk);
  if (!c) {
    const head = new Set(analyze(chunk.section));
    const units = splitUnits(chunk.text).map((unit) => {
      const terms = new Set(analyze(unit));
      return { unit, terms, withHead: head.size ? new Set([...terms, ...head]) : terms };
    });
    c = { units, head };
    unitCache.set(chunk, c);
  }
  return c;
}

/** A sentence that leans on the one before it ("Il explique…", "Cet axe concerne…"). */
const ANAPHORIC_START =
  /^(il|elle|ils|elles|cet|cette|ces|ce (dispositif|document|texte|schéma|programme|réseau|fonds|lieu|site|axe|service)|celui|celle|ceux|ceci|cela|son|sa|ses|leur|leurs|là|en outre|de plus|par ailleurs|ensuite|enfin|également|aussi|it|they|this|these)\b/i;
/** Two capitalised words that look like a person's name ("Vincent Bouget"). */
const PERSON = /\b[A-ZÉÈ][a-zéèêëïîôûç]+(?:-[A-ZÉ][a-zéèêëïîôûç]+)?\s+[A-ZÉÈ][A-Za-zéèêëïîôûç'-]{2,}\b/g;

function mentionsUnaskedPerson(unit: string, question: string): boolean {
  const q = fold(question);
  for (const m of unit.matchAll(PERSON)) {
    const name = m[0];
    // Place and institution names are not people: they share words with the question or start with a common place word.
    if (
      /^(Le|La|Les|Du|De|Des|Pont|Saint|Sainte|Grande|Gard|Pays|Maison|Conseil|Région|France|Initiative|Mission|Alter|Mine|Espace|Mois|Rencontres|Banque|Fonds|Caisse|Code|Loi)\b/.test(
        name,
      )
    )
      continue;
    if (name.split(/\s+/).some((w) => q.includes(fold(w)))) continue;
    return true;
  }
  return false;
}

/**
 * A sentence that qualifies the figure of the one before it (« Ce montant peut être doublé… », « Ce plafond était
 * auparavant de… », « Ce seuil s'apprécie par bénéficiaire »): it belongs to that figure, and often answers what a
 * question about the figure wants beyond it (« peut-il dépasser 40 000 € ? ») without sharing its words.
 */
const FIGURE_ANAPHOR = /^(ce|cette|ces)\s+(montant|montants|plafond|plafonds|seuil|seuils|somme|enveloppe|taux|délai|durée|prêt)\b/i;

function qualifiesFigure(before: string, unit: string): boolean {
  return FIGURE_ANAPHOR.test(unit) && /\d/.test(before);
}

/** Keeps the first "à vérifier" notice and drops the later repetitions. */
export function oneCheckNotice(text: string): string {
  let seen = false;
  return text
    .replace(/\s*\((?:information |année |date )?à vérifier\)|,?\s*(?:ce qui |c'est )?(?:reste |est )?à vérifier/gi, (m) => {
      if (seen) return "";
      seen = true;
      return m;
    })
    .replace(/\s+([.,;:])/g, "$1");
}

/** What a sentence stating the thing a question sets aside loses (see `excludedThing`). */
const ASIDE_PENALTY = 0.15;

/** Weight of a follow-up's own words in a sentence's score (see `focus`). */
const FOCUS_WEIGHT = 0.3;

export function extractAnswer(
  retriever: Retriever,
  query: QueryAnalysis,
  question: string,
  hits: Hit[],
  opts: { maxUnits?: number; maxChars?: number; typeOf?: string; focus?: QueryAnalysis } = {},
): Extract {
  const maxUnits = opts.maxUnits ?? 6;
  const maxChars = opts.maxChars ?? 900;
  // `typeOf`: the text whose wording gives the question type (a follow-up's own words).
  const qtype = questionType(opts.typeOf ?? question);
  const scored: Scored[] = [];
  // The thing the question sets aside (« à part le dépôt des dossiers ») is what the person knows: a sentence stating it
  // answers less than one telling the rest.
  const aside = excludedThing(question);
  // A period asked by both ends is answered by a sentence giving both (« d'avril 2023 à décembre 2024 »).
  const span = asksSpan(opts.typeOf ?? question);
  const asideTerms = aside ? analyze(aside) : [];
  hits.slice(0, 5).forEach((hit, hitRank) => {
    const { units, head } = unitsOf(hit.chunk);
    units.forEach(({ unit, terms, withHead }, pos) => {
      const cov = retriever.coverage(query, terms);
      // the heading counts a little: a unit under "Qui peut répondre" answers "qui peut…"
      const headCov = head.size ? retriever.coverage(query, withHead) : cov;
      // sentences that describe the document itself ("Ce document présente…") answer nothing
      const meta = /^(ce document|ceci est|cette fiche|ce texte|this document)\b/i.test(unit) ? 0.3 : 0;
      // A sentence whose subject is in the sentence before it reads as a riddle on its own.
      const dangling = pos > 0 && ANAPHORIC_START.test(unit) ? 0.05 : 0;
      const known = asideTerms.length && statesExcluded(asideTerms, new Set(analyze(withoutBeyond(unit)))) ? ASIDE_PENALTY : 0;
      const passerBy = qtype !== "who" && mentionsUnaskedPerson(unit, question) ? 0.05 : 0;
      // A follow-up read with the previous topic: the sentence should answer the person's own words.
      const own = opts.focus?.terms.length ? FOCUS_WEIGHT * retriever.coverage(opts.focus, terms) : 0;
      const score =
        0.6 * cov +
        0.15 * headCov +
        0.25 * hit.coverage +
        0.2 / (hitRank + 1) +
        typeBonus(qtype, unit) +
        (span && givesSpan(unit) ? SPAN_BONUS : 0) +
        own -
        meta -
        dangling -
        passerBy -
        known;
      scored.push({ hit, hitRank, pos, unit, terms, score, cov });
    });
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return { text: "", used: [], best: 0 };
  const chosen: Scored[] = [best];
  let chars = best.unit.length;
  // The sentences after the best one often carry the substance ("… plusieurs conditions. Elle doit …");
  // when the best one announces an enumeration ("quatre axes", "trois étapes"), keep the items that follow.
  const announces = ANNOUNCES.test(best.unit);
  for (let pos = best.pos + 1; ; pos++) {
    const next = scored.find((s) => s.hit.chunk.id === best.hit.chunk.id && s.pos === pos);
    if (!next || chars + next.unit.length > maxChars * (announces ? 1.3 : 1)) break;
    if (!announces && next.cov <= 0 && !qualifiesFigure(best.unit, next.unit)) break;
    chosen.push(next);
    chars += next.unit.length;
    if (!announces) break;
  }
  // What the chosen sentences already say: a sentence of another passage that adds no word and no figure to it says
  // the same fact again (two documents often tell it in other words); its passage only corroborates the one that said it.
  const said = new Set<string>();
  const saidFigures = new Set<string>();
  const say = (u: Scored) => {
    for (const t of u.terms) said.add(t);
    for (const f of figuresOf(u.unit)) saidFigures.add(f);
  };
  for (const c of chosen) say(c);
  const corroborated = new Map<string, Hit[]>();
  for (const s of scored.slice(1)) {
    if (chosen.length >= maxUnits) break;
    if (chosen.includes(s)) continue;
    if (s.score < 0.7 * best.score || s.cov <= 0) continue;
    if (chars + s.unit.length > maxChars) continue;
    const sameFact = chosen.some((c) => c.unit === s.unit || similar(c.terms, s.terms)); // the same fact twice
    const otherPassage = !chosen.some((c) => c.hit.chunk.id === s.hit.chunk.id);
    if (sameFact && !otherPassage) continue;
    if (sameFact || saysAgain(s, said, saidFigures, (t) => retriever.idf(t))) {
      const by = chosen.find((c) => c.hit.chunk.docId !== s.hit.chunk.docId && overlap(s.terms, c.terms) > 0);
      if (by) {
        const list = corroborated.get(by.hit.chunk.id) ?? [];
        if (!list.some((h) => h.chunk.docId === s.hit.chunk.docId)) list.push(s.hit);
        corroborated.set(by.hit.chunk.id, list);
      }
      continue;
    }
    const chunksUsed = new Set(chosen.map((c) => c.hit.chunk.id));
    if (!chunksUsed.has(s.hit.chunk.id) && chunksUsed.size >= 3) continue;
    chosen.push(s);
    say(s);
    chars += s.unit.length;
  }
  // A chosen sentence that leans on the one before it gets that sentence back, when it fits.
  // (« Ce plafond peut être doublé… » leans on the figure it qualifies, as « Il… » on its subject)
  for (const c of [...chosen]) {
    if (c.pos === 0 || !(ANAPHORIC_START.test(c.unit) || FIGURE_ANAPHOR.test(c.unit))) continue;
    if (chosen.some((o) => o.hit.chunk.id === c.hit.chunk.id && o.pos === c.pos - 1)) continue;
    const prev = scored.find((o) => o.hit.chunk.id === c.hit.chunk.id && o.pos === c.pos - 1);
    if (prev && chars + prev.unit.length <= maxChars * 1.2) {
      chosen.push(prev);
      chars += prev.unit.length;
    } else chosen.splice(chosen.indexOf(c), 1);
  }
  // A chosen figure keeps the sentence that qualifies it (« … peut atteindre 40 000 €. Ce montant peut être doublé… »).
  for (const c of [...chosen]) {
    const next = scored.find((o) => o.hit.chunk.id === c.hit.chunk.id && o.pos === c.pos + 1);
    if (!next || chosen.includes(next) || !qualifiesFigure(c.unit, next.unit)) continue;
    if (chars + next.unit.length > maxChars * 1.2) continue;
    chosen.push(next);
    chars += next.unit.length;
  }
  if (chosen.length === 0) chosen.push(best);
  // Group by chunk in order of first choice; inside a chunk, keep the document order.
  const order: string[] = [];
  for (const c of chosen) if (!order.includes(c.hit.chunk.id)) order.push(c.hit.chunk.id);
  const used: Hit[] = [];
  const parts: string[] = [];
  for (const chunkId of order) {
    const units = chosen.filter((c) => c.hit.chunk.id === chunkId).sort((a, b) => a.pos - b.pos);
    const hit = units[0]!.hit;
    used.push(hit);
    let markers = `[${used.length}]`;
    // The passages that said the same thing are cited with it (unless cited for a sentence of their own).
    for (const h of corroborated.get(chunkId) ?? []) {
      if (order.includes(h.chunk.id) || used.some((u) => u.chunk.id === h.chunk.id)) continue;
      used.push(h);
      markers += `[${used.length}]`;
    }
    const body = units.map((u) => u.unit).join(" ");
    parts.push(/\n/.test(body) ? `${body}\n${markers}` : `${body.replace(/\s*$/, "")} ${markers}`);
  }
  return { text: oneCheckNotice(parts.join("\n\n")), used, best: best.score };
}

/**
 * Rarity (idf) below which a word is common in the knowledge (in about one passage in ten or more): a sentence whose only
 * words not yet said are such words (« organisé », « représente ») says nothing new; one that adds a rarer word (a name,
 * « Rhodanien », « conventions ») does.
 */
const COMMON_IDF = 2.3;

/** The figures a sentence states: digits (« 3,3 » and « 250 000 » read whole) and number words (« dix » is 10). */
function figuresOf(unit: string): string[] {
  const digits = (unit.match(/\d[\d\s.,]*\d|\d/g) ?? []).map((f) => f.replace(/[\s.,]/g, ""));
  const words = (fold(unit).match(/\p{L}+/gu) ?? []).flatMap((w) => (NUMBER_WORDS[w] ? [String(NUMBER_WORDS[w])] : []));
  return [...digits, ...words];
}

/** Whether a sentence only says again what the chosen sentences say: no figure of its own, no rare word not yet said. */
function saysAgain(s: { unit: string; terms: Set<string> }, said: Set<string>, saidFigures: Set<string>, idf: (t: string) => number): boolean {
  if (s.terms.size < 4) return false;
  if (figuresOf(s.unit).some((f) => !saidFigures.has(f))) return false;
  for (const t of s.terms) if (!said.has(t) && idf(t) > COMMON_IDF) return false;
  return true;
}

function overlap(ta: Set<string>, tb: Set<string>): number {
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter;
}

function similar(ta: Set<string>, tb: Set<string>): boolean {
  if (ta.size === 0 || tb.size === 0) return false;
  return overlap(ta, tb) / Math.min(ta.size, tb.size) > 0.8;
}
