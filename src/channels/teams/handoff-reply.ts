/**
 * Handoffs answered from Teams, both ends: when a person's handoff is created,
 * their conversation reference (without their name or id) becomes the
 * handoff's `origin` contact, so that the team's answer comes back there by a
 * proactive message; when an agent submits the « Répondre » form of the team's
 * card, the answer goes to the core, which stores it once, delivers it and has
 * the card redrawn. A second agent is told who answered first.
 */
import { TurnContext, type Activity, type ResourceResponse } from "botbuilder";
import { z } from "zod";
import type { Assistant } from "../../conversation/types.js";
import type { ChannelRefStore, HandoffStore } from "../../storage/types.js";

/** What answering from the team card uses of the storage: where the person asked (kept with the handoff's contacts), and the card. */
export type HandoffReplyStorage = Pick<HandoffStore, "getHandoffContacts" | "setHandoffContact"> & ChannelRefStore;
import { HANDOFF_REPLY_INPUT, HANDOFF_REPLY_MAX, handoffCard } from "./handoff-card.js";
import type { Logger } from "./logger.js";
import { handoffCardKey, type HandoffCardPost } from "./notifier.js";
import { cardMessage } from "./render.js";

export interface HandoffReplyDeps {
  assistant: Assistant;
  storage: HandoffReplyStorage;
  logger: Logger;
  send: (activity: Partial<Activity>) => Promise<ResourceResponse | undefined>;
}

const ReplyText = z
  .string()
  .trim()
  .min(1, "Votre réponse est vide : écrivez-la dans le champ « Votre réponse », puis envoyez-la.")
  .max(HANDOFF_REPLY_MAX, `Votre réponse dépasse ${HANDOFF_REPLY_MAX} caractères : raccourcissez-la, puis envoyez-la.`);

/** The conversation id without its thread part (`;messageid=…`). */
const baseId = (id: string | undefined) => (id ?? "").split(";")[0] ?? "";

function frenchDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
}

/**
 * Stores where the person asked (their conversation reference, no `user`, no
 * activity id) in the handoff's `origin` contact, beside what the core put there.
 * Never throws: without it the answer is shown on the person's next message.
 */
export async function saveHandoffOrigin(storage: HandoffReplyStorage, context: TurnContext, handoffId: string, logger: Logger): Promise<void> {
  try {
    const reference = TurnContext.getConversationReference(context.activity);
    delete reference.activityId;
    delete reference.user;
    const previous = (await storage.getHandoffContacts(handoffId)).origin;
    let base: Record<string, unknown> = {};
    try {
      const parsed = previous ? (JSON.parse(previous) as unknown) : {};
      if (parsed && typeof parsed === "object") base = parsed as Record<string, unknown>;
    } catch {
      /* replaced below */
    }
    await storage.setHandoffContact(handoffId, "origin", JSON.stringify({ ...base, reference }));
  } catch (err) {
    logger.warn({ err }, "teams: could not store where the handoff was asked");
  }
}

/** False when the team's card of this handoff was posted in another conversation than this press (buttons act from that card only). */
export function fromTeamCard(post: HandoffCardPost | null, context: TurnContext): boolean {
  const where = post?.reference?.conversation?.id;
  return !where || baseId(where) === baseId(context.activity.conversation?.id);
}

/** « Envoyer la réponse » on the team's card. */
export async function answerHandoffFromCard(d: HandoffReplyDeps, context: TurnContext, handoffId: string, value: Record<string, unknown>): Promise<void> {
  const say = (text: string) => d.send({ type: "message", text });
  const post = await d.storage.getChannelRef<HandoffCardPost>(handoffCardKey(handoffId)).catch(() => null);
  if (!fromTeamCard(post, context)) {
    await say("Cette réponse ne peut être envoyée que depuis la carte de la demande, dans le canal de l'équipe.");
    return;
  }
  const text = ReplyText.safeParse(typeof value[HANDOFF_REPLY_INPUT] === "string" ? value[HANDOFF_REPLY_INPUT] : "");
  if (!text.success) {
    await say(text.error.issues[0]!.message);
    return;
  }
  const agent = (context.activity.from?.name ?? "").replace(/[<>]/g, "").trim().slice(0, 120) || "un membre de l'équipe ESS";
  let res: Awaited<ReturnType<Assistant["answerHandoff"]>>;
  try {
    res = await d.assistant.answerHandoff(handoffId, text.data, agent);
  } catch (err) {
    d.logger.error({ err }, "teams: answerHandoff failed");
    await say("Désolé, votre réponse n'a pas pu être enregistrée. Réessayez dans un instant.");
    return;
  }
  if (!res) {
    await say("Cette demande de mise en relation est introuvable : elle a peut-être été supprimée.");
    return;
  }
  // The core has the card redrawn through the notifier when it knows where the card is; otherwise, here.
  if (!res.first || !post) await redraw(context, res.handoff, post?.link, d.logger);
  if (!res.first) {
    const first = res.handoff.reply;
    await say(`Cette demande avait déjà reçu une réponse${first ? ` de ${first.agent} le ${frenchDate(first.at)}` : ""} : la vôtre n'a pas été envoyée.`);
  }
}

async function redraw(context: TurnContext, handoff: Parameters<typeof handoffCard>[0], link: string | undefined, logger: Logger): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  try {
    await context.updateActivity({ ...cardMessage(handoffCard(handoff, { link })), id });
  } catch (err) {
    logger.warn({ err }, "teams: could not redraw the handoff card");
  }
}
