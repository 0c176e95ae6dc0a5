/**
 * The real OpenAI-compatible path: createRuntime builds ChatOpenAI from config.llm and
 * talks to a fake server on 127.0.0.1. A completion citing [1] is used; a 500 or a
 * server that never answers gives the offline answer (within the configured timeout).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/domain/reply.js";
import { expectGroundedAnswer, startFakeOpenAI, tempDir, testConfig, testRuntime, type FakeOpenAI, type TestRuntime } from "./helpers.js";

const QUESTION = "Qu'est-ce que l'appel à communs lancé par le Département du Gard ?";
const TIMEOUT_MS = 300;

const tmp = tempDir("relais-openai-");
let server: FakeOpenAI;
let online: TestRuntime;
let offline: TestRuntime;
let offlineReply: Reply;

beforeAll(async () => {
  server = await startFakeOpenAI();
  online = await testRuntime({
    dataDir: tmp.dir,
    config: (dir) => {
      const config = testConfig(dir);
      config.llm = { model: "fake", baseURL: server.baseURL, apiKey: "x", timeoutMs: TIMEOUT_MS };
      return config;
    },
    // llm left undefined: the runtime builds the real ChatOpenAI from config.llm
  });
  offline = await testRuntime({ llm: null, dataDir: tmp.dir });
  offlineReply = await offline.runtime.answerer.ask(QUESTION);
}, 120_000);
afterAll(async () => {
  await online?.close();
  await offline?.close();
  await server?.close();
  tmp.remove();
});

const ask = () => online.runtime.answerer.ask(QUESTION, { audience: "porteur" });

function answerRequests() {
  return server.requests.filter((r) => {
    const body = r.body as { tools?: unknown; messages?: { role: string; content: string }[] } | null;
    return r.path === "/v1/chat/completions" && !body?.tools && (body?.messages?.[0]?.content ?? "").includes("JE_NE_SAIS_PAS");
  });
}

describe("ChatOpenAI against a fake OpenAI-compatible server", () => {
  it("the runtime built a real chat model from config.llm", () => {
    expect(online.runtime.llm).not.toBeNull();
    expect(online.runtime.llm!.constructor.name).toBe("ChatOpenAI");
    expectGroundedAnswer(offlineReply, "offline reference");
  });

  it("uses the completion of the server, with its citation checked", async () => {
    server.mode = "ok";
    server.reply = "L'appel à communs soutient des projets portés à plusieurs structures [1].";
    const before = answerRequests().length;
    const reply = await ask();
    expect(answerRequests().length).toBe(before + 1);
    const req = answerRequests().at(-1)!.body as { model: string; messages: { role: string; content: string }[] };
    expect(req.model).toBe("fake");
    expect(req.messages[0]!.role).toBe("system");
    expect(req.messages[0]!.content).toMatch(/^\[1\] /m);
    expect(req.messages.at(-1)).toEqual({ role: "user", content: QUESTION });
    expect(reply.text.startsWith(server.reply)).toBe(true);
    expect(reply.sources).toHaveLength(1);
    expectGroundedAnswer(reply, "fake server");
    expect(reply.text).not.toBe(offlineReply.text);
    // The model wrote this text: channels label it as AI-generated; the offline answer is not.
    expect(reply.generated).toBe(true);
    expect(offlineReply.generated).toBe(false);
  });

  it("streams the model's text to onToken as it arrives, the reply keeping the checked text", async () => {
    server.mode = "ok";
    server.reply = "L'appel à communs soutient des projets portés à plusieurs structures de l'ESS du Gard [1].";
    const deltas: string[] = [];
    const reply = await online.runtime.answerer.ask(QUESTION, { audience: "porteur", onToken: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(server.reply);
    expect(reply.text.startsWith(server.reply)).toBe(true);
    expect(reply.generated).toBe(true);
    const streamed = answerRequests().at(-1)!.body as { stream?: boolean };
    expect(streamed.stream).toBe(true);
  });

  it("a 500 from the server gives the offline answer", async () => {
    server.mode = "error";
    const reply = await ask();
    expect(reply.text).toBe(offlineReply.text);
    expect(reply.sources.map((s) => s.chunkId)).toEqual(offlineReply.sources.map((s) => s.chunkId));
    expect(reply.refused).toBe(false);
    expect(reply.generated).toBe(false);
  });

  it("a server that never answers gives the offline answer within the timeout", async () => {
    server.mode = "hang";
    const t0 = performance.now();
    const reply = await ask();
    const elapsed = performance.now() - t0;
    expect(reply.text).toBe(offlineReply.text);
    // one timeout for the answer, possibly one for a routing call before it
    expect(elapsed).toBeLessThan(2 * TIMEOUT_MS + 1_000);
  });

  it("recovers once the server answers again", async () => {
    server.mode = "ok";
    server.reply = "Le Département lance un appel à communs [1].";
    const reply = await ask();
    expect(reply.text.startsWith(server.reply)).toBe(true);
  });
});
