/**
 * A reading of one family of unpublished facts by its meaning: a legal or tax verdict on the person's OWN case (« la
 * subvention qu'on envisage pour notre SCIC, c'est une aide d'État ou pas ? », « notre prêt de local gratuit est-il
 * imposable ? », "is our grant from the city state aid?"). The sources state the general rules (what State aid is, the
 * de minimis ceilings, what is taxed); whether one arrangement of one structure falls under them is a lawyer's, the
 * funder's or the tax office's examination, never published.
 *
 * The reading is structural: a thing of the person's own (« notre subvention », « le prêt qu'on a reçu », "our grant")
 * made the subject of a legal qualification (« est une aide d'État », « est imposable », « est légal », "is state
 * aid"). The rule asked without one's own case (« une subvention du Département est-elle une aide d'État ? ») is
 * answered; so is a possibility (« notre asso peut-elle recevoir des aides de minimis ? »), which names no verdict.
 */
import { ownCaseText } from "./own-outcome.js";

/** A thing of the person's own: a first-person possessive and its noun, or a relative clause with a first-person pronoun. */
const OWN_THING = String.raw`(?:\b(?:notre|nos|mon|ma|mes|our|my) \w+|\b(?:qu|que|that|which) (?:\w+ ){0,3}?(?:on|nous|je|j|me|m|we|i|us|me)\b)`;
/** A legal or tax qualification: State aid, taxable, lawful, subject to VAT. */
const QUALIFICATION =
  "(?:(?:une |des |un )?aides? d etat|(?:une |un )?aides? de minimis|imposables?|taxables?|assujettie?s?|soumise?s? a (?:la )?(?:tva|l impot)|legale?s?|illegale?s?|legal|lawful|unlawful|illegal|(?:a )?state aid|subject to (?:vat|tax))";
/** The qualification said of what comes before: « …, c'est une aide d'État », « … est-il légal », "… is state aid". */
const SAID_OF = new RegExp(
  String.raw`${OWN_THING}[^?.!:;]{0,90}?(?<!\b(?:what|which|qu|quoi|que) )\b(?:c est|ce sont|est|sont|serait|seraient|constitue\w*|releve\w*|is|are|would be|counts? as)\b(?: (?:t )?(?:il|elle|ils|elles|ce|it|this|that|they))?(?: (?:bien|vraiment|alors|considere\w* comme|considered|really|actually|legally))*(?: (?:une|un|des|a|an))? ${QUALIFICATION}\b`,
);
/** English inversion: "is our grant state aid?", "would my contract be legal?". */
const INVERTED = new RegExp(
  String.raw`\b(?:is|are|would|does|do)\b (?:(?:our|my) )(?:\w+ ){1,4}(?:be |count as |qualify as |considered )?(?:a |an )?${QUALIFICATION}\b`,
);

/**
 * The ESS itself as a qualification of the person's own structure (« est-ce qu'on est une entreprise de l'ESS ? »,
 * « notre SAS fait-elle partie de l'ESS ? », "are we a social economy company?").
 */
const ESS_QUALITY = String.raw`(?:(?:une |un )?(?:entreprise|structure|societe|boite|acteur)s? )?(?:de l ess|ess|de l economie sociale(?: et solidaire)?|esus|solidaires? d utilite sociale)\b`;
const OWN_ESS_STATUS = new RegExp(
  String.raw`\b(?:on est|on serait|nous sommes|sommes nous|serions nous|je suis|suis je|notre \w+(?: \w+)?? (?:est|serait|fait|ferait)(?:(?: t)? (?:il|elle))?(?: partie)?)(?: (?:bien|vraiment|donc|alors|deja|consideree?s? comme))*(?: partie)? ${ESS_QUALITY}` +
    String.raw`|\b(?:on|nous|notre \w+) (?:fait|faisons|fais|ferait|ferions)(?: t (?:il|elle))? partie (?:de l ess|de l economie sociale)` +
    String.raw`|\b(?:are we|am i|is our(?: \w+){0,2}|is my(?: \w+){0,2}|do we count as|does our(?: \w+){0,2} count as) (?:really |legally |actually )?(?:part of )?(?:an? |the )?(?:ess|social economy|social and solidarity economy|esus)\b`,
);
/**
 * A commercial company: it belongs to the ESS only if it meets the conditions of the ESS law (purpose, governance,
 * profits), which is an examination of its articles, not a fact the sources publish. An association, a cooperative, a
 * mutual or a foundation is of the ESS by its status, a rule the sources do give.
 */
const COMMERCIAL = /\b(?:sas|sasu|sarl|eurl|sa|societe commerciale|societe par actions|entreprise commerciale|startup|start up|company|ltd|llc|plc)\b/;
/** A condition asks the rule (« sommes-nous de l'ESS si nous réinvestissons nos bénéfices ? »). */
const CONDITION = /\b(?:si|s il|if|a condition|provided|pour que|so that)\b/;
const STATUTORY_ESS = /\b(?:asso|assos|association|associations|cooperative|scop|scic|cae|mutuelle|fondation|foundation|co ?op)\b/;

/** Whether the message asks a legal or tax verdict on a thing of the person's own (see above). */
export function asksOwnVerdict(raw: string): boolean {
  const folded = ownCaseText(raw);
  // the clauses that ask: each question (the message's last sentence when none has « ? »)
  const sentences = folded.split(/(?<=[?.!])/);
  const asked = sentences.filter((s) => s.includes("?"));
  return (asked.length ? asked : sentences.slice(-1)).some(
    (s) => SAID_OF.test(s) || INVERTED.test(s) || (OWN_ESS_STATUS.test(s) && !CONDITION.test(s) && COMMERCIAL.test(folded) && !STATUTORY_ESS.test(folded)),
  );
}
