/** Message shortcut "Demander à Relais ESS": a private answer about the chosen message. */
import type { App, MessageShortcut } from "@slack/bolt";
import { slackToPlain, type SlackRuntime } from "../runtime.js";

export const ASK_SHORTCUT = "ess_ask_message";

export function registerShortcuts(app: App, rt: SlackRuntime): void {
  app.shortcut<MessageShortcut>(ASK_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const channel = shortcut.channel.id;
    const user = shortcut.user.id;
    const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
    const text = slackToPlain(shortcut.message.text, rt.botUserId);
    const audience = rt.audienceOf(channel);
    await rt.track("message shortcut", async () => {
      const reply = await rt.handle(
        { conversationId: channel, threadId: threadTs, userId: user, audience, text },
        { userId: user, channelId: channel, threadTs },
      );
      await rt.deliver(client, reply, { kind: "response_url", url: shortcut.response_url, channel, threadTs, user });
    });
  });
}
