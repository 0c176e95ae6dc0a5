/**
 * Figures of another kind than the one asked. A question may ask an average (« le montant moyen
 * des prêts »), a rate (« quel taux d'intérêt ? »), the sum of something done (« il a pris des
 * parts pour quel montant ? ») or a count of people or things (« combien d'entrepreneurs ? »): a
 * maximum (« peut atteindre 40 000 € »), a subsidy ceiling or a share of turnover is no answer to
 * it, and the assistant says it does not know instead.
 */
import { analyze, fold } from "../retrieval/analyzer.js";
import { countedNoun, hasQuantity } from "./asked-quantity.js";

/** The kind of figure a question asks that only a figure of that kind gives. */
export type StatisticAsked = "average" | "rate" | "realised-sum" | "count";

/** Folded, with hyphens as spaces (« a-t-il pris » as « a t il pris »). */
const folded = (t: string) => fold(t).replace(/[’`]/g, "'").replace(/-/g, " ");

/** An average or a median asked (« montant moyen », « en moyenne », "average"); not « un moyen de… », « les moyens ». */
const AVERAGE =
  /\b(?:montant|pret|prets|subvention|subventions|aide|aides|financement|financements|somme|sommes|budget|cout|prix|salaire|taille|nombre|chiffre d'affaires|apport|don|dons|credit|credits|microcredit|microcredits|effectif|age|delai|duree)s? (?:moyen|moyenne|moyens|moyennes|median|mediane|medians|medianes)\b|\ben moyenne\b|\b(?:la|une) (?:moyenne|mediane)\b|\b(?:average|median|on average|mean (?:amount|loan|grant|size|sum))\b/;

/** What gives an average: the word itself, or a ratio (« par projet » is not one: it is a cap or a rule). */
const GIVES_AVERAGE = /\b(moyen|moyenne|moyens|moyennes|median|mediane|average|mean|on average)\b|\bpas publie|\bnot published\b/;

/**
 * A rate asked (« quel taux d'intérêt ? », « à quel taux ? », "what interest rate"), or the share of one thing another
 * covers (« la garantie couvre combien du prêt ? », « quel pourcentage du coût ? », "how much of the loan?"): both are
 * given by a percentage, not by a sum or a count.
 */
const RATE =
  /\b(?:taux d'(?:interet|emprunt)|(?:a |au )?quel(?:le)?s? (?:est |sont )?(?:le |les )?taux|le taux (?:applique|pratique|propose)|interest rates?|what (?:is the )?rate|which rate|at what rate|quel pourcentage|quelle (?:part|proportion)|combien (?:du|de la|de l') ?(?:pret|emprunt|credit|cout|montant|budget|capital|investissement|projet)\b|a (?:quelle )?hauteur de combien|what (?:percentage|proportion|share) of|how much of the (?:loan|cost|budget|capital|investment|project))\b/;

/** What gives a rate: a percentage, or the words of a loan without interest. */
const GIVES_RATE =
  /\d\s?%|\bpour ?cent\b|\b(la moitie|un tiers|deux tiers|un quart|trois quarts|la majorite|half|a third|two thirds|a quarter|three quarters|taux zero|taux nul|taux 0|a 0|sans interet|sans interets|sans frais|gratuit\w*|interest[- ]free|zero interest|no interest|pas publie|not published)\b/;

/**
 * A sum asked of something done (« le Département a-t-il pris des parts… à hauteur de combien ? », « il l'a fait pour
 * quel montant ? »): a past act. (« combien peut-on emprunter ? » asks what may be, which a ceiling answers.)
 */
const PAST_ACT =
  /\b(?:a|ont|avait|avaient)(?: t)?(?: il| elle| ils| elles| on)?(?: deja| bien)* (?:fait|pris|verse|investi|mis|accorde|donne|engage|souscrit|apporte|finance|attribue|alloue|octroye|prete|paye|depense|consacre|injecte)e?s?\b|\bl'a (?:deja )?fait\b|\b(?:ont|a) ete (?:verse|accorde|attribue|alloue|octroye|prete|investi|engage|depense|souscrit)e?s?\b|\b(?:did|has|have|had) (?:it |they |he |she |the department )?(?:already )?(?:take|taken|put|paid|pay|given|give|granted|grant|invested|invest|lent|lend|spent|spend)\b/;

/** A sum asked in any words. */
const SUM = /\b(combien|cb|quel montant|quelle somme|quel budget|quelle enveloppe|a hauteur de|pour quel montant|how much|what amount|which amount)\b/;

/** A ceiling asked: then a ceiling answers. */
const ASKS_CEILING = /\b(max|maxi|maximum|maximal|maximale|plafond|plafonne|plafonnee|au plus|limite|jusqu'? ?a combien|up to|at most|ceiling|cap)\b/;

/** A ceiling stated: « jusqu'à 40 000 € », « peut atteindre », « plafonné à 50 % », « 10 000 € maximum », "up to". */
const CEILING_FIGURE =
  /\b(?:jusqu'? ?a|peut atteindre|peuvent atteindre|pouvant atteindre|pouvant aller jusqu'? ?a|plafonnee?s? a|plafond de|plafonne a|au maximum|maximum de|maximum|dans la limite de|au plus|ne (?:peut|doit) (?:pas )?depasser|sans depasser|limitee?s? a|up to|at most|a maximum of|capped at)\s+(?:de |d'|a |des |du |le |la |l')?[\d.,\s\u00a0]*\d(?:[\d.,\u00a0 ]*\d)?\s*(?:%|€|k€|m€|euros?|millions?(?: d'euros)?|pour ?cent)?|[\d.,\u00a0 ]*\d\s*(?:%|€|k€|euros?)\s+(?:maximum|au maximum|au plus|max)\b/g;

/** A figure that is a sum of money or a share, not a count of people or things. */
const MONEY_OR_SHARE = /[\d.,\u00a0 ]*\d\s*(?:%|€|k€|m€|euros?\b|millions? d'euros|pour ?cent)/g;

/** Words after a share or a sum within which the thing it is a share of is named (« 57,5 % des excédents vont en réserves »). */
const SHARE_REACH = 8;

/** Whether a share or a sum in a folded paragraph is one of `counted` (analysed): named within a few words after it. */
function shareOf(p: string, counted: string): boolean {
  for (const m of p.matchAll(MONEY_OR_SHARE)) {
    const after = p.slice(m.index + m[0].length).split(/[.;:!?,()]/)[0] ?? "";
    if (analyze(after.trim().split(/\s+/).slice(0, SHARE_REACH).join(" ")).includes(counted)) return true;
  }
  return false;
}

/** The kind of figure `own` (the person's words) asks, read with `context` (the question as searched, a follow-up's topic added). */
export function statisticAsked(own: string, context = own): StatisticAsked | null {
  const q = folded(own);
  if (AVERAGE.test(q)) return "average";
  if (RATE.test(q)) return "rate";
  if (SUM.test(q) && !ASKS_CEILING.test(q) && PAST_ACT.test(folded(context))) return "realised-sum";
  if (countedNoun(own) !== null) return "count";
  return null;
}

/**
 * Whether `text` gives the kind of figure asked: an average for an average, a rate for a rate, a figure
 * that is not only a ceiling for a sum of something done, a figure that is not only a sum or a share for a
 * count. One paragraph must give it.
 */
export function givesStatistic(asked: StatisticAsked, text: string, question = ""): boolean {
  // A count answered by a share or a sum of the very thing counted (« combien de réserves ? », « 57,5 % en réserves ») gives it.
  const counted = asked === "count" ? countedNoun(question) : null;
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .some((paragraph) => {
      const p = folded(paragraph);
      switch (asked) {
        case "average":
          return GIVES_AVERAGE.test(p) && hasQuantity(paragraph);
        case "rate":
          return GIVES_RATE.test(p);
        case "realised-sum":
          return hasQuantity(p.replace(CEILING_FIGURE, " ")) || /\bpas publie|\bnot published\b/.test(p);
        case "count":
          return hasQuantity(p.replace(MONEY_OR_SHARE, " ")) || /\bpas publie|\bnot published\b/.test(p) || (counted !== null && shareOf(p, counted));
      }
    });
}

/** Whether a text answers what a question asks, as far as the kind of figure goes (true when it asks none of these). */
export function answersStatistic(own: string, text: string, context = own): boolean {
  const asked = statisticAsked(own, context);
  return asked === null || givesStatistic(asked, text, own);
}

/**
 * A maximum asked in so many words (« et le max ? », « jusqu'à combien ? », « c'est plafonné à combien ? », « le montant
 * maximum ? », "what's the cap?", "up to how much?"), folded. Not « limite », which asks an age, a date or an area as often.
 */
const MAXIMUM_ASKED =
  /\b(?:max|maxi|maximum|maximal|maximale|maximaux|plafond|plafonds|plafonne|plafonnee|plafonnes|plafonnees|au plus|jusqu' ?a combien|jusqu a combien|at most|ceiling|cap|capped|up to how (?:much|many))\b/;

/** What says there is no maximum or that it is not published: it answers a maximum asked as well. */
const NO_MAXIMUM = /\b(?:pas de plafond|sans plafond|aucun plafond|pas de maximum|sans maximum|pas publie\w*|no (?:cap|ceiling|maximum)|not published)\b/;

/** A ceiling named, then its figure in the same sentence (« le plafond de minimis général à 300 000 € »), folded. */
const CEILING_NAMED_FIGURE = /\b(?:plafond|plafonds|maximum|ceiling|cap)\b[^.;:!?]{0,60}?\d[\d\s.,\u00a0]*\s*(?:%|€|k€|euros?\b|pour ?cent)/;

/** Whether a question asks a maximum (see MAXIMUM_ASKED). */
export function asksMaximum(question: string): boolean {
  return MAXIMUM_ASKED.test(folded(question));
}

/**
 * Whether a text states a maximum figure (« jusqu'à 50 % du capital », « peut atteindre 40 000 € », « 10 000 € maximum »,
 * "up to"); a floor (« au moins 57,5 % des excédents ») or a figure of something else is none.
 */
export function statesCeiling(text: string): boolean {
  const f = folded(text);
  return new RegExp(CEILING_FIGURE.source).test(f) || CEILING_NAMED_FIGURE.test(f);
}

/**
 * Whether a text states a maximum (see statesCeiling), or that there is none or that it is unpublished: what answers a
 * maximum asked.
 */
export function givesMaximum(text: string): boolean {
  const f = folded(text);
  return new RegExp(CEILING_FIGURE.source).test(f) || CEILING_NAMED_FIGURE.test(f) || NO_MAXIMUM.test(f);
}
