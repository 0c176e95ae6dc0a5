/**
 * A reading of one family of unpublished facts by its meaning: a sum computed for the person's own case from a
 * figure they give (« pour 30 000 € de chiffre d'affaires, combien vais-je reverser à la CAE ? », « sur un don de
 * 500 €, on économise combien d'impôt ? », "if I earn €40,000, how much will I owe the cooperative?"). The sources
 * publish rates and rules (« environ 10 % du chiffre d'affaires »), never the exact sum one person will pay,
 * receive, save or get back: that depends on their contract, their situation and the year, and the structure computes it.
 *
 * The reading is structural: a sum asked (« combien », « quel montant », "how much"), an amount of the person's own
 * stated in the message, a first-person marker, and a verb of paying, owing, receiving or saving.
 */
import { foldUncached } from "../core/text.js";

const text = (raw: string) =>
  foldUncached(raw)
    .replace(/[’']/g, " ")
    .replace(/-/g, " ")
    .replace(/[ \t]+/g, " ");

/** A sum asked. */
const SUM_ASKED = /\b(?:combien|cb|quel montant|quelle somme|how much|what amount|what sum)\b/;
/** An amount the person states: « 30 000 € », « 2 500 euros », « 40k », "€40,000". */
const AMOUNT = /(?:€\s?\d|\b\d[\d\s.,]*\s?(?:€|euros?\b|eur\b|k€|k\b|balles\b))/;
/** The person's own case. */
const OWN = /\b(?:je|j|me|m|moi|nous|on|mon|ma|mes|notre|nos|i|we|us|our|my)\b/;
/**
 * What a sum of one's own case is: paid, given back, owed, received, saved, deducted, recovered (« reverser »,
 * « paierai », « toucherons », « économiser », « récupérer », "owe", "save"). Folded stems, a word beginning with one of them.
 */
const RESULT =
  /\b(?:recuper|revers|vers(?:e|er|erai|erons|era|ons|ez)\b|pai(?:e|es|ent|erai|erons|era|eront)\b|pay|cotis|economis|touch|percevr|percoi|recevr|recoi|rembours|dedui|dedu|rapporter|rapportera|owe|save|earn|get back|receive|deduct)/;
/** A ceiling or a rule asked, which the sources may state (« jusqu'à combien peut-on emprunter ? », « à quel taux ? »). */
const RULE_ASKED =
  /\b(?:combien de (?:temps|mois|ans|annees|semaines|jours)|how long|jusqu a combien|maximum|max|plafond|au plus|quel taux|quel pourcentage|up to|at most|what rate|what percentage)\b/;

/**
 * A sum the person owes or pays someone in particular, named by a pronoun before the verb (« combien doit-on lui
 * rembourser ? », « combien je dois leur verser ? », "how much do we owe him?"): that person's due in the person's own
 * case (a departing member's shares, an employee's settlement), which their contract or statutes set. « Leur prêt » is
 * no pronoun before a verb, nor « il a mis combien, lui ? ».
 */
const DUE_TO_SOMEONE =
  /\b(?:lui|leur) (?:(?:a|ai|avons|avez|ont) )?(?:rembours|revers|vers(?:e|er|erai|erons|era|ons|ez)\b|pai(?:e|es|ent|er|erai|erons|era|eront)\b|payer|doi[st]?\b|devons|devez|doivent|rend(?:re|rons|ra)?\b|donn(?:er|erons|era)\b|restitu)|\b(?:pay|give|owe|refund|reimburse|pay back|give back) (?:him|her|them)\b/;

/**
 * Whether the message asks the exact sum of the person's own case: computed from an amount they state, or owed to
 * someone in particular (see DUE_TO_SOMEONE).
 */
export function asksOwnComputation(raw: string): boolean {
  const folded = text(raw);
  if (!SUM_ASKED.test(folded) || RULE_ASKED.test(folded)) return false;
  if (OWN.test(folded) && DUE_TO_SOMEONE.test(folded)) return true;
  return AMOUNT.test(folded) && OWN.test(folded) && RESULT.test(folded);
}
