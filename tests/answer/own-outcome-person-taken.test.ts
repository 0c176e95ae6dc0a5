/**
 * A body taking the person themselves on (« vont-ils m'accepter ? », "will they take me?") is its decision on that
 * person, even when the person says who they are (« …si je suis photographe indépendante ? »): no source can say it.
 * A count or a rule put as the condition, another's case, a time taken and a general question stay as they were.
 * Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { asksOwnOutcome } from "../../src/answer/own-outcome.js";

describe("asksOwnOutcome: the person taken on", () => {
  it("reads a body taking the person on, after a description of who they are", () => {
    for (const q of [
      "Vous pensez qu'ils vont m'accepter si je suis photographe indépendante ?",
      "La coopérative me prendra si je suis traductrice en auto-entreprise ?",
      "ils vont nous prendre si on est une toute petite association ?",
      "Will they accept me if I'm a self-employed translator?",
      "will they take me?",
      "are they going to take us if we are a small charity?",
    ])
      expect(asksOwnOutcome(q), q).toBe(true);
  });

  it("leaves a criterion, another's case, a time taken and a general question to the answer", () => {
    for (const q of [
      // a count or a comparison is a criterion the sources may state
      "on sera retenus si on est deux structures ?",
      "ils vont nous accepter si on est plus de dix salariés ?",
      "will they accept us if we are three partners?",
      // an award decided for a legal form is a rule of that award
      "la DDETS va nous accorder l'agrément si on est une SAS ?",
      // a time taken, a general question, someone else's case
      "will it take me long to apply?",
      "est-ce qu'une CAE accepte les photographes ?",
      "une asso me demande si elle sera retenue si elle est jeune",
    ])
      expect(asksOwnOutcome(q), q).toBe(false);
  });
});
