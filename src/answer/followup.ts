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
import { findCommunesInText } from "../eligibility/communes.js";
import { analyze, fold } from "../retrieval/analyzer.js";
import { foldAccents } from "../core/text.js";
import { COUNTED_BY_EN, asksDuration, countedNoun, givesAsked, givesDurationOf, hasDate } from "./asked-quantity.js";
import { askedSlots, fillsAskedSlots } from "./asked-slot.js";
import { asksMaximum, givesMaximum } from "./asked-statistic.js";
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
/** Kinds of structures named by their acronym before their name (« la SCIC Gard et Autonomie », « la CAE Mine de talents »). */
const KIND_ACRONYMS = "scic|scop|cae|siae|gip|gie|ptce|esat";
/** A demonstrative pointing back at what was just named (« cette SCOP », « cet organisme », « celui-là », "that company", "that SCIC"). */
const DEMONSTRATIVE = new RegExp(
  String.raw`\b(?:cette|cet|ces) \p{L}{3,}|\bcel(?:ui|le)-(?:la|ci)\b|\b(?:that|this) (?:company|organi[sz]ation|cooperative|co-op|structure|scheme|body|one|association|charity|foundation|network|${KIND_ACRONYMS})\b`,
  "u",
);
/** The kind a demonstrative points back at by its acronym (« cette SCIC », "that SCOP"), folded. */
const DEMONSTRATED_KIND = new RegExp(String.raw`\b(?:cette|cet|ce|that|this) (${KIND_ACRONYMS})\b`);
/** A structure named after its kind's acronym: the acronym, then its name (« SCIC Gard et Autonomie », « CAE Mine de talents »). */
const KIND_NAMED = new RegExp(
  String.raw`(?<!\p{L})(?:${KIND_ACRONYMS.toUpperCase()})\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*|\s+(?:et|de|du|des)\s+[\p{L}'’-]+|\s+d['’][\p{L}-]+)*`,
  "gu",
);

/**
 * Whether a follow-up points back by a demonstrative at a kind of structure (« cette SCIC », "that SCIC") that the
 * conversation named with its name (`topic`, the questions before and the names the last reply led with: « la SCIC Gard
 * et Autonomie »): it asks of that structure, not of the kind in general.
 */
export function pointsAtNamedKind(own: string, topic: string): boolean {
  const kind = DEMONSTRATED_KIND.exec(foldedQuote(own))?.[1];
  if (!kind) return false;
  return [...topic.matchAll(KIND_NAMED)].some((m) => fold(m[0]).startsWith(`${kind} `));
}

/**
 * A verb standing for an action just spoken of (« fait ça », « a déjà fait pareil », « l'a déjà fait », "done that", "did it
 * before"), folded.
 */
const PRO_VERB =
  /\b(?:fait|faire|refait|refaire|fera|ferait|font|feront|faisait)\s+(?:(?:deja|aussi|encore|souvent|jamais|deja)\s+)?(?:ca|cela|pareil|de meme|la meme chose|comme ca)\b|\bl'(?:a|ont|avait|avaient|aura|auront)\s+(?:(?:deja|aussi|jamais)\s+)?(?:fait|refait)\b|\b(?:done|did)\s+(?:that|it|this|so)\b/;

/**
 * A question asking whether there is some thing (« y a des exemples dessus ? », « il existe une antenne ? », "are there any
 * examples?"), folded: it names the thing it asks.
 */
const EXISTENCE =
  /^(?:(?:et|mais|ok|alors|du coup|donc|and|so)[\s,]+)?(?:est-ce qu'|est ce qu')?(?:il\s+)?(?:y\s+a(?:-t-il)?|y\s+aurait|existe(?:-t-il)?|existe-t-il)\s+(?:des|un|une|du|de la|de l'|d'|quelques|d'autres)\s*\p{L}|^(?:(?:and|so)\s+)?(?:is|are)\s+there\s+(?:any|an?|some|other)\s+\p{L}/u;

/** Whether a question asks whether there is some thing (see EXISTENCE). */
export function asksExistence(question: string): boolean {
  return EXISTENCE.test(foldedQuote(question));
}

/** Openings that put a condition to what was just said (« et si… », « mais si… », "and if…", "what if…"). */
const HYPOTHESIS = /^(?:et|mais|and|but|so)?\s*(?:si|s'il|s'ils|if|what if)\b/;
/** Words of a follow-up that puts a condition to the topic. */
const MAX_HYPOTHESIS_WORDS = 14;
/** Words of a follow-up opening with « et » ("and") that adds to what was just said, naming no subject of its own. */
const MAX_ADDING_WORDS = 10;

/** Words of a bare question asking something of a subject it does not name (« y avait combien de participants ? »). */
const MAX_BARE_WORDS = 5;
/** An interrogative asking a count, a quantity, a time, a place or a person, anywhere in a bare question. */
const BARE_ASKING = /\b(?:combien|cb|cbn|quand|qd|ou|qui|how many|how much|how long|when|where|who)\b/;

/** Words that only insist on what is asked (« exactement », « au juste », "exactly"), folded. */
const INSISTING = new Set(["exactement", "precisement", "au", "juste", "donc", "alors", "exactly", "precisely"]);
/** Words of a bare « quel … ? » question naming only what it asks (« quel budget annuel ? », "which deadline?"). */
const MAX_BARE_WHICH_WORDS = 4;
/**
 * An interrogative determiner opening a question on the noun it asks (« quelle durée ? »), after a preposition or not
 * (« avec quels partenaires ? », « dans quelles communes ? », "with which partners?"), not « quel est… ? ».
 */
const BARE_WHICH =
  /^(?:(?:et|mais|ok|alors|and|so)\s+)?(?:(?:avec|pour|dans|sur|chez|par|aupres de|en|a|with|for|in|on|by|from|to|at)\s+)?(?:quel|quelle|quels|quelles|what|which)\s+(?!(?:est|sont|etait|etaient|sera|seront|is|are|was|were|do|does|did|can|will)\b)\p{L}/u;

/** Pronouns standing for the topic anywhere in a short question. */
const PRONOUN =
  /\b(elle|il|ils|elles|ca|cela|dessus|dedans|la-dessus|celui-ci|celle-ci|ce dispositif|cette aide|cette structure|la structure|le dispositif|it|its|they|them|this|that|there)\b/;

/**
 * An object or adverbial pronoun standing for the topic before its verb (« qui l'a écrit ? », « on le demande où ? », « qui
 * s'en occupe ? », « qui en a la charge ? », « on y va comment ? »), folded: the subject just spoken of, not named again.
 * Not an article before a noun (« qui gère la plateforme ? », « l'agrément ») nor the impersonal « il y a ».
 */
const CLITIC =
  /(?<!\p{L})l'(?:a|ai|as|ont|avait|avaient|aura|auront|a-t-(?:il|elle|on))(?!\p{L})|(?<!\p{L})(?:(?:qui|on|je|tu|nous|vous|ne)\s+|n')(?:l'\p{L}|(?:le|la|les|lui|leur)\s+\p{L}|(?:en|y)\s+\p{L})|(?<!\p{L})s'en(?!\p{L})/u;

/** Whether a question counts or looks for the things just spoken of through « en » (see COUNTED_BY_EN). */
export function countsByEn(question: string): boolean {
  return COUNTED_BY_EN.test(foldedQuote(question));
}

/** Whether a question stands for its subject by an object or adverbial pronoun (see CLITIC). */
export function standsForTopicByClitic(question: string): boolean {
  return CLITIC.test(foldedQuote(question));
}

/**
 * A full object pronoun standing for the body or thing just spoken of before its verb (« qui la représentait… ? », « on les
 * joint comment… ? »), folded: not the elided « l' » (« qui l'a qualifié de… ? ») nor « en » and « y » (« on en obtient
 * un… ? »), which may stand for what the rest of the question names.
 */
const FULL_OBJECT_PRONOUN = /(?<!\p{L})(?:qui|on|je|tu|nous|vous|ne)\s+(?:le|la|les|lui|leur)\s+\p{L}/u;

/**
 * Whether a question stands for what was just spoken of by a full object pronoun (see FULL_OBJECT_PRONOUN), quoting no words of
 * its own (« qui l'a appelé « … » ? » names a thing of its own).
 */
export function standsForTopicByObject(question: string): boolean {
  return FULL_OBJECT_PRONOUN.test(foldedQuote(question)) && !/[«»"“”]/.test(question);
}

/** A message folded, with its apostrophes as « ' » (« l’adresse » → « l'adresse »). */
function foldedQuote(text: string): string {
  return fold(text)
    .replace(/[’`´‘]/g, "'")
    .trim();
}

/** A message folded as a run of words: apostrophes as « ' », no question or exclamation marks. */
function bareWords(text: string): string {
  return foldedQuote(text)
    .replace(/[?!.¿]+/g, " ")
    .trim();
}

/**
 * Whether `question` needs the previous turn to be understood. `contentTerms` is the
 * number of topic words it carries (analysed terms the knowledge knows) and `names`
 * whether one of them names a subject of its own (a rare word: "DLA", "MIESS", "SCOP"
 * — "c'est quoi le DLA ?" is a new question, "c'est gratuit ?" is not).
 */
export function isElliptic(question: string, contentTerms: number, names = false): boolean {
  const f = bareWords(question);
  const words = f.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  if (contentTerms === 0) return true;
  // « elle date de quand, cette SCOP ? » names a kind of subject with a demonstrative: the one just spoken of.
  // (one naming more than that asks its own question: « quelle part du capital détient-il dans celle-ci ? »)
  if (words.length <= 10 && contentTerms <= 2 && DEMONSTRATIVE.test(f)) return true;
  // "et la MIESS, elle est où ?" names its subject and asks its own question: it stands alone.
  if (names && answerType(f) !== "other") return false;
  // « et la Région a déjà fait ça ? », « il l'a refait depuis ? »: its verb stands for the action just spoken of (« faire
  // ça »), which it asks again of someone or some time: whatever else it names, it is read with that action.
  if (!names && words.length <= MAX_HYPOTHESIS_WORDS && PRO_VERB.test(f)) return true;
  if (/^(et|and|what about|how about)\b/.test(f) && words.length <= 8) return true;
  // « et si je suis seule pour l'instant, ça passe ? », "and what if we move?": a condition put to what was just said,
  // however many words state it, as long as it names no subject of its own.
  if (!names && HYPOTHESIS.test(f) && words.length <= MAX_HYPOTHESIS_WORDS) return true;
  if (names || contentTerms > 2) return false;
  // « et une fois qu'on l'a, il y a un suivi ? »: opening with « et », it adds a question to what was just said, and names
  // no subject of its own (no name, two topic words at most) however many small words it takes; not one setting its own
  // subject apart (« et le plafond par projet, il est de combien ? »).
  // (in English the opening "and" keeps the eight words above: a longer "and how many … did they …?" asks on its own)
  if (/^et\b/.test(f) && words.length <= MAX_ADDING_WORDS && !opensOnOwnSubject(f)) return true;
  // « combien de participants ? », « ya eu cb de salariés ? », "how many members?": a bare question of a few words whose
  // one topic word is what it asks about, of a subject it does not name: the one just spoken of.
  if (words.length <= MAX_BARE_WORDS && contentTerms <= 1 && BARE_ASKING.test(f)) return true;
  // « quel budget annuel ? », « quelle durée max ? »: a noun asked by « quel » alone, of a subject it does not name.
  // (« exactement », « au juste » only insist: « avec quelles structures au juste ? » asks no more than its noun)
  if (words.filter((w) => !INSISTING.has(w)).length <= MAX_BARE_WHICH_WORDS && BARE_WHICH.test(f)) return true;
  if (words.length <= 8 && ANAPHORIC.test(f)) return true;
  return words.length <= 8 && contentTerms <= 2 && (PRONOUN.test(f) || CLITIC.test(f));
}

/** An opening on a possessive standing for the body just spoken of (« et leur permanence… », « et son siège… », "and their office…"). */
const POSSESSIVE_OPENING = /^(?:(?:et|mais|ok|alors|and|but|so)\s+)(?:leur|leurs|son|sa|ses|their|its)\s+\p{L}/u;

/** Whether a follow-up opens on a possessive standing for the body just spoken of (see POSSESSIVE_OPENING). */
export function opensOnPossessive(question: string): boolean {
  return POSSESSIVE_OPENING.test(foldedQuote(question));
}

/** A subject set apart at the opening by a comma (« et le budget de l'axe 3, c'est combien ? », "and the MIESS, where is it?"). */
const OWN_SUBJECT_OPENING = /^(?:(?:et|mais|and|but)\s+)?(?:le|la|les|l'|the)\s?[^,;:?!]+,/;

/** Whether a question opens on a subject of its own that it sets apart (see OWN_SUBJECT_OPENING); `f` folded or not. */
export function opensOnOwnSubject(question: string): boolean {
  return OWN_SUBJECT_OPENING.test(foldedQuote(question));
}

/**
 * A comparison of what is spoken of with another thing (« c'est la même que… », « c'est pareil que… », « elle est
 * différente de… », "is it the same as…"), whose own subject is only a pronoun or « c'est » (folded).
 */
const COMPARED_WITH =
  /^(?:(?:et|mais|ok|alors|donc|and|but|so)\s+)?(?:est-ce que\s+)?(?:c'est|ce serait|ce sont|ca serait|ca reste|elle est|il est|elles sont|ils sont|is it|is that|is this|it's|it is|are they|they are)(?:\s+(?:bien|vraiment|donc|really|actually|just))?\s+(?:(?:le|la|les)\s+memes?(?:\s+chose)?\s+(?:que|qu')|pareil(?:le)?s?\s+(?:que|qu')|identiques?\s+(?:a|au|aux)\b|differente?s?\s+(?:de|du|des|d')|distincte?s?\s+(?:de|du|des|d')|the same(?:\s+thing)?\s+as\b|different from\b)/;

/**
 * Whether a follow-up compares what was just spoken of with a thing it names (« c'est la même que Gard centrale ? »,
 * "is it the same as the MIESS?"): it asks of its topic, not what the named thing alone is.
 */
export function comparesTopicWith(question: string): boolean {
  return COMPARED_WITH.test(foldedQuote(question).trim());
}

/** A name written in a message: an acronym (« la MIESS », « le DLA ») or a capitalised word after its first (« chez Acegaa »). */
const WRITTEN_NAME = /(?<!\p{L})\p{Lu}{2,7}(?!\p{L})|\s\p{Lu}\p{Ll}/u;

/**
 * Whether a follow-up names a subject of its own and asks a kind of thing of it (« elle est où la MIESS ? », « et l'URSCOP,
 * c'est qui le contact ? »): a place, a date, a figure or someone. Such a question, read with the topic, may be answered
 * with the topic's own thing; read alone, it is answered about the subject it names.
 */
export function asksKindOfNamed(question: string): boolean {
  const kind = askedKind(question);
  return kind !== "other" && kind !== "yesno" && kind !== "definition" && WRITTEN_NAME.test(question.trim());
}

/** A pronoun standing for a subject (« et ça fait quelle part… ? », « elles sont combien ? »), not an impersonal « il y a ». */
const STANDING_PRONOUN = /\b(?:ca|cela|elle|elles|ils|it|they|them)\b|\bil\b(?!\s+(?:y|faut|existe|reste|s'agit)\b)/;

/**
 * Whether an elliptic follow-up's subject is a pronoun standing for what was just spoken of (« et ça fait quelle part de
 * l'emploi salarié ? »): its words alone name no subject, whatever another subject's passages they happen to match.
 */
export function subjectIsPronoun(question: string): boolean {
  const f = fold(question).replace(/[’`]/g, "'");
  return STANDING_PRONOUN.test(f) || CLITIC.test(f);
}

/** Words announcing a new subject (« ok autre sujet : … », « autre question : … », "different topic: …"). */
const TOPIC_SWITCH =
  /^(?:(?:ok|okay|bon|bien|d'accord|merci|alors|et|right|thanks|so)[\s,.!]+)*(?:(?:une |a )?autre (?:sujet|question|chose|point)|changement de sujet|changeons de sujet|on change de sujet|rien a voir|sans rapport|nouvelle question|(?:an)?other (?:question|topic|subject|thing)|different (?:question|topic|subject)|new (?:question|topic|subject)|on another note|unrelated|changing (?:the )?subject)\b(?!\s*(?:que|qu'|than|de plus)\b)/;

/**
 * Whether a message announces that it asks about another subject (« ok autre sujet : le DLA c'est pour qui ? »,
 * "different topic: who runs the CRESS?"): it is read alone, whatever the conversation was about.
 */
export function switchesTopic(question: string): boolean {
  return TOPIC_SWITCH.test(fold(question).replace(/[’`]/g, "'").trim());
}

/**
 * A message announcing another subject without its announcement (« ok autre sujet : le DLA c'est pour qui ? » → « le DLA
 * c'est pour qui ? »): its words (« sujet », "topic") are no part of what is asked. Null when it announces none, or
 * nothing follows the announcement.
 */
export function withoutTopicSwitch(question: string): string | null {
  const text = question.trim();
  const m = TOPIC_SWITCH.exec(fold(text).replace(/[’`]/g, "'"));
  if (!m) return null;
  // (folding keeps the length of the text: the announcement ends at the same place in it)
  const rest = text.slice(m[0].length).replace(/^[\s,.:;!?–—-]+/, "");
  return rest.length > 0 ? rest : null;
}

/** An interrogative of a question's own: a reason, a manner, a time, a place, a person, a thing (folded). */
const OWN_INTERROGATIVE = /\b(?:pourquoi|comment|quand|ou|qui|quoi|quel|quelle|quels|quelles|why|how|when|where|who|what|which)\b/;

/**
 * A topic (see withTopic) without the conditions put to it by the turns before (« et si l'administration ne répond pas ? »
 * after a question on an approval), for a follow-up (`question`) that asks a thing of its own in words the condition does
 * not hold (« ça apporte quoi d'être agréé ? »): the condition held for the turn that put it, the subject goes on. The
 * topic is kept whole for a follow-up that is itself a condition, asks nothing of its own (« et ça prend combien de
 * temps ? ») or speaks of the condition's words, and when nothing but conditions is left.
 */
export function withoutConditions(topic: string, question: string): string {
  const f = foldedQuote(question);
  if (HYPOTHESIS.test(f) || !OWN_INTERROGATIVE.test(f)) return topic;
  const parts = topic.split(TOPIC_JOIN);
  const mine = new Set(analyze(question));
  const kept = parts.filter((p) => {
    const part = foldedQuote(p);
    return !HYPOTHESIS.test(part) || analyze(p).some((t) => mine.has(t));
  });
  return kept.length > 0 && kept.length < parts.length ? kept.join(TOPIC_JOIN) : topic;
}

/**
 * A topic (see withTopic) without the turns that only asked a time of the subject through a pronoun (« il court jusqu'à
 * quand ? », « elle se termine quand ? »), for a follow-up (`question`) asking another kind of thing of that subject (« il
 * parle des SCIC ? », « qui l'a écrit ? ») in words none of them holds: their words (« court ») name no subject and would
 * draw another subject's time. (not a count, « combien d'entre elles sont des agglomérations ? », which may name the
 * things the follow-up then asks of) The turn that named the subject is never
 * dropped (it is the last part), and the topic is kept whole for a follow-up asking a time or a quantity itself or
 * adding only a case to the measure asked (« et en 2025 ? »).
 */
export function withoutAskedMeasures(topic: string, question: string): string {
  const mine = answerType(question);
  if (mine === "date" || mine === "number") return topic;
  // (one that neither stands for the subject by a pronoun nor asks a thing of its own, « et en 2025 ? », asks the same
  // measure again of another case: the turn asking it goes on)
  if (!subjectIsPronoun(question) && !OWN_INTERROGATIVE.test(foldedQuote(question))) return topic;
  const parts = topic.split(TOPIC_JOIN);
  if (parts.length < 2) return topic;
  const own = new Set(analyze(question));
  const kept = parts.filter((p, i) => {
    if (i === parts.length - 1) return true;
    return !(answerType(p) === "date" && subjectIsPronoun(p) && !analyze(p).some((t) => own.has(t)));
  });
  return kept.length < parts.length ? kept.join(TOPIC_JOIN) : topic;
}

/** Ordinal words and the rank they say (« le premier », « la 3e », "the second one"). */
const ORDINALS: Record<string, number> = {
  premier: 1,
  premiere: 1,
  "1er": 1,
  "1ere": 1,
  first: 1,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  "2e": 2,
  "2eme": 2,
  "2nd": 2,
  troisieme: 3,
  "3e": 3,
  "3eme": 3,
  third: 3,
  "3rd": 3,
  quatrieme: 4,
  "4e": 4,
  "4eme": 4,
  fourth: 4,
  "4th": 4,
  cinquieme: 5,
  "5e": 5,
  "5eme": 5,
  fifth: 5,
  "5th": 5,
};
const ORDINAL = new RegExp(`\\b(le|la|l'|the)\\s+(${Object.keys(ORDINALS).join("|")})\\b(?:\\s+(?:one|un|une))?`);
/**
 * A list asked for in a question (« quels sont les axes du schéma ? », "what are the measures?") or counted (« il a
 * combien d'axes ? », "how many measures?"): its plural noun.
 */
const LISTED =
  /\b(?:(?:les|des|ses|leurs|the|its|their|combien de|how many)\s+|combien d')(?:(?:grands|grandes|principaux|principales|differents|differentes|quatre|cinq|trois|main|key|different|four|five|three)\s+)?(\p{L}{3,}(?:s|x))\b/u;

/**
 * A follow-up naming an item of a list by its rank (« et le premier, il vise quoi ? » after « quels sont les axes du
 * schéma ? ») rewritten to name it (« et l'axe 1, il vise quoi ? »). Null when it names no rank or the previous
 * question asked no list.
 */
export function resolveOrdinal(question: string, previous: string): string | null {
  const f = fold(question).replace(/[’`]/g, "'");
  const m = ORDINAL.exec(f);
  if (!m) return null;
  const list = previous
    .split(TOPIC_JOIN)
    .map((part) => LISTED.exec(fold(part).replace(/[’`]/g, "'")))
    .find((l) => l !== null);
  if (!list) return null;
  const plural = list[1]!;
  const noun = plural.endsWith("aux") ? `${plural.slice(0, -3)}al` : plural.slice(0, -1);
  const rank = ORDINALS[m[2]!]!;
  // « le premier axe » names the noun already: the rank is what is rewritten.
  const rest = f.slice(m.index + m[0].length).replace(new RegExp(`^\\s+(?:${noun}|${plural})\\b`), "");
  const article = m[1] === "the" ? "the " : /^[aeiouyh]/.test(noun) ? "l'" : `${m[1] === "l'" ? "le" : m[1]} `;
  return `${f.slice(0, m.index)}${article}${noun} ${rank}${rest}`;
}

/**
 * A follow-up naming only the next or the previous one of a thing, without its noun (« et la suivante ? », « et la prochaine,
 * c'est quand ? », "and the next one?", « et celle d'avant ? »), folded: group 1 the next, group 2 the previous.
 */
const BARE_SEQUEL =
  /^(?:(?:et|mais|ok|alors|and|so|what about|how about)[\s,]+)?(?:(?:la|le|les|l'|the)\s+)?(?:(prochaine|prochain|prochaines|prochains|suivante|suivant|suivantes|suivants|next|following)|(precedente|precedent|precedentes|precedents|previous|earlier|celle d'avant|celui d'avant|one before))(?:\s+(?:one|fois|time))?(?:[\s,]+(?:alors|donc|c'est quand|ce sera quand|c'etait quand|elle a lieu quand|when|when is it|when was it|then))?$/;

/**
 * The follow-up naming only the next or the previous one of what a date question just asked of (« et la prochaine ? » after
 * « la dernière rencontre, c'était quand ? »): the next or previous edition of that event, asked by its date
 * (« la prochaine édition, c'est quand ? »), so that the sources' earlier editions answer the previous one and the known gap
 * of future dates refuses the next one. Null when the follow-up names a noun of its own or when no question of the topic
 * asked a date (« et le suivant ? » after a list is a rank, see resolveOrdinal).
 */
export function resolveSequel(question: string, topic: string): string | null {
  const m = BARE_SEQUEL.exec(bareWords(question).replace(/\s+/g, " "));
  if (!m) return null;
  if (!topic.split(TOPIC_JOIN).some((part) => answerType(part) === "date")) return null;
  const english =
    /\b(?:next|following|previous|earlier|one before|and|so|what about|how about|the)\b/.test(bareWords(question)) &&
    !/\b(?:et|la|le)\b/.test(bareWords(question));
  if (m[1]) return english ? "and the next edition, when is it?" : "et la prochaine édition, c'est quand ?";
  return english ? "and the previous edition, when was it?" : "et la précédente édition, c'était quand ?";
}

/** A date asked of a role held (« depuis quand », « en poste depuis », "since when", "how long has she been…", "took office"), folded. */
const SINCE_WHEN_HELD =
  /\b(?:depuis quand|depuis qd|depuis combien de temps|en (?:poste|fonction|place) depuis|since when|how long (?:has|have|had) (?:she|he|they)|in office since|took office|(?:elue?|nommee?) (?:quand|en quelle annee)|(?:when|what year) (?:was|were) (?:she|he|they) (?:elected|appointed))\b/;
/** The only other words of such a follow-up: pronouns for the person just named, the role and the asking words. */
const HELD_WORDS = new Set(
  (
    "et mais alors donc ok and so but elle il ils elles she he they est etait sont c is was are been be has have had la ici " +
    "there here en au a in at on the this that ce cette son sa her his their poste fonction fonctions place role mandat office " +
    "post job seat occupe occupes occupies hold holds held elue elu elected nommee nomme appointed took depuis quand qd combien de " +
    "temps since when how long what year annee quelle t exactement precisement deja already"
  ).split(" "),
);

/**
 * Whether a follow-up asks only since when the person just named holds the role (« elle est là depuis quand ? », « en
 * poste depuis quand ? », "since when?", "how long has she been in office?"): no subject of its own (« depuis quand
 * existe la vice-présidence ? » names one).
 */
export function asksSinceWhenHeld(question: string): boolean {
  const f = fold(question)
    .replace(/[’'`-]/g, " ")
    .replace(/[?!.,;:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return SINCE_WHEN_HELD.test(f) && f.split(" ").every((w) => HELD_WORDS.has(w));
}

/** A follow-up asking only the reason of what was just said (« pourquoi ? », « mais pourquoi donc ? », "why not?"), folded. */
const BARE_WHY =
  /^(?:(?:et|mais|ok|alors|ah|and|but|so)[\s,]+)?(?:pourquoi|pour quelle raison|comment ca se fait|why|how come)(?:\s+(?:ca|cela|donc|pas|non|alors|not|so|that|is that))*$/;

/** Whether a follow-up asks only the reason of what was just said (see BARE_WHY). */
export function asksBareWhy(question: string): boolean {
  return BARE_WHY.test(bareWords(question).replace(/\s+/g, " "));
}

/** A sentence denying a possibility or a right (« le Département ne peut plus… », « n'est pas éligible », "cannot"), folded. */
const DENIAL = /\b(?:ne|n')\s*(?:\p{L}+\s+){0,3}?(?:pas|plus|jamais)\b|\b(?:cannot|can't|can no longer|is not|are not|isn't|aren't|not eligible)\b/u;

/**
 * The sentence of a reply that denies a possibility (« Depuis la loi NOTRe, le Département ne peut plus accorder d'aide
 * économique directe à une entreprise. »): what a bare « pourquoi ? » after it asks the reason of, when the reply's lead
 * only names options (a project's pistes). Null when no sentence denies anything.
 */
export function deniedClaim(reply: string): string | null {
  const sentences = reply
    .replace(/\*\*/g, "")
    .replace(/\s*\[\d+\]/g, "")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 20);
  return sentences.find((x) => DENIAL.test(foldedQuote(x))) ?? null;
}

/** A reply whose lead is a plain « Non : », "No:" (a yes/no question answered in the negative). */
const DENIAL_LEAD = /^\s*(?:\*\*)?(?:non|no)\s*(?:\*\*)?\s*[:,.]/i;

/** Whether a reply opens on a plain denial (see DENIAL_LEAD). */
export function deniesAtLead(reply: string): boolean {
  return DENIAL_LEAD.test(reply);
}

/**
 * A statement of how many the person's own group is (« en fait nous ne sommes que deux associations », « on est que deux
 * structures », "actually we're only two"), folded: a fact put against what was just answered, no project of its own.
 */
const OWN_COUNT =
  /^(?:(?:en fait|en realite|finalement|sauf que|mais|non|bon|ah|actually|in fact|well|but|no)[\s,]+)*(?:nous (?:ne )?sommes|on (?:n'|ne )?est|on n'est|we(?:'re| are))\s+(?:(?:que|seulement|juste|only|just|actually)\s+)*(?:\d+|un|une|deux|trois|quatre|cinq|six|seul|seule|seuls|seules|one|two|three|four|five|six|alone)\b/;
/** Words of such a statement (see OWN_COUNT): a longer message describes more than a count. */
const MAX_OWN_COUNT_WORDS = 10;

/** Whether a follow-up only states how many the person's own group is (see OWN_COUNT), asking nothing. */
export function statesOwnCount(text: string): boolean {
  const f = bareWords(text).replace(/\s+/g, " ");
  return !/\?/.test(text) && f.split(" ").length <= MAX_OWN_COUNT_WORDS && OWN_COUNT.test(f);
}

/**
 * A bare follow-up counting another thing (« et combien de départements ? », « et d'associations ? ») after a question
 * counting things (« combien de communes compte la métropole ? »): only the counted thing changes, what it is counted of
 * stays.
 */
const BARE_COUNT = /^(?:(?:et|mais|ok|alors|and)\s+)?(?:(?:combien|cb|cbn)\s+)?(?:de\s+|d')(\p{L}[\p{L}-]{2,})(?:\s+(?:en tout|au total|aussi))?$/u;
/** The counted noun of a question, as written (« combien de communes », « nombre d'intercommunalités »). */
const COUNTED_AS_WRITTEN = /\b((?:combien|cb|cbn|nombre)\s+)(?:de\s+|d['’])(\p{L}[\p{L}-]*)/iu;

/** Whether a follow-up only counts a thing (« et combien de départements ? », « et d'associations ? »); see swapCounted. */
export function countsBare(question: string): boolean {
  return BARE_COUNT.test(bareWords(question));
}

/**
 * The previous question asked again of the thing a bare follow-up counts instead (« et d'intercommunalités ? » after
 * « combien de communes compte le Gard ? » → « combien d'intercommunalités compte le Gard ? »): the follow-up swaps the
 * counted thing, not the subject. Null when the follow-up says more than the thing it counts, when either counts a
 * measure (people, money, time: « et combien d'habitants ? » asks of the things just counted) or the same thing.
 */
export function swapCounted(question: string, previous: string): string | null {
  const f = bareWords(question);
  const m = BARE_COUNT.exec(f);
  if (!m) return null;
  const noun = m[1]!;
  const [asked = "", ...before] = previous.split(TOPIC_JOIN);
  const counted = COUNTED_AS_WRITTEN.exec(asked);
  if (!counted) return null;
  // (the person's own spelling of the new noun, accents and capitals included)
  const written = question.match(/(?:de\s+|d['’`])(\p{L}[\p{L}-]{2,})/iu)?.[1] ?? noun;
  const mine = countedNoun(`combien de ${written}`);
  const theirs = countedNoun(`combien de ${counted[2]!}`);
  if (mine === null || theirs === null || mine === theirs) return null;
  const elided = /^[aeiouyhéèêàâîôû]/iu.test(written) ? `d'${written}` : `de ${written}`;
  const swapped = `${asked.slice(0, counted.index)}${counted[1]}${elided}${asked.slice(counted.index + counted[0].length)}`;
  // (a previous question itself read with its topic, « il en compte combien d'axes ? », keeps it: only its count is swapped)
  return [swapped, ...before].join(TOPIC_JOIN);
}

/**
 * A bare follow-up naming only a thing (« et de salariés ? », « et d'emplois ? ») after a question counting things
 * (« combien de structures ESS dans le Gard ? ») asks that count too: « et combien de salariés ? ». Null when the
 * follow-up already asks « combien », says more than its noun, or the previous question counts nothing.
 */
export function bareCountAsked(question: string, previous: string): string | null {
  const f = bareWords(question);
  const m = BARE_COUNT.exec(f);
  if (!m || /\b(?:combien|cb|cbn)\b/.test(f)) return null;
  const [asked = ""] = previous.split(TOPIC_JOIN);
  if (!COUNTED_AS_WRITTEN.test(asked)) return null;
  const written = question.match(/(?:de\s+|d['’`])(\p{L}[\p{L}-]{2,})/iu)?.[1] ?? m[1]!;
  const elided = /^[aeiouyhéèêàâîôû]/iu.test(written) ? `d'${written}` : `de ${written}`;
  return `et combien ${elided} ?`;
}

/**
 * A question asking whether its subject, set apart, is of some kind (« Gard centrale, c'est juste une plateforme ? », « le
 * DLA c'est bien un financement ? »): the subject, then the kind it is compared to. Without a word that restricts or
 * confirms (« juste », « bien »…), « le schéma c'est une obligation légale ? » asks a property of its subject, which a
 * follow-up naming another subject (« et le SPASER alors ? ») asks again.
 */
const ASKS_KIND =
  /^(.*?\p{L}.*?)\s*,?\s+(?:c'est|c est|ce n'est|ce n est|est-ce|est-ce que c'est|is it|is that)\s+(?:(?:pas\s+)?(?:juste|seulement|bien|vraiment|uniquement|simplement|plutot|plutôt|que|qu'|only|just|really)\s*)+(?:une?|des|du|de la|a|an)\s+[^,;:?!]+?\s*\??$/iu;

/**
 * The subject of a question asking whether it is of some kind (« Gard centrale, c'est juste une plateforme ? » →
 * « Gard centrale »): a follow-up goes on with that subject (« et on y dépose quoi ? »), not with the kind it was
 * compared to, whose own passages (what a platform is in general) would answer it instead. The question itself when it
 * has no such shape or its subject is a pronoun alone (« ça, c'est une aide ? »).
 */
export function subjectCompared(question: string): string {
  const m = ASKS_KIND.exec(question.replace(/[’`´‘]/g, "'").trim());
  if (!m) return question;
  const subject = m[1]!.trim();
  return analyze(subject).length > 0 && !/^(?:ca|cela|ce|it|that|this)$/i.test(fold(subject)) ? subject : question;
}

/** The questions of a topic (see withTopic), each without the kind its subject was compared to (see subjectCompared). */
export function topicSubjects(topic: string): string {
  return topic
    .split(TOPIC_JOIN)
    .map((q) => subjectCompared(q))
    .join(TOPIC_JOIN);
}

/** The text to search for a follow-up: the new question, then the previous topic. */
export function withTopic(question: string, previous: string): string {
  return `${question.trim()}${TOPIC_JOIN}${previous.trim()}`.slice(0, 1200);
}

/** Two or more capitalised words in a row (« La Grande Bobine », « Charles Gide »): a proper name. */
const NAME = /\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)+/gu;

/**
 * The proper names the first sentence of a reply names (« Le Département a confié à La Grande Bobine… »): what a
 * follow-up's pronoun or demonstrative (« elle », « cette SCOP ») most likely stands for. At most `max`.
 */
export function leadNames(reply: string, max = 3): string[] {
  const lead = reply.replace(/^[^\n]*\n\n/, (m) => (/^(The sources|Les sources)/.test(m) ? "" : m)).split(/(?<=[.!?])\s|\n/)[0] ?? "";
  const names = [...new Set([...lead.matchAll(NAME)].map((m) => m[0]))];
  // (a one-word name elided after « l' » or « d' », « le microcrédit de l'Adie », when the sentence names no longer one)
  const single = names.length ? [] : [...lead.matchAll(ELIDED_NAME)].map((m) => m[0]).filter((n) => !PLACE_NAMES.has(fold(n)));
  // (a structure named after its kind's acronym, « la SCIC Gard et Autonomie », with that kind: « cette SCIC » points at it)
  const kinded = [...lead.matchAll(KIND_NAMED)].map((m) => m[0].trim());
  return [...new Set([...names, ...single, ...kinded])].slice(0, max);
}

/** A one-word name after an elided article or preposition (« l'Adie », « d'Airdie »). */
const ELIDED_NAME = /(?<=(?:^|[\s(])[ldLD]['’])\p{Lu}\p{Ll}{2,}(?![\p{L}'’-])/gu;
/** Places and public bodies written after « l' » or « d' » that name no organisation a follow-up asks of. */
const PLACE_NAMES = new Set(["europe", "occitanie", "etat", "herault", "ardeche", "aude", "union", "agglomeration", "ess", "economie", "association"]);

/**
 * Whether a follow-up points back with a demonstrative (« cette SCOP », « celui-là », "that company") at what was just
 * named; a plain pronoun (« il », « elle ») may stand for the whole topic.
 */
export function pointsBack(own: string): boolean {
  return DEMONSTRATIVE.test(fold(own).replace(/[’`]/g, "'"));
}

/** What joins a follow-up to the topic it is read with. */
const TOPIC_JOIN = " — ";

/**
 * The questions before a follow-up, in its reading with the topic (see withTopic): the part after the first join, back
 * to the conversation's last self-contained question. Empty when the question carries no topic.
 */
export function previousQuestions(question: string): string {
  const at = question.indexOf(TOPIC_JOIN);
  return at < 0 ? "" : question.slice(at + TOPIC_JOIN.length).trim();
}

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

/** « où » written with its accent: "where", never the "or" of a choice. */
const ACCENTED_WHERE = /(?<!\p{L})où(?!\p{L})/u;
/** « où » ("where") asked anywhere in a follow-up, accents or not: « c'était où le vote ? », « le vote a eu lieu où ? ». */
const WHERE =
  /(?<!\p{L})où(?!\p{L})|\b(?:c'?est|c'?etait|est|sont|etait|se trouve|se passe|a eu lieu|basee?s?)\s+ou\b|\bou\s+(?:est|sont|se|ca|c'?est|c'?etait|etait)\b|\bwhere\b/u;

/** « qui » asked anywhere in a follow-up: « et dans le Gard c'est qui qui le porte ? », « ça dépend de qui ? ». */
const WHO =
  /\bc'?est qui\b|\bc qui\b|\b(?:laquelle|lequel|lesquel(?:le)?s|which (?:one|ones|organi[sz]ations?|structures?|cooperatives?|compan(?:y|ies)|bod(?:y|ies)))\b|\bqui qui\b|\b(?:de|par|avec|aupres de|chez) qui\b|\b(?:demand\w*|adress\w*|envo\w*|ecri\w*|depos\w*|transmet\w*|present\w*|pass\w*|parl\w*|signal\w*|adresse\w*) (?:a|devant) qui\b|\bqui (?:le|la|les|l'|s'en|en|y)\s*(?:porte|gere|organise|anime|finance|pilote|dirige|s'occupe|occupe|charge|instruit|decide|accompagne)\w*/;

/**
 * A follow-up asking whether its subject has a limit (« y a une limite ? », « c'est plafonné ? », « il y a un montant
 * maximum ? », "is there a cap?"): it asks that limit, a figure, not a « oui » alone.
 */
const LIMIT_ASKED = /\b(?:limite|limites|plafond|plafonds|plafonnee?s?|maximum|max|maxi|capped|ceiling|limit|limits)\b/;
/**
 * Words asking of a limit something else than its figure (« la limite d'âge », « date limite », « limite de temps »), or
 * a restriction (« c'est limité aux associations ? »).
 */
const LIMIT_OTHER =
  /\b(?:date|dates|delai|age|temps|deadline|time)\s+(?:limite|limit)\b|\b(?:limite|limit)\s+(?:d'age|de temps|de date|de depot|date)\b|\blimites? (?:du|de la|des) (?:territoire|commune|departement|quartier|zone)\b|\blimitee?s?\s+(?:a|aux|au)\b/;

/** Whether a follow-up asks whether its subject has a limit (see LIMIT_ASKED), which a figure answers. */
export function asksLimit(own: string): boolean {
  const f = foldedQuote(own);
  return LIMIT_ASKED.test(f) && !LIMIT_OTHER.test(f);
}

/**
 * A figure's noun asked like a definition (« c'est quoi le plafond ? », « c'est quoi le seuil pour une asso ? », "what's the
 * cap?"), folded: the figure is asked, not what a ceiling is. A few words may say of what (« le plafond du prêt »).
 */
const FIGURE_DEFINED =
  /^(?:(?:et|mais|ok|alors|and|so)\s+)?(?:c'?est quoi|c quoi|what(?:'s| is))\s+(?:le|la|l'|the|its|son|sa|leur)\s*(?:plafond|montant|seuil|taux|maximum|minimum|max|cap|ceiling|amount|threshold)\b(?:\s+[\p{L}'-]+){0,4}\s*\??$/u;

/** What a follow-up asks for: answerType's reading, « où » anywhere meaning a place, a limit asked meaning a figure. */
export function askedKind(own: string): ReturnType<typeof answerType> {
  const type = answerType(own);
  // « c'est quoi le plafond ? », "what's the threshold?": what a figure is, asked like a definition, is that figure
  if ((type === "definition" || type === "other") && FIGURE_DEFINED.test(foldedQuote(own))) return "number";
  if (type !== "other" && type !== "yesno") return type;
  if (asksLimit(own)) return "number";
  // « et quel conseiller l'a défendu ? », "which councillor?": a person is asked
  if (asksPerson(own)) return "who";
  // "how long does it last?", « quelle durée ? »: a duration is a figure, though asked without « combien ».
  if (asksDuration(own)) return "number";
  const text = own.toLowerCase().replace(/[’`]/g, "'");
  // (« c'est obligatoire ou c'est un choix ? » puts a choice: its « ou » is "or", unaccented; only « où » asks a place)
  if (choiceOffered(own) ? ACCENTED_WHERE.test(text) : WHERE.test(text) || WHERE.test(fold(text))) return "where";
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
/** A territory named as where something is (« dans le Gard », « en Occitanie », « dans les Cévennes »), not « le Département du Gard ». */
const TERRITORY =
  /\b(?:en|dans (?:le|la|les)|partout dans (?:le|la|les))\s+(?:Gard|Occitanie|Cévennes|Camargue|Hérault|Lozère|Vaucluse|Ardèche|Bouches-du-Rhône)\b/u;
/** A street address (« 3 rue … », « 12, avenue … »). */
const STREET = /\b\d+(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|place|quai|allée|impasse|route)\s/iu;

/**
 * Whether a text says where something is, what a follow-up asking « où ? » needs: a commune (« à Nîmes », « au Spot, à
 * Alès »), a territory (« dans le Gard »), a street address or a web address. A capitalised name after « à » is not
 * enough: « confié à La Grande Bobine » names who, not where.
 */
export function givesPlace(text: string): boolean {
  return WEB_ADDRESS.test(text) || TERRITORY.test(text) || STREET.test(text) || VENUE.test(text) || findCommunesInText(text).length > 0;
}

/**
 * A named venue (« à l'Espace Diderot », « au Pont du Gard », « dans l'hémicycle Simone-Veil »): where a meeting or an
 * event took place, though it names no commune.
 */
const VENUE =
  /(?:^|[\s(])(?:à|au|aux|dans|en)\s+(?:l['’]|la\s+|le\s+|les\s+)?(?:Espace|Maison|Salle|Hôtel|Palais|Pont|Parc|Centre|Domaine|Halle|Théâtre|Musée|Château|Abbaye|Cité|Campus|hémicycle|Hémicycle)\s+\p{Lu}/u;

/** An occasion named as where something was said or shown (« lors des Rencontres de l'achat responsable », « au Forum … »). */
const OCCASION =
  /\b(?:lors d(?:e|u|es)|à l'occasion d(?:e|u|es)|pendant l(?:e|a|es)|au cours d(?:e|u|es))\s+(?:(?:la|le|l['’]|les)\s*)?(?:\p{Ll}+\s+)?\p{Lu}\p{Ll}/u;

/** A follow-up asking where something was said or shown (« elle a été présentée où ? », « annoncé où ? »): an occasion answers it. */
const WHERE_SHOWN = /\b(?:presente|annonce|devoile|lance|evoque|expose|signe|dit)e?s?\b/;

/** Whether a text says where, for a follow-up (`own`) asking it: a place (see givesPlace), or an occasion for one asking where a thing was shown. */
export function givesWhere(own: string, text: string): boolean {
  return givesPlace(text) || (WHERE_SHOWN.test(fold(own)) && OCCASION.test(text));
}

/** A person's name in an answer (« Hélène Meunier »). */
const PERSON = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}[\p{Ll}-]+/u;

/**
 * Words that open two capitalised words which are no person's name: articles and prepositions at a sentence's start
 * (« Le Conseil… », « Pour Alès… ») and the words territories and bodies of the Gard are named with (« Pays Cévenol »,
 * « Gard Rhodanien », « Pont du Gard », « Conseil départemental », « Maison départementale »).
 */
const NOT_A_FIRST_NAME =
  "Le|La|Les|L|Un|Une|Du|De|Des|Au|Aux|En|Et|Ou|Pour|Par|Dans|Sur|Avec|Chez|Depuis|Entre|Selon|Ce|Cet|Cette|Ces|Son|Sa|Ses|Leur|Leurs|The|A|An|In|At|On|For|By|Of|Pays|Gard|Pont|Saint|Sainte|Vallée|Haute|Basse|Costières|Terre|Terres|Conseil|Département|Région|Maison|Mois|Rencontres|Espace|Communauté|Métropole|Agglo|Initiative|France|Occitanie";
/**
 * A person's name (« Hélène Meunier », « Françoise Laurent-Perrigot »), not a place or a body named in capitalised words
 * (nor the tail of one: « Grande Bobine » in « La Grande Bobine »).
 */
const NAMED_PERSON = new RegExp(
  String.raw`(?<![\p{L}'’])(?<!\p{Lu}[\p{L}'’-]*\s+)(?!(?:${NOT_A_FIRST_NAME})(?![\p{L}]))\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}[\p{Ll}-]+`,
  "u",
);
/** A public body that runs or decides a thing (« le Département du Gard », « la Région Occitanie », "the State"). */
// (read between letters, not \b: « L'État » opens on an accented capital, which \b does not see as a word's start)
const PUBLIC_BODY =
  /(?<!\p{L})(?:Département|Region|Région|Conseil départemental|Conseil régional|État|Etat|Préfecture|Department|State|Banque des Territoires|Caisse des Dépôts|Fonds social européen|Union européenne|European Social Fund|European Union)(?!\p{L})/u;
/** Who did a thing, named after « par » or "by" (« animée par La Grande Bobine », "run by the URSCOP"). */
const AGENT = /\b(?:par|by)\s+(?:(?:la|le|les|l['’]|the)\s*)?\p{Lu}/u;
/** A group of people asked by « qui » (« qui étaient les participants ? », "who were the attendees?"), folded. */
const GROUP_ASKED =
  /\b(?:participants?|participantes?|membres?|beneficiaires?|publics?|invites?|adherents?|attendees|participants|members|beneficiaries|audience)\b/;
/** Kinds of people named in a text (« des partenaires, des élus et des agents »), folded. */
const PEOPLE_KINDS =
  /\b(?:partenaires|elus|elues|agents|habitants|associations|structures|acteurs|entreprises|salaries|benevoles|citoyens|professionnels|collectivites|partners|officials|residents|organisations|organizations|volunteers|staff)\b/;
/** A follow-up asking a person (« quelle élue ? », « quel conseiller ? », "which councillor?"), folded. */
const PERSON_ASKED =
  /\b(?:quel(?:le)?s? (?:elue?s?|conseill(?:er|ere)s?|vice presidente?s?)|(?:which|what) (?:councillors?|elected (?:officials?|members?|representatives?)|officials?|vice presidents?))\b/;
/** Whether a follow-up asks a person (see PERSON_ASKED). */
export function asksPerson(own: string): boolean {
  return PERSON_ASKED.test(fold(own).replace(/[’`-]/g, (c) => (c === "-" ? " " : "'")));
}

/**
 * A question asking what a place just named holds (« il y a quoi là-bas ? », « qu'est-ce qu'on y trouve ? », « y a quoi
 * dedans ? », "what's there?", "what is in it?"), folded.
 */
const ASKS_WHAT_THERE =
  /^(?:et |mais |alors |and |so )?(?:(?:il )?y a quoi(?: (?:la bas|la-bas|la|dedans|dans ce lieu|sur place))?|qu'?est[- ]ce qu'?(?:il y a|on y trouve)(?: (?:la bas|la-bas|la|dedans|sur place))?|on y trouve quoi|what(?:'s| is) (?:there|in there|in it|inside)|what(?: else)? (?:is|can you find|can we find) there)\s*\??\s*$/;
/** A text saying what a place houses (« il réunit des services… », « accueille », "it houses"), folded. */
const HOUSES = /\b(?:reunit|reunissent|accueille|accueillent|abrite|abritent|regroupe|regroupent|heberge|hebergent|houses|hosts|brings together)\b/;

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
  // (« il y a quoi là-bas ? », "what's in there?" after a place: what the place houses, which a card saying it does answers)
  if (ASKS_WHAT_THERE.test(foldedQuote(own)) && HOUSES.test(fold(text))) return true;
  // (« il couvre quelle période ? » after a card naming « 2022-2027 »: the span asked is that range, however it is worded)
  if (SPAN_ASKED.test(foldedQuote(own)) && YEAR_RANGE.test(text)) return true;
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
      return givesWhere(own, text);
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
/** Pronouns standing for the subject of the turn before (« elles sont où ? », "where are they?"): no subject word of their own. */
/**
 * Words standing for a subject just spoken of, pronouns and the adverbs that stand for it as a place (« dessus », « dedans »:
 * « y a des exemples dessus ? »), analysed: no subject of a follow-up's own.
 */
export const PRONOUN_TERMS = analyze(
  "il ils elle elles lui leur leurs eux celui celle ceux celles cela it its they them their this that these those dessus dedans",
);

export const ASKING_TERMS: ReadonlySet<string> = new Set(
  analyze(
    "porte porter porté gère gérer géré organise organiser organisé anime animer pilote piloter dirige diriger occupe occuper charge instruit instruire décide décider trouve trouver situé basé installé ville lieu endroit adresse date jour mois année déroule tenu passe passent passait déroulent déroulait trouvent tient tiennent tenait tenaient situées gros grosse peuplé peuplée peuplées biggest largest populous",
  ).concat(PRONOUN_TERMS),
);

/**
 * The words of an English text written as names (« Gard centrale », "SCIC", "Nîmes", "2025"): capitalised words that do
 * not open a sentence, acronyms and figures. An English follow-up's other words (« open », « based », « run ») ask
 * what is wanted of the subject, and match the French passages only loosely: they are no subject words of its own.
 */
export function namedWords(text: string): string {
  return [...text.matchAll(/(^|[.!?;:—–]\s*|\s)([\p{L}\p{N}'’-]+)/gu)]
    .filter(([, before, w]) => /\p{N}/u.test(w!) || /^\p{Lu}{2,}/u.test(w!) || (/^\p{Lu}/u.test(w!) && before !== "" && !/[.!?;:—–]/.test(before!)))
    .map(([, , w]) => w)
    .join(" ");
}

/** Words asking how much money (« il a touché combien ? », « ça finance combien ? »): a figure that is no sum does not answer them. */
const MONEY =
  /\b(touche\w*|recu\w*|percu\w*|finance\w*|financ\w*|verse\w*|subvention\w*|argent|euros?|budget|montant|cout\w*|paye\w*|prix|dote\w*|money|paid|receive\w*|funding|budget|cost\w*)\b|\bjusqu'?a combien\b|\bcombien (?:au )?max/;

/** Organisations named by their acronym (« l'URSCOP », « la CRESS »), not the ESS itself; one the question names is no answer to « qui ? ». */
const ACRONYMS = /(?<!\p{L})(?!ESS(?!\p{L}))\p{Lu}{3,}(?!\p{L})/gu;
/** An organisation named after what it is (« l'association Terres Vives », « la coopérative Oxalis »). */
const ORGANISATION =
  /\b(?:association|coopérative|cooperative|société|structure|fédération|réseau|union|cabinet|fondation|organisation|organization|association called)\s+(?:«\s*)?\p{Lu}/u;
/** An organisation named after its kind's acronym (« la CAE Mine de talents », « la SCIC Gard et Autonomie »). */
const NAMED_BY_ACRONYM = /(?<!\p{L})\p{Lu}{2,6}\s+\p{Lu}\p{Ll}/u;

/** Details of a precise kind (see asked-slot) a follow-up asks as its kind of thing, which its topic's passages may give. */
const SLOT_KINDS: ReadonlySet<string> = new Set(["superlative", "identifiers"]);

/**
 * Whether a text gives the kind of thing a follow-up asks (`own`, the person's own words): a figure
 * for « combien ? » (a sum for « c'est combien ? »), a date for « quand ? », a place for « où ? », a
 * person or an organisation for « qui ? » (`about`: what the question names, no answer to it). Null when the follow-up asks no such kind: anything may answer it.
 */
export function givesAskedKind(own: string, text: string, about = own): boolean | null {
  // « la plus grosse, c'est laquelle ? », "which one is the biggest?" ask which one stands first: a name alone (the count's
  // « 14 EPCI ») is no answer, a superlative or figures setting them side by side is (see asked-slot)
  // (so do « il lui faut quels identifiants ? », "which registration numbers?": the identifiers named, not that some are required)
  if (askedSlots(own).some((s) => SLOT_KINDS.has(s))) return fillsAskedSlots(own, text);
  switch (askedKind(own)) {
    case "number":
      // « ça dure combien, l'incubation ? » asks how long the subject it names lasts: another thing's duration is no answer.
      if (asksDuration(own)) return givesDurationOf(own, text);
      // « et le max ? », « jusqu'à combien ? » ask a maximum: a floor (« au moins 57,5 % ») or another figure of the topic
      // is no answer to it, a ceiling stated (« jusqu'à 50 % », « peut atteindre 40 000 € ») is.
      if (asksMaximum(own) && !givesMaximum(text)) return false;
      // (« et c'est combien de communes ? » counts things: no sum of money is asked)
      return (asksAmount(own) || MONEY.test(fold(own))) && countedNoun(own) === null ? givesAmount(text) : givesAsked("number", own, text);
    case "date":
      return hasDate(text);
    case "where":
      return givesWhere(own, text);
    case "who":
      // « quelle élue l'a présenté ? », "which councillor?" ask a person: a body or a place is no answer
      if (asksPerson(own)) return NAMED_PERSON.test(text);
      // « qui étaient les participants ? » asks what kinds of people a group is made of: they answer it, unnamed
      if (GROUP_ASKED.test(foldedQuote(own)) && PEOPLE_KINDS.test(fold(text))) return true;
      return (
        NAMED_PERSON.test(text) ||
        AGENT.test(text) ||
        PUBLIC_BODY.test(text) ||
        ORGANISATION.test(text) ||
        NAMED_BY_ACRONYM.test(text) ||
        [...text.matchAll(ACRONYMS)].some((m) => !new RegExp(`(?<!\\p{L})${m[0]}(?!\\p{L})`, "iu").test(about))
      );
    default:
      if (asksLaw(own)) return LAW_NAMED.test(text);
      return asksLegalForm(own) ? LEGAL_FORM.test(fold(text)) : null;
  }
}

/**
 * A follow-up asking which law or legal text did or says something (« c'est quelle loi ? », « par quelle loi ? », "what law
 * removed it?", "which act?"), folded: a law's name answers it, not the account of what changed.
 */
const LAW_ASKED =
  /\b(?:(?:quelle|quelles) (?:loi|lois|reforme|reformes)|quel (?:texte|decret|article|code)|(?:which|what) (?:law|laws|act|statute|reform|legislation|decree|article)|under which (?:law|act))\b/;
/** A law named in a text: « la loi NOTRe », « loi n° 2015-991 », « la loi du 31 juillet 2014 », an article of a code, "the … Act". */
const LAW_NAMED = /\b[Ll]oi (?:n° ?\d|du \d|d'orientation|[«"]?\p{Lu})|\b(?:article|art\.) L? ?\d|\bL\d{4}-\d|\b\p{Lu}[\p{L}-]+ (?:Act|Law)\b/u;

/** Whether a follow-up asks which law or legal text (see LAW_ASKED). */
export function asksLaw(own: string): boolean {
  return LAW_ASKED.test(fold(own).replace(/[’`]/g, "'"));
}

/** A follow-up asking what legal form a structure has (« c'est quoi leur statut ? », "what kind of company is it?"). */
const LEGAL_FORM_ASKED =
  /\b(?:statuts?|forme juridique|(?:type|genre|sorte) de (?:structure|boite|societe|entreprise|organisme)|quel (?:type|genre) d'(?:entreprise|organisme|organisation|structure)|what sort of (?:company|organi[sz]ation|structure|business)|legal (?:form|status)|what kind of (?:company|organi[sz]ation|structure|business)|what type of (?:company|organi[sz]ation|structure|business)|c'est (?:une?|des) (?:boite|asso|association|entreprise|societe|cooperative|cabinet|agence|organisme)|(?:is it|are they) (?:an?|some) (?:company|firm|business|charity|non-?profit|cooperative|co-op|consultancy|agency))\b/;
/** Whether a follow-up asks what legal form a structure has (see LEGAL_FORM_ASKED). */
export function asksLegalForm(own: string): boolean {
  return LEGAL_FORM_ASKED.test(fold(own).replace(/[’`]/g, "'"));
}

/**
 * A word standing for a structure just named (« leur statut », « c'est quel type de structure ? », "what kind of company
 * is it?"), not the « il » of an inversion (« faut-il »).
 */
const STANDS_FOR = /(?<![\p{L}-])(?:il|elle|ils|elles|leur|leurs|son|sa|ses|c'est|c'etait|it|its|they|their|them)(?![\p{L}-])/u;

/**
 * Whether a follow-up asks the legal form of the structure just named, by a word standing for it (« c'est quoi leur
 * statut ? », "what kind of organisation is it?"): only an organisation has one, so it asks it of the name the previous
 * reply led with, not of the topic's documents at large. « quel statut faut-il pour ma structure ? » asks another thing.
 */
export function asksFormOfNamed(own: string): boolean {
  const f = fold(own).replace(/[’`]/g, "'");
  return asksLegalForm(f) && STANDS_FOR.test(f);
}

/** « l' » standing for someone just named before a verb (« qui l'a fondée ? », « ils l'ont créée quand ? »). */
const OBJECT_PRONOUN = /(?<!\p{L})l'(?:a|ont|avait|avaient|a-t-elle|a-t-il)(?!\p{L})/u;

/**
 * Whether a follow-up (`own`) speaks of the one the previous question asked about by « qui ? » (« Qui a conçu le schéma ? »
 * then « ils sont basés où ? », "what kind of company is it?", « qui l'a fondée ? »): its pronoun stands for the name the
 * reply gave, not for the subject of that question. `before` is the questions before it (see previousQuestions).
 */
export function standsForWhoAnswered(own: string, before: string): boolean {
  const f = fold(own).replace(/[’`]/g, "'");
  if (!STANDS_FOR.test(f) && !OBJECT_PRONOUN.test(f)) return false;
  return before.split(TOPIC_JOIN).some((q) => answerType(q) === "who");
}

/** Words that only ask a legal form (« statut », « forme juridique », "kind of company"): no subject of their own. */
export const LEGAL_FORM_TERMS: ReadonlySet<string> = new Set(
  analyze("statut statuts forme juridique type structure status legal form kind company organisation organization business"),
);

/** A legal form named in a text (folded). */
const LEGAL_FORM =
  /\b(?:scop|scic|cae|sarl|sas|eurl|sapo|une association|association loi|cooperative|mutuelle|fondation|fonds de dotation|groupement d'interet public|gip|etablissement public|societe commerciale|entreprise individuelle|micro-entrepreneur|loi 1901)\b/;

/**
 * What a « combien de personnes ont participé … ? » question asks: the count, its counted noun, and the auxiliary and
 * participle said of it (« ont participé », « ont été formés »); "how many people …" in English.
 */
const ASKED_COUNT =
  /(?:^|(?<=[\s,;:]))(?:combien|cb|nombre)\s+(?:de\s+|d['’])\p{L}+(?:\s+(?:ont|a|sont|ont-ils|ont-elles|sont-ils|sont-elles|avaient|etaient|étaient)(?:\s+(?:été|ete))?(?:\s+\p{L}+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|it|its|ite|ites)(?!\p{L}))?)?|\bhow\s+many\s+\p{L}+/iu;

/**
 * A previous question that counted something (« combien de personnes ont participé aux ateliers territoriaux ? »)
 * without its count (« aux ateliers territoriaux ? »): the subject a follow-up asking something else of it goes on with
 * (« et sur quels territoires ? », « sur combien de territoires ? »). Null when it counts nothing or nothing is left.
 */
export function withoutAskedCount(question: string): string | null {
  const m = ASKED_COUNT.exec(question);
  if (!m) return null;
  const rest = `${question.slice(0, m.index)} ${question.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim();
  return analyze(rest).length > 0 ? rest : null;
}

/** Nouns a count asks as a measure (people, money, time), not things a follow-up then speaks of. */
const MEASURE_COUNTED =
  /\b(?:combien|cb|nombre)\s+(?:de\s+|d['’])(?:personnes?|gens|monde|participants?|participantes?|visiteurs?|euros?|argent|temps|annees?|années?|ans|mois|jours?|heures?|semaines?)\b|\bhow\s+many\s+(?:people|participants|attendees|visitors|years|months|weeks|days|hours)\b|\bhow\s+much\b/iu;

/** Whether a question counts a measure (« combien de personnes », « combien de gens », "how many people"). */
export function countsMeasure(question: string): boolean {
  return MEASURE_COUNTED.test(fold(question).replace(/[’`]/g, "'"));
}

/** A name as written: its first word an acronym or capitalised (« AD'OCC », « la MIESS », « Gard centrale »), a few words at most. */
const NAME_PHRASE = String.raw`(?:(?:le|la|les|l'|the)\s*)?(?:\p{Lu}[\p{L}'’-]*)(?:\s+[\p{L}'’-]+){0,3}`;
/** How a definition is asked after the thing it is asked of (« AD'OCC, c'est quoi ? », "the MIESS, what is it?"). */
const DEFINITION_AFTER = `(?:c'est quoi|c quoi|c'est qui|qu'est-ce que c'est|ca fait quoi|ils font quoi|elle fait quoi|il fait quoi|what is it|what's that|what is that|what's it|who are they|what do they do)`;
/** How a definition is asked before the thing it is asked of (« c'est quoi la MIESS ? », "what is AD'OCC?"). */
const DEFINITION_BEFORE = `(?:c'est quoi|c quoi|qu'est-ce que c'est que|qu'est-ce que|what is|what's|what are|who is|who are)`;
/** Words opening a follow-up without saying anything of its subject (« ok et… », « bon alors… », "and…"). */
const OPENING_WORD = String.raw`(?:(?:et|mais|ok|alors|bon|du coup|and|so)[\s,]+){0,2}`;
const DEFINES_NAMED = new RegExp(
  String.raw`^${OPENING_WORD}(?:(${NAME_PHRASE})\s*,?\s*${DEFINITION_AFTER}(?:\s+(?:exactement|au juste|exactly))?|${DEFINITION_BEFORE}\s+(${NAME_PHRASE}))\s*[?!.]*$`,
  "u",
);

/**
 * The name a message asks the definition of (« Acegaa » in « et Acegaa, c'est quoi ? », « la MIESS » in « c'est quoi la
 * MIESS ? »), as written; null when it asks no definition of a written name (see definesNamed).
 */
export function definedName(question: string): string | null {
  if (!definesNamed(question)) return null;
  const text = foldAccents(question)
    .replace(/[’`´‘]/g, "'")
    .trim()
    .replace(/^\p{Lu}(?=[\p{Ll}'])/u, (c) => c.toLowerCase());
  const m = DEFINES_NAMED.exec(text);
  return m?.[1] ?? m?.[2] ?? null;
}

/**
 * Whether a follow-up names a thing of its own and asks only what it is (« Et AD'OCC, c'est quoi ? », « c'est quoi la
 * MIESS ? », "and what is the CRESS?"): the name, written with a capital or as an acronym, is the whole of its subject,
 * so it asks nothing of the topic and stands alone. Not « c'est quoi ? » (no name) nor « c'est quoi le plafond ? » (an
 * aspect of the topic, in lower case).
 */
export function definesNamed(question: string): boolean {
  // (accents are folded off but capitals kept: the name is told by its capital)
  const text = foldAccents(question)
    .replace(/[’`´‘]/g, "'")
    .trim();
  const lowered = text.replace(/^\p{Lu}(?=[\p{Ll}'])/u, (c) => c.toLowerCase());
  return DEFINES_NAMED.test(lowered) && hasWrittenName(lowered);
}

/** Institutions written with a capital that name no thing of a question's own (« le Département », « la Région »). */
const INSTITUTIONS = /(?<!\p{L})(?:Département|Departement|Department|Région|Region|État|Etat|ESS)(?!\p{L})/gu;

/**
 * Whether a message writes a name of its own (« la MIESS », « Gard centrale »), its opening capital aside, and the
 * institutions every question may name (« le Département ») aside.
 */
export function namesWritten(question: string): boolean {
  return hasWrittenName(
    question
      .trim()
      .replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())
      .replace(INSTITUTIONS, " "),
  );
}

/** Whether a text (its opening word lowered) writes a name: an acronym or a capitalised word. */
function hasWrittenName(text: string): boolean {
  return /(?<!\p{L})\p{Lu}{2,}|\p{Lu}\p{Ll}/u.test(text);
}

/** A span of time asked (« il couvre quelle période ? », « ça court jusqu'à quand ? », "how long does it run?"), folded. */
const SPAN_ASKED =
  /\b(?:quelle periode|quelles annees|sur quelle duree|quelle duree|couvre|couvrent|court|courent|jusqu'?a quand|de quand a quand|combien de temps|dure|durent|how long|what period|which years|until when|covers?|runs? (?:until|till|to)|lasts?)\b/;
/** A range of years (« 2022-2027 », « de 2024 à 2030 », "2024 to 2030"). */
const YEAR_RANGE = /\b(?:19|20)\d{2}\s*(?:-|–|—|à|a|to|until)\s*(?:19|20)\d{2}\b/;
/** Money as a kind of support (« l'argent », « le fric », « des subventions », "money", "funding"), folded. */
const MONEY_SUPPORT = `(?:(?:de |du |des |d'|l'|le |la |les ){0,2}(?:argent|fric|sous|subventions?|financements?|financier|financiere|sommes?)|(?:money|funding|grants?|cash|financial support|finance))`;
/**
 * Support asked beyond money (« autrement qu'avec de l'argent », « à part l'argent », « c'est que de l'argent ou… »,
 * "anything besides money?", "other than funding"), folded.
 */
const BEYOND_MONEY = new RegExp(
  String.raw`\b(?:autrement qu'(?:avec |en )?|autre(?: chose)? que |a part |en dehors (?:de |du |des |d')|en plus (?:de |du |des |d')|hormis |(?:c'est |ce n'est |c'est seulement |c'est juste )?(?:que|uniquement|seulement|juste) )${MONEY_SUPPORT}\b|\b(?:besides|other than|apart from|beyond|on top of|except|only|just|anything but) ${MONEY_SUPPORT}\b`,
);

/**
 * Whether a follow-up asks what its subject gives beyond money (« et le Département peut aider autrement qu'avec de
 * l'argent ? », « c'est que de l'argent ou il y a autre chose ? », "is the Department offering anything besides money?"):
 * a kind of support of what was just spoken of, whoever it names as giving it, so it is read with the topic.
 */
export function asksBeyondMoney(question: string): boolean {
  return BEYOND_MONEY.test(foldedQuote(question));
}

/** A choice put between two readings (« c'est par an ou pour toute la durée ? », "is that per year or in total?"), folded. */
const CHOICE =
  /^(?:(?:et|mais|ok|alors|donc|and|so)[\s,]+)?(?:c'est|ca fait|ce sont|il s'agit|est-ce|est ce|is (?:it|that|this)|are (?:they|those)|it's|that's)\s+(.+?)\s+(?:ou (?:bien )?|or )(.+?)\s*[?!.]*$/;
/** Words of a follow-up putting a choice between two readings. */
const MAX_CHOICE_WORDS = 12;

/**
 * The two readings a short follow-up puts a choice between (« c'est par an ou pour toute la durée ? » → « par an », « pour
 * toute la durée »), of what was just said; null for any other question.
 */
export function choiceOffered(question: string): [string, string] | null {
  const f = bareWords(question);
  if (f.split(/\s+/).length > MAX_CHOICE_WORDS) return null;
  const m = CHOICE.exec(f);
  if (m) return [m[1]!, m[2]!];
  // « par an ou en tout ? », "yearly or overall?": the two readings alone, of what was just said. Not two things named
  // (« DLA ou France Active ? ») nor two subjects put in place of the topic (« une asso ou une SCOP ? »).
  // (« ou » written as such: « on dépose où alors ? » asks a place)
  const bare = BARE_CHOICE.exec(f);
  if (!bare || !WRITTEN_OR.test(question.toLowerCase()) || f.split(/\s+/).length > MAX_BARE_CHOICE_WORDS || namesWritten(question)) return null;
  const alts: [string, string] = [bare[1]!.trim(), bare[2]!.trim()];
  return alts.some((alt) => SUBJECT_READING.test(alt) || PERSON_ACTING.test(alt) || alt.split(/\s+/).length > MAX_READING_WORDS) ? null : alts;
}

/** Two readings put alone, « ou » / "or" between them (« par an ou en tout ? »), folded. */
const BARE_CHOICE = /^(?:(?:et|mais|ok|alors|donc|and|so)[\s,]+)?([\p{L}' -]+?)\s+(?:ou (?:bien )?|or )([\p{L}' -]+?)\s*[?!.]*$/u;
/** « ou » or "or" written as such, not « où ». */
const WRITTEN_OR = /(?<!\p{L})(?:ou|or)(?!\p{L})/u;
/** A person acting anywhere in a reading (« bon et on dépose »): a question of their own, no reading of a fact. */
const PERSON_ACTING = /\b(?:on|je|j'|nous|vous|ils|elles|i|we|you|they)\b/;
/** Words of a follow-up putting two readings alone, and of each reading. */
const MAX_BARE_CHOICE_WORDS = 7;
const MAX_READING_WORDS = 4;
/**
 * A reading that is a subject (an article or a determiner opens it, « une SCOP », "the MIESS"), a person acting (« on
 * dépose… ») or a question word: no reading of a fact.
 */
const SUBJECT_READING =
  /^(?:on|je|j'|nous|vous|il|elle|ils|elles|i|we|you|it|they|oui|non|yes|no|un|une|le|la|les|l'|des|du|de la|mon|ma|mes|notre|nos|votre|vos|son|sa|ses|leur|leurs|ce|cet|cette|a|an|the|my|our|your|qui|quoi|quand|comment|pourquoi|combien|who|what|when|how|why|pour une?|pour les?|pour la|pour l'|for an?|for the)\b/;

/**
 * Whether a card the person has just read settles the choice a follow-up puts (« c'est par an ou pour toute la durée ? »
 * after « 250 000 € par an »): it says one of the two readings in so many words.
 */
export function cardSettlesChoice(card: { answer: string; answer_en?: string }, own: string): boolean {
  const choice = choiceOffered(own);
  if (!choice) return false;
  // (the readings are read as phrases: their words are mostly small ones, « par an », "per year")
  const said = ` ${bareWords(`${card.answer} ${card.answer_en ?? ""}`).replace(/[^\p{L}\p{N}']+/gu, " ")} `;
  if (choice.some((alt) => /\p{L}{2}/u.test(alt) && said.includes(` ${alt.replace(/[^\p{L}\p{N}']+/gu, " ").trim()} `))) return true;
  // (a reading of one word is said in any of its forms: « annuel » by « une enveloppe annuelle »)
  const forms = new Set(analyze(`${card.answer} ${card.answer_en ?? ""}`));
  return choice.some((alt) => {
    const words = alt.split(/\s+/).filter(Boolean);
    const terms = analyze(alt);
    return words.length === 1 && terms.length === 1 && forms.has(terms[0]!);
  });
}
