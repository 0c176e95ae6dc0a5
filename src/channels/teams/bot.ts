/**
 * The Teams ActivityHandler: personal chat, @mentions in channels and group
 * chats (a typing indicator while the core works; in personal chats, an
 * answer a model writes is streamed), card submissions (actions, forms —
 * the eligibility form pre-filled —, prompt options, handoff resolution)
 * with buttons that only act for the person asked and while their step is
 * open, the 👍/👎 feedback invoke (the rated card then shows the vote), the
 * report for agents only, the welcome message, and the conversation
 * references used for proactive handoff messages.
 */
import { ActivityHandler, ActivityTypes, TurnContext, type Activity, type ConversationReference, type InvokeResponse, type ResourceResponse } from "botbuilder";
import { z } from "zod";
import { personKey } from "../../privacy/pseudonym.js";
import { ProcessId, type Audience } from "../../domain/ids.js";
import { Reply, type ActionId, type TurnInput } from "../../domain/reply.js";
import type { Assistant } from "../../conversation/types.js";
import type { ChannelRefStore, EventDedupe, MessageLinks, StateStore } from "../../storage/types.js";
import { knowledgeDir } from "../../core/paths.js";
import { saveHandoffAsDraft, type TeachStorage } from "../../conversation/teach.js";

/** What the Teams channel uses of the storage. */
export type TeamsStorage = StateStore & EventDedupe & MessageLinks & ChannelRefStore & TeachStorage & HandoffReplyStorage;
import { mayReadReport, REPORT_DECLINED_TEXT, type ReportAccess } from "./access.js";
import { CardRegistry, newCardId, NOT_ACTIVE_TEXT, type CardRecord, type CardTag } from "./buttons.js";
import { eligibilityFormCard, frictionFormCard, welcomeCard, type AdaptiveCard } from "./cards.js";
import { parseEligibilityForm, parseFrictionForm, readSubmit } from "./forms.js";
import { askingTurn } from "./asking-turn.js";
import { handoffCard } from "./handoff-card.js";
import { answerHandoffFromCard, fromTeamCard, saveHandoffOrigin, type HandoffReplyStorage } from "./handoff-reply.js";
import { handoffCardKey, type HandoffCardPost } from "./notifier.js";
import type { Logger } from "./logger.js";
import { apologyMessage, cardMessage, renderReply, type RenderOptions } from "./render.js";
import { withRetry, type RetryOptions } from "./retry.js";
import { finalOf, TeamsStream } from "./stream.js";

/** What is stored per Teams channel for proactive messages (no person: the reference keeps no `user`). */
export interface StoredChannelRef {
  reference: Partial<ConversationReference>;
  teamId?: string;
  teamName?: string;
  channelName?: string;
  savedAt: string;
}

export const channelRefKey = (channelOrTeamId: string) => `teams:${channelOrTeamId}`;

export interface BotDeps {
  assistant: Assistant;
  storage: TeamsStorage;
  logger: Logger;
  /** Audience per team id; agents by default. */
  teamAudience?: Record<string, Audience>;
  defaultAudience?: Audience;
  retry?: RetryOptions;
  maxBytes?: number;
  /** Who may see the report (nobody by default). */
  reportAccess?: ReportAccess;
  /** Key of the pseudonymous person keys kept in the storage. */
  secret?: string;
  /** Minimum time between two streaming updates, ms (default 1000; tests shorten it). */
  streamIntervalMs?: number;
}

const FeedbackInvoke = z.object({
  actionName: z.literal("feedback"),
  actionValue: z.object({
    reaction: z.enum(["like", "dislike"]),
    feedback: z.string().max(20_000).optional(),
  }),
});

/** Exact commands (manifest command list and their usual spellings). */
const COMMANDS: Array<[RegExp, ActionId]> = [
  [/^(aide|help|\/aide)$/, "help"],
  [/^\/?rapport( (du mois|mensuel|d'activité))?$/, "report"],
  [/^(vérifier l'éligibilité|éligibilité|eligibilite|verifier l'eligibilite)$/, "eligibility"],
  [/^(signaler une difficulté|signaler|signaler une difficulte)$/, "friction"],
  [/^(parler à une personne|parler a une personne)$/, "handoff"],
];

export function commandOf(text: string): ActionId | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[.!?]+$/, "");
  for (const [re, id] of COMMANDS) if (re.test(t)) return id;
  return null;
}

function feedbackText(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === "object" && typeof (parsed as { feedbackText?: unknown }).feedbackText === "string") {
      return ((parsed as { feedbackText: string }).feedbackText.trim() || undefined)?.slice(0, 2000);
    }
    return undefined;
  } catch {
    return raw.trim().slice(0, 2000) || undefined;
  }
}

export class RelaisTeamsBot extends ActivityHandler {
  private readonly savedRefs = new Set<string>();
  private readonly cards: CardRegistry;

  constructor(private readonly deps: BotDeps) {
    super();
    this.cards = new CardRegistry(deps.storage);
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botAdded) {
        await this.saveChannelRef(context, true);
        await this.send(context, cardMessage(welcomeCard()));
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.saveChannelRef(context, true);
      await next();
    });
  }

  /** Dedupe: the same activity delivered twice is handled once. */
  override async run(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.id && (a.type === ActivityTypes.Message || a.type === ActivityTypes.Invoke || a.type === ActivityTypes.ConversationUpdate)) {
      let first = true;
      try {
        first = await this.deps.storage.claimEvent(`teams:${a.conversation?.id ?? ""}:${a.id}`);
      } catch (err) {
        this.deps.logger.warn({ err }, "teams: dedupe unavailable, handling the activity anyway");
      }
      if (!first) {
        this.deps.logger.info({ type: a.type }, "teams: duplicate activity ignored");
        if (a.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
        }
        return;
      }
    }
    // The handoff notifier links the team's card to the thread a request comes from.
    await askingTurn.run(a, () => super.run(context));
  }

  // ------------------------------------------------------------ helpers

  private audience(context: TurnContext): Audience {
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    return (teamId && this.deps.teamAudience?.[teamId]) || this.deps.defaultAudience || "agent";
  }

  private baseTurn(context: TurnContext): TurnInput {
    const a = context.activity;
    const conversationId = (a.conversation?.id || "teams").slice(0, 512);
    const userId = (a.from?.aadObjectId || a.from?.id || "inconnu").slice(0, 512);
    return { channel: "teams", conversationId, userId, audience: this.audience(context) };
  }

  async send(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | undefined> {
    return withRetry(() => context.sendActivity(activity), {
      ...this.deps.retry,
      onRetry: (info) => this.deps.logger.warn(info, "teams: connector call retried"),
    });
  }

  /** The person acting: Entra object id, else the Teams user id. */
  private userOf(context: TurnContext): string {
    const from = context.activity.from;
    return (from?.aadObjectId || from?.id || "inconnu").slice(0, 512);
  }

  /** Pseudonymous key of a person's conversation (raw ids are never stored). */
  private conversationKey(context: TurnContext): string {
    const person = personKey("teams", this.userOf(context), this.deps.secret ?? "relais-ess-teams");
    return `${(context.activity.conversation?.id ?? "-").slice(0, 256)}:${person}`;
  }

  private isPersonal(context: TurnContext): boolean {
    return context.activity.conversation?.conversationType === "personal";
  }

  private renderOptions(context: TurnContext, extra: RenderOptions = {}): RenderOptions {
    return { maxBytes: this.deps.maxBytes, reportAllowed: mayReadReport(context.activity, this.deps.reportAccess), ...extra };
  }

  /** "…" in Teams while the core works. Never throws. */
  private async typing(context: TurnContext): Promise<void> {
    try {
      await context.sendActivity({ type: ActivityTypes.Typing });
    } catch (err) {
      this.deps.logger.warn({ err }, "teams: typing indicator failed");
    }
  }

  /**
   * Runs one core turn and sends the rendered reply; a failing core → apology
   * + route to a person. Typed text shows a typing indicator first, and in a
   * personal chat an answer a model writes is streamed.
   */
  private async runTurn(context: TurnContext, extra: Partial<TurnInput>): Promise<void> {
    const turn: TurnInput = { ...this.baseTurn(context), ...extra };
    const typed = typeof extra.text === "string" && !extra.action && !extra.form;
    if (typed) await this.typing(context);
    const stream = typed && this.isPersonal(context) ? new TeamsStream((a) => this.send(context, a), this.deps.logger, this.deps.streamIntervalMs) : undefined;
    let reply: Reply;
    try {
      reply = Reply.parse(await this.deps.assistant.handle(turn, stream ? { onToken: stream.onToken } : undefined));
    } catch (err) {
      this.deps.logger.error({ err }, "teams: core call failed");
      const streamId = await stream?.finish();
      await this.send(context, streamId ? finalOf(apologyMessage(), streamId) : apologyMessage());
      return;
    }
    if (reply.type === "report" && !mayReadReport(context.activity, this.deps.reportAccess)) {
      reply = Reply.parse({ type: "info", text: REPORT_DECLINED_TEXT });
    }
    // The team's answer to this handoff comes back here by a proactive message.
    if (reply.type === "handoff" && reply.handoff) await saveHandoffOrigin(this.deps.storage, context, reply.handoff.id, this.deps.logger);
    await this.sendReply(context, reply, stream);
  }

  /** Sends a reply (closing its stream), links it to its interaction and registers its card. */
  private async sendReply(context: TurnContext, reply: Reply, stream?: TeamsStream): Promise<void> {
    const tag: CardTag = { m: newCardId(), o: this.userOf(context) };
    let activity = renderReply(reply, this.renderOptions(context, { tag }));
    const streamId = stream ? await stream.finish() : null;
    if (streamId) activity = finalOf(activity, streamId);
    const sent = await this.send(context, activity);
    const ids = [...new Set([sent?.id, streamId].filter((x): x is string => !!x))];
    try {
      if (reply.interactionId) for (const id of ids) await this.deps.storage.linkMessage("teams", id, reply.interactionId);
    } catch (err) {
      this.deps.logger.error({ err }, "teams: could not link the message to its interaction");
    }
    try {
      const conversation = this.conversationKey(context);
      const record: CardRecord = { reply, conversation, activityId: ids[0], at: new Date().toISOString() };
      if (activity.attachments?.length) await this.cards.save(tag.m, record);
      await this.cards.setLatestQuestion(conversation, reply.prompt && activity.attachments?.length ? tag.m : null);
    } catch (err) {
      this.deps.logger.warn({ err }, "teams: could not record the card");
    }
  }

  /** A form card (eligibility, friction) whose submit acts once, for the person it was sent to. */
  private async sendForm(context: TurnContext, card: AdaptiveCard): Promise<void> {
    const tag: CardTag = { m: newCardId(), o: this.userOf(context) };
    const sent = await this.send(context, cardMessage(card, undefined, tag));
    await this.cards.save(tag.m, { conversation: this.conversationKey(context), activityId: sent?.id, at: new Date().toISOString() }).catch((err) => {
      this.deps.logger.warn({ err }, "teams: could not record the form");
    });
  }

  /** "Ce bouton n'est plus actif", to the person who pressed it (named in a shared conversation). */
  private async notActive(context: TurnContext): Promise<void> {
    const from = context.activity.from;
    if (this.isPersonal(context) || !from?.id) {
      await this.send(context, { type: "message", text: NOT_ACTIVE_TEXT });
      return;
    }
    const name = (from.name || "Bonjour").replace(/[<>]/g, "");
    const mention = { type: "mention", text: `<at>${name}</at>`, mentioned: { id: from.id, name } };
    await this.send(context, {
      type: "message",
      text: `${mention.text}, ${NOT_ACTIVE_TEXT.charAt(0).toLowerCase()}${NOT_ACTIVE_TEXT.slice(1)}`,
      entities: [mention as never],
    });
  }

  /** Redraws a registered card (the choice made, the vote given); never throws. */
  private async redraw(context: TurnContext, id: string, record: CardRecord, opts: RenderOptions): Promise<void> {
    const activityId = record.activityId ?? context.activity.replyToId;
    if (!record.reply || !activityId) return;
    try {
      const updated = renderReply(record.reply, this.renderOptions(context, { tag: { m: id, o: this.userOf(context) }, ...opts }));
      await withRetry(() => context.updateActivity({ ...updated, id: activityId }), this.deps.retry);
    } catch (err) {
      this.deps.logger.warn({ err }, "teams: could not redraw a card");
    }
  }

  /** A question answered by a press: finished, redrawn with the choice. */
  private async closeQuestion(context: TurnContext, id: string | undefined, record: CardRecord | null, chosen: string): Promise<void> {
    if (!id || !record?.reply?.prompt) return;
    const closed = await this.cards.update(id, { done: true, chosen });
    if (closed) await this.redraw(context, id, closed, { chosen });
  }

  /** Stores the conversation reference of a team channel (for proactive handoffs). */
  private async saveChannelRef(context: TurnContext, force: boolean): Promise<void> {
    const a = context.activity;
    const cd = (a.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } };
    if (!cd.team?.id) return;
    const channelId = cd.channel?.id ?? (a.conversation?.id ?? "").split(";")[0];
    if (!channelId) return;
    const key = channelRefKey(channelId);
    if (!force && this.savedRefs.has(key)) return;
    const reference = TurnContext.getConversationReference(a);
    delete reference.activityId;
    // The author of the activity (id, AAD id, display name) is not needed to post in the channel: not stored.
    delete reference.user;
    reference.conversation = { ...reference.conversation!, id: channelId, isGroup: true, conversationType: "channel" };
    const stored: StoredChannelRef = {
      reference,
      teamId: cd.team.id,
      teamName: cd.team.name,
      channelName: cd.channel?.name,
      savedAt: new Date().toISOString(),
    };
    try {
      await this.deps.storage.saveChannelRef(key, stored);
      // The General channel shares the team id; also make the team id itself a valid target.
      if (cd.team.id !== channelId && !(await this.deps.storage.getChannelRef(channelRefKey(cd.team.id)))) {
        const general = { ...stored, reference: { ...reference, conversation: { ...reference.conversation!, id: cd.team.id } } };
        await this.deps.storage.saveChannelRef(channelRefKey(cd.team.id), { ...general, channelName: undefined });
      }
      this.savedRefs.add(key);
    } catch (err) {
      this.deps.logger.error({ err }, "teams: could not store the channel reference");
    }
  }

  // ------------------------------------------------------------ messages

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    await this.saveChannelRef(context, false);
    const submit = readSubmit(a.value);
    if (submit) return this.handleSubmit(context, submit, (a.value ?? {}) as Record<string, unknown>);

    let text = a.text ?? "";
    if (TurnContext.getMentions(a).length) text = TurnContext.removeRecipientMention(a) ?? "";
    // Other mentions (people, tags) stay as their display names, without the <at> markup.
    text = text
      .replace(/<at>(.*?)<\/at>/gi, "$1")
      .replace(/&nbsp;/g, " ")
      .trim();
    if (!text) {
      if (a.value !== undefined && a.value !== null) return; // a card we do not know: ignore it
      return this.runTurn(context, { action: { id: "help" } });
    }
    const command = commandOf(text);
    if (command === "eligibility") return this.sendForm(context, eligibilityFormCard());
    if (command === "friction") return this.sendForm(context, frictionFormCard());
    if (command) return this.runTurn(context, { action: { id: command } });
    return this.runTurn(context, { text: text.slice(0, 4000) });
  }

  private async handleSubmit(context: TurnContext, submit: NonNullable<ReturnType<typeof readSubmit>>, value: Record<string, unknown>): Promise<void> {
    if (submit.relais === "resolve-handoff") return this.resolveHandoff(context, submit.handoffId);
    if (submit.relais === "teach-handoff") return this.teachHandoff(context, submit.handoffId);
    if (submit.relais === "reply-handoff")
      return answerHandoffFromCard(
        { assistant: this.deps.assistant, storage: this.deps.storage, logger: this.deps.logger, send: (a) => this.send(context, a) },
        context,
        submit.handoffId,
        value,
      );
    // Someone else's card, a finished step, an earlier question: nothing happens but a word to that person.
    let record: CardRecord | null = null;
    try {
      const check = await this.cards.check({ m: submit.m, o: submit.o }, this.userOf(context));
      if (!check.ok) return this.notActive(context);
      record = check.record;
    } catch (err) {
      this.deps.logger.warn({ err }, "teams: card check unavailable");
    }
    switch (submit.relais) {
      case "ask":
        return this.runTurn(context, { text: submit.question });
      case "action":
        // "Compléter les informations" carries the known facts: the form opens pre-filled; with a
        // process (a project-fit option), the core's questionnaire asks only what is missing.
        if (submit.id === "eligibility" && !ProcessId.safeParse(submit.value).success)
          return this.sendForm(context, eligibilityFormCard({ values: submit.facts ?? {} }));
        if (submit.id === "friction") return this.sendForm(context, frictionFormCard({ process: submit.process }));
        await this.closeQuestion(context, submit.m, record, submit.id === "cancel" ? "Annuler" : "Confirmer");
        return this.runTurn(context, {
          action: { id: submit.id, ...(submit.value !== undefined ? { value: submit.value } : submit.process ? { value: submit.process } : {}) },
        });
      case "prompt": {
        const chosen = submit.value || (typeof value.choice === "string" ? value.choice : "");
        if (!chosen) return this.runTurn(context, { text: "" });
        const label = record?.reply?.prompt?.options?.find((o) => o.value === chosen)?.label ?? chosen;
        await this.closeQuestion(context, submit.m, record, label);
        return this.runTurn(context, { text: chosen.slice(0, 2000) });
      }
      case "form": {
        // The form acts once: a corrected copy replaces it, a valid submission ends it.
        if (submit.m) await this.cards.update(submit.m, { done: true }).catch(() => null);
        if (submit.kind === "eligibility") {
          const parsed = parseEligibilityForm(value);
          if (!parsed.ok) return this.sendForm(context, eligibilityFormCard({ values: parsed.raw, errors: parsed.errors }));
          return this.runTurn(context, { form: { kind: "eligibility", values: parsed.values } });
        }
        const parsed = parseFrictionForm(value);
        if (!parsed.ok) return this.sendForm(context, frictionFormCard({ values: parsed.raw, errors: parsed.errors }));
        return this.runTurn(context, { form: { kind: "friction", values: parsed.values } });
      }
    }
  }

  private async resolveHandoff(context: TurnContext, id: string): Promise<void> {
    if (!fromTeamCard(await this.deps.storage.getChannelRef<HandoffCardPost>(handoffCardKey(id)).catch(() => null), context)) {
      await this.send(context, { type: "message", text: "Cette demande ne peut être marquée comme traitée que depuis sa carte, dans le canal de l'équipe." });
      return;
    }
    let record: Awaited<ReturnType<Assistant["resolveHandoff"]>>;
    try {
      record = await this.deps.assistant.resolveHandoff(id);
    } catch (err) {
      this.deps.logger.error({ err }, "teams: resolveHandoff failed");
      await this.send(context, { type: "message", text: "Désolé, la demande n'a pas pu être marquée comme traitée. Réessayez dans un instant." });
      return;
    }
    if (!record) {
      await this.send(context, { type: "message", text: "Cette demande de mise en relation est introuvable : elle a peut-être été supprimée." });
      return;
    }
    const post = await this.deps.storage.getChannelRef<HandoffCardPost>(handoffCardKey(record.id)).catch(() => null);
    const updated = cardMessage(handoffCard(record, { link: post?.link }));
    const cardId = context.activity.replyToId;
    if (cardId) {
      try {
        await withRetry(() => context.updateActivity({ ...updated, id: cardId }), this.deps.retry);
        return;
      } catch (err) {
        this.deps.logger.warn({ err }, "teams: could not update the handoff card, sending a new one");
      }
    }
    await this.send(context, updated);
  }

  /** « Enregistrer comme réponse type »: a draft answer card for the team to review. */
  private async teachHandoff(context: TurnContext, id: string): Promise<void> {
    let text: string;
    try {
      text = await saveHandoffAsDraft(this.deps.storage, id, knowledgeDir());
    } catch (err) {
      this.deps.logger.error({ err, handoff: id }, "teams: draft answer card not written");
      text = "Désolé, le brouillon de réponse type n'a pas pu être enregistré. Réessayez dans un instant.";
    }
    await this.send(context, { type: "message", text });
  }

  // ------------------------------------------------------------ invokes

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== "message/submitAction") return super.onInvokeActivity(context);
    const parsed = FeedbackInvoke.safeParse(context.activity.value);
    if (!parsed.success) return { status: 400, body: { error: "invalid feedback payload" } };
    const messageId = context.activity.replyToId;
    if (!messageId) return { status: 400, body: { error: "missing replyToId" } };
    const interactionId = await this.deps.storage.findInteractionByMessage("teams", messageId);
    if (!interactionId) {
      this.deps.logger.warn({}, "teams: feedback on a message with no stored interaction");
      return { status: 200, body: {} };
    }
    const comment = feedbackText(parsed.data.actionValue.feedback);
    const up = parsed.data.actionValue.reaction === "like";
    const reply = await this.deps.assistant.handle({
      ...this.baseTurn(context),
      action: {
        id: up ? "rate-up" : "rate-down",
        value: interactionId,
        ...(comment ? { comment } : {}),
      },
    });
    if (reply.type === "error") {
      this.deps.logger.error({}, "teams: the core could not store the rating");
      return { status: 500, body: {} };
    }
    // One vote per person (the storage keeps the last); in a personal chat the answer shows it.
    if (this.isPersonal(context)) {
      const id = await this.cards.idOfActivity(messageId).catch(() => null);
      const record = id ? await this.cards.update(id, { vote: up ? "up" : "down" }).catch(() => null) : null;
      if (id && record) await this.redraw(context, id, { ...record, activityId: messageId }, { vote: up ? "up" : "down" });
    }
    return { status: 200, body: {} };
  }
}
