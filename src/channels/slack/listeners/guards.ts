/**
 * Global middleware that runs before every listener:
 * - exactly-once processing of Events API deliveries: the `event_id` is
 *   claimed in the storage (shared by every replica), so Slack's retries
 *   (`X-Slack-Retry-Num`) and duplicate deliveries produce one answer;
 * - no reaction to the bot's own messages, other bots' messages, or message
 *   edits/deletions/joins.
 */
import type { App } from "@slack/bolt";
import type { SlackRuntime } from "../runtime.js";

/** Message subtypes that carry a new message from a person. */
const HUMAN_SUBTYPES = new Set([undefined, "file_share", "thread_broadcast"]);

export function registerGuards(app: App, rt: SlackRuntime): void {
  app.use(async ({ body, context, next }) => {
    const b = body as { type?: string; event_id?: string; event?: Record<string, unknown> };
    if (b.type !== "event_callback") return next();

    const ev = b.event ?? {};
    if (context.botUserId && !rt.botUserId) rt.botUserId = context.botUserId;
    if (ev.type === "message" || ev.type === "app_mention") {
      if (ev.bot_id || ev.bot_profile || ev.subtype === "bot_message" || !HUMAN_SUBTYPES.has(ev.subtype as string | undefined)) {
        rt.log.debug({ event: ev.type, subtype: ev.subtype }, "ignored bot or non-human message");
        return;
      }
      if (context.botUserId && ev.user === context.botUserId) return;
    }

    if (typeof b.event_id === "string" && b.event_id) {
      let first: boolean;
      try {
        first = await rt.storage.claimEvent(`slack:event:${b.event_id}`);
      } catch (err) {
        // Storage down: a retry most likely means the first delivery was seen.
        first = !(context.retryNum && context.retryNum > 0);
        rt.log.warn({ err, retry: context.retryNum }, "claimEvent failed");
      }
      if (!first) {
        rt.log.info({ eventId: b.event_id, retry: context.retryNum ?? 0 }, "duplicate Slack event ignored");
        return;
      }
    }
    await next();
  });
}
