/**
 * The Slack channel on the real core (createRuntime: bundled knowledge,
 * offline answers, memory storage): a mention answered with sources and
 * actions, a 👍 stored and joined to the interaction, the eligibility modal's
 * verdicts, and a handoff posted to the configured channel then resolved.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { AGENT_CHANNEL, HANDOFF_TARGETS, startHarness, type Harness } from "./harness.js";
import { buttonsOf, clickButton, eventEnvelope, postEvent, postForm, postInteraction, slackTs, uid, waitFor } from "../support/slack-requests.js";

let h: Harness;
let runtime: Runtime;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "slack-real-core-"));
  const config = loadConfig(
    {
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      PSEUDONYM_SECRET: "test-pseudonym-secret-0123456789abcdef",
      LOG_LEVEL: "silent",
      PUBLIC_BASE_URL: "https://relais.example.fr",
    },
    { dotenv: false },
  );
  const storage = new MemoryStorage();
  runtime = await createRuntime({ config, storage, llm: null, handoffTargets: HANDOFF_TARGETS });
  h = await startHarness({ assistant: () => runtime.assistant, storage });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const ts = slackTs;
const buttons = buttonsOf;
const click = (user: string, channel: string, message: { ts: string; thread_ts?: string }, actionId: string, value?: string, blockId = "b") =>
  clickButton(h.baseUrl, { user, channel, message, button: { action_id: actionId, value, block_id: blockId }, responseUrl: h.slack.responseUrl() });

describe("Slack on the real core", () => {
  it("answers a mention with sources, stores a 👍, and hands off to the configured channel", async () => {
    const channel = uid("C");
    const user = uid("U");
    const eventTs = ts();
    await postEvent(
      h.baseUrl,
      eventEnvelope({ type: "app_mention", user, channel, ts: eventTs, text: "<@UBOT> Qui peut répondre à l'appel à communs du Département ?" }),
    );
    const answer = await waitFor(() => h.slack.ok("chat.postMessage").find((c) => c.args.channel === channel), "answer", 30_000);
    expect(answer.args.thread_ts).toBe(eventTs);
    // Offline answers arrive at once: no stream.
    expect(h.slack.calls.filter((c) => /^chat\.(start|append|stop)Stream$/.test(c.method))).toHaveLength(0);
    const json = JSON.stringify(answer.args.blocks);
    expect(json).toContain("*Sources*");
    expect(json).toMatch(/\[1\] /);
    const els = buttons(answer.args.blocks);
    const labels = els.map((e: any) => e.text.text);
    expect(labels).toEqual(expect.arrayContaining(["Parler à une personne"]));
    for (const l of labels) expect(l).toMatch(/\p{L}{2,}/u); // never an emoji alone

    const up = els.find((e: any) => e.action_id === "ess:action:rate-up");
    expect(up?.value).toBeTruthy();
    await click(user, channel, { ts: answer.response!.ts, thread_ts: eventTs }, up.action_id, up.value, up.block_id);
    await waitFor(async () => (await h.storage.reportData({})).ratings.find((r) => r.interactionId === up.value && r.value === "up"), "rating", 10_000);
    expect(await h.storage.findInteractionByMessage("slack", `${channel}:${answer.response!.ts}`)).toBe(up.value);

    const handoffPosts = () => h.slack.ok("chat.postMessage").filter((c) => ["CHANDOFF1", "CDEFAULT1"].includes(c.args.channel));
    const before = handoffPosts().length;
    const inThread = () => [...h.slack.ok("chat.postMessage"), ...h.slack.ok("chat.postEphemeral")].filter((c) => c.args.channel === channel);
    const seen = inThread().length;
    await click(user, channel, { ts: answer.response!.ts, thread_ts: eventTs }, "ess:action:handoff");
    // The assistant first asks how the person wants the answer: « Ici, dans cette conversation ».
    const ask = await waitFor(
      () =>
        inThread()
          .slice(seen)
          .find((c) => String(c.args.text).includes("Comment souhaitez-vous")),
      "reply-via question",
      10_000,
    );
    const here = buttons(ask.args.blocks).find((e: any) => e.text.text === "Ici, dans cette conversation");
    expect(here).toBeTruthy();
    await click(user, channel, { ts: ask.response!.ts ?? ask.response!.message_ts, thread_ts: eventTs }, here.action_id, here.value, here.block_id);
    const notice = await waitFor(() => handoffPosts()[before], "handoff notice", 10_000);
    const told = await waitFor(
      () => h.slack.ok("chat.postEphemeral").find((c) => c.args.channel === channel && String(c.args.text).includes("transmise")),
      "handoff reply",
      10_000,
    );
    expect(told.args.user).toBe(user);
    expect(String(told.args.text)).toContain("canal Slack");
    // The team's post: the person's questions, no raw values, a « Répondre » button.
    expect(JSON.stringify(notice.args.blocks)).toContain("Qui peut répondre à l'appel à communs du Département ?");
    expect(JSON.stringify(notice.args.blocks)).not.toMatch(/= (true|false)|aucune question posée/);
    const replyButton = buttons(notice.args.blocks).find((e: any) => e.action_id === "ess:handoff:reply");
    const agent = uid("U");
    const opened = h.slack.ok("views.open").length;
    await click(agent, notice.args.channel, { ts: notice.response!.ts }, replyButton.action_id, replyButton.value, replyButton.block_id);
    const modal = await waitFor(() => h.slack.ok("views.open")[opened], "reply modal", 10_000);
    expect(modal.args.view.callback_id).toBe("ess_handoff_reply");
    await postInteraction(h.baseUrl, {
      type: "view_submission",
      team: { id: "T0001", domain: "test" },
      user: { id: agent, name: "camille", team_id: "T0001" },
      api_app_id: "A0001",
      token: "legacy",
      trigger_id: "1.2.3",
      view: {
        id: "V1",
        team_id: "T0001",
        type: "modal",
        callback_id: "ess_handoff_reply",
        private_metadata: modal.args.view.private_metadata,
        state: { values: { reply: { value: { type: "plain_text_input", value: "Bonjour, l'appel à communs ouvre en mars." } } } },
        hash: "h",
      },
    });
    // The person receives the answer in the same thread; the team's post shows who answered.
    const delivered = await waitFor(
      () => h.slack.ok("chat.postMessage").find((c) => c.args.channel === channel && String(c.args.text).includes("ouvre en mars")),
      "answer delivered",
      10_000,
    );
    expect(delivered.args.thread_ts).toBe(eventTs);
    expect(String(delivered.args.text)).toContain("camille");
    const updated = await waitFor(
      () => h.slack.ok("chat.update").find((c) => c.args.ts === notice.response!.ts && JSON.stringify(c.args.blocks).includes("Répondu")),
      "post shows answered",
      10_000,
    );
    expect(buttons(updated.args.blocks).some((e: any) => e.action_id === "ess:handoff:reply")).toBe(false);
    const handoffId = replyButton.value as string;
    expect((await h.storage.getHandoff(handoffId))?.reply?.agent).toBe("camille");
    // A second agent is told it was already answered.
    const ephemerals = h.slack.ok("chat.postEphemeral").length;
    await click(uid("U"), notice.args.channel, { ts: notice.response!.ts }, replyButton.action_id, replyButton.value, replyButton.block_id);
    const told2 = await waitFor(
      () =>
        h.slack
          .ok("chat.postEphemeral")
          .slice(ephemerals)
          .find((c) => String(c.args.text).includes("déjà reçu une réponse")),
      "already answered",
      10_000,
    );
    expect(String(told2.args.text)).toContain("camille");
    const resolve = buttons(notice.args.blocks).find((e: any) => e.action_id === "ess:handoff:resolve");
    await click(uid("U"), notice.args.channel, { ts: notice.response!.ts }, resolve.action_id, resolve.value);
    await waitFor(() => h.slack.ok("chat.update").find((c) => c.args.ts === notice.response!.ts), "notice resolved", 10_000);
    expect((await h.storage.getHandoff(resolve.value))?.status).toBe("resolved");
  });

  it("completes an eligibility questionnaire by clicking the option buttons only", async () => {
    const channel = uid("D"); // a direct message: every step is a plain message in the thread
    const user = uid("U");
    const eventTs = ts();
    await postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "im", user, channel, ts: eventTs, text: "Je veux vérifier mon éligibilité" }));
    const inChannel = () => [...h.slack.ok("chat.postMessage"), ...h.slack.ok("chat.postEphemeral")].filter((c) => c.args.channel === channel);
    let seen = 0;
    let clicks = 0;
    for (;;) {
      const msg = await waitFor(() => inChannel()[seen], `step ${seen}`, 20_000);
      seen++;
      const text = `${msg.args.text} ${JSON.stringify(msg.args.blocks)}`;
      expect(text).not.toContain("Je n'ai pas compris");
      const options = buttons(msg.args.blocks ?? []).filter((e: any) => String(e.action_id).startsWith("ess:option:"));
      const question = String(msg.args.text);
      if (options.length === 0) {
        if (/^Résultat de la vérification d'éligibilité/m.test(question)) break;
        // Free-text questions (commune, numbers) cannot be clicked: they are typed.
        const typed = /commune/i.test(question) ? "Alès" : /salariés|structures/i.test(question) ? "3" : undefined;
        expect(typed, `unexpected step: ${question}`).toBeDefined();
        await postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "im", user, channel, ts: ts(), text: typed }));
        continue;
      }
      // Yes/no questions are answered "Non", choices by their first option.
      const choice = options.find((e: any) => e.text.text === "Non") ?? options[0];
      await click(user, channel, { ts: msg.response!.ts ?? msg.response!.message_ts }, choice.action_id, choice.value, choice.block_id);
      clicks++;
      expect(clicks).toBeLessThan(15);
    }
    expect(clicks).toBeGreaterThanOrEqual(2);
    const last = inChannel().at(-1)!;
    expect(JSON.stringify(last.args.blocks)).toMatch(/Non éligible|Éligible|À vérifier|Informations manquantes/);
  }, 60_000);

  it("opens the friction form within Slack's limits", async () => {
    const channel = uid("C");
    const user = uid("U");
    const before = h.slack.ok("views.open").length;
    await click(user, channel, { ts: ts() }, "ess:action:friction");
    const open = await waitFor(() => h.slack.calls.filter((c) => c.method === "views.open")[before], "views.open", 10_000);
    expect(open.response?.ok).toBe(true);
    expect(h.slack.rejected).toEqual([]);
  });

  it("posts eligibility verdicts from the modal", async () => {
    const channel = uid("C");
    const user = uid("U");
    const res = await postInteraction(h.baseUrl, {
      type: "view_submission",
      team: { id: "T0001" },
      user: { id: user, team_id: "T0001" },
      api_app_id: "A0001",
      token: "legacy",
      view: {
        id: "V1",
        type: "modal",
        callback_id: "ess_eligibility",
        private_metadata: JSON.stringify({ c: channel, t: ts(), a: "porteur" }),
        state: {
          values: {
            legalForm: { value: { type: "static_select", selected_option: { value: "association" } } },
            commune: { value: { type: "plain_text_input", value: "Alès" } },
            partnerStructures: { value: { type: "number_input", value: "1" } },
            employees: { value: { type: "number_input", value: "0" } },
          },
        },
      },
    });
    expect(res.status).toBe(200);
    const verdicts = await waitFor(() => h.slack.ok("chat.postEphemeral").find((c) => c.args.channel === channel), "verdicts", 10_000);
    expect(JSON.stringify(verdicts.args.blocks)).toMatch(/Non éligible|Éligible|À vérifier|Informations manquantes/);
  });

  it("/ess rapport gives an agent a short summary and the signed link to the web report, never a command line", async () => {
    const responseUrl = h.slack.responseUrl();
    await postForm(h.baseUrl, {
      token: "legacy",
      team_id: "T0001",
      team_domain: "test",
      channel_id: AGENT_CHANNEL,
      channel_name: "agents",
      user_id: uid("U"),
      user_name: "agent",
      command: "/ess",
      text: "rapport",
      api_app_id: "A0001",
      response_url: responseUrl,
      trigger_id: `${Date.now()}.1.trigger`,
    });
    const report = await waitFor(
      () => h.slack.calls.find((c) => c.method === "response" && c.status === 200 && responseUrl.endsWith(c.path)),
      "report",
      10_000,
    );
    const json = JSON.stringify(report.args.blocks);
    expect(json).toContain("Rapport des 30 derniers jours");
    expect(json).toContain("Questions posées : ");
    expect(json).toContain("Satisfaction : ");
    expect(json).toContain("Mises en relation en attente : ");
    expect(json).toMatch(/<https:\/\/relais\.example\.fr\/report\?days=30&amp;expires=\d+&amp;sig=[\w-]{43}\|Ouvrir le rapport complet>/);
    expect(json).not.toMatch(/report --format|ligne de commande/);
    expect(h.slack.rejected).toEqual([]);
  });
});
