/**
 * Questions offering an alternative (« c'est une subvention ou un prêt ? », "a trial or a permanent scheme?") are
 * answered by the side the sources support, never by « Oui » / « Non »; a yes/no question whose predicate the answer
 * confirms, in its first sentence or the next one about the same subject, or that asks whether a thing exists, gets
 * « Oui » first; a card answering « which thing… ? » names that thing.
 */
import { describe, expect, it } from "vitest";
import { alternativeOf, asksKindOfStructure, premiseVerdict, withAlternativeLead } from "../../src/answer/premise.js";
import { FRENCH_SOURCES_NOTE } from "../../src/answer/card-reply.js";
import { legalFormsNamed } from "../../src/eligibility/extract.js";
import { sharedRuntime } from "./helpers.js";

describe("the two sides of an alternative ending a question", () => {
  it("reads them with their article, before a relative clause, in French and English", () => {
    expect(alternativeOf("Le fonds, c'est un don ou une avance ?")).toEqual(["un don", "une avance"]);
    expect(alternativeOf("c la Région ou l'État qui paie ?")).toEqual(["la Région", "l'État"]);
    expect(alternativeOf("Qui signe la convention, le maire ou la préfète ?")).toEqual(["le maire", "la préfète"]);
    expect(alternativeOf("Is the workshop a one-off or a yearly event?")).toEqual(["a one-off", "a yearly event"]);
    expect(alternativeOf("l'accompagnement est gratuit ou payant ?")).toEqual(["gratuit", "payant"]);
  });

  it("reads none in « ou pas », in an « ou » inside the subject of a yes/no question, or in long clauses", () => {
    expect(alternativeOf("On peut déposer un dossier ou pas ?")).toBeUndefined();
    expect(alternativeOf("Is it open to everyone or not?")).toBeUndefined();
    expect(alternativeOf("Une mutuelle ou une fondation peut-elle répondre ?")).toBeUndefined();
    expect(alternativeOf("Qui finance le projet ?")).toBeUndefined();
    expect(alternativeOf("Faut-il écrire au Département ou bien passer directement par la plateforme du réseau régional ?")).toBeUndefined();
  });
});

describe("an alternative is answered by the side the answer supports", () => {
  it("puts that side first, in place of a « Oui » that answers no alternative", () => {
    expect(withAlternativeLead("Le fonds, c'est un don ou une avance ?", "Oui : c'est une avance remboursable sur trois ans. [1]", false)).toBe(
      "Une avance : c'est une avance remboursable sur trois ans. [1]",
    );
    expect(withAlternativeLead("c la Région ou l'État qui paie ?", "C'est l'État qui paie, via la préfecture ; la Région n'y participe pas. [1]", false)).toBe(
      "L'État : c'est l'État qui paie, via la préfecture ; la Région n'y participe pas. [1]",
    );
    expect(
      withAlternativeLead("Is the workshop a one-off or a yearly event?", "Yes: the workshop is a one-off, held in 2023. [1]", true, [
        "Oui : l'atelier était unique, en 2023.",
      ]),
    ).toBe("A one-off: the workshop is a one-off, held in 2023. [1]");
  });

  it("reads the side in the card's French answer when the English one words it otherwise", () => {
    expect(
      withAlternativeLead("Is the scheme an experiment or a permanent programme?", "Yes: 2026 is a pilot year. [1]", true, [
        "Oui : 2026 est une année d'expérimentation du dispositif.",
      ]),
    ).toBe("An experiment: 2026 is a pilot year. [1]");
  });

  it("keeps the name's capital after the lead", () => {
    expect(
      withAlternativeLead("Les Jardins Partagés, c'est une association ou une société ?", "Les Jardins Partagés sont une société coopérative. [1]", false),
    ).toBe("Une société : Les Jardins Partagés sont une société coopérative. [1]");
  });

  it("leaves the answer alone when both sides, or neither, are said, or only denied", () => {
    const keep = (q: string, a: string, english = false) => expect(withAlternativeLead(q, a, english)).toBe(a);
    keep("Le fonds, c'est un don ou une avance ?", "Le fonds peut verser un don ou une avance selon le projet. [1]");
    keep("Le fonds, c'est un don ou une avance ?", "Le fonds est géré par la Région. [1]");
    keep("Le fonds, c'est un don ou une avance ?", "Ce n'est pas une avance. [1]");
    // a side also named by the subject is said of the subject
    keep("Le prêt solidaire, c'est un don ou un prêt ?", "Le prêt solidaire est accordé par France Active. [1]");
    // an English question answered in French
    keep("Is it a grant or a loan?", `${FRENCH_SOURCES_NOTE}\n\nC'est une subvention. [1]`, true);
    // no alternative
    keep("Le fonds verse-t-il des avances ?", "Oui : des avances remboursables. [1]");
  });
});

describe("an alternative of kinds of structure asks what kind its subject is", () => {
  it("reads legal forms and other kinds on both sides", () => {
    expect(asksKindOfStructure("L'Atelier du Coin, c'est une asso ou une entreprise ?", legalFormsNamed)).toBe(true);
    expect(asksKindOfStructure("Is Terra Viva a charity or a company?", legalFormsNamed)).toBe(true);
    expect(asksKindOfStructure("Le fonds, c'est un don ou une avance ?", legalFormsNamed)).toBe(false);
    expect(asksKindOfStructure("c'est gratuit ou payant ?", legalFormsNamed)).toBe(false);
  });
});

describe("a yes/no claim is confirmed across a sentence about the same subject", () => {
  it("says « Oui » when the next sentence, about the same subject, holds the rest of the claim", () => {
    expect(
      premiseVerdict(
        "La Caisse Solidaire prête-t-elle aux coopératives ?",
        "C'est un établissement du réseau Caisse Solidaire, à Nîmes. Elle prête aux coopératives et aux associations. [1]",
      ),
    ).toBe("yes");
  });

  it("says nothing when the next sentence speaks of another subject or denies", () => {
    expect(
      premiseVerdict(
        "La Caisse Solidaire prête-t-elle aux coopératives ?",
        "C'est un établissement du réseau Caisse Solidaire, à Nîmes. La Région prête aux coopératives. [1]",
      ),
    ).toBeNull();
    expect(
      premiseVerdict(
        "La Caisse Solidaire prête-t-elle aux coopératives ?",
        "C'est un établissement du réseau Caisse Solidaire, à Nîmes. Elle ne prête pas aux coopératives. [1]",
      ),
    ).toBeNull();
  });

  it("reads whether a thing exists from an answer naming it where asked", () => {
    expect(premiseVerdict("Existe-t-il un incubateur social dans l'Hérault ?", "C'est Alter'Incub qui est l'incubateur social de l'Hérault. [1]")).toBe("yes");
    expect(premiseVerdict("Is there a food bank in Alès?", "The Restos du Cœur run a food bank in Alès; it opens on Mondays. [1]")).toBe("yes");
    // the place asked is not the one the answer names
    expect(premiseVerdict("Existe-t-il un incubateur social dans l'Hérault ?", "C'est Alter'Incub qui est l'incubateur social du Gard. [1]")).toBeNull();
  });
});

describe("answers lead with what is asked (bundled knowledge)", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string, audience: "agent" | "porteur" = "porteur") => t.runtime.answerer.ask(q, { audience });

  it("names the event a body organises, the exercise of the consultation, the measure funding cooperations", async () => {
    const cases: [string, RegExp][] = [
      ["Chaque mois de novembre, la CRESS organise quel événement ?", /mois de l'ESS/i],
      ["Pendant la concertation, quel jeu de rôle devait préfigurer un laboratoire de l'ESS ?", /dystopique/i],
      ["Quelle mesure du schéma soutient des coopérations entre plusieurs structures à la campagne ?", /appel à communs/i],
    ];
    for (const [q, re] of cases) {
      const reply = await ask(q, "agent");
      expect(reply.refused, `${q} → ${reply.text}`).toBe(false);
      expect(reply.text.slice(0, 120), q).toMatch(re);
    }
  });

  it("gives a SCIC's possible legal forms", async () => {
    for (const q of ["Quelles formes juridiques sont possibles pour une SCIC ?", "Quel statut juridique peut prendre une SCIC ?"]) {
      const reply = await ask(q);
      expect(reply.text, q).toMatch(/SARL/);
    }
  });

  it("leads an alternative with the side the sources support", async () => {
    const reply = await ask("L'appel à communs, c'est une expérimentation ou un dispositif pérenne ?");
    expect(reply.text).toMatch(/^Une expérimentation :/);
    const english = await ask("Is the DLA run by an association or by the Département?");
    expect(english.text).toMatch(/^By an association: the Acegaa/);
  });

  it("says what kind of structure La Grande Bobine is when asked between two kinds", async () => {
    const reply = await ask("La Grande Bobine, c'est une asso ou une boîte ?");
    expect(reply.text).toMatch(/SCOP|coopérative/);
  });

  it("confirms a funder finances a kind of structure", async () => {
    const reply = await ask("France Active finance-t-elle les coopératives ?");
    expect(reply.text).toMatch(/^Oui :/);
  });
});

describe("a claim read across the next sentence", () => {
  it("needs the missing words written there alike, not a word sharing only their stem", () => {
    expect(
      premiseVerdict(
        "Le collectif Terre Vive est-il une association ?",
        "Le collectif Terre Vive est une coopérative. Elle réunit plusieurs catégories d'associés. [1]",
      ),
    ).toBeNull();
  });
});
