/**
 * Hostile text in every field of a Reply, rendered for Slack (Block Kit) and
 * Teams (message + Adaptive Card): rendering never throws, mentions and links
 * never come from the text, user text stays in text fields, and no
 * Action.OpenUrl points anywhere but the trusted URLs of the reply.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderFallback, renderReply as renderSlack } from "../../src/channels/slack/render.js";
import { renderReply as renderTeams } from "../../src/channels/teams/render.js";
import { DocKind, PROCESS_IDS } from "../../src/domain/ids.js";
import { ActionId, Reply, ReplyType, Verdict } from "../../src/domain/reply.js";
import { MARKER, assertSlackSafe, assertTeamsSafe, hostileText, markedText } from "./hostile.js";

/** Runs per property: with core.test.ts (3 000), ≥ 10 000 hostile inputs in total. */
export const RENDER_RUNS = { slack: Number(process.env.PROP_RUNS_SLACK ?? 3500), teams: Number(process.env.PROP_RUNS_TEAMS ?? 3500) };

/** URLs a reply may legitimately carry (knowledge documents, public contacts). */
const SAFE_URLS = [
  "https://www.gard.fr/",
  "https://www.gard.fr/au-quotidien/economie-sociale-et-solidaire",
  "https://www.francebenevolat.org/",
  "http://www.info-dla.fr/?a=1&b=2",
];
/** URL fields the renderers must drop. */
const BAD_URLS = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "pas une adresse", ""];
const isSafe = (url: string) => SAFE_URLS.some((s) => new URL(s).href === new URL(url).href);

const urlField = fc.option(fc.constantFrom(...SAFE_URLS, ...BAD_URLS), { nil: undefined });
// Knowledge-side text is trusted but may contain anything: hostile too, but without MARKER (to locate user text).
const kText = hostileText(0);
const uText = markedText(1);

const source = fc.record({
  n: fc.integer({ min: 1, max: 30 }),
  id: fc.string({ maxLength: 30 }),
  chunkId: fc.string({ maxLength: 30 }),
  title: kText,
  kind: fc.constantFrom(...DocKind.options),
  status: fc.constantFrom("confirmed", "reported" as const),
  section: fc.option(kText, { nil: undefined }),
  page: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  url: urlField,
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  excerpt: kText,
});

const reply = fc
  .record({
    type: fc.constantFrom(...ReplyType.options),
    text: uText,
    sources: fc.array(source, { maxLength: 8 }),
    refused: fc.boolean(),
    route: fc.option(
      fc.record({
        process: fc.constantFrom(...PROCESS_IDS),
        name: kText,
        operator: fc.option(kText, { nil: undefined }),
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        why: kText,
        contacts: fc.array(fc.record({ label: kText, url: urlField }), { maxLength: 4 }),
      }),
      { nil: null },
    ),
    followUps: fc.array(kText, { maxLength: 4 }),
    actions: fc.array(
      fc.record({ id: fc.constantFrom(...ActionId.options), label: kText, value: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }) }),
      { maxLength: 6 },
    ),
    eligibility: fc.option(
      fc.array(
        fc.record({
          process: fc.constantFrom(...PROCESS_IDS),
          verdict: fc.constantFrom(...Verdict.options),
          reasons: fc.array(fc.record({ condition: fc.string({ maxLength: 20 }), text: uText, met: fc.option(fc.boolean(), { nil: null }), source: kText }), {
            maxLength: 4,
          }),
          missing: fc.array(fc.record({ fact: fc.string({ maxLength: 20 }), question: uText }), { maxLength: 3 }),
          checker: fc.option(uText, { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
    handoff: fc.option(
      fc.record({
        id: fc.uuid(),
        process: fc.constantFrom(...PROCESS_IDS),
        status: fc.constantFrom("open", "resolved" as const),
        summary: uText,
        question: fc.option(uText, { nil: undefined }),
        facts: fc.dictionary(fc.string({ maxLength: 10 }), uText, { maxKeys: 3 }),
        sources: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        createdAt: fc.constant(new Date(0).toISOString()),
      }),
      { nil: undefined },
    ),
    prompt: fc.option(
      fc.record({
        field: fc.string({ maxLength: 20 }),
        question: uText,
        options: fc.option(fc.array(fc.record({ value: fc.string({ maxLength: 30 }), label: kText }), { maxLength: 8 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    interactionId: fc.option(fc.uuid(), { nil: undefined }),
  })
  .map((r) => Reply.parse(r));

describe("Slack renderer under hostile replies", () => {
  it("never lets reply text become mentions or links, and stays within Slack's limits", () => {
    fc.assert(
      fc.property(reply, fc.option(fc.uuid(), { nil: undefined }), fc.boolean(), (r, shareKey, interactive) => {
        const msg = renderSlack(r, { shareKey, interactive });
        assertSlackSafe(msg, isSafe);
        expect(msg.blocks.length).toBeLessThanOrEqual(50);
        expect(msg.text.length).toBeLessThanOrEqual(40_000);
        for (const b of msg.blocks as Array<{ type: string; text?: { text: string } }>)
          if (b.type === "section" && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
        expect(renderFallback(r)).toBe(msg.text);
      }),
      { numRuns: RENDER_RUNS.slack },
    );
  }, 120_000);
});

describe("Teams renderer under hostile replies", () => {
  it("keeps user text in TextRun/TextBlock text, never opens an untrusted URL, stays under the size budget", () => {
    fc.assert(
      fc.property(reply, (r) => {
        const activity = renderTeams(r) as Record<string, unknown>;
        assertTeamsSafe(activity, isSafe);
        expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(28_000);
      }),
      { numRuns: RENDER_RUNS.teams },
    );
  }, 120_000);
});

describe("the safety checks themselves", () => {
  it("catch what they are meant to catch", () => {
    const ok = { text: "Bonjour <https://www.gard.fr/|Gard>", blocks: [] };
    expect(() => assertSlackSafe(ok, isSafe)).not.toThrow();
    for (const bad of ["<!channel>", "<@U123>", "<#C123>", "<http://x|y>", "<https://www.gard.fr/>", "a < b"]) {
      expect(() => assertSlackSafe({ text: "x", blocks: [{ type: "section", text: { type: "mrkdwn", text: bad } }] }, isSafe), bad).toThrow();
    }
    const card = (el: unknown) => ({
      type: "message",
      text: "ok",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard", body: [el] } }],
    });
    expect(() => assertTeamsSafe(card({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: `a ${MARKER}` }] }), isSafe)).not.toThrow();
    expect(() => assertTeamsSafe(card({ type: "ActionSet", actions: [{ type: "Action.Submit", title: MARKER }] }), isSafe)).toThrow();
    expect(() => assertTeamsSafe(card({ type: "Input.ChoiceSet", choices: [{ title: MARKER, value: "x" }] }), isSafe)).toThrow();
    expect(() =>
      assertTeamsSafe(card({ type: "TextRun", text: "x", selectAction: { type: "Action.OpenUrl", url: "https://evil.example/" } }), isSafe),
    ).toThrow();
    expect(() => assertTeamsSafe({ type: "message", text: "[a](https://evil.example)" }, isSafe)).toThrow();
    expect(() => assertTeamsSafe({ type: "message", text: "<b>gras</b>" }, isSafe)).toThrow();
  });
});
