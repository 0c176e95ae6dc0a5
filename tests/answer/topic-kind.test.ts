/**
 * What a follow-up asks for and whether a text gives it (followup.ts givesAskedKind): the test
 * topicFirst applies before looking in the topic's documents.
 */
import { describe, expect, it } from "vitest";
import { askedKind, givesAskedKind } from "../../src/answer/followup.js";

describe("the kind a follow-up asks", () => {
  it("reads « qui » asked after other words as asking who", () => {
    expect(askedKind("et chez nous, c'est qui au juste ?")).toBe("who");
    expect(askedKind("bon et qui s'en charge localement ?")).toBe("who");
    expect(askedKind("ça dépend de qui ?")).toBe("who");
  });

  it("leaves a relative « qui » alone", () => {
    expect(askedKind("une asso qui débute peut candidater ?")).not.toBe("who");
  });
});

describe("whether a text gives what a follow-up asks", () => {
  it("wants a person or an organisation for who", () => {
    expect(givesAskedKind("c'est qui qui s'en occupe ?", "Il est porté par l'association Relais Solidaire (RSOL).")).toBe(true);
    expect(givesAskedKind("c'est qui qui s'en occupe ?", "Il est gratuit pour les structures accompagnées.")).toBe(false);
  });

  it("wants a sum for a money question, not any figure", () => {
    expect(givesAskedKind("l'asso a touché combien ?", "Elle a été créée en 2019 par 3 fondateurs.")).toBe(false);
    expect(givesAskedKind("l'asso a touché combien ?", "Elle a reçu 12 000 € en 2023.")).toBe(true);
  });

  it("wants a date for when and a place for where", () => {
    expect(givesAskedKind("ça se tenait quand ?", "La rencontre a eu lieu en mars 2022.")).toBe(true);
    expect(givesAskedKind("ça se tenait quand ?", "La rencontre réunissait des associations.")).toBe(false);
    expect(givesAskedKind("c'est où exactement ?", "Les bureaux sont à Alès, près de la gare.")).toBe(true);
  });

  it("says nothing of a follow-up asking no such kind", () => {
    expect(givesAskedKind("et pour une coopérative ?", "Oui.")).toBeNull();
  });
});
