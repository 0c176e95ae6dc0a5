/**
 * The Slack Assistant panel (Bolt `Assistant`): suggested prompts when a
 * thread starts, a "réfléchit…" status while the core works, a thread title
 * from the first question. The thread context (the channel the user is
 * looking at) is kept in the shared storage, per thread.
 */
import { Assistant, type App } from "@slack/bolt";
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

    userMessage: async ({ message, client, context, setStatus, setTitle, getThreadContext }) => {
      const m = message as { user?: string; text?: string; channel: string; thread_ts?: string; ts: string };
      if (!m.user || !m.thread_ts) return;
      const user = m.user;
      const threadTs = m.thread_ts;
      await rt.track("assistant message", async () => {
        const text = slackToPlain(m.text, context.botUserId ?? rt.botUserId);
        const tc = await getThreadContext().catch(() => ({}) as ThreadContext);
        // The channel the person is looking at tells their audience (an agents' channel → agent).
        const audience = rt.audienceOf((tc as ThreadContext).channel_id, m.channel);
        await setStatus("réfléchit…").catch((err) => rt.log.warn({ err: String(err) }, "setStatus failed"));
        const titleKey = `slack:assistant-title:${m.channel}:${threadTs}`;
        if (text && !(await rt.storage.getState(titleKey))) {
          await setTitle(plain(text, 60))
            .then(() => rt.storage.setState(titleKey, true))
            .catch((err) => rt.log.warn({ err: String(err) }, "setTitle failed"));
        }
        const reply = await rt.handle(
          { conversationId: m.channel, threadId: threadTs, userId: user, audience, text },
          { userId: user, channelId: m.channel, threadTs },
        );
        // Posting the reply clears the status.
        await rt.deliver(client, reply, { kind: "message", channel: m.channel, threadTs });
      });
    },
  });
  app.assistant(assistant);
}
