/**
 * Buttons: ratings (👍 stored at once, 👎 opens a comment modal; the answer is
 * then redrawn with the vote), the eligibility form (pre-filled) and the
 * friction form, "Parler à une personne", questionnaire options (the
 * question is redrawn with the choice) and follow-up questions, "Voir le
 * détail" of an eligibility result, "Partager dans le canal", and "Marquer
 * comme traité" on handoff posts. Every handler acknowledges first; a button
 * of someone else's message, of a finished step or of an earlier question
 * gets a private "Ce bouton n'est plus actif" (buttons.ts).
 */
import type { App, BlockAction, ButtonAction, webApi } from "@slack/bolt";
import { ActionId } from "../../../domain/reply.js";
import { FACT_KEYS } from "../../../eligibility/facts.js";
import { NOT_ACTIVE_TEXT, type ButtonTag, type MessageRecord } from "../buttons.js";
import { eligibilityModal, frictionModal, isProcessId, ratingCommentModal } from "../modals.js";
import { handoffRefKey, type HandoffPost } from "../notifier.js";
import { ACTION, frenchDate, renderHandoffNotice, renderReply } from "../render.js";
import { handoffReplyModal } from "../modals.js";
import { ephemeralKey, SlackRuntime, type ReplyPlace } from "../runtime.js";
import { REPORT_REFUSAL } from "./commands.js";
import { knowledgeDir } from "../../../core/paths.js";
import { saveHandoffAsDraft } from "../../../conversation/teach.js";

type WebClient = webApi.WebClient;
type Place = ReplyPlace & { messageTs?: string };

/** The conversation a button was clicked in. */
export function placeOf(rt: SlackRuntime, body: BlockAction): Place {
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
async function withThread<T extends Place>(rt: SlackRuntime, place: T): Promise<T> {
  if (!place.ephemeral || place.threadTs || !place.messageTs) return place;
  const threadTs = await rt.storage.getState<string>(ephemeralKey(place.channel, place.messageTs)).catch(() => null);
  return typeof threadTs === "string" ? { ...place, threadTs } : place;
}

async function interactionIdFor(rt: SlackRuntime, value: string | undefined, place: { channel: string; messageTs?: string }) {
  if (value) return value;
  if (!place.messageTs) return undefined;
  return (await rt.storage.findInteractionByMessage("slack", `${place.channel}:${place.messageTs}`)) ?? undefined;
}

/** Facts carried by "Compléter les informations" (JSON in the button value); unknown keys dropped. */
export function factsOf(value: string | undefined): Record<string, unknown> {
  if (!value || !value.startsWith("{")) return {};
  try {
    const raw = JSON.parse(value) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(raw).filter(([k, v]) => (FACT_KEYS as string[]).includes(k) && ["string", "number", "boolean"].includes(typeof v)),
    );
  } catch {
    return {};
  }
}

/** The private "Ce bouton n'est plus actif", to the person who clicked only. */
async function notActive(rt: SlackRuntime, client: WebClient, body: BlockAction, place: Place): Promise<void> {
  try {
    if (place.ephemeral && body.response_url)
      await rt.postResponseUrl(body.response_url, { response_type: "ephemeral", replace_original: false, text: NOT_ACTIVE_TEXT });
    else await client.chat.postEphemeral({ channel: place.channel, user: place.user!, thread_ts: place.threadTs, text: NOT_ACTIVE_TEXT });
  } catch (err) {
    rt.log.warn({ err }, "could not say that a button is no longer active");
  }
}

type Allowed = { tag: ButtonTag | null; record: MessageRecord | null };

/** Whether the click may proceed; says "plus actif" to the person otherwise. */
async function allowed(rt: SlackRuntime, client: WebClient, body: BlockAction, action: ButtonAction, place: Place): Promise<Allowed | null> {
  let check: Awaited<ReturnType<SlackRuntime["buttons"]["check"]>>;
  try {
    check = await rt.buttons.check(action.block_id, body.user.id);
  } catch (err) {
    // Storage down: the button works as before rather than not at all.
    rt.log.warn({ err }, "button check unavailable");
    return { tag: null, record: null };
  }
  if (check.ok) return { tag: check.tag, record: check.record };
  await notActive(rt, client, body, place);
  return null;
}

/** A question answered by a click: finished, redrawn with the choice (its buttons gone). */
async function closeQuestion(rt: SlackRuntime, client: WebClient, ok: Allowed, chosen: string, responseUrl?: string): Promise<void> {
  if (!ok.tag || !ok.record?.reply.prompt) return;
  const record = await rt.buttons.update(ok.tag.m, { done: true, chosen });
  if (record) await rt.redraw(client, ok.tag, record, { chosen }, responseUrl);
}

export function registerActions(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.corePrefix}`), async ({ ack, body, action, client }) => {
    await ack();
    const parsed = ActionId.safeParse(action.action_id.slice(ACTION.corePrefix.length));
    if (!parsed.success) return;
    const id = parsed.data;
    const place = await withThread(rt, placeOf(rt, body));
    const ok = await allowed(rt, client, body, action, place);
    if (!ok) return;
    const ctx = { userId: place.user, channelId: place.channel, threadTs: place.threadTs };
    const base = { conversationId: place.channel, threadId: place.threadTs, userId: place.user!, audience: place.audience };
    const origin = { c: place.channel, t: place.threadTs, m: place.messageTs, a: place.audience, e: place.ephemeral, r: place.responseUrl, k: ok.tag?.m };

    switch (id) {
      case "rate-down": {
        const interactionId = await interactionIdFor(rt, action.value, place);
        await client.views.open({ trigger_id: body.trigger_id, view: ratingCommentModal({ ...origin, i: interactionId }) });
        return;
      }
      case "eligibility":
        if (!isProcessId(action.value)) {
          // "Compléter les informations" carries the known facts: the form opens pre-filled.
          await client.views.open({ trigger_id: body.trigger_id, view: eligibilityModal(origin, factsOf(action.value)) });
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
          // The answer shows the vote (the 👎 stays to change one's mind); without a record, a private thank-you.
          if (ok.tag && ok.record && reply.type !== "error") {
            const record = await rt.buttons.update(ok.tag.m, { vote: "up" });
            if (record) return rt.redraw(client, ok.tag, record, { vote: "up", shareKey: record.shareKey }, body.response_url);
          }
          await rt.deliver(client, reply, rt.destFor(reply, { ...place, ephemeral: true }));
        });
        return;
      default:
        if (id === "report" && place.audience !== "agent") {
          await client.chat.postEphemeral({ channel: place.channel, user: place.user!, thread_ts: place.threadTs, text: REPORT_REFUSAL });
          return;
        }
        await rt.track(`action ${id}`, async () => {
          // "Envoyer le signalement" or "Annuler" under a question closes it.
          await closeQuestion(rt, client, ok, action.text?.text ?? id, body.response_url);
          const reply = await rt.handle({ ...base, action: { id, value: action.value } }, ctx);
          await rt.deliver(client, reply, rt.destFor(reply, place));
        });
    }
  });

  // Questionnaire options and suggested follow-up questions are answers typed for the user.
  const asText =
    (kind: "option" | "follow-up") =>
    async ({ ack, body, action, client }: { ack: () => Promise<void>; body: BlockAction; action: ButtonAction; client: WebClient }) => {
      await ack();
      const place = await withThread(rt, placeOf(rt, body));
      const ok = await allowed(rt, client, body, action, place);
      if (!ok) return;
      await rt.track(kind, async () => {
        if (kind === "option") await closeQuestion(rt, client, ok, action.text?.text ?? action.value ?? "", body.response_url);
        await rt.respond(
          client,
          { conversationId: place.channel, threadId: place.threadTs, userId: place.user!, audience: place.audience, text: action.value ?? "" },
          place,
          { teamId: body.team?.id },
        );
      });
    };
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.option}`), asText("option"));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.followUp}`), asText("follow-up"));

  app.action<BlockAction<ButtonAction>>(ACTION.detail, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOf(rt, body);
    const ok = await allowed(rt, client, body, action, place);
    if (!ok) return;
    await rt.track("detail", async () => {
      if (!ok.tag || !ok.record?.reply.eligibility?.length) {
        await notActive(rt, client, body, place);
        return;
      }
      await rt.redraw(client, ok.tag, ok.record, { detail: true, shareKey: ok.record.shareKey }, body.response_url);
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOf(rt, body);
    if (!(await allowed(rt, client, body, action, place))) return;
    await rt.track("share", async () => {
      const shared = await rt.loadShare(action.value ?? "");
      if (!shared) {
        if (body.response_url)
          await rt.postResponseUrl(body.response_url, {
            response_type: "ephemeral",
            replace_original: false,
            text: "Ce message n'est plus disponible pour le partage.",
          });
        return;
      }
      const channel = place.channel || shared.channel;
      // A shared copy has no buttons: they would act for the person who shared it.
      const msg = renderReply(shared.reply, { sharedBy: place.user, interactive: false });
      try {
        await rt.send(client, msg, { kind: "message", channel, threadTs: place.threadTs ?? shared.threadTs }, shared.reply.interactionId);
      } catch (err) {
        // The app is not a member of the channel: post through the response_url instead.
        rt.log.warn({ err }, "share via chat.postMessage failed");
        if (!body.response_url) throw err;
        await rt.postResponseUrl(body.response_url, { response_type: "in_channel", replace_original: false, text: msg.text, blocks: msg.blocks });
      }
      if (body.response_url) await rt.postResponseUrl(body.response_url, { delete_original: true }).catch(() => undefined);
    });
  });

  // "Répondre": the answer modal, unless someone has already answered.
  app.action<BlockAction<ButtonAction>>(ACTION.replyHandoff, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOf(rt, body);
    await rt.track("reply handoff", async () => {
      const rec = action.value ? await rt.storage.getHandoff(action.value) : null;
      if (!rec) {
        await client.chat.postEphemeral({
          channel: place.channel!,
          user: place.user!,
          text: "Cette demande est introuvable : elle a peut-être été supprimée.",
        });
        return;
      }
      if (rec.reply) {
        await client.chat.postEphemeral({
          channel: place.channel!,
          user: place.user!,
          text: `Cette demande a déjà reçu une réponse de ${rec.reply.agent} le ${frenchDate(rec.reply.at)}.`,
        });
        return;
      }
      await client.views.open({ trigger_id: body.trigger_id, view: handoffReplyModal({ h: rec.id, c: place.channel, m: place.messageTs }, rec.question) });
    });
  });

  // « Enregistrer comme réponse type »: a draft answer card for the team to review (conversation/teach.ts).
  app.action<BlockAction<ButtonAction>>(ACTION.teachHandoff, async ({ ack, body, action, client }) => {
    await ack();
    const place = placeOf(rt, body);
    await rt.track("teach handoff", async () => {
      let text: string;
      try {
        text = await saveHandoffAsDraft(rt.storage, action.value ?? "", knowledgeDir());
      } catch (err) {
        rt.log.error({ err, handoff: action.value }, "draft answer card not written");
        text = "Désolé, le brouillon de réponse type n'a pas pu être enregistré. Réessayez dans un instant.";
      }
      await client.chat.postEphemeral({ channel: place.channel, user: place.user!, text });
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
