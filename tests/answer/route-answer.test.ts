/**
 * The answer that names a process for a need described in the person's own words
 * (« D'après votre description, le dispositif adapté semble être… »): only for a need a
 * support process meets, not for any first-person question the passages do not answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRuntime, type TestRuntime } from "./helpers.js";

let t: TestRuntime;
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });
const ROUTED = /D'après votre description, le dispositif adapté/;

beforeAll(async () => {
  t = await testRuntime({ llm: null });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("a first-person question with no support need is not routed as a need", () => {
  for (const q of [
    "Traduisez-moi notre convention de location de salle en anglais, je vous prie.",
    "Je suis trésorière d'une association et je me demande si je peux être tenue responsable sur mes biens de ses dettes.",
    "On voudrait savoir si notre tiers-lieu a une chance d'être choisi par le jury cette année.",
  ])
    it(q.slice(0, 60), async () => {
      const reply = await ask(q);
      expect(reply.text, q).not.toMatch(ROUTED);
    });
});

describe("a described need still finds its process", () => {
  it("an insertion association that wants public contracts", async () => {
    const reply = await ask(
      "nous sommes une asso d'insertion qui fait du nettoyage, on voudrait répondre aux appels d'offres du département mais on n'y connaît rien",
    );
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.route?.process).toBe("commande-publique");
  });
});
