/**
 * What a follow-up asks for and whether a text gives it (followup.ts givesAskedKind): the test
 * topicFirst applies before looking in the topic's documents.
 */
import { describe, expect, it } from "vitest";
import { askedKind, asksLaw, asksPerson, givesAskedKind, resolveOrdinal } from "../../src/answer/followup.js";

describe("the kind a follow-up asks", () => {
  it("reads « qui » asked after other words as asking who", () => {
    expect(askedKind("et chez nous, c'est qui au juste ?")).toBe("who");
    expect(askedKind("bon et qui s'en charge localement ?")).toBe("who");
    expect(askedKind("ça dépend de qui ?")).toBe("who");
  });

  it("reads « à qui ? » and « devant qui ? » after a verb of asking or sending as asking who", () => {
    expect(askedKind("et ça se dépose à qui ?")).toBe("who");
    expect(askedKind("le dossier, faut le présenter devant qui")).toBe("who");
    expect(askedKind("ça s'envoie à qui ?")).toBe("who");
    // near misses: « à qui » opening a relative clause, or asking whose a thing is (« à personne » may answer it)
    expect(askedKind("une aide à qui tout le monde a droit ?")).not.toBe("who");
    expect(askedKind("et les outils créés, ils sont à qui ?")).not.toBe("who");
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

  it("wants a real place for where, not a name after « à »", () => {
    expect(givesAskedKind("elle se trouve où ?", "La mission a été confiée à La Petite Navette en 2022.")).toBe(false);
    expect(givesAskedKind("elle se trouve où ?", "La Petite Navette est installée à Alès, dans un ancien atelier.")).toBe(true);
    expect(givesAskedKind("elle se trouve où ?", "Les dossiers se déposent sur exemple-plateforme.gard.fr.")).toBe(true);
  });

  it("wants a legal form for a status question", () => {
    expect(askedKind("et leur forme juridique ?")).toBe("other");
    expect(givesAskedKind("et leur forme juridique ?", "La Petite Navette est une SCIC créée en 2020.")).toBe(true);
    expect(givesAskedKind("what type of organisation is it?", "It is a cooperative (SCOP).")).toBe(true);
    expect(givesAskedKind("et leur forme juridique ?", "Elle anime des ateliers de design.")).toBe(false);
  });

  it('reads « lequel » and "which one" as asking a name, given by a kind\'s acronym and a proper name', () => {
    expect(askedKind("et lequel est actif près d'Uzès ?")).toBe("who");
    expect(askedKind("which ones work near Nîmes?")).toBe("who");
    expect(givesAskedKind("et lequel est actif près d'Uzès ?", "La SCIC Terre Commune agit autour d'Uzès.")).toBe(true);
  });

  it("says nothing of a follow-up asking no such kind", () => {
    expect(givesAskedKind("et pour une coopérative ?", "Oui.")).toBeNull();
  });
});

describe("an item of a list named by its rank", () => {
  it("names the item of the list the previous question asked for", () => {
    expect(resolveOrdinal("et la deuxième, elle porte sur quoi ?", "quelles sont les mesures phares du plan ?")).toBe("et la mesure 2, elle porte sur quoi ?");
    expect(resolveOrdinal("ok et le 4e axe ?", "x — on m'a parlé des axes du schéma")).toBe("ok et l'axe 4 ?");
  });

  it("names the item of a list the previous question counted", () => {
    expect(resolveOrdinal("et la troisième, c'est laquelle ?", "le plan compte combien de mesures ?")).toBe("et la mesure 3, c'est laquelle ?");
    expect(resolveOrdinal("and the second one?", "how many measures does the plan have?")).toBe("and the measure 2?");
    expect(resolveOrdinal("et le premier ?", "il y a combien d'ateliers prévus ?")).toBe("et l'atelier 1 ?");
  });

  it("leaves a rank alone when no list was asked", () => {
    expect(resolveOrdinal("le premier rendez-vous, c'est quand ?", "c'est gratuit ?")).toBeNull();
    expect(resolveOrdinal("c'est pour qui ?", "quels sont les axes ?")).toBeNull();
  });
});

describe("a maximum or a duration asked by a follow-up", () => {
  it("wants a ceiling for « et le max ? », not a floor", () => {
    expect(askedKind("et le plafond alors ?")).toBe("number");
    expect(givesAskedKind("et le max ?", "Au moins 20 % des bénéfices vont en réserves.")).toBe(false);
    expect(givesAskedKind("et le max ?", "Une commune peut détenir jusqu'à 30 % du capital.")).toBe(true);
    // a sum asked without a maximum is still given by any sum
    expect(givesAskedKind("c'est combien ?", "Le prêt moyen est de 6 000 €.")).toBe(true);
  });

  it('reads "how long" and « quelle durée » as asking a figure', () => {
    expect(askedKind("how long does the programme run?")).toBe("number");
    expect(askedKind("et quelle durée pour l'accompagnement ?")).toBe("number");
    expect(givesAskedKind("how long does the programme run?", "Le programme dure neuf mois.")).toBe(true);
    expect(givesAskedKind("how long does the programme run?", "Le programme accompagne des projets coopératifs.")).toBe(false);
    // near miss: "how" alone asks a manner
    expect(askedKind("how does the programme work?")).not.toBe("number");
  });
});

describe("a law asked by a follow-up", () => {
  it("wants a law named, not the account of what changed", () => {
    expect(asksLaw("et c'est quelle loi qui a fait ça ?")).toBe(true);
    expect(asksLaw("which act set that rule?")).toBe(true);
    expect(givesAskedKind("which act set that rule?", "La loi Hamon (loi n° 2014-344) a créé cette règle.")).toBe(true);
    expect(givesAskedKind("et c'est quelle loi qui a fait ça ?", "Depuis la loi du 31 juillet 2014, la règle s'applique.")).toBe(true);
    expect(givesAskedKind("et c'est quelle loi qui a fait ça ?", "Les régions définissent désormais les aides aux entreprises.")).toBe(false);
  });
  it("leaves other questions on the law alone", () => {
    // near misses: what a law says, whether one applies
    expect(asksLaw("qu'est-ce que cette loi a changé ?")).toBe(false);
    expect(asksLaw("is it required by law?")).toBe(false);
    expect(givesAskedKind("qu'est-ce que cette loi a changé ?", "Les régions définissent les aides.")).toBeNull();
  });
});

describe("who a follow-up asks", () => {
  it("is not given by places or the tail of a body's name", () => {
    const places = "Des réunions ont eu lieu dans le Pays Viganais, le Gard Rhodanien et la Vallée Longue.";
    expect(givesAskedKind("and who ran them?", places)).toBe(false);
    expect(givesAskedKind("and who ran them?", "Elles ont été animées par La Petite Navette, une coopérative.")).toBe(true);
    expect(givesAskedKind("c'est qui qui l'anime ?", "Elle est animée par Julie Fabre, chargée de mission.")).toBe(true);
  });
  it("is given by kinds of people when a group is asked", () => {
    const kinds = "Une centaine de personnes sont venues: des habitants, des élus et des associations du territoire.";
    expect(givesAskedKind("et qui étaient les invités ?", kinds)).toBe(true);
    // near miss: who ran it is not told by who came
    expect(givesAskedKind("and who ran them?", kinds)).toBe(false);
  });

  it("wants a person's name when a person is asked", () => {
    expect(asksPerson("et quel conseiller l'a défendu ?")).toBe(true);
    expect(asksPerson("which councillor presented it?")).toBe(true);
    expect(givesAskedKind("et quel conseiller l'a défendu ?", "Le plan a été porté par La Petite Navette (SCOP).")).toBe(false);
    expect(givesAskedKind("et quel conseiller l'a défendu ?", "Le plan a été présenté par Julien Fabre en séance.")).toBe(true);
    // near miss: « qui » alone may be answered by a body
    expect(asksPerson("et qui l'a défendu ?")).toBe(false);
    expect(givesAskedKind("et qui l'a défendu ?", "Le plan a été porté par La Petite Navette (SCOP).")).toBe(true);
  });
});

describe("a figure's noun asked like a definition", () => {
  it("asks the figure", () => {
    expect(askedKind("c'est quoi le seuil ?")).toBe("number");
    expect(askedKind("et c'est quoi le montant pour une asso ?")).toBe("number");
    expect(askedKind("what's the threshold?")).toBe("number");
    expect(givesAskedKind("c'est quoi le seuil ?", "Le seuil est fixé à 15 000 € par an.")).toBe(true);
    expect(givesAskedKind("c'est quoi le seuil ?", "Le seuil dépend du statut de la structure.")).toBe(false);
  });
  it("leaves definitions of other things alone", () => {
    expect(askedKind("c'est quoi une SCIC ?")).toBe("definition");
    expect(askedKind("c'est quoi le plan de relance des coopératives du Gard en 2024 ?")).toBe("definition");
  });
});
