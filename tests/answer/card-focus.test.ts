/**
 * Card matching for a follow-up read with the previous topic: the words the person
 * has just written weigh more than the topic's, so that "ça coûte combien ?" after a
 * question on the DLA finds the card about its cost, not the card the topic's many
 * words point to.
 */
import { describe, expect, it } from "vitest";
import { CardIndex } from "../../src/answer/cards.js";
import { AnswerCard } from "../../src/knowledge/cards.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import type { QueryAnalysis } from "../../src/retrieval/retriever.js";

const card = (id: string, questions: string[], answer: string) =>
  AnswerCard.parse({ id, questions, answer, sources: ["dla"], status: "confirmed", updated: "2026-12-05" });

const cards = new CardIndex([
  card(
    "rep-test-porteur",
    [
      "qui porte le dispositif local d'accompagnement dans le Gard",
      "le dispositif local d'accompagnement du Gard est porté par qui",
      "quelle association porte le dispositif local d'accompagnement gardois",
      "qui anime le dispositif local d'accompagnement",
      "dispositif local d'accompagnement Gard association porteuse",
    ],
    "Une association porte le dispositif local d'accompagnement dans le Gard depuis 2004, avec 3 chargés de mission.",
  ),
  card("rep-test-cout", ["ça coûte combien", "quel est le coût", "c'est payant", "quel prix", "tarif"], "Il ne coûte rien : 0 €."),
]);

function query(text: string): QueryAnalysis {
  const terms = [...new Set(analyze(text))];
  return { terms, expansions: [], alternatives: new Map(), idf: new Map(terms.map((t) => [t, 1])) };
}

describe("card matching of a follow-up", () => {
  const combined = "ça coûte combien ? — qui porte le dispositif local d'accompagnement dans le Gard, quelle association l'anime ?";
  it("without the person's own words singled out, the topic's card wins", () => {
    // (read as the topic's question: asked as a sum of money, the cost card would win on its kind alone)
    const topic = combined.split(" — ")[1]!;
    expect(cards.match(query(combined), { question: topic })[0]!.card.id).toBe("rep-test-porteur");
  });
  it("a sum asked for is answered by a card that gives one", () => {
    expect(cards.match(query(combined), { question: combined })[0]!.card.id).toBe("rep-test-cout");
  });
  it("with them (`focus`), the card about what they ask wins", () => {
    const focus = new Set(analyze("ça coûte combien ?"));
    expect(cards.match(query(combined), { question: "ça coûte combien ?", focus })[0]!.card.id).toBe("rep-test-cout");
  });
});
