import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { candidateHashes, pseudonymize, userHash } from "../../src/privacy/pseudonym.js";

describe("pseudonymize", () => {
  it("is HMAC-SHA256 hex of the id with the secret", () => {
    const expected = createHmac("sha256", "s3cret").update("U123ABC").digest("hex");
    expect(pseudonymize("U123ABC", "s3cret")).toBe(expected);
    expect(pseudonymize("U123ABC", "s3cret")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is stable for one secret and differs across secrets and ids", () => {
    expect(pseudonymize("U1", "a")).toBe(pseudonymize("U1", "a"));
    expect(pseudonymize("U1", "a")).not.toBe(pseudonymize("U1", "b"));
    expect(pseudonymize("U1", "a")).not.toBe(pseudonymize("U2", "a"));
  });

  it("never contains the raw id", () => {
    expect(pseudonymize("jean.dupont@gard.fr", "k")).not.toContain("jean");
  });

  it("refuses an empty secret or id", () => {
    expect(() => pseudonymize("U1", "")).toThrow(/secret/);
    expect(() => pseudonymize("", "k")).toThrow(/user id/);
  });

  it("prefixes the channel in userHash and lists every candidate for forget", () => {
    expect(userHash("slack", "U1", "k")).toBe(pseudonymize("slack:U1", "k"));
    expect(userHash("slack", "U1", "k")).not.toBe(userHash("teams", "U1", "k"));
    const all = candidateHashes("U1", "k");
    expect(all).toContain(userHash("slack", "U1", "k"));
    expect(all).toContain(userHash("teams", "U1", "k"));
    expect(all).toContain(pseudonymize("U1", "k"));
    expect(candidateHashes("U1", "k", "teams")).toEqual([userHash("teams", "U1", "k"), pseudonymize("U1", "k")]);
  });
});
