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
