/**
 * The scope gate of the project-fit reply (src/fit/scope.ts): a private individual's own property or leisure and a
 * person's private data are no project; an ESS carrier asking to be supported or oriented is always in scope. New
 * wordings, not the tuning sets'.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldText, projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { isOutOfScope } from "../../src/fit/project-fit.js";
import { asksPersonalData, asksSupportForEssCarrier, isPrivateMatter } from "../../src/fit/scope.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const read = (text: string) => projectFeatures(text, links);
const isPrivate = (text: string) => isPrivateMatter(foldText(text), read(text));
const inScopeAsk = (text: string) => asksSupportForEssCarrier(foldText(text), read(text));

describe("a private individual's own property or leisure", () => {
  it("a pool, a house, a flat bought to let to tourists: private matters", () => {
    expect(isPrivate("Je voudrais agrandir ma maison à Vauvert pour y faire une véranda, le Département aide-t-il ?")).toBe(true);
    expect(isPrivate("Nous aimerions faire construire une piscine à Bernis, quelle subvention ?")).toBe(true);
    expect(isPrivate("J'envisage d'acheter deux studios à Alès en LMNP, est-ce qu'il existe une aide ?")).toBe(true);
    expect(isPrivate("Un particulier de Bagnols veut acheter une maison pour la louer aux vacanciers, quelle aide ?")).toBe(true);
  });

  it("a structure, a shared good or a business being created is no private matter", () => {
    // An association's project on its own premises.
    expect(isPrivate("Notre association veut faire construire une piscine pour les enfants du quartier à Nîmes : qui finance ?")).toBe(false);
    // A private garden opened to the neighbourhood.
    expect(isPrivate("Je voudrais transformer mon jardin en jardin partagé pour les habitants du quartier à Alès, qui peut m'aider ?")).toBe(false);
    // A person creating a business in their house (a creator: the honour loans may take it).
    expect(isPrivate("Je veux créer des chambres d'hôtes dans ma maison à Uzès, quel financement ?")).toBe(false);
    // A cooperative of inhabitants building homes.
    expect(isPrivate("Une coopérative d'habitants veut construire des logements à Sommières, quel soutien ?")).toBe(false);
  });
});

describe("a person's private data", () => {
  it("the pay, family or home of someone identified is private data", () => {
    expect(asksPersonalData(foldText("Combien gagne et où habite la chargée de mission ? Quel est le domicile de la chargée de mission ?"))).toBe(true);
    expect(asksPersonalData(foldText("Quelle est la situation familiale de la directrice du service ?"))).toBe(true);
    expect(asksPersonalData(foldText("What is the salary of the officer who handles the applications?"))).toBe(true);
  });

  it("a project's own costs name nobody in particular", () => {
    expect(asksPersonalData(foldText("Peut-on financer le salaire d'un animateur pour notre tiers-lieu ?"))).toBe(false);
    expect(asksPersonalData(foldText("Quelle aide pour les familles en situation familiale difficile de notre quartier ?"))).toBe(false);
  });
});

describe("an ESS carrier asking to be supported or oriented is in scope", () => {
  it("a mayor for the associations of the commune, an association, a collective of inhabitants", () => {
    expect(
      inScopeAsk("La maire de Lédignan voudrait savoir si les associations du village peuvent être soutenues par le Département. Vers qui se tourner ?"),
    ).toBe(true);
    expect(inScopeAsk("Notre association de Quissac n'a pas encore de projet précis mais aimerait savoir qui peut nous accompagner.")).toBe(true);
    expect(inScopeAsk("Un collectif d'habitants de Lunel-Viel se demande quelles aides existent pour lui.")).toBe(true);
  });

  it("a commercial company, or a carrier that asks nothing, is not", () => {
    expect(inScopeAsk("Notre SARL de transport à Alès voudrait savoir qui peut nous financer.")).toBe(false);
    expect(inScopeAsk("Notre association de Quissac organise un loto le mois prochain.")).toBe(false);
  });

  it("a collective of inhabitants is never read out of scope; a private club, by its name, still is", () => {
    const collective = "Un collectif d'habitants de Sauve veut transformer un parking en placette et faire de la publicité pour la fête : quel soutien ?";
    expect(isOutOfScope(read(collective), foldText(collective))).toBe(false);
    const club = "Un club de golf privé réservé aux membres près d'Uzès veut une subvention pour sa piscine à débordement.";
    expect(isOutOfScope(read(club), foldText(club))).toBe(true);
  });

  it("an ESS legal form is never read out of scope, a private matter supposes no structure", () => {
    const text = "Notre association organise une activité de loisirs et une campagne de pub pour un club privé à Nîmes : qui peut nous aider ?";
    expect(isOutOfScope(read(text))).toBe(false);
    expect(isPrivate(text)).toBe(false);
  });
});

describe("the pay of the writer's own staff", () => {
  it("is a project's cost, not private data", () => {
    expect(asksPersonalData(foldText("Nous ne pouvons plus payer le salaire de la responsable de notre épicerie, quelle aide ?"))).toBe(false);
    expect(asksPersonalData(foldText("Quel est le salaire du chargé de mission ESS du Département ?"))).toBe(true);
    expect(asksPersonalData(foldText("Peut-on financer le salaire de la salariée qui anime notre tiers-lieu ?"))).toBe(false);
  });
});

describe("an ordinary business said to have no social side, in English", () => {
  it("« a regular business, no social purpose » asking for ESS money is out of scope; a charity saying so is not", () => {
    const shop =
      "My partner and I plan to open a bike repair shop in Alès. It is a regular business, nothing social about it; can the ESS budget pay for our tools?";
    expect(isOutOfScope(read(shop), foldText(shop))).toBe(true);
    const charity = "Our association in Alès runs a regular business of bike repairs, nothing social beyond that; can the ESS budget help?";
    expect(isOutOfScope(read(charity), foldText(charity))).toBe(false);
  });
});

describe("a private family celebration", () => {
  it("a wedding or a birthday party of one's own is a private matter; an association that organises them is not", () => {
    expect(isPrivate("Est-ce que le Département aide pour un anniversaire ? On cherche un traiteur pas cher à Bagnols.")).toBe(true);
    expect(isPrivate("We would like the Département to pay for the hall of our wedding in Sommières, is there a grant?")).toBe(true);
    expect(isPrivate("Notre association de Bagnols organise des mariages solidaires pour des familles modestes et cherche un financement.")).toBe(false);
    // A trade that serves celebrations is a business, not one's own celebration.
    expect(isPrivate("Je suis photographe, je fais surtout des photos de mariage à Nîmes, et je voudrais racheter le studio de mon ancien patron.")).toBe(
      false,
    );
  });
});
