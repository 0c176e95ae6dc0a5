/**
 * A reading of one kind of request by its meaning rather than by listed wordings: a document the person asks the
 * assistant to write for them (their application file, a letter signed in their name, a business plan, bylaws, a
 * form to fill in, school or university work — an essay, a talk, a thesis). The assistant explains procedures and
 * criteria from public sources; it writes no one's file.
 *
 * The reading is structural: a writing verb addressed to the assistant — an imperative opening a clause (« rédige-moi… »,
 * "draft our…"), an infinitive after a request (« tu peux m'écrire… », « merci de remplir… », "can you write…"), or a
 * subjunctive after a wish (« j'aimerais que vous rédigiez… ») — whose direct object is a document. A question on how
 * to write one (« comment rédiger notre dossier ? »), a request for help to write it (« qui peut nous aider à rédiger
 * nos statuts ? »), or the person writing it themselves (« je rédige notre dossier : quelles pièces ? ») asks what the
 * sources say, and is left to the answer.
 */
import { foldUncached } from "../core/text.js";

/** Writing verbs as imperatives (French tu / vous, English). */
const IMPERATIVE =
  "(?:redige|redigez|ecris|ecrivez|remplis|remplissez|prepare|preparez|compose|composez|elabore|elaborez|genere|generez|fais|faites|monte|montez|write|draft|prepare|compose|fill in|fill out|put together)";
/** The same verbs as infinitives, after a request (« tu peux… », « merci de… », "can you…"). */
const INFINITIVE = "(?:rediger|ecrire|remplir|preparer|composer|elaborer|generer|faire|monter|write|draft|prepare|compose|fill in|fill out|put together|do)";
/** The same verbs as subjunctives, after a wish addressed to the assistant (« je voudrais que vous rédigiez… »). */
const SUBJUNCTIVE = "(?:rediges|redigiez|ecrives|ecriviez|remplisses|remplissiez|prepares|prepariez|composes|composiez|elabores|elaboriez|fasses|fassiez)";
/** A request addressed to the assistant, before an infinitive. */
const REQUEST =
  "(?:peux tu|pouvez vous|pourrais tu|pourriez vous|tu peux|vous pouvez|tu pourrais|vous pourriez|tu veux bien|voulez vous bien|voudriez vous|merci de|je te demande de|je vous demande de|can you|could you|would you|will you|please|i need you to|i want you to|i d like you to)";
/** Words that may stand between the verb and its object: an object pronoun, an adverb, a politeness. */
const BETWEEN =
  "(?: (?:moi|nous|me|m|us|for me|for us|a (?:ma|notre|leur) place|pour (?:moi|nous)|pour (?:ma|mon|notre|nos|leur) [a-z0-9]+|on (?:my|our) behalf|instead of (?:me|us)|stp|svp|entierement|completement|integralement|directement|rapidement|vite|tout|toute|entirely|fully|completely|quickly))*";
/** A determiner that opens the verb's direct object. */
const DETERMINER =
  "(?:le|la|les|l|un|une|des|du|mon|ma|mes|notre|nos|ton|ta|tes|votre|vos|son|sa|ses|leur|leurs|ce|cet|cette|ces|the|a|an|my|our|your|their|this|that)";
/**
 * A response to a public tender or a call (« la réponse de ma SCOP au prochain marché », « notre mémoire technique », « l'offre
 * pour l'appel d'offres »): documents a bidder writes, whose process is public procurement when they answer a tender.
 */
const TENDER_RESPONSE =
  "(?:memoires? techniques?|reponses? (?:(?:de|d) (?:ma|mon|notre|nos|la|le|l|leur) ?(?:[a-z0-9]+ ){1,2})?(?:a|au|aux|pour) (?:l |la |le |les |un |une |cet |cette |ce |ces |des )?(?:(?:prochain|prochaine|nouvel|nouveau|nouvelle|dernier|derniere|futur|future) )?(?:appels?|marches?|consultations?)|offres? (?:techniques?|commerciales?|de prix|(?:pour|au|a|du) (?:le |la |l |un |une |ce |cet |cette )?(?:(?:prochain|prochaine|nouvel|nouveau|nouvelle) )?(?:marches?|appels? d offres?|consultations?))|(?:answers?|responses?|replies|bids?) (?:to|for) (?:the |a |an |this |that )?(?:\\w+ ){0,3}(?:tenders?|calls? for tenders?|public contracts?|procurement))";
/** Documents the person's structure writes and signs itself (a request for an appointment or a call back is no such document). */
const DOCUMENT = `(?:dossiers?|candidatures?|lettres?|courriers?|courriels?|mails?|e mails?|emails?|business plans?|plans? d affaires|plans? de financement|previsionnels?|budgets?(?: previsionnels?)?|statuts|formulaires?|demandes?(?! de (?:rendez vous|rdv|contact|mise en relation|rappel|information|informations|renseignements?))|projets? associatifs?|notes? d intention|argumentaires?|pitchs?|${TENDER_RESPONSE}|conventions?|contrats?|rapports? d activite|fiches? projets?|dissertations?|devoirs?|exposes?|memoires?|essais?|rapports? de stage|applications?|letters?|essays?|homework|assignments?|theses|thesis|cover letters?|forms?|proposals?|bids?|tenders?|(?:answers?|responses?|replies) to (?:the |a |an |this |that )?(?:\\w+ ){0,3}(?:calls?|tenders?|consultations?)|bylaws|grant applications?|funding applications?|pitch decks?|requests?(?! for (?:a |an )?(?:meeting|call|appointment|information|contact)))`;
/** Adjectives that may stand between the determiner and the document (« notre futur dossier », "a complete business plan"). */
const ADJECTIVE = "(?: (?:futur|future|nouveau|nouvelle|premier|premiere|complet|complete|full|complete|whole|entire|new|first|petit|petite|short))?";

/**
 * English nouns that name what a document is for, before it (« my ESUS application letter », "our DLA funding
 * request"): up to three words that are no determiner, preposition or pronoun (« the rules for the application » is no
 * document of the person's).
 */
const ENGLISH_DETERMINER = "(?:the|a|an|my|our|your|their|this|that)";
const NOUN_MODIFIER = "(?: (?!(?:of|for|to|on|in|about|with|from|by|and|or|the|a|an|my|our|your|their|this|that|it|me|us|you|them)\\b)[a-z0-9]+){1,3}";
const OBJECT = `${BETWEEN} (?:${DETERMINER}${ADJECTIVE}|${ENGLISH_DETERMINER}${NOUN_MODIFIER}) ${DOCUMENT}\\b`;
/** An imperative opens its clause (« je rédige notre dossier » is the person writing it). */
const CLAUSE_START = "(?:^|[.!?,;:\\n]\\s*|\\b(?:bonjour|salut|hello|hi|svp|stp|alors|donc|ok|bon)\\s+)";
const DRAFT_ASKED = new RegExp(
  `${CLAUSE_START}${IMPERATIVE}${OBJECT}` +
    `|\\b${REQUEST}(?: (?:me|m|nous|us|moi))? ${INFINITIVE}${OBJECT}` +
    `|\\bque (?:tu|vous)(?: (?:me|m|nous))? ${SUBJUNCTIVE}${OBJECT}`,
);

const text = (raw: string) =>
  foldUncached(raw)
    .replace(/[’']/g, " ")
    .replace(/-/g, " ")
    .replace(/[«»"“”()]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();

/** Whether the message asks the assistant to write a document for the person (their file, a letter, a business plan…). */
export function asksToDraft(raw: string): boolean {
  return DRAFT_ASKED.test(text(raw));
}

/** A tender named as what the drafted document answers (« marché », « appel d'offres », "tender", "procurement"). */
const TENDER = new RegExp(`${TENDER_RESPONSE}|\\b(?:marches? publics?|appels? d offres?|commande publique|tenders?|public contracts?|procurement)\\b`);

/** Whether the message asks the assistant to write a response to a public tender (its process is public procurement). */
export function asksToDraftTender(raw: string): boolean {
  const t = text(raw);
  return DRAFT_ASKED.test(t) && TENDER.test(t);
}
