/**
 * Follow-ups asking a detail of a precise kind that the account of their topic does not give (src/answer/asked-slot.ts,
 * src/answer/followup.ts): where a document can be read online, when an event put off was held after all, which one of a
 * kind stands first by its size, which canton an elected member stands for. Wordings written for
 * this test, in several registers and both languages, with near-misses that ask none of these.
 */
import { describe, expect, it } from "vitest";
import { askedSlots, fillsAskedSlots } from "../../src/answer/asked-slot.js";
import { givesAskedKind } from "../../src/answer/followup.js";

describe("a follow-up asking where a document can be read online", () => {
  it("is read in several wordings", () => {
    for (const q of [
      "on peut le récupérer en pdf ?",
      "il est téléchargeable quelque part ?",
      "y a un lien pour le lire ?",
      "je le trouve en ligne où ?",
      "where can we download the white paper?",
      "is it available online somewhere?",
      "can I read it online?",
    ])
      expect(askedSlots(q), q).toContain("online-copy");
  });

  it("is not read in a question about filing online or a website's name", () => {
    for (const q of [
      "c'est sur quel site ?",
      "on dépose le dossier comment ?",
      "la plateforme est ouverte depuis quand ?",
      "what's the website called?",
      // a link between two things is no web link
      "quel est son lien avec le Gard ?",
      "le SPASER, il a un lien avec le schéma ?",
      "what's the link between the two plans?",
    ])
      expect(askedSlots(q), q).not.toContain("online-copy");
  });

  it("is given by a web address or a text saying it is online, not by what the document says", () => {
    const q = "il est dispo en pdf ?";
    expect(fillsAskedSlots(q, "Le document a été élaboré entre 2018 et 2020 après une concertation conclue au Pont du Gard.")).toBe(false);
    expect(fillsAskedSlots(q, "Le document se télécharge sur www.gard.fr, rubrique ESS.")).toBe(true);
    expect(fillsAskedSlots(q, "Il est publié en ligne sur le site du Département.")).toBe(true);
  });
});

describe("a follow-up asking when an event put off was held after all", () => {
  it("is read in several wordings", () => {
    for (const q of [
      "il a été reprogrammé quand ?",
      "la réunion a été reportée à quand finalement ?",
      "elle a été décalée à quelle date ?",
      "ils l'ont repoussée à quand ?",
      "when was it rescheduled?",
      "was the workshop postponed?",
    ])
      expect(askedSlots(q), q).toContain("rescheduled");
  });

  it("is not read in a plain question about when or where", () => {
    for (const q of ["c'était quand ?", "il a eu lieu où ?", "when did it take place?", "le rapport est sorti quand ?"])
      expect(askedSlots(q), q).not.toContain("rescheduled");
  });

  it("is given by a text speaking of the new date, not by the first dates", () => {
    const q = "il a été reprogrammé quand ?";
    expect(fillsAskedSlots(q, "Les ateliers ont eu lieu en octobre 2023, puis un grand atelier le 22 novembre.")).toBe(false);
    expect(fillsAskedSlots(q, "L'atelier annulé a été reporté au 5 décembre.")).toBe(true);
  });
});

describe("a follow-up asking which one stands first by its size", () => {
  it("is read in several wordings", () => {
    for (const q of ["la plus grosse c'est laquelle ?", "laquelle est la plus peuplée ?", "et le plus grand ?", "which one is the biggest?", "the largest?"])
      expect(askedSlots(q), q).toContain("superlative");
  });

  it("is not read in a question about one named thing or a count", () => {
    for (const q of [
      "elle compte combien d'habitants ?",
      "c'est quoi la plus-value ?",
      "plus de détails ?",
      "how big is it?",
      // a superlative qualifying what is asked, not asking which one
      "combien de salariés selon les chiffres les plus récents ?",
      "c'est le plus gros financeur ?",
    ])
      expect(askedSlots(q), q).not.toContain("superlative");
  });

  it("is given by a superlative or by figures of one measure set side by side, not by a count of them", () => {
    const count = "14 intercommunalités ont leur siège dans le Gard : 3 communautés d'agglomération et 11 communautés de communes.";
    const sideBySide = "Nîmes Métropole (39 communes, 258 000 habitants), Alès Agglomération (72 communes, 131 000 habitants).";
    expect(givesAskedKind("la plus grosse c'est laquelle ?", count)).toBe(false);
    expect(givesAskedKind("la plus grosse c'est laquelle ?", sideBySide)).toBe(true);
    expect(givesAskedKind("which is the biggest?", "Nîmes Métropole is the largest of them.")).toBe(true);
    // the most populous is told by inhabitants, not by the communes each one counts
    expect(givesAskedKind("laquelle est la plus peuplée ?", "Pont du Gard compte 15 communes, De Cèze Cévennes 23 communes.")).toBe(false);
    expect(givesAskedKind("laquelle est la plus peuplée ?", sideBySide)).toBe(true);
  });
});

describe("a follow-up asking which identifiers a body needs", () => {
  it("is given by the identifiers named, not by a text saying some are required", () => {
    for (const q of ["et il lui faut quels identifiants ?", "elle doit avoir quels numéros d'identification ?", "which registration numbers does it need?"])
      expect(askedSlots(q), q).toContain("identifiers");
    expect(askedSlots("c'est quoi un identifiant fiscal ?")).not.toContain("identifiers");
    const q = "et il lui faut quels identifiants pour être payée ?";
    expect(givesAskedKind(q, "Ce document rassemble les règles des subventions : seuils, identifiants obligatoires et conventions.")).toBe(false);
    expect(givesAskedKind(q, "Un numéro SIRET, et pour une association son numéro RNA.")).toBe(true);
  });
});

describe("a figure asked of next year", () => {
  it("is read in several wordings, not in a duration or a plan stated", () => {
    for (const q of [
      "et combien de postes l'État va financer l'an prochain ?",
      "on touchera combien l'année prochaine ?",
      "quel budget pour l'ESS l'an prochain ?",
      "how many jobs will be funded next year?",
    ])
      expect(askedSlots(q), q).toContain("next-year-figure");
    for (const q of [
      "notre agrément finit l'an prochain, on le renouvelle pour combien de temps ?",
      "combien de postes ont été financés l'an dernier ?",
      "on veut embaucher l'an prochain, quelle aide ?",
    ])
      expect(askedSlots(q), q).not.toContain("next-year-figure");
  });

  it("is given by a text speaking of what is planned, not by last years' figures", () => {
    const q = "et combien de postes l'État va financer l'an prochain ?";
    expect(fillsAskedSlots(q, "En 2024, 450 postes d'insertion ont été financés dans le Gard.")).toBe(false);
    expect(fillsAskedSlots(q, "La convention prévoit 500 postes d'ici fin 2027.")).toBe(true);
  });
});

describe("a follow-up asking which canton", () => {
  it("is given by a canton named, not by the number of cantons", () => {
    const q = "elle est élue de quel canton ?";
    expect(askedSlots(q)).toContain("canton");
    expect(askedSlots("which canton does she represent?")).toContain("canton");
    expect(askedSlots("combien de cantons dans le Gard ?")).not.toContain("canton");
    expect(fillsAskedSlots(q, "L'assemblée compte 46 conseillers élus dans 23 cantons.")).toBe(false);
    expect(fillsAskedSlots(q, "Elle est conseillère départementale, élue du canton du Vigan.")).toBe(true);
  });
});
