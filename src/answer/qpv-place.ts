/**
 * A yes/no question whether a place is, or has, a quartier prioritaire (« Vauvert a un quartier prioritaire ? »,
 * « Pissevin c'est bien un QPV ? », « on ouvre une épicerie à Pissevin, c'est bien un quartier prioritaire ? », "is
 * Bagnols-sur-Cèze home to priority neighbourhoods?"). The places the sources confirm are data (the neighbourhoods
 * named in knowledge/territoire/territoire-qpv.md, and the communes of the 2024 priority geography): for those the
 * reply opens on « Oui : » with that fact, cited to the territory document. A commune listed in 2015 only, or none
 * known, is left to the answer as it stands (its status since 2024 is not published: « je ne sais pas »); an address
 * is never settled here (a QPV is drawn street by street).
 */
import { foldText, qpvNameIn } from "../eligibility/extract.js";
import { findCommunesInText } from "../eligibility/communes.js";
import { analyze } from "../retrieval/analyzer.js";
import { FRENCH_SOURCES_NOTE } from "./card-reply.js";

/** The territory document that lists the quartiers prioritaires. */
export const QPV_DOC = "territoire-qpv";

const QPV_WORDS = /\b(qpv|quartiers? prioritaires?|quartiers? (?:de la )?politique de la ville|priority (?:neighbou?rhoods?|areas?|districts?))\b/;
/** Open questions (how many, which, why…): the lead says yes or no, which they do not ask. */
const OPEN = /\b(combien|cb|quel|quelle|quels|quelles|pourquoi|comment|quand|qui|quoi|how|what|why|when|who|where|ou se|o[uù] sont)\b/;
/** An address, or a question on one's own premises: settled street by street, by the national service. */
const ADDRESS =
  /\b(\d+\s*(?:bis|ter)?\s*,?\s*(?:rue|avenue|av|bd|boulevard|chemin|route|place|impasse|allee|quai|cours|street|road)|adresse|address|rue|avenue|boulevard)\b/;
const NEGATED = /\b(ne|n|pas|plus|jamais|not|no longer|isn't|aren't|sorti\w*|perdu\w*)\b/;
/** Words that only put the status up for agreement or say where: they ask nothing else. */
const STATUS_WORDS = new Set(
  analyze(
    "bien vrai toujours encore classé classée fait partie compte situé située trouve home counts located really actually still considéré reconnu existe officiellement 2024 depuis since gard il y a ya there",
  ),
);

export interface QpvPlace {
  /** The place as the reply names it. */
  name: string;
  kind: "quartier" | "commune";
}

/** The place whose QPV status the message asks, when the sources confirm it is one (see the module comment). */
export function qpvPlaceAsked(message: string): QpvPlace | undefined {
  const sentences = message.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  const f = (s: string) => foldText(s).replace(/['’`]/g, "'");
  const asking = sentences.find((s) => QPV_WORDS.test(f(s)) && /\?/.test(s));
  if (!asking) return undefined;
  const q = f(asking);
  if (OPEN.test(q.replace(/\b(lesquels|lesquelles|lequel|laquelle|which ones?)\b/g, " ")) || ADDRESS.test(f(message)) || NEGATED.test(q)) return undefined;
  const quartier = qpvNameIn(asking) ?? qpvNameIn(message);
  const communes = [...findCommunesInText(asking), ...findCommunesInText(message)].filter((m) => m.commune.inGard);
  // What the sentence asks besides the place and the status: nothing else (« … a un quartier prioritaire ? »)
  const placeTerms = new Set([
    ...analyze(quartier ?? ""),
    ...communes.flatMap((m) => analyze(m.matched)),
    ...analyze("qpv quartier quartiers prioritaire prioritaires politique ville priority neighbourhood neighborhood area district"),
  ]);
  const asksOnly = (part: string) => analyze(part).filter((t) => !placeTerms.has(t) && !STATUS_WORDS.has(t) && !/^\d+$/.test(t) && t.length > 1).length <= 1;
  // (« on ouvre une épicerie à Pissevin, c'est bien un quartier prioritaire ? »: the clause after the comma asks it)
  const clause =
    asking
      .split(/,\s*/)
      .filter((c) => QPV_WORDS.test(f(c)))
      .pop() ?? asking;
  if (!asksOnly(asking) && !asksOnly(clause)) return undefined;
  if (quartier) return { name: quartier, kind: "quartier" };
  const commune = communes[0]?.commune;
  if (commune?.qpv !== "yes") return undefined;
  return { name: commune.name, kind: "commune" };
}

/**
 * The reply text with « Oui : <place> … » first when the message asks whether a place the sources confirm is, or has, a
 * quartier prioritaire, cited `[n]` to the territory document (its number among the reply's sources); unchanged when the
 * reply already opens on oui / non, or does not cite that document.
 */
export function withQpvLead(message: string, text: string, english: boolean, n: number | undefined): string {
  if (n === undefined) return text;
  const note = text.startsWith(FRENCH_SOURCES_NOTE) ? `${FRENCH_SOURCES_NOTE}\n\n` : "";
  const body = text.slice(note.length).replace(/^\s+/, "");
  if (/^(oui|non|yes|no)\b/i.test(body)) return text;
  const place = qpvPlaceAsked(message);
  if (!place) return text;
  const inEnglish = english && !note;
  const lead =
    place.kind === "quartier"
      ? inEnglish
        ? `Yes: ${place.name} is one of the Gard's priority neighbourhoods (QPV) of the 2024 priority geography. [${n}]`
        : `Oui : ${place.name} fait partie des quartiers prioritaires (QPV) du Gard, dans la géographie prioritaire de 2024. [${n}]`
      : inEnglish
        ? `Yes: ${place.name} has at least one priority neighbourhood (QPV) in the 2024 priority geography. [${n}]`
        : `Oui : ${place.name} compte au moins un quartier prioritaire (QPV) dans la géographie prioritaire de 2024. [${n}]`;
  return `${note}${lead}\n\n${body}`;
}
