/**
 * The Slack channel end to end over HTTP: signed requests to the real Bolt
 * receiver, a fake Slack Web API on loopback, a fake core with real storage.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_CHANNEL, HANDOFF_CHANNEL, startHarness, type Harness } from "./harness.js";
import { eventEnvelope, postEvent, postForm, postInteraction, uid, waitFor } from "../support/slack-requests.js";
import type { RecordedCall } from "../support/fake-slack.js";
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

function blockAction(o: {
  user: string;
  channel: string;
  message?: { ts: string; thread_ts?: string };
  ephemeral?: boolean;
  actionId: string;
  value?: string;
  responseUrl?: string;
}) {
  return {
    type: "block_actions",
    user: { id: o.user, username: "someone", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    team: { id: "T0001", domain: "test" },
    trigger_id: `${Date.now()}.1.${Math.random().toString(36).slice(2)}`,
    container: {
      type: "message",
      channel_id: o.channel,
      message_ts: o.message?.ts ?? ts(),
      thread_ts: o.message?.thread_ts,
      is_ephemeral: o.ephemeral ?? false,
    },
    channel: { id: o.channel, name: "canal" },
    ...(o.message && !o.ephemeral ? { message: { type: "message", user: "UBOT", ts: o.message.ts, thread_ts: o.message.thread_ts, text: "…" } } : {}),
    response_url: o.responseUrl ?? h.slack.responseUrl(),
    actions: [{ type: "button", action_id: o.actionId, block_id: "ess-actions-0", value: o.value, action_ts: ts(), text: { type: "plain_text", text: "x" } }],
  };
}

function viewSubmission(o: {
  user: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, unknown>;
  type?: "view_submission" | "view_closed";
}) {
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
  const res = await postEvent(
    h.baseUrl,
    eventEnvelope({ type: "app_mention", user, text: `<@UBOT> ${text}`, ts: eventTs, thread_ts: threadTs, channel, event_ts: eventTs }),
  );
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
    expect(json).toContain("mesure du schéma");
    expect(json).toContain("résultat de la concertation");
    expect(json).toContain("cadre légal");
    expect(json).toContain("à vérifier"); // the reported source
    expect(json).toContain("Vers qui vous tourner");
    expect(json).toContain("<https://gard-centrale.gard.fr/|Plateforme Gard centrale>");
    const labels = buttons(blocks).map((b) => b.text);
    expect(labels).toEqual(
      expect.arrayContaining(["👍 Utile", "👎 Pas utile", "Vérifier mon éligibilité", "Signaler une difficulté", "Parler à une personne"]),
    );
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
    await postEvent(
      h.baseUrl,
      eventEnvelope({ type: "message", channel_type: "im", channel: dm, user, text: "Bonjour, c'est quoi l'ESS ?", ts: mts, event_ts: mts }),
    );
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

  it("runs the Assistant panel: suggested prompts, title, one answer in the thread", async () => {
    const dm = uid("D");
    const user = newUser();
    const threadTs = ts();
    await postEvent(
      h.baseUrl,
      eventEnvelope({
        type: "assistant_thread_started",
        assistant_thread: { user_id: user, context: { channel_id: AGENT_CHANNEL, team_id: "T0001" }, channel_id: dm, thread_ts: threadTs },
        event_ts: ts(),
      }),
    );
    const prompts = await waitFor(() => h.slack.ok("assistant.threads.setSuggestedPrompts").find((c) => c.args.channel_id === dm), "suggested prompts");
    expect(prompts.args.thread_ts).toBe(threadTs);
    expect(prompts.args.prompts.length).toBeGreaterThanOrEqual(3);
    expect(posts(dm)[0]?.args.text).toContain("Relais ESS");

    const mts = ts();
    await postEvent(
      h.baseUrl,
      eventEnvelope({
        type: "message",
        channel_type: "im",
        channel: dm,
        user,
        text: "Que finance le Département ?",
        ts: mts,
        thread_ts: threadTs,
        event_ts: mts,
      }),
    );
    const answer = await waitFor(() => posts(dm).find((c) => c.args.thread_ts === threadTs && String(c.args.text).includes("Sources")), "assistant answer");
    expect(answer).toBeTruthy();
    expect(h.slack.ok("assistant.threads.setTitle").find((c) => c.args.channel_id === dm)?.args.title).toBe("Que finance le Département ?");
    await h.channel.idle();
    expect(posts(dm).filter((c) => String(c.args.text).includes("Sources"))).toHaveLength(1);
    // The channel the person was looking at (an agents' channel) sets the audience.
    expect(h.fake!.turns.find((t) => t.conversationId === dm)).toMatchObject({ threadId: threadTs, audience: "agent" });
  });
});

describe("the /ess command", () => {
  it("answers a question privately through the response_url, with a share button", async () => {
    const channel = newChannel();
    const user = newUser();
    const url = h.slack.responseUrl();
    const res = await postForm(h.baseUrl, slashCommand({ user, channel, text: "Quel budget pour l'appel à communs ?", responseUrl: url }));
    expect(res.status).toBe(200);
    const call = await waitFor(() => responses(url)[0], "private answer");
    expect(call.args.response_type).toBe("ephemeral");
    expect(allText(call.args.blocks)).toContain("Sources");
    const share = buttons(call.args.blocks).find((b) => b.action_id === "ess:share");
    expect(share?.text).toBe("Partager dans le canal");
    expect(posts(channel)).toHaveLength(0);

    // Sharing posts the answer in the channel and removes the private copy.
    const shareUrl = h.slack.responseUrl();
    await postInteraction(h.baseUrl, blockAction({ user, channel, ephemeral: true, actionId: "ess:share", value: share!.value, responseUrl: shareUrl }));
    const shared = await waitFor(() => posts(channel)[0], "shared answer");
    expect(allText(shared.args.blocks)).toContain(`Partagé par <@${user}>`);
    expect(buttons(shared.args.blocks).some((b) => b.action_id === "ess:share")).toBe(false);
    await waitFor(() => responses(shareUrl).find((c) => c.args.delete_original === true), "private copy deleted");
  });

  it("opens the eligibility and friction modals", async () => {
    const channel = newChannel();
    const user = newUser();
    const before = h.slack.ok("views.open").length;
    await postForm(h.baseUrl, slashCommand({ user, channel, text: "éligibilité", responseUrl: h.slack.responseUrl() }));
    await postForm(h.baseUrl, slashCommand({ user, channel, text: "difficulte", responseUrl: h.slack.responseUrl() }));
    await waitFor(() => h.slack.ok("views.open").length >= before + 2, "two modals");
    const views = h.slack
      .ok("views.open")
      .slice(before)
      .map((c) => c.args.view);
    expect(views.map((v: any) => v.callback_id).sort()).toEqual(["ess_eligibility", "ess_friction"]);
    expect(views.every((v: any) => v.title.text.length <= 24)).toBe(true);
  });

  it("hands off with /ess personne: posted to the configured channel, the person told who follows up", async () => {
    const channel = newChannel();
    const user = newUser();
    const url = h.slack.responseUrl();
    const before = posts(HANDOFF_CHANNEL).length;
    await postForm(h.baseUrl, slashCommand({ user, channel, text: "personne", responseUrl: url }));
    const notice = await waitFor(() => posts(HANDOFF_CHANNEL)[before], "handoff notice");
    expect(buttons(notice.args.blocks).map((b) => b.text)).toEqual(["Répondre", "Marquer comme traité"]);
    const told = await waitFor(() => responses(url)[0], "handoff reply");
    expect(told.args.text).toContain("l'équipe ESS du Département du Gard");
  });

  it("gives the report to agents' channels only, and refuses politely elsewhere", async () => {
    const user = newUser();
    const porteurUrl = h.slack.responseUrl();
    await postForm(h.baseUrl, slashCommand({ user, channel: newChannel(), text: "rapport", responseUrl: porteurUrl }));
    const refusal = await waitFor(() => responses(porteurUrl)[0], "refusal");
    expect(refusal.args.text).toContain("réservé aux agents");

    const agentUrl = h.slack.responseUrl();
    await postForm(h.baseUrl, slashCommand({ user, channel: AGENT_CHANNEL, text: "rapport", responseUrl: agentUrl }));
    const report = await waitFor(() => responses(agentUrl)[0], "report");
    const json = allText(report.args.blocks);
    expect(json).toContain("Rapport des 30 derniers jours");
    expect(json).toContain("Chiffres clés");
    expect(json).toContain("*Questions posées*\\n42");
    expect(json).toContain("*Demandes encore ouvertes*\\n1");
    expect(h.fake!.turns.filter((t) => t.action?.id === "report").every((t) => t.audience === "agent")).toBe(true);
  });
});

describe("message shortcut", () => {
  it("answers privately about the chosen message", async () => {
    const channel = newChannel();
    const user = newUser();
    const url = h.slack.responseUrl();
    const mts = ts();
    const res = await postInteraction(h.baseUrl, {
      type: "message_action",
      callback_id: "ess_ask_message",
      trigger_id: "1.2.3",
      team: { id: "T0001", domain: "test" },
      user: { id: user, name: "someone", team_id: "T0001" },
      channel: { id: channel, name: "canal" },
      message: { type: "message", user: "UOTHER", ts: mts, text: "Qui peut répondre à l'appel à communs ?" },
      message_ts: mts,
      response_url: url,
      token: "legacy",
      action_ts: ts(),
    });
    expect(res.status).toBe(200);
    const answer = await waitFor(() => responses(url)[0], "shortcut answer");
    expect(answer.args.response_type).toBe("ephemeral");
    expect(allText(answer.args.blocks)).toContain("Sources");
    expect(h.fake!.turns.find((t) => t.conversationId === channel)).toMatchObject({ threadId: mts, text: "Qui peut répondre à l'appel à communs ?" });
  });
});

describe("buttons and modals", () => {
  it("stores a 👍 rating joined to the interaction", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Une question à noter");
    const up = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:rate-up")!;
    const res = await postInteraction(
      h.baseUrl,
      blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: up.action_id, value: up.value }),
    );
    expect(res.status).toBe(200);
    const rating = await waitFor(async () => (await h.storage.reportData({})).ratings.find((r) => r.interactionId === up.value), "rating");
    expect(rating.value).toBe("up");
    const thanks = await waitFor(() => ephemerals(channel)[0], "thanks");
    expect(thanks.args.user).toBe(user);
    expect(thanks.args.thread_ts).toBe(eventTs);
  });

  it("finds the interaction from the message when the button carries no value", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Une autre question à noter");
    const interactionId = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:rate-up")!.value;
    await postInteraction(h.baseUrl, blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: "ess:action:rate-up" }));
    await waitFor(async () => (await h.storage.reportData({})).ratings.find((r) => r.interactionId === interactionId), "rating by message");
  });

  it("asks for a comment on 👎 and stores it (or stores the 👎 alone when the modal is closed)", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Une réponse décevante");
    const down = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:rate-down")!;
    const before = h.slack.ok("views.open").length;
    await postInteraction(
      h.baseUrl,
      blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: down.action_id, value: down.value }),
    );
    const open = await waitFor(() => h.slack.ok("views.open")[before], "comment modal");
    const view = open.args.view;
    expect(view.callback_id).toBe("ess_rating_comment");
    expect((await h.storage.reportData({})).ratings.find((r) => r.interactionId === down.value)).toBeUndefined();

    const res = await postInteraction(
      h.baseUrl,
      viewSubmission({
        user,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { comment: { value: { type: "plain_text_input", value: "Il manque les dates" } } },
      }),
    );
    expect(res.status).toBe(200);
    const rating = await waitFor(async () => (await h.storage.reportData({})).ratings.find((r) => r.interactionId === down.value), "down rating");
    expect(rating).toMatchObject({ value: "down", comment: "Il manque les dates" });

    // Closing the modal instead: the 👎 is stored without a comment.
    const second = await mention(channel, user, "Encore une réponse décevante");
    const down2 = buttons(second.call.args.blocks).find((b) => b.action_id === "ess:action:rate-down")!;
    await postInteraction(
      h.baseUrl,
      viewSubmission({
        type: "view_closed",
        user,
        callbackId: "ess_rating_comment",
        privateMetadata: JSON.stringify({ c: channel, i: down2.value }),
        values: {},
      }),
    );
    const r2 = await waitFor(async () => (await h.storage.reportData({})).ratings.find((r) => r.interactionId === down2.value), "closed down rating");
    expect(r2.comment).toBeUndefined();
  });

  it("eligibility: modal opened, validation errors returned in the modal, verdicts posted back", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Suis-je éligible ?");
    const before = h.slack.ok("views.open").length;
    await postInteraction(
      h.baseUrl,
      blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: "ess:action:eligibility" }),
    );
    const view = (await waitFor(() => h.slack.ok("views.open")[before], "eligibility modal")).args.view;
    expect(view.callback_id).toBe("ess_eligibility");
    const blockIds = view.blocks.map((b: any) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(["legalForm", "commune", "employees", "partnerStructures", "projectCost", "inQpv", "bankAccess"]));

    const bad = await postInteraction(
      h.baseUrl,
      viewSubmission({
        user,
        callbackId: "ess_eligibility",
        privateMetadata: view.private_metadata,
        values: { employees: { value: { type: "number_input", value: "-2" } }, partnerStructures: { value: { type: "number_input", value: "2,5" } } },
      }),
    );
    expect(bad.status).toBe(200);
    const errors = JSON.parse(bad.text);
    expect(errors.response_action).toBe("errors");
    expect(Object.keys(errors.errors).sort()).toEqual(["employees", "partnerStructures"]);
    expect(errors.errors.employees).toMatch(/négatif/);

    const unknownCommune = await postInteraction(
      h.baseUrl,
      viewSubmission({
        user,
        callbackId: "ess_eligibility",
        privateMetadata: view.private_metadata,
        values: { commune: { value: { type: "plain_text_input", value: "Atlantide-sur-Mer" } } },
      }),
    );
    expect(JSON.parse(unknownCommune.text)).toMatchObject({ response_action: "errors", errors: { commune: expect.stringContaining("commune") } });

    const turnsBefore = h.fake!.turns.length;
    const good = await postInteraction(
      h.baseUrl,
      viewSubmission({
        user,
        callbackId: "ess_eligibility",
        privateMetadata: view.private_metadata,
        values: {
          legalForm: { value: { type: "static_select", selected_option: { value: "association" } } },
          commune: { value: { type: "plain_text_input", value: "Alès" } },
          partnerStructures: { value: { type: "number_input", value: "3" } },
          inQpv: { value: { type: "radio_buttons", selected_option: { value: "false" } } },
          bankAccess: { value: { type: "radio_buttons", selected_option: { value: "unknown" } } },
        },
      }),
    );
    expect(good.status).toBe(200);
    expect(good.text).toBe("");
    // Porteur channel: the verdicts are private to the person, in the thread.
    const verdicts = await waitFor(() => ephemerals(channel).find((c) => String(c.args.text).includes("Éligible")), "verdicts");
    expect(verdicts.args.thread_ts).toBe(eventTs);
    expect(allText(verdicts.args.blocks)).toContain("À vérifier par une personne");
    // "Parler à une personne" on that private message stays in the same thread (same conversation for the core).
    const handoffButton = buttons(verdicts.args.blocks).find((b) => b.action_id === "ess:action:handoff")!;
    await postInteraction(
      h.baseUrl,
      blockAction({ user, channel, ephemeral: true, message: { ts: verdicts.response!.message_ts }, actionId: handoffButton.action_id }),
    );
    const handoffTurn = await waitFor(() => h.fake!.turns.find((t) => t.conversationId === channel && t.action?.id === "handoff"), "handoff turn");
    expect(handoffTurn.threadId).toBe(eventTs);

    const turn = h.fake!.turns.slice(turnsBefore).find((t) => t.form)!;
    expect(turn.form).toEqual({ kind: "eligibility", values: { legalForm: "association", commune: "Alès", partnerStructures: 3, inQpv: false } });
    expect(turn).toMatchObject({ conversationId: channel, threadId: eventTs });
  });

  it("eligibility in an agents' channel posts the verdicts in the thread", async () => {
    const user = newUser();
    const { call, eventTs } = await mention(AGENT_CHANNEL, user, "Éligibilité d'un porteur ?");
    const before = h.slack.ok("views.open").length;
    await postInteraction(
      h.baseUrl,
      blockAction({ user, channel: AGENT_CHANNEL, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: "ess:action:eligibility" }),
    );
    const view = (await waitFor(() => h.slack.ok("views.open")[before], "modal")).args.view;
    await postInteraction(
      h.baseUrl,
      viewSubmission({
        user,
        callbackId: "ess_eligibility",
        privateMetadata: view.private_metadata,
        values: { partnerStructures: { value: { type: "number_input", value: "1" } } },
      }),
    );
    const verdicts = await waitFor(() => posts(AGENT_CHANNEL).find((c) => String(c.args.text).includes("Non éligible")), "verdicts in thread");
    expect(verdicts.args.thread_ts).toBe(eventTs);
  });

  it("friction: modal pre-filled with the process, errors in the modal, report stored", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Le dépôt est compliqué");
    const friction = buttons(call.args.blocks).find((b) => b.action_id === "ess:action:friction")!;
    const before = h.slack.ok("views.open").length;
    await postInteraction(
      h.baseUrl,
      blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: friction.action_id, value: friction.value }),
    );
    const view = (await waitFor(() => h.slack.ok("views.open")[before], "friction modal")).args.view;
    expect(view.callback_id).toBe("ess_friction");
    expect(view.blocks.find((b: any) => b.block_id === "process").element.initial_option.value).toBe("appel-a-communs");

    const sel = (v: string) => ({ value: { type: "static_select", selected_option: { value: v } } });
    const txt = (v: string) => ({ value: { type: "plain_text_input", value: v } });
    const radio = (v: string) => ({ value: { type: "radio_buttons", selected_option: { value: v } } });
    const complete = {
      step: sel("depot"),
      blocker: sel("outil-numerique"),
      process: sel("appel-a-communs"),
      commune: txt("Nîmes"),
      description: txt("La plateforme refuse mon fichier."),
      severity: radio("2"),
      contactOk: radio("false"),
    };
    const { description: _d, ...missing } = complete;
    const bad = await postInteraction(h.baseUrl, viewSubmission({ user, callbackId: "ess_friction", privateMetadata: view.private_metadata, values: missing }));
    expect(JSON.parse(bad.text)).toMatchObject({ response_action: "errors", errors: { description: expect.stringContaining("Décrivez") } });

    await postInteraction(h.baseUrl, viewSubmission({ user, callbackId: "ess_friction", privateMetadata: view.private_metadata, values: complete }));
    const stored = await waitFor(
      async () => (await h.storage.reportData({})).frictions.find((f) => f.commune === "Nîmes" && f.description.includes("plateforme")),
      "friction stored",
    );
    expect(stored).toMatchObject({ step: "depot", blocker: "outil-numerique", process: "appel-a-communs", severity: 2, contactOk: false, channel: "slack" });
    await waitFor(() => ephemerals(channel).find((c) => String(c.args.text).includes("signalement est enregistré")), "friction confirmation");
  });

  it("'Parler à une personne': summary posted to the process's channel, resolved with 'Marquer comme traité'", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Je voudrais parler à quelqu'un");
    const before = posts(HANDOFF_CHANNEL).length;
    await postInteraction(h.baseUrl, blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: "ess:action:handoff" }));
    const notice = await waitFor(() => posts(HANDOFF_CHANNEL)[before], "handoff notice");
    const json = allText(notice.args.blocks);
    expect(json).toContain("Appel à communs");
    expect(json).toContain(`demandée par <@${user}>`);
    expect(json).toContain("*répondre à l'appel à communs*");
    expect(json).not.toContain("<!channel>"); // the question is escaped
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).toContain("voir la conversation");
    // The person is told who follows up (privately, in a porteur channel).
    const told = await waitFor(() => ephemerals(channel).find((c) => String(c.args.text).includes("transmise")), "told");
    expect(told.args.user).toBe(user);

    const resolve = buttons(notice.args.blocks).find((b) => b.text === "Marquer comme traité")!;
    const agent = newUser();
    await postInteraction(
      h.baseUrl,
      blockAction({ user: agent, channel: HANDOFF_CHANNEL, message: { ts: notice.response!.ts }, actionId: resolve.action_id, value: resolve.value }),
    );
    const update = await waitFor(() => h.slack.ok("chat.update").find((c) => c.args.ts === notice.response!.ts), "notice updated");
    expect(allText(update.args.blocks)).toContain(`Traitée* par <@${agent}>`);
    expect(buttons(update.args.blocks)).toHaveLength(0);
    expect((await h.storage.getHandoff(resolve.value!))?.status).toBe("resolved");
  });

  it("questionnaire options are buttons that answer for the person", async () => {
    const channel = newChannel();
    const user = newUser();
    const { call, eventTs } = await mention(channel, user, "Quelle forme pour ma structure ?");
    const options = buttons(call.args.blocks).filter((b) => b.action_id.startsWith("ess:option:"));
    expect(options.map((o) => o.text)).toEqual(["Association", "SCOP"]);
    await postInteraction(
      h.baseUrl,
      blockAction({ user, channel, message: { ts: call.response!.ts, thread_ts: eventTs }, actionId: options[1]!.action_id, value: options[1]!.value }),
    );
    await waitFor(() => h.fake!.turns.find((t) => t.conversationId === channel && t.text === "scop"), "option turn");
    const t = h.fake!.turns.find((x) => x.text === "scop")!;
    expect(t.threadId).toBe(eventTs);
  });
});

describe("reliability and security", () => {
  it("rejects a forged signature and a stale one (401) and posts nothing", async () => {
    const channel = newChannel();
    const payload = eventEnvelope({ type: "app_mention", user: newUser(), text: "<@UBOT> bonjour", ts: ts(), channel });
    const forged = await postEvent(h.baseUrl, payload, { secret: "not-the-secret" });
    expect(forged.status).toBe(401);
    const stale = await postEvent(h.baseUrl, payload, { ts: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const missing = await fetch(`${h.baseUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    expect(missing.status).toBe(401);
    const cmd = await postForm(h.baseUrl, slashCommand({ user: newUser(), channel, text: "bonjour", responseUrl: h.slack.responseUrl() }), {
      signature: "v0=deadbeef",
    });
    expect(cmd.status).toBe(401);
    await h.channel.idle();
    expect(posts(channel)).toHaveLength(0);
    expect(h.fake!.turns.some((t) => t.conversationId === channel)).toBe(false);
  });

  it("rejects a signed request timestamped more than 5 minutes in the future (401) and posts nothing", async () => {
    const channel = newChannel();
    const payload = eventEnvelope({ type: "app_mention", user: newUser(), text: "<@UBOT> bonjour", ts: ts(), channel });
    const now = Math.floor(Date.now() / 1000);
    for (const future of [now + 10 * 60, now + 5 * 60 + 30, now + 86_400]) {
      const res = await postEvent(h.baseUrl, payload, { ts: future }); // correctly signed, with that timestamp
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text).error).toMatch(/horodatage/);
    }
    await h.channel.idle();
    expect(posts(channel)).toHaveLength(0);
    // A small clock difference is fine: a request one minute ahead is answered.
    const ok = await postEvent(h.baseUrl, { type: "url_verification", token: "legacy", challenge: "skew-ok" }, { ts: now + 60 });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("skew-ok");
  });

  it("answers the URL verification challenge", async () => {
    const res = await postEvent(h.baseUrl, { type: "url_verification", token: "legacy", challenge: "abc123" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("abc123");
  });

  it("answers once when the same event is delivered three times (retries included)", async () => {
    const channel = newChannel();
    const eventTs = ts();
    const payload = eventEnvelope({ type: "app_mention", user: newUser(), text: "<@UBOT> une seule réponse", ts: eventTs, channel });
    const results = await Promise.all([
      postEvent(h.baseUrl, payload),
      postEvent(h.baseUrl, payload, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } }),
      postEvent(h.baseUrl, payload, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitFor(() => posts(channel)[0], "the answer");
    await h.channel.idle();
    expect(posts(channel)).toHaveLength(1);
    expect(h.fake!.turns.filter((t) => t.conversationId === channel)).toHaveLength(1);
  });

  it("keeps an over-long answer within Slack's limits", async () => {
    const channel = newChannel();
    const { call } = await mention(channel, newUser(), "Une réponse très long");
    const blocks = call.args.blocks as any[];
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const b of blocks) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
      for (const e of b.elements ?? []) {
        if (e.type === "button") {
          expect(e.text.text.length).toBeLessThanOrEqual(75);
          expect((e.value ?? "").length).toBeLessThanOrEqual(2000);
        }
        if (e.text && typeof e.text === "string") expect(e.text.length).toBeLessThanOrEqual(3000);
      }
    }
    expect(String(call.args.text).length).toBeLessThanOrEqual(40000);
    expect(allText(blocks)).toContain("…");
    // Actions survive the truncation.
    expect(buttons(blocks).map((b) => b.text)).toContain("Parler à une personne");
  });

  it("escapes mrkdwn injection from the person and from the knowledge", async () => {
    const channel = newChannel();
    // Slack sends typed "<" as "&lt;"; real mentions/links arrive as markup.
    const { call } = await mention(
      channel,
      newUser(),
      "inject &lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; <!here> <@U777> <http://evil.example|clic>",
    );
    const payload = allText(call.args.blocks) + String(call.args.text);
    for (const bad of ["<!channel>", "<!here>", "<@U123>", "<@U777>", "<@U999", "<http://evil", "javascript:"]) expect(payload).not.toContain(bad);
    // Only our own links remain as Slack markup.
    const markup = payload.match(/<[^ >]+/g) ?? [];
    expect(markup.every((m) => m.startsWith("<https://gard-centrale.gard.fr"))).toBe(true);
    expect(payload).toContain("&lt;!channel&gt;");
    expect(payload).toContain("Titre &lt;!here&gt; &amp; &lt;@U999|admin&gt;");
  });

  it("retries a Web API call answered 429", async () => {
    const channel = newChannel();
    h.slack.failNext("chat.postMessage", 429, { "retry-after": "0" });
    const { call } = await mention(channel, newUser(), "Question pendant une limite de débit");
    const attempts = h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === channel);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(call.status).toBe(200);
  });

  it("apologises and offers a person when the core fails or returns an invalid reply", async () => {
    for (const q of ["boom", "réponse invalide"]) {
      const channel = newChannel();
      const { call } = await mention(channel, newUser(), q);
      const json = allText(call.args.blocks);
      expect(json).toContain("Désolé");
      expect(json).toContain("<https://www.gard.fr/|Site du Département du Gard>");
      expect(buttons(call.args.blocks).map((b) => b.text)).toContain("Parler à une personne");
    }
  });

  it("acknowledges before the core has answered", async () => {
    const slow = await startHarness({ delayMs: 1500 });
    try {
      const channel = newChannel();
      const started = Date.now();
      const res = await postEvent(slow.baseUrl, eventEnvelope({ type: "app_mention", user: newUser(), text: "<@UBOT> lent", ts: ts(), channel }));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(slow.slack.ok("chat.postMessage").filter((c) => c.args.channel === channel)).toHaveLength(0);
      const answer = await waitFor(() => slow.slack.ok("chat.postMessage").find((c) => c.args.channel === channel), "late answer");
      // A slow answer shows « réfléchit… » in its thread first (past the default 300 ms).
      const status = slow.slack.ok("assistant.threads.setStatus").filter((c) => c.args.channel_id === channel);
      expect(status.map((c) => c.args.status)).toEqual(["réfléchit…"]);
      expect(slow.slack.calls.indexOf(status[0]!)).toBeLessThan(slow.slack.calls.indexOf(answer));
    } finally {
      await slow.close();
    }
  });

  it("shows no status for an answer quicker than the status delay, and goes straight to the answer", async () => {
    const quick = await startHarness({ statusDelayMs: 10_000 });
    try {
      const channel = newChannel();
      await postEvent(quick.baseUrl, eventEnvelope({ type: "app_mention", user: newUser(), text: "<@UBOT> Que finance le Département ?", ts: ts(), channel }));
      await waitFor(() => quick.slack.ok("chat.postMessage").find((c) => c.args.channel === channel), "answer");
      await quick.channel.idle();
      expect(quick.slack.calls.filter((c) => c.method === "assistant.threads.setStatus")).toHaveLength(0);
    } finally {
      await quick.close();
    }
  });
});
