/**
 * A reply that arrives whole (an offline answer: no text streamed) is rendered
 * once, by the ordinary delivery: a thread prepares a stream for a model's text,
 * but with no text there is nothing to render for it. The real Bolt receiver,
 * the fake core and the fake Web API; the renderer is counted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "./harness.js";
import { eventEnvelope, postEvent, slackTs, uid, waitFor } from "../support/slack-requests.js";

const renders = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/channels/slack/render.js", async (importOriginal) => {
  const mod = await importOriginal<typeof import("../../src/channels/slack/render.js")>();
  return {
    ...mod,
    renderReply: (...args: Parameters<typeof mod.renderReply>) => {
      renders.count++;
      return mod.renderReply(...args);
    },
  };
});

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("a reply that arrives whole", () => {
  it("is rendered once and posted once in the thread, with no stream", async () => {
    const channel = uid("C");
    const eventTs = slackTs();
    renders.count = 0;
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_mention", user: uid("U"), channel, ts: eventTs, text: "<@UBOT> C'est quoi l'appel à communs ?" }));
    const posted = await waitFor(() => h.slack.ok("chat.postMessage").find((c) => c.args.channel === channel), "answer", 20_000);
    await h.channel.idle();
    expect(posted.args.thread_ts).toBe(eventTs);
    expect(h.slack.ok("chat.postMessage").filter((c) => c.args.channel === channel)).toHaveLength(1);
    expect(h.slack.ok("chat.startStream").filter((c) => c.args.channel === channel)).toHaveLength(0);
    expect(renders.count).toBe(1);
  });
});
