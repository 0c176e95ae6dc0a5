/**
 * The Slack channel end to end over HTTP: signed requests to the real Bolt
 * receiver, a fake Slack Web API on loopback, a fake core with real storage.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_CHANNEL, HANDOFF_CHANNEL, startHarness, type Harness } from "./harness.js";
import { eventEnvelope, postEvent, postForm, postInteraction, uid, waitFor } from "./helpers.js";
import type { RecordedCall } from "./fake-slack.js";
import { LIMITS } from "../../src/channels/slack/render.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const newChannel = () => uid("C");
const newUser = () => uid("U");
const ts = () => `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

function allText(v: unknown): string {
  return JSON.stringify(v);
}
/** Every button (text, action_id, value) in a message's blocks. */
function buttons(blocks: any[]): { text: string; action_id: string; value?: string }[] {
  return blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements)
    .map((e: any) => ({ text: e.text.text, action_id: e.action_id, value: e.value }));
}
const posts = (channel: string) => h.slack.ok("chat.postMessage").filter((c) => c.args.channel === channel);
const ephemerals = (channel: string) => h.slack.ok("chat.postEphemeral").filter((c) => c.args.channel === channel);
const responses = (url: string) => h.slack.calls.filter((c) => c.method === "response" && c.status === 200 && url.endsWith(c.path));

function blockAction(o: { user: string; channel: string; message?: { ts: string; thread_ts?: string }; ephemeral?: boolean; actionId: string; value?: string; responseUrl?: string }) {
  return {
    type: "block_actions",
    user: { id: o.user, username: "someone", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    team: { id: "T0001", domain: "test" },
    trigger_id: `${Date.now()}.1.${Math.random().toString(36).slice(2)}`,
    container: { type: "message", channel_id: o.channel, message_ts: o.message?.ts ?? ts(), thread_ts: o.message?.thread_ts, is_ephemeral: o.ephemeral ?? false },
    channel: { id: o.channel, name: "canal" },
    ...(o.message && !o.ephemeral ? { message: { type: "message", user: "UBOT", ts: o.message.ts, thread_ts: o.message.thread_ts, text: "…" } } : {}),
    response_url: o.responseUrl ?? h.slack.responseUrl(),
    actions: [{ type: "button", action_id: o.actionId, block_id: "ess-actions-0", value: o.value, action_ts: ts(), text: { type: "plain_text", text: "x" } }],
  };
}

function viewSubmission(o: { user: string; callbackId: string; privateMetadata: string; values: Record<string, unknown>; type?: "view_submission" | "view_closed" }) {
  return {
    type: o.type ?? "view_submission",
    team: { id: "T0001", domain: "test" },
    user: { id: o.user, username: "someone", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    trigger_id: "1.2.3",
    view: {
      id: "V0001",
      team_id: "T0001",
      type: "modal",
      callback_id: o.callbackId,
      private_metadata: o.privateMetadata,
      state: { values: o.values },
      hash: "h",
    },
    ...(o.type === "view_closed" ? { is_cleared: false } : {}),
  };
}

function slashCommand(o: { user: string; channel: string; text: string; responseUrl: string }) {
  return {
    token: "legacy",
    team_id: "T0001",
    team_domain: "test",
    channel_id: o.channel,
    channel_name: "canal",
    user_id: o.user,
    user_name: "someone",
    command: "/ess",
    text: o.text,
    api_app_id: "A0001",
    response_url: o.responseUrl,
    trigger_id: `${Date.now()}.1.trigger`,
  };
}

/** Sends a mention and waits for the answer posted in its thread. */
async function mention(channel: string, user: string, text: string, threadTs?: string): Promise<{ call: RecordedCall; eventTs: string }> {
  const eventTs = ts();
  const before = posts(channel).length;
  const res = await postEvent(h.baseUrl, eventEnvelope({ type: "app_mention", user, text: `<@UBOT> ${text}`, ts: eventTs, thread_ts: threadTs, channel, event_ts: eventTs }));
  expect(res.status).toBe(200);
  const call = await waitFor(() => posts(channel)[before], "answer to the mention");
  return { call, eventTs };
}

describe("mentions, DMs and the Assistant panel", () => {
  it("answers a mention in its thread with numbered sources, their kind, the route and French action buttons", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Qui peut répondre à l'appel à communs ?");
    expect(call.token).toBe("xoxb-test-token");
    expect(call.args.thread_ts).toBe(eventTs);
    const blocks = call.args.blocks as any[];
    const json = allText(blocks);
    expect(json).toContain("*au moins trois structures*");
    expect(json).toContain("[1] <https://gard-centrale.gard.fr/|Appel à communs du Département du Gard>");
    expect(json).toContain("engagement du schéma");
    expect(json).toContain("résultat de la concertation");
    expect(json).toContain("cadre légal");
    expect(json).toContain("à vérifier"); // the reported source
    expect(json).toContain("Vers qui vous tourner");
    expect(json).toContain("<https://gard-centrale.gard.fr/|Plateforme Gard centrale>");
    const labels = buttons(blocks).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["👍 Utile", "👎 Pas utile", "Vérifier mon éligibilité", "Signaler une difficulté", "Parler à une personne"]));
    expect(call.args.text).toContain("Sources");

    const turn = h.fake!.turns.find((t) => t.conversationId === channel)!;
    expect(turn).toMatchObject({ channel: "slack", threadId: eventTs, userId: user, audience: "porteur", text: "Qui peut répondre à l'appel à communs ?" });
    // The posted message is joined to the interaction (for ratings).
    const linked = await waitFor(() => h.storage.findInteractionByMessage("slack", `${channel}:${call.response!.ts}`), "linkMessage");
    const rateUp = buttons(blocks).find((b) => b.action_id === "ess:action:rate-up")!;
    expect(linked).toBe(rateUp.value);
  });

  it("keeps the thread as the conversation and uses the channel's audience", async () => {
    const user = newUser();
    const first = await mention(AGENT_CHANNEL, user, "Première question sur le schéma");
    await mention(AGENT_CHANNEL, user, "Et la suite ?", first.eventTs);
    const turns = h.fake!.turns.filter((t) => t.conversationId === AGENT_CHANNEL && t.userId === user);
    expect(turns.map((t) => t.threadId)).toEqual([first.eventTs, first.eventTs]);
    expect(turns.every((t) => t.audience === "agent")).toBe(true);
  });

  it("answers a direct message in the DM", async () => {
    const dm = uid("D");
    const user = newUser();
    const mts = ts();
    await postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "im", channel: dm, user, text: "Bonjour, c'est quoi l'ESS ?", ts: mts, event_ts: mts }));
    const call = await waitFor(() => posts(dm)[0], "DM answer");
    expect(call.args.thread_ts).toBeUndefined();
    expect(allText(call.args.blocks)).toContain("Sources");
    expect(h.fake!.turns.find((t) => t.conversationId === dm)?.text).toBe("Bonjour, c'est quoi l'ESS ?");
  });

  it("ignores its own messages, other bots, edits and joins", async () => {
    const dm = uid("D");
    const user = newUser();
    const base = { type: "message", channel_type: "im", channel: dm };
    for (const ev of [
      { ...base, user: "UBOT", text: "moi-même", ts: ts() },
      { ...base, bot_id: "BOTHER", user: "UOTHER", text: "un autre bot", ts: ts() },
      { ...base, subtype: "bot_message", bot_id: "BOTHER", text: "bot", ts: ts() },
      { ...base, subtype: "message_changed", message: { user, text: "modifié" }, ts: ts() },
      { ...base, subtype: "channel_join", user, text: "a rejoint", ts: ts() },
    ]) {
      const res = await postEvent(h.baseUrl, eventEnvelope(ev));
      expect(res.status).toBe(200);
    }
    // A real message afterwards: once it is answered, the earlier ones were processed too.
    await postEvent(h.baseUrl, eventEnvelope({ ...base, user, text: "Une vraie question", ts: ts() }));
    await waitFor(() => posts(dm)[0], "answer to the real message");
    await h.channel.idle();
    expect(posts(dm)).toHaveLength(1);
    expect(h.fake!.turns.filter((t) => t.conversationId === dm).map((t) => t.text)).toEqual(["Une vraie question"]);
  });

  it("runs the Assistant panel: suggested prompts, status while working, title, one answer in the thread", async () => {
    const dm = uid("D");
    const user = newUser();
    const threadTs = ts();
    await postEvent(
      h.baseUrl,
      eventEnvelope({ type: "assistant_thread_started", assistant_thread: { user_id: user, context: { channel_id: AGENT_CHANNEL, team_id: "T0001" }, channel_id: dm, thread_ts: threadTs }, event_ts: ts() }),
    );
    const prompts = await waitFor(() => h.slack.ok("assistant.threads.setSuggestedPrompts").find((c) => c.args.channel_id === dm), "suggested prompts");
    expect(prompts.args.thread_ts).toBe(threadTs);
    expect(prompts.args.prompts.length).toBeGreaterThanOrEqual(3);
    expect(posts(dm)[0]?.args.text).toContain("Relais ESS");

    const mts = ts();
    await postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "im", channel: dm, user, text: "Que finance le Département ?", ts: mts, thread_ts: threadTs, event_ts: mts }));
    const answer = await waitFor(() => posts(dm).find((c) => c.args.thread_ts === threadTs && String(c.args.text).includes("Sources")), "assistant answer");
    expect(answer).toBeTruthy();
    const status = h.slack.ok("assistant.threads.setStatus").find((c) => c.args.channel_id === dm);
    expect(status?.args.status).toBe("réfléchit…");
    expect(h.slack.ok("assistant.threads.setTitle").find((c) => c.args.channel_id === dm)?.args.title).toBe("Que finance le Département ?");
    await h.channel.idle();
    expect(posts(dm).filter((c) => String(c.args.text).includes("Sources"))).toHaveLength(1);
    // The channel the person was looking at (an agents' channel) sets the audience.
    expect(h.fake!.turns.find((t) => t.conversationId === dm)).toMatchObject({ threadId: threadTs, audience: "agent" });
  });
});

