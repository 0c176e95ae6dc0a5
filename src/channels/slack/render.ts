/**
 * Reply → Slack Block Kit + plain-text fallback. Pure functions: no I/O.
 *
 * Every text that comes from the user or the knowledge base is escaped
 * (mrkdwn.ts), and everything stays within Slack's limits: ≤ 50 blocks per
 * message, ≤ 3 000 characters per section text (cut between sentences),
 * ≤ 75 per button text, ≤ 2 000 per button value, ≤ 4 000 for the fallback
 * text. Eligibility results are shown once and short (a verdict per process),
 * their detail one click away ("Voir le détail").
 */
import type { types } from "@slack/bolt";
import type { ProcessId } from "../../domain/ids.js";
import type { Action, EligibilityResult, FitOption, Reply, SourceRef } from "../../domain/reply.js";
import type { HandoffRecord } from "../../storage/types.js";
import { FACT_QUESTIONS } from "../../eligibility/facts.js";
import { fitHead } from "../../fit/text.js";
import { CHANNEL_LABELS } from "../../report/labels.js";
import { SAVE_AS_ANSWER_LABEL } from "../../conversation/teach.js";
import { followUpQuestions } from "../follow-ups.js";
import { tagBlockId, type ButtonTag } from "./buttons.js";
import {
  APOLOGY_TEXT,
  KIND_LABELS,
  NATURE_LABELS,
  PROCESS_NAMES,
  COMPLETE_LABEL,
  DETAIL_LABEL,
  ELIGIBILITY_NOTICE,
  RESOLVE_LABEL,
  SHARE_LABEL,
  VERDICT_LABELS,
  VOTE_LABELS,
  buttonLabel,
} from "./labels.js";
import { escapeMrkdwn, link, mentionUser, plain, toMrkdwn, toPlainFallback, truncate } from "./mrkdwn.js";

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionsPerBlock: 25,
  contextElements: 10,
  headerText: 150,
  fallbackText: 4000,
} as const;

/** Action ids of the interactive elements this channel renders. */
export const ACTION = {
  /** `ess:action:<ActionId>` — a core action (rating, eligibility, friction, handoff…). */
  corePrefix: "ess:action:",
  option: "ess:option:",
  followUp: "ess:followup:",
  share: "ess:share",
  resolveHandoff: "ess:handoff:resolve",
  /** "Répondre" on a handoff post: opens the answer modal. */
  replyHandoff: "ess:handoff:reply",
  /** « Enregistrer comme réponse type » on an answered handoff post: writes a draft answer card. */
  teachHandoff: "ess:handoff:teach",
  /** "Voir le détail" of an eligibility result. */
  detail: "ess:detail",
  /** App Home: "Poser une question" (opens the question form). */
  homeAsk: "ess:home:ask",
} as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Adds a "Partager dans le canal" button carrying this key (ephemeral answers). */
  shareKey?: string;
  /** Renders buttons (false for a copy shared in a channel). Default true. */
  interactive?: boolean;
  /** Slack user id to credit, for a shared copy ("Partagé par …"). */
  sharedBy?: string;
  /** Message id and the person it answers, carried in the block ids of its buttons (buttons.ts). */
  tag?: ButtonTag;
  /** Eligibility: the detail of every verdict instead of the short summary. */
  detail?: boolean;
  /** The vote already given on this answer: shown instead of the rating buttons. */
  vote?: "up" | "down";
  /** The option chosen for this question: shown instead of the buttons. */
  chosen?: string;
  /** The text was streamed already: only the blocks that follow it (route, sources, buttons). */
  afterText?: boolean;
}

const mrkdwnSection = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) },
});

const contextBlock = (texts: string[]): KnownBlock => ({
  type: "context",
  elements: texts.slice(0, LIMITS.contextElements).map((t) => ({ type: "mrkdwn", text: truncate(t, LIMITS.sectionText) })),
});

function button(actionId: string, text: string, value?: string, style?: "primary" | "danger"): Button {
  const label = plain(text, LIMITS.buttonText) || "…";
  const b: Button = { type: "button", action_id: actionId, text: { type: "plain_text", text: label, emoji: true } };
  if (value !== undefined && value.length > 0 && value.length <= LIMITS.buttonValue) b.value = value;
  if (style) b.style = style;
  return b;
}

/** Buttons split into actions blocks of at most 25 elements. */
function actionBlocks(buttons: Button[], blockIdPrefix: string, tag?: ButtonTag): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsPerBlock) {
    blocks.push({
      type: "actions",
      block_id: tagBlockId(`${blockIdPrefix}${i / LIMITS.actionsPerBlock}`, tag),
      elements: buttons.slice(i, i + LIMITS.actionsPerBlock),
    });
  }
  return blocks;
}

/** Cut positions of one kind in `window`, last first. */
function cutsOf(window: string, re: RegExp): number[] {
  const out: number[] = [];
  for (const m of window.matchAll(re)) out.push(m.index! + m[0].length);
  return out.reverse();
}

/** Whether position `i` falls inside a Slack `<…>` link or an `&…;` entity. */
function insideMarkup(text: string, i: number): boolean {
  if (text.lastIndexOf("<", i - 1) > text.lastIndexOf(">", i - 1)) return true;
  const amp = text.lastIndexOf("&", i - 1);
  return amp >= 0 && amp > i - 6 && text.indexOf(";", amp) >= i && !/\s/.test(text.slice(amp, i));
}

/**
 * Splits escaped mrkdwn into chunks of at most `max` characters: between
 * paragraphs first, then lines, then sentences, then words — never inside a
 * link or an entity, and never mid-sentence while a sentence end is within reach.
 */
export function splitMrkdwn(text: string, max: number = LIMITS.sectionText): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const kinds = [/\n\n/g, /\n/g, /[.!?…»)](?=\s)/g, / /g];
    let cut = -1;
    // A boundary in the second half of the window keeps sections full; else any boundary.
    for (const minimum of [max / 2, 1]) {
      for (const re of kinds) {
        cut = cutsOf(window, re).find((i) => i >= minimum && i <= max && !insideMarkup(rest, i)) ?? -1;
        if (cut > 0) break;
      }
      if (cut > 0) break;
    }
    if (cut <= 0) {
      // A single word longer than a section: hard cut outside entities.
      cut = max;
      const amp = rest.lastIndexOf("&", cut);
      if (amp > cut - 6 && rest.indexOf(";", amp) >= cut) cut = amp;
    }
    const chunk = rest.slice(0, cut).trim();
    if (chunk) out.push(chunk);
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

export function sourceKindLabel(s: SourceRef & { nature?: unknown }): string {
  const nature = typeof s.nature === "string" ? NATURE_LABELS[s.nature] : undefined;
  return nature ?? KIND_LABELS[s.kind] ?? s.kind;
}

function sourceLine(s: SourceRef & { nature?: unknown }): string {
  const parts = [`[${s.n}] ${link(s.url, truncate(s.title, 200))}`, `_${escapeMrkdwn(sourceKindLabel(s))}_`];
  if (s.section) parts.push(escapeMrkdwn(truncate(s.section, 200)));
  if (s.page) parts.push(`p. ${s.page}`);
  if (s.status === "reported") parts.push("à vérifier");
  return parts.join(" · ");
}

export const processName = (p: ProcessId): string => PROCESS_NAMES[p] ?? p;

/** The detail of every verdict: reasons, missing facts, who checks. */
function eligibilityDetailBlocks(results: EligibilityResult[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const r of results) {
    const lines = [`*${escapeMrkdwn(processName(r.process))}* — ${VERDICT_LABELS[r.verdict]}`];
    for (const reason of r.reasons) {
      const mark = reason.met === true ? "✔" : reason.met === false ? "✘" : "?";
      lines.push(`${mark} ${escapeMrkdwn(reason.text)}`);
    }
    for (const m of r.missing) lines.push(`❔ Il me manque : ${escapeMrkdwn(m.question)}`);
    if (r.checker) lines.push(`Qui vérifie : ${escapeMrkdwn(r.checker)}`);
    for (const chunk of splitMrkdwn(lines.join("\n"))) blocks.push(mrkdwnSection(chunk));
  }
  return blocks;
}

/** Short names of the facts still missing, across every process. */
function missingFacts(results: EligibilityResult[]): string[] {
  const names: string[] = [];
  for (const r of results)
    for (const m of r.missing) {
      const label = (FACT_QUESTIONS as Record<string, { label: string } | undefined>)[m.fact]?.label ?? m.fact;
      if (!names.includes(label)) names.push(label);
    }
  return names;
}

/** One line per process: its verdict. */
function eligibilitySummaryBlocks(results: EligibilityResult[]): KnownBlock[] {
  const lines = results.map((r) => `• *${escapeMrkdwn(processName(r.process))}* : ${VERDICT_LABELS[r.verdict]}`);
  const blocks = splitMrkdwn(`*Résultat de la vérification d'éligibilité*\n${lines.join("\n")}`).map(mrkdwnSection);
  const missing = missingFacts(results);
  if (missing.length) blocks.push(contextBlock([truncate(`Pour conclure, il me manque : ${escapeMrkdwn(missing.join(", "))}.`, 2000)]));
  return blocks;
}

export const FIT_BUTTON_LABEL = "Vérifier l'éligibilité";

/** One compact section per project-fit option: title, why, verdict, contact, one button. */
function fitBlocks(options: FitOption[], interactive: boolean, tag?: ButtonTag): KnownBlock[] {
  return options.slice(0, 5).map((o, i) => {
    const lines = [`*${i + 1}. ${escapeMrkdwn(truncate(o.name, 200))}*`, escapeMrkdwn(truncate(o.why, 1000))];
    lines.push(`*Éligibilité :* ${VERDICT_LABELS[o.verdict]}${o.verdictText ? ` — ${escapeMrkdwn(truncate(o.verdictText, 600))}` : ""}`);
    if (o.contact) lines.push(`*Contact :* ${link(o.contact.url, truncate(o.contact.label, 200))}`);
    const block: KnownBlock = {
      type: "section",
      block_id: tagBlockId(`ess-fit-${i}`, tag),
      text: { type: "mrkdwn", text: truncate(lines.join("\n"), LIMITS.sectionText) },
    };
    // The core's "eligibility" action with the option's process (one button per block, so the action_id may repeat).
    if (interactive) block.accessory = button(`${ACTION.corePrefix}eligibility`, FIT_BUTTON_LABEL, o.process, i === 0 ? "primary" : undefined);
    return block;
  });
}

function routeBlock(route: NonNullable<Reply["route"]>): KnownBlock[] {
  const lines = [`*Vers qui vous tourner :* ${escapeMrkdwn(route.name)}`];
  if (route.operator) lines.push(`Porté par : ${escapeMrkdwn(route.operator)}`);
  if (route.why) lines.push(escapeMrkdwn(route.why));
  const contacts = route.contacts.slice(0, 10).map((c) => `• ${link(c.url, c.label)}`);
  if (contacts.length) lines.push(`*Contact public :*\n${contacts.join("\n")}`);
  return splitMrkdwn(lines.join("\n")).map(mrkdwnSection);
}

function handoffBlock(h: NonNullable<Reply["handoff"]>): KnownBlock {
  const status = h.status === "resolved" ? "traitée" : "transmise";
  return contextBlock([`Demande ${status} à : ${escapeMrkdwn(processName(h.process))} · référence ${escapeMrkdwn(h.id.slice(0, 8))}`]);
}

/** Key figures of the report (src/report/build.ts), labelled in French; unknown shapes show nothing. */
const REPORT_FIGURES: [string, string][] = [
  ["interactions", "Questions posées"],
  ["refused", "Questions sans réponse"],
  ["ratings.up", "Avis « utile »"],
  ["ratings.down", "Avis « pas utile »"],
  ["frictions", "Difficultés signalées"],
  ["handoffs", "Demandes transmises"],
  ["openHandoffs", "Demandes encore ouvertes"],
];

function reportBlocks(report: unknown): KnownBlock[] {
  if (!report || typeof report !== "object") return [];
  const get = (path: string): unknown =>
    path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), report);
  const fields = REPORT_FIGURES.flatMap(([path, label]) => {
    const v = get(path);
    const n =
      typeof v === "number"
        ? v
        : v && typeof v === "object" && typeof (v as { count?: unknown }).count === "number"
          ? (v as { count: number }).count
          : undefined;
    return n === undefined ? [] : [{ type: "mrkdwn" as const, text: `*${label}*\n${n.toLocaleString("fr-FR")}` }];
  });
  const blocks: KnownBlock[] = fields.length ? [{ type: "section", text: { type: "mrkdwn", text: "*Chiffres clés*" }, fields: fields.slice(0, 10) }] : [];
  const link = reportLinkBlock(get("link"));
  if (link) blocks.push(link);
  return blocks;
}

/** « Ouvrir le rapport complet »: the signed web report address (src/report/link.ts), as a plain Slack link. */
export function reportLinkBlock(link: unknown): KnownBlock | null {
  if (typeof link !== "string" || link.length > 2800 || !/^https?:\/\/[^\s<>|]+$/i.test(link)) return null;
  return mrkdwnSection(`*<${link.replace(/&/g, "&amp;")}|Ouvrir le rapport complet>* — page web réservée aux agents, lien valable 7 jours.`);
}

function coreActionButton(a: Action, reply: Reply): Button {
  const value = a.value ?? (a.id === "rate-up" || a.id === "rate-down" ? reply.interactionId : undefined) ?? reply.interactionId;
  const style = a.id === "handoff" ? undefined : a.id === "confirm" ? "primary" : undefined;
  return button(`${ACTION.corePrefix}${a.id}`, buttonLabel(a.id, a.label), value, style);
}

/** "Compléter les informations": the eligibility form, pre-filled with the known facts (JSON in the value). */
function completeButton(reply: Reply): Button {
  const facts = JSON.stringify(reply.facts ?? {});
  return button(`${ACTION.corePrefix}eligibility`, COMPLETE_LABEL, facts.length <= LIMITS.buttonValue && facts !== "{}" ? facts : undefined);
}

/** The reply's own buttons: follow-up questions, then actions (ratings replaced by the vote once given). */
function buttonBlocks(reply: Reply, opts: RenderOptions): KnownBlock[] {
  const tail: KnownBlock[] = [];
  const questions = followUpQuestions(reply.followUps);
  if (questions.length) {
    const buttons = questions.map((q, i) => button(`${ACTION.followUp}${i}`, q, q));
    tail.push(contextBlock(["Vous pouvez aussi demander :"]), ...actionBlocks(buttons, "ess-followups-", opts.tag));
  }
  // Slack rejects a message whose buttons share an action_id: one button per core action.
  const seen = new Set<string>();
  let actions = reply.actions.filter((a) => !seen.has(a.id) && !!seen.add(a.id));
  if (opts.vote) {
    tail.push(contextBlock([VOTE_LABELS[opts.vote]]));
    // The other rating stays, to change one's mind: the last vote counts.
    actions = actions.filter((a) => a.id !== (opts.vote === "up" ? "rate-up" : "rate-down"));
  }
  const buttons: Button[] = [];
  if (reply.type === "eligibility" && reply.eligibility?.length) {
    if (!opts.detail) buttons.push(button(ACTION.detail, DETAIL_LABEL, undefined, "primary"));
    if (!seen.has("eligibility")) buttons.push(completeButton(reply));
  }
  buttons.push(...actions.map((a) => coreActionButton(a, reply)));
  if (opts.shareKey) buttons.push(button(ACTION.share, SHARE_LABEL, opts.shareKey));
  tail.push(...actionBlocks(buttons, "ess-actions-", opts.tag));
  return tail;
}

/** The reply's text as sections; eligibility results once, short (or in detail). */
function bodyBlocks(reply: Reply, opts: RenderOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const results = reply.eligibility ?? [];
  if (reply.type === "eligibility" && results.length) {
    blocks.push(...(opts.detail ? eligibilityDetailBlocks(results) : eligibilitySummaryBlocks(results)));
    blocks.push(contextBlock([ELIGIBILITY_NOTICE]));
    return blocks;
  }
  const body = toMrkdwn(reply.fit?.length ? fitHead(reply.text) : reply.text || (reply.type === "error" ? APOLOGY_TEXT : ""));
  for (const chunk of splitMrkdwn(body)) blocks.push(mrkdwnSection(chunk));
  if (results.length) blocks.push(...eligibilityDetailBlocks(results));
  return blocks;
}

/** The question's options as buttons, or the option chosen. */
function promptBlocks(reply: Reply, opts: RenderOptions, interactive: boolean): KnownBlock[] {
  const p = reply.prompt;
  if (!p) return [];
  const blocks: KnownBlock[] = [];
  if (!reply.text.includes(p.question)) blocks.push(mrkdwnSection(`*${escapeMrkdwn(p.question)}*`));
  if (opts.chosen !== undefined) blocks.push(contextBlock([`Votre réponse : *${escapeMrkdwn(truncate(opts.chosen, 200))}*`]));
  else if (interactive && p.options?.length) {
    const buttons = p.options.slice(0, 50).map((o, i) => button(`${ACTION.option}${i}`, o.label || o.value, o.value));
    blocks.push(...actionBlocks(buttons, "ess-options-", opts.tag));
  }
  return blocks;
}

/** Renders one reply as Block Kit plus a plain-text fallback. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  // A question already answered keeps no button.
  const interactive = (opts.interactive ?? true) && opts.chosen === undefined;
  const head: KnownBlock[] = [];
  const tail: KnownBlock[] = [];

  if (opts.sharedBy) head.push(contextBlock([`Partagé par ${mentionUser(opts.sharedBy)}`]));
  if (!opts.afterText) head.push(...bodyBlocks(reply, opts));
  // A project-fit answer: its opening paragraphs (bodyBlocks), then one compact section per option.
  if (reply.fit?.length) head.push(...fitBlocks(reply.fit, interactive, opts.tag));
  head.push(...promptBlocks(reply, opts, interactive));

  if (reply.handoff) head.push(handoffBlock(reply.handoff));
  if (reply.route && !reply.fit?.length) head.push(...routeBlock(reply.route));

  if (reply.sources.length) {
    const lines = reply.sources.map(sourceLine);
    const chunks = splitMrkdwn(`*Sources*\n${lines.join("\n")}`);
    head.push(...chunks.map(mrkdwnSection));
  }

  if (reply.report !== undefined) head.push(...reportBlocks(reply.report));

  if (interactive) tail.push(...buttonBlocks(reply, opts));
  if (reply.type === "answer" && !reply.refused) {
    tail.push(contextBlock(["Réponse automatique de Relais ESS à partir de sources publiques : vérifiez auprès des contacts indiqués."]));
  }

  const room = LIMITS.blocks - tail.length;
  let blocks: KnownBlock[];
  if (head.length <= room) blocks = [...head, ...tail];
  else blocks = [...head.slice(0, room - 1), mrkdwnSection("… _La réponse complète est trop longue pour Slack._"), ...tail];

  return { text: renderFallback(reply), blocks };
}

/** Plain-text fallback (notifications, clients without Block Kit). */
export function renderFallback(reply: Reply): string {
  const results = reply.eligibility ?? [];
  if (reply.type === "eligibility" && results.length) {
    const lines = results.map((r) => `${escapeMrkdwn(processName(r.process))} : ${VERDICT_LABELS[r.verdict]}`);
    return truncate(`Résultat de la vérification d'éligibilité :\n${lines.join("\n")}`, LIMITS.fallbackText);
  }
  const parts = [toPlainFallback(reply.fit?.length ? fitHead(reply.text) : reply.text || (reply.type === "error" ? APOLOGY_TEXT : ""))];
  for (const [i, o] of (reply.fit ?? []).entries()) parts.push(`${i + 1}. ${escapeMrkdwn(o.name)} : ${VERDICT_LABELS[o.verdict]}`);
  for (const r of results) parts.push(`${escapeMrkdwn(processName(r.process))} : ${VERDICT_LABELS[r.verdict]}`);
  if (reply.prompt && !reply.text.includes(reply.prompt.question)) parts.push(escapeMrkdwn(reply.prompt.question));
  if (reply.route && !reply.fit?.length) parts.push(`Vers qui vous tourner : ${escapeMrkdwn(reply.route.name)}`);
  if (reply.sources.length) {
    parts.push(`Sources :\n${reply.sources.map((s) => `[${s.n}] ${escapeMrkdwn(s.title)} (${escapeMrkdwn(sourceKindLabel(s))})`).join("\n")}`);
  }
  return truncate(parts.filter(Boolean).join("\n\n") || "Relais ESS", LIMITS.fallbackText);
}

export interface HandoffNoticeOptions {
  /** Slack user id of the person who asked (when the request came from Slack). */
  requester?: string;
  /** Where the request was made (Slack channel id). */
  origin?: string;
  /** Permalink to the conversation, when known. */
  permalink?: string;
  /** Slack user id of the agent who resolved it. */
  resolvedBy?: string;
  /** The e-mail or phone the person gave, with consent, to be answered there. */
  contact?: { kind: "email" | "phone"; value: string };
}

/** The message posted in the follow-up channel for a handoff. */
export function renderHandoffNotice(h: HandoffRecord, o: HandoffNoticeOptions = {}): SlackMessage {
  const name = processName(h.process);
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: plain(`Demande de contact — ${name}`, LIMITS.headerText) } }];
  for (const chunk of splitMrkdwn(toMrkdwn(h.summary))) blocks.push(mrkdwnSection(chunk));
  if (h.question) blocks.push(mrkdwnSection(`*Question posée :*\n>${escapeMrkdwn(truncate(h.question, 2500)).replace(/\n/g, "\n>")}`));
  const facts = Object.entries(h.facts ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "");
  if (facts.length) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: "*Informations données :*" },
      fields: facts.slice(0, 10).map(([k, v]) => ({
        type: "mrkdwn" as const,
        text: truncate(`*${escapeMrkdwn(factLabel(k))}*\n${escapeMrkdwn(factValue(v))}`, LIMITS.fieldText),
      })),
    });
  }
  if (o.contact)
    blocks.push(
      mrkdwnSection(
        `*Répondre ${o.contact.kind === "email" ? "par e-mail" : "par téléphone"} :* ${escapeMrkdwn(o.contact.value)} (donné avec l'accord de la personne, pour cette demande seulement)`,
      ),
    );
  const where: string[] = [
    `Référence ${escapeMrkdwn(h.id.slice(0, 8))}`,
    `reçue le ${frenchDate(h.createdAt)}`,
    `via ${escapeMrkdwn(CHANNEL_LABELS[h.channel] ?? h.channel)}`,
  ];
  if (o.requester) where.push(`demandée par ${mentionUser(o.requester)}`);
  if (o.permalink) where.push(link(o.permalink, "voir la conversation"));
  blocks.push(contextBlock([where.join(" · ")]));
  if (h.reply) {
    blocks.push(
      mrkdwnSection(
        `✅ *Répondu* par ${escapeMrkdwn(h.reply.agent)} le ${frenchDate(h.reply.at)} :\n>${escapeMrkdwn(truncate(h.reply.text, 2500)).replace(/\n/g, "\n>")}`,
      ),
    );
    blocks.push({ type: "actions", block_id: "ess-handoff-teach", elements: [button(ACTION.teachHandoff, SAVE_AS_ANSWER_LABEL, h.id)] });
  } else if (h.status === "resolved") {
    const by = o.resolvedBy ? ` par ${mentionUser(o.resolvedBy)}` : "";
    const at = h.resolvedAt ? ` le ${frenchDate(h.resolvedAt)}` : "";
    blocks.push(mrkdwnSection(`✅ *Traitée*${by}${at}.`));
  } else {
    blocks.push({
      type: "actions",
      block_id: "ess-handoff",
      elements: [button(ACTION.replyHandoff, "Répondre", h.id, "primary"), button(ACTION.resolveHandoff, RESOLVE_LABEL, h.id)],
    });
  }
  const text = truncate(
    `${h.reply ? "Demande répondue" : h.status === "resolved" ? "Demande traitée" : "Nouvelle demande de contact"} — ${escapeMrkdwn(name)} : ${toPlainFallback(h.summary)}`,
    LIMITS.fallbackText,
  );
  return { text, blocks };
}

function factLabel(key: string): string {
  const label = (FACT_QUESTIONS as Record<string, { label: string } | undefined>)[key]?.label ?? key;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function factValue(v: unknown): string {
  if (v === true) return "oui";
  if (v === false) return "non";
  if (typeof v === "number") return v.toLocaleString("fr-FR");
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function frenchDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return escapeMrkdwn(iso);
  return d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
}
