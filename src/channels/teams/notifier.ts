/**
 * Handoff notifier for Teams: a proactive message with the handoff summary card
 * in the team channel configured for the process (conversation reference stored
 * when the app was installed there).
 */
import type { CloudAdapter } from "botbuilder";
import type { HandoffTargets, Notifier } from "../../conversation/types.js";
import type { ChannelRefStore, HandoffRecord } from "../../storage/types.js";
import { channelRefKey, type StoredChannelRef } from "./bot.js";
import { handoffCard } from "./cards.js";
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

export class TeamsNotifier implements Notifier {
  readonly channel = "teams" as const;

  constructor(private readonly deps: TeamsNotifierDeps) {}

  private async lookup(target: string): Promise<StoredChannelRef | null> {
    const key = target.startsWith("teams:") ? target : channelRefKey(target);
    const stored = await this.deps.storage.getChannelRef<StoredChannelRef>(key);
    return stored && typeof stored === "object" && stored.reference ? stored : null;
  }

  async deliver(handoff: HandoffRecord, target: string): Promise<string> {
    let stored = target ? await this.lookup(target) : null;
    const fallback = this.deps.handoffTargets?.default?.teams;
    if (!stored && fallback && fallback !== target) stored = await this.lookup(fallback);
    if (!stored) {
      throw new TeamsHandoffError(`Teams: no conversation reference for target "${target}". Install the app in that channel (or mention it there once).`);
    }
    const process = PROCESS_LABELS[handoff.process] ?? handoff.process;
    const message = cardMessage(handoffCard(handoff), `Nouvelle demande de mise en relation : ${process}.`);
    await this.deps.adapter.continueConversationAsync(this.deps.appId, stored.reference, async (context) => {
      // The continuation activity has a fresh id that would become `replyToId`: post a new message instead.
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      await withRetry(() => context.sendActivity(message), {
        ...this.deps.retry,
        onRetry: (info) => this.deps.logger.warn(info, "teams: proactive send retried"),
      });
    });
    const where = stored.channelName ? `le canal Teams « ${stored.channelName} »` : "le canal Teams configuré";
    return `Elle a été publiée dans ${stored.teamName ? `${where} de l'équipe « ${stored.teamName} »` : where}.`;
  }
}
