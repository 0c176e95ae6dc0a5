/**
 * Buttons: ratings (👍 stored at once, 👎 opens a comment modal), the
 * eligibility and friction modals, "Parler à une personne", questionnaire
 * options and follow-up questions, "Partager dans le canal", and "Marquer
 * comme traité" on handoff posts. Every handler acknowledges first.
 */
import type { App, BlockAction, ButtonAction, webApi } from "@slack/bolt";
import { ActionId } from "../../../core/reply.js";
import { eligibilityModal, frictionModal, isProcessId, ratingCommentModal } from "../modals.js";
import { handoffRefKey, type HandoffPost } from "../notifier.js";
import { ACTION, renderHandoffNotice, renderReply } from "../render.js";
import { ephemeralKey, errInfo, SlackRuntime, type ReplyPlace } from "../runtime.js";
import { REPORT_REFUSAL } from "./commands.js";

type WebClient = webApi.WebClient;

/** The conversation a button was clicked in. */
export function placeOf(rt: SlackRuntime, body: BlockAction): ReplyPlace & { messageTs?: string } {
  const user = body.user.id;
  const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id ?? user;
  const container = body.container as { message_ts?: string; thread_ts?: string; is_ephemeral?: boolean } | undefined;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const messageTs = message?.ts ?? container?.message_ts;
  const ephemeral = container?.is_ephemeral === true;
  const threadTs = message?.thread_ts ?? container?.thread_ts ?? (SlackRuntime.isDm(channel) || ephemeral ? undefined : messageTs);
  return {
    channel,
    threadTs,
    user,
    audience: rt.audienceOf(channel),
    ephemeral,
    responseUrl: ephemeral ? body.response_url : undefined,
    messageTs,
  };
}

/** The thread of a clicked ephemeral message, when Slack did not send it. */
async function withThread<T extends ReplyPlace & { messageTs?: string }>(rt: SlackRuntime, place: T): Promise<T> {
  if (!place.ephemeral || place.threadTs || !place.messageTs) return place;
  const threadTs = await rt.storage.getState<string>(ephemeralKey(place.channel, place.messageTs)).catch(() => null);
  return typeof threadTs === "string" ? { ...place, threadTs } : place;
}

async function interactionIdFor(rt: SlackRuntime, value: string | undefined, place: { channel: string; messageTs?: string }) {
  if (value) return value;
  if (!place.messageTs) return undefined;
  return (await rt.storage.findInteractionByMessage("slack", `${place.channel}:${place.messageTs}`)) ?? undefined;
}

export function registerActions(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.corePrefix}`), async ({ ack, body, action, client }) => {
    await ack();
    const parsed = ActionId.safeParse(action.action_id.slice(ACTION.corePrefix.length));
    if (!parsed.success) return;
    const id = parsed.data;
    const place = await withThread(rt, placeOf(rt, body));
    const ctx = { userId: place.user, channelId: place.channel, threadTs: place.threadTs };
    const base = { conversationId: place.channel, threadId: place.threadTs, userId: place.user!, audience: place.audience };
    const origin = { c: place.channel, t: place.threadTs, m: place.messageTs, a: place.audience, e: place.ephemeral, r: place.responseUrl };

    switch (id) {
      case "rate-down": {
        const interactionId = await interactionIdFor(rt, action.value, place);
        await client.views.open({ trigger_id: body.trigger_id, view: ratingCommentModal({ ...origin, i: interactionId }) });
        return;
      }
      case "eligibility":
        if (!isProcessId(action.value)) {
          await client.views.open({ trigger_id: body.trigger_id, view: eligibilityModal(origin) });
          return;
        }
        // A project-fit answer's button names a process: the core's questionnaire asks only what is missing.
        await rt.track("action eligibility", async () => {
          const reply = await rt.handle({ ...base, action: { id, value: action.value } }, ctx);
          await rt.deliver(client, reply, rt.destFor(reply, place));
        });
        return;
      case "friction":
        await client.views.open({ trigger_id: body.trigger_id, view: frictionModal({ ...origin, p: isProcessId(action.value) ? action.value : undefined }) });
        return;
      case "rate-up":
        await rt.track("rate-up", async () => {
          const interactionId = await interactionIdFor(rt, action.value, place);
          const reply = await rt.handle({ ...base, action: { id, value: interactionId } }, ctx);
          await rt.deliver(client, reply, rt.destFor(reply, { ...place, ephemeral: true }));
        });
        return;
      default:
        if (id === "report" && place.audience !== "agent") {
          await client.chat.postEphemeral({ channel: place.channel, user: place.user!, thread_ts: place.threadTs, text: REPORT_REFUSAL });
          return;
        }
        await rt.track(`action ${id}`, async () => {
          const reply = await rt.handle({ ...base, action: { id, value: action.value } }, ctx);
          await rt.deliver(client, reply, rt.destFor(reply, place));
        });
    }
  });

  // Questionnaire options and suggested follow-up questions are answers typed for the user.
  const asText = async ({ ack, body, action, client }: { ack: () => Promise<void>; body: BlockAction; action: ButtonAction; client: WebClient }) => {
    await ack();
    const place = await withThread(rt, placeOf(rt, body));
    await rt.track("option", async () => {
      const reply = await rt.handle(
        { conversationId: place.channel, threadId: place.threadTs, userId: place.user!, audience: place.audience, text: action.value ?? "" },
        { userId: place.user, channelId: place.channel, threadTs: place.threadTs },
      );
      await rt.deliver(client, reply, rt.destFor(reply, place));
    });
  };
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.option}`), asText);
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.followUp}`), asText);

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOf(rt, body);
    await rt.track("share", async () => {
      const shared = await rt.loadShare(action.value ?? "");
      if (!shared) {
        if (body.response_url) await rt.postResponseUrl(body.response_url, { response_type: "ephemeral", replace_original: false, text: "Ce message n'est plus disponible pour le partage." });
        return;
      }
      const channel = place.channel || shared.channel;
      const msg = renderReply(shared.reply, { sharedBy: place.user });
      try {
        await rt.send(client, msg, { kind: "message", channel, threadTs: place.threadTs ?? shared.threadTs }, shared.reply.interactionId);
      } catch (err) {
        // The app is not a member of the channel: post through the response_url instead.
        rt.log.warn({ err: errInfo(err) }, "share via chat.postMessage failed");
        if (!body.response_url) throw err;
        await rt.postResponseUrl(body.response_url, { response_type: "in_channel", replace_original: false, text: msg.text, blocks: msg.blocks });
      }
      if (body.response_url) await rt.postResponseUrl(body.response_url, { delete_original: true }).catch(() => undefined);
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.resolveHandoff, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOf(rt, body);
    await rt.track("resolve handoff", async () => {
      const id = action.value ?? "";
      const rec = id ? await rt.assistant.resolveHandoff(id) : null;
      if (!rec) {
        await client.chat.postEphemeral({ channel: place.channel, user: place.user!, text: "Cette demande est introuvable : elle a peut-être été supprimée." });
        return;
      }
      const post = await rt.storage.getChannelRef<HandoffPost>(handoffRefKey(rec.id));
      const msg = renderHandoffNotice(rec, { requester: post?.requester, permalink: post?.permalink, resolvedBy: place.user });
      const channel = place.channel ?? post?.channel;
      const ts = place.messageTs ?? post?.ts;
      if (channel && ts) await client.chat.update({ channel, ts, text: msg.text, blocks: msg.blocks });
    });
  });
}
