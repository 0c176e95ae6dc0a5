/** A card phrased about one operator does not answer the same question asked of a sibling operator. */
import { describe, expect, it } from "vitest";
import { namedOperators, sameOperator } from "../../src/answer/named-operator.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

describe("namedOperators", () => {
  it("reads the operators a text names, in any spelling", () => {
    expect([...namedOperators("Alter Incub ou Alter'Venture ?")].sort()).toEqual(["alter-incub", "alter-venture"]);
    expect([...namedOperators("France Active Airdie Occitanie")]).toEqual(["france-active"]);
    expect([...namedOperators("le prêt d'honneur, c'est combien ?")]).toEqual([]);
  });
  it("a card fits unless both sides name operators and share none", () => {
    expect(sameOperator(new Set(["initiative-gard"]), new Set(["adie"]))).toBe(false);
    expect(sameOperator(new Set(["initiative-gard"]), new Set(["adie", "initiative-gard"]))).toBe(true);
    expect(sameOperator(new Set(), new Set(["adie"]))).toBe(true);
  });
});

describe("a ceiling asked of one lender is that lender's", () => {
  it("gives Initiative Gard's 40 000 € when Initiative Gard is asked, in English too", async () => {
    for (const q of ["How much money can Initiative Gard lend me?", "Initiative Gard peut prêter combien au max ?"]) {
      const r = await ask(q);
      expect(r.refused, q).toBe(false);
      expect(r.text, q).toMatch(/40[\s,.\u202f]?000/);
      expect(r.text, q).not.toMatch(/^(Up to|Jusqu'à) (€)?10[\s,.\u202f]?000/);
    }
  });
  it("keeps the Adie's 10 000 € for the Adie", async () => {
    const r = await ask("The Adie lends up to how much?");
    expect(r.text).toMatch(/10[\s,.\u202f]?000/);
  });
});
