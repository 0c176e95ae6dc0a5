/**
 * English words for the Département's elected members and their delegations (« delegate », « delegation », « elected »,
 * « councillor ») find the French passages that name them: a question about the ESS delegation given in 2015 is answered
 * from the scheme's history, not refused for want of French words. Near-miss: the current Vice-President stays the one
 * named for today. Wordings written for this test, on the real runtime (bundled knowledge, offline).
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

describe("elected members and delegations asked in English", () => {
  it("the canton of the councillor given the ESS delegation in 2015", async () => {
    const reply = await ask("Back in 2015, the ESS delegate on the council was elected in which canton?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/Uzès/);
  });
  it("the elected official in charge of the ESS today stays the Vice-President", async () => {
    const reply = await ask("Which elected councillor is in charge of the ESS now?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/Meunier/);
  });
});
