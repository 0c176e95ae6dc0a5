/**
 * A person named by first and last name (« Hélène Meunier », « Sophie Krawczyk ») whose own contact details or fees
 * are asked (« le portable de… », « l'e-mail de… », « elle prend combien ? »): the public sources name people by their
 * role, never give their personal phone, mail or rates. Read by the structure of the question (a contact detail or a
 * price said of a named person), not by listed wordings.
 */
import { fold } from "../retrieval/analyzer.js";

/** Capitalised words that open the names of organisations, places and events, not of people. */
const NOT_FIRST_NAME =
  /^(la|le|les|l|un|une|des|du|de|et|ou|en|au|aux|france|initiative|gard|grande|alter|mine|maison|espace|pont|mois|forum|rencontres?|departement|region|conseil|club|reseau|scic|scop|cress|miess|ess|quel|quelle|quels|quelles|est|c|vous|tu|nous|je|on|bonjour|merci|hello|the|what|is|do|does|can|could|and|sud|banque|caisse|credit|fondation|fonds|pays|piemont|uzege|garrigues|vidourle|aigoual|nimes|ales|saint|sainte|mas|clos|chemin)$/;

/** Two capitalised words (a first name, a last name), the first not an article nor an organisation's first word. */
const PERSON = /(?<!\p{L})(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu}[\p{Ll}\p{Lu}’'-]+)/gu;

/** Whether a message names a person (see PERSON). */
export function namesPerson(raw: string): boolean {
  for (const m of raw.matchAll(PERSON)) if (!NOT_FIRST_NAME.test(fold(m[1]!))) return true;
  return false;
}

/** A contact detail said of someone: « le portable de », « l'e-mail d' », "the phone number of". */
const CONTACT_OF =
  /\b(?:portable|mobile|telephone|tel|numero|num|06|07|mail|e mail|email|courriel|adresse|coordonnees|phone|phone number|number|cell|address|contact details)\s+(?:perso\w*\s+|direct\w*\s+|personal\s+|private\s+)?(?:de|d'|du|of)\s*$/;

/** A price asked of a person's own work: « elle prend combien ? », « ses tarifs », "what does she charge?". */
const FEE =
  /\b(?:(?:elle|il|ils|elles)\s+(?:prend|prennent|facture|facturent|demande|demandent|coute|coutent)\s+combien|combien\s+(?:prend|facture|demande|coute)\s*t?\s*(?:elle|il)|ses\s+tarifs|son\s+tarif|ses\s+honoraires|son\s+taux\s+journalier|(?:she|he)\s+charges?|does\s+(?:she|he)\s+charge|her\s+(?:fees|rates)|his\s+(?:fees|rates))\b/;

/**
 * Whether a message asks the contact details or the fees of a person it names: a contact detail right before the name
 * (« avez-vous le portable d'Hélène Meunier ? »), or a named person and a price asked of her or him.
 */
export function asksNamedPersonContact(raw: string): boolean {
  const text = raw.replace(/[’`]/g, "'");
  for (const m of text.matchAll(PERSON)) {
    if (NOT_FIRST_NAME.test(fold(m[1]!))) continue;
    const before = fold(text.slice(0, m.index)).replace(/-/g, " ").trimEnd();
    if (CONTACT_OF.test(before)) return true;
    if (FEE.test(fold(text).replace(/-/g, " "))) return true;
  }
  return false;
}

/**
 * A person asked by the role they hold in a body (an adviser, a consultant, a project officer, a manager, the person in
 * charge of a thing), as folded text: the public sources name the bodies and their elected officials, never the people
 * who work there. (« conseiller » alone is an adviser; a « conseiller départemental » is an elected official, below.)
 */
const ROLE = String.raw`(?:conseill(?:er|ere)s?(?! (?:departementa|regiona|municipa|communautaire|d'etat))|consultante?s?|charge(?:e)?s? (?:de mission|d'affaires|de developpement|de projets?|d'accompagnement|du suivi)|referente?s?|accompagnat(?:eur|rice)s?|coordinat(?:eur|rice)s?|animat(?:eur|rice)s?|responsables?|direct(?:eur|rice)s?|chef(?:fe)?s? (?:de service|du service|de projets?|d'equipe|de pole)|gestionnaires?|agente?s?|salariee?s?|webmasters?|correspondante?s?|personnes? (?:qui|en charge|chargee?s?|responsables?|a contacter|de contact|referentes?)|advis[eo]rs?|consultants?|(?:case |project |programme |program |account |business |liaison )?officers?|managers?|coordinators?|case workers?|contact persons?|point of contact|persons? (?:in charge|responsible|who|that|running|managing|handling)|people (?:in charge|responsible|who|running|managing|handling)|directors?|head of|staff members?|employees?|coach(?:es)?|mentors?|facilitators?)\b`;

/** « qui est le… », "who is the…", "who will our…": who a person is, asked before the role (a determiner follows). */
const WHO_IS = new RegExp(
  String.raw`(?:\bqui (?:est|sera|serait|sont|seront|etait|etaient|c'est|c|va etre|vont etre|est ce)|\bwho(?:'s|s| is| are| was| were|'ll be| will be| would be| will| would)(?: (?:going to|gonna) be)?) (?:le |la |les |l'|notre |nos |mon |ma |mes |votre |vos |leur |leurs |son |sa |ses |ce |cette |un |une |the |our |my |their |its |your |this |that |his |her |a |an )(?:[\w']+ ){0,4}?${ROLE}`,
);

/** « c'est qui… », « ce sera qui… », « qui c… »: who a person is, asked in everyday words (the role before or after). */
const WHO_EVERYDAY = /\b(?:c'est|c est|ce sera|ca sera|ce serait|ce sont|ce seront|c'etait|c) qui\b(?! qui\b)/;

/** « comment s'appelle… », « il s'appelle comment ? »: a name asked (of the role the sentence names). */
const NAME_ASKED = /\b(?:comment (?:il |elle )?s'appell?e(?:nt)?|s'appell?e(?:nt)? comment)\b/;

/** « le nom du consultant », « le nom et le mail du chargé… », "the name of the adviser": the name of a role's holder (« au nom de » speaks for someone). */
const NAME_OF_ROLE = new RegExp(
  String.raw`\b(?:(?<!au )noms? (?:et (?:[\w']+ ){1,6}?)?(?:du |de la |de l'|des |d'|de )|names? (?:and (?:[\w']+ ){1,4}?)?of (?:the |our |my |their |its |this |that |your )?)(?:[\w']+ ){0,2}?${ROLE}`,
);

/** « quel consultant… », "which DLA adviser…": which person holds a role. */
const WHICH_ROLE = new RegExp(String.raw`\b(?:quel(?:le)?s? |which (?:[\w']+ ){0,2}?)${ROLE}`);

/** "who will be assigned to us?", « qui nous sera attribué ? »: the person a body will assign. */
const ASSIGNED =
  /\b(?:who(?:'ll| will| would)? (?:be )?(?:assigned|allocated|appointed) to (?:us|me|our|my)|qui (?:nous |me |m')(?:sera|seront|va etre|vont etre|est|a ete|ont ete) (?:attribuee?s?|affectee?s?|assignee?s?|designee?s?))\b/;

/**
 * A role spoken of as held by someone (« le consultant », « notre conseillère », "the adviser"), not a count of people
 * (« ma boîte de 3 salariés »).
 */
const HELD_ROLE = new RegExp(
  String.raw`\b(?:(?:le|la|les|du|des|de la|notre|nos|mon|ma|mes|votre|vos|leur|leurs|son|sa|ses|ce|cette|the|our|my|their|its|your|this|that) |l')(?:[\w']+ ){0,2}?${ROLE}`,
);

/** Roles the sources do name the holders of: elected officials (the president, a vice-president, a councillor…). */
const ELECTED =
  /\b(?:vice ?)?presid\w*|\belue?s?\b|\bconseill(?:er|ere)s? (?:departementa|regiona|municipa|communautaire)\w*|\bmaires?\b|\bdeputee?s?\b|\bsenat\w*|\bchair\w*|\belected\b|\bmayors?\b|\bcouncill?ors?\b|\brapporteur\w*/;

/**
 * Whom to turn to (« à qui s'adresser ? », « qui peut m'aider ? », "who should I contact?"): a route, which the sources
 * give, not a person's name.
 */
const WHOM_TO_TURN_TO =
  /\b(?:a qui|aupres de qui|vers qui|vers quel(?:le)?s?|qui (?:contacter|appeler|joindre|solliciter)|qui (?:peut|pourrait|pourra|peuvent|pourraient) (?:m'|nous |l'|les |me |vous |t')?(?:aider|accompagner|orienter|conseiller|renseigner|repondre)|who (?:can|could|should|do|would|will) (?:i|we|they|you) (?:contact|call|ask|talk|speak|turn|reach|get in touch)|who to (?:contact|call|ask|talk|turn)|who (?:can|could) help|whom)\b/;

/**
 * Whether a message asks who a person is by the role they hold in a body (« c'est qui notre consultant ? », « comment
 * s'appelle le chargé de mission ? », "which DLA adviser covers…?", "who is the person in charge of…?"), or who a body
 * will assign to the writer: the public sources name no such person. Not a role whose holders they name (an elected
 * official), nor whom to turn to (a route), nor who runs a thing asked without a role (« qui porte le DLA ? », a body).
 */
export function asksUnpublishedPerson(raw: string): boolean {
  const text = fold(raw.replace(/[’`]/g, "'")).replace(/-/g, " ").replace(/\s+/g, " ");
  // Each sentence on its own: a role named in one and « qui » in another ask nothing of each other.
  for (const sentence of text.split(/(?<=[.?!;])\s+/)) {
    if (ELECTED.test(sentence) || WHOM_TO_TURN_TO.test(sentence)) continue;
    if (ASSIGNED.test(sentence) || WHO_IS.test(sentence) || WHICH_ROLE.test(sentence) || NAME_OF_ROLE.test(sentence)) return true;
    if ((WHO_EVERYDAY.test(sentence) || NAME_ASKED.test(sentence)) && HELD_ROLE.test(sentence)) return true;
  }
  return false;
}
