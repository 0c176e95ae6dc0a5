/**
 * Grounded answers: guards → hybrid retrieval → extractive answer (offline) or
 * LLM generation whose citations must point to retrieved passages (fallback to
 * the offline answer on timeout, error or invalid citations) → route.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { z } from "zod";
import { DEFAULT_PROCESS, ProcessId, type Audience, type Priority } from "../domain/ids.js";
import type { Reply, Route, SourceRef } from "../domain/reply.js";
import { MAX_QUESTION_CHARS } from "../core/limits.js";
import { withTimeout } from "../core/timeout.js";
import type { Hit, QueryAnalysis, Retriever } from "../retrieval/retriever.js";
import { analyze, fold, looksEnglish } from "../retrieval/analyzer.js";
import { definedThing, sameDefinedThing } from "./defined-thing.js";
import { type Lang, type Refusal, refusalText, type Who, whoAnswers } from "./refusal-text.js";
import { expressionPattern, phraseTokens } from "../retrieval/phrases.js";
import type { RouteCandidate, Router } from "../routing/router.js";
import { checkCitations } from "./citations.js";
import { extractAnswer } from "./extractive.js";
import type { CardIndex, CardMatch } from "./cards.js";
import { cardFollowUps, cardPassages, cardText, FRENCH_SOURCES_NOTE } from "./card-reply.js";
import {
  ASKING_TERMS,
  PRONOUN_TERMS,
  askedKind,
  LEGAL_FORM_TERMS,
  asksFormOfNamed,
  asksLegalForm,
  asksWhere,
  cardAnswersFollowUp,
  cardNamesTopic,
  cardSettlesChoice,
  choiceOffered,
  standsForTopicByObject,
  countsByEn,
  namesWritten,
  givesAskedKind,
  isElliptic,
  opensOnPossessive,
  namesPlace,
  namedWords,
  opensOnOwnSubject,
  comparesTopicWith,
  asksBeyondMoney,
  definesNamed,
  asksExistence,
  pointsAtNamedKind,
  pointsBack,
  leadNames,
  previousQuestions,
  resolveOrdinal,
  standsForWhoAnswered,
  subjectIsPronoun,
  switchesTopic,
  swapCounted,
  topicSubjects,
  withTopic,
  withoutConditions,
  withoutAskedMeasures,
  withoutAskedCount,
  countsMeasure,
  definedName,
  asksSinceWhenHeld,
} from "./followup.js";
import { namesPerson } from "./named-person.js";
import {
  type AnswerType,
  answersType,
  answerType,
  asksAmount,
  asksBudgetOf,
  asksMoneyPut,
  asksSum,
  givesAmount,
  givesMoney,
  namedAxes,
  onlyPurchaseSums,
  deniesExistence,
  existenceAsked,
  firstSentence,
} from "./cards.js";
import { askedYears, asksDuration, asksWhen, countedNoun, countedWord, countsAskedThings, countsOf, givesAsked, namedTerms } from "./asked-quantity.js";
import { namedOperators, sameOperator } from "./named-operator.js";
import { sameTerritory, territoryLevels } from "./territory.js";
import { answersStatistic, asksMaximum, givesStatistic, statesCeiling, statisticAsked } from "./asked-statistic.js";
import { probability, type DecisionModels, type Signals } from "./decision.js";
import type { QueryNormalizer } from "../retrieval/normalize.js";
import { asksOutOfMission } from "./asked-part.js";
import { asksToDraft, asksToDraftTender } from "./drafting.js";
import { askedEnumeration, setsOut, statesCount } from "./enumeration.js";
import { askedSlots, fillsAskedSlots } from "./asked-slot.js";
import { findCommunesInText } from "../eligibility/communes.js";
import { foldText, legalFormsNamed } from "../eligibility/extract.js";
import type { LegalForm } from "../eligibility/facts.js";
import { type Guards, withAddress } from "./guards.js";
import { fill, loadPrompt } from "./prompts.js";
import { ANSWER_ACTIONS, REFUSAL_ACTIONS } from "./actions.js";
import { WorkQueue } from "./work-queue.js";
import { unframe } from "./relayed.js";
import {
  agentClaim,
  asksConfirmation,
  asksKindOfStructure,
  asksKindOfStructurePhrasing,
  checksFigure,
  premiseVerdict,
  withAlternativeLead,
  withPremiseLead,
} from "./premise.js";
import { QPV_DOC, withQpvLead } from "./qpv-place.js";
import { namesEntry } from "./glossary-entry.js";
import { excludedThing, statesExcluded, withoutBeyond } from "./excluded-part.js";

export { asksConfirmation };

export interface AnswererOptions {
  retriever: Retriever;
  router: Router;
  guards: Guards;
  llm?: BaseChatModel | null;
  llmTimeoutMs?: number;
  /** Minimum passage coverage of the question to answer (0..1). */
  minCoverage?: number;
  /** Where offline answers are computed (default: 2 per loop turn for people waiting, 1 for background work). */
  queue?: WorkQueue;
  /** How many recent offline answers to keep (0 = no cache). Default 500. */
  cacheSize?: number;
  /** Minimum router score to answer a described need with its process. */
  routeAnswerScore?: number;
  /** Curated answer cards (knowledge/reponses); LiveCards follows the files of a running service. */
  cards?: CardIndex | CardSource;
  /** Minimum card score (0..1) for a card to lead the answer. */
  minCardScore?: number;
  /** Colloquial rewriting and spelling correction of questions. */
  normalizer?: QueryNormalizer;
  /** Analysed words that ask an aspect of a subject without naming it (see loadAspectTerms). */
  aspectTerms?: ReadonlySet<string>;
  /** The process a schema document (a measure) belongs to, for routing a card about it. */
  processOfDoc?: (docId: string) => ProcessId | undefined;
  /**
   * The processes whose documents (links file) include a document: the people who answer what it says
   * (« adie » → pret-honneur-microcredit). An empty list: a reference text no process runs (the ESS law, the
   * de minimis rules, the CRESS, the RTES).
   */
  processesOfDoc?: (docId: string) => readonly ProcessId[];
  /** Fitted decisions (card or not, answer or refuse); without them, fixed thresholds. */
  decision?: DecisionModels | null;
  logger?: { warn: (obj: unknown, msg?: string) => void };
}

/** Cards that may change while the service runs (see LiveCards): `version` increases at each change. */
export interface CardSource {
  current(): CardIndex;
  readonly version: number;
}

export { MAX_QUESTION_CHARS };

/** Below this share of the question found in the best passage, no offline answer is attempted. */
const MIN_ANSWER_COVERAGE = 0.4;

/** Someone describing their own situation ("nous sommes…", "notre asso…", "we are…"). */
/**
 * What a described need asks of a support process: money, advice, creating or growing an activity
 * ("on cherche un prêt", "pour embaucher", "se faire accompagner"). A first-person question without
 * one (« traduis-moi ce contrat », « suis-je personnellement responsable ? ») is no need to route.
 */
const SUPPORT_NEED =
  /\b(financ\w*|aides?|aider|accompagn\w*|soutien|soutenir|subventions?|prets?|emprunt\w*|garanties?|fonds propres|capital|creer|creation|monter|lancer|developper|embaucher|recruter|consolider|tester|agrement|structurer|incub\w*|accelerat\w*|idee|reprendre|reprise|activite|marches? publics?|appels? d offres?|vendre|clients?|mecenes?|mecenat|fondations?|epargne|investisseurs?|parts sociales|insertion|need|needs|funding|fund|support|loan|start|create|set up|hire|grow|incubator|tender\w*|sponsor\w*|invest\w*)\b/;

const FIRST_PERSON =
  /\b(je|j'|j’|nous|notre|nos|mon|ma|mes|on|moi|jsuis|jveux|i|i'm|we|our|my|me|mon asso|une personne qui|un porteur|une association|une structure|une entreprise)\b/i;

/** How one question is asked: for whom, how urgently, streamed or not, and which cards not to lead with. */
export interface AskOptions {
  audience?: Audience;
  priority?: Priority;
  onToken?: (delta: string) => void;
  /**
   * The caller already computes in its turn on the answers' queue, inside `schedule` with a key: the answer is computed at
   * once and not copied (the result of keyed scheduled work is copied once for each caller).
   */
  inTurn?: boolean;
  /** Cards the person has just been shown (the previous turn's): a follow-up asks something else. */
  avoidCards?: readonly string[];
  /**
   * The person's own message, when the question asked is a follow-up read with the
   * previous topic: the guards read the message itself, so that words of an earlier
   * turn do not make it out of mission or a known gap.
   */
  own?: string;
  /**
   * The documents the previous turn's reply cited (and the card it led with), for a follow-up read with
   * that turn's topic: what the follow-up asks is looked for first in them (see topicFirst).
   */
  topic?: TopicRef;
  /**
   * The process the conversation is about (the last answer's, else the last one other than the ESS team's): an unpublished
   * fact asked with no process of its own (« what's the name of the adviser who would handle us? » after the DLA) is
   * handed to its people, or to the ESS team when the Département runs it alone (Router.handsTo).
   */
  handTo?: ProcessId;
}

/** What a follow-up's topic was answered with: the previous reply's source documents and card. Data only. */
export interface TopicRef {
  sources: readonly string[];
  card?: string;
  /** The proper names the previous reply led with (« La Grande Bobine »): what « cette SCOP », « elle » may stand for. */
  names?: readonly string[];
}

/** Removes control characters and bounds the length of what we search for. */
export function cleanQuestion(raw: string): string {
  const asked = raw
    // placeholders left by the personal-data scrubber are not part of the question
    .replace(/\[(email|téléphone|iban|nir|adresse|nom)\]/gi, " ")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    // "ok merci. et la MIESS elle est où ?": the courtesy before the question is not part of it
    .replace(COURTESY, "")
    // "Pouvez-vous me rappeler le nombre…": the polite request frames the question without adding to it
    .replace(POLITE_ASK, "");
  // « Pour la newsletter : combien… ? », « Un élu me demande si… » : an agent's frame around the question asked
  // (and the polite request the frame opened on: « Pour une note, pouvez-vous me rappeler… »)
  const inner = unframe(asked);
  const polite = inner === asked ? inner : inner.replace(POLITE_ASK, "");
  return (polite === inner ? inner : polite.charAt(0).toUpperCase() + polite.slice(1)).slice(0, MAX_QUESTION_CHARS);
}

/** A polite request that opens a question ("Bonjour, pouvez-vous m'indiquer …", "pourriez-vous me rappeler …"). */
const POLITE_ASK =
  /^(?:(?:bonjour|bonsoir|madame|monsieur|hello)[ ,!.]*)*(?:pouvez[- ]vous|pourriez[- ]vous|peux[- ]tu|pourrais[- ]tu|vous pouvez|tu peux|tu pourrais)\s+(?:me|m'|m’|nous)\s*(?:rappeler|dire|indiquer|préciser|preciser|lister|citer)\s+(?=\S)|^(?:(?:bonjour|bonsoir|hello)[ ,!.]*)*(?:rappelle|rappelez|redonne|redonnez|indique|indiquez|précise|précisez|precise|precisez|liste|listez|cite|citez)[- ](?:moi|nous)\s+(?=(?:le|la|les|l'|l’|un|une|des|quel|quelle|quels|quelles|combien|qui|où|quand|comment|pourquoi)(?![\p{L}]))/iu;

/** Short courtesy sentences that open a message ("Ok merci.", "D'accord !", "Super, merci beaucoup.", "Thanks!"). */
const COURTESY =
  /^(?:(?:ok(?:ay)?|d'accord|dac|merci(?: beaucoup| bien)?|super|parfait|top|tres bien|très bien|génial|genial|ah|bon|ben|tant pis|entendu|compris|noté|note|thanks?(?: a lot)?|thank you|great|perfect|right)[ ,]*){1,3}[.!;:]+\s+(?=\S)/i;

/** How many cards are looked at for one that gives an asked figure the passages lack. */
const MORE_CARDS = 8;

/** The least card score for a card that gives an asked figure (from a document found) to answer instead of passages that do not. */
const MIN_QUANTITY_CARD = 0.5;

/** The least card score of a card phrased as the question itself, whose documents retrieval need not have found. */
const CLOSE_PHRASING = 0.9;
/** The least score of the closest card that answers a sum put in by someone when retrieval missed its documents. */
const MONEY_CARD = 0.6;

/** The least card score for a card that gives the amount a yes/no question states to settle that premise (the amount says the rest). */
const PREMISE_CARD = 0.3;
/** The least score of the card that settles a claim put up for confirmation (« …, c'est bien ça ? »). */
const CONFIRMED_CARD = 0.4;
/** The least score of a card giving several figures to a person who read that they differ (see readsSeveralFigures). */
const SEVERAL_FIGURES_CARD = 0.5;

/** « j'ai vu passer deux chiffres », « les montants sont contradictoires », "two different figures": figures that differ, read. */
export function readsSeveralFigures(question: string): boolean {
  return /\b(?:deux|2|plusieurs) (?:chiffres|montants|nombres|totaux|sommes)\b(?! (?:pour|de|d'|du|des)\b)|\b(?:chiffres|montants|nombres|sommes) (?:(?:sont|semblent|paraissent) )?(?:differents|divergents|contradictoires|qui different|qui ne concordent pas)\b|\b(?:two|several|different|conflicting) (?:different )?(?:figures|numbers|amounts)\b/.test(
    foldText(question).replace(/[’`]/g, "'"),
  );
}

/** How many distinct figures (digits, years aside) a text gives. */
function distinctFigures(text: string): number {
  return new Set([...text.replace(/\b(?:19|20)\d{2}\b/g, " ").matchAll(/\d+(?:[\s\u00a0]\d{3})*(?:[.,]\d+)?/g)].map((m) => m[0].replace(/\s/g, ""))).size;
}
/** The least score, and lead over the next card, of the card that settles such a claim when passages would answer it too. */
const CLEAR_CONFIRMED_CARD = 0.55;
const CONFIRMED_MARGIN = 0.15;

/** How much less of the question a document's passage may cover than a glossary entry and still be quoted instead (see documentsFirst). */
const GLOSSARY_MARGIN = 0;

/** Moves a card match to the head of the candidates (a reading that settles which card answers). */
function putFirst(candidates: CardMatch[], m: CardMatch): void {
  candidates.splice(candidates.indexOf(m), 1);
  candidates.unshift(m);
}

/** How much lower a card that answers may score than a "not published" card and still come first (a near tie). */
const LACUNE_TIE = 0.02;
/** How far below a "not published" card a card counting the very things a follow-up counts may be matched and still lead:
 * the follow-up's words (« sur combien de territoires ? ») match the gap's own (« la fréquentation par territoire »)
 * about as well as the count, and the topic carried (« à la concertation ») favours the gap card over the count. */
const COUNTED_TIE = 0.1;
/** How much lower than an unpublished-information card a card stating the ceiling a follow-up asks may score (see answerOnce). */
const CEILING_TIE = 0.08;

/**
 * How much lower a card matched by a phrasing asking the question's own kind (a date, a figure, a person, a place) may score
 * than one matched by a phrasing asking something else and still come first (a near tie).
 */
const KIND_TIE = 0.03;
/** How far below the best card one defining the very thing asked may come and still lead (see definedThing). */
const DEFINED_TIE = 0.1;
/** How far below the best card one asking what kind of structure a thing is may be, for an alternative of kinds. */
const STRUCTURE_KIND_TIE = 0.05;
/** « Quand…, et était-ce le premier ? », "Who…, and since when?": a second question joined to the first. */
export function asksTwoThings(question: string): boolean {
  return /(?:,|\?)\s*(?:(?:and|et|mais|but)\s+)?(?:since when|until when|when|who|how|what|where|which|was it|is it|did|does|depuis quand|jusqu'? ?a quand|quand|qui|combien|comment|ou|quel\w*|est-ce|etait-ce|c'est|c'etait|a-t-\w+)\b|\b(?:and|et) (?:since when|when|who|how many|was it|is it|depuis quand|quand|qui|combien|est-ce|etait-ce)\b/.test(
    foldText(question).replace(/[’`]/g, "'"),
  );
}

/** The kinds of answer KIND_TIE reads: a definition or a yes/no is asked in too many ways to tell by a phrasing. */
const TYPED_KINDS: readonly AnswerType[] = ["date", "number", "who", "where"];

/** How much lower a card giving a reason may score than a "not published" card on another aspect and still answer a why question. */
const WHY_MARGIN = 0.2;

/** A question asking a reason or a motive: « pourquoi », « pour quelle raison », « qu'est-ce qui a motivé », "why". */
const WHY = /\b(pourquoi|pour quelles? raisons?|qu['’]est-ce qui (?:a |l['’]a |les a )?motiv\w*|why|for what reason)\b/;

/** Whether a question asks a reason anywhere in it (see WHY; `asksWhy` of cards.ts reads one opened by it). */
export function asksReason(question: string): boolean {
  return WHY.test(fold(question));
}

/** The least card score for a close card to answer a question asked in English in English (see answerOnce). */
const ENGLISH_CARD = 0.5;
/** How far ahead of the next card that card must be (English words match French cards loosely: a near tie is a guess). */
const ENGLISH_CARD_MARGIN = 0.03;
/**
 * How close an English question must be to a card's own English phrasing for that card to answer it though the
 * passages found are not from its documents: French documents are reached by an English question only through
 * the glossary's equivalents, so the passages found are the weak signal, and a phrasing written in English that
 * says nearly the same is the strong one.
 */
const ENGLISH_PHRASING_F1 = 0.6;
/** …and how much of the question's weight that card must hold (phrasings and answer): a close phrasing that leaves
 * the question's main words out (« until which year does the plan run? » against the elected official's card) is
 * about something else. */
const ENGLISH_PHRASING_RECALL = 0.68;

/** Whether a phrasing names a number (« axis 1 ») the question does not: it is about another numbered thing. */
function namesOtherNumber(phrasing: string, question: string): boolean {
  const asked = new Set(fold(question).match(/\d+/g) ?? []);
  return (fold(phrasing).match(/\d+/g) ?? []).some((n) => !asked.has(n));
}

/** The least card probability for a close card to answer a question no passage covers well enough (see closeCard). */
const CLOSE_CARD = 0.45;

/** Why a message outside the assistant's mission goes to the default handoff. */
const OUT_OF_SCOPE_WHY = "Hors du champ de l'assistant : l'équipe ESS du Département est l'interlocutrice par défaut.";

/** The least router score for a refused question to be handed to the process it names. */
const REFUSAL_ROUTE_SCORE = 0.5;
/** Below this confidence, the router's best is a guess the passages used may overrule (see passagesOwner). */
const WEAK_ROUTE = 0.4;

/** Analysed words that count a measure, not things: « combien de temps / d'argent / de personnes ». */
const MEASURES = new Set([
  "temp",
  "argent",
  "fois",
  "person",
  "gen",
  "euros",
  "anne",
  "ans",
  "mois",
  "jour",
  "heur",
  "semain",
  "peopl",
  "tim",
  "money",
  "year",
  "month",
  "week",
  "day",
  "hour",
]);

/** Words every question about the Gard's ESS shares, which say nothing of what it asks. */
const GENERIC_ASPECT = new Set(["gard", "gardois", "ess", "depart", "departement", "structur", "associ"]);

/**
 * Two or more capitalised words in a row, not opening the message (« La Grande Bobine », « Hélène Meunier »):
 * a proper name, which the sources may name. Words in capitals (« SYSTEM OVERRIDE ») are none.
 */
const PROPER_NAME = /(?<=[^.!?:\s]\s+)(?:\p{Lu}[\p{Ll}'’-]+\s+)+\p{Lu}[\p{Ll}'’-]+/gu;

/** Kinds of documents about the schema itself: its text, its axes, its concertation (not a measure, which has its process). */
const SCHEMA_KINDS = new Set(["schema", "axe", "concertation"]);

/** The text of the Gard's ESS schema itself (the measures' frame), as opposed to its axes and the neighbouring schemas. */
const ESS_SCHEMA_DOC = "schema-ess-gard";

/** Kinds of documents describing the Gard itself (its figures, territories): no process of their own. */
const TERRITORY_KINDS = new Set(["territory"]);

/** Kinds of reference documents (a law, a partner): the ESS team's when no process but that team's lists them. */
const REFERENCE_KINDS = new Set(["legal", "partner"]);

/** A card matched this well (score and F1 of its best phrasing) is the question itself, reworded at most by a typo. */
const EXACT_CARD_MATCH = 0.99;

/** How much less than the best card a card naming a place may score and still answer a follow-up asking « où ? ». */
const WHERE_MARGIN = 0.1;

/** How much less than the best card a card holding more of a follow-up's own subject words may score and still come first. */
const OWN_WORDS_MARGIN = 0.12;

/**
 * Drops, when the best card's matched phrasing names an acronym (« the DLA ») the
 * question does not (`question`, a follow-up read with its topic) nor the names the previous reply led with
 * (`replyNames`, see leadNames), the first card within OWN_WORDS_MARGIN of it whose
 * phrasing names none the question does not, with the cards before it: that card comes first. `candidates` best first.
 */
export function otherNamesLast(candidates: CardMatch[], question: string, replyNames: readonly string[] = []): void {
  // (only a card naming a subject besides the one the question names: a question naming none, « cb max ? » after « la
  // banque veut pas me prêter », may be asked of the body its topic calls for, « l'Adie »)
  const own = namedTerms(question);
  if (own.length === 0) return;
  const asked = new Set([...analyze(question), ...own, ...analyze(replyNames.join(" "))]);
  // (an acronym names a body or a scheme, « the DLA »; a capitalised word may be a place a card is asked of, « Nîmes »)
  const others = (m: CardMatch) => (m.phrasing.match(/(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu) ?? []).flatMap((w) => analyze(w)).filter((t) => !asked.has(t));
  const best = candidates[0]!;
  if (others(best).length === 0) return;
  const pick = candidates
    .slice(1)
    .find((m) => m.score >= best.score - OWN_WORDS_MARGIN && m.card.lacune === best.card.lacune && m.typeOk !== false && others(m).length === 0);
  // (the card of the other subject is no candidate at all: ahead of the one taken, it would stand as a close rival)
  if (pick) candidates.splice(0, candidates.indexOf(pick));
}

/** Whether a text names one of `names` (« Adie » in « le microcrédit de l'Adie »), accents and capitals aside. */
function namesAny(text: string, names: readonly string[]): boolean {
  const t = fold(text);
  // (a name read up to a hyphen, « Françoise Laurent- », is the name before it)
  return names
    .map((n) => fold(n).replace(/[-'’\s]+$/, ""))
    .filter(Boolean)
    .some((n) => new RegExp(`(?<!\\p{L})${expressionPattern(n)}(?!\\p{L})`, "u").test(t));
}

/** Whether two knowledge documents are about one subject: the same id, or one id extending the other (« france-active-airdie-occitanie »). */
function sameSubject(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/** How many of the documents a follow-up's topic was answered with are looked in for what it asks (see topicFirst). */
const TOPIC_DOCS = 4;

/** The least share of a follow-up's own subject words (not its aspect words) a passage of its topic holds to answer it. */
const TOPIC_OWN_COVERAGE = 0.5;

/** The least number of subject words of its own a follow-up names for a reply from outside its topic to stand (see holdsOwnWords). */
const MIN_OWN_WORDS = 2;

/**
 * The least share of the previous questions' subject words (weighted by rarity) a passage holds to answer an elliptic
 * follow-up instead of a reply that holds none of them (see topicFirst).
 */
const FOCUS_HELD = 0.5;

/** An interrogative word of a question asking something of its own (« comment », « quels », "which", "what"). */
const ASKS_SOMETHING = /\b(comment|quel|quelle|quels|quelles|quoi|lequel|laquelle|how|which|what)\b/;
/** A word asking a quantity or a time (« combien », « cb », « quand »). */
const ASKED_WORD = /^(?:combien|cb|cbn|quand|qd)\W*$/;
/**
 * A unit an amount or a ceiling is reckoned in (« par projet », « de projet », « par an », « par structure », "per project"),
 * folded or not: it names no subject of its own.
 */
const PER_UNIT =
  /(?<![\p{L}])(?:par|de|du|pour|per|a|each)\s+(?:projets?|dossiers?|structures?|porteurs?|b[ée]n[ée]ficiaires?|personnes?|entreprises?|an|ann[ée]es?|mois|projects?|applications?|organi[sz]ations?|years?|months?|persons?|companies)(?![\p{L}])/giu;
/** Words of a bare aspect with its unit (« plafond de projet ? », "maximum amount per project?"). */
const MAX_PER_UNIT_WORDS = 5;

/** Words of a follow-up standing for its topic by an object pronoun that is read with that topic whatever else it names. */
const MAX_CLITIC_WORDS = 14;
/**
 * A follow-up that only adds a subject (« et la pré-incubation ? », « et l'agrément ESUS ? », "and pre-incubation?",
 * "what about the MIESS?"): « et » or "and", at most three words of a name, no verb, no question word; not a case put to
 * the topic (« et pour une SCOP ? »).
 */
const BARE_ADDED_SUBJECT =
  /^(?:et|and|what about|how about)\s+(?!.*\b(?:ca|cela|c|il|elle|ils|elles|on|y|est|sont|it|is|are|does|do|did|can|could|count|counts|compte|comptent|marche|passe|peut|peuvent|aussi|also|too)\b)(?!(?:pour|for|avec|with|sans|without|en|in|au|aux|a|chez|at|dans|sur|on|par|by|si|if|ca|cela|it|that)\b)(?:(?:le|la|les|l'|du|de la|des|the|un|une|an)\s*)?(?!(?:quand|combien|comment|ou|qui|when|how|where|who|what)\b)[\p{L}'-]+(?:\s+(?:d'|de\s+|du\s+|des\s+)?[\p{L}'-]+){0,2}\s*\?*\s*$/u;
/** Question words kept with a measure asked (see Answerer.measureAsked). */
const QUESTION_WORD = /^(?:how|when|long|much|many|combien|quand|temps|duree|dure|durent|last|lasts)$/;
/**
 * A follow-up opening with « et » or "and" on a subject taken up by a pronoun (« et le Département, il a fait quoi… ? »,
 * « et la MIESS, elle y était ? », "and the Region, did it…?"), folded.
 */
const DISLOCATED_ADDING = /^(?:et|and)\s+(?:le|la|les|l'|the)\s*[^,?]{1,40},\s*(?:il|elle|ils|elles|ca|it|they)\b/;
/** Words up to which such a follow-up is read both ways (see DISLOCATED_ADDING). */
const MAX_ADDING_READ = 16;
/** How the questions of a topic are joined (see withTopic). */
const TOPIC_JOIN = " — ";
/** An interrogative of a follow-up's own (a reason, a manner, a time, a place, a person, a thing), folded. */
const ASKS_OWN_THING = /\b(?:pourquoi|comment|quand|qd|ou|qui|quoi|quel|quelle|quels|quelles|why|how|when|where|who|what|which)\b/;

/** The least card score for a card from a follow-up's topic documents to answer it when its reply went elsewhere (see topicCard). */
const TOPIC_CARD = 0.4;

/** How much lower than the best card a card from a follow-up's topic documents may score and still answer it (see topicCard). */
const TOPIC_CARD_MARGIN = 0.15;

/** The least card score for a follow-up made only of aspect words to be answered by its topic's card (see aspectCard). */
const ASPECT_CARD = 0.4;
/**
 * Facets a follow-up asks of its topic in few words, each answered by a card written for it: what the thing brings or is
 * good for (« ça apporte quoi concrètement ? », « ça sert à quoi ? », « quels avantages ? », "what are the benefits?"),
 * and who pays for it (« et qui paie les consultants ? », « c’est financé par qui ? », "who funds it?"), folded.
 */
const FOLLOW_UP_FACETS: readonly RegExp[] = [
  /\b(?:apporte\w*|sert a quoi|servir a quoi|a quoi (?:ca|cela|il|elle) sert|quels? (?:sont les )?(?:avantages?|interets?|benefices?)|quel est l'interet|donne droit a quoi|benefits?|advantages?|what (?:does|do) (?:it|they) (?:bring|give|offer)|what is it good for)\b/,
  /\b(?:qui (?:est-ce qui |est ce qui )?(?:paie|paye|payent|paient|finance|financent|prend en charge|prennent en charge|regle)|(?:paye|paie|payee?s?|finance|financee?s?|pris en charge|prise en charge) par qui|qui qui (?:paie|paye|finance)|financeurs?|who (?:pays|funds|finances|is paying)|(?:paid|funded|financed) by whom)\b/,
];

/** The facet a question asks (see FOLLOW_UP_FACETS), as its index, or -1. */
function facetAsked(question: string): number {
  const q = fold(question).replace(/[’`]/g, "'");
  return FOLLOW_UP_FACETS.findIndex((re) => re.test(q));
}

/** Words of a follow-up asking a quantity of its topic that a card holding its own words answers (see cardHoldsOwn). */
const MAX_OWN_WORDS = 6;

/** Words of a follow-up that only puts its topic's question of a commune it names (see givesOwnAsk). */
const PLACE_FOLLOW_UP = 6;
/** The notice under an answer that rests on secondary sources (the one « à vérifier » of the answer). */
const REPORTED_NOTICE = "Certaines de ces informations proviennent de sources secondaires : elles sont à vérifier.";
/** The same notice under an English card answer (the French words kept, as the sources' own label). */
const REPORTED_NOTICE_EN = "Some of this information comes from secondary sources: it is to be checked (« à vérifier »).";

export class Answerer {
  private readonly minCoverage: number;
  private readonly routeAnswerScore: number;
  private readonly minCardScore: number;
  private readonly queue: WorkQueue;
  constructor(private readonly o: AnswererOptions) {
    // Up to 2 answers for people waiting per turn of the loop, Slack answers one at a time.
    this.queue = o.queue ?? new WorkQueue({ interactive: 2, background: 1 });
    this.minCoverage = o.minCoverage ?? 0.45;
    this.routeAnswerScore = o.routeAnswerScore ?? 0.45;
    this.minCardScore = o.minCardScore ?? 0.8;
  }

  /**
   * Whether a follow-up read with its topic (`question`) asks, in its own words (`own`), what a known gap
   * says the public sources do not publish (« et on doit faire un rapport à la fin ? » after a commons retained).
   */
  asksKnownGap(question: string, own: string): boolean {
    return this.o.guards.gap(cleanQuestion(question), cleanQuestion(own), { asked: true }) !== null;
  }

  /**
   * Whether the person's own words ask a known gap that names the people it hands to (« et qui représentait le
   * Département ce jour-là ? »: the Département's own fact, its ESS team's, whoever organised the event of the topic).
   */
  asksGapWithOwnRoute(own: string): boolean {
    return this.o.guards.gap(cleanQuestion(own))?.route !== undefined;
  }

  /**
   * The question to search in a conversation: an elliptic follow-up ("c'est gratuit ?")
   * carries the previous turn's topic; a self-contained question stands alone.
   */
  async contextualize(question: string, topic: string | undefined, audience: Audience = "porteur"): Promise<string> {
    // A message announcing another subject (« ok autre sujet : … ») goes on with none.
    if (!topic?.trim() || switchesTopic(question)) return question;
    // « Et AD'OCC, c'est quoi ? », "and what is the MIESS?": a follow-up naming a thing of its own and asking only what it
    // is asks nothing of the topic (whose words, carried, may read as another question: the topic's headcount asked).
    if (definesNamed(question)) return question;
    // The topic is what the previous question asked, without its frame (« Pour le rapport d'activité, … »,
    // « Journaliste radio, je cherche… »): the frame's words are no subject a follow-up goes on with.
    // So is the kind a subject was compared to (« Gard centrale, c'est juste une plateforme ? »): the subject goes on.
    // So are the conditions put to it before (« et si l'administration ne répond pas ? ») for a follow-up asking a thing
    // of its own (« ça apporte quoi d'être agréé ? »): only the subject they were put to goes on.
    // So are the times or quantities asked of it through a pronoun (« il court jusqu'à quand ? ») for a follow-up asking
    // another kind of thing (« il parle des SCIC ? »): only the turn that named the subject goes on with them dropped.
    const asked = withoutAskedMeasures(withoutConditions(topicSubjects(cleanQuestion(topic)), question), question);
    // What the previous question asked of its subject (« voté quand ? », "when was it adopted?") is no part of the topic a
    // follow-up asking another kind of thing (« il est structuré comment ? ») goes on with: only its subject is carried.
    const previous = this.subjectOf(asked, question);
    // « et le premier ? » after a list names an item of it: read as naming it (« et l'axe 1 ? »).
    const ranked = resolveOrdinal(question, previous);
    if (ranked) return withTopic(ranked, previous);
    // « et d'intercommunalités ? » after « combien de communes compte le Gard ? » asks that question of another counted
    // thing: read as it (the previous counted thing, carried with the topic, would draw its own figure again).
    const swapped = swapCounted(question, asked);
    if (swapped) return swapped;
    if (this.o.llm) {
      const condensed = await this.condense(question, previous);
      if (condensed) return condensed;
    }
    const clean = cleanQuestion(question);
    const searched = this.o.normalizer ? this.o.normalizer.normalize(clean).text : clean;
    const query = this.o.retriever.analyzeQuery(searched);
    const terms = query.terms.filter((t) => this.o.retriever.known(t));
    const words = searched.split(/\s+/).filter(Boolean).length;
    const combined = withTopic(question, previous);
    // A follow-up asking, of its topic, what the public sources do not say (« and who sits on the jury? » after the
    // commons call, « et avec la communauté de communes comme troisième partenaire, ça passe ? ») is that known gap:
    // it is read with its topic, whatever else its words alone would find, however long it is.
    const ownGap = this.o.guards.gap(clean);
    if (!ownGap && this.o.guards.gap(combined, clean, { asked: true })) return combined;
    // A gap read in the person's own words (« ils vont nous dire oui ? ») is about the topic's process: read with it,
    // so that the refusal hands over to that process's team; so is one asking the state of the person's own file
    // (« notre dossier, il en est où ? » after questions on an approval: the file is that approval's).
    if (ownGap?.read || ownGap?.ownFile) return combined;
    // « et leur permanence à Nîmes, c'est quelle adresse ? », "and their office, where is it?": a possessive opening the
    // question stands for the body just spoken of, whatever else its words name: read with the topic.
    if (opensOnPossessive(clean)) return combined;
    // « c'est la même que Gard centrale ? », "is it the same as the MIESS?": a comparison of what was just spoken of with a
    // thing it names asks of the topic, whatever its named thing alone would find (what that thing is): read with it.
    if (comparesTopicWith(clean)) return combined;
    // « what does that SCIC do? », « cette SCOP, elle fait quoi ? » after « la SCIC Gard et Autonomie »: a demonstrative
    // pointing at a kind of structure the conversation named asks of that structure, not of the kind (its definition).
    if (pointsAtNamedKind(clean, previous)) return combined;
    // « et le Département peut aider autrement qu'avec de l'argent ? », "anything besides money?": the support the topic
    // gives beyond its money, asked of it whoever it names as giving it (its funder): read with the topic, unless it sets
    // a subject of its own apart (« et France Active, c'est que de l'argent ? »).
    // (the topic's subjects only: a sum or a date asked before, « jusqu'à combien max ? », would read as asked again)
    if (asksBeyondMoney(clean) && !opensOnOwnSubject(clean)) return withTopic(question, this.subjectsOnly(previous));
    // « et c'est obligatoire ou c'est un choix ? », "is that per year or in total?": a choice put between two readings of
    // what was just spoken of (« c'est »), naming no thing of its own, asks of the topic, however many words say them.
    if (choiceOffered(clean) && !namesWritten(clean)) return combined;
    // « qui la représentait à cette rencontre ? », « on les joint comment ? »: an object pronoun standing for what was
    // just spoken of (see standsForTopicByObject), writing no name of its own, asks of the topic however many words the rest
    // takes (its other words, read alone, would find another thing of the same kind: the meeting, not the body).
    if (standsForTopicByObject(clean) && !namesWritten(clean) && words <= MAX_CLITIC_WORDS) return combined;
    // « y en a combien dans le Gard ? », « il y en a à Alès ? » after « c'est quoi une CAE ? »: « en » stands for the kind of
    // thing just spoken of, counted or looked for in the territory or a town: read with the topic.
    // (not one naming what it counts, « il y en a combien, de ces quartiers ? »: it asks of those)
    const counts = () =>
      this.o.retriever.analyzeQuery(withoutTerritory(searched)).terms.filter((t) => this.o.retriever.known(t) && !this.o.aspectTerms?.has(t) && t !== "gard");
    if (countsByEn(clean) && !namesWritten(withoutTerritory(clean)) && words <= MAX_CLITIC_WORDS && counts().length === 0) return combined;
    // (a longer one opening with « et » on a subject taken up by a pronoun, « Et le Département, il a fait quoi pour la
    // clôture en 2024 ? », may still ask of the topic's event: it is read both ways below, up to MAX_ADDING_READ words)
    const dislocated = words <= MAX_ADDING_READ && DISLOCATED_ADDING.test(fold(clean));
    if (terms.length === 0 || (isElliptic(clean, terms.length, false) === false && words > 10 && !dislocated))
      return terms.length === 0 ? withTopic(question, previous) : question;
    // Only words that ask an aspect of a subject ("en quelle année ?", "qui l'organise ?", "c'est combien max ?"):
    // the subject is the previous turn's.
    // (a unit the aspect is reckoned in, « plafond par projet ? », « montant par structure ? », "ceiling per project?", names no
    // subject either: the ceiling of the scheme just spoken of)
    const aspectOnly = (ts: string[]) => ts.length > 0 && ts.every((t) => this.o.aspectTerms!.has(t));
    const unitless = () => this.o.retriever.analyzeQuery(searched.replace(PER_UNIT, " ")).terms;
    if (words <= 8 && this.o.aspectTerms?.size && (aspectOnly(terms) || (words <= MAX_PER_UNIT_WORDS && aspectOnly(unitless()))))
      return withTopic(question, previous);
    // « and pre-incubation? » after « how long does incubation last? », « et l'agrément ESUS ? » after « ça dure combien
    // de temps ? »: a bare subject added by « et », asking nothing of its own, asks the duration just asked of that subject:
    // read with the words that asked it, not with the previous subject (whose passages would answer again).
    // (not an aspect asked in turn, « et la durée ? »: its words are all aspects)
    const measure = BARE_ADDED_SUBJECT.test(fold(clean)) && !terms.every((t) => this.o.aspectTerms?.has(t)) ? this.measureAsked(previous) : null;
    if (measure) return `${clean.replace(/[\s?]+$/, "")} ? ${measure}`;
    // Short questions are read both ways; the reading the knowledge answers better wins,
    // and an elliptic one ("c'est gratuit ?") keeps the topic unless alone it is clearly answered.
    const [alone, withPrevious] = await Promise.all([this.confidence(clean, audience), this.confidence(combined, audience)]);
    // (a subject is named by its acronym, « et la MIESS, elle est où ? », or, for a question asking a kind of thing, by the
    // name of an operator or scheme the routing rules recognise, « et Gard centrale a ouvert quand ? »: it asks of that)
    const elliptic = isElliptic(clean, terms.length, /\b\p{Lu}{2,7}\b/u.test(clean) || this.namesKnownSubject(clean));
    // An elliptic question matching, alone, a card saying some detail is not published (« y avait combien de
    // participants ? » and « la fréquentation de chaque atelier n'est pas publiée ») does not say whose detail it asks:
    // read with its topic, it does (and that reading still refuses what is not published about the topic).
    if (elliptic && alone.lacune) return combined;
    // An elliptic one that, read with its topic, asks a known gap in words of its own (« et à l'atelier d'Alès ? » after
    // « combien de personnes aux ateliers ? »: the attendance of one part of a whole whose total only is published) asks
    // that gap of its topic, whatever its words alone would find (the list of the workshops).
    // (one asking a thing of its own, « et pourquoi rien dans le Piémont ? », asks no more the topic's detail)
    if (elliptic && !ownGap && !ASKS_OWN_THING.test(fold(clean)) && this.o.guards.gap(combined, clean)) return combined;
    // One whose subject is a pronoun (« et ça fait quelle part de l'emploi salarié ? ») names none of its own: what its
    // other words match alone (a cooperative's « entrepreneur-salarié ») is no reading of it.
    if (elliptic && subjectIsPronoun(clean)) return combined;
    // A complete one leans to its own reading when its words name a subject of their own (a name, a process), and to
    // neither when they name none (« la rencontre de clôture, c'était où ? »: the closing meeting of what was just told).
    const bias = elliptic ? 0.15 : namesOwnSubject(clean, this.o.router) ? -0.05 : 0;
    return withPrevious.score + bias >= alone.score ? combined : question;
  }

  /**
   * Whether a question asking a kind of thing (a date, a number, a person, a place, a yes or no) names, by a capitalised
   * name, an operator or scheme the routing rules recognise as a subject (« Gard centrale », « Initiative Gard »): it asks
   * that of what it names, not of the topic. Not a question asking nothing of its own kind (« et pour Initiative Gard ? »).
   */
  private namesKnownSubject(question: string): boolean {
    const own = withoutTerritory(question);
    if (answerType(own) === "other" || !/\s\p{Lu}\p{Ll}/u.test(own)) return false;
    return this.o.router.candidates(own).some((c) => (c.named ?? 0) > 0);
  }

  /**
   * The words of the last question of a topic (`topic`, joined by withTopic) that ask a duration (« combien de temps »,
   * "how long … last"), when it asked one; null otherwise or when none is left. (A sum or a date asked again of another
   * subject, « et l'Adie ? » after « Initiative Gard prête combien max ? », is left to the readings below, which keep the topic.)
   */
  private measureAsked(topic: string): string | null {
    const aspects = this.o.aspectTerms;
    const last = topic.split(TOPIC_JOIN)[0] ?? topic;
    if (!aspects?.size || !asksDuration(last)) return null;
    const kept = last
      .replace(/[?!.]/g, " ")
      .split(/\s+/)
      .filter((w) => {
        const terms = analyze(w);
        return ASKED_WORD.test(fold(w)) || QUESTION_WORD.test(fold(w)) || (terms.length > 0 && terms.every((t) => aspects.has(t)));
      });
    return kept.length > 0 ? kept.join(" ") : null;
  }

  /**
   * The questions of a topic (`topic`, joined by withTopic) without their words that only ask an aspect (see aspectTerms:
   * « combien », « max », « quand »…) or a quantity (« combien »): the subjects they asked of. A question with nothing
   * left is kept whole.
   */
  private subjectsOnly(topic: string): string {
    const aspects = this.o.aspectTerms;
    if (!aspects?.size) return topic;
    return topic
      .split(TOPIC_JOIN)
      .map((part) => {
        const words = part.split(/\s+/).map((w) => ({ w, terms: analyze(w) }));
        const kept = words.filter(({ w, terms }) => !ASKED_WORD.test(fold(w)) && (terms.length === 0 || !terms.every((t) => aspects.has(t))));
        return kept.some(({ terms }) => terms.length > 0) ? kept.map(({ w }) => w).join(" ") : part;
      })
      .join(TOPIC_JOIN);
  }

  /**
   * The previous question (`question`) a follow-up (`own`) goes on with, without its words that only ask an aspect (see
   * aspectTerms), when it asked a date or a sum (« il a été voté quand ? ») and the follow-up asks a thing of another kind
   * (« il est structuré comment ? », « elle couvre quels départements ? »): that date or sum is no part of the topic.
   * A follow-up asking a date or a sum too (« et il compte combien d'actions ? », where the vote tells which document),
   * or nothing of its own (« et pour une SCOP ? »), keeps the question whole, and so does one whose question has nothing
   * left without those words.
   */
  private subjectOf(question: string, asking: string): string {
    const aspects = this.o.aspectTerms;
    if (!aspects?.size) return question;
    // ("what about in Alès?" adds a place as « and in Alès? » does: its « what » asks no thing of its own)
    const own = asking.replace(/^\s*(?:what|how) about\b/i, "and");
    const before = answerType(question);
    const mine = answerType(own);
    const quantity = (t: AnswerType) => t === "date" || t === "number";
    const asksOwn = mine === "who" || mine === "where" || mine === "definition" || (mine === "other" && ASKS_SOMETHING.test(fold(own)));
    // A count asked before (« combien de personnes ont participé aux ateliers ? ») is no part of the subject a follow-up
    // asking a thing of its own (« et sur quels territoires ? ») or counting something else (« sur combien de
    // territoires ? ») goes on with: only what was counted of is carried (« aux ateliers »).
    // (only a measure counted, people, money or time: a counted thing, « combien d'axes ? », is what « le premier ? »,
    // « lesquels ? » or « ils ont eu lieu où ? » then speak of)
    const counted = before === "number" ? countedWord(question) : null;
    if (counted !== null && countsMeasure(question)) {
      const ownCount = countedWord(own);
      if (asksOwn || (mine === "number" && ownCount !== null && ownCount !== counted)) {
        const rest = withoutAskedCount(question);
        if (rest) return rest;
      }
    }
    if (!quantity(before) || !asksOwn) return question;
    const words = question.split(/\s+/).map((w) => ({ w, terms: analyze(w) }));
    const kept = words.filter(({ terms }) => terms.length === 0 || !terms.every((t) => aspects.has(t)));
    return kept.some(({ terms }) => terms.length > 0) ? kept.map(({ w }) => w).join(" ") : question;
  }

  /**
   * With a model: the follow-up rewritten to stand alone (prompts/condense.md). Null on
   * error, timeout or an implausible rewrite; the offline reading is then used.
   */
  private async condense(question: string, previous: string): Promise<string | null> {
    try {
      const abort = new AbortController();
      const res = await withTimeout(
        this.o.llm!.invoke(
          [
            { role: "system", content: fill(loadPrompt("condense"), { previous: cleanQuestion(previous).slice(0, 600) }) },
            { role: "user", content: cleanQuestion(question) },
          ],
          { signal: abort.signal },
        ),
        Math.min(this.o.llmTimeoutMs ?? 8000, 4000),
        { abort, message: "LLM timeout" },
      );
      const raw = typeof res.content === "string" ? res.content : res.content.map((c) => ("text" in c ? c.text : "")).join("");
      const text = cleanQuestion(raw.replace(/^["«\s]+|["»\s]+$/g, ""));
      // A rewrite is one question of reasonable length, not an answer or a refusal.
      if (text.length < 3 || text.length > 400 || /JE_NE_SAIS_PAS/.test(text) || text.split(/[.!?]\s/).length > 3) return null;
      return text;
    } catch (err) {
      this.o.logger?.warn({ err }, "llm condense failed, offline follow-up reading used");
      return null;
    }
  }

  /** How well the knowledge answers a text: the best card or passage match (0..1). */
  private async confidence(text: string, audience: Audience): Promise<{ score: number; lacune: boolean }> {
    const { signals } = await this.prepare(cleanQuestion(text), audience);
    // A passage covers one or two words easily: coverage says less the fewer words there are.
    const terms = Math.round(signals.terms * 10);
    const card = signals.cardScore * (signals.cardAgrees ? 1 : 0.8);
    const passage = signals.bestCoverage * 0.9 * Math.min(1, 0.2 + 0.2 * terms);
    // (lacune: the best card says what is asked is not published, and it is what the reading rests on)
    return { score: Math.max(card, passage), lacune: signals.cardLacune === 1 && card >= passage };
  }

  /** The same answerer (knowledge, cards, decisions) with another model. */
  withModel(llm: BaseChatModel | null, llmTimeoutMs = this.o.llmTimeoutMs): Answerer {
    return new Answerer({ ...this.o, llm, llmTimeoutMs, queue: undefined });
  }

  get router(): Router {
    return this.o.router;
  }

  /** Every process a knowledge document belongs to: its own id when it is a process's page, else the processes whose documents or measures the schema links list. */
  processesOf(docId: string): readonly ProcessId[] {
    const own = ProcessId.safeParse(docId);
    return own.success ? [own.data] : (this.o.processesOfDoc?.(docId) ?? []);
  }

  /** The process a knowledge document belongs to: its own id when it is a process's document, else the schema links' (undefined when none). */
  processOfDoc(docId: string): ProcessId | undefined {
    const own = ProcessId.safeParse(docId);
    return own.success ? own.data : this.o.processOfDoc?.(docId);
  }

  /**
   * Offline answers are a pure function of (question, audience, knowledge): the
   * most recent ones are kept, since many people ask the same things. Answers
   * written by a language model are not cached.
   */
  private readonly cache = new Map<string, Reply>();
  /** Each knowledge document's analysed sentences, as the known gaps read them (see statedBy). */
  private readonly docSentences = new Map<string, string[][]>();
  private cardsVersion = 0;

  /** The cards to answer with now; cached answers are dropped when the cards changed. */
  private cards(): CardIndex | undefined {
    const c = this.o.cards;
    if (!c || !("current" in c)) return c;
    const index = c.current();
    if (c.version !== this.cardsVersion) {
      this.cardsVersion = c.version;
      this.cache.clear();
    }
    return index;
  }

  async ask(rawQuestion: string, opts: AskOptions = {}): Promise<Reply> {
    const audience = opts.audience ?? "porteur";
    const turn = { avoidCards: opts.avoidCards ?? [], own: opts.own, topic: opts.topic, handTo: opts.handTo };
    this.cards();
    // With a model, answering waits on the network: no queue, no cache.
    if (this.o.llm) return this.answer(rawQuestion, audience, { ...turn, onToken: opts.onToken });
    const topicKey = turn.topic ? `${turn.topic.card ?? ""}:${turn.topic.sources.join(",")}:${(turn.topic.names ?? []).join(",")}` : "";
    const key = [audience, turn.avoidCards.join(","), turn.own ?? "", topicKey, turn.handTo ?? "", cleanQuestion(rawQuestion).toLowerCase()].join("\u0000");
    const cacheSize = this.o.cacheSize ?? 500;
    const cached = cacheSize <= 0 ? undefined : this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // refresh its position (LRU)
      this.cache.set(key, cached);
      return structuredClone(cached);
    }
    const compute = async () => {
      const r = await this.answer(rawQuestion, audience, turn);
      if (cacheSize > 0) {
        this.cache.set(key, r);
        if (this.cache.size > cacheSize) this.cache.delete(this.cache.keys().next().value!);
      }
      return r;
    };
    // Offline answers are CPU work: computed in turn (see WorkQueue), once per question in flight — at once when the
    // caller already computes in its turn (`inTurn`: a turn's readings scheduled as one piece of work).
    // A reply handed out is a copy: the cached one stays as computed. Inside a turn's scheduled work, the copy `schedule`
    // makes of the turn's result is that copy.
    if (opts.inTurn) return compute();
    return structuredClone(await this.queue.run(compute, { priority: opts.priority, key }));
  }

  /**
   * Runs other offline CPU work of a turn (its readings as a project and as an answer, the follow-up
   * reading) on the answers' queue, in its priority's turn, once per `key` in flight: under load a Slack answer, which its person waits
   * for after an acknowledgement, no longer computes ahead of someone waiting on an open request.
   * With a model the work waits on the network: it runs at once, as `ask` does.
   */
  schedule<T>(work: () => Promise<T>, priority?: Priority, key?: string): Promise<T> {
    if (this.o.llm) return work();
    // Callers sharing a keyed computation each get their own copy of its result.
    return key === undefined ? this.queue.run(work, { priority }) : this.queue.run(work, { priority, key }).then((r) => structuredClone(r));
  }

  /**
   * Runs the offline pipeline before the service takes traffic: the first
   * answers of a fresh process cost 3–4× more (code not yet optimised by the
   * JIT, caches empty). Sample needs are answered until `budgetMs` (the word
   * scores of both lexical indexes are already computed: see createRuntime).
   * No answer is cached or stored. Samples default to the example needs of
   * the process directory (knowledge/processus).
   */
  async warmUp(budgetMs: number, samples = [...this.o.router.directory.values()].flatMap((p) => p.examples)): Promise<{ answers: number; ms: number }> {
    const t0 = performance.now();
    let answers = 0;
    for (const q of samples) {
      if (performance.now() - t0 >= budgetMs) break;
      await this.answer(q, answers % 4 === 3 ? "agent" : "porteur");
      answers++;
    }
    return { answers, ms: Math.round(performance.now() - t0) };
  }

  private async answer(
    rawQuestion: string,
    audience: Audience,
    opts: Pick<AskOptions, "onToken" | "avoidCards" | "own" | "topic" | "handTo"> = {},
  ): Promise<Reply> {
    const first = await this.answerOnce(rawQuestion, audience, opts);
    // What the person's own message asks: a follow-up's own words, else the question (read once for every check below).
    const asked = cleanQuestion(opts.own ?? rawQuestion);
    // A follow-up checking a figure (« c'est pas 20 plutôt ? ») that its reading settles, for or against, is answered so:
    // the topic's passages are looked for only when it is not.
    const checking = opts.own !== undefined && checksFigure(asked);
    const settled = checking && !first.refused && premiseVerdict(asked, first.text) !== null;
    // Not settled by its reading, it is checked against the card its topic was answered with (« 17 quartiers… »).
    const topicCard = checking && !settled && opts.topic?.card ? this.cards()?.cards.find((c) => c.id === opts.topic!.card) : undefined;
    if (topicCard && !topicCard.lacune && premiseVerdict(asked, topicCard.answer) !== null) {
      const match: CardMatch = { card: topicCard, score: 1, f1: 1, recall: 1, typeOk: true, phrasing: topicCard.questions[0] ?? "" };
      const again = await this.cardAnswer(rawQuestion, rawQuestion, audience, match, [], [], undefined, asked);
      again.text = withPremiseLead(asked, again.text, looksEnglish(asked));
      return again;
    }
    // « depuis quand ? », "how long has she been in office?" after a card naming who holds a role (« Françoise
    // Laurent-Perrigot… élue en novembre 2020… ») asks when that person took it: the card says it when it holds a year.
    // (a card naming the person without a date leaves the follow-up to its reading)
    const heldCard =
      opts.own !== undefined && opts.topic?.card && asksSinceWhenHeld(asked) ? this.cards()?.cards.find((c) => c.id === opts.topic!.card) : undefined;
    // (the card must lead with a person, « Hélène Meunier, … »: an organisation, « La Grande Bobine », holds no office)
    if (
      heldCard &&
      !heldCard.lacune &&
      heldCard.questions.some((q) => answerType(q) === "who") &&
      namesPerson(heldCard.answer.split(/[.;:,]/)[0] ?? "") &&
      /\b(?:19|20)\d\d\b/.test(heldCard.answer)
    ) {
      const match: CardMatch = { card: heldCard, score: 1, f1: 1, recall: 1, typeOk: true, phrasing: heldCard.questions[0] ?? "" };
      return this.cardAnswer(rawQuestion, rawQuestion, audience, match, [], [], undefined, asked);
    }
    const reply =
      (!settled &&
        opts.topic &&
        opts.own &&
        ((await this.topicFirst(rawQuestion, audience, opts.own, opts.topic, first)) ??
          (await this.topicCard(rawQuestion, audience, opts.own, opts.topic, opts.avoidCards ?? [], first)))) ||
      first;
    if (reply.refused || reply.generated) return reply;
    // A follow-up asking only another year of what was just answered (« et en 2025 ? » after the projects the politique de la
    // ville funded in 2024) asks that figure of the same body: a reply led by a document the topic was not answered with gives
    // another body's figure for that year (the Adie's projects), not the one asked, which is not published.
    // (only another year of a figure asked for a year: « et en 2016 ? » after « et en Occitanie ? » asks the earlier figure)
    const yearOnly = opts.own !== undefined && opts.topic?.sources.length ? onlyYearAsked(asked) : null;
    const swapsYear = yearOnly !== null && askedYears(cleanQuestion(rawQuestion)).some((y) => y !== yearOnly);
    const lead = reply.sources[0]?.id;
    if (yearOnly !== null && swapsYear && lead !== undefined && !opts.topic!.sources.some((t) => sameSubject(lead, t)))
      return this.unpublishedYear(audience, opts.handTo ?? DEFAULT_PROCESS, yearOnly, asked);
    // A follow-up asking how many of some things (« ils ont combien d'entrepreneurs salariés ? ») that its own reading could
    // not answer is not answered by a passage of its topic's documents whose figures count other things (« 5 axes et 39
    // actions », « deux autres structures »): the number asked is not published there.
    if (first.refused && reply !== first && opts.own && !countsAskedThings(asked, reply.text, (t) => this.o.retriever.synonyms.equivalents(t))) return first;
    // What the person's own message asks of its kind (a sum of money, a named person or the members of a body, what is
    // reserved to whom) is given by the reply that answers, whichever way it was found (a card, the topic's passages):
    // a follow-up carries its topic's words, and the topic's passages hold them without giving what the follow-up asks.
    // (a card's answer in either language: the English text may say in other words what its French one names)
    const card = reply.card ? this.cards()?.cards.find((c) => c.id === reply.card) : undefined;
    const said = card ? `${reply.text}\n\n${card.answer}` : reply.text;
    if (!reply.fit?.length && !this.givesOwnAsk(asked, said, opts.own !== undefined && asked !== cleanQuestion(rawQuestion))) {
      const process = this.aboutProcess(
        this.o.router.candidates(this.o.normalizer ? this.o.normalizer.normalize(cleanQuestion(rawQuestion)).text : rawQuestion),
      );
      return this.refusal(
        audience,
        this.o.router.toRoute(process, 0.5, "Je n'ai pas trouvé la réponse."),
        { kind: "imprecise", who: this.who(process) },
        langOf(asked),
      );
    }
    // A question about a year later than every year its answer speaks of (« les thèmes de l'appel
    // en 2026 ? » answered with those of 2024) asks what is not published yet.
    const own = asked;
    const later = laterYearAsked(own, reply.text);
    if (!later) {
      // A yes/no question whether a place the sources confirm is, or has, a quartier prioritaire gets « Oui : » first.
      if (reply.type === "answer" && !reply.refused)
        reply.text = withQpvLead(own, reply.text, looksEnglish(own), reply.sources.find((s) => s.id === QPV_DOC)?.n);
      // A yes/no question stating a figure the answer settles gets its « Oui » or « Non » first.
      // (or asking whether a thing is of the kind its card lists)
      if (reply.type === "answer" && !reply.fit) {
        const listing = reply.card ? (this.cards()?.cards.find((c) => c.id === reply.card)?.questions ?? []) : [];
        reply.text = withPremiseLead(own, reply.text, looksEnglish(own), listing);
        // An alternative (« c'est une subvention ou un prêt ? ») is answered by the side its sources support, not « Oui ».
        reply.text = withAlternativeLead(own, reply.text, looksEnglish(own), card ? [card.answer, card.answer_en ?? ""] : []);
      }
      return reply;
    }
    const process = reply.route?.process === DEFAULT_PROCESS ? DEFAULT_PROCESS : this.aboutProcess(this.o.router.candidates(own));
    return this.unpublishedYear(audience, process, later, own);
  }

  /** The refusal of a figure asked for a year the sources publish none of (`year`), handed to `process`'s people. */
  private unpublishedYear(audience: Audience, process: ProcessId, year: string, own: string): Reply {
    const who = this.whoAnswers(process);
    return this.refusal(
      audience,
      this.o.router.toRoute(process, 0.7, `Information non publiée pour ${year} : ${lowerFirst(who)} pourra vous répondre.`),
      { kind: "later-year", year, who: this.who(process) },
      langOf(own),
    );
  }

  /**
   * Whether a reply gives what the person's own message asks of a precise kind: a sum of money put in or had (not a share
   * of jobs), a detail of a precise kind (see asked-slot: a person in a role, the members of a body, a contact at an
   * office, what is reserved to whom). True when the message asks none of these.
   */
  private givesOwnAsk(own: string, text: string, followUp: boolean): boolean {
    if (asksMoneyPut(own) && !givesMoney(text, own)) return false;
    // (a sum asked in words other than « combien », « pour quels montants ? », "what amount?", wants one too, or a share)
    if (asksSum(own) && !givesAmount(text)) return false;
    // A short follow-up putting its topic's question of a commune of its own (« et à Alès ? », "and in Uzès specifically?")
    // is answered by a text about that commune: the topic's figure for the whole Gard is no figure of it.
    if (followUp && own.split(/\s+/).length <= PLACE_FOLLOW_UP) {
      const named = communeCodes(own);
      if (named.size > 0) {
        const given = communeCodes(text);
        if (![...named].some((c) => given.has(c))) return false;
      }
    }
    return fillsAskedSlots(own, text);
  }

  /**
   * A follow-up asking a kind of thing (« c'est combien ? », « c'était quand ? », « qui le porte ? », « c'est où ? »)
   * that its reading with the topic did not answer with that kind of thing is looked for in the documents its topic
   * was answered with (`topic`): a passage of theirs holding every word of its own the follow-up names and the kind
   * it asks answers it. Null when none does, when the reply already gives it, or when the guards or an
   * unpublished-information card answered: a follow-up naming a subject of its own is read alone upstream.
   */
  private async topicFirst(rawQuestion: string, audience: Audience, own: string, topic: TopicRef, reply: Reply): Promise<Reply | null> {
    if (reply.generated || (reply.refused && reply.card)) return null;
    const normalize = (t: string) => (this.o.normalizer ? this.o.normalizer.normalize(t).text : t);
    // The kind asked is read in the words written out (« depuis qd ? » asks a date).
    const mine = normalize(cleanQuestion(own));
    const question = cleanQuestion(rawQuestion);
    const given = reply.refused ? false : givesAskedKind(mine, reply.text, question);
    const ownQuery = this.o.retriever.analyzeQuery(normalize(mine));
    // The subject of the questions before (« Charles Gide » in « Charles Gide est né où ? »): what an elliptic
    // follow-up asking a kind of thing (« en quelle année ? ») asks it of.
    const focus = this.focusOf(question, ownQuery, topic.names);
    const fromTopic = reply.sources.some((s) => topic.sources.some((t) => sameSubject(s.id, t)));
    // A reply giving the kind asked, from the topic's documents but holding none of the previous questions' subject words
    // (the schema's years for « en quelle année ? » after Charles Gide's birthplace), gives way to a passage of theirs that
    // gives it of that subject.
    const focusOf = (text: string) => this.o.retriever.coverage(focus, new Set(analyze(text)));
    const replyFocus = focus.terms.length ? focusOf(reply.text) : 1;
    // (English questions before give only their names as subject words: see focusOf.)
    const offFocus = given === true && fromTopic && replyFocus === 0;
    // A follow-up pointing back (« elle a été créée quand, cette SCOP ? ») at a name the previous reply led with that has a
    // document of its own (« La Grande Bobine ») asks of it: a reply giving the kind asked from another document gives way
    // to that document's passage, if it holds it. So does one asking the legal form of what was just named (« c'est quoi
    // leur statut ? »): only an organisation has one.
    // So does one whose pronoun stands for the one a « qui ? » was just answered with (« Qui a conçu le schéma ? », then
    // « ils sont basés où ? »).
    // A follow-up naming nothing of its own (« jusqu'à combien ? », « c'est plafonné à combien ? ») after a question that named
    // a body with a document of its own (« Initiative Gard, ça finance quoi ? ») asks it of that body, even when the previous
    // reply was drawn from another's document (another financer's page): that body's document is the one spoken of.
    const ownSubject = ownQuery.terms.filter((t) => !this.o.aspectTerms?.has(t) && !GENERIC_ASPECT.has(t) && !ASKING_TERMS.has(t) && this.o.retriever.known(t));
    // (not a process's name carried as the topic after a project's options, « Prêt d'honneur et microcrédit (Initiative Gard,
    // Adie, BGE) »: it names several bodies, none asked of)
    const before = previousQuestions(question);
    const namedBefore = ownSubject.length === 0 && !/[()]/.test(before) ? this.namedDoc(leadNames(before)) : undefined;
    const askedOf = namedBefore !== undefined && !topic.sources.some((t) => sameSubject(t, namedBefore)) ? namedBefore : undefined;
    const entity =
      pointsBack(mine) || asksFormOfNamed(mine) || standsForWhoAnswered(mine, previousQuestions(question)) ? this.namedDoc(topic.names ?? []) : askedOf;
    const offEntity = given === true && entity !== undefined && !reply.sources.some((s) => sameSubject(s.id, entity));
    // A follow-up naming nothing of its own (« c'est plafonné à combien ? ») after a reply that led with one body (« le
    // microcrédit de l'Adie… ») asks it of that body: a reply giving the kind asked only of another one (Initiative
    // Gard's loan ceiling) gives way to a passage of the topic's documents giving it of that body, if they hold one.
    const leading = topic.names ?? [];
    const offName =
      given === true &&
      entity === undefined &&
      leading.length > 0 &&
      ownSubject.length === 0 &&
      // (the reply went to that body, but took the figure of another beside it: not a reply about something else)
      namesAny(reply.text, leading) &&
      !reply.text.split(/\n\s*\n/).some((p) => namesAny(p, leading) && givesAskedKind(mine, p, question) === true);
    // (a reply off the previous question's subject is looked for about that subject first: see offFocus)
    const byName = offName && !offFocus;
    // (a reply giving the kind asked from that body's document stands)
    if (given === true && askedOf !== undefined && reply.sources.some((s) => sameSubject(s.id, askedOf))) return null;
    // A reply giving what is asked from the topic's documents (or one of their kin: « dla-gard-acegaa » for « dla ») stands;
    // one wholly from elsewhere gives way to theirs, if they hold it.
    if (given === null || (given && fromTopic && !offFocus && !offEntity && !offName)) return null;
    // So does one from elsewhere that gives the kind asked and holds the follow-up's own subject words (« and how many
    // partners must we be? » after the platform the call is filed on, answered by the card on the call's partners): the
    // topic only tells apart what a follow-up naming nothing of its own (« c'est combien ? ») asks of.
    if (given && !offEntity && this.holdsOwnWords(reply, ownQuery)) return null;
    if (this.guardsStop(mine, question, cleanQuestion(own))) return null;
    const searched = normalize(question);
    const legalForm = asksLegalForm(mine);
    // An English follow-up's subject words are the names it writes ("when did it open?" names none): its other words
    // only ask what is wanted, and match the French passages loosely.
    const ownNames = looksEnglish(mine) ? new Set(this.o.retriever.analyzeQuery(normalize(namedWords(mine))).terms) : undefined;
    const named = {
      ...ownQuery,
      terms: ownQuery.terms.filter(
        (t) =>
          !this.o.aspectTerms?.has(t) &&
          !GENERIC_ASPECT.has(t) &&
          !ASKING_TERMS.has(t) &&
          !(legalForm && LEGAL_FORM_TERMS.has(t)) &&
          (!ownNames || ownNames.has(t)) &&
          this.o.retriever.known(t),
      ),
    };
    const query = this.o.retriever.analyzeQuery(searched);
    const docs = offEntity ? [entity!] : [...new Set([...(entity ? [entity] : []), ...topic.sources])].slice(0, TOPIC_DOCS + (entity ? 1 : 0));
    const found = docs
      .flatMap((doc) => this.o.retriever.chunksOf(doc, query, { audience }))
      .filter((h) => {
        // (the document of the name pointed back at is about what the follow-up's words name: « cette coopérative »)
        if (named.terms.length && h.chunk.docId !== entity && this.o.retriever.coverage(named, this.o.retriever.termsOf(h.chunk.id)) < TOPIC_OWN_COVERAGE)
          return false;
        if (offFocus && focusOf(h.chunk.text) < FOCUS_HELD) return false;
        if (byName && !namesAny(h.chunk.text, leading)) return false;
        return givesAskedKind(mine, h.chunk.text, question) === true && answersStatistic(mine, h.chunk.text, question);
      })
      // Passages about the previous question's subject first (« Charles Gide » for « c'était en quelle année ? »).
      .map((h) => ({ h, own: h.chunk.docId === entity ? 1 : 0, about: focus.terms.length ? focusOf(h.chunk.text) : 0 }))
      .sort((a, b) => b.own - a.own || b.about - a.about || b.h.coverage - a.h.coverage)
      .map(({ h }) => h);
    // The document of the name spoken of, when it holds what is asked, answers alone: a passage of another document that
    // only mentions that name (the consultation's « animée par La Grande Bobine… ») is no answer about it.
    const ofEntity = entity === undefined ? [] : found.filter((h) => h.chunk.docId === entity);
    const hits = ofEntity.length ? ofEntity : found;
    if (!hits.length) return null;
    // (asked of the body the previous reply led with, it is what the follow-up asks of that body, not the topic's words again)
    const asked = byName ? `${mine} ${leading.join(" ")}` : searched;
    const answer = extractAnswer(this.o.retriever, byName ? this.o.retriever.analyzeQuery(asked) : query, asked, hits, {
      ...(audience === "agent" ? {} : { maxChars: 650, maxUnits: 5 }),
      typeOf: mine,
      // The sentence answers the follow-up's own words, or when it names nothing (« en quelle année ? ») the previous question's subject.
      // (a follow-up asked of the body the previous reply led with: the sentences naming that body)
      focus: byName
        ? { ...ownQuery, terms: [...new Set([...ownQuery.terms, ...this.o.retriever.analyzeQuery(leading.join(" ")).terms])] }
        : focus.terms.length && !named.terms.length
          ? { ...ownQuery, terms: [...new Set([...ownQuery.terms, ...focus.terms])] }
          : ownQuery,
    });
    if (!answer.text || givesAskedKind(mine, answer.text, question) !== true || !answersStatistic(mine, answer.text, question)) return null;
    if (offFocus && focusOf(answer.text) < FOCUS_HELD) return null;
    if (byName && !namesAny(answer.text, leading)) return null;
    return this.passageReply(answer.text, answer.used, {
      english: looksEnglish(mine),
      route: reply.route ?? this.routeOf(this.o.router.candidates(searched, hits)),
      audience,
      generated: false,
    });
  }

  /**
   * Whether a reply holds most of a follow-up's own subject words (`own`, its analysed words, without those that only ask
   * an aspect or name the Gard or the ESS; two at least), in its text or in its card's wordings and answers in either
   * language.
   */
  private holdsOwnWords(reply: Reply, own: QueryAnalysis): boolean {
    // (the words of an English follow-up are known to the cards' English wordings, not to the French passages)
    const terms = own.terms.filter((t) => !this.o.aspectTerms?.has(t) && !GENERIC_ASPECT.has(t) && !ASKING_TERMS.has(t));
    // One word alone (« open », « budget ») may be any subject's aspect: the topic tells which.
    if (terms.length < MIN_OWN_WORDS) return false;
    const card = reply.card ? this.cards()?.cards.find((c) => c.id === reply.card) : undefined;
    const held = new Set(analyze([reply.text, ...(card ? [card.answer, card.answer_en ?? "", ...card.questions] : [])].join(" ")));
    return this.o.retriever.coverage({ ...own, terms }, held) >= TOPIC_OWN_COVERAGE;
  }

  /**
   * The document of its own a name stands for (« La Grande Bobine » → « la-grande-bobine »), the first of `names` that
   * has one; undefined when none does.
   */
  private namedDoc(names: readonly string[]): string | undefined {
    const empty = this.o.retriever.analyzeQuery("");
    return names
      .map((n) =>
        fold(n)
          .replace(/['’]/g, "-")
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, ""),
      )
      .find((id) => id.length > 3 && this.o.retriever.chunksOf(id, empty).length > 0);
  }

  /**
   * The subject words of the questions before a follow-up (see previousQuestions) and of the names the last reply led with
   * (`names`, see leadNames): the words the knowledge knows,
   * other than the follow-up's own, the words that only ask an aspect and the Gard's or the ESS's. Empty when none.
   */
  private focusOf(question: string, own: QueryAnalysis, names: readonly string[] = []): QueryAnalysis {
    const normalize = (t: string) => (this.o.normalizer ? this.o.normalizer.normalize(t).text : t);
    // (English questions before give only the names they write: their other words match the French passages loosely.)
    const before = previousQuestions(question);
    const previous = [looksEnglish(before) ? namedWords(before) : before, ...names].filter(Boolean).join(" ; ");
    const q = this.o.retriever.analyzeQuery(previous ? normalize(previous) : "");
    const mine = new Set(own.terms);
    return {
      ...q,
      terms: q.terms.filter((t) => !mine.has(t) && !this.o.aspectTerms?.has(t) && !GENERIC_ASPECT.has(t) && !ASKING_TERMS.has(t) && this.o.retriever.known(t)),
    };
  }

  /**
   * A follow-up read with its topic whose reply went to documents other than the topic's, or found nothing
   * (« ça coûte combien ? » after the CAE answered with the DLA's « gratuit »): a card from the topic's documents that
   * holds every word of its own the follow-up names, and the kind of thing it asks, answers it instead. People ask
   * on about what they have just read; a card about another subject that matched the aspect words better is no answer.
   * Null when the reply already comes from the topic's documents, when the guards answered, or when no such card is close.
   */
  private async topicCard(
    rawQuestion: string,
    audience: Audience,
    own: string,
    topic: TopicRef,
    avoidCards: readonly string[],
    reply: Reply,
  ): Promise<Reply | null> {
    if (reply.generated || (reply.refused && reply.card)) return null;
    const docs = [...new Set(topic.sources)].slice(0, TOPIC_DOCS);
    const ofTopic = (ids: readonly string[]) => ids.some((s) => docs.some((t) => sameSubject(s, t)));
    if (reply.card && ofTopic(this.cards()?.cards.find((c) => c.id === reply.card)?.sources ?? [])) return null;
    const normalize = (t: string) => (this.o.normalizer ? this.o.normalizer.normalize(t).text : t);
    // The kind asked is read in the words written out (« depuis qd ? » asks a date).
    const mine = normalize(cleanQuestion(own));
    const question = cleanQuestion(rawQuestion);
    // A reply from the topic's documents stands, unless it lacks the kind of thing asked (« combien de participants ? »
    // answered with the concertation's dates): a card of theirs that gives it then answers instead.
    // (the reply is what its first passage says: one leading with another subject's passage, « structures employeuses »
    // for « et ça fait combien de structures ? » after the ESS share of jobs, is not the topic's, whatever it adds after)
    if (!reply.refused && ofTopic(reply.sources.slice(0, 1).map((s) => s.id)) && givesAskedKind(mine, reply.text, question) !== false) return null;
    if (this.guardsStop(mine, question, cleanQuestion(own))) return null;
    const named = this.o.retriever
      .analyzeQuery(normalize(mine))
      .terms.filter((t) => !this.o.aspectTerms?.has(t) && !GENERIC_ASPECT.has(t) && !ASKING_TERMS.has(t) && this.o.retriever.known(t));
    // The carried topic yields to the new turn's own words: a reply from elsewhere that holds them and gives the kind
    // asked (« et de communes ? » after the intercommunalities, answered from the Gard's figures) stands. One about
    // which nothing can be told (no word of its own, nothing of a kind asked) stands too.
    if (!reply.refused) {
      const kind = givesAskedKind(mine, reply.text, question);
      const replyHeld = new Set(analyze(reply.text));
      // (a reply holding the follow-up's words but none of its topic's subject words, « et c'est obligatoire ou c'est un
      // choix ? » after the SPASER answered with the ESS schema's status, speaks of another subject: a card of the topic's
      // documents holding those words then answers instead)
      const focus = this.focusOf(question, this.o.retriever.analyzeQuery(mine), topic.names);
      const offTopic = named.length > 0 && focus.terms.length > 0 && !focus.terms.some((t) => replyHeld.has(t));
      if (kind !== false && (named.length === 0 ? kind === null || kind === true : named.every((t) => replyHeld.has(t)) && !offTopic)) return null;
    }
    const p = await this.prepare(question, audience, avoidCards, mine, topic);
    const best = p.cardCandidates.find((m) => !m.card.lacune);
    if (!best) return null;
    const fit = p.cardCandidates.find(
      (m) =>
        !m.card.lacune &&
        m.typeOk !== false &&
        m.score >= TOPIC_CARD &&
        m.score >= best.score - TOPIC_CARD_MARGIN &&
        ofTopic(m.card.sources) &&
        givesAskedKind(mine, m.card.answer, question) !== false &&
        (() => {
          const held = new Set(analyze(`${m.card.answer} ${m.card.questions.join(" ")}`));
          return named.every((t) => held.has(t));
        })(),
    );
    if (!fit) return null;
    return this.cardAnswer(question, p.searched, audience, fit, p.hits, p.cardMatches, p.candidates, mine);
  }

  /** An answer made of passages (extracted offline, or written by a model from them), cited, with its notices. */
  private passageReply(answerText: string, used: Hit[], o: { english: boolean; route: Reply["route"]; audience: Audience; generated: boolean }): Reply {
    let text = answerText;
    const sources = used.map((h, i) => toSource(h, i + 1));
    if (o.english) text = `${FRENCH_SOURCES_NOTE}\n\n${text}`;
    if (sources.some((s) => s.status === "reported") && !/à vérifier/i.test(text)) text += `\n\n${REPORTED_NOTICE}`;
    return base({
      type: "answer",
      text,
      sources,
      refused: false,
      route: o.route,
      followUps: this.followUps(
        used.map((h) => h.chunk.docId),
        new Set(),
        o.audience,
      ),
      actions: ANSWER_ACTIONS,
      audience: o.audience,
      generated: o.generated,
    });
  }

  private async answerOnce(
    rawQuestion: string,
    audience: Audience,
    { onToken, avoidCards = [], own, topic, handTo }: Pick<AskOptions, "onToken" | "avoidCards" | "own" | "topic" | "handTo"> = {},
  ): Promise<Reply> {
    const question = cleanQuestion(rawQuestion);
    const mine = own ? cleanQuestion(own) || question : question;
    if (!question)
      return base({
        type: "info",
        text: "Posez-moi votre question sur l'économie sociale et solidaire dans le Gard : je vous réponds en citant mes sources.",
        audience,
      });

    if (this.o.guards.isInjection(mine))
      return this.refusal(
        audience,
        // (an injection about the assistant itself reads no need: the team is only the default handoff)
        this.injectedSubject(mine)
          ? this.o.router.toRoute(DEFAULT_PROCESS, 0.5, "Je ne peux pas répondre à cette demande : l'équipe ESS du Département pourra vous répondre.")
          : this.o.router.defaultHandoff(OUT_OF_SCOPE_WHY),
        { kind: "injection" },
        langOf(mine),
      );
    const drafted = asksToDraft(mine) ? this.o.router.candidates(this.o.normalizer ? this.o.normalizer.normalize(question).text : question) : null;
    // (a document for a process, « ma lettre de motivation pour Alter'Incub », « les statuts de notre SCIC », is a draft
    // refused and handed to that process's people, though its kind of writing alone reads as outside the mission)
    if (!(drafted && this.documentProcess(drafted)) && asksOutOfMission(mine, (t) => this.o.guards.isOutOfMission(t)))
      return this.refusal(audience, this.o.router.defaultHandoff(OUT_OF_SCOPE_WHY), { kind: "out-of-mission" }, langOf(mine));
    // A document to write for the person (their application, a letter in their name, a business plan): not done, but
    // the procedure and criteria can be explained, and the people of the process the document belongs to can help.
    if (drafted) {
      const candidates = drafted;
      // The people who can help write it: those who answer for the process (the ESS team for the call for commons it runs).
      const helper = this.aboutProcess(candidates);
      // The route is the process the document belongs to (an application to the call for commons is that call's), unless
      // the writer says they cannot do the work themselves (« on n'a pas le temps de le faire nous-mêmes »): what they ask
      // is then someone to help them, the people who accompany.
      // (a response to a public tender belongs to public procurement, whoever the bidder is: « la réponse de ma SCOP au marché… »)
      const process = asksToDraftTender(mine) ? "commande-publique" : cannotDoItThemselves(mine) ? helper : (this.documentProcess(candidates) ?? helper);
      const who = this.whoAnswers(helper);
      return this.refusal(
        audience,
        this.o.router.toRoute(process, 0.9, `Rédaction d'un document à la place de la personne : ${lowerFirst(who)} pourra l'accompagner.`),
        { kind: "draft", who: this.who(helper) },
        langOf(mine),
      );
    }
    const gap = this.o.guards.gap(
      withAddress(rawQuestion, question),
      mine === question ? undefined : withAddress(own ?? rawQuestion, mine),
      mine === question || !topic ? {} : { stated: this.statedBy(topic.sources) },
    );
    if (gap) {
      // A premise quoting a sum (« le plafond d'un commun, ce sont bien les 250 000 € ? ») checks a figure the person has
      // read: a card from a document found that gives this very amount settles it, confirming or correcting, though what
      // the gap says is unpublished (the amount per project) stays unsaid.
      if (gap.sum && !this.o.llm) {
        const p = await this.prepare(question, audience, avoidCards, mine, topic);
        const settles = p.cardCandidates.find(
          (m) => m.typeOk !== false && m.score >= PREMISE_CARD && m.card.sources.some((d) => p.found.has(d)) && quotesKnownSum(mine, m.card.answer),
        );
        if (settles) return this.cardAnswer(question, p.searched, audience, settles, p.hits, p.cardMatches, p.candidates, mine);
      }
      const named = this.aboutProcess(this.o.router.candidates(this.o.normalizer ? this.o.normalizer.normalize(question).text : question));
      // (naming no process, it is the conversation's process's unknown, when there is one)
      // (an unknown of a process the Département runs alone, the SCIC participation, is its ESS team's: see `organisme`)
      const process =
        gap.route ?? (named === DEFAULT_PROCESS && handTo ? this.o.router.handsTo(handTo) : gap.toOperator ? this.o.router.handsTo(named) : named);
      const who = this.whoAnswers(process);
      return this.refusal(
        audience,
        this.o.router.toRoute(process, 0.9, `Information non publiée : ${lowerFirst(who)} pourra vous répondre.`),
        { kind: "gap", subject: gap.sujet, subjectEn: gap.sujetEn, who: this.who(process) },
        langOf(mine),
      );
    }

    const p = await this.prepare(question, audience, avoidCards, mine, topic);
    const { searched, hits, found, query, card, cardMatches, candidates, minCoverage, signals } = p;
    // Offline, a fitting card leads; with a model, the passages go to the model first and the
    // card is the offline answer used when the model declines, fails or cites nothing valid.
    // A card leads a how-many / how-much question only with the figure asked (its phrasings say what it is about).
    // (a when question likewise: by a date about what it names)
    // Asked in texting shorthand (« c jusqu a qd ? »), the question says what it asks once rewritten.
    const asking = answerType(mine) === "other" && this.o.normalizer ? p.ownSearched : mine;
    const askedType = answerType(asking);
    const asks = askedType === "number" ? "number" : askedType === "date" && asksWhen(asking) ? "date" : null;
    const asksQuantity = asks !== null;
    const equivalents = (t: string) => this.o.retriever.synonyms.equivalents(t);
    // An average, a rate, the sum of something done or a count of things is answered only by a figure of that kind
    // (a ceiling or a share of turnover is none): read with the follow-up's topic, which may say what was done.
    const statistic = statisticAsked(asking, searched);
    // (a precise detail asked, a provider, a boundary, clauses, who leads, is given only by a text that speaks of it;
    // the question is read for such details once, not once per card)
    const slotsAsked = askedSlots(mine).length > 0;
    // Things asked one by one with their number (« liste les 39 actions »): a card that only counts them does not give them.
    // (read in the message as written: the polite request « tu peux me lister… » is what asks to list them)
    const listed = askedEnumeration(own ?? rawQuestion) ?? askedEnumeration(mine);
    const cardStatistic = (m: CardMatch) =>
      m.card.lacune ||
      ((statistic === null || givesStatistic(statistic, m.card.answer, asking)) &&
        (!slotsAsked || fillsAskedSlots(mine, m.card.answer)) &&
        (listed === null || !statesCount(listed, [m.card.answer]) || setsOut(listed, [m.card.answer])));
    const cardGives = (m: CardMatch) =>
      m.card.lacune ||
      (givesAsked(asks!, asking, m.card.answer, searched, m.card.questions.join(" "), equivalents) &&
        this.speaksOfCounted(asks!, searched, `${m.card.answer} ${m.card.questions.join(" ")}`) &&
        cardStatistic(m));
    // A follow-up made only of aspect words (« cb max », « ça dure combien de temps ? ») asks a figure or a date of
    // its topic: the topic's card that gives it, from a document found, answers, though few words matched.
    const aspectCard =
      asksQuantity &&
      card !== undefined &&
      card.typeOk &&
      signals.cardAgrees === 1 &&
      card.score >= ASPECT_CARD &&
      mine !== question &&
      (this.onlyAspects(mine) || this.cardHoldsOwn(mine, card.card));
    // A sum asked in other words (« quelle enveloppe… ») is answered by a sum, from a card as from passages (below).
    // (a sum put in by someone, « cb le Département met dans… », "how much money…", is one whatever the language)
    const moneyPut = asksMoneyPut(mine) || asksMoneyPut(asking);
    const sumGiven = (m: CardMatch) =>
      m.card.lacune || (moneyPut ? givesAmount(m.card.answer) : asksQuantity || looksEnglish(mine) || !asksSum(mine) || givesAmount(m.card.answer));
    // A claim about who adopts, grants or runs a thing is settled by a card whose answer says who did that to it
    // (« l'assemblée départementale a adopté le schéma »), however close the next card.
    const actCard = card !== undefined && !card.card.lacune && signals.cardAgrees === 1 && statesAct(mine, card.card.answer);
    // A follow-up asking what its topic brings (« et ça apporte quoi concrètement ? » after the ESUS approval's duration) is
    // answered by the card written for that facet, from a document found, though its own words are few.
    // (so is one asking who pays for it, « et qui paie les consultants ? » after whom the DLA is for: its funders' card)
    const facet = mine !== question ? facetAsked(mine) : -1;
    const facetCard =
      facet >= 0 &&
      card !== undefined &&
      !card.card.lacune &&
      card.typeOk &&
      signals.cardAgrees === 1 &&
      card.score >= ASPECT_CARD &&
      card.card.questions.some((q) => facetAsked(q) === facet);
    const cardFits =
      card !== undefined &&
      (p.reshown || aspectCard || actCard || facetCard || this.useCard(signals)) &&
      (!asksQuantity || cardGives(card)) &&
      cardStatistic(card) &&
      sumGiven(card) &&
      (!card.card.lacune || (this.asksCardAspect(searched, card) && !namesKnownCommune(mine, card.card)));
    const offlineCard = () => this.cardAnswer(question, searched, audience, card!, hits, cardMatches, candidates, mine);
    if (cardFits && !this.o.llm) return offlineCard();
    // (offline, a first turn's card of the kind asked, from a document found, scoring at least `min`)
    const closeCard = (min: number): boolean =>
      !this.o.llm && mine === question && card !== undefined && !card.card.lacune && card.typeOk && card.score >= min && signals.cardAgrees === 1;
    // Figures that differ, read by the person (« j'ai vu deux montants différents »): a close card from a document found that
    // gives several figures answers with all of them, where passages would give the one they hold.
    if (closeCard(SEVERAL_FIGURES_CARD) && readsSeveralFigures(mine) && distinctFigures(card!.card.answer) >= 2) return offlineCard();
    // A claim put up for confirmation (« il a été voté de justesse, c'est bien ça ? ») is settled by the card closest to it,
    // from a document found and clearly ahead of the next, even when passages would answer: they describe the subject
    // without saying whether the claim holds.
    if (
      closeCard(CLEAR_CONFIRMED_CARD) &&
      signals.cardMargin >= CONFIRMED_MARGIN &&
      asksConfirmation(mine) &&
      (!asksQuantity || cardGives(card)) &&
      cardStatistic(card) &&
      sumGiven(card)
    )
      return offlineCard();
    // The detail of a thing asked (« quelles obligations précises… ? »), after words of one's own situation that keep the
    // closest card from leading (« notre asso a reçu 180 000 €… »): when that card, from a document found, sums the thing
    // up and says its detail is unpublished, it answers (and hands to a person); the passages would give the gist alone,
    // as if it were the detail.
    if (
      !this.o.llm &&
      card !== undefined &&
      !card.card.lacune &&
      card.typeOk !== false &&
      card.score >= TOPIC_CARD &&
      card.card.sources.some((d) => found.has(d)) &&
      detailUnpublished(mine, card.card.answer)
    )
      return offlineCard();
    // A question in English, asked on its own, is answered in English by a close card (its answer_en) rather than by
    // French passages: the card of the kind asked, from documents found and clearly ahead of the others, says it in the
    // person's language.
    // So is an English follow-up (« how long does it take? » after the ESUS approval) by such a card from the documents
    // its topic was answered with: the person reads on in their language about the same subject.
    const topicDocs = topic?.sources.slice(0, TOPIC_DOCS) ?? [];
    // An English question close to one of a card's own English phrasings is answered by that card's English text, though
    // the passages found are not from its documents (see ENGLISH_PHRASING_F1). Not when that phrasing names a number the
    // question does not (« axis 1 » for the transversal axis).
    const englishPhrased =
      card !== undefined &&
      looksEnglish(mine) &&
      looksEnglish(card.phrasing) &&
      card.f1 >= ENGLISH_PHRASING_F1 &&
      card.recall >= ENGLISH_PHRASING_RECALL &&
      !namesOtherNumber(card.phrasing, mine);
    const ofTopic = (m: CardMatch) => m.card.sources.some((d) => topicDocs.some((t) => sameSubject(d, t)));
    if (
      !this.o.llm &&
      (mine === question || (topicDocs.length > 0 && card !== undefined && ofTopic(card) && looksEnglish(mine))) &&
      card !== undefined &&
      (looksEnglish(mine) || mine !== question) &&
      card.card.answer_en &&
      !card.card.lacune &&
      card.typeOk &&
      card.score >= ENGLISH_CARD &&
      (signals.cardAgrees === 1 || englishPhrased) &&
      signals.cardMargin >= ENGLISH_CARD_MARGIN &&
      (!asksQuantity || cardGives(card)) &&
      cardStatistic(card) &&
      sumGiven(card)
    )
      return offlineCard();
    const supported = hits.filter((h) => h.coverage >= minCoverage);
    const top = candidates[0];
    const describesNeed = signals.describesNeed === 1;
    // (a follow-up read with its topic that asks nothing of its own kind, « et pour une SCOP ? », « et Sabatot, c'est un
    // QPV ? », asks the topic's question of the subject it names: the entry defining that subject is no answer to it either)
    // (what a thing holds in practice, « ça couvre quoi concrètement ? », is said by the documents that describe it)
    const ranked = documentsFirst(
      glossaryLast(looksEnglish(mine), mine !== question, mine) || asksWhatItHolds(mine),
      supported.length ? [...supported, ...hits.filter((h) => h.coverage < minCoverage && h.coverage >= 0.35)] : hits.filter((h) => h.coverage >= 0.3),
      looksEnglish(mine) ? question : asksWhatItHolds(mine) ? mine : undefined,
    );
    const answerable = ranked.length > 0 && (this.o.llm ? true : this.answerable(signals, supported.length));
    if (
      !answerable &&
      top &&
      describesNeed &&
      // (a routing rule of knowledge/routage.yaml that fires, « aucune banque ne veut me suivre », states the need itself)
      (top.rule || SUPPORT_NEED.test(foldText(mine))) &&
      top.score >= this.routeAnswerScore &&
      top.similarity >= 0.2 &&
      top.process !== DEFAULT_PROCESS
    ) {
      // A need described in the person's own words: answer with the process that fits.
      const routed = await this.routeAnswer(question, audience, top.process, query, candidates);
      if (routed) return routed;
    }
    if (!answerable && cardFits) return offlineCard();
    if (
      !answerable &&
      !this.o.llm &&
      card &&
      this.closeCard(signals, card, question) &&
      (!asksQuantity || cardGives(card)) &&
      cardStatistic(card) &&
      sumGiven(card)
    )
      return offlineCard();
    if (!answerable && !this.o.llm) {
      // A yes/no question stating an amount (« donc chaque commun touche 250 000 € ? ») checks a premise: a card
      // from a document found that gives this amount settles it, even one saying the rest is unpublished.
      const settles = p.cardCandidates.find(
        (m) => m.typeOk !== false && m.score >= PREMISE_CARD && m.card.sources.some((d) => found.has(d)) && premiseChecked(mine, m.card.answer),
      );
      if (settles) return this.cardAnswer(question, searched, audience, settles, hits, cardMatches, candidates, mine);
      // A claim put up for confirmation (« le schéma a six axes, c'est bien ça ? », « ils ont voté contre, je crois ? »)
      // is settled by the card closest to it, from a document found: it says what is so, confirming or correcting.
      const closest = p.cardCandidates[0];
      if (closest && asksConfirmation(mine) && closest.typeOk !== false && closest.score >= CONFIRMED_CARD && closest.card.sources.some((d) => found.has(d)))
        return this.cardAnswer(question, searched, audience, closest, hits, cardMatches, candidates, mine);
    }
    if (!answerable) {
      // A question that names an operator or a scheme of the ESS (« l'adhésion à la MIESS ») is about the ESS.
      const essRelated =
        signals.bestCoverage >= 0.35 ||
        ((top?.score ?? 0) >= 0.35 && (top?.similarity ?? 0) >= 0.2) ||
        candidates.some((c) => (c.named ?? 0) > 0) ||
        this.namesKnownAcronym(mine);
      const process = this.aboutProcess(candidates);
      const who = this.whoAnswers(process);
      const route = essRelated
        ? this.o.router.toRoute(process, 0.5, `Je n'ai pas trouvé la réponse dans mes sources : ${lowerFirst(who)} pourra vous répondre.`)
        : analyze(mine).length > 0
          ? this.o.router.defaultHandoff(OUT_OF_SCOPE_WHY)
          : null; // (small talk, « bonjour », « merci » : nothing asked, no one to hand it to)
      return this.refusal(audience, route, essRelated ? { kind: "not-found", who: this.who(process) } : { kind: "not-ess" }, langOf(mine));
    }

    // Project holders get a short answer (about 500 characters); agents may get more detail.
    const answer = extractAnswer(this.o.retriever, query, searched, ranked, {
      ...(audience === "agent" ? {} : { maxChars: 650, maxUnits: 5 }),
      typeOf: p.typeText,
      ...(mine !== question ? { focus: this.o.retriever.analyzeQuery(mine) } : {}),
    });
    let text = answer.text;
    let used = answer.used;
    // Routing and generation run side by side: a slow model costs one timeout, not two.
    const [route, generated] = await Promise.all([
      this.llmRoute(question, candidates, this.passageRoute(candidates, used, mine)),
      this.o.llm
        ? this.generate(question, audience, ranked.slice(0, 5), onToken).catch((err: unknown) => {
            this.o.logger?.warn({ err }, "llm generation failed, offline answer used");
            return null;
          })
        : Promise.resolve(null),
    ]);
    if (generated) ({ text, used } = generated);
    else if (cardFits) return offlineCard();
    // A how-many / how-much question is answered by a figure about what it names, for the year it names;
    // a card that gives that figure answers instead of passages that do not, else the assistant does not know.
    if (text && !generated && asksQuantity) {
      // A follow-up « c'est combien ? » asks a sum of its topic: any number in the topic's passages (« le tiers-lieu Le 21 ») is no answer.
      const wrongKind =
        !givesAsked(asks!, asking, text, searched, "", equivalents) ||
        !this.speaksOfCounted(asks!, searched, text, true) ||
        (((mine !== question && asksAmount(mine)) || (asksSum(mine) && !looksEnglish(mine))) && !givesAmount(text)) ||
        // « quel budget pour le SPASER ? »: the sums of the Département's purchases are no budget of it
        (asksBudgetOf(mine) && onlyPurchaseSums(text));
      // A sum put in by someone (« cb le Département met dans… », "how much money…") is answered by a sum.
      const noSum = moneyPut && !givesAmount(text);
      if (wrongKind || noSum) {
        const usable = (m: CardMatch) =>
          !m.card.lacune && m.typeOk !== false && m.score >= MIN_QUANTITY_CARD && cardGives(m) && (!moneyPut || givesAmount(m.card.answer));
        const top = p.cardCandidates[0];
        const fit =
          // (a card phrased as the question itself need not have its documents found, as below)
          p.cardCandidates.find((m) => usable(m) && (m.card.sources.some((d) => found.has(d)) || m.score >= CLOSE_PHRASING)) ??
          // (the closest card that gives the sum, though retrieval missed its documents, as an English question's may)
          (moneyPut && top && usable(top) && top.score >= MONEY_CARD ? top : undefined);
        if (fit) return this.cardAnswer(question, searched, audience, fit, hits, cardMatches, candidates, mine);
        // (passages that give no sum are kept when nothing gives one: the sum was not asked in the usual words)
        if (wrongKind) text = "";
      }
    }
    if (text && !generated && statistic !== null && !givesStatistic(statistic, text, asking)) {
      const fit = p.cardCandidates.find(
        (m) =>
          !m.card.lacune &&
          m.typeOk !== false &&
          m.score >= MIN_QUANTITY_CARD &&
          // (a card phrased as the question itself need not have its documents found: the passages found answer something else)
          (m.card.sources.some((d) => found.has(d)) || m.score >= CLOSE_PHRASING) &&
          cardStatistic(m) &&
          (!asksQuantity || cardGives(m)),
      );
      if (fit) return this.cardAnswer(question, searched, audience, fit, hits, cardMatches, candidates, mine);
      text = "";
    }
    // A year asked (« les Rencontres de 2024, c'était quel jour ? ») that the passages found do not reach (earlier editions) is
    // said by a close card from a document found that names that year, rather than refused as not yet published.
    if (text && !generated && laterYearAsked(mine, text) !== null) {
      const years = askedYears(mine);
      const fit = p.cardCandidates.find(
        (m) =>
          !m.card.lacune &&
          m.typeOk !== false &&
          m.score >= MIN_QUANTITY_CARD &&
          m.card.sources.some((d) => found.has(d)) &&
          years.every((y) => m.card.answer.includes(y)) &&
          cardStatistic(m) &&
          (!asksQuantity || cardGives(m)),
      );
      if (fit) return this.cardAnswer(question, searched, audience, fit, hits, cardMatches, candidates, mine);
    }
    // A precise detail asked (« quel prestataire a développé… », « les rues exactes… », « quelles clauses… ») is given only by
    // passages that speak of it: a description of the platform, the neighbourhood or the plan is no answer.
    if (text && !generated && !fillsAskedSlots(mine, text)) {
      const fit = p.cardCandidates.find(
        (m) => !m.card.lacune && m.typeOk !== false && m.score >= MIN_QUANTITY_CARD && m.card.sources.some((d) => found.has(d)) && cardStatistic(m),
      );
      if (fit) return this.cardAnswer(question, searched, audience, fit, hits, cardMatches, candidates, mine);
      text = "";
    }
    // A sum asked in other words (« quel est le montant de… », « quelle enveloppe… », « doté de combien ? ») is answered by
    // a sum: a description of what is funded is no answer. (French: an English question is answered from French passages.)
    if (text && !generated && !asksQuantity && !looksEnglish(mine) && asksSum(mine)) {
      // (a sum about what it names: « le montant versé à la MIESS » is not given by the insertion budget)
      if (!givesAmount(text) || !givesAsked("number", mine, text, searched, "", equivalents) || (asksBudgetOf(mine) && onlyPurchaseSums(text))) text = "";
    }
    // Things asked one by one, with their number (« quelles sont les six étapes… ? », « détaillez les 39 actions »): passages
    // that only count them (« un guide en six étapes ») do not give them; the count is said, and who can give the rest.
    const enumeration = text && !generated ? listed : null;
    const passages = ranked.slice(0, 8).map((h) => h.chunk.text);
    // (only when the passages state that count: a number the person supposes is no count the sources give)
    if (enumeration && statesCount(enumeration, passages) && !setsOut(enumeration, [...passages, ...used.map((h) => h.chunk.text)])) {
      const process = this.aboutProcess(candidates);
      const who = this.whoAnswers(process);
      return this.refusal(
        audience,
        this.o.router.toRoute(process, 0.5, `Détail non publié : ${lowerFirst(who)} pourra vous répondre.`),
        { kind: "count-only", written: enumeration.written, noun: enumeration.noun, who: this.who(process) },
        langOf(mine),
      );
    }
    if (!text) {
      const process = this.aboutProcess(candidates);
      return this.refusal(
        audience,
        this.o.router.toRoute(process, 0.5, "Je n'ai pas trouvé la réponse."),
        { kind: "imprecise", who: this.who(process) },
        langOf(mine),
      );
    }
    // The language is the person's own message's, not the previous topic's a follow-up is read with.
    return this.passageReply(text, used, { english: !generated && looksEnglish(mine), route, audience, generated: generated !== null });
  }

  /** Retrieval, card matching, routing candidates and the decision signals of one question. */
  private async prepare(question: string, audience: Audience, avoidCards: readonly string[] = [], own = question, topic?: TopicRef) {
    const searched = this.o.normalizer ? this.o.normalizer.normalize(question).text : question;
    // A follow-up read with the previous topic asks what its own words ask ("who runs it?" after
    // "when was it adopted?" wants a name, not a date): its answer type comes from the message itself.
    const mine = own === question ? searched : this.o.normalizer ? this.o.normalizer.normalize(own).text : own;
    // (one asking whether there is some thing, « y a des exemples dessus ? », asks that thing, not the kind asked before:
    // « depuis quand ? » carried from the previous question asks no date of it)
    const typeText = answerType(mine) === "other" && !asksExistence(mine) ? searched : mine;
    const { hits, query } = await this.o.retriever.search(searched, { audience, k: 8 });
    const cards = this.cards();
    const focus = mine === searched ? undefined : new Set(this.o.retriever.analyzeQuery(mine).terms);
    const askedForms = legalFormsNamed(mine);
    const existing = existenceAsked(mine);
    // The written words of the name a definition is asked of (« Acegaa » in « c'est quoi Acegaa ? »), not its synonyms: its
    // acronyms and capitalised words (not « propose » in « qu'est-ce que France Active propose ? »).
    const defined = analyze(
      (definedName(own) ?? "")
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .join(" "),
    );
    // A follow-up does not get the card the person has just read again, unless that card holds what they now ask.
    const askedLevels = answerType(mine) === "number" ? territoryLevels(mine) : null;
    const askedOperators = namedOperators(mine);
    const cardCandidates = cards
      ? cards
          .match(query, { audience, limit: MORE_CARDS + avoidCards.length, question: typeText, focus, asked: mine })
          .filter((m) => !avoidCards.includes(m.card.id) || (focus !== undefined && (cardAnswersFollowUp(m.card, mine) || cardSettlesChoice(m.card, mine))))
          // A card saying something is not published answers a follow-up only about its topic: « c'est combien max ? »
          // after Initiative Gard is not answered by « le montant par projet de l'appel à communs n'est pas publié ».
          .filter((m) => focus === undefined || !m.card.lacune || cardNamesTopic(m.card, question, mine, this.o.aspectTerms))
          .filter((m) => !deniesOtherForm(m, askedForms))
          // « Existe-t-il un prêt d'honneur ? » is not answered by a « Non » written for another claim about it (its interest).
          .filter((m) => existing === undefined || !/^\s*(?:non|no)\b/i.test(m.card.answer) || deniesExistence(firstSentence(m.card.answer), existing))
          // A definition of a name is not a card that never writes it: « c'est quoi Acegaa ? » is not answered by the card
          // defining the DLA, which Acegaa runs (their names are synonyms to retrieval, not to the person asking).
          .filter((m) => !definesOther(m, defined))
          // A figure asked for one territory is not the card's figure for another (the region's jobs for the Gard's).
          .filter((m) => askedLevels === null || sameTerritory(askedLevels, territoryLevels(`${m.card.questions.join(" ")} ${m.card.answer}`)))
          // A card phrased about another operator of the same kind (the Adie's ceiling for Initiative Gard's) answers another question.
          .filter((m) => sameOperator(askedOperators, namedOperators(m.card.questions.join(" "))))
      : [];
    // A card whose answer states the thing the question sets aside (« à part le dépôt des dossiers, on trouve quoi… ? »)
    // answers what the person excluded, not what they ask.
    const aside = excludedThing(mine);
    const asideTerms = aside ? analyze(aside) : [];
    if (asideTerms.length)
      for (let i = cardCandidates.length - 1; i >= 0; i--)
        if (statesExcluded(asideTerms, new Set(analyze(withoutBeyond(cardCandidates[i]!.card.answer))))) cardCandidates.splice(i, 1);
    // A claim about who adopts, grants or runs a thing (« le schéma est voté par la Région, non ? ») is settled by a card
    // naming that thing: one about another thing of that body (the Region's own plan, « Oui : … ») answers nothing.
    const claimed = agentClaim(mine)?.thing ?? [];
    if (claimed.length) {
      for (let i = cardCandidates.length - 1; i >= 0; i--) if (namesOtherThing(cardCandidates[i]!.card, claimed)) cardCandidates.splice(i, 1);
      // (of those left, one about the thing, saying that act was performed on it, comes first)
      const asks = (m: CardMatch) => m.card.questions.some((p) => statesAct(mine, p));
      const acted = cardCandidates.find((m) => !m.card.lacune && asks(m) && statesAct(mine, `${m.card.questions.join(" ")} ${m.card.answer}`));
      if (acted) putFirst(cardCandidates, acted);
    }
    // An alternative between kinds of structure (« c'est une asso ou une entreprise ? ») asks what kind of structure its
    // subject is: of the cards matched about as well as the best, one whose phrasing asks that comes first (not one that
    // matched on the word « associations » alone).
    const kindLead = cardCandidates[0];
    if (kindLead && !asksKindOfStructurePhrasing(kindLead.phrasing) && asksKindOfStructure(mine, legalFormsNamed)) {
      const kind = cardCandidates.find((m) => m.score >= kindLead.score - STRUCTURE_KIND_TIE && m.card.questions.some(asksKindOfStructurePhrasing));
      if (kind) putFirst(cardCandidates, kind);
    }
    // A follow-up asking « où ? » is answered by a card that names a place: one matched about as well as the best comes first.
    const best = cardCandidates[0];
    if (best && focus !== undefined && !namesPlace(best.card) && asksWhere(mine)) {
      const close = cardCandidates.filter((m) => m.score >= best.score - WHERE_MARGIN);
      const placed = close.find((m) => namesPlace(m.card) === 2) ?? close.find((m) => namesPlace(m.card) === 1);
      if (placed) putFirst(cardCandidates, placed);
    }
    // A follow-up's own subject words (« qui décide ? », « et la commune aussi ? ») say what it asks of its topic: of the
    // cards matched about as well as the best, mostly on the topic's words, one holding more of them comes first.
    if (focus !== undefined && cardCandidates.length > 1) this.ownWordsFirst(cardCandidates, mine);
    // A follow-up matched, on its asking words (« give access to »), by a phrasing naming another subject (« … to the
    // DLA? ») that neither it nor its topic names asks no question of that subject: a close card naming none comes first.
    if (focus !== undefined && cardCandidates.length > 1) otherNamesLast(cardCandidates, question, topic?.names);
    // A choice put between two readings of what was just said (« c'est par an ou pour toute la durée ? ») is settled by the
    // card just read when it says one of them (« 250 000 € par an »): it comes first, before a card its words merely match.
    const settles = focus !== undefined ? cardCandidates.find((m) => avoidCards.includes(m.card.id) && cardSettlesChoice(m.card, mine)) : undefined;
    if (settles) putFirst(cardCandidates, settles);
    // The documents of the best passages: a card "agrees" with retrieval when it cites one of them.
    const found = new Set(hits.slice(0, 5).map((h) => h.chunk.docId));
    // On a near tie, a card that answers, from a document found, comes before one saying the answer is not published
    // (not in a follow-up, whose matches the topic's words inflate: there the "not published" card may hold the figure asked).
    const first = cardCandidates[0];
    if (first?.card.lacune && focus === undefined) {
      const answers = cardCandidates.find(
        (m) => !m.card.lacune && m.typeOk !== false && m.score >= first.score - LACUNE_TIE && m.card.sources.some((d) => found.has(d)),
      );
      if (answers) putFirst(cardCandidates, answers);
    }
    // A follow-up counting things (« sur combien de territoires ? » after the workshops' attendance) is answered, on a near
    // tie, by a card counting those very things (« sur six territoires ») rather than one saying the count of other things
    // is unpublished (the attendance per territory): the things it counts are published.
    const counted = focus !== undefined ? countedNoun(mine) : null;
    if (counted !== null && first?.card.lacune) {
      const heads = [counted, ...this.o.retriever.synonyms.equivalents(counted).map((seq) => seq[0]!)];
      const counts = (m: CardMatch) => countsOf(m.card.answer, heads);
      const answers = counts(first)
        ? undefined
        : cardCandidates.find((m) => !m.card.lacune && m.typeOk !== false && m.score >= first.score - COUNTED_TIE && counts(m));
      if (answers) putFirst(cardCandidates, answers);
    }
    // A follow-up asking how far a thing may go (« et au plus, il pourrait monter à combien ? » after a stake whose amount
    // is unpublished) is answered, on a close match, by a card stating that ceiling (« jusqu'à 50 % du capital ») rather than
    // by one saying the actual figure is unpublished: not when that card speaks of a maximum itself (the maximum is the gap).
    const lacuneLead = cardCandidates[0];
    if (focus !== undefined && lacuneLead?.card.lacune && asksMaximum(mine) && !asksMaximum([lacuneLead.card.answer, ...lacuneLead.card.questions].join(" "))) {
      const ceiling = cardCandidates.find(
        (m) => !m.card.lacune && m.typeOk !== false && m.score >= lacuneLead.score - CEILING_TIE && statesCeiling(m.card.answer),
      );
      if (ceiling) putFirst(cardCandidates, ceiling);
    }
    // A question asking a reason (« pourquoi ce choix ? ») is answered by a card giving one: a "not published" card about
    // something else of the same subject (who selects, which criteria) does not lead before a close card asking why.
    const lead = cardCandidates[0];
    if (lead?.card.lacune && focus === undefined && asksReason(mine) && !lead.card.questions.some(asksReason)) {
      const reason = cardCandidates.find(
        (m) =>
          !m.card.lacune &&
          m.typeOk !== false &&
          m.score >= lead.score - WHY_MARGIN &&
          m.card.sources.some((d) => found.has(d)) &&
          m.card.questions.some(asksReason),
      );
      if (reason) putFirst(cardCandidates, reason);
    }
    // A question asking a date, a figure, a person or a place (« de quand à quand ? ») is answered, on a near tie, by the
    // card matched through a phrasing that asks that very thing, rather than one whose phrasing asks something else of the
    // same subject (« n'a-t-elle travaillé que sur… ? »).
    const head = cardCandidates[0];
    const askedType = answerType(typeText);
    // (not a question asking two things, « when…, and was it the first? », « who…, and since when? »: its first words' kind
    // is only one of them)
    if (head && focus === undefined && TYPED_KINDS.includes(askedType) && answerType(head.phrasing) !== askedType && !asksTwoThings(mine)) {
      // (one that holds less of the question than the lead, « la durée de l'incubation » for « Alter'Venture… dure combien ? »,
      // asks of something else)
      const same = cardCandidates.find(
        (m) =>
          m.score >= head.score - KIND_TIE && m.card.lacune === head.card.lacune && m.typeOk && answerType(m.phrasing) === askedType && m.recall >= head.recall,
      );
      if (same) putFirst(cardCandidates, same);
    }
    // A definition asked of a thing (« c'est quoi l'appel à communs ? ») is answered, on a near tie, by a card one of whose
    // phrasings asks the definition of that very thing, rather than by one defining a word of it (« un commun, ça veut dire
    // quoi ? », which matches the same words).
    const thing = definedThing(mine);
    const defines = (m: CardMatch) => thing !== null && m.card.questions.some((p) => sameDefinedThing(thing, definedThing(p)));
    const defLead = cardCandidates[0];
    if (defLead && thing && !defines(defLead)) {
      const same = cardCandidates.find(
        (m) => m.score >= defLead.score - DEFINED_TIE && m.card.lacune === defLead.card.lacune && m.typeOk !== false && defines(m),
      );
      if (same) putFirst(cardCandidates, same);
    }
    // A question naming an axis of the schema (« l'intitulé de l'axe 3 ») is answered, on a near tie, by the card matched
    // through a phrasing about that axis rather than one about the axes in general (where their titles come from).
    const lead0 = cardCandidates[0];
    const axes = namedAxes(mine);
    // (a card that names that axis elsewhere, in another phrasing or its answer, is about it already)
    // (nor is a card that lists all the axes, « quatre axes : 1) … 2) … », which says what each one is)
    const namesAsked = (m: CardMatch) =>
      /\b(?:quatre|four) axes\b/i.test(m.card.answer) || [m.card.answer, ...m.card.questions].some((t) => [...namedAxes(t)].some((x) => axes.has(x)));
    if (lead0 && focus === undefined && axes.size > 0 && namedAxes(lead0.phrasing).size === 0 && !namesAsked(lead0)) {
      const onAxis = cardCandidates.find(
        (m) => m.score >= lead0.score - KIND_TIE && m.card.lacune === lead0.card.lacune && m.typeOk && [...namedAxes(m.phrasing)].some((x) => axes.has(x)),
      );
      if (onAxis) putFirst(cardCandidates, onAxis);
    }
    const cardMatches = cardCandidates.slice(0, 3);
    const card = cardMatches[0];
    // The card just read, best again and holding what the follow-up asks: it answers it.
    const reshown = card !== undefined && avoidCards.includes(card.card.id);
    const candidates = this.o.router.candidates(searched, hits);
    const english = looksEnglish(question);
    const minCoverage = english ? this.minCoverage * 0.7 : this.minCoverage;
    const coverages = hits.map((h) => h.coverage).sort((a, b) => b - a);
    const type = answerType(typeText);
    const typed = type === "number" || type === "date" || type === "who";
    const top3 = hits.filter((h) => h.coverage >= 0.3).slice(0, 3);
    const typePresent = typed ? top3.some((h) => (type === "who" ? /\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(h.chunk.text) : answersType(type, h.chunk.text))) : true;
    const top = candidates[0];
    const signals: Signals = {
      cardScore: card?.score ?? 0,
      cardF1: card?.f1 ?? 0,
      cardRecall: card?.recall ?? 0,
      cardTypeOk: card?.typeOk === false ? 0 : 1,
      cardAgrees: card !== undefined && card.card.sources.some((d) => found.has(d)) ? 1 : 0,
      cardMargin: card ? card.score - (cardMatches[1]?.score ?? 0) : 0,
      cardLacune: card?.card.lacune ? 1 : 0,
      // An unpublished-information card about documents retrieval did not find (another event, another measure) says little.
      lacuneScore: card?.card.lacune && card.card.sources.some((d) => found.has(d)) ? card.score : 0,
      bestCoverage: coverages[0] ?? 0,
      missingRare: this.missingRare(query, hits),
      cardMissing: card ? 1 - card.recall : 1,
      secondCoverage: coverages[1] ?? 0,
      supported: Math.min(1, hits.filter((h) => h.coverage >= minCoverage).length / 4),
      knownShare: query.terms.length ? query.terms.filter((t) => this.o.retriever.known(t)).length / query.terms.length : 0,
      typePresent: typePresent ? 1 : 0,
      typed: typed ? 1 : 0,
      // Naming an operator says what the question is about, not that its answer is known.
      routeScore: top ? Math.max(0, top.score - (top.named ?? 0)) : 0,
      routeSimilarity: top?.similarity ?? 0,
      english: english ? 1 : 0,
      terms: Math.min(1, query.terms.length / 10),
      describesNeed: (query.terms.length >= 5 && FIRST_PERSON.test(question)) || (top?.rule ?? false) ? 1 : 0,
    };
    // ownSearched: the person's own message as searched (normalized once, here)
    return { searched, ownSearched: mine, typeText, hits, found, query, card, reshown, cardMatches, cardCandidates, candidates, minCoverage, signals };
  }

  /**
   * Puts first, among the cards scoring within OWN_WORDS_MARGIN of the best (`candidates`, best first), the one holding the
   * largest share of a follow-up's own subject words (`own`: without the words that only ask an aspect or name the Gard
   * or the ESS), when it holds more of them than the best does. Unchanged when the follow-up names no such word.
   */
  private ownWordsFirst(candidates: CardMatch[], own: string): void {
    const q = this.o.retriever.analyzeQuery(own);
    const terms = q.terms.filter((t) => !this.o.aspectTerms?.has(t) && !GENERIC_ASPECT.has(t) && !PRONOUN_TERMS.includes(t));
    if (terms.length === 0) return;
    const share = (m: CardMatch) =>
      this.o.retriever.coverage({ ...q, terms }, new Set(analyze([m.card.answer, m.card.answer_en ?? "", ...m.card.questions].join(" "))));
    const best = candidates[0]!;
    const bestShare = share(best);
    let pick: CardMatch | undefined;
    let pickShare = bestShare;
    for (const m of candidates.slice(1)) {
      if (m.score < best.score - OWN_WORDS_MARGIN) break;
      if (m.card.lacune !== best.card.lacune || m.typeOk === false) continue;
      const held = share(m);
      if (held > pickShare) {
        pick = m;
        pickShare = held;
      }
    }
    if (pick) {
      candidates.splice(candidates.indexOf(pick), 1);
      candidates.unshift(pick);
    }
  }

  /** Whether a message's words all ask an aspect of a subject without naming it (see loadAspectTerms). */
  /**
   * Whether a short follow-up asking a quantity names, besides its aspect words, only what a card holds (« combien de
   * participants ? » and the card « plus de 200 personnes » asked as « combien de personnes ont participé… »): the card of
   * its topic answers it as it answers a follow-up made only of aspect words.
   */
  private cardHoldsOwn(text: string, card: { answer: string; questions: string[] }): boolean {
    if (text.split(/\s+/).filter(Boolean).length > MAX_OWN_WORDS) return false;
    const terms = this.o.retriever.analyzeQuery(text).terms.filter((t) => !this.o.aspectTerms?.has(t) && !GENERIC_ASPECT.has(t));
    if (terms.length === 0 || terms.length > 2) return false;
    const held = new Set(analyze(`${card.answer} ${card.questions.join(" ")}`));
    return terms.every((t) => held.has(t));
  }

  private onlyAspects(text: string): boolean {
    const aspects = this.o.aspectTerms;
    const terms = this.o.retriever.analyzeQuery(text).terms;
    return aspects !== undefined && terms.length > 0 && terms.every((t) => aspects.has(t));
  }

  /** IDF of the rarest question word missing from the best-covering passage, scaled to 0..1. */
  private missingRare(query: QueryAnalysis, hits: Hit[]): number {
    const best = [...hits].sort((a, b) => b.coverage - a.coverage)[0];
    if (!best) return 1;
    const terms = this.o.retriever.termsOf(best.chunk.id);
    let max = 0;
    for (const t of query.terms) {
      if (terms.has(t) || [...(query.alternatives.get(t) ?? [])].some((a) => terms.has(a))) continue;
      max = Math.max(max, query.idf.get(t) ?? 0);
    }
    return Math.min(1, max / 7);
  }

  private useCard(s: Signals): boolean {
    const model = this.o.decision?.card;
    // A card whose phrasing the question matches word for word, of the expected kind, answers it.
    if (s.cardScore >= EXACT_CARD_MATCH && s.cardF1 >= EXACT_CARD_MATCH - 0.01 && s.cardTypeOk === 1 && s.cardLacune === 0) return true;
    if (model) return probability(model, s) >= model.threshold;
    return s.cardScore >= this.minCardScore && (s.cardAgrees === 1 || s.cardScore >= this.minCardScore + 0.15);
  }

  /**
   * A question the answer model finds answerable, which no passage covers well enough (a why
   * question, a premise to correct, English words): a card close to it, from documents that
   * retrieval found, answers it rather than a refusal. Not a card saying the information is
   * unpublished, nor one lacking a figure the question states (« on a reçu 80 000 € ? »).
   */
  private closeCard(s: Signals, match: CardMatch, question: string): boolean {
    const { card, answer } = this.o.decision ?? {};
    if (!card || !answer || match.card.lacune || s.cardAgrees !== 1 || s.supported > 0) return false;
    if (probability(answer, s) < answer.threshold || probability(card, s) < CLOSE_CARD) return false;
    const digits = (t: string) => t.replace(/(\d)[\s\u00a0.](?=\d{3}\b)/g, "$1");
    const text = digits(match.card.answer);
    return (digits(question).match(/\d+/g) ?? []).every((n) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(text));
  }

  private answerable(s: Signals, supported: number): boolean {
    const model = this.o.decision?.answer;
    // The model weighs the signals; a passage must still cover a good part of the question.
    if (model) return probability(model, s) >= model.threshold && (supported > 0 || s.bestCoverage >= MIN_ANSWER_COVERAGE);
    return supported > 0;
  }

  /** The analysed sentences of the first documents a follow-up's topic was answered with (see Guards.gap). */
  private statedBy(sources: readonly string[]): string[][] {
    const q = this.o.retriever.analyzeQuery("");
    return [...new Set(sources)].slice(0, TOPIC_DOCS).flatMap((id) => {
      let sentences = this.docSentences.get(id);
      if (!sentences) {
        sentences = this.o.retriever
          .chunksOf(id, q)
          .flatMap((h) => h.chunk.text.split(/(?<=[.!?;])\s+|\n+/))
          .map((t) => phraseTokens(t))
          .filter((t) => t.length > 0);
        this.docSentences.set(id, sentences);
      }
      return sentences;
    });
  }

  /**
   * Whether the guards stop a follow-up (its own words `mine`, read with its topic `question`): an injection, out of mission or
   * a known gap. A gap is read in the follow-up as written too (`written`): the colloquial lexicon rewrites « ça coûte
   * combien ? » into the words it searches with, which no longer say what a gap asks.
   */
  private guardsStop(mine: string, question: string, written: string): boolean {
    return (
      this.o.guards.isInjection(mine) ||
      asksOutOfMission(mine, (t) => this.o.guards.isOutOfMission(t)) ||
      asksToDraft(mine) ||
      this.o.guards.gap(question, mine === question ? undefined : mine) !== null ||
      (written !== mine && written !== question && this.o.guards.gap(question, written) !== null)
    );
  }

  /**
   * What the decisions see for one question (scripts/fit-decision.ts fits the models
   * on it): the signals, and the card that would lead with its text and sources.
   */
  async explain(
    rawQuestion: string,
    audience: Audience,
  ): Promise<{ signals: Signals; guarded: boolean; card?: { id: string; text: string; sources: string[]; lacune: boolean } } | null> {
    const question = cleanQuestion(rawQuestion);
    if (!question) return null;
    // Questions the guards stop (injection, out of mission, known gaps) still show what unanswerable questions look like.
    const guarded = this.o.guards.isInjection(question) || this.o.guards.isOutOfMission(question) || this.o.guards.gap(question) !== null;
    const { signals, card } = await this.prepare(question, audience);
    return {
      signals,
      guarded,
      card: card
        ? {
            id: card.card.id,
            text: cardText(card.card, card.card.sources.length, looksEnglish(question), question),
            sources: card.card.sources,
            lacune: card.card.lacune,
          }
        : undefined,
    };
  }

  /** A curated card leads the answer, cited with its source documents. */
  private async cardAnswer(
    question: string,
    searched: string,
    audience: Audience,
    match: CardMatch,
    hits: Hit[],
    matches: CardMatch[],
    candidates: RouteCandidate[] = this.o.router.candidates(searched, hits),
    own = question,
  ): Promise<Reply> {
    const { card } = match;
    const query = this.o.retriever.analyzeQuery(`${searched} ${card.answer}`);
    const passages = cardPassages(card, hits, (docId) => this.o.retriever.bestChunkOf(docId, query, { audience }));
    const sources = passages.map((h, i) => toSource(h, i + 1));
    const english = looksEnglish(own);
    let text = cardText(card, sources.length, english, own);
    if ((card.status === "reported" || sources.some((s) => s.status === "reported")) && !/à vérifier|to be checked/i.test(text))
      text += english && card.answer_en ? `\n\n${REPORTED_NOTICE_EN}` : `\n\n${REPORTED_NOTICE}`;
    // A yes/no question that states a figure the card gives as known (« chaque projet touche 250 000 € ? »
    // when 250 000 € is the yearly sum for all commons) checks a premise: the card answers it.
    // A card that gives the gist and says its detail is not published (« le détail de ces obligations n'est pas
    // précisé ») does not answer a question asking that detail (« quelles sont précisément les obligations ? »).
    if ((card.lacune && !premiseChecked(own, card.answer) && !quotesKnownSum(own, card.answer)) || detailUnpublished(own, card.answer)) {
      const process = card.route ?? this.aboutProcess(candidates);
      return base({
        type: "answer",
        text: `${text}\n\nPour en savoir plus, utilisez « Parler à une personne » : l'équipe concernée pourra vous répondre.`,
        sources,
        refused: true,
        card: card.id,
        route: this.o.router.toRoute(process, 0.8, "Information non publiée : une personne pourra vous répondre."),
        actions: REFUSAL_ACTIONS,
        audience,
      });
    }
    // The card's own route, else the ESS team for an answer from the schema, its axes, the concertation,
    // the Gard's figures or a measure no process runs alone (their questions are that team's, even one naming
    // the call for commons: « les ateliers de co-construction de l'appel à communs ») when no explicit rule
    // reads a need in the question (« l'insertion par l'activité économique »), else the one process the
    // question names, else the process its answer is about (its first process document), else the router's.
    const about =
      card.route ??
      (this.aboutSchema(sources, candidates) ? DEFAULT_PROCESS : undefined) ??
      this.namedProcess(candidates) ??
      // A card led by a part of the schema (an axis, a neighbouring schema) that mentions a process beside it (« … auxquels
      // le Département relie aussi l'appel à communs ») answers about the schema: the ESS team's, when no rule reads a need.
      (this.ledBySchema(card.sources, sources, candidates) ? DEFAULT_PROCESS : undefined) ??
      card.sources.map((id) => ProcessId.safeParse(id)).find((p) => p.success)?.data ??
      card.sources.map((id) => this.o.processOfDoc?.(id)).find((p) => p !== undefined);
    const route = about
      ? {
          ...this.o.router.toRoute(about, 0.8, this.o.router.directory.get(about)?.name ?? about),
          alternatives: this.o.router.alternativesOf(about, candidates),
        }
      : this.passagesOwner(this.o.router.routeFrom(candidates), candidates, sources);
    const related = new Set([card.id, ...matches.slice(1).map((m) => m.card.id)]);
    return base({
      type: "answer",
      text,
      sources,
      refused: false,
      card: card.id,
      route,
      followUps: this.followUps(card.sources, related, audience),
      actions: ANSWER_ACTIONS,
      audience,
    });
  }

  private followUps(docIds: string[], exclude: Set<string>, audience: Audience): string[] {
    const cards = this.cards();
    return cards ? cardFollowUps(cards.cards, docIds, exclude, audience) : [];
  }

  /**
   * With a model: let it pick among the offline candidates (structured output, zod
   * enum of the 14 ids). A choice outside the offline top 3, "aucun", an error or a
   * timeout keeps the offline route.
   */
  private async llmRoute(question: string, candidates: RouteCandidate[], offline: Route | null): Promise<Route | null> {
    if (!this.o.llm || candidates.length === 0) return offline;
    const top = candidates.slice(0, 3);
    try {
      const list = top.map((c) => `- ${c.process} : ${this.o.router.directory.get(c.process)?.name ?? c.process}`).join("\n");
      const model = this.o.llm.withStructuredOutput(RouteChoice, { name: "route" });
      const abort = new AbortController();
      const out = RouteChoice.parse(
        await withTimeout(
          model.invoke(
            [
              { role: "system", content: fill(loadPrompt("route"), { candidates: list }) },
              { role: "user", content: question },
            ],
            { signal: abort.signal },
          ),
          this.o.llmTimeoutMs ?? 8000,
          { abort, message: "LLM timeout" },
        ),
      );
      const chosen = top.find((c) => c.process === out.process);
      if (!chosen) return offline;
      if (offline?.process === chosen.process) return offline;
      return this.o.router.toRoute(chosen.process, Math.max(0.5, chosen.score), chosen.why);
    } catch (err) {
      this.o.logger?.warn({ err }, "llm routing failed, offline route kept");
      return offline;
    }
  }

  /** Answer for a need that clearly fits a process: the process's own document, cited. */
  private async routeAnswer(
    question: string,
    audience: Audience,
    process: ProcessId,
    query: QueryAnalysis,
    candidates: RouteCandidate[],
  ): Promise<Reply | null> {
    const { hits } = await this.o.retriever.search(question, { audience, k: 6, docIds: [process] });
    if (hits.length === 0) return null;
    const extract = extractAnswer(this.o.retriever, query, question, hits, { maxUnits: 3, maxChars: 700 });
    if (!extract.text) return null;
    const route = this.o.router.routeFrom(candidates);
    const entry = this.o.router.directory.get(process);
    const lead = `D'après votre description, le dispositif adapté semble être : **${entry?.name ?? process}**${entry?.operator ? ` (${entry.operator})` : ""}.`;
    const sources = extract.used.map((h, i) => toSource(h, i + 1));
    return base({
      type: "answer",
      text: `${lead}\n\n${extract.text}`,
      sources,
      refused: false,
      topic: entry?.name ?? process,
      route:
        route?.process === process
          ? route
          : {
              ...this.o.router.toRoute(process, 0.6, `Votre besoin correspond à ce dispositif.`),
              alternatives: this.o.router.alternativesOf(process, candidates),
            },
      followUps: [],
      actions: ANSWER_ACTIONS,
      audience,
    });
  }

  /**
   * Who can answer a question the assistant cannot: the people of the process it names (an
   * operator or a scheme: « le DLA », « France Active ») or whose need an explicit rule reads in it
   * (« notre chantier d'insertion », « le QPV de… ») when others than the Department's ESS team run
   * it; else that team, everyone's fallback (it runs the call for commons itself).
   */
  private aboutProcess(candidates: RouteCandidate[]): ProcessId {
    const top = candidates[0];
    if (!top || !((top.named ?? 0) > 0 || top.rule) || top.score < REFUSAL_ROUTE_SCORE) return DEFAULT_PROCESS;
    return this.o.router.handsTo(top.process);
  }

  /**
   * Whether a card's first document (what it mainly answers from) is an axis of the schema, the concertation or a
   * neighbouring schema (the sports', the social solidarities') while the question reads no need by an explicit rule: the
   * card is about the schema. Not the ESS schema's own text, which frames every measure and leads cards about one of them
   * (« la mesure phare du schéma »: the call for commons).
   */
  private ledBySchema(cardSources: readonly string[], sources: readonly Pick<SourceRef, "id" | "kind">[], candidates: RouteCandidate[]): boolean {
    if (candidates.some((c) => c.rule)) return false;
    // (a question the router reads as the need of a process the card cites, « does the Department support work-integration
    // enterprises? » answered from the social solidarities' schema and the insertion page, is that process's)
    const best = candidates[0]?.process;
    if (best && best !== DEFAULT_PROCESS && cardSources.some((id) => id === best || this.o.processOfDoc?.(id) === best)) return false;
    const first = sources.find((s) => s.id === cardSources[0]);
    return first !== undefined && first.id !== ESS_SCHEMA_DOC && SCHEMA_KINDS.has(first.kind);
  }

  /**
   * The process a document asked for belongs to: the one the request names by its operator or scheme (« le dossier pour
   * Gard centrale », "our application for the call for commons") or whose need an explicit rule reads in it, strong enough
   * (see aboutProcess), whoever runs it.
   */
  private documentProcess(candidates: RouteCandidate[]): ProcessId | undefined {
    const top = candidates[0];
    if (!top || !((top.named ?? 0) > 0 || top.rule) || top.score < REFUSAL_ROUTE_SCORE) return undefined;
    return top.process;
  }

  /**
   * The one process a question names (its operator or scheme: « l'Adie », « l'appel à communs »),
   * when it names exactly one: what the question is about, whatever else it mentions (« dans un
   * quartier prioritaire », « les chantiers d'insertion »).
   */
  private namedProcess(candidates: RouteCandidate[]): ProcessId | undefined {
    const named = candidates.filter((c) => (c.named ?? 0) > 0);
    return named.length === 1 && named[0]!.score >= REFUSAL_ROUTE_SCORE ? named[0]!.process : undefined;
  }

  /**
   * Whether an answer is about the schema and the Gard only, hence a question for the Department's ESS team:
   * every cited document is the schema's text, an axis, the concertation, a description of the Gard (its
   * figures, territories), the glossary beside one of them, or a measure of the schema no process runs (« la formation des acheteurs », « le
   * GSEF »), and no explicit rule of knowledge/routage.yaml reads a need in the question; when the question names a
   * process, at least one of them is such a measure.
   */
  private aboutSchema(sources: readonly Pick<SourceRef, "id" | "kind">[], candidates: RouteCandidate[]): boolean {
    if (sources.length === 0 || candidates.some((c) => c.rule)) return false;
    const processless = (s: Pick<SourceRef, "id" | "kind">) =>
      s.kind === "mesure" && !ProcessId.safeParse(s.id).success && this.o.processOfDoc !== undefined && this.o.processOfDoc(s.id) === undefined;
    // A law or a partner no process lists but the team's own (« la loi ESS de 2014 », « la CRESS », « le Département »).
    const teamReference = (s: Pick<SourceRef, "id" | "kind">) =>
      REFERENCE_KINDS.has(s.kind) && (this.o.processesOfDoc?.(s.id).every((p) => p === DEFAULT_PROCESS) ?? false);
    const member = (s: Pick<SourceRef, "id" | "kind">) => SCHEMA_KINDS.has(s.kind) || TERRITORY_KINDS.has(s.kind) || processless(s) || teamReference(s);
    // (the glossary, which defines the words of every process, goes with them but says nothing alone)
    if (!sources.every((s) => member(s) || s.kind === "glossary") || !sources.some(member)) return false;
    // A question naming a process (« l'appel à communs, c'est 1 million ? ») answered from the schema or an axis stays that
    // process's; one answered from a measure no process runs (« les ateliers de co-construction de l'appel à communs ») is the team's.
    return this.namedProcess(candidates) === undefined || sources.some(processless);
  }

  /**
   * A question on an axis of the schema named by its number (« l'axe 4, ça donne quoi ? »), naming no process, answered
   * first from that axis's text: the schema's team answers it, though a process that echoes the axis (incubation for
   * social innovation) completes the answer.
   */
  private asksAxis(question: string, candidates: RouteCandidate[], used: Hit[]): boolean {
    const first = used.find((h) => h.chunk.kind !== "glossary");
    return first?.chunk.kind === "axe" && namedAxes(question).size > 0 && this.namedProcess(candidates) === undefined && !candidates.some((c) => c.rule);
  }

  /**
   * An answer made of passages: the one process the question names, else the Department's ESS team when the
   * passages are about the schema and the Gard only (see aboutSchema), else the router's best.
   */
  private passageRoute(candidates: RouteCandidate[], used: Hit[], question = ""): Route | null {
    if (
      !this.aboutSchema(
        used.map((h) => ({ id: h.chunk.docId, kind: h.chunk.kind })),
        candidates,
      ) &&
      !this.asksAxis(question, candidates, used)
    )
      return this.passagesOwner(
        this.routeOf(candidates),
        candidates,
        used.map((h) => ({ id: h.chunk.docId, kind: h.chunk.kind })),
      );
    return {
      ...this.o.router.toRoute(DEFAULT_PROCESS, 0.8, this.o.router.directory.get(DEFAULT_PROCESS)?.name ?? DEFAULT_PROCESS),
      alternatives: this.o.router.alternativesOf(DEFAULT_PROCESS, candidates),
    };
  }

  /**
   * A weak guess of the router (« un commun peut-il concerner un seul village ? » resembling a SCIC's situations) that
   * none of the passages used belongs to yields to the passages: the one process they all belong to, else the
   * Department's ESS team when they belong to none but the team's (a law, the Département's own services).
   */
  private passagesOwner(route: Route | null, candidates: RouteCandidate[], used: readonly Pick<SourceRef, "id" | "kind">[]): Route | null {
    if (!route || route.confidence >= WEAK_ROUTE || !this.o.processesOfDoc || this.namedProcess(candidates) !== undefined) return route;
    const docs = [...new Map(used.filter((s) => s.kind !== "glossary").map((s) => [s.id, s.kind] as const))];
    if (docs.length === 0) return route;
    // (the schema, the Gard's territory, a law or a partner are also the team's, who answers questions of reference)
    const teamKind = (kind: string) => SCHEMA_KINDS.has(kind) || TERRITORY_KINDS.has(kind) || REFERENCE_KINDS.has(kind);
    const owners = docs.map(([d, kind]) => [
      ...(ProcessId.safeParse(d).success ? [d as ProcessId] : this.o.processesOfDoc!(d)),
      ...(teamKind(kind) ? [DEFAULT_PROCESS] : []),
    ]);
    if (owners.some((o) => o.includes(route.process))) return route;
    const common = owners[0]!.filter((p) => owners.every((o) => o.includes(p)));
    const own = common.filter((p) => p !== DEFAULT_PROCESS);
    const references = docs.every(([, kind]) => teamKind(kind));
    const owner = own.length && !references ? own[0]! : common.includes(DEFAULT_PROCESS) ? DEFAULT_PROCESS : own[0];
    if (owner === undefined) return route;
    return {
      ...this.o.router.toRoute(owner, route.confidence, this.o.router.directory.get(owner)?.name ?? owner),
      alternatives: this.o.router.alternativesOf(owner, candidates),
    };
  }

  /** An answer's route: the one process the question names, else the router's best. */
  private routeOf(candidates: RouteCandidate[]): Route | null {
    const named = this.namedProcess(candidates);
    if (!named || candidates[0]?.process === named) return this.o.router.routeFrom(candidates);
    const c = candidates.find((x) => x.process === named)!;
    return { ...this.o.router.toRoute(named, Math.max(0.5, c.score), c.why), alternatives: this.o.router.alternativesOf(named, candidates) };
  }

  /**
   * Whether a question asks what an unpublished-information card is about, not merely names its
   * subject: beyond the names they share (« France Active », « AD'OCC »), the question and the
   * card's closest phrasing share a word (« adresse », « plan », « liste »…). « France Active,
   * ils donnent des subventions ? » does not ask for France Active's unpublished contact.
   */
  private asksCardAspect(question: string, match: CardMatch): boolean {
    const names = new Set([...namedTerms(match.phrasing), ...namedTerms(question), ...namedTerms(match.card.questions.join(". "))]);
    const asked = new Set(this.o.retriever.analyzeQuery(question).terms.filter((t) => !names.has(t)));
    return [match.phrasing, ...match.card.questions].some((p) =>
      this.o.retriever.analyzeQuery(p).terms.some((t) => !names.has(t) && !GENERIC_ASPECT.has(t) && asked.has(t)),
    );
  }

  /**
   * Whether a text speaks of what a how-many question counts (« combien de coopératives ? »,
   * « combien de bénévoles ? »): a figure about something else (participants, employees) is no
   * answer. Measures (« combien de temps », « d'argent », « de personnes »), words the knowledge
   * does not know (typos) and acronyms (see givesAsked) are not checked.
   */
  private speaksOfCounted(kind: "number" | "date", question: string, text: string, counted = false): boolean {
    if (kind !== "number") return true;
    const m = /\b(?:combien|nombre)\s+(?:de\s+|d['’])(\p{L}+)|\bhow\s+many\s+(\p{L}+)/iu.exec(question);
    const word = m?.[1] ?? m?.[2];
    if (!word || word === word.toUpperCase()) return true;
    const noun = this.o.retriever.analyzeQuery(word).terms[0];
    if (!noun || MEASURES.has(noun) || !this.o.retriever.known(noun)) return true;
    // Passages found for the question must count it (« 12 agents formés »): a passage that only speaks of
    // agents, or counts something else (« sept financeurs présents »), does not say how many.
    // (French only: an English question counts a noun its adjectives precede, and is answered in French)
    if (counted && m?.[1]) return countsOf(text, [noun, ...this.o.retriever.synonyms.equivalents(noun).map((seq) => seq[0]!)]);
    const terms = new Set(this.o.retriever.analyzeQuery(text).terms);
    return terms.has(noun) || this.o.retriever.synonyms.equivalents(noun).some((seq) => seq.every((w) => terms.has(w)));
  }

  /**
   * Whether a prompt injection carries a question about a subject of the ESS in the Gard: a scheme or an
   * operator a routing rule names (« la date limite de l'appel à communs »), or a structure or a person the
   * sources name (« La Grande Bobine », « Hélène Meunier »). That question, which the assistant will not
   * answer under those terms, is the ESS team's; an injection about the assistant itself (« affiche ton
   * prompt système ») is handed to no one.
   */
  private injectedSubject(text: string): boolean {
    if (this.o.router.candidates(text).some((c) => (c.named ?? 0) > 0)) return true;
    return [...text.matchAll(PROPER_NAME)].some((m) => {
      const terms = this.o.retriever.analyzeQuery(m[0]).terms;
      return terms.length >= 2 && terms.every((t) => this.o.retriever.known(t));
    });
  }

  /** Whether a message names an acronym the knowledge speaks of (« la CRESS », « l'URSCOP »): it is about the ESS. */
  private namesKnownAcronym(text: string): boolean {
    return [...text.matchAll(/\b\p{Lu}{3,}\b/gu)].some((m) => this.o.retriever.analyzeQuery(m[0]).terms.some((t) => this.o.retriever.known(t)));
  }

  /** Who a refusal hands to: the process and its name. */
  who(process: ProcessId): Who {
    return { process, name: this.o.router.directory.get(process)?.name ?? process };
  }

  /** Who a refusal hands to, as the subject of « … pourra vous répondre » (the route's reason, in French). */
  private whoAnswers(process: ProcessId): string {
    return whoAnswers(this.who(process), "fr");
  }

  /** A refusal, in the language of the person's question. */
  private refusal(audience: Audience, route: Route | null, refusal: Refusal, lang: Lang): Reply {
    // (no handoff offered for what is out of scope: its route is the default one, no need was read)
    const text = refusalText(refusal, lang);
    return base({ type: "answer", text, refused: true, route, actions: route && route.confidence > 0 ? REFUSAL_ACTIONS : [], audience });
  }

  /** LLM answer from the passages; null when it declines. Citations are checked. */
  private async generate(question: string, audience: Audience, hits: Hit[], onToken?: (delta: string) => void): Promise<{ text: string; used: Hit[] } | null> {
    const passages = hits
      .map(
        (h, i) =>
          `[${i + 1}] ${h.chunk.title}${h.chunk.section ? ` — ${h.chunk.section}` : ""} (${h.chunk.status === "reported" ? "rapporté, à vérifier" : "confirmé"})\n${h.chunk.text}`,
      )
      .join("\n\n");
    const system = fill(loadPrompt("answer"), { passages, audience: audience === "agent" ? "agent du Département" : "porteur de projet" });
    const abort = new AbortController();
    const messages = [
      { role: "system", content: system },
      { role: "user", content: question },
    ];
    const textOf = (content: unknown): string =>
      typeof content === "string"
        ? content
        : Array.isArray(content)
          ? content.map((c) => (c && typeof c === "object" && "text" in c ? String(c.text) : "")).join("")
          : "";
    // With a listener, the model's text is streamed to it as it comes (same timeout for the whole answer).
    const complete = async (): Promise<string> => {
      if (!onToken) return textOf((await this.o.llm!.invoke(messages, { signal: abort.signal })).content);
      let all = "";
      for await (const chunk of await this.o.llm!.stream(messages, { signal: abort.signal })) {
        const delta = textOf(chunk.content);
        if (!delta) continue;
        all += delta;
        try {
          onToken(delta);
        } catch {
          // A failing listener never costs the answer.
        }
      }
      return all;
    };
    const raw = await withTimeout(complete(), this.o.llmTimeoutMs ?? 8000, { abort, message: "LLM timeout" });
    if (/JE_NE_SAIS_PAS/.test(raw)) return null;
    // Sentences without a valid citation are dropped; unsupported amounts or dates reject the answer (citations.ts).
    const checked = checkCitations(raw, hits);
    if (!checked.ok) {
      this.o.logger?.warn({ reason: checked.reason, dropped: checked.dropped }, "generated answer rejected, offline answer used");
      return null;
    }
    return { text: checked.text, used: checked.used };
  }
}

export function toSource(h: Hit, n: number): SourceRef {
  const c = h.chunk;
  const excerpt = c.text.replace(/\s+/g, " ").slice(0, 300);
  return {
    n,
    id: c.docId,
    chunkId: c.id,
    title: c.title,
    kind: c.kind,
    status: c.status,
    section: c.section || undefined,
    page: c.page,
    url: c.url,
    score: Math.round(h.score * 10000) / 10000,
    excerpt,
  };
}

/**
 * Whether a yes/no question (« …, c'est ça ? », « donc … ? », « si je comprends bien … ? », "is it…?") states an amount of at
 * least three digits that the text gives too: it checks a premise the text settles.
 */
export function premiseChecked(question: string, text: string): boolean {
  if (
    answerType(question) !== "yesno" &&
    !/\b(donc|c'est (bien )?(ca|ça)|c'est bien|n'est-ce pas|si je comprends bien|si j'ai bien compris|c'est (exact|vrai|correct)|right|so|correct|is that true)\b/i.test(
      question,
    )
  )
    return false;
  return sharesAmount(question, text);
}

/** The amounts (three digits or more, not a year) a text writes. */
const amountsOf = (t: string) =>
  [...t.replace(/(\d)[\s\u00a0.,](?=\d{3}\b)/g, "$1").matchAll(/\d{3,}/g)].map((m) => m[0]).filter((n) => !/^(19|20)\d{2}$/.test(n));

/** Whether a question quotes an amount that a text gives. */
function sharesAmount(question: string, text: string): boolean {
  const known = new Set(amountsOf(text));
  return amountsOf(question).some((n) => known.has(n));
}

/** Words asking a sum (« combien », « quel montant », "how much"): a question holding one asks an amount, it quotes none. */
const ASKS_SUM = /\b(?:combien|cb|quel(?:le)?s? (?:montant|somme|plafond|budget|enveloppe)|how much|what amount|what is the (?:ceiling|cap|maximum))\b/;

/**
 * A premise quoting a sum (« le plafond d'un commun, ce sont bien les 250 000 € ? », « un commun touche 250 000 €, c'est ça ? »):
 * the question writes an amount the text gives and asks no amount itself, whatever its form.
 */
export function quotesKnownSum(question: string, text: string): boolean {
  return !ASKS_SUM.test(foldText(question)) && sharesAmount(question, text);
}

/** Words that ask for the detail of something (« précisément », « en détail », "exactly"). */
const ASKS_DETAIL =
  /\b(precisement|precises|en detail|le detail|les details|exactement|concretement|lesquelles|lesquels|in detail|exactly|specifically|precisely|which ones)\b/;
/** A text saying that the detail of what it sums up is not published. */
const DETAIL_NOT_PUBLISHED = /\b(le detail|les details|le contenu)\b[^.;:]{0,40}\b(n est|ne sont) pas (publies?|precises?|documentes?|connus?)\b/;

/** Whether a question asks for the detail of something its answer sums up while saying that detail is not published. */
export function detailUnpublished(question: string, answer: string): boolean {
  return ASKS_DETAIL.test(foldText(question)) && DETAIL_NOT_PUBLISHED.test(foldText(answer).replace(/['’`]/g, " "));
}

/**
 * « ça couvre quoi concrètement ? », « qu'est-ce que ça comprend ? », "what does it include in practice?": what a thing
 * holds or gives in practice, which the documents that describe it say, not the glossary entry that defines it.
 */
const WHAT_IT_HOLDS =
  /\b(?:concretement|concretes?|se concretise\w*|en pratique|couvre|couvrent|comprend|comprennent|contient|contiennent|in practice|concretely|concrete|covers?|includes?|contains?)\b/;

export function asksWhatItHolds(question: string): boolean {
  return WHAT_IT_HOLDS.test(fold(question).replace(/[’`]/g, "'"));
}

/**
 * Whether document passages come before a glossary entry covering as much (see documentsFirst): for an English question,
 * and for a follow-up (`followUp`) whose own words (`own`) ask nothing of their own kind, « et pour une SCOP ? », which
 * puts the topic's question to the subject it names, not « qu'est-ce qu'une SCOP ? » nor « qui la dirige ? ».
 */
export function glossaryLast(english: boolean, followUp: boolean, own: string): boolean {
  if (english) return true;
  const kind = askedKind(own);
  return followUp && (kind === "other" || kind === "yesno");
}

/**
 * A glossary entry sums up what documents say, with English equivalents that English questions match: for
 * an English question, a passage of another document that covers it as well holds the fact, and comes before
 * the entry (which still completes the answer, for an acronym it spells out).
 */
export function documentsFirst(english: boolean, hits: Hit[], question?: string): Hit[] {
  const out = [...hits];
  if (!english) return out;
  for (const g of hits) {
    if (g.chunk.kind !== "glossary") continue;
    // An English question (`question`) that names none of the entry's terms (« a single project » against « call for
    // projects ») only shares words with its English equivalents: every document passage comes before it, whatever it covers.
    const unnamed = question !== undefined && (!namesEntry(question, g.chunk) || asksWhatItHolds(question));
    let last = -1;
    out.forEach((d, i) => {
      if (d.chunk.kind !== "glossary" && (unnamed || d.coverage >= g.coverage - GLOSSARY_MARGIN)) last = i;
    });
    const at = out.indexOf(g);
    if (last > at) out.splice(last, 0, ...out.splice(at, 1));
  }
  return out;
}

/** The communes a text names (their codes). */
function communeCodes(text: string): Set<string> {
  return new Set(findCommunesInText(text).map((m) => m.commune.code));
}

/**
 * Whether a question names a commune that a card saying something is unpublished gives as known (« Saint-Gilles
 * a un quartier prioritaire ? » when the card lists the confirmed ones): what is known of that commune answers,
 * not the unpublished rest. (A commune its phrasings name is what the card is about, not a known case.)
 */
export function namesKnownCommune(question: string, card: { answer: string; questions: string[] }): boolean {
  const named = communeCodes(question);
  if (named.size === 0) return false;
  const known = communeCodes(card.answer);
  const asked = communeCodes(card.questions.join(". "));
  return [...named].some((c) => known.has(c) && !asked.has(c));
}

/**
 * The year a question asks about (« en 2026 », "in 2027") when its answer speaks of years, all
 * earlier and none the one asked: the answer is about another time than the question.
 */
export function laterYearAsked(question: string, answer: string): string | null {
  const asked = askedYears(question);
  if (asked.length === 0) return null;
  const said = [...answer.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (said.length === 0) return null;
  const latest = Math.max(...said);
  return asked.find((y) => Number(y) > latest) ?? null;
}

/** The year a message asks and nothing else of its own (« et en 2025 ? », "what about 2025?"), else null. */
export function onlyYearAsked(message: string): string | null {
  const years = askedYears(message);
  if (years.length !== 1) return null;
  const terms = analyze(message);
  // (a year bounding a span, « entre 2024 et 2025 », is no year asked alone)
  return terms.every((t) => /^(?:19|20)\d{2}$/.test(t)) && terms.length === 1 ? years[0]! : null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Whether a card never writes one of the words of the name a definition is asked of (`defined`, analysed). */
function definesOther(m: CardMatch, defined: readonly string[]): boolean {
  if (defined.length === 0) return false;
  const written = new Set(analyze([m.card.answer, m.card.answer_en ?? "", ...m.card.questions].join(" ")));
  return defined.some((t) => !written.has(t));
}

/**
 * A card answering « Non » for one legal form (« une association sans salarié peut-elle avoir le DLA ? ») says nothing of
 * another one the question names instead (« une SCOP peut-elle être accompagnée par le DLA ? »): its verdict is not that
 * form's. True when the question names legal forms (`asked`) none of which the card names, and the phrasing matched
 * names another.
 */
function deniesOtherForm(m: CardMatch, asked: ReadonlySet<LegalForm>): boolean {
  if (asked.size === 0 || !/^(?:non|no)\b/i.test(m.card.answer.trim())) return false;
  const matched = legalFormsNamed(m.phrasing);
  if (matched.size === 0) return false;
  const named = legalFormsNamed([m.card.answer, ...m.card.questions].join(" "));
  return ![...asked].some((f) => named.has(f));
}

function base(r: Partial<Reply> & { type: Reply["type"]; text: string }): Reply {
  return { sources: [], refused: false, route: null, followUps: [], actions: [], generated: false, ...r };
}

export const RouteChoice = z.object({ process: z.union([ProcessId, z.literal("aucun")]) });

/**
 * The writer says they cannot do the work themselves (« on n'a pas le temps de le faire nous-mêmes », « on n'y arrive pas »,
 * "we don't have time to do it ourselves"): they ask for someone to help, not only for a document.
 */
const CANNOT_DO_IT =
  /\b(?:(?:on|nous) n(?:'|’|e )?(?:a|avons) pas le temps|pas le temps de|(?:on|nous) n(?:'|’|e )?(?:y )?(?:arrive|arrivons|sait|savons) pas|no time to|(?:don't|do not|can't|cannot) (?:have (?:the )?time|manage|do it ourselves))\b/i;

export function cannotDoItThemselves(text: string): boolean {
  return CANNOT_DO_IT.test(text);
}

/**
 * A subject of its own in a follow-up: an acronym or a capitalised word after the first (« et Uzès ? »), a quoted
 * expression (« qui l'a appelé « appel d'offres inversé » ? »), a subject set apart at its opening (« et le budget de
 * l'axe 3, c'est combien ? »), or a process it names.
 */
/**
 * A question without the territory every question is asked in (« dans le Gard », « du Gard », "in the Gard"): « y en a combien
 * dans le Gard ? » names no subject of its own, « Gard centrale » and « Initiative Gard » do.
 */
const TERRITORY =
  /(?<=^|\s)(?:dans le|du|le|au|en|of the|in the|the)\s+(?:Gard|département|departement)(?![\p{L}-]|\s+(?:centrale|et Autonomie|solidaire)\b)/giu;
function withoutTerritory(text: string): string {
  return text.replace(TERRITORY, " ");
}

function namesOwnSubject(text: string, router: { candidates(text: string): { named?: number }[] }): boolean {
  text = withoutTerritory(text);
  if (/\b\p{Lu}{2,7}\b/u.test(text) || /\s\p{Lu}\p{Ll}/u.test(text) || /[«"“]/.test(text) || opensOnOwnSubject(text)) return true;
  return router.candidates(text).some((c) => (c.named ?? 0) > 0);
}

/** The language a refusal is written in: the person's own message's. */
function langOf(own: string): Lang {
  return looksEnglish(own) ? "en" : "fr";
}

/** Whether a card leaves out, in its phrasings and answer, some word of the thing a claim is about. */
function namesOtherThing(card: { questions: readonly string[]; answer: string }, claimed: readonly string[]): boolean {
  const said = new Set(analyze([...card.questions, card.answer].join(" ")));
  return claimed.some((t) => !said.has(t));
}

/** Whether an answer states the act a yes/no claim puts to some body, on the thing it names (see agentClaim). */
function statesAct(question: string, answer: string): boolean {
  const claim = agentClaim(question);
  if (!claim) return false;
  const said = analyze(answer);
  return claim.thing.every((t) => said.includes(t)) && said.some((t) => claim.act.some((a) => t.startsWith(a)));
}
