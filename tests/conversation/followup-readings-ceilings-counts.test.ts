/**
 * Follow-ups that keep their topic and ask a precise thing of it:
 * - two readings put alone (« annuel ou pour toute la durée ? ») are a choice of what was just said, settled by the card
 *   just read, a one-word reading in any of its forms;
 * - the measure that puts an axis into practice is that axis's measure (axis 1: the call for commons);
 * - a ceiling asked after an amount that is not published (« au plus, jusqu'où ? ») is the published ceiling;
 * - a count of things (« sur combien de territoires ? ») is answered by the card counting them, not by the one saying
 *   another count (the attendance per territory) is unpublished;
 * - an object pronoun standing for the body just spoken of (« qui la représentait… ? ») keeps that body, however long
 *   the rest of the question;
 * - what a structure takes (« elle prélève combien ? ») is asked of it as a cost;
 * - how many agglomeration communities: the number comes with the list;
 * - how a vote went (« il a été voté comment ? ») is its majority.
 */
import { describe, expect, it } from "vitest";
import { cardSettlesChoice, choiceOffered, standsForTopicByObject } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("two readings put alone", () => {
  it("are read as a choice of what was just said", () => {
    expect(choiceOffered("mensuel ou annuel ?")).toEqual(["mensuel", "annuel"]);
    expect(choiceOffered("en une fois ou en plusieurs ?")).toEqual(["en une fois", "en plusieurs"]);
    expect(choiceOffered("yearly or overall?")).toEqual(["yearly", "overall"]);
    // near-misses: two things named, two subjects put in place of the topic, a person's own act
    expect(choiceOffered("le DLA ou France Active ?")).toBeNull();
    expect(choiceOffered("une SCOP ou une SAS ?")).toBeNull();
    expect(choiceOffered("on s'inscrit en ligne ou sur place ?")).toBeNull();
    // (« où » asks a place, whatever else the words around it)
    expect(choiceOffered("bon et on dépose où alors ?")).toBeNull();
    expect(choiceOffered("bref, ça se passe où alors ?")).toBeNull();
  });

  it("are settled by a card saying one of them in any of its forms", () => {
    const card = { answer: "Une enveloppe annuelle de 40 000 €, partagée entre les lauréats." };
    expect(cardSettlesChoice(card, "annuel ou pour toute la durée ?")).toBe(true);
    expect(cardSettlesChoice(card, "mensuel ou trimestriel ?")).toBe(false);
  });

  it("get the card just read when it says one of them", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quel montant le Département réserve-t-il chaque année aux communs ?");
    const r = await c.say("annuel ou pour toute la durée ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/par an/);
  });
});

describe("the measure that puts an axis into practice", () => {
  it("is the call for commons for axis 1", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("C'est quoi l'axe 1 du schéma ?");
    const r = await c.say("et quelle mesure du schéma le porte ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/appel à communs/i);
    expect(r.route?.process).toBe("appel-a-communs");
  });

  it("not how another axis translates into practice, which stays that axis's answer", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Comment l'axe sur l'innovation sociale se concrétise-t-il ?");
    expect(r.text).toMatch(/innovation sociale/);
    expect(r.card).not.toBe("rep-axe-1-mesure");
  });

  it("not the axis the call belongs to, which stays its own answer", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("l'appel à communs, c'est dans quel axe ?");
    expect(r.text).toMatch(/axe 1/);
  });
});

describe("a ceiling asked after an unpublished amount", () => {
  it("is the published ceiling, while the amount stays unpublished", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a-t-il déjà pris des parts dans une SCIC ?");
    const amount = await c.say("il a mis combien ?");
    expect(amount.refused).toBe(true);
    const r = await c.say("et au plus, il pourrait monter à combien ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/50 %/);
  });
});

describe("a count of things asked after a count of people", () => {
  it("is answered by the card counting those things", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("Combien de participants aux ateliers territoriaux de 2023 ?");
    const r = await c.say("ça s'est tenu sur combien de territoires ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/six territoires/i);
    // near-miss: the attendance of one territory is still not published
    const one = await c.say("et combien de personnes à celui du Gard Rhodanien ?");
    expect(one.refused).toBe(true);
  });
});

describe("a count of places asked after the attendance of a whole consultation", () => {
  it("is answered by the card counting those places, the per-place attendance staying unpublished", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Il y a eu combien de participants à la concertation du schéma ?");
    const r = await c.say("et c'était réparti sur combien de territoires ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/(six|sept) territoires/i);
    // the bare wording after « ont participé à la concertation » too
    const d = conversation(core.runtime.assistant);
    expect((await d.say("Combien de personnes ont participé à la concertation ?")).refused).toBe(false);
    const bare = await d.say("sur combien de territoires ?");
    expect(bare.refused).toBe(false);
    expect(bare.text).toMatch(/six territoires/i);
    // near-miss: how many came in each place is still not published
    const each = await c.say("et combien de participants par territoire ?");
    expect(each.refused).toBe(true);
  });
});

describe("an object pronoun standing for the body just spoken of", () => {
  it("is read as such", () => {
    expect(standsForTopicByObject("et qui la représentait face aux fondations en 2021 ?")).toBe(true);
    expect(standsForTopicByObject("on les joint comment quand on est une petite asso ?")).toBe(true);
    // near-misses: an article before a noun, the impersonal « il y a », « en » standing for what the question names, a
    // quoted name of its own
    expect(standsForTopicByObject("qui gère la plateforme des communs ?")).toBe(false);
    expect(standsForTopicByObject("il y a une rencontre avec les fondations ?")).toBe(false);
    expect(standsForTopicByObject("et comment on en décroche un pour notre asso ?")).toBe(false);
    expect(standsForTopicByObject("qui l'a surnommé « la fabrique des communs » ?")).toBe(false);
  });

  it("keeps that body, however long the question", async () => {
    const read = await core.runtime.answerer.contextualize("et qui la représentait face aux fondations en 2021 ?", "Où est installée la MIESS ?");
    expect(read).toMatch(/MIESS/);
    // near-miss: a question naming its own subject stands alone
    const alone = await core.runtime.answerer.contextualize("Et France Active, c'est quoi ?", "Où est installée la MIESS ?");
    expect(alone).not.toMatch(/MIESS/);
  });

  it("gets the person who represented it", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Où est installée la MIESS ?");
    const r = await c.say("et qui la représentait face aux fondations en 2021 ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Laouenan/);
  });
});

describe("what a structure takes", () => {
  it("is its fee", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi la CAE Mine de talents ?");
    const where = await c.say("elle intervient dans quels départements ?");
    expect(where.text).toMatch(/Lozère/);
    const r = await c.say("et elle prélève combien ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/10 %/);
  });
});

describe("how many agglomeration communities", () => {
  it("gets the number with the list, in English too", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("how many agglomeration communities are there in the Gard?");
    expect(r.text).toMatch(/\b(three|3)\b/i);
    // near-miss: one community's own count stays given
    const one = await c.say("Combien de communes compte Nîmes Métropole ?");
    expect(one.text).toMatch(/39 communes/);
  });
});

describe("how a vote went", () => {
  it("is its majority: the ESS schema's unanimity", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le schéma ESS du Gard a été adopté quand ?");
    const r = await c.say("et il a été voté comment ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/unanimit/);
  });

  it("not the ESS schema's for another plan just spoken of", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le SPASER, c'est quoi ?");
    const r = await c.say("il a été adopté comment ?");
    expect(r.text).toMatch(/SPASER/);
    expect(r.text).not.toMatch(/unanimit/);
  });
});
