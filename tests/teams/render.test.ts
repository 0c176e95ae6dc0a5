import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Reply } from "../../src/domain/reply.js";
import { renderReply } from "../../src/channels/teams/render.js";
import { withRetry } from "../../src/channels/teams/retry.js";
import { DLA_SOURCES } from "../support/fake-assistant.js";
import { findAll } from "../support/teams.js";

describe("Teams renderer", () => {
  it("never lets user text become markup, and always stays under the size budget", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 200 }), (text, label) => {
        const reply = Reply.parse({
          type: "answer",
          text,
          sources: DLA_SOURCES,
          route: { process: "dla", name: label || "DLA", confidence: 0.5, why: text.slice(0, 300), contacts: [{ label, url: "javascript:alert(1)" }] },
        });
        const activity = renderReply(reply, { maxBytes: 8000 });
        const json = JSON.stringify(activity);
        expect(Buffer.byteLength(json)).toBeLessThanOrEqual(8000);
        expect(activity.text ?? "").not.toMatch(/<[a-z/!]/i);
        expect(activity.text ?? "").not.toMatch(/\]\(/);
        // User/knowledge text only ever sits in TextRuns; no javascript: link survives.
        const card = activity.attachments?.[0]?.content;
        if (label.trim().length > 3) for (const tb of findAll(card, (o) => o.type === "TextBlock")) expect(tb.text).not.toBe(label);
        expect(json).not.toContain("javascript:");
      }),
      { numRuns: 300 },
    );
  });

  it("retries 429 with backoff, not 400", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw Object.assign(new Error("throttled"), { statusCode: 429 });
        return "ok";
      },
      { baseMs: 100, sleep: async (ms) => void delays.push(ms), random: () => 0.5 },
    );
    expect(result).toBe("ok");
    expect(delays).toEqual([75, 150]);
    let badCalls = 0;
    await expect(
      withRetry(async () => {
        badCalls++;
        throw Object.assign(new Error("bad"), { statusCode: 400 });
      }),
    ).rejects.toThrow("bad");
    expect(badCalls).toBe(1);
  });
});
