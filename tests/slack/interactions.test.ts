/**
 * Slack as people really use it, over signed HTTP requests to the real Bolt
 * receiver and the limits-checking fake Web API: buttons of someone else's
 * message or of a finished step, one vote per person redrawn on the answer,
 * eligibility shown once with "Voir le détail" and a pre-filled form, shared
 * copies without buttons, a refused message turned into an apology, thread
 * replies without a new mention, the thread status, and the App Home.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_CHANNEL, startHarness, type Harness } from "./harness.js";
import { eventEnvelope, postEvent, postForm, postInteraction, uid, waitFor } from "../support/slack-requests.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { NOT_ACTIVE_TEXT } from "../../src/channels/slack/buttons.js";
import { THREAD_TTL_MS } from "../../src/channels/slack/threads.js";

let h: Harness;
beforeAll(async () => {
  // The thread status at once (not only for answers slower than 300 ms): this file checks when it is set and cleared.
  h = await startHarness({ statusDelayMs: 0 });
});
afterAll(async () => {
  await h?.close();
});

const ts = () => `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
const posts = (channel: string) => h.slack.ok("chat.postMessage").filter((c) => c.args.channel === channel);
const ephemerals = (channel: string) => h.slack.ok("chat.postEphemeral").filter((c) => c.args.channel === channel);
const updates = (channel: string) => h.slack.ok("chat.update").filter((c) => c.args.channel === channel);
const turnsIn = (channel: string) => h.fake!.turns.filter((t) => t.conversationId === channel);

interface Btn {
  text: string;
  action_id: string;
  value?: string;
  block_id: string;
}
function buttons(blocks: any[]): Btn[] {
  return (blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements.map((e: any) => ({ text: e.text.text, action_id: e.action_id, value: e.value, block_id: b.block_id })));
}

function click(o: { user: string; channel: string; message: { ts: string; thread_ts?: string }; button: Btn; ephemeral?: boolean; responseUrl?: string }) {
  return postInteraction(h.baseUrl, {
    type: "block_actions",
    user: { id: o.user, username: "someone", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    team: { id: "T0001", domain: "test" },
    trigger_id: `${Date.now()}.1.${Math.random().toString(36).slice(2)}`,
    container: { type: "message", channel_id: o.channel, message_ts: o.message.ts, thread_ts: o.message.thread_ts, is_ephemeral: o.ephemeral ?? false },
    channel: { id: o.channel, name: "canal" },
    ...(o.ephemeral ? {} : { message: { type: "message", user: "UBOT", ts: o.message.ts, thread_ts: o.message.thread_ts, text: "…" } }),
    response_url: o.responseUrl ?? h.slack.responseUrl(),
    actions: [
      {
        type: "button",
        action_id: o.button.action_id,
        block_id: o.button.block_id,
        value: o.button.value,
        action_ts: ts(),
        text: { type: "plain_text", text: o.button.text },
      },
    ],
  });
}

function viewEvent(o: {
  user: string;
  callbackId: string;
  privateMetadata?: string;
  values: Record<string, unknown>;
  type?: "view_submission" | "view_closed";
}) {
  return postInteraction(h.baseUrl, {
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
      private_metadata: o.privateMetadata ?? "",
      state: { values: o.values },
      hash: "h",
    },
    ...(o.type === "view_closed" ? { is_cleared: false } : {}),
  });
}

async function mention(channel: string, user: string, text: string, threadTs?: string): Promise<{ call: RecordedCall; eventTs: string }> {
  const eventTs = ts();
  const before = posts(channel).length;
  await postEvent(
    h.baseUrl,
    eventEnvelope({ type: "app_mention", user, text: `<@UBOT> ${text}`, ts: eventTs, thread_ts: threadTs, channel, event_ts: eventTs }),
  );
  const call = await waitFor(() => posts(channel)[before], "answer to the mention");
  return { call, eventTs };
}

/** A message in a channel thread, without mention (message.channels). */
const threadMessage = (channel: string, user: string, threadTs: string, text: string) =>
  postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "channel", channel, user, text, ts: ts(), thread_ts: threadTs, event_ts: ts() }));

describe("buttons belong to the person asked", () => {
  it("a click by someone else gets a private « plus actif » and does nothing else", async () => {
    const channel = uid("C");
    const asker = uid("U");
    const other = uid("U");
    const { call, eventTs } = await mention(channel, asker, "Qui peut répondre à l'appel à communs ?");
    const handoff = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:handoff")!;
    expect(handoff.block_id).toContain(`~u:${asker}`);
    const turns = turnsIn(channel).length;
    await click({ user: other, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, button: handoff });
    const notice = await waitFor(() => ephemerals(channel).find((c) => c.args.user === other), "private notice");
    expect(notice.args.text).toBe(NOT_ACTIVE_TEXT);
    expect(notice.args.thread_ts).toBe(eventTs);
    expect(notice.args.blocks).toBeUndefined();
    await h.channel.idle();
    expect(turnsIn(channel)).toHaveLength(turns);
    expect(posts(channel)).toHaveLength(1);
  });

  it("a question answered by a click shows the choice, and its buttons are then finished", async () => {
    const channel = uid("C");
    const user = uid("U");
    const { call, eventTs } = await mention(channel, user, "Quelle forme pour ma structure ?");
    const scop = buttons(call.args.blocks).find((b) => b.text === "SCOP")!;
    await click({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, button: scop });
    const redrawn = await waitFor(() => updates(channel).find((c) => c.args.ts === call.response!.ts), "question redrawn");
    expect(JSON.stringify(redrawn.args.blocks)).toContain("Votre réponse : *SCOP*");
    expect(buttons(redrawn.args.blocks).filter((b) => b.action_id.startsWith("ess:option:"))).toHaveLength(0);
    await waitFor(() => turnsIn(channel).find((t) => t.text === "scop"), "the choice reaches the core");
    await h.channel.idle();

    // The old buttons (still on screen for a moment, or clicked twice) no longer act.
    const assoc = buttons(call.args.blocks).find((b) => b.text === "Association")!;
    const turns = turnsIn(channel).length;
    await click({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, button: assoc });
    await waitFor(() => ephemerals(channel).find((c) => c.args.text === NOT_ACTIVE_TEXT), "stale click refused");
    await h.channel.idle();
    expect(turnsIn(channel)).toHaveLength(turns);
  });

  it("an earlier question, answered by typing, is finished too", async () => {
    const channel = uid("C");
    const user = uid("U");
    const first = await mention(channel, user, "Quelle forme pour ma structure ?");
    // Typed instead of clicked: the conversation moved on.
    await mention(channel, user, "c'est une association", first.eventTs);
    await h.channel.idle();
    const scop = buttons(first.call.args.blocks).find((b) => b.text === "SCOP")!;
    const turns = turnsIn(channel).length;
    await click({ user, channel, message: { ts: first.call.response!.ts, thread_ts: first.eventTs }, button: scop });
    await waitFor(() => ephemerals(channel).find((c) => c.args.text === NOT_ACTIVE_TEXT && c.args.user === user), "stale question");
    await h.channel.idle();
    expect(turnsIn(channel)).toHaveLength(turns);
  });
});

describe("one vote per person per answer", () => {
  it("redraws the answer with the vote, and a changed vote replaces the first one", async () => {
    const channel = uid("C");
    const user = uid("U");
    const { call, eventTs } = await mention(channel, user, "Une réponse à noter");
    const message = { ts: call.response!.ts, thread_ts: eventTs };
    const up = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:rate-up")!;
    await click({ user, channel, message, button: up });
    const voted = await waitFor(() => updates(channel).find((c) => c.args.ts === message.ts), "answer redrawn with the vote");
    expect(JSON.stringify(voted.args.blocks)).toContain("Avis donné : réponse utile");
    const after = buttons(voted.args.blocks);
    expect(after.some((b) => b.action_id === "ess:action:rate-up")).toBe(false);
    expect(after.map((b) => b.text)).toEqual(expect.arrayContaining(["👎 Pas utile", "Parler à une personne"]));
    // No extra "thank you" message: the answer itself says it.
    expect(ephemerals(channel)).toHaveLength(0);

    // A second 👍 (double click) and then a 👎 from the redrawn answer: one rating, the last one.
    await click({ user, channel, message, button: up });
    const down = after.find((b) => b.action_id === "ess:action:rate-down")!;
    const opened = h.slack.ok("views.open").length;
    await click({ user, channel, message, button: down });
    const modal = (await waitFor(() => h.slack.ok("views.open")[opened], "comment modal")).args.view;
    await viewEvent({
      user,
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: { comment: { value: { type: "plain_text_input", value: "Il manque les dates" } } },
    });
    await waitFor(async () => (await h.storage.reportData({})).ratings.find((r) => r.interactionId === up.value && r.value === "down"), "down vote");
    await h.channel.idle();
    const ratings = (await h.storage.reportData({})).ratings.filter((r) => r.interactionId === up.value);
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ value: "down", comment: "Il manque les dates" });
    const last = updates(channel)
      .filter((c) => c.args.ts === message.ts)
      .at(-1)!;
    expect(JSON.stringify(last.args.blocks)).toContain("Avis donné : réponse pas utile");
    // The thank-you is private, offers a person, and has no "Partager".
    const thanks = await waitFor(() => ephemerals(channel).find((c) => String(c.args.text).includes("Merci")), "thank-you");
    expect(buttons(thanks.args.blocks).some((b) => b.action_id === "ess:share")).toBe(false);
  });
});

describe("eligibility results", () => {
  it("are shown once and short, with the detail one click away and a pre-filled form to complete them", async () => {
    const user = uid("U");
    const { call, eventTs } = await mention(AGENT_CHANNEL, user, "Éligibilité ?");
    const opened = h.slack.ok("views.open").length;
    const check = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:eligibility")!;
    await click({ user, channel: AGENT_CHANNEL, message: { ts: call.response!.ts, thread_ts: eventTs }, button: check });
    const view = (await waitFor(() => h.slack.ok("views.open")[opened], "modal")).args.view;
    await viewEvent({
      user,
      callbackId: "ess_eligibility",
      privateMetadata: view.private_metadata,
      values: {
        legalForm: { value: { type: "static_select", selected_option: { value: "association" } } },
        commune: { value: { type: "plain_text_input", value: "Alès" } },
        partnerStructures: { value: { type: "number_input", value: "1" } },
        inQpv: { value: { type: "radio_buttons", selected_option: { value: "false" } } },
      },
    });
    const result = await waitFor(
      () => posts(AGENT_CHANNEL).find((c) => c.args.thread_ts === eventTs && String(c.args.text).startsWith("Résultat")),
      "verdicts",
    );
    const json = JSON.stringify(result.args.blocks);
    expect(json).toContain("• *Appel à communs* : ❌ Non éligible");
    expect(json).not.toContain("Le projet réunit 1 structure");
    expect(json).not.toContain("Voici ce que je peux dire"); // the core's text is not shown as well
    expect(String(result.args.text).length).toBeLessThan(500);

    const detail = buttons(result.args.blocks).find((b) => b.text === "Voir le détail")!;
    await click({ user, channel: AGENT_CHANNEL, message: { ts: result.response!.ts, thread_ts: eventTs }, button: detail });
    const shown = await waitFor(() => updates(AGENT_CHANNEL).find((c) => c.args.ts === result.response!.ts), "detail");
    expect(JSON.stringify(shown.args.blocks)).toContain("Le projet réunit 1 structure(s) ; il en faut au moins 3.");
    expect(buttons(shown.args.blocks).some((b) => b.text === "Voir le détail")).toBe(false);

    const complete = buttons(result.args.blocks).find((b) => b.text === "Compléter les informations")!;
    const before = h.slack.ok("views.open").length;
    await click({ user, channel: AGENT_CHANNEL, message: { ts: result.response!.ts, thread_ts: eventTs }, button: complete });
    const form = (await waitFor(() => h.slack.ok("views.open")[before], "pre-filled form")).args.view;
    const el = (id: string) => form.blocks.find((b: any) => b.block_id === id).element;
    expect(el("legalForm").initial_option.value).toBe("association");
    expect(el("commune").initial_value).toBe("Alès");
    expect(el("partnerStructures").initial_value).toBe("1");
    expect(el("inQpv").initial_option.value).toBe("false");
  });
});

describe("sharing and refusals", () => {
  it("a shared copy has no buttons", async () => {
    const channel = uid("C");
    const user = uid("U");
    const url = h.slack.responseUrl();
    await postForm(h.baseUrl, {
      token: "legacy",
      team_id: "T0001",
      team_domain: "test",
      channel_id: channel,
      channel_name: "canal",
      user_id: user,
      user_name: "someone",
      command: "/ess",
      text: "Quel budget pour l'appel à communs ?",
      api_app_id: "A0001",
      response_url: url,
      trigger_id: "1.2.trigger",
    });
    const priv = await waitFor(() => h.slack.calls.find((c) => c.method === "response" && url.endsWith(c.path)), "private answer");
    const share = buttons(priv.args.blocks).find((b) => b.action_id === "ess:share")!;
    await click({ user, channel, message: { ts: ts() }, ephemeral: true, button: share });
    const shared = await waitFor(() => posts(channel)[0], "shared copy");
    expect(JSON.stringify(shared.args.blocks)).toContain(`Partagé par <@${user}>`);
    expect(buttons(shared.args.blocks)).toEqual([]);
  });

  it("a message Slack refuses becomes one short apology in the thread, then a log line with the error", async () => {
    const channel = uid("C");
    const user = uid("U");
    h.slack.failNext("chat.postMessage", 200, {}, "invalid_blocks");
    const eventTs = ts();
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_mention", user, text: "<@UBOT> Une question", ts: eventTs, channel, event_ts: eventTs }));
    const apology = await waitFor(() => posts(channel)[0], "apology");
    expect(apology.args.thread_ts).toBe(eventTs);
    expect(apology.args.text).toMatch(/^Désolé, je n'ai pas pu afficher ma réponse ici/);
    expect(apology.args.blocks).toBeUndefined();
    await h.channel.idle();
    expect(posts(channel)).toHaveLength(1);
    const line = h.logs.find((l) => l.msg?.includes("slack refused a message"));
    expect(line?.error).toBe("invalid_blocks");
    expect(line?.err?.type).toBeTruthy(); // the error object itself, serialised
  });
});

describe("channel threads", () => {
  it("once the bot answered in a thread, the person's next messages there need no mention", async () => {
    const channel = uid("C");
    const user = uid("U");
    const other = uid("U");
    const { eventTs } = await mention(channel, user, "Première question sur le schéma");
    const status = h.slack.ok("assistant.threads.setStatus").find((c) => c.args.channel_id === channel);
    expect(status?.args).toMatchObject({ thread_ts: eventTs, status: "réfléchit…" });
    expect(status?.args.loading_messages.length).toBeGreaterThan(0);

    await threadMessage(channel, user, eventTs, "Et pour une SCOP ?");
    const second = await waitFor(() => posts(channel)[1], "answer without mention");
    expect(second.args.thread_ts).toBe(eventTs);
    expect(turnsIn(channel).at(-1)).toMatchObject({ text: "Et pour une SCOP ?", threadId: eventTs, userId: user });

    // Not for the bot: another person, a message to someone else, a mention (app_mention answers it), another thread.
    await threadMessage(channel, other, eventTs, "Je prends le relais, merci");
    await threadMessage(channel, user, eventTs, `<@${other}> tu peux regarder ?`);
    await threadMessage(channel, user, eventTs, "<@UBOT> déjà mentionné");
    await threadMessage(channel, user, ts(), "Un autre fil");
    await postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "channel", channel, user, text: "Hors fil", ts: ts() }));
    await h.channel.idle();
    expect(posts(channel)).toHaveLength(2);

    // The thread stops being the bot's after a while.
    const key = `slack:thread:${channel}:${eventTs}`;
    const state = await h.storage.getState<{ until: string; people: string[] }>(key);
    await h.storage.setState(key, { ...state!, until: new Date(Date.now() - 1000).toISOString() });
    expect(Date.parse(state!.until) - Date.now()).toBeGreaterThan(THREAD_TTL_MS - 60_000);
    await threadMessage(channel, user, eventTs, "Encore une question ?");
    await h.channel.idle();
    expect(posts(channel)).toHaveLength(2);
  });

  it("clears the thread status itself when the reply is private (posting does not clear it then)", async () => {
    const channel = uid("C");
    const user = uid("U");
    const { eventTs } = await mention(channel, user, "Une question");
    await threadMessage(channel, user, eventTs, "Je demande une mise en relation");
    await waitFor(() => ephemerals(channel).find((c) => String(c.args.text).includes("transmise")), "private handoff reply");
    await h.channel.idle();
    const statuses = h.slack
      .ok("assistant.threads.setStatus")
      .filter((c) => c.args.channel_id === channel)
      .map((c) => c.args.status);
    expect(statuses).toEqual(["réfléchit…", "réfléchit…", ""]);
  });
});

describe("App Home", () => {
  it("publishes what the assistant does, four actions and the privacy notice; « Poser une question » answers in the DM", async () => {
    const user = uid("U");
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_home_opened", user, channel: uid("D"), tab: "home", event_ts: ts() }));
    const publish = await waitFor(() => h.slack.ok("views.publish").find((c) => c.args.user_id === user), "views.publish");
    const view = publish.args.view;
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("en citant ses sources publiques");
    expect(json).toContain("Vos données personnelles");
    const actions = buttons(view.blocks);
    expect(actions.map((b) => b.text)).toEqual(["Poser une question", "Vérifier mon éligibilité", "Signaler une difficulté", "Parler à une personne"]);

    const opened = h.slack.ok("views.open").length;
    await postInteraction(h.baseUrl, {
      type: "block_actions",
      user: { id: user, team_id: "T0001" },
      api_app_id: "A0001",
      token: "legacy",
      team: { id: "T0001", domain: "test" },
      trigger_id: "1.2.3",
      container: { type: "view", view_id: "V0001" },
      view: { id: "V0001", type: "home" },
      actions: [
        {
          type: "button",
          action_id: actions[0]!.action_id,
          block_id: actions[0]!.block_id,
          action_ts: ts(),
          text: { type: "plain_text", text: "Poser une question" },
        },
      ],
    });
    const modal = (await waitFor(() => h.slack.ok("views.open")[opened], "question modal")).args.view;
    expect(modal.callback_id).toBe("ess_question");
    const empty = await viewEvent({ user, callbackId: "ess_question", values: { question: { value: { type: "plain_text_input", value: "  " } } } });
    expect(JSON.parse(empty.text)).toMatchObject({ response_action: "errors", errors: { question: "Écrivez votre question." } });
    await viewEvent({
      user,
      callbackId: "ess_question",
      values: { question: { value: { type: "plain_text_input", value: "Qui peut répondre à l'appel à communs ?" } } },
    });
    const answer = await waitFor(() => posts(user)[0], "answer in the DM");
    expect(JSON.stringify(answer.args.blocks)).toContain("Sources");

    // Other tabs publish nothing.
    const count = h.slack.ok("views.publish").length;
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_home_opened", user, channel: uid("D"), tab: "messages", event_ts: ts() }));
    await h.channel.idle();
    expect(h.slack.ok("views.publish")).toHaveLength(count);
  });
});
