/**
 * The weekly digest in Slack (src/report/digest.ts): the report reply rendered
 * like `/ess rapport` (summary, key figures, link to the web report), without
 * buttons, posted in the channel where the handoff cards go.
 */
import type { webApi } from "@slack/bolt";
import { Reply } from "../../domain/reply.js";
import type { DigestPoster } from "../../report/digest.js";
import type { ReportPayload } from "../../report/reply.js";
import { renderReply } from "./render.js";

export function slackDigestPoster(client: () => webApi.WebClient, channel: string): DigestPoster {
  return {
    where: `Slack ${channel}`,
    async post(text: string, report: ReportPayload): Promise<void> {
      const msg = renderReply(Reply.parse({ type: "report", text, report, audience: "agent" }), { interactive: false });
      await client().chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, unfurl_links: false, unfurl_media: false });
    },
  };
}
