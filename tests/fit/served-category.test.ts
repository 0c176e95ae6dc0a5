/**
 * Associations named in the plural with no article are whom a project serves, not the carrier's legal form;
 * a collective or federation of associations is still read as such.
 */
import { describe, expect, it } from "vitest";
import { projectFacts } from "../../src/fit/features.js";

describe("associations as a clientele", () => {
  it("a person who wants to keep the books of associations is no association", () => {
    expect(projectFacts("Une comptable de Sommières veut se lancer comme prestataire de comptabilité d'associations.").legalForm).not.toBe("association");
    expect(projectFacts("Je voudrais proposer un service de communication aux associations du Vigan.").legalForm).not.toBe("association");
  });

  it("an association that says so keeps its form, and a federation of associations is not read as a clientele", () => {
    expect(projectFacts("Notre association de Sommières propose de la comptabilité d'associations.").legalForm).toBe("association");
    expect(projectFacts("Notre fédération d'associations sportives de Vauvert veut mutualiser un poste.").legalForm).not.toBe(undefined);
  });
});
