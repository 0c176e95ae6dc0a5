/** A definition asked of a thing is answered by the card defining that very thing, not a word of it. */
import { describe, expect, it } from "vitest";
import { definedThing, sameDefinedThing } from "../../src/answer/defined-thing.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

describe("definedThing", () => {
  it("reads the thing whose definition is asked, before or after the asking words", () => {
    const call = definedThing("Qu'est-ce que l'appel à communs ?")!;
    expect(sameDefinedThing(call, definedThing("l'appel à communs du Gard, c'est quoi au juste ?"))).toBe(true);
    expect(sameDefinedThing(call, definedThing("What's the Appel à communs?"))).toBe(true);
    expect(sameDefinedThing(call, definedThing("un commun, ça veut dire quoi ?"))).toBe(false);
    expect(definedThing("Combien de communs ont été financés ?")).toBeNull();
  });
});

describe("the flagship measure defined", () => {
  it("« c'est quoi l'appel à communs ? » is the call, not what a commons is", async () => {
    for (const q of ["c'est quoi l'appel à communs ?", "What is the Appel à communs?", "Qu'est-ce que c'est, l'appel à commun(s) ?"]) {
      const r = await ask(q);
      expect(r.refused, q).toBe(false);
      expect(r.text, q).toMatch(/\b(appel|call)\b/i);
      expect(r.text, q).not.toMatch(/^(C'est une ressource|A resource)/);
    }
  });
  it("« un commun, c'est quoi ? » still defines a commons", async () => {
    const r = await ask("un commun, c'est quoi ?");
    expect(r.text).toMatch(/ressource ou (un )?projet/);
  });
});

describe("a thing defined with one more word in the card's phrasing", () => {
  it("« les Rencontres du mécénat » are the Rencontres du mécénat et des fondations, not whom they are for", async () => {
    const r = await ask("les Rencontres du mécénat, qu'est-ce que c'est ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/rendez-vous|rencontres? (entre|qui)/i);
  });
});

describe("a strategy, in French, is the schema", () => {
  it("answers whether the Gard has one with the ESS schema", async () => {
    for (const q of ["Le Département a-t-il une stratégie pour l'ESS ?", "Le Gard a une stratégie pour l'économie sociale et solidaire ?"]) {
      const r = await ask(q);
      expect(r.refused, q).toBe(false);
      expect(
        r.sources.map((s) => s.id),
        q,
      ).toContain("schema-ess-gard");
      expect(r.text, q).toMatch(/8 mars 2024/);
    }
  });
});
