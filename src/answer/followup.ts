/**
 * Follow-up questions within a conversation: a short or elliptic question ("c'est
 * gratuit ?", "elle est où ?", "et pour une SCOP ?", "who runs it?") is read against
 * the topic of the previous turn. Offline, the topic is carried over: the words of
 * the previous question are searched together with the new ones. With a model, the
 * condense step (prompts/condense.md) rewrites the question instead.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { knowledgePaths } from "../core/paths.js";
import { analyze, fold } from "../retrieval/analyzer.js";
import { givesAsked, hasDate } from "./asked-quantity.js";
import { answerType, asksAmount, givesAmount } from "./cards.js";

const AspectFile = z.array(z.coerce.string()).nullish();

/**
 * The analysed forms of the words that ask an aspect of a subject without naming it
 * (`lexique/aspects.yaml`: « année », « combien », « organise », "where"…). A short
 * question made only of them goes on with the previous turn's subject. Empty when the
 * file is absent; an invalid file is an error (it is the ESS team's data).
 */
export function loadAspectTerms(knowledgeDir: string): Set<string> {
  const file = knowledgePaths(knowledgeDir).aspects;
  if (!existsSync(file)) return new Set();
  const parsed = AspectFile.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} : liste de mots attendue (${parsed.error.issues[0]?.message ?? "format invalide"})`);
  return new Set((parsed.data ?? []).flatMap((w) => analyze(w)));
}

/** Openings that lean on what was said before. */
const ANAPHORIC =
  /^(et|mais|du coup|alors|donc|ok|d'accord|and|so|what about|how about)\b|^(et )?(pour|avec|sans|si|en) (une?|les?|la|des|mon|ma|notre|nos)\b|^(c'est|c est|ca|cela|elle|il|elles|ils|on y|y a|ce dispositif|cette aide|ce programme|cet accompagnement|ce truc|it|is it|does it|they|is there|can i|can we|who runs it|where is it)\b/;
/** Pronouns standing for the topic anywhere in a short question. */
const PRONOUN =
  /\b(elle|il|ils|elles|ca|cela|celui-ci|celle-ci|ce dispositif|cette aide|cette structure|la structure|le dispositif|it|its|they|them|this|that|there)\b/;

/**
 * Whether `question` needs the previous turn to be understood. `contentTerms` is the
 * number of topic words it carries (analysed terms the knowledge knows) and `names`
 * whether one of them names a subject of its own (a rare word: "DLA", "MIESS", "SCOP"
 * — "c'est quoi le DLA ?" is a new question, "c'est gratuit ?" is not).
 */
export function isElliptic(question: string, contentTerms: number, names = false): boolean {
  const f = fold(question)
    .replace(/[’`´‘]/g, "'")
    .replace(/[?!.¿]+/g, " ")
    .trim();
  const words = f.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  if (contentTerms === 0) return true;
  // "et la MIESS, elle est où ?" names its subject and asks its own question: it stands alone.
  if (names && answerType(f) !== "other") return false;
  if (/^(et|and|what about|how about)\b/.test(f) && words.length <= 8) return true;
  if (names || contentTerms > 2) return false;
  if (words.length <= 8 && ANAPHORIC.test(f)) return true;
  return words.length <= 8 && contentTerms <= 2 && PRONOUN.test(f);
}

/** The text to search for a follow-up: the new question, then the previous topic. */
export function withTopic(question: string, previous: string): string {
  return `${question.trim()}${TOPIC_JOIN}${previous.trim()}`.slice(0, 1200);
}

/** What joins a follow-up to the topic it is read with. */
const TOPIC_JOIN = " — ";

/** Topic words too general to tie a card to the topic of a follow-up. */
const TOPIC_GENERIC = new Set(analyze("Gard gardois Département départemental ESS économie sociale solidaire quoi c'est fait faire"));

/**
 * Whether a card shares a word of a follow-up's topic (`question` is the follow-up read with its
 * topic, see withTopic; `own` the person's own words), other than the Gard, the ESS and words that
 * only ask an aspect. True when the topic holds no such word.
 */
export function cardNamesTopic(card: { answer: string; questions: string[] }, question: string, own: string, aspects?: ReadonlySet<string>): boolean {
  const at = question.indexOf(TOPIC_JOIN);
  if (at < 0) return true;
  const mine = new Set(analyze(own));
  const terms = analyze(question.slice(at + TOPIC_JOIN.length)).filter((t) => !mine.has(t) && !aspects?.has(t) && !TOPIC_GENERIC.has(t));
  if (terms.length === 0) return true;
  const held = new Set(analyze(`${card.answer} ${card.questions.join(" ")}`));
  return terms.some((t) => held.has(t));
}

/** « où » ("where") asked anywhere in a follow-up, accents or not: « c'était où le vote ? », « le vote a eu lieu où ? ». */
const WHERE =
  /(?<!\p{L})où(?!\p{L})|\b(?:c'?est|c'?etait|est|sont|etait|se trouve|se passe|a eu lieu|basee?s?)\s+ou\b|\bou\s+(?:est|sont|se|ca|c'?est|c'?etait|etait)\b|\bwhere\b/u;

/** « qui » asked anywhere in a follow-up: « et dans le Gard c'est qui qui le porte ? », « ça dépend de qui ? ». */
const WHO =
  /\bc'?est qui\b|\bqui qui\b|\b(?:de|par|avec|aupres de|chez) qui\b|\bqui (?:le|la|les|l'|s'en|en|y)\s*(?:porte|gere|organise|anime|finance|pilote|dirige|s'occupe|occupe|charge|instruit|decide|accompagne)\w*/;

/** What a follow-up asks for: answerType's reading, « où » anywhere meaning a place. */
export function askedKind(own: string): ReturnType<typeof answerType> {
  const type = answerType(own);
  if (type !== "other" && type !== "yesno") return type;
  const text = own.toLowerCase().replace(/[’`]/g, "'");
  if (WHERE.test(text) || WHERE.test(fold(text))) return "where";
  return WHO.test(fold(text)) ? "who" : type;
}

/**
 * Whether a card names a place, what a follow-up asking « où ? » needs: 2 for a place
 * (« à Nîmes »), 1 for a web address only (« gard-centrale.gard.fr »), 0 for none.
 */
export function namesPlace(card: { answer: string; answer_en?: string }): 0 | 1 | 2 {
  const text = `${card.answer} ${card.answer_en ?? ""}`;
  return PLACE.test(text) ? 2 : WEB_ADDRESS.test(text) ? 1 : 0;
}

/** A web address: where something is filed or found online (« gard-centrale.gard.fr »). */
const WEB_ADDRESS = /\bhttps?:\/\/|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|org|com|eu|net)\b/;

/** Whether a follow-up asks where (« elle est où ? », "where are they based?"). */
export function asksWhere(own: string): boolean {
  return askedKind(own) === "where";
}

/** A place in an answer: a capitalised name after a preposition (« à Nîmes », « du canton du Vigan », "in Nîmes"). */
const PLACE =
  /(?:^|[\s(])(?:(?:à|au|aux|en|dans|du|de|des|sur|in|at|near)\s+|d['’])(?:l['’]|la\s+|le\s+|les\s+)?(?!(?:Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}\p{Ll}/u;
/** A person's name in an answer (« Hélène Meunier »). */
const PERSON = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}[\p{Ll}-]+/u;

/**
 * Whether a card the person has just read already answers their follow-up ("elle est
 * élue où ?" after a card that names the elected member and her canton): the card
 * holds every word the follow-up asks about and the kind of thing it asks (a figure,
 * a date, a place, a name). People ask again what they skimmed; the card is then the
 * right answer, not another one. A follow-up asking anything the card lacks ("c'est
 * combien ?" after a definition) still gets something else.
 */
export function cardAnswersFollowUp(card: { answer: string; answer_en?: string }, own: string): boolean {
  const text = `${card.answer} ${card.answer_en ?? ""}`;
  const held = new Set(analyze(text));
  const asked = analyze(own);
  if (asked.some((t) => !held.has(t))) return false;
  switch (askedKind(own)) {
    case "number":
      return asksAmount(own)
        ? givesAmount(text)
        : givesAsked("number", own, card.answer) || (card.answer_en !== undefined && givesAsked("number", own, card.answer_en));
    case "date":
      return hasDate(text);
    case "where":
      return PLACE.test(text);
    case "who":
      return PERSON.test(text);
    default:
      // "il couvre quelle période ?", "c'est gratuit ?": the card must hold what it names.
      return asked.length > 0;
  }
}

/**
 * Words that only say what is asked of a subject (« qui le porte ? », « qui s'en occupe ? », « ça se trouve dans quelle
 * ville ? »), not which subject: a passage of the topic need not hold them to answer (see Answerer.topicFirst).
 */
export const ASKING_TERMS: ReadonlySet<string> = new Set(
  analyze(
    "porte porter porté gère gérer géré organise organiser organisé anime animer pilote piloter dirige diriger occupe occuper charge instruit instruire décide décider trouve trouver situé basé installé ville lieu endroit adresse date jour mois année déroule tenu passe",
  ),
);

/** Words asking how much money (« il a touché combien ? », « ça finance combien ? »): a figure that is no sum does not answer them. */
const MONEY =
  /\b(touche\w*|recu\w*|percu\w*|finance\w*|financ\w*|verse\w*|subvention\w*|argent|euros?|budget|montant|cout\w*|paye\w*|prix|dote\w*|money|paid|receive\w*|funding|budget|cost\w*)\b|\bjusqu'?a combien\b|\bcombien (?:au )?max/;

/** Organisations named by their acronym (« l'URSCOP », « la CRESS »), not the ESS itself; one the question names is no answer to « qui ? ». */
const ACRONYMS = /(?<!\p{L})(?!ESS(?!\p{L}))\p{Lu}{3,}(?!\p{L})/gu;
/** An organisation named after what it is (« l'association Terres Vives », « la coopérative Oxalis »). */
const ORGANISATION =
  /\b(?:association|coopérative|cooperative|société|structure|fédération|réseau|union|cabinet|fondation|organisation|organization|association called)\s+(?:«\s*)?\p{Lu}/u;

/**
 * Whether a text gives the kind of thing a follow-up asks (`own`, the person's own words): a figure
 * for « combien ? » (a sum for « c'est combien ? »), a date for « quand ? », a place for « où ? », a
 * person or an organisation for « qui ? » (`about`: what the question names, no answer to it). Null when the follow-up asks no such kind: anything may answer it.
 */
export function givesAskedKind(own: string, text: string, about = own): boolean | null {
  switch (askedKind(own)) {
    case "number":
      return asksAmount(own) || MONEY.test(fold(own)) ? givesAmount(text) : givesAsked("number", own, text);
    case "date":
      return hasDate(text);
    case "where":
      return PLACE.test(text);
    case "who":
      return (
        PERSON.test(text) || ORGANISATION.test(text) || [...text.matchAll(ACRONYMS)].some((m) => !new RegExp(`(?<!\\p{L})${m[0]}(?!\\p{L})`, "iu").test(about))
      );
    default:
      return null;
  }
}
