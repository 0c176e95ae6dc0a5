/**
 * A card that answers « Non » for one legal form does not answer a question about another form with that « Non »: a
 * SCOP is no association without employees. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { legalFormsNamed } from "../../src/eligibility/extract.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime();

describe("legal forms a text names", () => {
  it("reads every form named, a SCOP, a SCIC or a CAE being a cooperative too", () => {
    expect([...legalFormsNamed("Une SCOP peut-elle être accompagnée ?")].sort()).toEqual(["cooperative", "scop"]);
    expect([...legalFormsNamed("une association sans salarié, ou une fondation")].sort()).toEqual(["association", "fondation"]);
    expect(legalFormsNamed("Le DLA, c'est pour qui ?").size).toBe(0);
  });
});

describe("a « Non » card about another legal form", () => {
  it("does not answer a yes/no question naming a form the card never names", async () => {
    const r = await t.runtime.answerer.ask("Est-ce qu'une SCOP de maçonnerie peut se faire accompagner par le DLA ?", { audience: "porteur" });
    expect(r.text).not.toMatch(/^Non\b/);
    expect(r.text).not.toMatch(/entièrement bénévole/);
  });
  it("still answers the form it is about", async () => {
    const r = await t.runtime.answerer.ask("Notre association sans salarié peut-elle être accompagnée par le DLA ?", { audience: "porteur" });
    expect(r.text).toMatch(/^Non\b/);
  });
});
