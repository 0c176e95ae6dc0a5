/**
 * The core never throws: huge, binary or control-character texts, invalid turns
 * and a failing storage all give a Reply that is valid under the schema.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/conversation/assistant.js";
import { Reply, type TurnInput } from "../../src/domain/reply.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";
import { SECRET, conversation, uid, sharedCore } from "./helpers.js";

const core = sharedCore();

const valid = (r: unknown) => {
  const p = Reply.safeParse(r);
  expect(p.success, p.success ? "" : JSON.stringify(p.error.issues.slice(0, 3))).toBe(true);
  return p.success ? p.data : (r as Reply);
};

describe("hostile texts", () => {
  it("a 200 kB message is answered quickly and stored bounded", async () => {
    const c = conversation(core.runtime.assistant);
    const t0 = performance.now();
    const r = await c.say("a".repeat(200_000));
    expect(performance.now() - t0).toBeLessThan(10_000);
    valid(r);
    const long = await c.say("Quelles aides pour une association à Alès ? ".repeat(5000));
    valid(long);
    if (long.interactionId) {
      const rec = await core.storage.getInteraction(long.interactionId);
      expect(rec!.question.length).toBeLessThanOrEqual(4000);
    }
  });

  it("binary garbage, control characters and lone surrogates", async () => {
    const c = conversation(core.runtime.assistant);
    for (const text of [
      randomBytes(4096).toString("latin1"),
      randomBytes(2048).toString("utf16le"),
      "\u0000\u0001\u0007\u001b[31mDLA\u0000 ?\u202e\ud800",
      "\ud83d",
      "   \n\t  ",
      "<script>alert(1)</script> [1] [99] **",
    ]) {
      const r = valid(await c.say(text));
      expect(r.type).not.toBe("error");
    }
  });

  it("inside a questionnaire too", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("suis-je éligible ?");
    valid(await c.say(randomBytes(3000).toString("latin1")));
    valid(await c.say("x".repeat(100_000)));
    await c.click("cancel");
    await c.say("signaler une difficulté");
    for (const t of ["\u0000", "9".repeat(5000), "é".repeat(50_000)]) valid(await c.say(t));
  });

  it("random turns never throw (property)", async () => {
    const texts = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.constantFrom(
        "oui",
        "non",
        "annuler",
        "aide",
        "recommencer",
        "suis-je éligible ?",
        "signaler une difficulté",
        "parler à une personne",
        "rapport",
        "3",
        "Alès",
        "je ne sais pas",
      ),
    );
    const turn = fc.record({
      text: texts,
      audience: fc.constantFrom("agent", "porteur"),
      action: fc.option(
        fc.record({
          id: fc.constantFrom("rate-up", "rate-down", "eligibility", "friction", "handoff", "report", "cancel", "confirm", "help"),
          value: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
          comment: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
        }),
        { nil: undefined, freq: 4 },
      ),
    });
    const conv = uid();
    await fc.assert(
      fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 4 }), async (turns) => {
        for (const t of turns) {
          const r = await core.runtime.assistant.handle({ channel: "web", conversationId: conv, userId: "prop-user", ...t } as TurnInput);
          valid(r);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("invalid turns", () => {
  it("are answered with an error reply, never a throw", async () => {
    const a = core.runtime.assistant;
    const bad: unknown[] = [
      { channel: "cli", conversationId: "c", text: "bonjour" }, // no userId
      { channel: "cli", conversationId: "", userId: "u", text: "bonjour" },
      { channel: "fax", conversationId: "c", userId: "u", text: "bonjour" },
      { channel: "cli", conversationId: "c", userId: "u", text: 42 },
      { channel: "cli", conversationId: "c", userId: "u", action: { id: "explode" } },
      { channel: "cli", conversationId: "c", userId: "u", form: { kind: "other", values: {} } },
      { channel: "cli", conversationId: "c".repeat(10_000), userId: "u", text: "x" },
      null,
      undefined,
      "texte seul",
    ];
    for (const t of bad) {
      const r = valid(await a.handle(t as TurnInput));
      expect(r.type).toBe("error");
      expect(r.text.length).toBeGreaterThan(10);
    }
  });
});

describe("a misconfigured core", () => {
  it("an empty pseudonym secret gives the apology, not a throw", async () => {
    const assistant = createAssistant({ answerer: core.runtime.answerer, storage: new MemoryStorage(), pseudonymSecret: "" });
    const r = valid(await assistant.handle({ channel: "cli", conversationId: "c", userId: "u", text: "aide" }));
    expect(r.type).toBe("error");
    expect(r.actions.map((x) => x.id)).toContain("handoff");
  });
});

describe("a failing storage", () => {
  function failing(mode: "throw" | "reject"): Storage {
    const inner = new MemoryStorage();
    return new Proxy(inner, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== "function") return v;
        return () => {
          if (mode === "throw") throw new Error(`storage down: ${String(prop)}`);
          return Promise.reject(new Error(`storage down: ${String(prop)}`));
        };
      },
    });
  }

  for (const mode of ["throw", "reject"] as const) {
    it(`gives the apology with a handoff action (${mode})`, async () => {
      const errors: unknown[] = [];
      const assistant = createAssistant({
        answerer: core.runtime.answerer,
        storage: failing(mode),
        pseudonymSecret: SECRET,
        logger: { warn: () => {}, error: (o) => errors.push(o) },
      });
      const base = { channel: "slack" as const, conversationId: uid(), userId: "u" };
      for (const t of [
        { ...base, text: "Qu'est-ce que l'appel à communs ?" },
        { ...base, text: "suis-je éligible ?" },
        { ...base, action: { id: "rate-up" as const, value: "x" } },
        { ...base, form: { kind: "eligibility" as const, values: { legalForm: "scop" } } },
        { ...base, text: "parler à une personne" },
      ]) {
        const r = valid(await assistant.handle(t));
        expect(r.type).toBe("error");
        expect(r.actions.map((x) => x.id)).toContain("handoff");
        expect(r.text).toMatch(/Désolé/);
      }
      expect(errors.length).toBeGreaterThan(0);
    });
  }
});
