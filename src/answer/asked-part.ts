/**
 * What a message asks, as opposed to what it describes: "Une association de prévention
 * anime des ateliers sur le loto dans les collèges ; quelle mesure du schéma ?" describes an
 * activity (the loto) and asks for orientation. The guards and project fit read the asked
 * part, so that words describing a structure's activity do not make its request out of mission.
 */
import { foldText } from "../eligibility/extract.js";

/** Kinds of ESS structure, folded ("tiers lieux", "entreprises d insertion"), as a regex source. */
export const STRUCTURE_NOUN =
  "(?:associations?|assos?|scops?|scics?|cae|mutuelles?|cooperatives?|coops?|cumas?|regies? de quartier|centres? sociaux|centre social|ressourceries?|recycleries?|epiceries?|tiers lieux?|entreprises? d insertion|federations?|non profits?|mutual(?:s| health insurer)?|cooperatives?|charities|charity|creches?|esat|chantiers? d insertion|fondations?|foundations?|clubs?|compagnies?|repair cafes?|banques? alimentaires?|cafes? associatifs?|garages? solidaires?|friperies? solidaires?|jardins? (?:partages?|solidaires?|d insertion)|amaps?|mediatheques? associatives?|ludotheques?|mjc|maisons? des jeunes(?: et de la culture)?|offices? de tourisme)";

/** The writer speaks for themselves ("j'ai besoin", "ma voiture", "me prêter") or for a group ("nous", "notre asso"). */
export const SINGULAR = /\b(je|j|jsuis|jveux|jvoudrais|moi|me|m|ma|mon|mes|i|my|me)\b/;
export const PLURAL = /\b(nous|notre|nos|on|our|we)\b/;

/** A request addressed to the assistant ("pouvez-vous…", "tu peux…", "écrivez-moi…", "can you…"). */
export const ADDRESSED =
  /\b(pouvez vous|vous pouvez|pourriez vous|peux tu|tu peux|tu pourrais|vous pourriez|ecris moi|ecrivez moi|ecris nous|ecrivez nous|redige moi|redigez moi|fais moi|faites moi|donnez moi|donne moi|transmettez moi|can you|could you|would you|please write|give me|send me)\b/;

/**
 * The part of a message that asks something: its sentences that end with a question
 * mark or address the assistant, else its last sentence.
 */
export function askedPart(text: string): string {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
  const asking = sentences.filter((s) => s.includes("?") || ADDRESSED.test(foldText(s)));
  return (asking.length ? asking : sentences.slice(-1)).map(helpClause).join(" ");
}

/**
 * A plain request for help or orientation ("qui peut nous aider ?", "quelle mesure du schéma ?",
 * "le Département peut-il intervenir ?"): what the writer asks of us, whatever the activity before it.
 */
const HELP_REQUEST =
  /^(et |alors |du coup |donc |bref |en attendant |dans ce cas )?(qui|quelles?|quels?|comment|ou|vers qui|a qui|aupres de qui|par ou|est ce que|le departement|le schema|peut on|pouvons nous|peuvent ils|on peut|what|which|who|where|how|is there|are there|any|can the department)\b.{0,60}\b(aides?|aider|aidant|accompagn\w*|financ\w*|mesures?|actions?|pistes?|dispositifs?|soutiens?|soutenir|subventions?|fonds|prets?|interlocuteurs?|contacts?|adresser|tourner|faire|demarches?|intervenir|solutions?|possibilites?|options?|help|support|fund\w*|apply|contact)\b[^,;:]*$/;

/** The last clause of an asking sentence when it is a plain request for help ("…loto dans les collèges ; quelle mesure ?"). */
function helpClause(sentence: string): string {
  const clauses = sentence.split(/\s*[;:,]\s+|\s+[-–—]\s+/);
  const last = clauses.at(-1)?.trim() ?? "";
  return clauses.length > 1 && HELP_REQUEST.test(foldText(last)) ? last : sentence;
}

const STRUCTURE = new RegExp(`\\b${STRUCTURE_NOUN}\\b|\\b(collectif|structure)\\b`);

/**
 * The message describes a structure's activity and then asks for help in a clause of its own
 * ("un tiers-lieu propose des ateliers CV, quelles aides ?"): only that request counts for the
 * out-of-mission patterns. A person's private request ("un prêt perso pour ma voiture, qui peut
 * m'aider ?") names no structure, or names one but speaks for the writer alone, and is read whole.
 */
export function asksOutOfMission(text: string, isOutOfMission: (text: string) => boolean): boolean {
  if (!isOutOfMission(text)) return false;
  const asked = askedPart(text);
  const folded = foldText(text);
  // A structure named by someone who speaks only for themselves ("je suis bénévole dans 3 assos, un crédit auto pour ma voiture ?") asks privately.
  const forStructure = STRUCTURE.test(folded) && (PLURAL.test(folded) || !SINGULAR.test(folded));
  return asked === text || !forStructure || isOutOfMission(asked);
}
