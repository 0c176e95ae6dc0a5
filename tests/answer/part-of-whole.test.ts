/**
 * A part asked of a whole the question states with its figure (« sur les 40 000 € du fonds, combien… ») is not answered
 * by that figure repeated (src/answer/asked-quantity.ts).
 */
import { describe, expect, it } from "vitest";
import { givesAskedQuantity, partCounted, wholeFigures } from "../../src/answer/asked-quantity.js";

describe("a part of a stated whole", () => {
  it("reads the whole's figure", () => {
    expect(wholeFigures("Sur les 40 000 € du fonds, combien reviennent aux cantons de montagne ?")).toEqual(["40000"]);
    expect(wholeFigures("Parmi les quelque 150 bénévoles, combien sont des retraités ?")).toEqual(["150"]);
    expect(wholeFigures("Out of the 12 partners, how many are cooperatives?")).toEqual(["12"]);
    expect(wholeFigures("Le fonds fait 40 000 €, c'est combien par structure ?")).toEqual([]);
  });

  it("does not take the whole's figure repeated as the part asked", () => {
    expect(givesAskedQuantity("Sur les 40 000 € du fonds, combien reviennent aux cantons de montagne ?", "Le fonds est doté de 40 000 € par an.")).toBe(false);
    expect(givesAskedQuantity("Parmi les quelque 150 bénévoles, combien sont des retraités ?", "Près de 150 bénévoles en 2022.")).toBe(false);
    expect(givesAskedQuantity("Sur les 1,8 M€ de l'an passé, combien pour Uzès ?", "1,8 million d'euros en 2023.")).toBe(false);
  });

  it("still takes a figure of the part, and a figure when no whole is stated", () => {
    expect(givesAskedQuantity("Sur les 12 partenaires, combien sont des coopératives ?", "12 partenaires, dont 5 coopératives.")).toBe(true);
    expect(givesAskedQuantity("Le fonds, c'est combien ?", "Le fonds est doté de 40 000 € par an.")).toBe(true);
    expect(givesAskedQuantity("Sur les 40 000 €, combien sont déjà engagés ?", "Sur 40 000 €, 12 500 € sont engagés.")).toBe(true);
  });
});

describe("the part counted of a named whole", () => {
  it("reads the part after « combien »", () => {
    expect(partCounted("Parmi les adhérents du réseau, combien sont des mutuelles ?")).toBe("mutuel");
    expect(partCounted("Out of the partners, how many are cooperatives?")).not.toBeNull();
    expect(partCounted("Combien de mutuelles dans le Gard ?")).toBeNull();
  });

  it("wants a number of the part, not of the whole", () => {
    const q = "Parmi les 90 adhérents du réseau, combien sont des mutuelles ?";
    expect(givesAskedQuantity(q, "Le réseau compte 90 adhérents : des associations, des mutuelles et des SCOP.")).toBe(false);
    expect(givesAskedQuantity(q, "Le réseau compte 90 adhérents, dont 7 mutuelles.")).toBe(true);
  });
});
