/**
 * The venue of the co-design workshops of the call for commons is not published: a follow-up asking where they took
 * place, in its own words, meets the known gap (knowledge/lacunes.yaml, « dates-ateliers-coconstruction »).
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();
const topic = "Combien d'ateliers de co-construction pour l'appel à communs ?";

describe("where the co-design workshops took place", () => {
  it("is a known gap, asked by a follow-up", () => {
    for (const own of ["et ça se tenait où ?", "ils se sont tenus où ?", "Ils avaient lieu où, ces ateliers ?"])
      expect(guards.gap(`${topic} ${own}`, own)?.id).toBe("dates-ateliers-coconstruction");
  });

  it("leaves what the follow-up does not ask", () => {
    expect(guards.gap(`${topic} et qui y participait ?`, "et qui y participait ?")?.id).not.toBe("dates-ateliers-coconstruction");
  });
});
