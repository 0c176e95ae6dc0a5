/**
 * `forget --user` erases what the Slack channel itself keeps about a person,
 * not only the core's records: the stored replies behind their buttons (with
 * the facts they show), button ownership, the latest question, and the
 * threads where they may talk without an @mention. Driven through the real
 * Bolt receiver on the real core, on a SQLite file, with the service's
 * PSEUDONYM_SECRET; the CLI command opens the same file as a second process would.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { personKey } from "../../src/privacy/pseudonym.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { createStorage } from "../../src/storage/index.js";
import { forgetOnFile, onDisk, stateRowsHolding } from "../support/erasure.js";
import type { Storage } from "../../src/storage/types.js";
import { HANDOFF_TARGETS, startHarness, type Harness } from "./harness.js";
import { buttonsOf, clickButton, eventEnvelope, postEvent, slackTs, uid, waitFor } from "../support/slack-requests.js";

const SECRET = "forget-slack-secret-0123456789abcdef";
let h: Harness;
let runtime: Runtime;
let storage: Storage;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "slack-forget-"));
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dir, PSEUDONYM_SECRET: SECRET, LOG_LEVEL: "silent" }, { dotenv: false });
  storage = await createStorage({ dataDir: dir });
  runtime = await createRuntime({ config, storage, llm: null, handoffTargets: HANDOFF_TARGETS });
  h = await startHarness({ assistant: () => runtime.assistant, storage, pseudonymSecret: SECRET });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A person mentions the bot in a channel, gets an answer in the thread, and votes on it. */
async function askAndVote(user: string, channel: string): Promise<void> {
  const eventTs = slackTs();
  await postEvent(
    h.baseUrl,
    eventEnvelope({ type: "app_mention", user, channel, ts: eventTs, text: "<@UBOT> Qui peut répondre à l'appel à communs du Département ?" }),
  );
  const answer = await waitFor(() => h.slack.ok("chat.postMessage").find((c) => c.args.channel === channel), "answer", 30_000);
  const up = buttonsOf(answer.args.blocks).find((e: any) => e.action_id === "ess:action:rate-up");
  expect(up?.block_id).toContain(`~u:${user}`);
  await clickButton(h.baseUrl, { user, channel, message: { ts: answer.response!.ts, thread_ts: eventTs }, button: up, responseUrl: h.slack.responseUrl() });
  await waitFor(async () => (await storage.reportData({})).ratings.find((r) => r.interactionId === up.value), "rating", 10_000);
  await h.channel.idle(10_000);
}

describe("Slack: forget --user erases the channel's own records of the person", () => {
  it("stored replies, button ownership and thread memory are gone; someone else's stay", async () => {
    const gone = uid("U");
    const kept = uid("U");
    await askAndVote(gone, uid("C"));
    await askAndVote(kept, uid("C"));

    const goneKey = personKey("slack", gone, SECRET);
    const keptKey = personKey("slack", kept, SECRET);
    const before = stateRowsHolding(dir, goneKey);
    // The check finds what it looks for: the message record (reply, vote) and the thread.
    expect(before.some((k) => k.startsWith("slack:msg:"))).toBe(true);
    expect(before.some((k) => k.startsWith("slack:thread:"))).toBe(true);
    const keptBefore = stateRowsHolding(dir, keptKey).length;
    expect(keptBefore).toBeGreaterThan(0);

    const out = await forgetOnFile(dir, SECRET, gone, "slack");
    expect(out).toMatch(/états de conversation : [1-9]/);

    expect(stateRowsHolding(dir, goneKey)).toEqual([]);
    expect(stateRowsHolding(dir, keptKey)).toHaveLength(keptBefore);
    // Nor is the key anywhere in the files (the erased pages are overwritten).
    expect(onDisk(dir, goneKey)).toBe(false);
  }, 90_000);
});
