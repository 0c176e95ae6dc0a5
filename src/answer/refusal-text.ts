/**
 * The words of a refusal, in the language of the person's question. Each kind of refusal says why the assistant does
 * not answer and who can: French by default, English when the question was asked in English (the button the person
 * clicks keeps its French label, « Parler à une personne », which the English text names and glosses).
 */
import { DEFAULT_PROCESS, type ProcessId } from "../domain/ids.js";

export type Lang = "fr" | "en";

/** Who a refusal hands to: a process and its name as the directory writes it (French). */
export interface Who {
  process: ProcessId;
  name: string;
}

export type Refusal =
  /** A prompt injection or a request about the assistant's own instructions. */
  | { kind: "injection" }
  /** A request outside the assistant's mission (weather, homework, a poem…). */
  | { kind: "out-of-mission" }
  /** A question that does not seem to be about the ESS in the Gard. */
  | { kind: "not-ess" }
  /** A document to write in the person's place. */
  | { kind: "draft"; who: Who }
  /** A known gap of the public sources: `subject` (French) and, when the gaps file gives it, `subjectEn`. */
  | { kind: "gap"; subject: string; subjectEn?: string | undefined; who: Who }
  /** A year later than every year the sources speak of. */
  | { kind: "later-year"; year: string; who: Who }
  /** Things asked one by one that the sources only count (« les 39 actions »). */
  | { kind: "count-only"; written: string; noun: string; who: Who }
  /** Nothing reliable found on an ESS question. */
  | { kind: "not-found"; who: Who }
  /** Passages found, none of which answers precisely. */
  | { kind: "imprecise"; who: Who };

/** Who answers, as the subject of « … pourra vous répondre » / "… can answer you". */
export function whoAnswers(who: Who, lang: Lang): string {
  if (lang === "en") return who.process === DEFAULT_PROCESS ? "The Département's ESS team" : `The team of the « ${who.name} » support process`;
  return who.process === DEFAULT_PROCESS ? "L'équipe ESS du Département" : `L'équipe du parcours « ${who.name} »`;
}

/**
 * A refusal's text handed on to other people (`to`) than those it named (`from`), in either language: the route a
 * follow-up's refusal takes may be decided after its words (the topic's process rather than the ESS team), and the
 * words must name whom the handoff reaches.
 */
export function handedText(text: string, from: Who, to: Who): string {
  if (from.process === to.process) return text;
  let out = text;
  for (const lang of ["fr", "en"] as const) {
    const was = whoAnswers(from, lang);
    if (out.includes(was)) out = out.replace(was, whoAnswers(to, lang));
  }
  return out;
}

const TALK_FR = "utilisez « Parler à une personne »";
const TALK_EN = "use « Parler à une personne » (talk to a person)";

/** The text of a refusal, in the person's language. */
export function refusalText(r: Refusal, lang: Lang): string {
  return lang === "en" ? english(r) : french(r);
}

function french(r: Refusal): string {
  switch (r.kind) {
    case "injection":
      return "Je ne peux pas répondre à cette demande. Je réponds uniquement aux questions sur l'économie sociale et solidaire dans le Gard, à partir de sources publiques.";
    case "out-of-mission":
      return "Je ne sais pas répondre à cette demande : elle sort de ma mission. Je réponds aux questions sur l'économie sociale et solidaire dans le Gard (schéma départemental, appel à communs, accompagnements, éligibilité).";
    case "not-ess":
      return "Je ne sais pas répondre à cette question : elle ne semble pas porter sur l'économie sociale et solidaire dans le Gard. Je peux vous renseigner sur le schéma départemental de l'ESS, l'appel à communs, les accompagnements et votre éligibilité.";
    case "draft":
      return `Je ne rédige pas de documents à votre place (dossier de candidature, lettre, business plan, statuts…) : leur contenu et leur signature reviennent à votre structure. Je peux en revanche vous expliquer la démarche, les critères et les pièces demandées : posez-moi la question. ${whoAnswers(r.who, "fr")} pourra vous accompagner : ${TALK_FR}.`;
    case "gap":
      return `Je ne sais pas : les sources publiques dont je dispose ne précisent pas ${r.subject}. Je préfère ne rien inventer. ${whoAnswers(r.who, "fr")} pourra vous répondre : ${TALK_FR}.`;
    case "later-year":
      return `Je ne sais pas : les sources publiques dont je dispose ne disent rien pour ${r.year}. Je préfère ne rien inventer. ${whoAnswers(r.who, "fr")} pourra vous répondre : ${TALK_FR}.`;
    case "count-only":
      return `Je ne sais pas : les sources publiques dont je dispose en donnent le nombre (${r.written} ${r.noun}), mais ne les détaillent pas une à une. Je préfère ne rien inventer. ${whoAnswers(r.who, "fr")} pourra vous les indiquer : ${TALK_FR}.`;
    case "not-found":
      return `Je ne sais pas : je n'ai pas trouvé d'information fiable sur ce point dans les sources publiques dont je dispose. ${whoAnswers(r.who, "fr")} pourra vous répondre : ${TALK_FR}.`;
    case "imprecise":
      return `Je ne sais pas : mes sources ne répondent pas précisément à cette question. ${whoAnswers(r.who, "fr")} pourra vous répondre.`;
  }
}

function english(r: Refusal): string {
  switch (r.kind) {
    case "injection":
      return "I cannot answer this request. I only answer questions on the social and solidarity economy (ESS) in the Gard, from public sources.";
    case "out-of-mission":
      return "I cannot help with this request: it is outside my mission. I answer questions on the social and solidarity economy (ESS) in the Gard (the Département's ESS plan, the call for commons, support schemes, eligibility).";
    case "not-ess":
      return "I don't know how to answer this question: it does not seem to be about the social and solidarity economy (ESS) in the Gard. I can tell you about the Département's ESS plan, the call for commons, support schemes and your eligibility.";
    case "draft":
      return `I do not write documents in your place (application, letter, business plan, articles of association…): their content and signature belong to your organisation. I can explain the procedure, the criteria and the documents asked for: just ask me. ${whoAnswers(r.who, "en")} can support you: ${TALK_EN}.`;
    case "gap":
      return `I don't know: the public sources I rely on do not give ${r.subjectEn ?? `this information (in French: « ${r.subject} »)`}. I would rather not make anything up. ${whoAnswers(r.who, "en")} can answer you: ${TALK_EN}.`;
    case "later-year":
      return `I don't know: the public sources I rely on say nothing about ${r.year}. I would rather not make anything up. ${whoAnswers(r.who, "en")} can answer you: ${TALK_EN}.`;
    case "count-only":
      return `I don't know: the public sources I rely on give their number (${r.written} ${r.noun}) but do not detail them one by one. I would rather not make anything up. ${whoAnswers(r.who, "en")} can give them to you: ${TALK_EN}.`;
    case "not-found":
      return `I don't know: I found no reliable information on this in the public sources I rely on. ${whoAnswers(r.who, "en")} can answer you: ${TALK_EN}.`;
    case "imprecise":
      return `I don't know: my sources do not answer this question precisely. ${whoAnswers(r.who, "en")} can answer you.`;
  }
}
