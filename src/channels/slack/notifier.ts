/**
 * Slack notifier: posts a handoff summary in the channel configured for its
 * process, with « Répondre » and « Marquer comme traité » buttons (listeners/actions.ts);
 * delivers an agent's answer back into the person's thread and redraws the post.
 */
import type { webApi } from "@slack/bolt";
import type { DeliverExtra, Notifier } from "../../conversation/types.js";
import type { HandoffRecord } from "../../storage/types.js";
import { renderHandoffNotice } from "./render.js";
import type { SlackRuntime } from "./runtime.js";
import type { HandoffTargets } from "../../conversation/types.js";

const CHANNEL_ID = /^[CG][A-Z0-9]{2,30}$/;

/** What is kept about a posted handoff, to update its message when resolved. */
export interface HandoffPost {
  channel: string;
  ts: string;
  requester?: string;
  permalink?: string;
}

export const handoffRefKey = (id: string) => `slack:handoff:${id}`;

/** The Slack channel for a process: its own target, else the default one. */
export function slackTargetFor(targets: HandoffTargets, process: HandoffRecord["process"]): string | undefined {
  return targets[process]?.slack ?? targets.default?.slack;
}

export class SlackNotifier implements Notifier {
  readonly channel = "slack" as const;

  constructor(
    private readonly client: () => webApi.WebClient,
    private readonly rt: SlackRuntime,
  ) {}

  /**
   * `target` is the Slack channel chosen by the core; when it is not a channel
   * id, the channel configured here for the process (or the default) is used.
   */
  async deliver(handoff: HandoffRecord, target: string, extra: DeliverExtra = {}): Promise<string> {
    const channel = CHANNEL_ID.test(target ?? "") ? target : slackTargetFor(this.rt.o.handoffTargets, handoff.process);
    if (!channel) throw new Error(`no Slack channel configured for handoffs of ${handoff.process}`);

    const existing = await this.rt.storage.getChannelRef<HandoffPost>(handoffRefKey(handoff.id));
    if (existing) return describe(handoff);

    const ctx = this.rt.als.getStore();
    const requester = handoff.channel === "slack" ? ctx?.userId : undefined;
    let permalink: string | undefined;
    const client = this.client();
    if (requester && ctx?.channelId && ctx.threadTs && !ctx.channelId.startsWith("D")) {
      permalink = await client.chat
        .getPermalink({ channel: ctx.channelId, message_ts: ctx.threadTs })
        .then((r) => r.permalink)
        .catch(() => undefined);
    }
    const msg = renderHandoffNotice(handoff, { requester, permalink, contact: extra.contact });
    const res = await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, unfurl_links: false, unfurl_media: false });
    if (res.ts) {
      const post: HandoffPost = { channel, ts: res.ts, requester, permalink };
      await this.rt.storage.saveChannelRef(handoffRefKey(handoff.id), post).catch(() => undefined);
    }
    this.rt.log.info({ handoff: handoff.id, process: handoff.process }, "handoff posted to Slack");
    return describe(handoff);
  }

  /** The agent's answer, posted in the person's thread (or DM) where the handoff was asked. */
  async deliverReply(handoff: HandoffRecord, text: string, origin: string | undefined): Promise<boolean> {
    if (handoff.channel !== "slack" || !origin) return false;
    const o = JSON.parse(origin) as { conversationId?: string; threadId?: string };
    if (!o.conversationId) return false;
    await this.client().chat.postMessage({
      channel: o.conversationId,
      ...(o.threadId ? { thread_ts: o.threadId } : {}),
      text: text.slice(0, 3900),
      unfurl_links: false,
      unfurl_media: false,
    });
    return true;
  }

  /** Redraws the team's post of an answered handoff: who answered, when, what. */
  async handoffAnswered(handoff: HandoffRecord): Promise<void> {
    const post = await this.rt.storage.getChannelRef<HandoffPost>(handoffRefKey(handoff.id));
    if (!post) return;
    const msg = renderHandoffNotice(handoff, { requester: post.requester, permalink: post.permalink });
    await this.client().chat.update({ channel: post.channel, ts: post.ts, text: msg.text, blocks: msg.blocks });
  }
}

/** A sentence the core appends to its handoff reply. */
function describe(_h: HandoffRecord): string {
  return "Elle a été publiée dans le canal Slack de l'équipe qui suit ce parcours.";
}
