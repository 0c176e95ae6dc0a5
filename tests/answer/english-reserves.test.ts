/**
 * English words of cooperative finance (« surplus », "non-distributable reserves") find the French passages and cards
 * that speak of « excédents » and « réserves impartageables » (knowledge/glossaire/synonymes.yaml). Wordings written for
 * this test.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

describe("English words for a cooperative's surplus and reserves", () => {
  it("a question in English about a SCIC's reserves gets the published share", async () => {
    for (const q of [
      "In a multi-stakeholder cooperative, how much of the surplus is locked in indivisible reserves?",
      "SCIC: what part of the surpluses has to stay in non-distributable reserves?",
    ]) {
      const reply = await ask(q);
      expect(reply.refused, `${q}\n→ ${reply.text}`).toBe(false);
      expect(reply.text).toMatch(/57,5/);
    }
  });
  it("the same question in French is answered as before", async () => {
    const reply = await ask("Dans une SCIC, quelle part des excédents reste en réserves impartageables ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/57,5/);
  });
});
