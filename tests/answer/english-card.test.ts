/**
 * A question asked in English on its own is answered in English by a close card (its answer_en), rather than by
 * French passages with a note that the sources are in French.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FRENCH_SOURCES_NOTE } from "../../src/answer/card-reply.js";
import { testRuntime, type TestRuntime } from "./helpers.js";

let t: TestRuntime;
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

beforeAll(async () => {
  t = await testRuntime({ llm: null });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("an English question with a close card", () => {
  it("is answered with the card's English text and its sources", async () => {
    const reply = await ask("Who may apply to the Gard call for commons?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).not.toContain(FRENCH_SOURCES_NOTE);
    expect(reply.text).toMatch(/\bthree\b/);
    expect(reply.sources.map((s) => s.id)).toContain("appel-a-communs");
  });

  it("reads « administrative capital » as the prefecture", async () => {
    const reply = await ask("What is the Gard's administrative capital, and which are its sub-prefectures?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).not.toContain(FRENCH_SOURCES_NOTE);
    expect(reply.text).toMatch(/N[iî]mes/);
    expect(reply.text).toMatch(/Le Vigan/);
    expect(reply.sources.map((s) => s.id)).toContain("territoire-gard");
  });
});
