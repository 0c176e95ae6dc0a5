/**
 * A lone surrogate ("\ud800") or a NUL in a message goes through a full turn on
 * SQLite and PostgreSQL: the storage layer makes text valid Unicode (U+FFFD) in
 * one place (withValidText, applied by createStorage), so the person gets an
 * answer, not "problème technique", and what is stored reads back the same on
 * both backends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/conversation/assistant.js";
import { Reply } from "../../src/domain/reply.js";
import { createStorage } from "../../src/storage/index.js";
import type { Storage } from "../../src/storage/types.js";
import { validString, validText } from "../../src/storage/valid-text.js";
import { SECRET, stateOf, sharedCore } from "../conversation/helpers.js";
import { createTestDatabase, PG_AVAILABLE } from "./pg-helper.js";

const BROKEN = "Qu'est-ce que le DLA \ud800 ? Merci\u0000 \udc00 😀";

describe("validText", () => {
  it("replaces lone surrogates and NUL, keeps valid pairs", () => {
    expect(validString("a\ud800b")).toBe("a\ufffdb");
    expect(validString("a\udc00b")).toBe("a\ufffdb");
    expect(validString("\ud83d\ude00")).toBe("😀");
    expect(validString("a\u0000b")).toBe("a\ufffdb");
    expect(validText({ ["k\ud800"]: ["x\ud800", 1, null, { y: "\udfff" }], d: new Date(0) })).toEqual({
      ["k\ufffd"]: ["x\ufffd", 1, null, { y: "\ufffd" }],
      d: new Date(0),
    });
  });

  it("returns the very value, not a copy, when nothing needs repair (the common case costs no allocation)", () => {
    const state = { facts: { commune: "Alès", partnerStructures: 3 }, shownCards: ["rep-dla"], when: new Date(0) };
    expect(validText(state)).toBe(state);
    expect(validText(state.shownCards)).toBe(state.shownCards);
    const broken = { facts: { commune: "Al\ud800s" }, keep: ["ok"] };
    const fixed = validText(broken);
    expect(fixed).not.toBe(broken);
    expect(fixed).toEqual({ facts: { commune: "Al\ufffds" }, keep: ["ok"] });
    expect(broken.facts.commune).toBe("Al\ud800s"); // the caller's value is never changed in place
  });

  it("always gives well-formed text, unchanged when it already was (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const out = validString(s);
        const wellFormed = Buffer.from(out, "utf8").toString("utf8") === out; // round-trips through UTF-8
        const unchanged = /[\ud800-\udfff\u0000]/.test(s) || out === s;
        return out.length === s.length && wellFormed && !out.includes("\u0000") && unchanged;
      }),
      { numRuns: 200 },
    );
  });
});

const core = sharedCore();

async function fullTurn(storage: Storage): Promise<void> {
  const assistant = createAssistant({ answerer: core.runtime.answerer, storage, pseudonymSecret: SECRET });
  const base = { channel: "web" as const, conversationId: `conv-${Math.random().toString(36).slice(2)}`, userId: "user-surrogate" };
  const reply = Reply.parse(await assistant.handle({ ...base, text: BROKEN }));
  expect(reply.type).not.toBe("error");
  expect(reply.text).not.toMatch(/problème technique/i);
  expect(reply.interactionId).toBeTruthy();
  const stored = await storage.getInteraction(reply.interactionId!);
  expect(stored?.question).toContain("\ufffd");
  expect(stored?.question).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|\u0000/);
  // The conversation state (jsonb on PostgreSQL) was written and reads back.
  const state = await stateOf(storage, base);
  expect(state).not.toBeNull();
  // A rating with a broken comment, then a second turn on the same conversation.
  const rated = await assistant.handle({ ...base, action: { id: "rate-down", value: reply.interactionId!, comment: "bof \ud800" } });
  expect(rated.type).not.toBe("error");
  const again = Reply.parse(await assistant.handle({ ...base, text: "Et l'appel à communs \udbff ?" }));
  expect(again.type).not.toBe("error");
}

describe("a full turn with a lone surrogate", () => {
  it("SQLite", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-utf-"));
    const storage = await createStorage({ dataDir: dir });
    try {
      await fullTurn(storage);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!PG_AVAILABLE)("PostgreSQL", async () => {
    const db = await createTestDatabase();
    const storage = await createStorage({ dataDir: "/nonexistent", databaseUrl: db.url });
    try {
      await fullTurn(storage);
      // Channel references and states with broken keys and values are stored too.
      await storage.saveChannelRef("teams:\ud800", { name: "x\ud800" });
      expect(await storage.getChannelRef("teams:\ud800")).toEqual({ name: "x\ufffd" });
    } finally {
      await storage.close();
      await db.drop();
    }
  });
});
