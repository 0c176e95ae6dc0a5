/**
 * Hostile input through the whole core (one in-memory runtime, offline):
 * questions, button presses and form submissions never throw, always give a
 * reply valid under the Reply schema, and neither renderer lets user text
 * become Slack or Adaptive Card markup.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReply as renderSlack } from "../../src/channels/slack/render.js";
import { renderReply as renderTeams } from "../../src/channels/teams/render.js";
import { Channel } from "../../src/domain/ids.js";
import { ActionId, Reply } from "../../src/domain/reply.js";
import type { Runtime } from "../../src/runtime.js";
import { testConfig, testRuntime } from "../server/helpers.js";
import { dataDir } from "../faults/helpers.js";
import { assertSlackSafe, assertTeamsSafe, hostileText, knowledgeHosts, markedText } from "./hostile.js";

/** Runs per property (see the README of this folder: ≥ 10 000 in total with renderers.test.ts). */
export const CORE_RUNS = { ask: Number(process.env.PROP_RUNS_ASK ?? 1500), turn: Number(process.env.PROP_RUNS_TURN ?? 1500) };

let tmp: ReturnType<typeof dataDir>;
let runtime: Runtime;
let trusted: (url: string) => boolean;

beforeAll(async () => {
  tmp = dataDir("relais-property-core-");
  runtime = await testRuntime(testConfig(tmp.dir));
  const hosts = knowledgeHosts();
  expect(hosts.size).toBeGreaterThan(3);
  trusted = (url) => {
    try {
      const u = new URL(url);
      return (u.protocol === "https:" || u.protocol === "http:") && hosts.has(u.hostname);
    } catch {
      return false;
    }
  };
}, 180_000);
afterAll(async () => {
  await runtime?.close();
  tmp?.remove();
});

function checkRenders(reply: Reply) {
  assertSlackSafe(renderSlack(reply), trusted);
  assertTeamsSafe(renderTeams(reply) as Record<string, unknown>, trusted);
}

describe("core under hostile input", () => {
  it("ask(): never throws, valid reply, safe renders", async () => {
    await fc.assert(
      fc.asyncProperty(markedText(1), fc.constantFrom("porteur", "agent" as const), async (text, audience) => {
        const raw = await runtime.assistant.ask(text, { audience });
        const reply = Reply.parse(raw);
        expect(reply.text.length).toBeGreaterThan(0);
        checkRenders(reply);
      }),
      { numRuns: CORE_RUNS.ask },
    );
  }, 120_000);

  it("handle(): text, buttons and forms from any channel never throw, valid reply, safe renders", async () => {
    let conv = 0;
    const turn = fc.record({
      channel: fc.constantFrom(...Channel.options),
      audience: fc.constantFrom("porteur", "agent" as const),
      text: markedText(1),
      // Several turns share a conversation, so questionnaires in progress get hostile answers too.
      conversation: fc.integer({ min: 0, max: 40 }),
      action: fc.option(
        fc.record({
          id: fc.constantFrom(...ActionId.options),
          value: fc.option(markedText(0), { nil: undefined }),
          comment: fc.option(markedText(0), { nil: undefined }),
        }),
        { nil: undefined, freq: 4 },
      ),
      form: fc.option(
        fc.record({
          kind: fc.constantFrom("eligibility", "friction" as const),
          values: fc.dictionary(
            fc.oneof(
              fc.constantFrom(
                "commune",
                "legalForm",
                "employees",
                "description",
                "step",
                "blocker",
                "process",
                "severity",
                "contactOk",
                "__proto__",
                "constructor",
              ),
              fc.string({ maxLength: 12 }),
            ),
            fc.oneof(markedText(0), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
            { maxKeys: 8 },
          ),
        }),
        { nil: undefined, freq: 5 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(turn, async (t) => {
        conv++;
        const raw = await runtime.assistant.handle({
          channel: t.channel,
          conversationId: `conv-${t.conversation}`,
          userId: `user-${t.conversation % 7}`,
          audience: t.audience,
          text: t.text,
          action: t.action,
          form: t.form,
        });
        const reply = Reply.parse(raw);
        checkRenders(reply);
      }),
      { numRuns: CORE_RUNS.turn },
    );
    expect(conv).toBe(CORE_RUNS.turn);
  }, 120_000);
});
