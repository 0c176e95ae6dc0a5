/** checkReply: the reply schema applied once per reply object, never skipped for anything else. */
import { describe, expect, it } from "vitest";
import { checkReply, Reply } from "../../src/domain/reply.js";

describe("checkReply", () => {
  it("validates like Reply.safeParse: defaults filled, unknown keys dropped, invalid replies refused", () => {
    const input = { type: "answer", text: "Bonjour", extra: 1 };
    const checked = checkReply(input);
    expect(checked.success).toBe(true);
    expect(checked.data).toEqual(Reply.parse(input));
    expect(checked.data).not.toHaveProperty("extra");
    expect(checkReply({ type: "answer" }).success).toBe(false);
    expect(checkReply(null).success).toBe(false);
    expect(checkReply({ type: "inconnu", text: "x" }).success).toBe(false);
  });

  it("passes a reply it returned as it is, and checks any other object, even an equal one", () => {
    const first = checkReply({ type: "info", text: "Bonjour" });
    expect(first.success).toBe(true);
    const again = checkReply(first.data);
    expect(again.success && again.data).toBe(first.data); // same object: not parsed a second time
    const copy = { ...first.data };
    const other = checkReply(copy);
    expect(other.success && other.data).not.toBe(copy); // a parse returns a new object
    // An object that was never returned by checkReply is always parsed, so still refused when invalid.
    expect(checkReply({ ...first.data, text: 42 }).success).toBe(false);
  });
});
