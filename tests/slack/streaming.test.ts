/**
 * Answers written by a language model are streamed into Slack threads: the
 * real core with a scripted OpenAI-compatible model on loopback (streaming
 * its completion piece by piece), the real Bolt receiver and the fake Web
 * API, which checks chat.startStream / appendStream / stopStream. The final
 * blocks (sources, buttons) come with stopStream; a final text that differs
 * from the streamed one replaces the message; the Assistant panel gets its
 * suggested prompts refreshed from the answer's follow-ups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { startFakeOpenAI, tempDir, testConfig, type FakeOpenAI } from "../answer/helpers.js";
import { HANDOFF_TARGETS, startHarness, type Harness } from "./harness.js";
import { eventEnvelope, postEvent, postInteraction, uid, waitFor } from "../support/slack-requests.js";

const QUESTION = "Qu'est-ce que l'appel à communs lancé par le Département du Gard ?";

let h: Harness;
let runtime: Runtime;
let model: FakeOpenAI;
const tmp = tempDir("slack-stream-");

beforeAll(async () => {
  model = await startFakeOpenAI();
  // Pieces slower than the pace of appends (300 ms): the answer reaches Slack in several appends.
  model.chunkDelayMs = 120;
  const config = testConfig(tmp.dir);
  config.llm = { model: "fake", baseURL: model.baseURL, apiKey: "x", timeoutMs: 8000 };
  const storage = new MemoryStorage();
  runtime = await createRuntime({ config, storage, handoffTargets: HANDOFF_TARGETS });
  // The status at once: this file checks that it comes before the streamed answer.
  h = await startHarness({ assistant: () => runtime.assistant, storage, statusDelayMs: 0 });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  await model?.close();
  tmp.remove();
});

const ts = () => `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
const calls = (method: string, channel: string) => h.slack.ok(method).filter((c) => c.args.channel === channel || c.args.channel_id === channel);
/** Streamed markdown, in order: the start chunks, the appends, then what stopStream adds. */
function streamedText(channel: string): string {
  const pieces = (c: { args: Record<string, any> }) =>
    [c.args.markdown_text ?? "", ...(c.args.chunks ?? []).filter((x: any) => x.type === "markdown_text").map((x: any) => x.text)].join("");
  return ["chat.startStream", "chat.appendStream", "chat.stopStream"]
    .flatMap((m) => calls(m, channel))
    .map(pieces)
    .join("");
}
const buttons = (blocks: any[]) => blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => ({ ...e, block_id: b.block_id })));

describe("streaming a model's answer into Slack", () => {
  it("streams the answer in the thread, then adds sources and buttons when it stops", async () => {
    model.reply =
      "L'appel à communs du Département soutient des projets portés ensemble par plusieurs structures de l'économie sociale et solidaire du Gard, au service d'un besoin du territoire [1].";
    const channel = uid("C");
    const user = uid("U");
    const eventTs = ts();
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_mention", user, channel, ts: eventTs, event_ts: eventTs, text: `<@UBOT> ${QUESTION}` }));
    const stop = await waitFor(() => calls("chat.stopStream", channel)[0], "stopStream", 20_000);

    const [start] = calls("chat.startStream", channel);
    expect(start!.args).toMatchObject({ thread_ts: eventTs, recipient_user_id: user, recipient_team_id: "T0001" });
    expect(calls("chat.appendStream", channel).length).toBeGreaterThan(0);
    expect(stop.args.ts).toBe(start!.response!.ts);
    expect(streamedText(channel).startsWith(model.reply)).toBe(true);
    // The status came first; the answer was not posted a second time.
    expect(calls("assistant.threads.setStatus", channel)[0]?.args.status).toBe("réfléchit…");
    expect(calls("chat.postMessage", channel)).toHaveLength(0);

    const json = JSON.stringify(stop.args.blocks);
    expect(json).toContain("*Sources*");
    expect(json).toContain("Vers qui vous tourner");
    const labels = buttons(stop.args.blocks).map((b: any) => b.text.text);
    expect(labels).toEqual(expect.arrayContaining(["👍 Réponse utile", "👎 Réponse pas utile", "Parler à une personne"]));
    await h.channel.idle();
    expect(await h.storage.findInteractionByMessage("slack", `${channel}:${stop.args.ts}`)).toBeTruthy();
    // A chat stream never carries a mention Slack would parse.
    expect(streamedText(channel)).not.toMatch(/<[@!#]/);

    // The streamed message's buttons work like any other: a vote redraws it.
    const up = buttons(stop.args.blocks).find((b: any) => b.action_id === "ess:action:rate-up");
    await postInteraction(h.baseUrl, {
      type: "block_actions",
      user: { id: user, team_id: "T0001" },
      api_app_id: "A0001",
      token: "legacy",
      team: { id: "T0001", domain: "test" },
      trigger_id: "1.2.3",
      container: { type: "message", channel_id: channel, message_ts: stop.args.ts, thread_ts: eventTs, is_ephemeral: false },
      channel: { id: channel, name: "canal" },
      message: { type: "message", user: "UBOT", ts: stop.args.ts, thread_ts: eventTs, text: "…" },
      response_url: h.slack.responseUrl(),
      actions: [{ type: "button", action_id: up.action_id, block_id: up.block_id, value: up.value, action_ts: ts(), text: up.text }],
    });
    const redrawn = await waitFor(() => calls("chat.update", channel).find((c) => c.args.ts === stop.args.ts), "vote shown", 10_000);
    expect(JSON.stringify(redrawn.args.blocks)).toContain("Avis donné : réponse utile");
  }, 60_000);

  it("replaces the streamed message when the final text differs (a citation the core drops)", async () => {
    // [7] points to no passage: the core drops its sentence, after it was streamed.
    model.reply = "Le Département soutient l'économie sociale et solidaire du Gard par un appel à communs [1]. Il finance tous les projets sans condition [7].";
    const channel = uid("C");
    const eventTs = ts();
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_mention", user: uid("U"), channel, ts: eventTs, event_ts: eventTs, text: `<@UBOT> ${QUESTION}` }));
    const update = await waitFor(() => calls("chat.update", channel)[0], "message replaced", 20_000);
    const [start] = calls("chat.startStream", channel);
    expect(update.args.ts).toBe(start!.response!.ts);
    const text = JSON.stringify(update.args.blocks);
    expect(text).toContain("Le Département soutient l'économie sociale et solidaire du Gard par un appel à communs [1].");
    expect(text).not.toContain("sans condition");
    expect(text).not.toContain("[2]");
    expect(text).toContain("*Sources*");
  }, 60_000);

  it("streams in the Assistant panel and refreshes the suggested prompts from the answer's follow-ups", async () => {
    model.reply = "L'appel à communs réunit plusieurs structures de l'ESS autour d'un projet utile au territoire gardois [1].";
    const dm = uid("D");
    const user = uid("U");
    const threadTs = ts();
    await postEvent(
      h.baseUrl,
      eventEnvelope({
        type: "assistant_thread_started",
        assistant_thread: { user_id: user, context: {}, channel_id: dm, thread_ts: threadTs },
        event_ts: ts(),
      }),
    );
    await waitFor(() => calls("assistant.threads.setSuggestedPrompts", dm)[0], "first prompts");
    const mts = ts();
    await postEvent(
      h.baseUrl,
      eventEnvelope({ type: "message", channel_type: "im", channel: dm, user, text: QUESTION, ts: mts, thread_ts: threadTs, event_ts: mts }),
    );
    await waitFor(() => calls("chat.stopStream", dm)[0], "stopStream", 20_000);
    // In a direct message, no recipient is needed.
    expect(calls("chat.startStream", dm)[0]!.args.recipient_user_id).toBeUndefined();
    const refreshed = await waitFor(() => calls("assistant.threads.setSuggestedPrompts", dm)[1], "prompts refreshed", 10_000);
    const prompts = refreshed.args.prompts as { title: string; message: string }[];
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const p of prompts) {
      expect(p.title.length).toBeLessThanOrEqual(75);
      expect(p.message.endsWith("?")).toBe(true);
    }
    expect(new Set(prompts.map((p) => p.title)).size).toBe(prompts.length);
  }, 60_000);
});
