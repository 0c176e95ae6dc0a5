/**
 * The Slack Assistant panel (Bolt `Assistant`): suggested prompts when a
 * thread starts and refreshed after each answer from its follow-ups, a
 * "réfléchit…" status with loading messages while the core works, the answer
 * streamed when a model writes it, a thread title from the first question.
 * The thread context (the channel the user is looking at) is kept in the
 * shared storage, per thread.
 */
import { Assistant, type App } from "@slack/bolt";
import type { Reply } from "../../../domain/reply.js";
import { followUpQuestions } from "../../follow-ups.js";
import { slackToPlain, type SlackRuntime } from "../runtime.js";
import { plain } from "../mrkdwn.js";

export const SUGGESTED_PROMPTS = [
  { title: "Le schéma ESS du Gard", message: "Que contient le schéma départemental de l'ESS du Gard ?" },
  { title: "L'appel à communs", message: "Qui peut répondre à l'appel à communs du Département ?" },
  { title: "Financer mon projet", message: "Quelles solutions pour financer un projet d'association employeuse ?" },
  { title: "Parler à une personne", message: "Je voudrais parler à quelqu'un de l'équipe ESS du Département." },
];

export const WELCOME_TEXT =
  "Bonjour, je suis Relais ESS, l'assistant de l'économie sociale et solidaire du Département du Gard. " +
  "Posez-moi votre question : je réponds avec mes sources et je vous oriente vers le bon interlocuteur.";

type ThreadContext = { channel_id?: string; team_id?: string; enterprise_id?: string | null };

/** Suggested prompts after an answer: its follow-ups as questions (at most 4), else the defaults. */
export function promptsAfter(reply: Reply): { title: string; message: string }[] {
  const questions = followUpQuestions(reply.followUps, 4);
  return questions.length ? questions.map((q) => ({ title: q, message: q })) : SUGGESTED_PROMPTS;
}

/** Channel and thread of an Assistant payload. */
function threadOf(payload: Record<string, unknown>): { channel?: string; threadTs?: string; context?: ThreadContext } {
  const at = payload.assistant_thread as { channel_id?: string; thread_ts?: string; context?: ThreadContext } | undefined;
  if (at) return { channel: at.channel_id, threadTs: at.thread_ts, context: at.context };
  return { channel: payload.channel as string | undefined, threadTs: payload.thread_ts as string | undefined };
}

const ctxKey = (channel?: string, threadTs?: string) => `slack:assistant-ctx:${channel ?? "-"}:${threadTs ?? "-"}`;

export function registerAssistant(app: App, rt: SlackRuntime): void {
  const threadContextStore = {
    async get(args: { payload: unknown }): Promise<ThreadContext> {
      const { channel, threadTs } = threadOf(args.payload as Record<string, unknown>);
      return (await rt.storage.getState<ThreadContext>(ctxKey(channel, threadTs))) ?? {};
    },
    async save(args: { payload: unknown }): Promise<void> {
      const { channel, threadTs, context } = threadOf(args.payload as Record<string, unknown>);
      if (context) await rt.storage.setState(ctxKey(channel, threadTs), context);
    },
  };

  const assistant = new Assistant({
    // The store only reads the payload; Bolt's type asks for the full middleware args.
    threadContextStore: threadContextStore as unknown as ConstructorParameters<typeof Assistant>[0]["threadContextStore"],

    threadStarted: async ({ event, client, setSuggestedPrompts, saveThreadContext }) => {
      const at = (event as unknown as { assistant_thread: { channel_id: string; thread_ts: string } }).assistant_thread;
      await rt.track("assistant_thread_started", async () => {
        await saveThreadContext();
        await client.chat.postMessage({ channel: at.channel_id, thread_ts: at.thread_ts, text: WELCOME_TEXT });
        await setSuggestedPrompts({ title: "Par exemple :", prompts: SUGGESTED_PROMPTS });
      });
    },

    threadContextChanged: async ({ saveThreadContext }) => {
      await rt.track("assistant_thread_context_changed", () => saveThreadContext());
    },

    userMessage: async ({ message, client, context, setTitle, setSuggestedPrompts, getThreadContext }) => {
      const m = message as { user?: string; text?: string; channel: string; thread_ts?: string; ts: string };
      if (!m.user || !m.thread_ts) return;
      const user = m.user;
      const threadTs = m.thread_ts;
      await rt.track("assistant message", async () => {
        const text = slackToPlain(m.text, context.botUserId ?? rt.botUserId);
        const tc = await getThreadContext().catch(() => ({}) as ThreadContext);
        // The channel the person is looking at tells their audience (an agents' channel → agent).
        const audience = rt.audienceOf((tc as ThreadContext).channel_id, m.channel);
        const titleKey = `slack:assistant-title:${m.channel}:${threadTs}`;
        if (text && !(await rt.storage.getState(titleKey))) {
          await setTitle(plain(text, 60))
            .then(() => rt.storage.setState(titleKey, true))
            .catch((err) => rt.log.warn({ err }, "setTitle failed"));
        }
        // Status with loading messages, then the answer (streamed with a model); posting it clears the status.
        const reply = await rt.respond(
          client,
          { conversationId: m.channel, threadId: threadTs, userId: user, audience, text },
          { channel: m.channel, threadTs, user, audience },
          { teamId: context.teamId },
        );
        if (reply.type === "answer") {
          await setSuggestedPrompts({ title: "Pour aller plus loin :", prompts: promptsAfter(reply) }).catch((err) =>
            rt.log.warn({ err }, "setSuggestedPrompts failed"),
          );
        }
      });
    },
  });
  app.assistant(assistant);
}
