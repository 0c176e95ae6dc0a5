/**
 * An English question close to one of a card's own English phrasings is answered by that card even when the French
 * passages found (reached only through the glossary's English equivalents) are from other documents. Near misses: a
 * close phrasing about another numbered item (« axis 1 »), or one that leaves the question's main words out, does
 * not answer.
 */
import { describe, expect, it } from "vitest";
import { FRENCH_SOURCES_NOTE } from "../../src/answer/card-reply.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

describe("an English question close to a card's English phrasing", () => {
  it("gets the card's English answer though the passages found are elsewhere", async () => {
    const reply = await ask("Which elected official leads the social economy policy for the Gard?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/Meunier/);
    expect(reply.text).not.toContain(FRENCH_SOURCES_NOTE);
  });
});

describe("near misses", () => {
  it("a phrasing about axis 1 does not answer a question on the transversal axis", async () => {
    const reply = await ask("What does the transversal axis of the ESS schema cover in the Gard?");
    expect(reply.text).not.toMatch(/^Local cooperation/);
    expect(reply.sources.map((s) => s.id)).toContain("axe-transversal");
  });

  it("a phrasing that leaves the question's main words out does not answer it", async () => {
    const reply = await ask("Which year does the Gard social and solidarity economy plan run until?");
    expect(reply.text).not.toMatch(/Meunier/);
  });
});
