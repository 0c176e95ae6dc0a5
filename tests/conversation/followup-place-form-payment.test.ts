/**
 * Three kinds of follow-up on a topic:
 * - whether a thing of the topic's kind exists in a commune (« y en a une du côté de Beaucaire ? » after a CAE): the
 *   commune's name must not draw another subject's passage that merely names it (the priority neighbourhoods); the
 *   topic's own instance is given, with its presence there left to check; the QPV topic asked of a commune keeps its list;
 * - whether a legal form may get the topic's aid (« et une association, elle pourrait en profiter ? »): the aid's own
 *   conditions, not the law behind it, with what they do not say of that form left to check; an answer that already
 *   names the form stays;
 * - how and when an aid is paid (« l'argent arrive en une fois ? »): unpublished, refused, while the published yearly sum
 *   stays answered.
 * Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a thing of the topic's kind asked of a commune", () => {
  it("gives the topic's instance, not the priority neighbourhoods", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Une coopérative d'activité et d'emploi, ça marche comment ?");
    const r = await c.say("et il y en a une du côté d'Alès ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/Mine de talents/);
    expect(r.text).not.toMatch(/Prés Saint-Jean|Sabatot/);
    expect(r.text).toMatch(/à vérifier/);
  });

  it("keeps the neighbourhoods when they are the topic", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Les quartiers prioritaires de la politique de la ville, c'est quoi ?");
    const r = await c.say("il y en a un à Alès ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/Prés Saint-Jean/);
  });
});

describe("a legal form asking an aid", () => {
  it("gets the aid's conditions and what they leave unsaid", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Pass Occitanie de la Région, à quoi ça sert ?");
    const r = await c.say("et une association pourrait en bénéficier ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/50 salariés/);
    expect(r.text).toMatch(/à vérifier/);
  });

  it("keeps an answer that names the form", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA, qu'est-ce que c'est ?");
    const r = await c.say("une association peut y avoir droit ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/associations/);
  });
});

describe("how an aid is paid", () => {
  it("is refused for the call for commons", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'appel à communs du Département, ça consiste en quoi ?");
    const r = await c.say("et l'argent, il arrive en une fois ou par tranches ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.text).not.toMatch(/250 000/);
  });

  it("keeps the yearly sum answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'appel à communs du Département, ça consiste en quoi ?");
    const r = await c.say("il y a combien d'argent par an ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/250 000/);
  });

  it("keeps a published duration answered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'agrément ESUS, c'est quoi ?");
    const r = await c.say("si l'administration ne répond pas, au bout de combien de temps c'est accepté ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/2 mois/);
  });
});
