/**
 * Matching a question against the answer cards (knowledge/reponses). Each card's
 * phrasings are analysed once; a question is compared with every phrasing by an
 * IDF-weighted F1 of shared terms (glossary synonyms count, and the card's answer
 * counts half for words the phrasings lack). The weights come from how many cards
 * use a word, so "appel à communs" alone does not pick one card among thirty.
 */
import { NUMBER_WORDS as WRITTEN_NUMBERS } from "../core/number-words.js";
import { MONTH_ALTERNATION } from "../core/calendar-words.js";
import type { AnswerCard } from "../knowledge/cards.js";
import { analyze, fold } from "../retrieval/analyzer.js";
import { foldUncached } from "../core/text.js";
import type { QueryAnalysis } from "../retrieval/retriever.js";

export interface CardMatch {
  card: AnswerCard;
  /** 0..1: the decision score (see `match`). */
  score: number;
  /** IDF-weighted F1 between the question and the card's closest phrasing. */
  f1: number;
  /** Share of the question's weight found anywhere in the card (phrasings, answer). */
  recall: number;
  /** The answer has what the question asks for (a number, a date, a name…). */
  typeOk: boolean;
  phrasing: string;
}

/** Weight of the previous topic's words, next to the follow-up's own, in card matching. */
const TOPIC_WEIGHT = 0.5;

/** What kind of answer a question expects, from its wording (French and English). */
export type AnswerType = "number" | "date" | "who" | "where" | "definition" | "yesno" | "other";

/** An interrogative word, which an inversion after it does not turn into a yes/no question. */
const INTERROGATIVE = /\b(quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|comment|combien|quoi|que|qu)\b/;

export function answerType(question: string): AnswerType {
  const q = foldUncached(question);
  // (« quelle était la part… », « quel est le pourcentage… » ask the share as « quelle part » does)
  if (
    /\b(combien|cb|quel montant|quelle somme|quel budget|quel pourcentage|quelle part|quelle proportion|quel(?:le)? (?:est|etait|sera|serait) (?:la part|le pourcentage|la proportion)|nombre de|nombre (minimal|minimum|maximal|maximum)|how many|how much|what percentage|what share|what(?:['’]?s| is| was) the (?:budget|amount|cost|price)|what (?:budget|amount)|(?:coute|coutent|couter|couterait|coutera|revient|reviennent|reviendrait) (?:quoi|a quoi)|what (?:does|did|do|will|would) (?:[\w'-]+ ){1,8}?cost)\b/.test(
      q,
    )
  )
    return "number";
  if (
    /\b(quand|quelle date|(en|de) quelle annee|depuis quand|jusqu'?a quand|a quelle date|(?:sur |pour )?quelle periode|a quelle epoque|quelles annees|when|what year|what period|which years|since when|until when)\b/.test(
      q,
    )
  )
    return "date";
  if (
    /^((et|mais|ok|alors|and) )?(qui|c'?est qui|who)\b|\bpar qui\b|\b(qui (est|sont|porte|dirige|pilote|preside|delivre|delivrent|accorde|accordent|decide|decident|gere|gerent)|quelle elue|quel elu|who is|who are|who runs|who leads|who (grants|issues|delivers|decides|handles|manages))\b/.test(
      q,
    )
  )
    return "who";
  if (
    /^(c'? ?est quoi|c quoi|ckoi|qu'?est[- ]ce qu[e']|que (veut dire|signifie)|what is|what are|what does)\b|\b(ca veut dire quoi|definition|c'? ?est quoi (un|une|le|la|les))\b/.test(
      q,
    )
  )
    return "definition";
  if (
    /^((et|mais|ok|alors|and) )?(ou|where)\b|\b(ou se trouve|ou est|c'?est ou|ou ca|ou deposer|where is|where can|(basee?s?|situee?s?|installee?s?|implantee?s?|localisee?s?) ou)\b|\bou\s*\?*\s*$/.test(
      q,
    )
  )
    return "where";
  // (an inversion after an interrogative word asks that word: « dans quelle SCIC a-t-il… ? », « comment la loi définit-elle… ? »)
  if (
    /^(est-ce que|est ce que|is|are|can|does|do|peut-on|peut on|faut-il|faut il|y a-t-il|ya t il)\b/.test(q) ||
    (/-(t-)?(il|elle|on|ils|elles)\b.*\?\s*$/.test(q) && !INTERROGATIVE.test(q.split(/-(?:t-)?(?:il|elle|on|ils|elles)\b/)[0]!))
  )
    return "yesno";
  return "other";
}

const MONTH = new RegExp(`\\b(${MONTH_ALTERNATION})\\b`);

/**
 * answersType of the texts seen most (card answers, passages), by type: the same texts
 * come back at every question, and folding them is the costly part. Bounded.
 */
const typedAnswers = { number: new Map<string, boolean>(), date: new Map<string, boolean>() };
const TYPED_ANSWERS_MAX = 20_000;

/** « c'est combien ? », « ça coûte combien ? », « quel montant ? »: a sum of money, not a count. */
export function asksAmount(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  return /\b(c'?est combien|ca coute combien|combien ca coute|combien coute|quel montant|quelle somme|quel budget|how much money|how much does|how much is|what(?:['’]?s| is| was) the (?:budget|amount|cost|price)|what (?:budget|amount)|(?:coute|coutent|couter|couterait|coutera|revient|reviennent|reviendrait) (?:quoi|a quoi)|what (?:does|did|do|will|would) (?:[\w'-]+ ){1,8}?cost)\b/.test(
    q,
  );
}

/** A budget, a cost or the funds of something asked (« quel est le budget du… », « combien coûte… », "what funding…"). */
const BUDGET_ASKED =
  /\b(budgets?|cout|couts|coute|coutent|coutera|couterait|enveloppes?|dotations?|moyens financiers|a hauteur de combien|funding|funds|cost|costs)\b/;
/** Purchases asked of (« le budget des achats », « combien achète… »): a sum of purchases answers them. */
const PURCHASES_WORDS = /\b(achats|achete\w*|acheter|achetait|purchases|purchasing|buys?|bought|spend\w*|spent)\b/;
/** A sum in a folded text (« 50 millions d'euros », « 250 000 € »). */
const SUM_IN_TEXT = /\d(?:[\d\s.,]*\d)?\s*(?:m€|k€|md€|€|euros?\b|millions? (?:d'euros|€|euros?)|milliards? (?:d'euros|€|euros?))/;

/**
 * Whether a question asks the budget or the cost of something (the SPASER, the Club achat, a meeting), not the volume of
 * purchases: such a budget is not given by a sum of purchases (« 443 millions d'euros d'achats », the 50 million euros of
 * purchases that make a SPASER compulsory).
 */
export function asksBudgetOf(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  return BUDGET_ASKED.test(q) && !PURCHASES_WORDS.test(q);
}

/** Whether every sentence of a text that holds a sum speaks of purchases (and at least one does): it gives no budget. */
export function onlyPurchaseSums(text: string): boolean {
  const sentences = foldUncached(text)
    .replace(/[’`]/g, "'")
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => SUM_IN_TEXT.test(s));
  return sentences.length > 0 && sentences.every((s) => /\b(achats?|acheteurs?)\b/.test(s));
}

/** A cost, a price or a tariff asked in French words (folded). */
const PRICE_ASKED =
  /\bquel(?:le)?s? (?:est|etait|a ete|sera|serait|sont|etaient|ont ete|seront|seraient) (?:le |la |les |l'|son |sa |ses |leur |leurs )?(?:couts?|prix|tarifs?|frais)\b|\bquels? (?:couts?|tarifs?|frais)\b|\bquel prix (?:pour|faut|paye|payer|coute|demande|facture)\b|\b(?:le|son|sa|leur|ce) (?:cout|prix|tarif)\b[^?.!]{0,50}?,? (?:c'?est|est de|etait de|a ete de) combien\b/;
/** An award named (« le prix de l'innovation sociale », « quel prix a-t-elle remporté ? »): not a price. */
const AWARD = /\b(?:remport\w*|gagn\w*|decern\w*|laureats?|laureates?|recompens\w*|trophees?|concours)\b/;

/**
 * A sum of money asked in French words that do not say « combien » alone: « quel est le montant de… »,
 * « quelle enveloppe… », « il est doté de combien ? », « à hauteur de combien ? ». Such a question is
 * answered by a sum (givesAmount), not by a description of what is funded.
 */
export function asksSum(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  return (
    /\b(quels? montants?|quelles? sommes?|quels? budgets?|quelles? enveloppes?|quel(?:le)? est (?:le|la|l') ?(?:montant|somme|budget|enveloppe)|(?:dote|dotee|finance|financee|abonde|subventionne|subventionnee|aide|aidee)s? (?:de|a hauteur de|pour) combien|a hauteur de combien|pour quels? montants?|combien (?:d'argent|d'euros)|quel(?:le)? est (?:le|son|leur) (?:chiffre d'affaires|ca|budget annuel)|(?:le|son|leur|ce) budget (?:allou|consacr|prevu|dedie|attribu|reserv|affect)\w*|the budget (?:allocated|set aside|earmarked)|(?:son|leur) chiffre d'affaires,? (?:c'est combien|est de combien|fait combien)|what(?: is|'s| was) (?:the|its|their) (?:[\w'-]+ ){0,3}?(?:turnover|revenue|annual budget)|how much (?:turnover|revenue) (?:does|did|do))\b/.test(
      q,
    ) ||
    // a budget asked by itself, in a few words: « et le budget de cet axe ? », « et côté budget ? », "and its budget?"
    /^(?:(?:et|mais|ok|alors|and|but|so)[\s,]+)*(?:(?:le|son|leur|the|its|their)\s+budgets?|(?:cote|niveau|question|en termes de)\s+budget)(?:\s+(?:de|du|des|d'|pour|of|for)\s*[^?.!,]{0,30})?\s*\?*\s*$/.test(
      q.trim(),
    ) ||
    // a cost, a price or a tariff asked (« quel a été le coût de la concertation ? », « quel est le tarif de… », « quels frais ? »):
    // a sum of money or « gratuit » answers it. (« quel prix a-t-elle remporté ? » asks an award, not a price)
    (PRICE_ASKED.test(q) && !AWARD.test(q)) ||
    // an aid named, then its sum asked apart: « une aide spécifique…, et de combien ? », « un prêt de combien ? »
    // (« de combien de mois » asks a count)
    /\b(?:aides?|subventions?|financements?|prets?|primes?|bourses?|dotations?|enveloppes?|soutiens? financiers?)\b[^?]{0,80}\bde combien\b(?! (?:de|d'|d)\b)/.test(
      q,
    )
  );
}

/**
 * A sum of money put in by someone, asked with « combien » and a verb of giving (« combien le Département met dans… »,
 * « cb la Région verse ? »), or in English ("how much money…", "how much does the Department put into…"): not a count
 * (« combien de projets… » counts things).
 */
export function asksMoneyPut(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  // (« combien le DLA met de temps… » asks a duration)
  if (/\b(temps|delais?|duree|how long|time)\b/.test(q)) return false;
  return (
    /\b(combien|cb)\b(?! (de|d'|d) (?!argent|euros))[^?]{0,50}\b(met|mettent|mettra|mettre|mis|donne|donnent|donnera|verse|versent|versera|consacre|consacrent|consacrera|investit|investissent|alloue|allouent|injecte|injectent|apporte|apportent|debourse|debloque|debloquent)\b/.test(
      q,
    ) ||
    /\bhow much (money|funding|cash)\b|\bhow much (does|do|will|did) (the )?[a-z]+( [a-z]+)? (put|give|spend|invest|allocate|contribute|pay|provide|commit)\b/.test(
      q,
    ) ||
    // the verb first: « il a mis combien, lui ? », « ils versent cb ? » (« mis combien de projets » counts things)
    /\b(met|mettent|mis|donne|donnent|verse|versent|consacre|consacrent|investi|investit|alloue|allouent|injecte|apporte|apportent|debourse|debloque)\b (?:\w+ )?(combien|cb)\b(?! (de|d'|d) (?!argent|euros))/.test(
      q,
    ) ||
    /\bcombien d'?(argent|euros)\b/.test(q)
  );
}

/**
 * Whether an answer gives a sum of money, for a question asking money put in or had (asksMoneyPut): euros, free or
 * unpublished; a share only when it is a share of a sum (« 10 % du chiffre d'affaires »), or of the capital when the
 * question asks what may be put in (« jusqu'à combien peut-il mettre ? »). A share of jobs or of the capital someone
 * holds is no sum.
 */
export function givesMoney(answer: string, question: string): boolean {
  const a = foldUncached(answer).replace(/[’`]/g, "'");
  if (
    /\d\s?(€|k€|m€|euros?\b)|\b(euros?|millions? d'euros|gratuit\w*|taux zero|sans interet|free of charge|free|pas publie|n'est pas publie|not published)\b/.test(
      a,
    )
  )
    return true;
  const sums = "chiffre d'affaires|cout|couts|budget|montant|depenses|investissements?|salaires?|remuneration|recettes|ventes|turnover|costs?|expenses|revenue";
  const possible = /\b(peut|peuvent|pourrait|max|maximum|plafond|jusqu'a|limite|can|could|may|at most|up to|limit)\b/.test(foldUncached(question));
  return new RegExp(String.raw`\d\s?%\s+(?:du|de la|des|de l'|d'|of(?: the| its| their)?)\s?(?:${sums}${possible ? "|capital" : ""})\b`).test(a);
}

/** Whether an answer gives a sum of money or a share (« 10 % du chiffre d'affaires »), or says it is free or not published. */
export function givesAmount(answer: string): boolean {
  const a = foldUncached(answer).replace(/[’`]/g, "'");
  // (« … n'est pas publié » says so of a sum only in a sentence about money: « le rattachement officiel n'est pas publié » does not)
  return (
    /\d\s?(€|k€|m€|euros?\b|%)|\b(euros?|millions? d'euros|pour ?cent|gratuit\w*|taux zero|sans interet|free)\b/.test(a) ||
    /\b(?:montants?|sommes?|budgets?|enveloppes?|financements?|dotations?|chiffres?|amounts?|sums?)\b[^.;]{0,80}\b(?:pas publiee?s?|n'(?:est|sont) pas publiee?s?|not published)\b|\b(?:pas publiee?s?|not published)\b[^.;]{0,40}\b(?:montants?|sommes?|budgets?|enveloppes?|amounts?)\b/.test(
      a,
    )
  );
}

/** Whether an answer can satisfy a question of this type. */
export function answersType(type: AnswerType, answer: string): boolean {
  if (type !== "number" && type !== "date") return true;
  const memo = typedAnswers[type];
  let ok = memo.get(answer);
  if (ok === undefined) {
    ok = satisfies(type, answer);
    if (memo.size >= TYPED_ANSWERS_MAX) memo.clear();
    memo.set(answer, ok);
  }
  return ok;
}

/**
 * A text without the numbers that name a legal text (« règlement UE 2023/2831 », « loi n° 2014-856 », « décret 2015-1 »):
 * their first digits read like a year, but such a number says when nothing applies, begins or ends.
 */
function withoutReferenceNumbers(folded: string): string {
  return folded.replace(/\b(?:19|20)\d{2} ?[/-] ?(?!(?:19|20)\d{2}\b)\d{3,5}\b/g, " ");
}

function satisfies(type: AnswerType, answer: string): boolean {
  const a = foldUncached(answer);
  switch (type) {
    case "number":
      return /\d|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|moitie|tiers|quart|aucun|gratuit|pas publie|n'est pas publie)\b/.test(
        a,
      );
    case "date":
      return /\b(19|20)\d{2}\b/.test(withoutReferenceNumbers(a)) || MONTH.test(a) || /\b(pas publie|ne sont pas publie|n'est pas connu|en continu)\b/.test(a);
    default:
      return true;
  }
}

interface Phrasing {
  card: number;
  text: string;
  terms: Set<string>;
  /** The terms in the order of `terms`, with their weights, and the sum of those weights (in that order). */
  termList: string[];
  weights: number[];
  total: number;
  type: AnswerType;
}

/** Numbers written as words, as digits (« trois » → "3"): a phrasing's « trois structures » matches a question's « 3 structures ». */
const NUMBER_WORDS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(WRITTEN_NUMBERS).map(([w, n]) => [w, String(n)]));
const NUMBER_WORD_RE = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b`, "g");

/** The terms of a question or phrasing: analysed words, numbers as digits, and its kind as a term ("?number"). */
export function termsOf(text: string): string[] {
  const type = answerType(text);
  const terms = analyze(fold(text).replace(NUMBER_WORD_RE, (w) => NUMBER_WORDS[w]!));
  return type === "other" ? terms : [...terms, `?${type}`];
}

/**
 * The kind of answer a question asks, finer than answerType for card kinds: a how-to (« comment faire ? »)
 * and a reason (« pourquoi ? ») are kinds of their own. Not a term of the matching: it says what a card answers.
 */
export type AskedKind = AnswerType | "how" | "why";

export function askedKind(question: string): AskedKind {
  if (asksWhy(question)) return "why";
  const type = answerType(question);
  if (type !== "other" && type !== "yesno") return type;
  const q = foldUncached(question).replace(/[’`]/g, "'");
  // « Initiative Gard, c'est quoi ? », « ça consiste en quoi ? » (not a term of the matching, whose phrasings are typed as before)
  if (/\b(?:c'?est|c) quoi\s*[?!.]*\s*$|\b(?:ca|cela) consiste en quoi\b/.test(q)) return "definition";
  if (
    /^((et|mais|ok|alors|and) )?(comment|how (do|can|does|should|to)|what are the steps)\b|\b((ca|cela) se passe comment|on fait comment|je fais comment|comment (faire|proceder|s'y prendre|ca (se passe|marche)))\b/.test(
      q,
    )
  )
    return "how";
  return type;
}

/**
 * What a card answers, read from its own phrasings: the kinds they ask (a yes/no or untyped phrasing says
 * nothing), and whether its answer opens with a figure (« Six : … », « Environ 10 % … »).
 */
export interface CardKind {
  kinds: ReadonlySet<AskedKind>;
  figureLed: boolean;
}

/** An answer that opens with a figure: a count, a sum or a share, not a definition, a name or a reason. */
const FIGURE_LED =
  /^\s*(?:(?:environ|pres de|plus de|moins de|au moins|au plus|jusqu'a|about|around|over|up to|at least)\s+)?(?:\d|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|two|three|four|five|six|ten)\b)/;

export function cardKind(card: Pick<AnswerCard, "questions" | "answer">): CardKind {
  const kinds = new Set<AskedKind>();
  for (const q of card.questions) {
    const k = askedKind(q);
    if (k !== "other" && k !== "yesno") kinds.add(k);
  }
  return { kinds, figureLed: FIGURE_LED.test(foldUncached(card.answer).replace(/[’`]/g, "'")) };
}

/** Kinds a card's phrasings may ask and still answer « qui ? » or « où ? » (a contact is asked « qui ? », « où ? » or « comment ? »). */
const PLACE_OR_NAME: readonly AskedKind[] = ["who", "where", "how"];
/** Kinds that say a card gives a figure, a date or steps, not what a thing is. */
const NOT_WHAT: readonly AskedKind[] = ["how", "number", "date"];

/**
 * « Is there one in the Gard? », « y en a une dans le Gard ? », « are there any near Alès? »: whether a thing of the
 * topic's kind exists (somewhere), which names it or says where it is; an answer opening with a figure (« About 10 %… »,
 * a share or a cost of that thing) does not say so. Not « how many are there? », which asks a count.
 */
export function asksTopicKindExists(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  if (/\b(combien|cb|how many|how much|nombre)\b/.test(q)) return false;
  // (the thing stands for the topic, « one », « any », « en »: « is there a fee? » asks of a thing it names)
  return /^(?:(?:et|mais|ok|alors|and|so|but) )?(?:(?:is there one|are there any|are there some)(?: (?:in|near|around|at|close to|nearby|here)\b|\s*[?!.]*\s*$)|(?:il )?y en (?:a|aurait)(?:[- ]t[- ]il)? ?(?:un|une|des)?(?: (?:dans|a|au|aux|en|pres|vers|sur|du cote)\b|\s*[?!.]*\s*$)|en existe[- ]t[- ]il\b)/.test(
    q,
  );
}

/**
 * Whether a card can say that a thing of the topic's kind exists (asksTopicKindExists): one whose phrasings ask where
 * (« Mine de talents c'est où ? »), or an untyped one that opens neither with a figure (« About 10 %… ») nor with « Oui » /
 * « Non » (which settles another claim: « Oui : vous exercez… avec un statut d'entrepreneur-salarié »).
 */
function existenceFits(card: CardKind, yesNo: boolean): boolean {
  if (card.figureLed) return false;
  if (card.kinds.has("where")) return true;
  return card.kinds.size === 0 && !yesNo;
}

/**
 * The thing whose existence a yes/no question asks (« existe-t-il un prêt d'honneur ? », « est-ce qu'il existe une aide… ? »,
 * « y a-t-il un guide… ? », « il y a des intérêts ? », "is there a…?"): the stem of its first word, else undefined. Not a
 * negation (« il n'y a plus que l'appel à communs ? » puts up a claim that the rest is gone).
 */
const EXISTENCE_ASKED =
  /\b(?:existe-t-il|existe t il|existe-t-elle|est-ce qu'il existe|est ce qu il existe|il existe|existent-ils|existe-il|y a-t-il|y a t il|ya t il|y a t'il|il y a|(?<!n'|n )y a|is there|are there)\s+(?:(?:un|une|des|de|du|d'|de la|de l'|encore|deja|a|an|any|some)\s*)?([a-z]{3,})/;

export function existenceAsked(question: string): string | undefined {
  const m = EXISTENCE_ASKED.exec(foldUncached(question).replace(/[’`]/g, "'"));
  return m ? m[1]!.slice(0, 5) : undefined;
}

/** Whether a statement denies a thing: it says none exists, or negates the thing itself (« sans intérêt », « pas de guide »). */
export function deniesExistence(statement: string, stem: string): boolean {
  if (/\b(n'existe|n'existent|n existe|n existent|il n'y a|il n y a|n'y a pas|n y a pas|aucune?|nothing|no such|there is no|there are no)\b/.test(statement))
    return true;
  return new RegExp(`\\b(pas|ne|n'|jamais|non|sans|ni|plus)\\b[^.;:]{0,20}\\b${stem}`).test(statement);
}

/** A card answer's first sentence, folded, after its « Oui » / « Non ». */
export function firstSentence(answer: string): string {
  const rest = answer.replace(/^\s*(?:oui|non|yes|no)\s*[,:;.–-]\s*/i, "");
  return foldUncached(rest.split(/(?<=[.!?])\s/)[0] ?? rest).replace(/[’`]/g, "'");
}

/** A vote or an adoption, as a question asks who made it (« who voted… », « qui a adopté… », « par qui… a été voté »). */
const ADOPTION_ASKED =
  /\b(?:who (?:(?:actually|really|exactly|finally|officially) )?(?:voted|adopted|approved|passed|validated)|qui (?:a|ont|l'a|l'ont) (?:vote|adopte|approuve|valide)|par qui (?:a|ont) ete (?:vote|adopte|approuve|valide)|by whom (?:was|were) \w+(?: \w+){0,6} (?:voted|adopted|approved|passed))\b|\b(?:vote|adopte|approuve|valide)e?s? par qui\b/;

/**
 * « Who voted the ESS plan? », « qui a adopté le schéma ? »: the body that voted or adopted a thing, not the thing's date
 * or another name of it.
 */
export function asksAgentOfAdoption(question: string): boolean {
  return ADOPTION_ASKED.test(foldUncached(question).replace(/[’`]/g, "'"));
}

/**
 * An answer that says who voted or adopted something (« L'assemblée départementale a adopté… », « c'est cette assemblée
 * qui a voté… », « approuvé par… »), not one that only dates the vote (« le schéma adopté le 8 mars 2024 »).
 */
export function namesAdopter(answer: string): boolean {
  const a = foldUncached(answer).replace(/[’`]/g, "'");
  return (
    /\b(?:a|ont|avait|avaient) (?:vote|adopte|approuve|valide)\b/.test(a) ||
    // (« approuvé par tous » says how many voted for it, not who voted)
    /\b(?:vote|adopte|approuve|valide)e?s? (?:par|a l'unanimite par) (?!tous\b|toutes\b|tout le monde\b)/.test(a) ||
    /\b(?:voted|adopted|approved|passed) (?:by|it|the)\b|\b(?:assembly|council|councillors) (?:voted|adopted|approved)\b/.test(a)
  );
}

/** « c'est quoi les axes ? », « quels sont… ? », « what are the… ? »: a list, which a count may open (« Quatre : … »). */
function asksList(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  return (
    /\b(?:(?:c'?est|c|cest) quoi (?:les|the)|quels sont|quelles sont|what are the|which)\b/.test(q) ||
    /^(?:(?:et|mais|ok|alors|and) )?les\b.*\b(?:c'?est|c) quoi\b/.test(q)
  );
}

/** « c'est quoi le montant… ? », « what is the yearly amount… ? »: something of a thing named, which a figure may give. */
function asksAttribute(question: string): boolean {
  return /\b(?:c'?est quoi|c quoi|what is|what's|qu'?est[- ]ce que|que (?:veut dire|signifie)) (?:le|la|l'|the|son|sa|ses|leur|leurs)\b/.test(
    foldUncached(question).replace(/[’`]/g, "'"),
  );
}

/**
 * Whether a card can answer a question of this kind: a card whose phrasings all ask a definition does not answer
 * « qui délivre ? », one whose phrasings all ask how to proceed (or a figure, a date) does not answer « c'est quoi ? »,
 * an answer opening with a figure (« Six : … ») does not answer « c'est quoi un… ? », and a card whose phrasings all ask
 * who does not answer how someone does a thing (asksManner).
 */
export function kindFits(kind: AskedKind, card: CardKind, question = ""): boolean {
  return kindFitsAsked(
    kind,
    card,
    asksList(question),
    () => asksAttribute(question),
    () => asksManner(question),
  );
}

/** kindFits with what the question asks read once (a list? an attribute of something named?), for many cards in a row. */
function kindFitsAsked(kind: AskedKind, card: CardKind, list: boolean, attribute: () => boolean, manner: () => boolean): boolean {
  // (« comment la présidente présente-t-elle le plan ? » asks how someone does a thing, not who does it)
  if (kind === "how") return card.kinds.size === 0 || !manner() || ![...card.kinds].every((k) => k === "who");
  if (kind !== "definition" && kind !== "who" && kind !== "where") return true;
  // (« c'est quoi un QPV ? » is not answered by « Six : … »; « what is the yearly amount ? » asks a figure of something named)
  if (card.figureLed && kind === "definition" && !list && !attribute()) return false;
  // (« c'est quoi les axes ? » asks which, not what: a count or a list answers it)
  if (kind === "definition" && list) return true;
  if (card.kinds.size === 0) return true;
  const kinds = [...card.kinds];
  if (kind === "definition") return !kinds.every((k) => NOT_WHAT.includes(k));
  return kinds.some((k) => PLACE_OR_NAME.includes(k));
}

/**
 * « Comment la présidente présente-t-elle le plan ? », « comment le rapport décrit-il… ? »: how someone or something named
 * does a thing, said with the subject inverted after a noun (not « comment peut-on… ? », which asks the way to do it).
 */
export function asksManner(question: string): boolean {
  return /^(?:(?:et|mais|alors|and) )?comment\s+(?:le|la|les|l'|un|une|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|votre)\s*[^?]*?\S-(?:t-)?(?:il|elle|ils|elles)\b/.test(
    foldUncached(question).replace(/[’`]/g, "'"),
  );
}

/**
 * « combien d'entrepreneurs… ? », « how many members… ? »: a count of people or organisations, which a share or a sum
 * (« Environ 10 % de votre chiffre d'affaires ») does not give.
 */
export function asksCount(question: string): boolean {
  const q = foldUncached(question).replace(/[’`]/g, "'");
  return /\b(?:combien (?:de |d')|how many |nombre d(?:e |'))(?:personnes|gens|entrepreneurs?|salaries|membres|adherents|participants|beneficiaires|structures|entreprises|associations|cooperatives|projets|laureats|communes|quartiers|emplois|dossiers|people|members|organisations|organizations|companies|projects|entrepreneurs)\b/.test(
    q,
  );
}

/** Whether an answer gives a count: a number that is not a share, a sum or a year. */
export function givesCount(answer: string): boolean {
  const a = foldUncached(answer).replace(/[’`]/g, "'");
  const stripped = a.replace(/\d[\d\s.,]*\s?(?:%|€|k€|m€|euros?\b|millions?\b|milliards?\b|pour ?cent)/g, " ").replace(/\b(?:19|20)\d{2}\b/g, " ");
  return /\d|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|aucun|aucune|pas publie|n'est pas publie)\b/.test(stripped);
}

/** An answer that opens with yes or no. */
const YES_NO_ANSWER = /^\s*(oui|non|yes|no)\b/i;

/** A question opened by « pourquoi » (why), which « oui » or « non » does not answer. */
export function asksWhy(question: string): boolean {
  return /^(?:(?:et|mais|ok|alors|and|so)\s+)?(?:pourquoi|pk|pq|why)\b/.test(foldUncached(question).replace(/[’`]/g, "'").trim());
}

/** The axes of the schema a text names by their number or as the transversal one, each as a word or digit. */
const AXIS_NAMED: readonly [RegExp, string][] = [
  [/\b(?:axes?|axis) (?:n ?° ?)?(?:1|un|one)\b|\b(?:premier|1er|first) (?:axe|axis)\b/, "1"],
  [/\b(?:axes?|axis) (?:n ?° ?)?(?:2|deux|two)\b|\b(?:deuxieme|second|2e|2nd) (?:axe|axis)\b/, "2"],
  [/\b(?:axes?|axis) (?:n ?° ?)?(?:3|trois|three)\b|\b(?:troisieme|third|3e|3rd) (?:axe|axis)\b/, "3"],
  [/\b(?:axes?|axis) (?:n ?° ?)?(?:4|quatre|four)\b|\b(?:quatrieme|fourth|4e|4th) (?:axe|axis)\b/, "4"],
  [/\baxes? transversa\w*|\btransversa\w* (?:axe|axis)\b/, "t"],
];

/**
 * Which axes of the schema a text names (« l'axe 2 », « le premier axe », « l'axe transversal », "axis 4"): a phrasing
 * about one axis does not answer a question about another.
 */
export function namedAxes(text: string): Set<string> {
  const t = foldUncached(text).replace(/[’`]/g, "'");
  return new Set(AXIS_NAMED.filter(([re]) => re.test(t)).map(([, axis]) => axis));
}

/**
 * « les quatre axes », "the four axes", « les axes du schéma »: the axes taken together, counted or named as a whole (a
 * number before « axes » counts them; after « axe » it names one). A phrasing about one axis does not answer it. (Read in the
 * question only: a card about all the axes, listing them, may still answer a question about one.)
 */
const ALL_AXES = /\b(?:\d|deux|trois|quatre|cinq|two|three|four|five) axes\b|\b(?:les|the|all|ses|its) axes (?:du|de|des|of)\b/;

/** The axes a question asks (see namedAxes), or "all" when it asks them together (ALL_AXES) and names none. */
export function askedAxes(text: string): Set<string> {
  const named = namedAxes(text);
  return named.size === 0 && ALL_AXES.test(foldUncached(text).replace(/[’`]/g, "'")) ? new Set(["all"]) : named;
}

/** Whether both name axes and none in common (« l'axe 1 » for a question on the transversal axis). */
function otherAxes(asked: ReadonlySet<string>, named: ReadonlySet<string>): boolean {
  return asked.size > 0 && named.size > 0 && ![...named].some((a) => asked.has(a));
}

function compatible(a: AnswerType, b: AnswerType): boolean {
  return a === b || a === "other" || b === "other";
}

/** What a phrasing about another axis of the schema than the one asked keeps of its F1. */
const OTHER_AXIS = 0.5;

/** Weight of the question's kind ("?number", "?date"…) among its terms. */
const TYPE_WEIGHT = 2;

export class CardIndex {
  private readonly phrasings: Phrasing[] = [];
  private readonly answerTerms: Set<string>[] = [];
  /** Every term of a card: its phrasings and its answer. */
  private readonly cardTerms: Set<string>[] = [];
  /** Inverted indexes: term → phrasings that have it, cards whose answer has it, cards that have it anywhere. */
  private readonly byTerm = new Map<string, number[]>();
  /** For each entry of `byTerm`, the term's position in that phrasing's `termList`. */
  private readonly positions = new Map<string, number[]>();
  private readonly answersByTerm = new Map<string, number[]>();
  private readonly cardsByTerm = new Map<string, number[]>();
  /** 1 for the phrasings of cards meant for agents only. */
  private readonly agentOnly: Uint8Array;
  /** The phrasings of each card. */
  private readonly cardPhrasings: number[][] = [];
  /**
   * The phrasings' numbers read by `match` for each candidate, side by side (a candidate is then read from a few
   * contiguous arrays, not from its object): card, number of terms, total weight, answer type, and the offset of its
   * term weights in `phrasingWeights`.
   */
  private readonly phrasingCard: Int32Array;
  private readonly phrasingTermCount: Int32Array;
  private readonly phrasingTotal: Float64Array;
  private readonly phrasingType: AnswerType[];
  /** The axes of the schema each phrasing names (see namedAxes). */
  private readonly phrasingAxes: ReadonlySet<string>[];
  private readonly phrasingWeightsAt: Int32Array;
  private readonly phrasingWeights: Float64Array;
  /** What each card answers (see cardKind). */
  private readonly kinds: CardKind[];
  /** Per card, read once from its answer: gives a sum (givesAmount), a count (givesCount), opens with yes or no. */
  private readonly givesSum: Uint8Array;
  private readonly givesCountOf: Uint8Array;
  private readonly yesNo: Uint8Array;
  private readonly df = new Map<string, number>();
  /**
   * Scratch space of `match`, reused from one question to the next (match is synchronous):
   * a slot counts only when its stamp is the current one, so nothing is cleared between questions.
   */
  private readonly scratch: {
    stamp: number;
    candidate: Float64Array;
    /** Bit j: the phrasing's j-th term is among the question's terms (phrasings of up to 31 terms). */
    shared: Int32Array;
    inPhrasing: Float64Array;
    found: Float64Array;
    foundStamp: Float64Array;
    inAnswer: Float64Array;
    inCard: Float64Array;
    cardFound: Float64Array;
    cardFoundStamp: Float64Array;
    /** Per card: the stamp of the question it was met in, its best F1 and that phrasing. */
    bestStamp: Float64Array;
    bestF1: Float64Array;
    bestPhrasing: Int32Array;
  };

  constructor(readonly cards: readonly AnswerCard[]) {
    const post = (index: Map<string, number[]>, t: string, n: number) => {
      const list = index.get(t);
      if (list) list.push(n);
      else index.set(t, [n]);
    };
    cards.forEach((card, ci) => {
      const cardTerms = new Set<string>();
      const own: number[] = [];
      for (const q of card.questions) {
        const terms = new Set(termsOf(q));
        if (terms.size === 0) continue;
        const pi = this.phrasings.push({ card: ci, text: q, terms, termList: [...terms], weights: [], total: 0, type: answerType(q) }) - 1;
        own.push(pi);
        let j = 0;
        for (const t of terms) {
          cardTerms.add(t);
          post(this.byTerm, t, pi);
          post(this.positions, t, j++);
        }
      }
      this.cardPhrasings.push(own);
      const answer = new Set(analyze(`${card.answer} ${card.answer_en ?? ""}`));
      this.answerTerms.push(answer);
      for (const t of answer) post(this.answersByTerm, t, ci);
      const all = new Set([...cardTerms, ...answer]);
      this.cardTerms.push(all);
      for (const t of all) post(this.cardsByTerm, t, ci);
      for (const t of new Set([...cardTerms, ...answer])) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    });
    this.kinds = cards.map(cardKind);
    this.givesSum = Uint8Array.from(cards, (c) => (givesAmount(c.answer) ? 1 : 0));
    this.givesCountOf = Uint8Array.from(cards, (c) => (givesCount(c.answer) ? 1 : 0));
    this.yesNo = Uint8Array.from(cards, (c) => (YES_NO_ANSWER.test(c.answer) ? 1 : 0));
    const np = this.phrasings.length;
    this.agentOnly = Uint8Array.from(this.phrasings, (p) => (cards[p.card]!.audience === "agent" ? 1 : 0));
    const nc = cards.length;
    this.scratch = {
      stamp: 0,
      candidate: new Float64Array(np),
      shared: new Int32Array(np),
      inPhrasing: new Float64Array(np),
      found: new Float64Array(np),
      foundStamp: new Float64Array(np),
      inAnswer: new Float64Array(nc),
      inCard: new Float64Array(nc),
      cardFound: new Float64Array(nc),
      cardFoundStamp: new Float64Array(nc),
      bestStamp: new Float64Array(nc),
      bestF1: new Float64Array(nc),
      bestPhrasing: new Int32Array(nc),
    };
    // Weights depend on the document frequencies of every card: computed once all cards are in.
    for (const p of this.phrasings) {
      p.weights = p.termList.map((t) => this.weight(t));
      let total = 0;
      for (const w of p.weights) total += w;
      p.total = total;
    }
    this.phrasingCard = Int32Array.from(this.phrasings, (p) => p.card);
    this.phrasingTermCount = Int32Array.from(this.phrasings, (p) => p.termList.length);
    this.phrasingTotal = Float64Array.from(this.phrasings, (p) => p.total);
    this.phrasingType = this.phrasings.map((p) => p.type);
    this.phrasingAxes = this.phrasings.map((p) => namedAxes(p.text));
    this.phrasingWeightsAt = new Int32Array(np);
    let at = 0;
    this.phrasings.forEach((p, pi) => {
      this.phrasingWeightsAt[pi] = at;
      at += p.weights.length;
    });
    this.phrasingWeights = new Float64Array(at);
    this.phrasings.forEach((p, pi) => this.phrasingWeights.set(p.weights, this.phrasingWeightsAt[pi]!));
  }

  get size(): number {
    return this.cards.length;
  }

  /** Weight of a term: rare across cards weighs more; a word no card uses weighs like a rare one. */
  weight(term: string): number {
    if (term.startsWith("?")) return TYPE_WEIGHT;
    const n = Math.max(1, this.cards.length);
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The best matching cards (one entry per card), best first. The score mixes the F1
   * with the closest phrasing of the same kind (0.8) and the share of the question
   * found anywhere in the card (0.2); a card whose answer cannot satisfy the question's type (a "combien ?"
   * answered without any number) is scored at half.
   */
  match(
    q: QueryAnalysis,
    opts: { audience?: "agent" | "porteur"; limit?: number; question?: string; focus?: ReadonlySet<string>; asked?: string } = {},
  ): CardMatch[] {
    if (q.terms.length === 0 || this.phrasings.length === 0) return [];
    const own = opts.question ? termsOf(opts.question) : [];
    const qTerms = [...new Set([...q.terms.map((t) => NUMBER_WORDS[t] ?? t), ...own.filter((t) => t.startsWith("?") || /^\d+$/.test(t))])];
    const alts = qTerms.map((t) => [t, ...(q.alternatives.get(t) ?? [])]);
    // A follow-up read with the previous topic: the words the person just wrote (`focus`) weigh more than the topic's.
    const focus = opts.focus && new Set([...opts.focus].map((t) => NUMBER_WORDS[t] ?? t));
    const qWeights = qTerms.map((t) => this.weight(t) * (focus && !t.startsWith("?") && !focus.has(t) ? TOPIC_WEIGHT : 1));
    const qTotal = qWeights.reduce((a, b) => a + b, 0);
    const qSet = new Set(alts.flat());
    const x = this.scratch;
    const query = ++x.stamp;
    // Candidate phrasings: those sharing at least one term (or synonym) with the question, in this order.
    const candidates: number[] = [];
    for (const t of qSet) {
      const list = this.byTerm.get(t);
      if (!list) continue;
      const at = this.positions.get(t)!;
      for (let e = 0; e < list.length; e++) {
        const pi = list[e]!;
        if (x.candidate[pi] !== query) {
          x.candidate[pi] = query;
          x.shared[pi] = 0;
          candidates.push(pi);
        }
        if (at[e]! < 31) x.shared[pi]! |= 1 << at[e]!;
      }
    }
    // Share of the question's weight in each phrasing (a term found only in the card's answer counts
    // half) and in each card, term by term in the question's order, from the inverted indexes.
    for (let i = 0; i < alts.length; i++) {
      const forms = alts[i]!;
      const w = qWeights[i]!;
      const term = ++x.stamp;
      for (const f of forms) {
        for (const pi of this.byTerm.get(f) ?? [])
          if (x.inPhrasing[pi] !== term) {
            x.inPhrasing[pi] = term;
            if (x.foundStamp[pi] === query) x.found[pi] += w;
            else {
              x.foundStamp[pi] = query;
              x.found[pi] = w;
            }
          }
        for (const ci of this.answersByTerm.get(f) ?? []) x.inAnswer[ci] = term;
        for (const ci of this.cardsByTerm.get(f) ?? [])
          if (x.inCard[ci] !== term) {
            x.inCard[ci] = term;
            if (x.cardFoundStamp[ci] === query) x.cardFound[ci] += w;
            else {
              x.cardFoundStamp[ci] = query;
              x.cardFound[ci] = w;
            }
          }
      }
      for (const f of forms) {
        for (const ci of this.answersByTerm.get(f) ?? []) {
          if (x.inAnswer[ci] !== term) continue;
          x.inAnswer[ci] = 0; // once per card and term
          for (const pi of this.cardPhrasings[ci]!) {
            if (x.inPhrasing[pi] === term) continue;
            if (x.foundStamp[pi] === query) x.found[pi] += 0.5 * w;
            else {
              x.foundStamp[pi] = query;
              x.found[pi] = 0.5 * w;
            }
          }
        }
      }
    }
    const type = opts.question ? answerType(opts.question) : "other";
    const axesAsked = askedAxes(opts.asked ?? opts.question ?? "");
    const why = opts.question !== undefined && asksWhy(opts.question);
    const amount = opts.question !== undefined && asksAmount(opts.question);
    // The kind a card must answer is the one the person's own words ask (a follow-up's, not its topic's).
    const asked = opts.asked ?? opts.question;
    const kind = asked ? askedKind(asked) : "other";
    const count = asked !== undefined && asksCount(asked);
    const existence = asked !== undefined && asksTopicKindExists(asked);
    const agentOfAct = kind === "who" && asked !== undefined && asksAgentOfAdoption(asked);
    // What the asked words want, read once for all the cards below.
    const list = kind === "definition" && asked !== undefined && asksList(asked);
    let attribute: boolean | undefined;
    const asksAttributeOnce = () => (attribute ??= asked !== undefined && asksAttribute(asked));
    let manner: boolean | undefined;
    const asksMannerOnce = () => (manner ??= asked !== undefined && asksManner(asked));
    // Per card, its best phrasing so far (the first of equal F1), in the order cards are first met.
    const seen = ++x.stamp;
    const met: number[] = [];
    for (const pi of candidates) {
      if (opts.audience !== "agent" && this.agentOnly[pi] === 1) continue;
      const qFound = x.foundStamp[pi] === query ? x.found[pi]! : 0;
      const pTotal = this.phrasingTotal[pi]!;
      let pFound = 0;
      if (this.phrasingTermCount[pi]! <= 31) {
        // The shared terms' weights, in the phrasing's term order (the same sum, bit by bit).
        const weights = this.phrasingWeights;
        const w0 = this.phrasingWeightsAt[pi]! + 31;
        for (let m = x.shared[pi]!; m !== 0; m &= m - 1) pFound += weights[w0 - Math.clz32(m & -m)]!;
      } else {
        const p = this.phrasings[pi]!;
        for (let j = 0; j < p.termList.length; j++) if (qSet.has(p.termList[j]!)) pFound += p.weights[j]!;
      }
      const recall = qTotal ? qFound / qTotal : 0;
      const precision = pTotal ? pFound / pTotal : 0;
      // A phrasing that asks another kind of thing ("y a des PTCE ?" for "c'est quoi un PTCE ?") counts less.
      // (and a phrasing about another axis of the schema than the one asked, less still)
      const f1 =
        (recall + precision ? (2 * recall * precision) / (recall + precision) : 0) *
        (compatible(type, this.phrasingType[pi]!) ? 1 : 0.7) *
        (otherAxes(axesAsked, this.phrasingAxes[pi]!) ? OTHER_AXIS : 1);
      const ci = this.phrasingCard[pi]!;
      if (x.bestStamp[ci] !== seen) {
        x.bestStamp[ci] = seen;
        met.push(ci);
      } else if (!(f1 > x.bestF1[ci]!)) continue;
      x.bestF1[ci] = f1;
      x.bestPhrasing[ci] = pi;
    }
    // Each card met is scored; only the best ones become match objects (sorted as the cards were met, the same order).
    const scores = new Float64Array(met.length);
    const recalls = new Float64Array(met.length);
    const typeOks = new Uint8Array(met.length);
    for (let k = 0; k < met.length; k++) {
      const ci = met[k]!;
      const found = x.cardFoundStamp[ci] === query ? x.cardFound[ci]! : 0;
      const recall = qTotal ? found / qTotal : 0;
      // « Pourquoi… ? » is not answered by « Oui. » / « Non. »
      // A card answers the kind of question its phrasings ask (« qui délivre ? » is not answered by a definition), and a
      // count (« combien d'entrepreneurs ? ») is not given by a share.
      const typeOk =
        answersType(type, this.cards[ci]!.answer) &&
        (!amount || this.givesSum[ci] === 1) &&
        !(why && this.yesNo[ci] === 1) &&
        // (who voted or adopted a thing is said by a card whose answer names that body, whatever its phrasings ask:
        // « À quelle date… ? » → « L'assemblée départementale a adopté le schéma ce jour-là »)
        (agentOfAct ? namesAdopter(this.cards[ci]!.answer) : kindFitsAsked(kind, this.kinds[ci]!, list, asksAttributeOnce, asksMannerOnce)) &&
        (!count || this.givesCountOf[ci] === 1) &&
        (!existence || existenceFits(this.kinds[ci]!, this.yesNo[ci] === 1));
      recalls[k] = recall;
      typeOks[k] = typeOk ? 1 : 0;
      scores[k] = (0.8 * x.bestF1[ci]! + 0.2 * recall) * (typeOk ? 1 : 0.5);
    }
    const order = Array.from(met.keys()).sort((a, b) => scores[b]! - scores[a]!);
    return order.slice(0, opts.limit ?? 3).map((k) => {
      const ci = met[k]!;
      return {
        card: this.cards[ci]!,
        score: scores[k]!,
        f1: x.bestF1[ci]!,
        recall: recalls[k]!,
        typeOk: typeOks[k] === 1,
        phrasing: this.phrasings[x.bestPhrasing[ci]!]!.text,
      };
    });
  }
}
