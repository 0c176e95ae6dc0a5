/**
 * Mentions in channels (answered in the thread; the thread is the
 * conversation), later messages of that thread without a new mention while
 * the thread is the bot's (threads.ts), and direct messages outside the
 * Assistant panel.
 */
import type { App } from "@slack/bolt";
import { slackToPlain, type SlackRuntime } from "../runtime.js";

type MessageEvent = { channel_type?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };

export function registerMessageListeners(app: App, rt: SlackRuntime): void {
  app.event("app_mention", async ({ event, client, context }) => {
    const ev = event as { user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    if (!ev.user) return;
    const user = ev.user;
    const threadTs = ev.thread_ts ?? ev.ts;
    const audience = rt.audienceOf(ev.channel);
    const text = slackToPlain(ev.text, context.botUserId ?? rt.botUserId);
    await rt.track("app_mention", () =>
      rt.respond(
        client,
        { conversationId: ev.channel, threadId: threadTs, userId: user, audience, text },
        { channel: ev.channel, threadTs, user, audience },
        { teamId: context.teamId },
      ),
    );
  });

  app.event("message", async ({ event, client, context }) => {
    const ev = event as MessageEvent;
    // Messages in Assistant threads never get here: the Assistant middleware (assistant.ts) takes them.
    if (!ev.user) return;
    const user = ev.user;
    const bot = context.botUserId ?? rt.botUserId;
    const audience = rt.audienceOf(ev.channel);
    const text = slackToPlain(ev.text, bot);
    if (ev.channel_type === "im") {
      await rt.track("message.im", () =>
        rt.respond(
          client,
          { conversationId: ev.channel, threadId: ev.thread_ts, userId: user, audience, text },
          { channel: ev.channel, threadTs: ev.thread_ts, user, audience },
        ),
      );
      return;
    }
    // A channel thread the bot answered in: no mention needed (a mention comes as app_mention).
    if ((ev.channel_type !== "channel" && ev.channel_type !== "group") || !ev.thread_ts) return;
    if (bot && (ev.text ?? "").includes(`<@${bot}`)) return;
    const threadTs = ev.thread_ts;
    await rt.track("thread message", async () => {
      if (!(await rt.threads.isForBot(ev.channel, threadTs, user, ev.text ?? "", bot))) return;
      await rt.respond(
        client,
        { conversationId: ev.channel, threadId: threadTs, userId: user, audience, text },
        { channel: ev.channel, threadTs, user, audience },
        { teamId: context.teamId },
      );
    });
  });
}
