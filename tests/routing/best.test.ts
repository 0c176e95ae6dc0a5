/** best(xs, k): the k highest scores as a stable sort would list them, without sorting everything. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { best } from "../../src/routing/router.js";

describe("best", () => {
  it("equals a stable sort by decreasing score cut at k, ties in their original order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (scores, k) => {
        const xs = scores.map((s, id) => ({ s: s / 4, id }));
        expect(best(xs, k).map((x) => x.id)).toEqual(
          [...xs]
            .sort((a, b) => b.s - a.s)
            .slice(0, k)
            .map((x) => x.id),
        );
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
