/**
 * Handoff notifier for Teams: a proactive message with the handoff summary card
 * in the team channel configured for the process (conversation reference stored
 * when the app was installed there); the card's place is kept so that, once an
 * agent answers, the card shows who answered and when; the answer itself
 * reaches the person by a proactive message in their own conversation (its
 * reference is the handoff's `origin` contact, stored by bot.ts, erased by `forget`).
 */
import type { CloudAdapter, ConversationReference, TurnContext } from "botbuilder";
import { z } from "zod";
import type { DeliverExtra, HandoffTargets, Notifier } from "../../conversation/types.js";
import type { ChannelRefStore, HandoffRecord } from "../../storage/types.js";
import { askingTurn, conversationLink } from "./asking-turn.js";
import { channelRefKey, type StoredChannelRef } from "./bot.js";
import { handoffAnswerCard, handoffCard } from "./handoff-card.js";
import type { Logger } from "./logger.js";
import { PROCESS_LABELS } from "./labels.js";
import { cardMessage } from "./render.js";
import { withRetry, type RetryOptions } from "./retry.js";
import { RelaisError } from "../../core/errors.js";

export class TeamsHandoffError extends RelaisError {
  readonly code = "teams.handoff";
}

export interface TeamsNotifierDeps {
  adapter: CloudAdapter;
  appId: string;
  storage: ChannelRefStore;
  logger: Logger;
  handoffTargets?: HandoffTargets;
  retry?: RetryOptions;
}

/** Where the team's card of a handoff was posted (no person in it: a team channel and a message id). */
export interface HandoffCardPost {
  reference: Partial<ConversationReference>;
  activityId: string;
  /** Deep link to the channel thread where the person asked (none for a personal chat). */
  link?: string;
}

export const handoffCardKey = (id: string) => `teams:handoff:${id}`;

/** The handoff's `origin` contact as bot.ts completes it for Teams: the person's conversation reference. */
const TeamsOrigin = z.object({
  reference: z
    .object({
      serviceUrl: z.string().min(1).max(2048),
      conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    })
    .passthrough(),
});

export class TeamsNotifier implements Notifier {
  readonly channel = "teams" as const;

  constructor(private readonly deps: TeamsNotifierDeps) {}

  private async lookup(target: string): Promise<StoredChannelRef | null> {
    const key = target.startsWith("teams:") ? target : channelRefKey(target);
    const stored = await this.deps.storage.getChannelRef<StoredChannelRef>(key);
    return stored && typeof stored === "object" && stored.reference ? stored : null;
  }

  async deliver(handoff: HandoffRecord, target: string, extra: DeliverExtra = {}): Promise<string> {
    let stored = target ? await this.lookup(target) : null;
    const fallback = this.deps.handoffTargets?.default?.teams;
    if (!stored && fallback && fallback !== target) stored = await this.lookup(fallback);
    if (!stored) {
      throw new TeamsHandoffError(`Teams: no conversation reference for target "${target}". Install the app in that channel (or mention it there once).`);
    }
    const process = PROCESS_LABELS[handoff.process] ?? handoff.process;
    const link = handoff.channel === "teams" ? conversationLink(askingTurn.getStore()) : undefined;
    const message = cardMessage(handoffCard(handoff, { contact: extra.contact, link }), `Nouvelle demande de mise en relation : ${process}.`);
    const reference = stored.reference;
    await this.proactive(reference, async (context) => {
      const sent = await this.send(context, message);
      if (!sent?.id) return;
      const post: HandoffCardPost = { reference, activityId: sent.id, ...(link ? { link } : {}) };
      await this.deps.storage.saveChannelRef(handoffCardKey(handoff.id), post).catch((err: unknown) => {
        this.deps.logger.warn({ err }, "teams: could not record where the handoff card was posted");
      });
    });
    const where = stored.channelName ? `le canal Teams « ${stored.channelName} »` : "le canal Teams configuré";
    return `Elle a été publiée dans ${stored.teamName ? `${where} de l'équipe « ${stored.teamName} »` : where}.`;
  }

  /**
   * The agent's answer, as a proactive message in the person's own Teams
   * conversation (personal chat or the channel thread where they asked).
   * False when the handoff did not come from Teams or its reference is gone.
   */
  async deliverReply(handoff: HandoffRecord, _text: string, origin: string | undefined): Promise<boolean> {
    if (handoff.channel !== "teams" || !origin) return false;
    const parsed = TeamsOrigin.safeParse(safeJson(origin));
    if (!parsed.success) return false;
    await this.proactive(parsed.data.reference as unknown as Partial<ConversationReference>, async (context) => {
      await this.send(context, cardMessage(handoffAnswerCard(handoff), "Réponse de l'équipe ESS à votre demande."));
    });
    return true;
  }

  /** Redraws the team's card of an answered handoff: who answered, when, what. */
  async handoffAnswered(handoff: HandoffRecord): Promise<void> {
    const post = await this.deps.storage.getChannelRef<HandoffCardPost>(handoffCardKey(handoff.id));
    if (!post?.reference || !post.activityId) return;
    const updated = { ...cardMessage(handoffCard(handoff, { link: post.link })), id: post.activityId };
    await this.proactive(post.reference, async (context) => {
      await withRetry(() => context.updateActivity(updated), this.deps.retry);
    });
  }

  /** Runs `logic` in a proactive turn; its failure is thrown here (the adapter's onTurnError would swallow it). */
  private async proactive(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { err: unknown } | undefined;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
      // The continuation activity has a fresh id that would become `replyToId`: post a new message instead.
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      try {
        await logic(context);
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw failure.err;
  }

  private send(context: TurnContext, message: Parameters<TurnContext["sendActivity"]>[0]) {
    return withRetry(() => context.sendActivity(message), {
      ...this.deps.retry,
      onRetry: (info) => this.deps.logger.warn(info, "teams: proactive send retried"),
    });
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
