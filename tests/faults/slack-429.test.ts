/**
 * The Slack Web API answers 429 (Retry-After: 1) to the first chat.postMessage,
 * then 200: the answer is retried after the delay Slack asked for, and posted
 * exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/runtime.js";
import { startService, testConfig, testRuntime } from "../server/helpers.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { appMention, postSignedEvent, SIGNING_SECRET, waitFor } from "../support/slack-requests.js";
import { dataDir } from "./helpers.js";

let tmp: ReturnType<typeof dataDir>;
let slack: FakeSlack;
let runtime: Runtime;
let svc: Awaited<ReturnType<typeof startService>>;

beforeAll(async () => {
  tmp = dataDir("relais-faults-429-");
  slack = await startFakeSlack();
  const config = testConfig(tmp.dir, { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: slack.apiUrl });
  runtime = await testRuntime(config);
  svc = await startService({ runtime, config });
}, 180_000);
afterAll(async () => {
  await svc?.close();
  await runtime?.close();
  await slack?.close();
  tmp?.remove();
});

describe("Slack Web API rate limit", () => {
  it("retries chat.postMessage after Retry-After and posts the answer once", async () => {
    slack.failNext("chat.postMessage", 429, { "retry-after": "1" });
    const ack = await postSignedEvent(svc.url, appMention("Qu'est-ce que l'appel à communs du Département du Gard ?"));
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3000);

    await waitFor(() => slack.ok("chat.postMessage").length === 1, "the retried answer", 20_000);
    await svc.service.channels.slack!.idle(10_000);
    // Give a duplicate a chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1500));

    const posts = slack.calls.filter((c) => c.method === "chat.postMessage");
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(slack.ok("chat.postMessage")).toHaveLength(1);
    // Same message both times (a retry, not a new answer).
    expect(posts[1]!.args.text).toBe(posts[0]!.args.text);
    expect(posts[1]!.args.thread_ts).toBe(posts[0]!.args.thread_ts);
    // No apology was posted instead.
    expect(slack.calls.filter((c) => c.method === "chat.postEphemeral")).toHaveLength(0);
  }, 60_000);

  it("waits at least the Retry-After delay between the 429 and the retry", async () => {
    const before = slack.calls.length;
    slack.failNext("chat.postMessage", 429, { "retry-after": "1" });
    const ack = await postSignedEvent(svc.url, appMention("Comment être accompagné par le DLA dans le Gard ?"));
    expect(ack.status).toBe(200);
    // Note when each attempt reaches the fake (polled every 5 ms).
    const seen: Record<number, number> = {};
    await waitFor(
      () => {
        for (const c of slack.calls.slice(before)) if (c.method === "chat.postMessage") seen[c.status] ??= Date.now();
        return seen[200] !== undefined;
      },
      "the retried answer",
      20_000,
      5,
    );
    const posts = slack.calls.slice(before).filter((c) => c.method === "chat.postMessage");
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(seen[200]! - seen[429]!).toBeGreaterThanOrEqual(900);
  }, 60_000);
});
