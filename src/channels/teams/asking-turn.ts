/**
 * The Teams activity being handled, visible to the handoff notifier while the
 * core creates a handoff in that turn, and the link to the place it came from:
 * a channel thread can be opened by the team (a Teams deep link), a personal
 * chat cannot (no link).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Activity } from "botbuilder";

export const askingTurn = new AsyncLocalStorage<Partial<Activity>>();

/**
 * The Teams deep link to the channel thread an activity belongs to; undefined
 * outside a team channel.
 * @example conversationLink(activity) // "https://teams.microsoft.com/l/message/19%3A…/1700000000000?tenantId=…&parentMessageId=1700000000000"
 */
export function conversationLink(a: Partial<Activity> | undefined): string | undefined {
  if (a?.conversation?.conversationType !== "channel") return undefined;
  const cd = (a.channelData ?? {}) as { channel?: { id?: string }; team?: { aadGroupId?: string }; tenant?: { id?: string } };
  const [base, thread] = (a.conversation.id ?? "").split(";messageid=");
  const channelId = cd.channel?.id ?? base;
  if (!channelId || !thread || !/^\d{1,20}$/.test(thread)) return undefined;
  const q = new URLSearchParams();
  const tenant = cd.tenant?.id ?? a.conversation.tenantId;
  if (tenant) q.set("tenantId", tenant);
  if (cd.team?.aadGroupId) q.set("groupId", cd.team.aadGroupId);
  q.set("parentMessageId", thread);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${thread}?${q.toString()}`;
}
