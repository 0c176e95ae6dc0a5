/**
 * The weekly digest in Teams (src/report/digest.ts): the report card of
 * « rapport » (figures, link to the web report) with the summary as text,
 * posted proactively in the team channel where the handoff cards go (its
 * conversation reference is stored when the app is installed there).
 */
import type { CloudAdapter } from "botbuilder";
import { Reply } from "../../domain/reply.js";
import type { DigestPoster } from "../../report/digest.js";
import type { ReportPayload } from "../../report/reply.js";
import type { ChannelRefStore } from "../../storage/types.js";
import { channelRefKey, type StoredChannelRef } from "./bot.js";
import { renderReply } from "./render.js";

export function teamsDigestPoster(o: { adapter: CloudAdapter; appId: string; storage: ChannelRefStore; target: string }): DigestPoster {
  return {
    where: `Teams ${o.target}`,
    async post(text: string, report: ReportPayload): Promise<void> {
      const key = o.target.startsWith("teams:") ? o.target : channelRefKey(o.target);
      const stored = await o.storage.getChannelRef<StoredChannelRef>(key);
      if (!stored?.reference) throw new Error(`Teams: no conversation reference for the digest target "${o.target}"`);
      const activity = renderReply(Reply.parse({ type: "report", text, report, audience: "agent" }), { reportAllowed: true });
      await o.adapter.continueConversationAsync(o.appId, stored.reference, async (context) => {
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
        await context.sendActivity(activity);
      });
    },
  };
}
