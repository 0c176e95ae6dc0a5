/**
 * A sum owed to someone in particular in the person's own case (« combien doit-on lui rembourser ? »), read by the
 * « calcul-personnel » reading with no amount stated: that person's due is set by their contract or the statutes.
 * Wordings written for this test, with near-misses (a count, a rule, another's loan, a sum someone put in).
 */
import { describe, expect, it } from "vitest";
import { asksOwnComputation } from "../../src/answer/own-computation.js";

describe("a sum owed to someone in particular, in the person's own case", () => {
  const cases: [string, boolean][] = [
    ["Notre salarié part à la retraite : combien on doit lui verser au juste ?", true],
    ["Un coopérateur sort de la CAE, combien devons-nous lui rendre sur son capital ?", true],
    ["Our treasurer is leaving: how much do we owe him for his shares?", true],
    // a count, a rule, another's loan, a sum someone put in: none is a due of the person's own case
    ["Combien de parts sociales faut-il acheter pour entrer dans une SCOP ?", false],
    ["C'est combien au maximum, leur prêt d'honneur ?", false],
    ["Et la Région, elle a mis combien, elle ?", false],
    ["Combien leur faut-il de temps pour répondre ?", false],
  ];
  for (const [q, want] of cases) it(`${q} → ${want}`, () => expect(asksOwnComputation(q)).toBe(want));
});
