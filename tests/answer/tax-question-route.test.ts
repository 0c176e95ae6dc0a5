/**
 * A private tax question is handed to the ESS team whatever kind of structure asks it: the structure named (a
 * foundation, a SCIC, a cooperative) does not send it to that structure's process. Wordings written for this test;
 * near-misses ask a published rule of the same process and keep their answer and their route.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

describe("a private tax question goes to the ESS team", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it.each([
    "Notre fondation doit-elle payer la TVA sur ses ventes ?",
    "Est-ce que notre SCIC sera soumise à l'impôt sur les sociétés ?",
    "Our foundation sells books: do we have to charge VAT?",
  ])("« %s » is refused and handed to the ESS team", async (q) => {
    const reply = await ask(q);
    expect(reply.refused).toBe(true);
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it.each([
    ["Qu'est-ce que les Rencontres du mécénat et des fondations ?", "mecenat-fondations"],
    ["Jusqu'à quelle part du capital d'une SCIC les collectivités peuvent-elles monter ?", "scic-participation"],
  ])("« %s » stays answered by its process", async (q, process) => {
    const reply = await ask(q);
    expect(reply.refused).toBe(false);
    expect(reply.route?.process).toBe(process);
  });
});
