/**
 * A definition asked of a name (« c'est quoi Acegaa ? ») is not answered by a card that never writes that name: to
 * retrieval, Acegaa and the DLA it runs are synonyms, to the person asking they are two things. Wordings written for this
 * test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { definedName, definesNamed } from "../../src/answer/followup.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime();

describe("the name a definition is asked of", () => {
  it("reads it before or after the asking words, a capital « C' » opening the message included", () => {
    expect(definedName("C'est quoi Acegaa ?")).toBe("Acegaa");
    expect(definedName("et Acegaa, c'est quoi ?")).toBe("Acegaa");
    expect(definedName("what is the CRESS?")).toBe("the CRESS");
    expect(definesNamed("C'est quoi la MIESS ?")).toBe(true);
  });
  it("reads none in a question asking an aspect, or naming nothing", () => {
    expect(definedName("c'est quoi le plafond ?")).toBeNull();
    expect(definedName("C'est quoi ?")).toBeNull();
    expect(definedName("Combien de projets Acegaa accompagne ?")).toBeNull();
  });
});

describe("a definition asked of a name", () => {
  it("is answered from what writes that name, not from the card of its synonym", async () => {
    for (const q of ["C'est quoi Acegaa ?", "Qu'est-ce que Acegaa ?", "ok et Acegaa c'est quoi exactement ?"]) {
      const r = await t.runtime.answerer.ask(q, { audience: "porteur" });
      expect(r.refused, q).toBe(false);
      expect(r.card, q).not.toBe("rep-dla-definition");
      expect(r.text, q).toMatch(/Acegaa/);
    }
  });
  it("still gets the card that writes the name", async () => {
    const dla = await t.runtime.answerer.ask("C'est quoi le DLA ?", { audience: "porteur" });
    expect(dla.card).toBe("rep-dla-definition");
    const miess = await t.runtime.answerer.ask("C'est quoi la MIESS ?", { audience: "porteur" });
    expect(miess.text).toMatch(/Maison des initiatives/);
  });
});
