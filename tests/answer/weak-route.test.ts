/**
 * An answer's route when the router only guesses (a low confidence, a process the question does not name): the passages
 * used overrule a guess none of them belongs to (src/answer/answerer.ts, passagesOwner). Wordings written for this test.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

describe("a weak guess of the router yields to the passages used", () => {
  it("a question of law answered from the Département's competences goes to the ESS team", async () => {
    for (const q of [
      "Sur quel article du code des collectivités repose l'action sociale des départements ?",
      "L'économie est-elle encore une compétence obligatoire des départements ?",
    ]) {
      const reply = await ask(q);
      expect(reply.refused, reply.text).toBe(false);
      expect(reply.route?.process, `${q}\n→ ${reply.text}`).toBe("mission-ess-departement");
    }
  });
  it("a question about the commons call answered from its document goes to the call", async () => {
    const reply = await ask("Un commun peut-il ne concerner qu'un village, ou doit-il couvrir tout le Gard ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.route?.process).toBe("appel-a-communs");
  });
  it("a confident route stays (a microcredit question goes to microcredit)", async () => {
    const reply = await ask("Quel est le plafond du microcrédit de l'Adie ?");
    expect(reply.route?.process).toBe("pret-honneur-microcredit");
  });
});
