/**
 * The team's Adaptive Card of a handoff (Teams team channel), and the card the
 * person receives with the team's answer. An open handoff offers « Répondre »
 * (an Action.ShowCard with the answer form, Adaptive Cards 1.5) and « Marquer
 * comme traité »; an answered one shows who answered, when, what, and whether
 * the answer reached the person. Every piece of text of a person or an agent
 * goes into TextRuns (never read as Markdown).
 */
import { CHANNEL_LABELS } from "../../report/labels.js";
import { SAVE_AS_ANSWER_LABEL } from "../../conversation/teach.js";
import type { HandoffRecord } from "../../storage/types.js";
import { card, factLabel, factValue, formatDate, heading, markup, note, rows, runs, submit, type AdaptiveCard, type CardElement } from "./cards.js";
import { PROCESS_LABELS } from "./labels.js";
import { truncate } from "./text.js";

/** Id of the answer input of the « Répondre » form (the submitted value's key). */
export const HANDOFF_REPLY_INPUT = "handoffReply";
export const HANDOFF_REPLY_MAX = 4000;

export interface HandoffCardOptions {
  /** The e-mail or phone the person gave, with consent, to be answered there (never stored in the card's record). */
  contact?: { kind: "email" | "phone"; value: string };
  /** Deep link to the channel thread where the person asked, when there is one. */
  link?: string;
}

/** What the answer form says will happen to the agent's text. */
function replyHint(h: HandoffRecord): string {
  switch (h.replyVia ?? "conversation") {
    case "email":
      return "La personne a demandé une réponse par e-mail : écrivez-lui à l'adresse indiquée, puis enregistrez ici ce que vous lui avez répondu (la demande sera close et l'adresse effacée).";
    case "phone":
      return "La personne a demandé à être rappelée : appelez-la, puis enregistrez ici ce que vous lui avez dit (la demande sera close et le numéro effacé).";
    default:
      return "Votre réponse est envoyée à la personne dans sa conversation avec Relais ESS, avec votre nom ; la demande est alors close.";
  }
}

/** Where the answer went, for the answered card. */
function deliveryNote(h: HandoffRecord): string {
  const via = h.replyVia ?? "conversation";
  if (via === "email") return "Réponse donnée par e-mail ; l'adresse a été effacée.";
  if (via === "phone") return "Réponse donnée par téléphone ; le numéro a été effacé.";
  if (h.replyDeliveredAt) return `Transmise à la personne dans sa conversation le ${formatDate(h.replyDeliveredAt)}.`;
  return "La personne verra la réponse dans sa conversation à son prochain message.";
}

/** « Répondre »: the answer form, shown under the card (Action.ShowCard). */
function replyAction(h: HandoffRecord): CardElement {
  return {
    type: "Action.ShowCard",
    title: "Répondre",
    card: {
      type: "AdaptiveCard",
      body: [
        { type: "TextBlock", text: replyHint(h), wrap: true, size: "Small" },
        {
          type: "Input.Text",
          id: HANDOFF_REPLY_INPUT,
          label: "Votre réponse",
          isMultiline: true,
          maxLength: HANDOFF_REPLY_MAX,
          isRequired: true,
          errorMessage: "Écrivez votre réponse avant de l'envoyer.",
          placeholder: "Bonjour, …",
        },
      ],
      actions: [submit("Envoyer la réponse", { relais: "reply-handoff", handoffId: h.id })],
    },
  };
}

/** The team's card of a handoff, as it stands (open, answered or resolved). */
export function handoffCard(h: HandoffRecord, o: HandoffCardOptions = {}): AdaptiveCard {
  const body: CardElement[] = [
    heading("Demande de mise en relation"),
    runs([{ text: PROCESS_LABELS[h.process] ?? h.process, bold: true }]),
    ...markup(h.summary, 2000),
  ];
  if (h.question) body.push(...rows([["Question posée", truncate(h.question, 1000)]]));
  const facts = Object.entries(h.facts ?? {}).slice(0, 14);
  if (facts.length) {
    body.push(heading("Informations recueillies", "Default"));
    body.push(...rows(facts.map(([k, v]) => [factLabel(k), factValue(v)])));
  }
  if (o.contact && !h.reply)
    body.push(
      ...rows([[o.contact.kind === "email" ? "Répondre par e-mail à" : "Rappeler au", o.contact.value]]),
      note("Donné avec l'accord de la personne, pour cette demande seulement."),
    );
  body.push(
    ...rows([
      ["Reçue le", formatDate(h.createdAt)],
      ["Canal", CHANNEL_LABELS[h.channel] ?? h.channel],
      ["Référence", h.id.slice(0, 8)],
    ]),
  );
  if (o.link) body.push(runs([{ text: "Voir la conversation", url: o.link }], { spacing: "Small" }));
  if (h.reply) {
    body.push(runs([{ text: `Répondu par ${h.reply.agent} le ${formatDate(h.reply.at)}`, bold: true, color: "Good" }]));
    body.push(runs([{ text: truncate(h.reply.text, 2500) }]));
    body.push(note(deliveryNote(h)));
    // An agent's answer can become a draft answer card (conversation/teach.ts).
    return card(body, [submit(SAVE_AS_ANSWER_LABEL, { relais: "teach-handoff", handoffId: h.id })]);
  }
  if (h.status === "resolved") {
    body.push(runs([{ text: `Traitée${h.resolvedAt ? ` le ${formatDate(h.resolvedAt)}` : ""}`, bold: true, color: "Good" }]));
    return card(body);
  }
  body.push(runs([{ text: "À traiter", bold: true, color: "Warning" }]));
  return card(body, [replyAction(h), submit("Marquer comme traité", { relais: "resolve-handoff", handoffId: h.id })]);
}

/** The card the person receives in their own conversation: the team's answer. */
export function handoffAnswerCard(h: HandoffRecord): AdaptiveCard {
  return card([
    heading("Réponse de l'équipe ESS"),
    note(`À votre demande (référence ${h.id.slice(0, 8)}) : ${PROCESS_LABELS[h.process] ?? h.process}.`),
    runs([{ text: truncate(h.reply?.text ?? "", HANDOFF_REPLY_MAX) }]),
    runs([{ text: `Par ${h.reply?.agent ?? "l'équipe ESS"}, pour l'équipe ESS du Département du Gard.`, subtle: true }]),
    note("Vous pouvez continuer à poser vos questions ici."),
  ]);
}
