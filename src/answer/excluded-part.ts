/**
 * A question can name a thing only to set it aside: « À part le dépôt des dossiers, on trouve quoi sur Gard centrale ? »,
 * « En dehors de Nîmes, où trouver une Maison du Département ? », "Besides funding, what does the call offer?". The thing
 * set aside is what the person already knows: a card whose answer states it (« le dépôt se fait sur Gard centrale »,
 * « au 176 boulevard… à Nîmes ») answers what they excluded, not what they ask. The question itself stays whole: its
 * contrast (« à part l'argent ») is often what a card answering « autre chose que l'argent » is matched on.
 *
 * « en dehors de » and « hors de » also say where something lies (« un projet hors du Gard est-il éligible ? »: the place is
 * the question's point); they set a thing aside only opening the question before a comma. The thing must open like a
 * noun phrase or a verb (« à part le dépôt », « à part déposer »): « un schéma à part et pas un chapitre », « à part
 * entière » set nothing aside.
 */

/** Words that set a thing aside wherever they stand. */
const ASIDE = String.raw`(?:mis\s+[àa]\s+part|[àa]\s+part|hormis|except[ée]|apart\s+from|besides|other\s+than)`;
/** Words that set a thing aside only opening the question (elsewhere they may say where). */
const ASIDE_OPENING = String.raw`(?:en\s+dehors|hors)`;
/** How the thing set aside opens: a determiner, a preposition of a partitive, a verb in -er or a capitalised name. */
const OPENS = String.raw`(?:(?:le|la|les|l['’]|du|des|de|d['’]|un|une|ses|son|sa|leurs?|ces?|cet|cette|the|a|an|its|their)\b\s*|\p{L}+er\b|\p{Lu})`;
/** The thing: a few words, up to a comma, a semicolon or the question mark. */
const THING = `(${OPENS}[^,?;:]{0,60}?)`;

const OPENING = new RegExp(String.raw`^${ASIDE_OPENING}\s+(?:de\s+|du\s+|des\s+|d['’])?(\p{Lu}[^,?;:]{0,40}?|${OPENS}[^,?;:]{0,40}?)\s*,`, "u");
// (no case folding: a capital opens a name; the question's first letter is lowered before matching)
const ANYWHERE = new RegExp(String.raw`(?:^|[\s,])${ASIDE}\s+${THING}\s*(?:[,?;:]|$)`, "u");

/** The thing a question sets aside (« le dépôt des dossiers », « Nîmes »), or null. */
export function excludedThing(question: string): string | null {
  const q = question.trim().replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const m = ANYWHERE.exec(q) ?? OPENING.exec(q);
  const thing = m?.[1]?.trim();
  return thing ? thing : null;
}

/** A text's own clause going beyond a thing (« Au-delà du dépôt des dossiers, la plateforme… »): it does not state it. */
const BEYOND = /(?:^|[\s(])(?:au-delà|en plus|outre|à part|en dehors|hormis|besides|beyond|apart from)\s+[^,.;:]{0,60},/giu;

/** A text without the clauses in which it goes beyond a thing (see BEYOND). */
export function withoutBeyond(text: string): string {
  return text.replace(BEYOND, " ");
}

/**
 * Whether an answer states the thing set aside: it holds every content word of it, or most when it has more than two
 * (`terms` analyses a text into search terms).
 */
export function statesExcluded(thingTerms: readonly string[], answerTerms: ReadonlySet<string>): boolean {
  if (thingTerms.length === 0) return false;
  const held = thingTerms.filter((t) => answerTerms.has(t)).length;
  return thingTerms.length <= 2 ? held === thingTerms.length : held / thingTerms.length >= 0.6;
}
