/**
 * Whom a « qui ? » answer names and the follow-ups that point back to it (followup.ts answeredEntity,
 * pointsBack, isElliptic): « elle est où ? », "do they hold an ESUS approval?" after « La Grande Bobine ».
 */
import { describe, expect, it } from "vitest";
import { answeredEntity, isElliptic, pointsBack } from "../../src/answer/followup.js";
import { takesUpAnswer } from "../../src/conversation/question.js";

describe("whom a « qui ? » answer names", () => {
  it("takes the first proper name the question did not give", () => {
    expect(answeredEntity("Who designed the Gard ESS strategy?", "La Grande Bobine, a social-design worker cooperative (SCOP) based in Nîmes. [1]")).toBe(
      "La Grande Bobine",
    );
    expect(answeredEntity("Qui porte le DLA dans le Gard ?", "C'est l'association Acegaa qui porte le DLA du Gard. [1]")).toBe("Acegaa");
    expect(
      answeredEntity("Qui a animé la concertation du schéma ESS ?", "La concertation du schéma ESS du Gard a été animée par La Grande Bobine, une SCOP. [1]"),
    ).toBe("La Grande Bobine");
    expect(answeredEntity("Qui a tenu la première délégation ESS ?", "Bérengère Noguier, conseillère départementale du canton d'Uzès. [1]")).toBe(
      "Bérengère Noguier",
    );
  });

  it("names no one for another question or for the Gard and the Département alone", () => {
    expect(answeredEntity("Combien de structures de l'ESS ?", "Près de 2 300 structures. [1]")).toBeUndefined();
    expect(answeredEntity("Qui vote le schéma ?", "Le Département du Gard, en assemblée. [1]")).toBeUndefined();
  });
});

describe("a follow-up pointing back to someone", () => {
  it("reads subject pronouns opening the message, object and possessive ones", () => {
    expect(pointsBack("elle est où cette structure ?")).toBe(true);
    expect(pointsBack("qui l'a fondée ?")).toBe(true);
    expect(pointsBack("ils avaient déjà bossé pour le Département avant ?")).toBe(true);
    expect(pointsBack("do they hold an ESUS approval?")).toBe(true);
  });

  it("leaves « il y a » and a pronoun taking up a subject the message names", () => {
    expect(pointsBack("il y a une permanence à Vauvert ?")).toBe(false);
    expect(pointsBack("et le dep il a fait quoi en 2024 ?")).toBe(false);
    expect(pointsBack("c'est gratuit ?")).toBe(false);
  });

  it("keeps the topic of a question opening with a pronoun, whatever else it names", () => {
    expect(isElliptic("do they hold an ESUS approval?", 2, true)).toBe(true);
    expect(isElliptic("et la MIESS, elle est où ?", 1, true)).toBe(false);
  });
});

describe("a few words naming no subject", () => {
  it("go on with the topic (« combien de participants ? »)", () => {
    expect(isElliptic("combien de participants ?", 1)).toBe(true);
    expect(isElliptic("conditions de salaire ?", 2)).toBe(true);
    expect(isElliptic("et le DLA du Gard ?", 1, true)).toBe(true);
    expect(isElliptic("c'est quoi le DLA ?", 1, true)).toBe(false);
  });
});

describe("a message taking up what the last answer introduced", () => {
  const topic = "Quelle action du schéma aide les structures ESS à accéder à la commande publique ?";
  const answer = "Le Département a présenté une feuille de route, avec un guide en six étapes rédigé par une juriste. [1]";
  it("is read with the topic when the answer holds its words and the topic's question does not", () => {
    expect(takesUpAnswer("qui a rédigé le guide ?", topic, answer)).toBe(true);
  });
  it("is not when it names what the answer does not, or when it is long", () => {
    expect(takesUpAnswer("qui a rédigé le Livre blanc ?", topic, answer)).toBe(false);
    expect(takesUpAnswer("qui a rédigé le guide que le Département a présenté aux acheteurs publics du Gard en novembre ?", topic, answer)).toBe(false);
    expect(takesUpAnswer("qui a rédigé le guide ?", topic, undefined)).toBe(false);
    expect(takesUpAnswer("et le Département, il a rédigé le guide ?", topic, answer)).toBe(false);
  });
});
