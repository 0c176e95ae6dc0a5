/**
 * Whether a former scheme still exists, asked in everyday words (« la ZRR existe encore ? », « ça existe plus ? »), is
 * answered by what replaced it, not by the unpublished list of the municipalities it covers; a figure someone was told
 * for the yearly budget of the call for commons is checked against the published one (250 000 € a year). Near-misses:
 * whether one's own municipality is still classed stays unpublished, and so does the overall budget of the scheme.
 * Wordings written for this test, on the real runtime (bundled knowledge, offline).
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

describe("a former scheme that may still exist", () => {
  for (const q of [
    "Les zones de revitalisation rurale, ça existe encore ?",
    "ça existe plus les ZRR ?",
    "Le zonage ZRR est encore en place pour nos villages ?",
  ])
    it(q, async () => {
      const reply = await ask(q);
      expect(reply.refused, reply.text).toBe(false);
      expect(reply.text).toMatch(/France Ruralités Revitalisation|FRR/);
    });
  it("whether one's own municipality is still classed stays unpublished", async () => {
    const reply = await ask("Ma commune est-elle encore en ZRR ?");
    expect(reply.refused, reply.text).toBe(true);
  });
});

describe("a figure one was told for the call for commons' yearly budget", () => {
  it("is checked against the published sum", async () => {
    const reply = await ask("Quelqu'un m'a dit que l'appel à communs est doté de 800 000 euros par an, c'est exact ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/250 000/);
  });
  it("the overall budget of the scheme stays unpublished", async () => {
    const reply = await ask("Quel est le budget total du schéma ESS du Gard ?");
    expect(reply.refused, reply.text).toBe(true);
  });
});
