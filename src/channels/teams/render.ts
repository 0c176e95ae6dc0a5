/**
 * Reply → Teams message activity: Markdown text with `[n]` markers, citation
 * entities, Teams' AI label on text a model wrote (only then), the feedback
 * loop (current form), and one Adaptive Card (route / verdicts / prompt
 * options / report figures) whose buttons carry the card's id and the person
 * it answers (buttons.ts). A card can be redrawn with the vote given or the
 * option chosen. The whole activity is kept under Teams' ~28 KB limit by
 * degrading gracefully.
 */
import type { Activity, Attachment } from "botbuilder";
import type { Reply, SourceRef } from "../../domain/reply.js";
import type { CardTag } from "./buttons.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  answerCard,
  apologyCard,
  promptCard,
  reportCard,
  verdictCard,
  note,
  runs,
  type AdaptiveCard,
  type CardElement,
} from "./cards.js";
import { APOLOGY_TEXT } from "../../domain/copy.js";
import { DOC_KIND_LABELS, VOTE_LABELS } from "./labels.js";
import { fitHead } from "../../fit/text.js";
import { jsonBytes, plainText, toTeamsMarkdown, truncate } from "./text.js";
import { safeUrl } from "../../core/url.js";

/** Teams rejects messages above ~28 KB; keep room for the envelope the adapter adds. */
export const MAX_ACTIVITY_BYTES = 26_000;
export const MAX_CITATIONS = 20;

export interface RenderOptions {
  maxBytes?: number;
  /** Card id and person asked, added to the card's buttons. */
  tag?: CardTag;
  /** The vote given on this answer, shown in the card. */
  vote?: "up" | "down";
  /** The option chosen for this question: shown instead of the options. */
  chosen?: string;
  /** The person may see the report: otherwise no "Voir le rapport" button. Default true. */
  reportAllowed?: boolean;
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export function citation(s: SourceRef, abstractMax = 160) {
  const keywords = [DOC_KIND_LABELS[s.kind] ?? s.kind];
  if (s.status === "reported") keywords.push("À vérifier");
  const appearance: Record<string, unknown> = {
    "@type": "DigitalDocument",
    name: truncate(plainText(s.title), 80) || `Source ${s.n}`,
    abstract: truncate(plainText(s.excerpt || s.title), Math.min(160, abstractMax)),
    keywords: keywords.map((k) => truncate(k, 28)),
  };
  const url = safeUrl(s.url);
  if (url) appearance.url = url;
  return { "@type": "Claim", position: s.n, appearance };
}

/**
 * The `https://schema.org/Message` entity: citations, and the AI label when a
 * model wrote the text (`generated`). Null when there is neither.
 */
export function messageEntity(sources: SourceRef[], generated: boolean, abstractMax = 160): Record<string, unknown> | null {
  if (!generated && !sources.length) return null;
  const entity: Record<string, unknown> = {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
  };
  if (generated) entity.additionalType = ["AIGeneratedContent"];
  if (sources.length) entity.citation = sources.slice(0, MAX_CITATIONS).map((s) => citation(s, abstractMax));
  return entity;
}

/** Visits every object of a card. */
function visit(node: unknown, fn: (o: CardElement) => void): void {
  if (Array.isArray(node)) node.forEach((n) => visit(n, fn));
  else if (node && typeof node === "object") {
    fn(node as CardElement);
    for (const v of Object.values(node)) if (v && typeof v === "object") visit(v, fn);
  }
}

/** Adds the card id and the person asked to the card's own buttons (not "Marquer comme traité"). */
export function tagCard(card: AdaptiveCard, tag: CardTag | undefined): AdaptiveCard {
  if (!tag) return card;
  visit(card, (o) => {
    const data = o.data as { relais?: string } | undefined;
    if (o.type === "Action.Submit" && data && ["action", "ask", "prompt", "form"].includes(data.relais ?? "")) o.data = { ...data, m: tag.m, o: tag.o };
  });
  return card;
}

/** The vote, the choice, the report button: what the card shows for this person, now. */
function adjustCard(card: AdaptiveCard, opts: RenderOptions): AdaptiveCard {
  const isReport = (a: CardElement) => (a.data as { id?: string } | undefined)?.id === "report";
  if (opts.reportAllowed === false) {
    if (card.actions) card.actions = card.actions.filter((a) => !isReport(a));
    visit(card, (o) => {
      if (o.type === "ActionSet" && Array.isArray(o.actions)) o.actions = (o.actions as CardElement[]).filter((a) => !isReport(a));
    });
  }
  if (opts.chosen !== undefined) {
    // A question answered keeps no button: its choice is shown instead.
    card.body = card.body.filter((b) => b.id !== "choice");
    card.body.push(runs([{ text: "Votre réponse : ", bold: true }, { text: truncate(opts.chosen, 200) }]));
    delete card.actions;
  }
  if (opts.vote) card.body.push(note(VOTE_LABELS[opts.vote]));
  return tagCard(card, opts.chosen === undefined ? opts.tag : undefined);
}

interface Shape {
  /** Sources kept (citations and card list), best first. */
  keep: number;
  abstractMax: number;
  /** Show the sources list in the card too. */
  cardSources: boolean;
  compactCard: boolean;
  textMax: number;
}

const SHORTENED = "\n\n(Réponse raccourcie pour Teams : demandez la suite ou parlez à une personne.)";

function removeMarkers(text: string, dropped: Set<number>): string {
  if (!dropped.size) return text;
  return text.replace(/\s?\[(\d+)\]/g, (m, n: string) => (dropped.has(Number(n)) ? "" : m));
}

function buildCard(reply: Reply, sources: SourceRef[], shape: Shape): AdaptiveCard | null {
  if (reply.type === "eligibility" && reply.eligibility?.length) return verdictCard(reply, { compact: shape.compactCard });
  if (reply.type === "prompt" && reply.prompt) return promptCard(reply, reply.prompt);
  if (reply.type === "report") return reportCard(reply) ?? answerCard(reply, { sources: [], compact: true });
  return answerCard(reply, { sources: shape.cardSources ? sources : [], compact: shape.compactCard });
}

function build(reply: Reply, shape: Shape, opts: RenderOptions): Partial<Activity> {
  // Best-ranked sources first; keep the top `keep`, in citation order.
  const ranked = [...reply.sources].sort((a, b) => b.score - a.score);
  const kept = ranked.slice(0, shape.keep).sort((a, b) => a.n - b.n);
  const dropped = new Set(ranked.slice(shape.keep).map((s) => s.n));
  // A project-fit answer: the opening paragraphs in the message, the options in the card.
  let text = toTeamsMarkdown(removeMarkers(reply.fit?.length ? fitHead(reply.text) : reply.text, dropped));
  if (Array.from(text).length > shape.textMax) text = truncate(text, shape.textMax) + SHORTENED;
  // Citations are the markers of the message text: a project-fit answer's options (and their markers) are in the card.
  const cited = reply.fit?.length ? kept.filter((s) => text.includes(`[${s.n}]`)) : kept;
  const activity: Partial<Activity> = { type: "message", text, textFormat: "markdown" };
  const entity = messageEntity(cited, reply.generated, shape.abstractMax);
  if (entity) activity.entities = [entity as never];
  // Teams' current feedback loop (👍/👎 with a comment form), on answers that can be rated.
  if (reply.interactionId) activity.channelData = { feedbackLoop: { type: "default" } };
  const card = buildCard(reply, kept, shape);
  if (card) activity.attachments = [cardAttachment(adjustCard(card, opts))];
  return activity;
}

/** Renders a reply, degrading (card sources, abstracts, sources, text, card) until it fits. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): Partial<Activity> {
  const maxBytes = opts.maxBytes ?? MAX_ACTIVITY_BYTES;
  const shape: Shape = {
    keep: Math.min(reply.sources.length, MAX_CITATIONS),
    abstractMax: 160,
    cardSources: true,
    compactCard: false,
    textMax: 20_000,
  };
  let activity = build(reply, shape, opts);
  const steps: Array<() => boolean> = [
    () => (shape.cardSources ? ((shape.cardSources = false), true) : false),
    () => (shape.abstractMax > 60 ? ((shape.abstractMax = 60), true) : false),
    () => (shape.keep > 3 ? ((shape.keep = Math.max(3, Math.floor(shape.keep / 2))), true) : false),
    () => (shape.textMax > 4000 ? ((shape.textMax = Math.floor(shape.textMax / 2)), true) : false),
    () => (!shape.compactCard ? ((shape.compactCard = true), true) : false),
    () => (shape.keep > 0 ? ((shape.keep -= 1), true) : false),
    () => (shape.textMax > 500 ? ((shape.textMax = Math.floor(shape.textMax / 2)), true) : false),
  ];
  for (const step of steps) {
    while (jsonBytes(activity) > maxBytes && step()) activity = build(reply, shape, opts);
  }
  if (jsonBytes(activity) > maxBytes) {
    // Last resort: text only.
    delete activity.attachments;
  }
  return activity;
}

/** A plain card message (welcome, forms, handoff) — not AI-generated content. */
export function cardMessage(card: AdaptiveCard, text?: string, tag?: CardTag): Partial<Activity> {
  const activity: Partial<Activity> = { type: "message", attachments: [cardAttachment(tagCard(card, tag))] };
  if (text) {
    activity.text = toTeamsMarkdown(text);
    activity.textFormat = "markdown";
  }
  return activity;
}

export { APOLOGY_TEXT };

/** Short apology with a route to a person, used when the core fails. */
export function apologyMessage(): Partial<Activity> {
  return cardMessage(apologyCard(), APOLOGY_TEXT);
}
