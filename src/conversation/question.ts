/**
 * The question flow: a message that is a question gets the answerer's reply (or
 * the project-fit answer when it describes a project), recorded with its sources;
 * the conversation remembers its topic, route and the facts people state.
 */
import type { AskOptions } from "../answer/answerer.js";
import { asksTopicKindExists } from "../answer/cards.js";
import { asksToDraft } from "../answer/drafting.js";
import { checksFigure } from "../answer/premise.js";
import { handedText } from "../answer/refusal-text.js";
import {
  asksBareWhy,
  asksKindOfNamed,
  deniedClaim,
  deniesAtLead,
  bareCountAsked,
  resolveSequel,
  countsBare,
  givesAskedKind,
  leadNames,
  pointsAtNamedKind,
  previousQuestions,
  statesOwnCount,
  withoutTopicSwitch,
} from "../answer/followup.js";
import { type Audience, DEFAULT_PROCESS, type Priority, type ProcessId } from "../domain/ids.js";
import type { Action, Reply, ReplyInput } from "../domain/reply.js";
import { findCommunesInText } from "../eligibility/communes.js";
import type { Facts } from "../eligibility/facts.js";
import { isGeneralQuestion } from "../fit/detect.js";
import { scrub } from "../privacy/scrub.js";
import { fold, looksEnglish } from "../retrieval/analyzer.js";
import { isDefaultHandoff } from "../routing/router.js";
import { type Ctx, type Deps, type FlowDeps, type QuestionStorage, safeExtract } from "./state.js";

/** Cards a chain of follow-ups remembers as already shown. */
const MAX_SHOWN_CARDS = 5;

/** Words of a question answered as a project that is short enough to be carried as the topic (see lastTopic). */
const SHORT_TOPIC = 16;

/** A message about the person's own structure (first person). */
const SELF = /\b(je|j'|j’|nous|notre|nos|mon|ma|mes|on)\b/i;

/**
 * A question asking which measure, scheme or programme is meant (« quelle est la mesure phare du schéma ? », « quel dispositif
 * finance… ? », "what is the flagship measure…?", "which scheme…?"), folded: its answer names the thing talked of next.
 */
const ASKS_WHICH_MEASURE =
  /^(?:(?:quelle|quel) (?:est|sont) (?:la|le|les) (?:mesure|action|dispositif|programme)s? (?:phare|principale?|emblematique|centrale?|cle)s?\b|(?:what|which) (?:is|are) the (?:flagship|main|key|central|headline) (?:measure|action|scheme|programme|program|policy)s?\b)/;

/**
 * The topic a follow-up carries after an answer given by a process: the process's name without a bracketed aside that
 * names another thing by its name (« Appel à communs (plateforme Gard centrale) » → « Appel à communs »): that thing's
 * passages (the platform's) would be searched in place of the process's own. An aside spelling out or qualifying the
 * process (« (dispositif local d'accompagnement) », « (finance solidaire) ») or naming its operators (« (CAE Mine de
 * talents) », « (Initiative Gard, Adie, BGE) ») is the process's own words, and stays.
 */
export function topicName(name: string): string {
  const bare = name.replace(/\s*\((\p{Ll}[^)]*)\)/gu, (aside: string, inner: string) => (/\p{Lu}\p{Ll}/u.test(inner) ? "" : aside)).trim();
  return bare.length > 0 ? bare : name;
}

export async function question(d: Deps<QuestionStorage>, ctx: Ctx, text: string): Promise<ReplyInput> {
  const t0 = performance.now();
  // « ok autre sujet : le DLA c'est pour qui ? » asks about another subject: read alone, without its announcement.
  const said = scrub(text);
  const rest = withoutTopicSwitch(said);
  // « et de salariés ? » after « combien de structures… ? » asks how many as well: read as « et combien de salariés ? »
  // (its noun alone would find what employees are to some process, not their number).
  // (the interaction log keeps the person's own words)
  const written = rest ?? said;
  // « et la suivante ? » after « le dernier forum, c'était quand ? » asks the date of the next edition of that event (which
  // nobody publishes ahead), « et la précédente ? » the one before (which the sources may give): read as asking it.
  const clean =
    (rest === null && ctx.state.lastTopic ? (bareCountAsked(said, ctx.state.lastTopic) ?? resolveSequel(said, ctx.state.lastTopic)) : null) ?? written;
  // « what does that SCIC do? » after a reply naming « la SCIC Gard et Autonomie » points at that structure: its name,
  // which the questions before may not have said, goes on with the topic.
  const pointed = rest === null && ctx.state.lastTopic ? (ctx.state.lastNames ?? []).filter((n) => pointsAtNamedKind(said, n)) : [];
  // « pourquoi ? » after a project's options whose answer says the Département cannot help it (« … ne peut plus accorder
  // d'aide directe… ») asks the reason of that denial, not of the option's process, which stands as the topic.
  const reason = rest === null && ctx.state.lastClaim && !ctx.state.lastRefused && asksBareWhy(said) ? ctx.state.lastClaim : undefined;
  const lastTopic = rest !== null ? undefined : reason ? reason : pointed.length ? `${ctx.state.lastTopic} — ${pointed.join(", ")}` : ctx.state.lastTopic;
  // "c'est gratuit ?" after "C'est quoi Gard centrale ?" is about Gard centrale.
  // « bon, je contacte qui alors ? » after a refusal asks how to reach the people it handed the question to.
  const handedTo =
    ctx.state.lastRefused && ctx.state.lastRoute && asksWhomToContact(clean) ? d.answerer.router.directory.get(ctx.state.lastRoute)?.name : undefined;
  // The process's name without its bracketed part (« (entreprise solidaire d'utilité sociale) »), which would
  // draw the definition rather than the contact.
  const read = handedTo
    ? `Qui contacter pour : ${handedTo.replace(/\s*\([^)]*\)/g, "")} ?`
    : await contextualize(d, clean, lastTopic, ctx.turn.audience, ctx.onToken !== undefined, ctx.turn.priority);
  // The process the conversation is about: the last answer's, else the last one other than the ESS team's.
  const about = ctx.state.lastRoute && ctx.state.lastRoute !== DEFAULT_PROCESS ? ctx.state.lastRoute : ctx.state.topicRoute;
  // A follow-up asking only whom to turn to or where to apply (« bon, je vais voir qui ? », "ok, where do we apply?") asks
  // it of that process.
  const steps = !handedTo && read !== clean ? processStepAsked(clean) : null;
  const stepOf = steps && about;
  const stepName = stepOf ? d.answerer.router.directory.get(stepOf)?.name?.replace(/\s*\([^)]*\)/g, "") : undefined;
  const searched = steps && stepName ? `${steps === "contact" ? "Qui contacter" : "Comment candidater et déposer un dossier"} pour : ${stepName} ?` : read;
  // Read with the previous topic, a follow-up asks something else than the card just shown.
  const followUp = searched !== clean;
  // A bare count rewritten as the previous question of another counted thing (« et d'intercommunalités ? » → « combien
  // d'intercommunalités compte le Gard ? ») stands alone: it is answered as that question, not from the topic's documents.
  const rewritten = followUp && countsBare(clean) && previousQuestions(searched) === "";
  const shown = followUp ? [...new Set([...(ctx.state.shownCards ?? []), ...(ctx.state.lastCard ? [ctx.state.lastCard] : [])])] : [];
  // A follow-up checking a figure (« c'est pas 20 plutôt ? », « il a 10 axes c'est ça ? ») checks what was just said: the
  // card just shown may answer it again, led by its « Non : » or « Oui : ».
  const avoidCards = followUp && checksFigure(clean) ? shown.filter((id) => id !== ctx.state.lastCard) : shown;
  // An unpublished fact naming no process of its own is handed to that process's people (none after a change of subject).
  const handTo = rest !== null ? undefined : about;
  const opts = { audience: ctx.turn.audience, priority: ctx.turn.priority, onToken: ctx.onToken, avoidCards, handTo };
  // A follow-up is answered first from what its topic was answered with: the previous reply's documents and card.
  const topic =
    followUp && ctx.state.lastSources?.length ? { sources: ctx.state.lastSources, card: ctx.state.lastCard, names: ctx.state.lastNames } : undefined;
  let { reply, facts } = rewritten
    ? await answer(d, searched, opts, searched)
    : await answer(d, searched, { ...opts, own: followUp ? clean : undefined, topic }, clean);
  // Read with a refused question's words (« combien de candidatures reçues en 2025 ? »), a follow-up
  // (« et le budget alors ? ») may find nothing that its own words find: it is then read alone.
  // Not one that, read with the topic, asks a known gap (« et on doit faire un rapport à la fin ? » after a commons' grant).
  if (followUp && reply.refused && ctx.state.topicRefused && !d.answerer.asksKnownGap(searched, clean)) {
    const alone = await answer(d, clean, opts, clean);
    if (!alone.reply.refused) ({ reply, facts } = alone);
  }
  // A follow-up after a refused one (« on peut l'envoyer par courrier ? » after « il faut quelles pièces ? ») may find
  // nothing read with the words nothing answered: it is read with the topic before them. Not when what it asks is an
  // unpublished point (« et une commune ? » after « une fondation peut en être ? », refused: the same point of another).
  const beforeRefused = ctx.state.lastRefused && lastTopic?.startsWith(`${ctx.state.lastQuestion} — `) ? previousQuestions(lastTopic) : "";
  if (followUp && reply.refused && !reply.card && beforeRefused && !d.answerer.asksKnownGap(searched, clean)) {
    const again = await contextualize(d, clean, beforeRefused, ctx.turn.audience, ctx.onToken !== undefined, ctx.turn.priority);
    if (again !== clean) {
      const other = await answer(d, again, { ...opts, own: clean }, clean);
      if (!other.reply.refused) ({ reply, facts } = other);
    }
  }
  // A follow-up naming a subject of its own and asking a kind of thing of it (« elle est où la MIESS ? » after the
  // Rencontres du mécénat it organises), whose reading with the topic does not give that kind (the Rencontres' card, with
  // no place), is answered alone when its own reading gives it (where the MIESS is): it asks of what it names.
  if (followUp && !reply.refused && asksKindOfNamed(clean) && givesAskedKind(clean, reply.text) === false) {
    const alone = await answer(d, clean, opts, clean);
    if (!alone.reply.refused && givesAskedKind(clean, alone.reply.text) === true) ({ reply, facts } = alone);
  }
  // A follow-up asked again in other words (`asked`, standing for the person's own) with the topic, the cards shown set
  // aside: the topic process's documents may answer what its first reading found elsewhere. Undefined when the topic adds
  // nothing to it.
  const askAgain = async (asked: string, onTopic: string) => {
    const again = await contextualize(d, asked, onTopic, ctx.turn.audience, ctx.onToken !== undefined, ctx.turn.priority);
    if (again === asked) return undefined;
    const seen = [...new Set([...(ctx.state.shownCards ?? []), ...(ctx.state.lastCard ? [ctx.state.lastCard] : [])])];
    const ofTopic = ctx.state.lastSources?.length ? { sources: ctx.state.lastSources, card: ctx.state.lastCard, names: ctx.state.lastNames } : undefined;
    return answer(d, again, { ...opts, avoidCards: seen, own: asked, topic: ofTopic }, asked);
  };
  // « y en a une à Alès ? », "is there one near Nîmes?" after « c'est quoi une CAE ? » asks whether a thing of the topic's
  // kind exists there: the commune's name, read with the topic, may find another subject's passage that merely names it
  // (the priority neighbourhoods). Answered from none of the topic process's documents, it is read without the commune:
  // the topic's own instance in the Gard, with its presence in that commune left to check when the answer does not say it.
  // (its own reading may have won over the topic's: the commune alone finds a passage naming it)
  if (lastTopic && !reply.refused && about && about !== DEFAULT_PROCESS && asksTopicKindExists(clean) && !answeredFrom(d, reply, about)) {
    const places = findCommunesInText(clean).filter((m) => m.commune.inGard);
    if (places.length > 0) {
      const english = looksEnglish(clean);
      const bare = withoutPlaces(clean, places, english);
      const other = await askAgain(bare, lastTopic);
      if (other && !other.reply.refused && answeredFrom(d, other.reply, about)) {
        const said = fold(other.reply.text);
        const unsaid = places.map((m) => m.commune.name).filter((n) => !said.includes(fold(n)));
        const note =
          unsaid.length === 0
            ? ""
            : english
              ? `\n\nWhether it is present in ${unsaid.join(", ")} is not published in the sources I rely on: to be checked (« à vérifier »).`
              : `\n\nSa présence à ${unsaid.join(", ")} n'est pas précisée dans les sources publiques dont je dispose : à vérifier.`;
        reply = { ...other.reply, text: other.reply.text + note };
        facts = other.facts;
      }
    }
  }
  // « une asso peut l'avoir ? », "can a cooperative get it?" after a question on an aid asks whether that legal form may
  // get the topic's aid: a reply naming no such form (the law behind the aid, what the aid is) does not say it. Read as
  // asking the aid's conditions, from the topic process's documents; what those do not say of the form is left to check.
  const form = lastTopic && !reply.refused && about && about !== DEFAULT_PROCESS ? legalFormAsked(clean) : undefined;
  if (form && about && !form.named.test(fold(reply.text))) {
    const english = looksEnglish(clean);
    const conditions = english ? "What are the conditions to get it?" : "Quelles sont les conditions pour en bénéficier ?";
    const other = await askAgain(conditions, lastTopic!);
    if (other && !other.reply.refused && answeredFrom(d, other.reply, about)) {
      const note = form.named.test(fold(other.reply.text))
        ? ""
        : english
          ? `\n\nThe sources I rely on do not say whether ${form.en} can get it: to be checked (« à vérifier »).`
          : `\n\nLes sources publiques dont je dispose ne disent pas si ${form.fr} peut en bénéficier : à vérifier.`;
      reply = { ...other.reply, text: other.reply.text + note };
      facts = other.facts;
    }
  }
  // A follow-up stating a new need (« et si en plus on a besoin d'un prêt ? ») may call for another process than the
  // topic's: read alone, it is answered by that process when its answer goes elsewhere than the topic's route.
  let switched = false;
  if (followUp && !reply.refused && statesNewNeed(clean) && ctx.state.lastRoute) {
    const alone = await answer(d, clean, opts, clean);
    const to = alone.reply.route?.process;
    // Not when that answer still draws only on the topic's process's documents (« on a besoin d'un prêt, c'est lequel des
    // deux ? » answered from the financer's page the topic was about): the need is the topic's, not another process's.
    switched =
      !alone.reply.refused &&
      to !== undefined &&
      to !== DEFAULT_PROCESS &&
      to !== ctx.state.lastRoute &&
      to !== reply.route?.process &&
      !answeredFrom(d, alone.reply, ctx.state.lastRoute);
    if (switched) ({ reply, facts } = alone);
  }
  // A short message after an answer goes on with its topic ("y a une permanence à Vauvert ?"), even read alone; so does
  // a longer one answered only from the topic's process's documents (« il existe une instance locale sur notre bassin ? »).
  const last = ctx.state.lastRoute;
  const onTopic = last !== undefined && last !== DEFAULT_PROCESS && !reply.refused && answeredFrom(d, reply, last);
  if (!switched && rest === null && (followUp || (ctx.state.lastQuestion && (goesOn(clean) || onTopic))))
    keepRoute(d, last, clean, reply, ctx.state.lastSources);
  // A document to write for the person (« vous pouvez remplir le dossier pour nous ? »), naming no process of its own,
  // after answers on a process is that process's document: its refusal goes to that process, as one naming it would.
  if (reply.refused && handTo && handTo !== DEFAULT_PROCESS && reply.route?.process === DEFAULT_PROCESS && asksToDraft(clean))
    handOn(d, reply, handTo, "Suite de votre question précédente.");
  const latencyMs = Math.round(performance.now() - t0);
  const interactionId = await d.storage.recordInteraction({
    channel: ctx.turn.channel,
    audience: ctx.turn.audience,
    userHash: ctx.user,
    conversationKey: ctx.key,
    question: written,
    answer: reply.text,
    sources: reply.sources.map((s) => s.id),
    route: reply.route?.process ?? null,
    refused: reply.refused,
    latencyMs,
  });
  if (reply.refused) await d.storage.recordUnanswered({ interactionId, question: written, reason: "refused", userHash: ctx.user });
  // A message out of scope is handed to the ESS team by default, but reads no need: no topic, no route to go on with.
  const needRoute = isDefaultHandoff(reply.route) ? null : reply.route;
  // « Quelle est la mesure phare du schéma ? », "what is the flagship measure…?" answered with a process of its own: the next
  // follow-up (« qui peut y participer ? ») asks of the thing named in the answer, not of the question's words or documents.
  const namedByAnswer =
    !reply.refused && needRoute && needRoute.process !== DEFAULT_PROCESS && searched === clean && ASKS_WHICH_MEASURE.test(fold(clean))
      ? needRoute.name
      : undefined;
  Object.assign(ctx.state, {
    lastQuestion: clean,
    // After a project-fit answer or a need answered by a process, the topic is that process: the description is too long to carry.
    // A refused question keeps the topic before it; the first one, if about the ESS (routed), starts it: « je contacte qui alors ? ».
    lastTopic:
      // (the ESS team, every answer's fallback, names no subject: a short question read as a project keeps its own words)
      reply.fit?.length && reply.route && !(reply.route.process === DEFAULT_PROCESS && searched.split(/\s+/).length <= SHORT_TOPIC)
        ? topicName(reply.route.name)
        : reply.topic
          ? reply.topic
          : namedByAnswer
            ? topicName(namedByAnswer)
            : reply.refused && searched === clean
              ? (ctx.state.lastTopic ?? (needRoute ? clean : undefined))
              : switched
                ? clean
                : // A step asked of the topic's process (« on dépose où ? ») is an aspect of that process, no subject of its
                  // own: the topic left is the process, which the next follow-up (« et à part l'argent ? ») goes on with.
                  searched !== read && stepName
                  ? stepName
                  : searched,
    topicRefused: reply.refused && searched === clean ? (ctx.state.lastTopic === undefined ? Boolean(needRoute) : ctx.state.topicRefused) : false,
    lastInteractionId: interactionId,
    lastRoute: needRoute?.process,
    topicRoute: needRoute && needRoute.process !== DEFAULT_PROCESS ? needRoute.process : ctx.state.topicRoute,
    lastRefused: reply.refused,
    lastSources: namedByAnswer ? [] : reply.sources.map((s) => s.id),
    lastCard: reply.card,
    // (a refused follow-up names nothing new and stays on its topic: the names before it go on, « et elle fait quoi, cette
    // SCIC ? » after « combien de parts ? » refused still points at « la SCIC Gard et Autonomie »)
    lastNames: reply.refused ? (searched !== clean ? (ctx.state.lastNames ?? []) : []) : leadNames(reply.text),
    shownCards: [...shown, ...(reply.card ? [reply.card] : [])].slice(-MAX_SHOWN_CARDS),
  });
  await d.handoffs.remember(ctx.key, clean, reply.sources, reply.route);
  // Facts people state about themselves ("nous sommes une asso à Uzès"), or a described project's facts,
  // are kept for an eligibility check, which then asks only what is missing.
  if (SELF.test(clean)) ctx.state.facts = { ...ctx.state.facts, ...safeExtract(clean) };
  if (facts && !isGeneralQuestion(clean)) ctx.state.facts = { ...ctx.state.facts, ...facts };
  ctx.state.lastFit = reply.fit?.[0]?.process;
  // A reply led by « Non : » / "No:" denies too (« Non : depuis la loi NOTRe, un département ne peut plus… »): a bare
  // « pourquoi ? » after it asks the reason of that denial, which the passage it came from gives.
  ctx.state.lastClaim = reply.fit?.length || (!reply.refused && deniesAtLead(reply.text)) ? (deniedClaim(reply.text) ?? undefined) : undefined;
  return { ...reply, interactionId, actions: withValue(reply.actions, interactionId) };
}

/**
 * A message that describes a project gets the project-fit answer (src/fit); any
 * other, the answerer's — and when that finds nothing, the project-fit answer on a
 * looser reading of the message, if it names a project and a need. A project is
 * read from the message itself (`own`), never from a follow-up's reading with the
 * previous topic added: "ça dure combien de temps ?" describes no project.
 */
export async function answer(
  d: Pick<FlowDeps, "answerer" | "fit" | "pool" | "logger">,
  question: string,
  opts: AskOptions,
  own = question,
): Promise<{ reply: Reply; facts?: Partial<Facts> }> {
  // Offline, the answering workers compute it (a streamed answer stays here); if none can, this thread does.
  if (d.pool && d.pool.available !== false && !opts.onToken) {
    try {
      // The pool sends only the options that are data (see RemoteAskOptions).
      return await d.pool.answer(question, opts, own);
    } catch (err) {
      d.logger?.warn({ err }, "answering worker unavailable: answering on the main thread");
    }
  }
  // A failing project fit must not cost the ordinary answer.
  const fit = d.fit;
  const fitReply = (loose: boolean) =>
    fit?.reply(own, { ...opts, loose, context: question !== own ? question : undefined }).catch((err: unknown) => {
      d.logger?.error({ err }, "project fit failed");
      return null;
    });
  // The message's readings (as a project, as a question, then loosely as a project) are one piece of CPU work, computed
  // in its turn on the answers' queue (see Answerer.schedule), once per identical turn in flight.
  const topicKey = opts.topic ? JSON.stringify(opts.topic) : "";
  const key = ["turn", opts.audience ?? "porteur", (opts.avoidCards ?? []).join(","), topicKey, opts.handTo ?? "", own, question].join("\u0000");
  return d.answerer.schedule(
    async () => {
      // A follow-up read with its topic describes a project only in the first person (« et si on le monte à trois ? »): a
      // question about the topic (« et une SAS classique peut en faire partie ? ») asks of it, whatever its words resemble.
      // (nor does one only stating how many they are, « en fait on n'est que deux structures »: a fact put against the
      // topic's answer, the number of partners it asked)
      const described = question !== own && (!SELF.test(own) || statesOwnCount(own)) ? null : await fitReply(false);
      if (described) return described;
      const reply = await d.answerer.ask(question, { ...opts, inTurn: true });
      return (reply.refused && (await fitReply(true))) || { reply };
    },
    opts.priority,
    key,
  );
}

/** The answerer's reading of a follow-up with the previous topic, by the answering workers when there are some. */
async function contextualize(
  d: Pick<FlowDeps, "answerer" | "pool" | "logger">,
  text: string,
  previous: string | undefined,
  audience: Audience,
  streamed: boolean,
  priority?: Priority,
): Promise<string> {
  if (d.pool && d.pool.available !== false && !streamed && previous?.trim()) {
    try {
      return await d.pool.contextualize(text, previous, audience);
    } catch (err) {
      d.logger?.warn({ err }, "answering worker unavailable: reading the follow-up on the main thread");
    }
  }
  // Only a follow-up is read with its topic (searches: CPU work, computed in its turn).
  return previous?.trim() ? d.answerer.schedule(() => d.answerer.contextualize(text, previous, audience), priority) : text;
}

/** Who (« qui », "who", « quel service ») … */
const WHOM = /\b(qui|who|whom|quel service|quel interlocuteur|quelle personne)\b/;
/** … to contact, call, write to or turn to. */
const CONTACT =
  /\b(contact\w*|appeler|appelle|appellerai|joindre|ecrire|ecris|m'adresse\w*|adresser|demander|tourne\w*|ask|call|reach|write|talk|turn to|get in touch)\b/;
/** Words of a message that only asks whom to contact. */
const SHORT_CONTACT_ASK = 10;

/** Whether a short message asks whom to contact (« bon ben j'appelle qui ? », "who should I write to then?"). */
export function asksWhomToContact(text: string): boolean {
  const f = fold(text).replace(/[’`]/g, "'");
  return f.split(/\s+/).filter(Boolean).length <= SHORT_CONTACT_ASK && WHOM.test(f) && CONTACT.test(f);
}

/** Asking whom to see or turn to (« je vais voir qui ? », « je m'adresse à qui ? », "who do we talk to?"). */
const WHOM_TO_SEE =
  /\b(?:(?:voir|contacter|appeler|joindre|m'adresser?|s'adresser?|adresser|ecrire|demander|aller voir|tourner?) (?:a |aupres de |vers )?qui|qui (?:je |on |dois-je |faut-il )?(?:vais |va |dois |doit |peux |peut )?(?:voir|contacter|appeler|joindre|solliciter)|(?:who|whom) (?:do|should|can) (?:i|we) (?:see|contact|call|talk to|ask|turn to|write to))\b/;
/** Asking where or how to apply (« on postule où ? », « comment on candidate ? », "where do we apply?", "how do I apply?"). */
const WHERE_TO_APPLY =
  /\b(?:(?:ou|comment) (?:est-ce qu'on |est ce qu'on |on |je |nous |faut-il |peut-on )?(?:postule|postuler|candidate|candidater|depose|deposer|s'inscrit|s'inscrire|m'inscris)|(?:postule|postuler|candidate|candidater|depose|deposer|inscrit|inscrire)r? (?:ou|comment)|(?:where|how) (?:do|can|should|could) (?:i|we|you|they) (?:apply|sign up|register|submit)|(?:where|how) to (?:apply|sign up|register|submit))\b/;
/** Words of a message that only asks whom to see or where to apply. */
const SHORT_STEP_ASK = 8;

/**
 * What a short message asks of the process at hand, when it asks only that: whom to see (« bon alors je vais voir
 * qui ? ») or where to apply (« ok, where do we apply? »). Null for any other message.
 */
export function processStepAsked(text: string): "contact" | "apply" | null {
  const f = fold(text).replace(/[’`]/g, "'");
  if (f.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length > SHORT_STEP_ASK) return null;
  if (WHERE_TO_APPLY.test(f)) return "apply";
  return WHOM_TO_SEE.test(f) || asksWhomToContact(text) ? "contact" : null;
}

/** A message stating something the person needs (« on a besoin d'un prêt », « il nous faudrait un local », "we need a loan"). */
const NEED =
  /\b(?:(?:on a|nous avons|j'ai|j ai|aurait|aurions|aurais|aura|aurons|avoir) (?:aussi |en plus |egalement )?besoin d(?:'|e |u |es )\s*(?!quoi\b)|(?:il nous|il me) (?:faut|faudrait|faudra) (?:aussi |en plus )?(?:un|une|des|du|de)\b|on cherche (?:aussi |en plus )?(?:un|une|des|du)\b|we (?:also )?need (?:an?|some)\b|we(?:'re| are) (?:also )?looking for (?:an?|some)\b)/;

/** Whether a message states a need (see NEED). */
export function statesNewNeed(text: string): boolean {
  return NEED.test(fold(text).replace(/[’`]/g, "'"));
}

/** Words of a message that, after an answer, goes on with its topic. */
const SHORT_FOLLOW_UP = 10;
/** Words of a message that goes on with its topic when a pronoun stands for those just named (« leur antenne ») or it opens with « et ». */
const PRONOUN_FOLLOW_UP = 16;
/**
 * Pronouns that stand for an organisation named just before (« leur antenne », « chez eux », « ils ont financé combien
 * de projets… ? », "their office", "what did they fund…?").
 */
const THEIR = /\b(leur|leurs|eux|ils|elles|their|them|they)\b/i;

/** Openings that add to what was just said (« et si elle est en phase de test… », "and for a co-op?"). */
const GOES_ON_OPENING = /^\s*(et|mais|and|but)\b/i;

/**
 * Whether a message after an answer goes on with its topic: a short one, or a longer one that points back to it
 * (« leur antenne… ») or opens by adding to it (« et si elle est en phase de test, il y a une aide ? »).
 */
function goesOn(clean: string): boolean {
  const words = clean.split(/\s+/).length;
  return words <= SHORT_FOLLOW_UP || (words <= PRONOUN_FOLLOW_UP && (THEIR.test(clean) || GOES_ON_OPENING.test(clean)));
}
/** A router score from which a follow-up's own words name another process by an explicit rule. */
const OWN_ROUTE_SCORE = 0.5;

/**
 * A follow-up ("il va jusqu'à quand ?", "et c'est où ?") stays with the previous turn's process:
 * its route is kept unless its own words point to another one by an explicit rule. A refusal
 * routed to the ESS team by default goes to that process too, unless the ESS team runs it; one with a
 * route of its own keeps it, a project-fit answer its main option.
 */
function keepRoute(
  d: Pick<Deps<unknown>, "answerer">,
  previous: ProcessId | undefined,
  own: string,
  reply: Reply,
  previousSources: readonly string[] = [],
): void {
  if (!previous || reply.fit?.length) return;
  // A follow-up naming another process by an explicit rule (« et l'appel à communs, ça marche aussi en quartier
  // prioritaire ? » after the city policy) asks of that process, whichever documents answered it.
  const named = onlyNamed(d, own);
  if (named && named !== previous && named !== DEFAULT_PROCESS && !reply.refused) {
    if (reply.route?.process !== named) reply.route = d.answerer.router.toRoute(named, 0.5, "Dispositif nommé dans votre question.");
    return;
  }
  // A follow-up answered only from the documents of another process than the topic's, one the previous answer
  // presented too (« et pour une asso sans salarié ? » after « DLA or France Active? », answered from France Active's
  // pages), its own words naming no other, is that process's: the person chose between the two.
  const cited = citedProcess(d, reply, previous);
  if (cited && cited !== DEFAULT_PROCESS && previousSources.includes(cited) && !namesOther(d, own, cited)) {
    reply.route = d.answerer.router.toRoute(cited, 0.5, "Réponse tirée des documents de ce parcours.");
    return;
  }
  if (reply.route?.process === previous) return;
  // The ESS team is the fallback of any answer: it is no topic to keep, except for a follow-up answered from a
  // document the ESS team's answer cited, whose route only the passage's words chose (see keepsTeam).
  if (previous === DEFAULT_PROCESS) {
    if (keepsTeam(d, own, reply, previousSources)) handOn(d, reply, DEFAULT_PROCESS, "Suite de votre question précédente.");
    return;
  }
  // A follow-up answered only from documents of the topic's process (« une instance locale pour l'emploi ? » after the
  // insertion process, from its own page) stays with it, though a need word of its own (« emploi ») reads as another
  // process: only naming that other process by an explicit rule (« et le DLA ? ») takes it elsewhere.
  if (!reply.refused && answeredFrom(d, reply, previous) && !namesOther(d, own, previous)) {
    reply.route = d.answerer.router.toRoute(previous, 0.5, "Suite de votre question précédente.");
    return;
  }
  // A refusal sent to the ESS team by default goes to the topic's process instead: « leur antenne dans le Gard ? »
  // after France Active is France Active's to answer. A refusal with a route of its own, or none (out of scope), keeps it.
  // (out of scope: the default handoff, with no need read, confidence 0)
  if (reply.refused && (reply.route?.process !== DEFAULT_PROCESS || isDefaultHandoff(reply.route))) return;
  // (so does one whose own words ask a known gap that names its route: the ESS team, there, is no default)
  if (reply.refused && d.answerer.asksGapWithOwnRoute(own)) return;
  // A process the ESS team runs itself (the call for commons, a SCIC share) hands what is unknown of it to that team.
  if (reply.refused && d.answerer.router.handsTo(previous) === DEFAULT_PROCESS) return;
  const top = d.answerer.router.candidates(own)[0];
  if ((top?.rule || top?.named !== undefined) && top.process !== previous && top.score >= OWN_ROUTE_SCORE) return;
  handOn(d, reply, previous, "Suite de votre question précédente.");
}

/** Routes a reply to `process`; a refusal's words then name the people of that process rather than those they named. */
function handOn(d: Pick<Deps<unknown>, "answerer">, reply: Reply, process: ProcessId, why: string): void {
  const from = reply.route?.process;
  reply.route = d.answerer.router.toRoute(process, 0.5, why);
  if (!reply.refused || from === undefined || from === process) return;
  reply.text = handedText(reply.text, d.answerer.who(from), d.answerer.who(process));
}

/**
 * The one process every document an answer cites belongs to (its page, its rules, its operator's page), when the
 * answer cites that process's own page and no document of the topic's process (`previous`): the Adie's page, which
 * the microcredit and the city policy both list, keeps a microcredit topic.
 */
function citedProcess(d: Pick<Deps<unknown>, "answerer">, reply: Reply, previous: ProcessId): ProcessId | undefined {
  if (reply.refused || reply.sources.length === 0) return undefined;
  let common: ProcessId[] | undefined;
  for (const s of reply.sources) {
    const of = d.answerer.processesOf(s.id);
    if (of.includes(previous)) return undefined;
    common = common === undefined ? [...of] : common.filter((p) => of.includes(p));
  }
  const only = common?.length === 1 ? common[0] : undefined;
  return only && reply.sources.some((s) => s.id === only) ? only : undefined;
}

/** Legal forms a follow-up may ask an aid of: how it is written (folded), how an answer names it, how to say it. */
const LEGAL_FORMS: readonly { asked: RegExp; named: RegExp; fr: string; en: string }[] = [
  {
    asked: /\b(?:assos?|associations?|charit(?:y|ies)|non-?profits?)\b/,
    named: /\bassociati|\bassos?\b|\bcharit|\bnon-?profit/,
    fr: "une association",
    en: "an association",
  },
  { asked: /\b(?:scop|scic|coop|cooperatives?)\b/, named: /\bcooperati|\bscop\b|\bscic\b/, fr: "une coopérative", en: "a cooperative" },
  {
    asked: /\b(?:auto-?entrepreneurs?|micro-?entrepreneurs?|micro-?entreprises?|self-employed)\b/,
    named: /entrepreneur|micro-?entreprise|self-employed/,
    fr: "une micro-entreprise",
    en: "a sole trader",
  },
  {
    asked: /\b(?:collectivites?|communes?|mairies?|municipalit(?:y|ies)|town halls?)\b/,
    named: /\bcollectivit|\bcommunes?\b|\bmairies?\b|\bmunicipalit|\blocal authorit/,
    fr: "une collectivité",
    en: "a local authority",
  },
];
/** Words asking whether a structure may get something (« peut l'avoir », « y a droit », "can … get it"). */
const MAY_GET =
  /\b(?:peut|peuvent|pourrait|pourraient|pourra|can|could|may)\b[^?]{0,30}\b(?:l'avoir|l'obtenir|en beneficier|en profiter|la demander|le demander|la toucher|le toucher|candidater|postuler|y pretendre|get it|have it|apply|qualify|benefit|use it)\b|\b(?:y a droit|y ont droit|y avoir droit|eligibles?|eligible for it|entitled)\b/;
/** Words up to which a follow-up only asks whether a legal form may get the topic's aid. */
const FORM_FOLLOW_UP = 10;

/** The legal form a short follow-up asks whether it may get the topic's aid (« une asso peut l'avoir ? »), if any. */
export function legalFormAsked(text: string): { named: RegExp; fr: string; en: string } | undefined {
  const f = fold(text).replace(/[’`]/g, "'");
  if (f.split(/\s+/).filter(Boolean).length > FORM_FOLLOW_UP || !MAY_GET.test(f)) return undefined;
  const forms = LEGAL_FORMS.filter((x) => x.asked.test(f));
  return forms.length === 1 ? forms[0] : undefined;
}

/** A follow-up without the communes it names and the word saying where (« à Alès » → « dans le Gard »). */
function withoutPlaces(text: string, places: { start: number; end: number }[], english: boolean): string {
  let out = text;
  for (const m of [...places].sort((a, b) => b.start - a.start)) {
    const before = out
      .slice(0, m.start)
      .replace(
        /(?<=^|\s)(?:(?:à|a|au|aux|en|vers|sur|dans|in|near|around|at|close to|by)\s+|(?:près|pres|du côté|du cote|autour|proche|pas loin) (?:de\s+|d['’]))(?:la |le |les |l'|l’)?$/iu,
        "",
      );
    out = `${before}${english ? "in the Gard" : "dans le Gard"}${out.slice(m.end)}`;
  }
  return out;
}

/** Whether every document an answer cites belongs to `process` (its page, its rules, a page it lists). */
function answeredFrom(d: Pick<Deps<unknown>, "answerer">, reply: Reply, process: ProcessId): boolean {
  return reply.sources.length > 0 && reply.sources.every((s) => d.answerer.processesOf(s.id).includes(process));
}

/** A message opening on a subject named with a definite article (« et l'appel à communs, … », « et le DLA ? », "and the MIESS?"). */
const SUBJECT_OPENING = /^(?:(?:et|mais|and|but|so|ok|what about|how about)\s+)?(?:le |la |les |l'|the )([^,;:?!]+)/;

/**
 * The one process a message opens on by naming it with an operator or scheme rule (« et l'appel à communs, ça marche
 * aussi… ? »), if only one; not a process its words name only as a condition (« et une SARL non agréée ESUS ? »).
 */
function onlyNamed(d: Pick<Deps<unknown>, "answerer">, own: string): ProcessId | undefined {
  const subject = SUBJECT_OPENING.exec(own.toLowerCase().replace(/[’`]/g, "'").trim())?.[1];
  if (!subject) return undefined;
  const named = d.answerer.router.candidates(subject).filter((c) => (c.named ?? 0) > 0);
  return named.length === 1 ? named[0]!.process : undefined;
}

/** Whether a message's own words name a process other than `process` by an operator rule (« le DLA »). */
function namesOther(d: Pick<Deps<unknown>, "answerer">, own: string, process: ProcessId): boolean {
  return d.answerer.router.candidates(own).some((c) => (c.named ?? 0) > 0 && c.process !== process);
}

/**
 * Whether a follow-up of an answer the ESS team was the route of (the schema, the Gard's figures, the Mois de l'ESS)
 * stays with that team: answered, from a document that answer cited (« qui l'organise ? » after the Mois de l'ESS,
 * from the same page), while no document it cites belongs to the process its passages' words point to (« organise »
 * reads as incubation) and its own words name no other process by an explicit rule. A follow-up answered from another
 * process's document (« on dépose où ? », the call for commons) goes to that process.
 */
function keepsTeam(d: Pick<Deps<unknown>, "answerer">, own: string, reply: Reply, previousSources: readonly string[]): boolean {
  const to = reply.route?.process;
  if (reply.refused || !to || to === DEFAULT_PROCESS) return false;
  const cited = reply.sources.map((s) => s.id);
  if (!cited.some((id) => previousSources.includes(id))) return false;
  if (cited.some((id) => d.answerer.processOfDoc(id) === to)) return false;
  // One putting the same question of another kind of structure (« et une fondation ? » after « une asso fait partie de
  // l'ESS ? ») names that kind, not a need of its process: answered from the same documents, it stays with the team.
  if (substitutes(own)) return true;
  const top = d.answerer.router.candidates(own)[0];
  return !((top?.rule || top?.named !== undefined) && top.process === to && top.score >= OWN_ROUTE_SCORE);
}

/** A short follow-up putting the previous question of another subject named indefinitely (« et pour une SCOP ? », "and a foundation?"). */
const SUBSTITUTION = /^(?:et|and)\s+(?:pour|for|avec|with)?\s*(?:un|une|des|a|an)\s/;
/** Words of a follow-up that only puts the previous question of another subject. */
const SHORT_SUBSTITUTION = 6;

/** Whether a follow-up only puts the previous question of another subject (see SUBSTITUTION). */
export function substitutes(own: string): boolean {
  const f = fold(own).replace(/[’`]/g, "'").trim();
  return f.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= SHORT_SUBSTITUTION && SUBSTITUTION.test(f);
}

function withValue(actions: Action[], interactionId: string): Action[] {
  return actions.map((a) => (a.id === "rate-up" || a.id === "rate-down" ? { ...a, value: interactionId } : a));
}
