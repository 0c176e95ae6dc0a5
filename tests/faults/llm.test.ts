/**
 * Faults of the language model: an OpenAI-compatible endpoint that hangs, and
 * one that answers 500. The service still acknowledges Slack at once, and the
 * answer posted afterwards is exactly the offline one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReply } from "../../src/channels/slack/render.js";
import { Reply } from "../../src/domain/reply.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { postJson, startService, testConfig } from "../server/helpers.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { appMention, postSignedEvent, SIGNING_SECRET, waitFor } from "../support/slack-requests.js";
import { dataDir, startFakeLlm, type FakeLlm } from "./helpers.js";

const QUESTION = "Pourriez-vous m'indiquer la date à laquelle l'assemblée départementale du Gard a adopté son schéma de l'économie sociale et solidaire ?";
const LLM_TIMEOUT_MS = 1000;

let tmp: ReturnType<typeof dataDir>;
let offline: Runtime;
let expected: Reply;

beforeAll(async () => {
  tmp = dataDir("relais-faults-llm-");
  const storage = new MemoryStorage();
  await storage.migrate();
  offline = await createRuntime({ config: testConfig(tmp.dir), storage, llm: null });
  expected = await offline.assistant.ask(QUESTION);
}, 180_000);
afterAll(async () => {
  await offline?.close();
  tmp?.remove();
});

/** The parts of a rendered Slack message that do not depend on ids. */
function visible(msg: { text?: string; blocks?: unknown[] }) {
  const texts = (msg.blocks ?? [])
    .filter((b) => (b as { type: string }).type === "section" || (b as { type: string }).type === "context")
    .map((b) => JSON.stringify((b as { text?: unknown; elements?: unknown }).text ?? (b as { elements?: unknown }).elements));
  return { text: msg.text, texts };
}

describe.each(["hang", "500"] as const)("LLM endpoint that %s", (mode) => {
  let llm: FakeLlm;
  let slack: FakeSlack;
  let runtime: Runtime;
  let svc: Awaited<ReturnType<typeof startService>>;

  beforeAll(async () => {
    llm = await startFakeLlm(mode);
    slack = await startFakeSlack();
    const config = testConfig(tmp.dir, {
      LLM_MODEL: "fake-model",
      OPENAI_BASE_URL: llm.baseURL,
      OPENAI_API_KEY: "sk-fake",
      LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
    });
    expect(config.llm.baseURL).toBe(llm.baseURL);
    const storage = new MemoryStorage();
    await storage.migrate();
    runtime = await createRuntime({ config, storage });
    expect(runtime.llm).not.toBeNull();
    svc = await startService({ runtime, config });
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await runtime?.close();
    await slack?.close();
    await llm?.close();
  });

  it("acknowledges a Slack mention within 3 s and posts the offline answer", async () => {
    expect(expected.type).toBe("answer");
    const callsBefore = llm.calls;
    const ack = await postSignedEvent(svc.url, appMention(QUESTION));
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3000);

    const [posted] = await waitFor(
      () => {
        const ok = slack.ok("chat.postMessage");
        return ok.length ? ok : null;
      },
      "the answer posted to Slack",
      4 * LLM_TIMEOUT_MS + 15_000,
    );
    // The model was really tried (and failed) before the offline answer went out.
    expect(llm.calls).toBeGreaterThan(callsBefore);
    expect(visible(posted!.args)).toEqual(visible(renderReply(expected)));
    expect(posted!.args.thread_ts).toBeDefined();
    // Nothing else was posted (no apology, no second answer).
    await svc.service.channels.slack!.idle(5000);
    expect(slack.ok("chat.postMessage")).toHaveLength(1);
  }, 60_000);

  it("answers /api/ask with the offline answer", async () => {
    const t0 = Date.now();
    const res = await postJson(`${svc.url}/api/ask`, { question: QUESTION });
    expect(res.status).toBe(200);
    const reply = Reply.parse(await res.json());
    expect(reply.type).toBe("answer");
    expect(reply.text).toBe(expected.text);
    expect(reply.sources.map((s) => s.chunkId)).toEqual(expected.sources.map((s) => s.chunkId));
    expect(reply.route?.process).toBe(expected.route?.process);
    // Bounded by the model's timeout (routing + generation), never by the hang itself.
    expect(Date.now() - t0).toBeLessThan(2 * LLM_TIMEOUT_MS + 8000);
  }, 60_000);
});
