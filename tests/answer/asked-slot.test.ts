/**
 * A precise detail asked (a provider, a boundary, the clauses themselves, who leads a part of the plan) is given only by
 * a text that speaks of it (src/answer/asked-slot.ts). Wordings written for this test, in several registers and both
 * languages.
 */
import { describe, expect, it } from "vitest";
import { askedSlots, fillsAskedSlots } from "../../src/answer/asked-slot.js";

describe("the precise detail a question asks", () => {
  const cases: [string, string[]][] = [
    ["C'est quelle boîte, le prestataire qui a codé le site Gard centrale ?", ["provider"]],
    ["Quelle agence a conçu le logo du Mois de l'ESS ?", ["provider"]],
    ["Which vendor hosts the commons platform?", ["provider"]],
    ["Le quartier prioritaire de Bagnols, il s'arrête à quelles rues ?", ["boundary"]],
    ["Quel est le périmètre exact du QPV de Beaucaire ?", ["boundary"]],
    ["What are the exact boundaries of the Pissevin priority area?", ["boundary"]],
    ["Quelles clauses environnementales figureront dans les prochains marchés ?", ["clauses"]],
    ["Which clauses will the Department add to its cleaning contracts?", ["clauses"]],
    ["Quelles structures copilotent l'axe 2 du schéma ?", ["pilot"]],
    ["Qui est chef de file sur l'axe 3 ?", ["pilot"]],
    ["C'est qui la directrice de la MIESS ?", ["role-holder"]],
    ["Qui est le référent ESS de la communauté de communes de Beaucaire ?", ["role-holder"]],
    ["Who is the manager of the Nîmes recyclerie?", ["role-holder"]],
    ["Je voudrais les noms des salariés de l'Adie à Nîmes.", ["role-holder"]],
    ["Give me the names of all the partners of the cooperative.", ["role-holder"]],
    // a role qualified before its noun
    ["Who is the France Active adviser in Nîmes?", ["role-holder"]],
    ["Qui est le nouveau coordinateur départemental du réseau ?", ["role-holder"]],
    ["La Maison de l'ESS, elle ouvre quels jours ?", ["day"]],
    ["Quels sont les horaires d'ouverture de l'accueil associatif ?", ["hours"]],
    ["What time does the office open on Mondays?", ["hours"]],
    ["Quelles pièces faut-il joindre au dossier d'agrément ?", ["documents"]],
    ["Which supporting documents should we send with the form?", ["documents"]],
    ["Est-ce qu'il y a un guichet dédié aux coopératives à la Région ?", ["dedicated-contact"]],
    ["Who is our contact at the Adie?", ["dedicated-contact"]],
    ["Quels retours le Département a-t-il eus après le forum ?", ["feedback"]],
    ["How was the presentation received by the other regions?", ["feedback"]],
    // « s'appeler comment » asks a name, in a first question or a follow-up
    ["Et le salon de l'an dernier, il s'appelait comment ?", ["name"]],
    ["Comment se nomme le réseau des collectivités ?", ["name"]],
    ["c'est quoi son nom exactement, à ce fonds ?", ["name"]],
    ["What was the forum in Bordeaux called?", ["name"]],
    ["what's the name of the platform?", ["name"]],
    // near misses: a general question about the same things asks no precise detail
    ["Quels quartiers d'Alès sont prioritaires ?", []],
    ["Comment devenir fournisseur du Département ?", []],
    ["Qui pilote le schéma ESS du Gard ?", []],
    ["Qu'est-ce qu'une clause sociale dans un marché public ?", []],
    ["Le DLA fait appel à des consultants ?", []],
    ["Comment s'organise la sélection des communs ?", []],
    ["On appelle qui pour le dossier ?", []],
    ["Comment on candidate, on nous appelle ensuite ?", []],
    ["Qui est concerné par l'agrément ESUS ?", []],
    ["Combien de salariés compte l'ESS dans le Gard ?", []],
    ["Quels documents le Département a-t-il publiés sur l'ESS ?", []],
    ["Qui contacter pour déposer un dossier ?", []],
    ["who do we contact for the call for commons?", []],
    ["Comment s'est passé le forum de Bordeaux ?", []],
    ["L'Espace Diderot a ouvert quand ?", []],
    ["Combien d'heures de formation compte le parcours ?", []],
  ];
  for (const [q, slots] of cases) it(`${q} → ${slots.join(", ") || "none"}`, () => expect(askedSlots(q)).toEqual(slots));
});

describe("whether a text gives the detail asked", () => {
  it("a description of the thing without the detail does not", () => {
    const platform = "Le site Gard centrale, ouvert en 2025, sert à déposer les projets de l'appel à communs. [1]";
    expect(fillsAskedSlots("Quelle agence a conçu le site Gard centrale ?", platform)).toBe(false);
    expect(fillsAskedSlots("Quelle agence a conçu le site Gard centrale ?", "Le site a été développé par une agence nîmoise. [1]")).toBe(true);
    const areas = "Alès compte les quartiers prioritaires des Prés Saint-Jean et des Cévennes. [1]";
    expect(fillsAskedSlots("Quelles rues bordent le quartier des Prés Saint-Jean ?", areas)).toBe(false);
    expect(fillsAskedSlots("Quelles rues bordent le quartier des Prés Saint-Jean ?", "Le périmètre se consulte sur la carte nationale. [1]")).toBe(true);
    const plan = "Le SPASER compte 5 axes et 39 actions. [1]";
    expect(fillsAskedSlots("Quelles clauses sociales seront imposées l'an prochain ?", plan)).toBe(false);
    expect(fillsAskedSlots("Quelles clauses sociales seront imposées l'an prochain ?", "Les marchés comportent des clauses d'insertion. [1]")).toBe(true);
  });
  it("a text that does not speak of the role asked names no one in it", () => {
    const areas = "Un quartier prioritaire réunit La Grand-Combe et Les Salles-du-Gardon, avec 4 100 habitants. [1]";
    expect(fillsAskedSlots("Qui est le délégué du préfet à Alès ?", areas)).toBe(false);
    expect(fillsAskedSlots("Qui est le délégué du préfet à Alès ?", "Chaque quartier a un délégué du préfet, nommé par l'État. [1]")).toBe(true);
    const firm = "La coopérative a rédigé le schéma ESS entre 2023 et 2024. [1]";
    expect(fillsAskedSlots("Quels sont les noms des associées de cette coopérative ?", firm)).toBe(false);
    expect(fillsAskedSlots("Who is the president of the Département?", "Le président du Département du Gard signe les conventions. [1]")).toBe(true);
  });
  it("an adviser asked by role is named only by a text that speaks of advisers", () => {
    const offices = "L'Adie reçoit les porteurs de projet dans ses permanences d'Alès et de Nîmes. [1]";
    expect(fillsAskedSlots("Qui est la conseillère de l'Adie à Alès ?", offices)).toBe(false);
    expect(fillsAskedSlots("Qui est la conseillère de l'Adie à Alès ?", "Une conseillère de l'Adie tient la permanence d'Alès. [1]")).toBe(true);
    expect(askedSlots("Qui peut me conseiller pour créer une SCOP ?")).toEqual([]);
  });
  it("a day asked is given by a weekday or a dated day, not by a frequency", () => {
    const frequency = "Le bus de l'emploi passe toutes les deux semaines dans 20 communes. [1]";
    expect(fillsAskedSlots("Le bus passe à Sumène quel jour ?", frequency)).toBe(false);
    expect(fillsAskedSlots("Le bus passe à Sumène quel jour ?", "Le bus passe à Sumène le jeudi matin. [1]")).toBe(true);
    expect(fillsAskedSlots("Which day was the plan adopted?", "The plan was adopted on 8 March 2024. [1]")).toBe(true);
    expect(askedSlots("Combien de jours dure la formation ?")).toEqual([]);
  });
  it("a question that asks no precise detail is not checked", () => {
    expect(fillsAskedSlots("Quels quartiers d'Alès sont prioritaires ?", "Alès compte les Prés Saint-Jean. [1]")).toBe(true);
  });
});

describe("the opening days and hours, the documents, a dedicated contact, the reactions", () => {
  const cases: [string, string, boolean][] = [
    // the days a place opens on are weekdays: the date it opened is no answer
    [
      "La maison des associations est ouverte quels jours ?",
      "La maison des associations est installée dans l'ancien collège, ouvert le 15 septembre 2020. [1]",
      false,
    ],
    ["La maison des associations est ouverte quels jours ?", "L'accueil se fait du lundi au vendredi, sur rendez-vous. [1]", true],
    // a day something happens may be a date
    ["La réunion du réseau, elle a eu lieu quel jour ?", "La réunion du réseau s'est tenue le 8 mars à Alès. [1]", true],
    ["Et ça ouvre à quelle heure ?", "Le local est situé au centre-ville, près de la gare. [1]", false],
    ["Et ça ouvre à quelle heure ?", "Ouvert de 9 h à 12 h et de 14 h à 17 h. [1]", true],
    ["Quelles pièces faut-il joindre au dossier d'agrément ?", "Le dossier se dépose en ligne sur la plateforme de la préfecture. [1]", false],
    ["Quelles pièces faut-il joindre au dossier d'agrément ?", "Il faut joindre les statuts et les comptes annuels du dernier exercice. [1]", true],
    ["Does the Region have a dedicated desk for cooperatives?", "La Région a adopté un plan pour l'ESS en 2018, organisé en sept priorités. [1]", false],
    ["Does the Region have a dedicated desk for cooperatives?", "La Région dispose d'un service dédié à l'économie sociale et solidaire. [1]", true],
    ["Quels retours le Département a-t-il eus après le forum ?", "Le Département a présenté l'appel à communs au forum de Bordeaux en octobre. [1]", false],
    ["Quels retours le Département a-t-il eus après le forum ?", "La démarche a été saluée par plusieurs collectivités présentes au forum. [1]", true],
    // a name is given quoted, after a naming word, as capitalised words or as what a sentence opens on; a date and a venue are none
    ["Et la fête de clôture, elle s'appelait comment ?", "Le samedi 14 juin 2025, à partir de 10 heures, au Parc de la Colline. [1]", false],
    ["Et la fête de clôture, elle s'appelait comment ?", "La clôture, « Fêtons la coopération », a réuni 300 personnes. [1]", true],
    ["Comment se nomme le réseau des collectivités ?", "Le réseau des collectivités engagées pour l'ESS a été créé en 2002. [1]", false],
    ["Comment se nomme le réseau des collectivités ?", "Le RTES est le réseau des collectivités territoriales pour une économie solidaire. [1]", true],
    ["what was the closing event called?", "It was held on 3 December in Alès. [1]", false],
    ["what was the closing event called?", "An event titled Commons Day closed the month. [1]", true],
    ["Ils s'appellent comment, ces quartiers ?", "Deux quartiers : Les Prés-Saint-Jean et Cévennes-Tamaris. [1]", true],
  ];
  for (const [q, text, fills] of cases) it(`${q} ← ${text.slice(0, 50)}… : ${fills}`, () => expect(fillsAskedSlots(q, text)).toBe(fills));
});
