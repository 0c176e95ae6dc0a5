/**
 * Teams streaming in personal chats: the real core with a scripted
 * OpenAI-compatible model on loopback (streaming its completion), the real
 * CloudAdapter and a fake Bot Connector. An informative update, streaming
 * updates repeating all the text so far, then the final message with the
 * stream id, the AI label, citations and the feedback loop. Group chats and
 * offline answers are not streamed.
 */
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { createTeamsChannel } from "../../src/channels/teams/index.js";
import { INFORMATIVE_TEXT } from "../../src/channels/teams/stream.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { startFakeOpenAI, tempDir, testConfig, type FakeOpenAI } from "../answer/helpers.js";
import { listen, personalMessage, startFakeConnector } from "../support/teams.js";

const QUESTION = "Qu'est-ce que l'appel à communs lancé par le Département du Gard ?";

let runtime: Runtime;
let model: FakeOpenAI;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: http.Server;
let base: string;
const tmp = tempDir("teams-stream-");

beforeAll(async () => {
  model = await startFakeOpenAI();
  model.chunkDelayMs = 120;
  const config = testConfig(tmp.dir);
  config.llm = { model: "fake", baseURL: model.baseURL, apiKey: "x", timeoutMs: 8000 };
  const storage = new MemoryStorage();
  runtime = await createRuntime({ config, storage });
  connector = await startFakeConnector();
  const channel = createTeamsChannel({
    assistant: runtime.assistant,
    storage,
    appId: "",
    nodeEnv: "test",
    logger: silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
    streamIntervalMs: 200,
  });
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => channel.handler(req as never, res as never));
  server = http.createServer(app);
  base = await listen(server);
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await connector?.close();
  await runtime?.close();
  await model?.close();
  tmp.remove();
});

async function post(activity: Record<string, unknown>) {
  const before = connector.requests.length;
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
  });
  expect(res.status).toBe(200);
  return connector.requests.slice(before);
}
const streamInfo = (body: any) => (body?.entities ?? []).find((e: any) => e.type === "streaminfo");

describe("Teams streaming", () => {
  it("streams a model's answer in a personal chat: informative, growing updates, then the final message", async () => {
    model.mode = "ok";
    model.reply =
      "L'appel à communs du Département soutient des projets portés ensemble par plusieurs structures de l'économie sociale et solidaire du Gard [1].";
    const calls = await post(personalMessage(QUESTION, { conversation: { id: "a:stream-1", conversationType: "personal" } }));
    const updates = calls.filter((c) => c.body?.type === "typing" && streamInfo(c.body));
    const [informative, ...streaming] = updates;
    expect(streamInfo(informative!.body)).toMatchObject({ streamType: "informative", streamSequence: 1 });
    expect(informative!.body.text).toBe(INFORMATIVE_TEXT);
    const streamId = informative!.responseId;
    expect(streaming.length).toBeGreaterThan(0);
    let previous = "";
    streaming.forEach((c, i) => {
      expect(streamInfo(c.body)).toEqual({ type: "streaminfo", streamId, streamType: "streaming", streamSequence: i + 2 });
      // Each update repeats all the text so far.
      expect(c.body.text.startsWith(previous)).toBe(true);
      previous = c.body.text;
    });
    expect(model.reply.startsWith(previous.replace(/\\/g, ""))).toBe(true);

    const final = calls.filter((c) => c.body?.type === "message").at(-1)!;
    expect(streamInfo(final.body)).toEqual({ type: "streaminfo", streamId, streamType: "final" });
    const message = final.body.entities.find((e: any) => e.type === "https://schema.org/Message");
    expect(message.additionalType).toEqual(["AIGeneratedContent"]);
    expect(message.citation.length).toBeGreaterThan(0);
    expect(final.body.channelData.feedbackLoop).toEqual({ type: "default" });
    expect(final.body.text.startsWith(model.reply)).toBe(true);
    expect(final.body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    // The feedback invoke may name the stream or the final message: both lead to the answer.
    expect(await runtime.storage.findInteractionByMessage("teams", streamId!)).toBeTruthy();
  }, 60_000);

  it("does not stream in a group chat (Teams streams in one-on-one chats only)", async () => {
    model.mode = "ok";
    const calls = await post(personalMessage(QUESTION, { conversation: { id: "19:group@thread.v2", conversationType: "groupChat", isGroup: true } }));
    expect(calls.filter((c) => streamInfo(c.body))).toHaveLength(0);
    expect(calls.map((c) => c.body?.type)).toEqual(["typing", "message"]);
    expect(calls[1]!.body.entities[0].additionalType).toEqual(["AIGeneratedContent"]);
  }, 60_000);

  it("sends an offline answer at once, without stream nor AI label", async () => {
    model.mode = "error";
    const calls = await post(personalMessage(QUESTION, { conversation: { id: "a:stream-2", conversationType: "personal" } }));
    expect(calls.filter((c) => streamInfo(c.body))).toHaveLength(0);
    expect(calls.map((c) => c.body?.type)).toEqual(["typing", "message"]);
    expect(calls[1]!.body.entities[0].additionalType).toBeUndefined();
  }, 60_000);
});
