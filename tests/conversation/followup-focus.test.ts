/**
 * Follow-ups that lean on the turn just before: an elliptic one asking a kind of thing (« c'était en quelle année ? »)
 * is answered about the previous question's subject; one pointing back (« cette SCOP ») at a name the previous answer
 * led with is answered from that name's own document; a short « on postule comment ? » or « je m'adresse à qui ? »
 * asks it of the process the conversation is about.
 */
import { describe, expect, it } from "vitest";
import { answerType } from "../../src/answer/cards.js";
import { asksFormOfNamed, isElliptic, leadNames, namedWords, pointsBack, previousQuestions } from "../../src/answer/followup.js";
import { looksEnglish } from "../../src/retrieval/analyzer.js";
import { processStepAsked } from "../../src/conversation/question.js";
import { conversation, sharedCore } from "./helpers.js";

describe("reading what a follow-up leans on", () => {
  it("takes the questions before from a chain of topics", () => {
    expect(previousQuestions("et en quelle année ? — il vient d'où ? — qui a fondé la coopérative ?")).toBe("il vient d'où ? — qui a fondé la coopérative ?");
    expect(previousQuestions("une question sans sujet reporté")).toBe("");
  });

  it("reads the proper names an answer leads with", () => {
    expect(leadNames("Le bureau Atelier Vert Horizon, installé à Alès, a rédigé le plan. Marie Durand le dirige.")).toEqual(["Atelier Vert Horizon"]);
    expect(leadNames("The sources I rely on are in French; here is the answer in French.\n\nLa Maison Commune, à Uzès.")).toEqual(["La Maison Commune"]);
  });

  it("knows a pronoun or demonstrative pointing back", () => {
    expect(pointsBack("et cette coopérative, elle existe depuis quand ?")).toBe(true);
    expect(pointsBack("when did that company start?")).toBe(true);
    expect(pointsBack("et il va jusqu'à quand ?")).toBe(false);
    expect(pointsBack("combien de communes dans le Gard ?")).toBe(false);
  });

  it("knows a legal form asked of what was just named", () => {
    expect(asksFormOfNamed("c'est quoi leur statut ?")).toBe(true);
    expect(asksFormOfNamed("C'est quel type de structure, et basée où ?")).toBe(true);
    expect(asksFormOfNamed("what kind of organisation is it?")).toBe(true);
    expect(asksFormOfNamed("quel statut faut-il pour ma structure ?")).toBe(false);
    expect(asksFormOfNamed("elle est basée où ?")).toBe(false);
  });

  it("knows a kind of organisation put to what was just named as a yes/no question", () => {
    expect(asksFormOfNamed("c'est une entreprise privée comme les autres ?")).toBe(true);
    expect(asksFormOfNamed("c'est un cabinet d'études ou pas ?")).toBe(true);
    expect(asksFormOfNamed("is it a charity?")).toBe(true);
    // a kind of thing that is no organisation, or an organisation the question asks nothing of
    expect(asksFormOfNamed("c'est une aide pour les associations ?")).toBe(false);
    expect(asksFormOfNamed("c'est une bonne idée de les contacter ?")).toBe(false);
    expect(asksFormOfNamed("is it a grant or a loan?")).toBe(false);
  });

  it("reads a demonstrative naming a kind of subject as a follow-up", () => {
    expect(isElliptic("et cette SCOP, elle date de quand ?", 2, true)).toBe(true);
    expect(isElliptic("celui-là couvre quelles années ?", 2, false)).toBe(true);
    // naming more than a kind of subject, it asks its own question
    expect(isElliptic("quel montant de subvention reçoit cette coopérative chaque année ?", 4, false)).toBe(false);
  });

  it("tells a short ask of whom to see or where to apply", () => {
    expect(processStepAsked("bon ben je vais voir qui du coup ?")).toBe("contact");
    expect(processStepAsked("on s'adresse à qui ?")).toBe("contact");
    expect(processStepAsked("ok et on candidate où ?")).toBe("apply");
    expect(processStepAsked("fine, how can we apply?")).toBe("apply");
    expect(processStepAsked("qui finance les tiers-lieux dans les Cévennes et à quel taux pour une association ?")).toBeNull();
    expect(processStepAsked("c'est gratuit ?")).toBeNull();
  });
});

describe("an English follow-up's subject words", () => {
  it("tells a short English question from a French one", () => {
    expect(looksEnglish("and since when?")).toBe(true);
    expect(looksEnglish("when did they start?")).toBe(true);
    expect(looksEnglish("ok, where is it?")).toBe(true);
    expect(looksEnglish("et depuis quand ?")).toBe(false);
    expect(looksEnglish("c'est où ?")).toBe(false);
  });

  it("keeps only the names an English question writes", () => {
    expect(namedWords("when did it start?")).toBe("");
    expect(namedWords("And who manages the Tiers Lieu Bleu? — Is the SCIC based in Alès since 2021?")).toBe("Tiers Lieu Bleu SCIC Alès 2021");
  });
});

describe("a follow-up asking over which years", () => {
  it("reads « quelle période » and « à quelle époque » as asking a date", () => {
    expect(answerType("et ce plan, il s'étend sur quelle période ?")).toBe("date");
    expect(answerType("c'était à quelle époque ?")).toBe("date");
    expect(answerType("which years does the plan cover?")).toBe("date");
  });
});

const core = sharedCore();

describe("a follow-up answered about what was just spoken of", () => {
  it("gives the year of the previous question's subject, not of the document's main subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Dans quelle ville Charles Gide a-t-il vu le jour ?");
    const r = await c.say("c'était en quelle année ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/1847/);
  });

  it("answers a legal form asked of the name just given from that name's own document", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui a conçu le schéma ESS du Gard ?");
    await c.say("ils sont basés où ?");
    const r = await c.say("c'est quoi leur statut ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/SCOP/);
    expect(r.sources.map((s) => s.id)).toContain("la-grande-bobine");
  });

  it("answers a kind of organisation put to the name just given from that name's own document", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui a écrit le schéma ESS du Gard avec le Département ?");
    const r = await c.say("c'est une entreprise de conseil comme les autres ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/SCOP|coopérative/);
    expect(r.sources.map((s) => s.id)).toContain("la-grande-bobine");
  });

  it("answers a known gap's wording that a sentence of the topic's documents states", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Je voudrais tester mon activité de graphiste sans monter de société, quelle solution ?");
    await c.say("la coopérative prend quel pourcentage ?");
    const r = await c.say("et pour quelqu'un qui vit en Lozère ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Lozère/);
  });

  it("goes on with a short question answered by the ESS team as a project, not with the team's name", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("Une asso me demande si le Département finance les festivals hors ESS.");
    const r = await c.say("et pour le sport ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/sport/i);
  });

  it("goes on with what the previous question asked, not with the frame it was asked in", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Pour une note : part de l'ESS dans l'emploi salarié gardois ?");
    const r = await c.say("et en Occitanie ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/214 000|12 %/);
  });

  it("answers a short English follow-up from the topic's documents, not off its English verbs", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Tell me about the Gard centrale website");
    const r = await c.say("and when did it go live?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/2025/);
  });

  it("tells where to apply for the process the conversation is about, after a refusal handed to the ESS team", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Une coopérative peut-elle participer à l'appel à communs ?");
    await c.say("et une mairie ?");
    const r = await c.say("bon, on postule comment ?");
    expect(r.refused).toBe(false);
    expect(r.route?.process).toBe("appel-a-communs");
    expect(r.text).toMatch(/gard-centrale|Gard centrale/i);
  });
});
