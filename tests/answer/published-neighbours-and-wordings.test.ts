/**
 * Published neighbours of unpublished facts, and cards reached by other wordings of their need: who could come to the
 * grand atelier (its invited public is published, its attendance and conclusions are not: « attend » must not read as
 * « attendance »); what the schema builds on (the white paper); an accelerator for existing
 * cooperatives (Alter'Venture, not the body that runs Alter'Incub); the conditions the 2014 law sets for being in the
 * ESS. Wordings written for this test; near misses keep their answer or refusal.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";
import { sharedRuntime } from "./helpers.js";

const guards = Guards.load();
const gapOf = (q: string, own?: string) => guards.gap(q, own)?.id ?? null;

describe("the grand atelier: who could come is published, how many came is not", () => {
  const cases: [string, string | null][] = [
    ["Who could attend the departmental grand atelier of 22 November?", null],
    ["Who was invited to the grand atelier?", null],
    ["Le grand atelier du 22 novembre, qui pouvait y participer ?", null],
    ["Le grand atelier, c'était ouvert à qui ?", null],
    // near misses: the attendance and the conclusions stay unpublished
    ["How many people came to the grand atelier on 22 November?", "grand-atelier-bilan"],
    ["What was the attendance at the grand atelier?", "grand-atelier-bilan"],
    ["Qu'est-ce qui est ressorti du grand atelier ?", "grand-atelier-bilan"],
    ["Combien de participants au grand atelier du 22 novembre ?", "grand-atelier-bilan"],
  ];
  // (the same gap declared for a follow-up, « -suite », may answer a question asked alone: the same unpublished fact)
  for (const [q, id] of cases) it(`${q} → ${id ?? "no gap"}`, () => expect(gapOf(q)?.replace(/-suite$/, "") ?? null).toBe(id));
});

const rt = sharedRuntime();
const ask = (q: string, audience: "agent" | "porteur" = "porteur") => rt.runtime.answerer.ask(q, { audience });

describe("cards reached by other wordings of their need", () => {
  it("who could come to the grand atelier is answered with its public", async () => {
    const r = await ask("Who could attend the grand atelier held on 22 November?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/associations|élus|elected/);
  });
  it("what the schema follows on from: the white paper", async () => {
    expect((await ask("Le schéma ESS s'inscrit dans la suite de quel travail ?")).text).toMatch(/Livre blanc/i);
    expect((await ask("What earlier work did the ESS strategy follow?")).text).toMatch(/white paper|Livre blanc/i);
  });
  it("an accelerator for cooperatives is Alter'Venture; who runs Alter'Incub stays the URSCOP", async () => {
    expect((await ask("Does Occitanie have an acceleration programme for cooperatives?")).text).toMatch(/Alter'Venture/);
    expect((await ask("Who is behind the Alter'Incub Occitanie incubator?")).text).toMatch(/URSCOP/);
  });
  it("the conditions of the 2014 law for being in the ESS give its governance", async () => {
    expect((await ask("Under the 2014 law, what conditions must an organisation meet to belong to the ESS?")).text).toMatch(/governance|gouvernance/i);
    // near miss: a commercial company keeps its own answer
    expect((await ask("Can a commercial company be part of the ESS?")).text).toMatch(/article 2|utilité sociale|social utility/i);
  });
});
