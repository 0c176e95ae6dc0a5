/**
 * Follow-ups that point back at the topic with words of their own kind, and were read alone or against the wrong thing:
 * - an object or adverbial pronoun before the verb (« qui l'a rédigée ? », « qui s'en charge ? »): the topic, not named again;
 * - a bare « quel » after a preposition (« avec quels partenaires ? », « dans quelles villes ? »): a noun asked of the topic;
 * - « ça dure combien ? » asks how long the topic lasts, not how many of it there are (a count's known gap is no answer);
 * - a choice put of the topic (« c'est imposé ou c'est volontaire ? »): its unaccented « ou » is "or", not "where";
 * - a demonstrative at a kind of structure the conversation named (« cette SCIC », "this SCIC"): that structure, not the kind;
 * - whether there is some thing (« il y a des modèles dessus ? »): that thing, not the date the previous turn asked.
 */
import { describe, expect, it } from "vitest";
import { askedKind, asksExistence, isElliptic, leadNames, pointsAtNamedKind, standsForTopicByClitic, subjectIsPronoun } from "../../src/answer/followup.js";
import { Guards } from "../../src/answer/guards.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("an object or adverbial pronoun standing for the topic", () => {
  it("is told from an article before a noun and from the impersonal « il y a »", () => {
    expect(standsForTopicByClitic("qui l'a rédigée ?")).toBe(true);
    expect(standsForTopicByClitic("qui s'en charge chez nous ?")).toBe(true);
    expect(standsForTopicByClitic("on le dépose où ?")).toBe(true);
    expect(standsForTopicByClitic("qui en a la responsabilité ?")).toBe(true);
    expect(standsForTopicByClitic("qui gère la plateforme ?")).toBe(false);
    expect(standsForTopicByClitic("l'agrément, c'est pour qui ?")).toBe(false);
    expect(standsForTopicByClitic("il y a une antenne à Alès ?")).toBe(false);
    expect(subjectIsPronoun("qui s'en charge dans le département ?")).toBe(true);
    expect(isElliptic("qui s'en charge dans le département ?", 2)).toBe(true);
    expect(isElliptic("qui gère Gard centrale au Département ?", 2)).toBe(false);
  });

  it("names who wrote the guide just spoken of, not another body the words match", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Comment une petite association peut-elle se préparer aux marchés publics du Département ?");
    await c.say("le guide compte combien d'étapes ?");
    const r = await c.say("qui l'a rédigé ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Barillon|CGraph/);
  });

  it("names who runs the scheme just spoken of in the Gard", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA, ça sert à quoi pour une association employeuse ?");
    const r = await c.say("et qui s'en charge dans le département ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Acegaa/);
  });
});

describe("a bare « quel » after a preposition", () => {
  it("asks a noun of the topic", () => {
    expect(isElliptic("avec quels partenaires au juste ?", 1)).toBe(true);
    expect(isElliptic("dans quelles communes exactement ?", 1)).toBe(true);
    expect(isElliptic("dans quelles villes ?", 1)).toBe(true);
    expect(isElliptic("with which partners?", 1)).toBe(true);
    // (a longer question says its own subject)
    expect(isElliptic("avec quels partenaires le Département monte-t-il ses marchés réservés ?", 2)).toBe(false);
  });

  it("is read with the topic", async () => {
    const read = await core.runtime.answerer.contextualize("avec quels partenaires au juste ?", "L'axe 3 du schéma ESS, il vise quoi ?");
    expect(read).toContain("axe 3");
  });
});

describe("« ça dure combien ? » after an approval", () => {
  const guards = Guards.load();
  it("asks no count of the approved structures", () => {
    expect(guards.gap("il dure combien ? — Qui délivre l'agrément ESUS dans le Gard ?", "il dure combien ?")).toBeNull();
    expect(guards.gap("combien de structures sont agréées ESUS dans le Gard ?")?.id).toMatch(/^nombre-agrees-esus/);
    expect(guards.gap("et combien dans le Gard ? — Qui délivre l'agrément ESUS ?", "et combien dans le Gard ?")?.id).toMatch(/^nombre-agrees-esus/);
  });

  it("gives the approval's duration", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui délivre l'agrément ESUS dans le Gard ?");
    const r = await c.say("il dure combien ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b(?:5|cinq) ans/);
  });
});

describe("a choice put of the topic", () => {
  it("reads its unaccented « ou » as 'or', a written « où » as 'where'", () => {
    expect(askedKind("c'est imposé ou c'est volontaire ?")).not.toBe("where");
    expect(askedKind("et c'est où ou c'est en ligne ?")).toBe("where");
    expect(askedKind("c'est ou exactement ?")).toBe("where");
  });

  it("is answered of the plan just spoken of, not of the ESS schema", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui a présenté le SPASER à l'assemblée départementale ?");
    const r = await c.say("c'est une obligation légale ou c'est un choix du Département ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/50 millions/);
  });
});

describe("a choice between money and other support", () => {
  it("still asks what the call gives beyond money, not the sums asked before", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quelle enveloppe le Département consacre-t-il chaque année à l'appel à communs ?");
    await c.say("et pour un seul projet, c'est combien au maximum ?");
    const r = await c.say("c'est seulement de l'argent ou il y a d'autres aides ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/ingénierie|locaux|matériel/);
  });
});

describe("a demonstrative at a kind of structure the conversation named", () => {
  it("points at that structure", () => {
    expect(leadNames("Oui : il a pris une participation dans la SCIC Gard et Autonomie (actée en 2024).")).toContain("SCIC Gard et Autonomie");
    expect(pointsAtNamedKind("cette SCIC, elle fait quoi ?", "SCIC Gard et Autonomie")).toBe(true);
    expect(pointsAtNamedKind("and this SCIC, what is its business?", "Le Département a des parts ? — SCIC Gard et Autonomie")).toBe(true);
    expect(pointsAtNamedKind("c'est quoi une SCIC ?", "SCIC Gard et Autonomie")).toBe(false);
    expect(pointsAtNamedKind("cette SCOP, elle fait quoi ?", "SCIC Gard et Autonomie")).toBe(false);
  });

  it("hands what that structure does to the ESS team, as it is not published", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a-t-il pris des parts dans une SCIC ?");
    const r = await c.say("cette SCIC, elle fait quoi au juste ?");
    expect(r.refused).toBe(true);
    const e = conversation(core.runtime.assistant);
    await e.say("Le Département a-t-il pris des parts dans une SCIC ?");
    expect((await e.say("and this SCIC, what is its purpose?")).refused).toBe(true);
  });

  it("still points at it after a refused turn in between", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a-t-il une participation au capital d'une SCIC ?");
    expect((await c.say("et il en possède quel pourcentage ?")).refused).toBe(true);
    const r = await c.say("et concrètement elle fait quoi, cette SCIC ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("mission-ess-departement");
  });

  it("still defines the kind when asked what it is", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a-t-il pris des parts dans une SCIC ?");
    const r = await c.say("c'est quoi une SCIC ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/intérêt collectif/);
  });
});

describe("whether there is some thing on the topic", () => {
  it("asks that thing", () => {
    expect(asksExistence("il y a des modèles dessus ?")).toBe(true);
    expect(asksExistence("y a-t-il une permanence ?")).toBe(true);
    expect(asksExistence("are there any examples?")).toBe(true);
    expect(asksExistence("c'est ouvert depuis quand ?")).toBe(false);
    expect(asksExistence("il y a combien de projets ?")).toBe(false);
  });

  it("is answered with what the platform shows, not refused for the date asked before", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Gard centrale, c'est quoi ?");
    await c.say("ça existe depuis quand ?");
    const r = await c.say("il y a des communs à voir dessus ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/inspirants|autres départements/);
  });
});
