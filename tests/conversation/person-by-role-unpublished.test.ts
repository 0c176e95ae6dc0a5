/**
 * Who a person is, asked by the role they hold in a body (an adviser, a consultant, a project officer, the person in
 * charge of a thing) or as the one a body will assign (src/answer/named-person.ts, gap « personne-non-publiee »): the
 * public sources name the bodies and their elected officials, never the people who work there, so the answer is « je ne
 * sais pas » with the people of the process the role belongs to (the DLA's adviser is the DLA's), else the ESS team.
 * Near misses keep their answers: an elected official (named), a body asked with « qui porte… ? », whom to turn to.
 * Who went to an event for the Département (gap « intervenants-evenements ») is not published either, whatever the event,
 * and is the Département's own fact: its ESS team answers it (a partner's representative, named, is still answered).
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";
import { asksUnpublishedPerson } from "../../src/answer/named-person.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a person asked by their role", () => {
  it("reads who holds a role, in French and in English", () => {
    for (const q of [
      "Qui est la responsable du site internet de Gard centrale ?",
      "c'est qui la conseillère qui suit les assos du côté de Bagnols ?",
      "notre accompagnateur à l'incubateur, ce sera qui ?",
      "La chargée de mission du DLA, elle s'appelle comment ?",
      "Quelle consultante animera le diagnostic de notre SCOP ?",
      "Which adviser handles social enterprises around Beaucaire?",
      "Who's going to be our consultant?",
      "Who will be assigned to our association?",
      "What's the name of the manager of the Gard centrale platform?",
      "Et le nom de l'agent qui gère les candidatures, vous l'avez ?",
    ])
      expect(asksUnpublishedPerson(q), q).toBe(true);
  });

  it("leaves the roles whose holders are named, the bodies, whom to turn to and the rest", () => {
    for (const q of [
      // elected officials are named by the sources
      "Qui est la vice-présidente chargée de l'économie sociale ?",
      "Who is the president of the Gard council?",
      "C'est qui la conseillère départementale du canton d'Uzès ?",
      // a body, a responsibility, a route
      "Qui porte le DLA dans le Gard ?",
      "Who runs the DLA in the Gard?",
      "Qui est responsable de l'agrément ESUS ?",
      "Qui peut nous aider à monter notre coopérative ?",
      "À qui s'adresser pour un prêt d'honneur ?",
      "Vers quel interlocuteur orienter une SARL qui veut investir ?",
      "ma petite entreprise de 3 salariés veut investir, c'est qui qui aide ?",
      // the role in a question about who may benefit, or relative « qui »
      "Qui peut bénéficier d'un consultant du DLA ?",
      "Who is eligible for a DLA consultant?",
      "Le DLA a des conseillers qui accompagnent les associations ?",
      "Quel est le nom du dispositif qui finance les consultants ?",
    ])
      expect(asksUnpublishedPerson(q), q).toBe(false);
  });
});

describe("refusing the person, routed to the process the role belongs to", () => {
  it("hands a DLA adviser asked first-hand to the DLA", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Which DLA adviser looks after associations near Alès?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("dla");
  });

  it("hands the person in charge of the platform to the ESS team", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Qui est le responsable de la plateforme Gard centrale ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("mission-ess-departement");
  });

  it("reads « who will it be? » after the DLA as the DLA's consultant, in both languages", async () => {
    const en = conversation(core.runtime.assistant);
    await en.say("What does the DLA offer to associations?");
    const a = await en.say("and who will be assigned to us?");
    expect(a.refused, a.text).toBe(true);
    expect(a.route?.process).toBe("dla");
    const fr = conversation(core.runtime.assistant);
    await fr.say("Le DLA, ça apporte quoi à une association ?");
    const b = await fr.say("et notre consultant, ce sera qui ?");
    expect(b.refused, b.text).toBe(true);
    expect(b.route?.process).toBe("dla");
  });

  it("keeps answering who runs the DLA and who the elected official in charge is", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Who runs the DLA in the Gard?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Acegaa/);
    const v = await conversation(core.runtime.assistant).say("Qui est l'élue en charge de l'ESS au Département ?");
    expect(v.refused).toBe(false);
    expect(v.text).toMatch(/Meunier/);
  });
});

describe("who stood for the Département at an event", () => {
  const guards = Guards.load();
  it("reads it after any event, and not a partner's representative", () => {
    const gapOf = (q: string) => guards.gap(q)?.id ?? null;
    expect(gapOf("Au salon des coopératives, qui représentait le Département ?")).toBe("intervenants-evenements");
    expect(gapOf("et qui s'est déplacé... non, qui y est allé pour le Département ?")).toBe("intervenants-evenements");
    expect(gapOf("who attended on behalf of the Département?")).toBe("intervenants-evenements");
    expect(gapOf("Qui représentait la MIESS lors de la rencontre de 2021 avec les fondations ?")).toBeNull();
  });

  it("refuses it after a meeting organised by a partner, handed to the ESS team", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département était-il aux Rencontres Fondations-Associations de 2019 ?");
    const r = await c.say("et qui représentait le Département ce jour-là ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("mission-ess-departement");
  });
});
