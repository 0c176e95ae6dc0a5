/**
 * Mentions in channels (answered in the thread; the thread is the
 * conversation) and direct messages outside the Assistant panel.
 */
import type { App } from "@slack/bolt";
import { slackToPlain, type SlackRuntime } from "../runtime.js";

export function registerMessageListeners(app: App, rt: SlackRuntime): void {
  app.event("app_mention", async ({ event, client, context }) => {
    const ev = event as { user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    if (!ev.user) return;
    const user = ev.user;
    const threadTs = ev.thread_ts ?? ev.ts;
    const audience = rt.audienceOf(ev.channel);
    const text = slackToPlain(ev.text, context.botUserId ?? rt.botUserId);
    await rt.track("app_mention", async () => {
      const reply = await rt.handle(
        { conversationId: ev.channel, threadId: threadTs, userId: user, audience, text },
        { userId: user, channelId: ev.channel, threadTs },
      );
      await rt.deliver(client, reply, rt.destFor(reply, { channel: ev.channel, threadTs, user, audience }));
    });
  });

  app.event("message", async ({ event, client, context }) => {
    const ev = event as { channel_type?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    // Messages in Assistant threads never get here: the Assistant middleware (assistant.ts) takes them.
    if (ev.channel_type !== "im" || !ev.user) return;
    const user = ev.user;
    const audience = rt.audienceOf(ev.channel);
    const text = slackToPlain(ev.text, context.botUserId ?? rt.botUserId);
    await rt.track("message.im", async () => {
      const reply = await rt.handle(
        { conversationId: ev.channel, threadId: ev.thread_ts, userId: user, audience, text },
        { userId: user, channelId: ev.channel, threadTs: ev.thread_ts },
      );
      await rt.deliver(client, reply, rt.destFor(reply, { channel: ev.channel, threadTs: ev.thread_ts, user, audience }));
    });
  });
}
