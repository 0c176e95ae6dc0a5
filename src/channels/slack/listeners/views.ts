/**
 * Modal submissions: eligibility facts and friction reports (validated here,
 * errors shown in the modal, then sent to the core as a form turn and the
 * result posted back in the conversation), a question asked from the App
 * Home (answered in the app's direct messages), and the optional comment of
 * a 👎 (stored on submit, or without a comment when the modal is closed; the
 * rated answer is then redrawn with the vote).
 */
import type { App, webApi } from "@slack/bolt";
import {
  CALLBACK,
  HandoffReplyOrigin,
  parseHandoffReply,
  decodeOrigin,
  parseComment,
  parseEligibility,
  parseFriction,
  parseQuestion,
  type ModalOrigin,
  type ViewState,
} from "../modals.js";
import { frenchDate } from "../render.js";
import type { Destination, SlackRuntime } from "../runtime.js";

type WebClient = webApi.WebClient;

/** Where the result of a modal goes: its origin conversation, else a direct message. */
function destOf(rt: SlackRuntime, origin: ModalOrigin, user: string, type: Parameters<SlackRuntime["destFor"]>[0]): Destination {
  if (!origin.c) return { kind: "message", channel: user, user };
  return rt.destFor(type, { channel: origin.c, threadTs: origin.t, user, audience: origin.a, ephemeral: origin.e, responseUrl: origin.r });
}

export function registerViews(app: App, rt: SlackRuntime): void {
  const conversation = (origin: ModalOrigin, user: string) => ({
    conversationId: origin.c ?? user,
    threadId: origin.t,
    userId: user,
    audience: origin.a,
  });

  // The eligibility and friction modals: validate in the modal, then hand the form to the core.
  const formView = (callback: string, kind: "eligibility" | "friction", parse: typeof parseEligibility | typeof parseFriction) =>
    app.view(callback, async ({ ack, body, view, client }) => {
      const parsed = parse(view.state.values as ViewState);
      if (!parsed.ok) {
        await ack({ response_action: "errors", errors: parsed.errors });
        return;
      }
      await ack();
      const origin = decodeOrigin(view.private_metadata);
      const user = body.user.id;
      await rt.track(`${kind} form`, async () => {
        const reply = await rt.handle(
          { ...conversation(origin, user), form: { kind, values: parsed.values } },
          { userId: user, channelId: origin.c, threadTs: origin.t },
        );
        await rt.deliver(client as WebClient, reply, destOf(rt, origin, user, reply));
      });
    });
  formView(CALLBACK.eligibility, "eligibility", parseEligibility);
  formView(CALLBACK.friction, "friction", parseFriction);

  app.view(CALLBACK.question, async ({ ack, body, view, client }) => {
    const parsed = parseQuestion(view.state.values as ViewState);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    await ack();
    const user = body.user.id;
    await rt.track("home question", async () => {
      const reply = await rt.handle({ conversationId: user, userId: user, audience: "porteur", text: parsed.values }, { userId: user, channelId: user });
      await rt.deliver(client as WebClient, reply, { kind: "message", channel: user, user });
    });
  });

  // An agent's answer to a handoff: the core delivers it to the person and redraws the team's post.
  app.view(CALLBACK.handoffReply, async ({ ack, body, view, client }) => {
    const parsed = parseHandoffReply(view.state.values as ViewState);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const meta = HandoffReplyOrigin.safeParse(safeJson(view.private_metadata));
    await ack();
    if (!meta.success) return;
    const agent = (body.user as { name?: string }).name || "un membre de l'équipe ESS";
    await rt.track("handoff answer", async () => {
      const res = await rt.assistant.answerHandoff(meta.data.h, parsed.values, agent);
      const tell = (text: string) => (meta.data.c ? client.chat.postEphemeral({ channel: meta.data.c, user: body.user.id, text }) : undefined);
      if (!res) await tell("Cette demande est introuvable : elle a peut-être été supprimée.");
      else if (!res.first)
        await tell(
          `Cette demande avait déjà reçu une réponse${res.handoff.reply ? ` de ${res.handoff.reply.agent} le ${frenchDate(res.handoff.reply.at)}` : ""} : la vôtre n'a pas été envoyée.`,
        );
      else if (!res.delivered) await tell("Réponse enregistrée : la personne la verra dans sa conversation à son prochain message.");
    });
  });

  /** The rated answer shows the vote once it is stored (the last vote counts). */
  const showVote = async (client: WebClient, origin: ModalOrigin, user: string) => {
    if (!origin.k) return;
    const record = await rt.buttons.update(origin.k, { vote: "down" });
    if (record) await rt.redraw(client, { m: origin.k, u: user }, record, { vote: "down", shareKey: record.shareKey }, origin.r);
  };

  app.view(CALLBACK.ratingComment, async ({ ack, body, view, client }) => {
    await ack();
    const origin = decodeOrigin(view.private_metadata);
    const user = body.user.id;
    const comment = parseComment(view.state.values as ViewState);
    await rt.track("rate-down", async () => {
      const reply = await rt.handle(
        { ...conversation(origin, user), action: { id: "rate-down", value: origin.i, comment } },
        { userId: user, channelId: origin.c, threadTs: origin.t },
      );
      if (reply.type !== "error") await showVote(client as WebClient, origin, user);
      // The thank-you offers a person: private, never shared.
      if (origin.c)
        await rt.deliver(
          client as WebClient,
          reply,
          rt.destFor(reply, { channel: origin.c, threadTs: origin.t, user, audience: origin.a, ephemeral: true, responseUrl: origin.e ? origin.r : undefined }),
        );
    });
  });

  // Closing the comment modal still records the 👎, without a comment.
  app.view({ callback_id: CALLBACK.ratingComment, type: "view_closed" }, async ({ ack, body, view, client }) => {
    await ack();
    const origin = decodeOrigin(view.private_metadata);
    const user = body.user.id;
    await rt.track("rate-down (closed)", async () => {
      const reply = await rt.handle(
        { ...conversation(origin, user), action: { id: "rate-down", value: origin.i } },
        { userId: user, channelId: origin.c, threadTs: origin.t },
      );
      if (reply.type !== "error") await showVote(client as WebClient, origin, user);
    });
  });
}

function safeJson(s: string | undefined): unknown {
  try {
    return JSON.parse(s || "{}");
  } catch {
    return {};
  }
}
