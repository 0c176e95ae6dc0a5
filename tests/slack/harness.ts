/** Boots the real Bolt receiver on loopback with a fake Slack Web API. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { Assistant, HandoffTargets } from "../../src/conversation/types.js";
import { createSlackChannel, type SlackChannel } from "../../src/channels/slack/index.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";
import type { Audience } from "../../src/domain/ids.js";
import { APPEL_A_COMMUNS, FakeAssistant } from "../support/fake-assistant.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { SIGNING_SECRET } from "../support/slack-requests.js";

export const AGENT_CHANNEL = "CAGENTS01";
export const PORTEUR_CHANNEL = "CPORTEUR1";
export const HANDOFF_CHANNEL = "CHANDOFF1";
export const HANDOFF_TARGETS: HandoffTargets = { "appel-a-communs": { slack: HANDOFF_CHANNEL }, default: { slack: "CDEFAULT1" } };

export interface Harness {
  baseUrl: string;
  slack: FakeSlack;
  channel: SlackChannel;
  storage: Storage;
  assistant: Assistant;
  fake?: FakeAssistant;
  /** Log lines at warn level and above (JSON objects). */
  logs: Record<string, any>[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The core to use (default: the fake one on the harness's storage). */
  assistant?: (storage: Storage) => Assistant;
  storage?: Storage;
  /** Secret of the channel's pseudonymous person keys (the service passes PSEUDONYM_SECRET). */
  pseudonymSecret?: string;
  audienceMap?: Record<string, Audience>;
  delayMs?: number;
  /** The test sends over-limit payloads on purpose: do not fail `close()` on them. */
  allowRejected?: boolean;
  /** Timeout of one core call, ms. */
  coreTimeoutMs?: number;
  /** How long an answer may take before the thread shows a status, ms (default: the channel's, 300). */
  statusDelayMs?: number;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const slack = await startFakeSlack();
  const storage = o.storage ?? new MemoryStorage();
  await storage.migrate();
  const fake = o.assistant ? undefined : new FakeAssistant({ storage, script: APPEL_A_COMMUNS, handoffTargets: HANDOFF_TARGETS, delayMs: o.delayMs });
  const assistant = o.assistant ? o.assistant(storage) : fake!;
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const channel = createSlackChannel({
    assistant,
    storage,
    signingSecret: SIGNING_SECRET,
    botToken: "xoxb-test-token",
    apiUrl: slack.apiUrl,
    audienceMap: o.audienceMap ?? { [AGENT_CHANNEL]: "agent" },
    handoffTargets: HANDOFF_TARGETS,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "warn" }, sink),
    coreTimeoutMs: o.coreTimeoutMs,
    statusDelayMs: o.statusDelayMs,
    pseudonymSecret: o.pseudonymSecret,
    retryConfig: { retries: 3, factor: 2, minTimeout: 50, maxTimeout: 500, randomize: false },
  });
  assistant.registerNotifier(channel.notifier);
  const app = express();
  app.use(channel.router);
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    slack,
    channel,
    storage,
    assistant,
    fake,
    logs,
    async close() {
      await channel.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await slack.close();
      if (!o.allowRejected && slack.rejected.length)
        throw new Error(`Slack would refuse ${slack.rejected.length} payload(s): ${JSON.stringify(slack.rejected.slice(0, 3))}`);
    },
  };
}
