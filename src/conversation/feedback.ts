/** The feedback flow: a rating (useful / not useful, with an optional comment) of one answer, stored once per person. */
import type { ReplyInput } from "../domain/reply.js";
import { ACTION_LABELS } from "../domain/labels.js";
import { scrub } from "../privacy/scrub.js";
import type { FeedbackStore, InteractionLog } from "../storage/types.js";
import type { Ctx, Deps } from "./state.js";

/** `value`: the rated interaction (the button's value), else the conversation's last answer. */
export async function rate(
  d: Deps<Pick<InteractionLog, "getInteraction"> & FeedbackStore>,
  ctx: Ctx,
  id: "rate-up" | "rate-down",
  value?: string,
  comment?: string,
): Promise<ReplyInput> {
  const interactionId = value || ctx.state.lastInteractionId;
  if (!interactionId) return { type: "info", text: "Je ne retrouve pas la réponse à évaluer. Merci quand même pour votre retour." };
  const interaction = await d.storage.getInteraction(interactionId);
  if (!interaction) return { type: "info", text: "Je ne retrouve pas la réponse à évaluer. Merci quand même pour votre retour." };
  const down = id === "rate-down";
  const cleanComment = comment ? scrub(comment).slice(0, 2000) : undefined;
  await d.storage.recordRating({ interactionId, userHash: ctx.user, value: down ? "down" : "up", comment: cleanComment });
  if (down) await d.storage.recordUnanswered({ interactionId, question: interaction.question, reason: "rated-down", userHash: ctx.user });
  return {
    type: "info",
    text: down
      ? cleanComment
        ? "Merci, votre commentaire a bien été enregistré. Il aidera l'équipe ESS à améliorer les réponses."
        : "Merci pour votre retour. Si vous le souhaitez, dites-nous ce qui n'allait pas, ou parlez à une personne."
      : "Merci pour votre retour !",
    actions: down ? [{ id: "handoff", label: ACTION_LABELS.handoff }] : [],
  };
}
