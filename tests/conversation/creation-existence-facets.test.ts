/**
 * Families read from probe conversations (wordings written for this test, with near-misses that keep their answers):
 * - a person setting up an ESS structure (« on crée une ressourcerie », « je monte une recyclerie en asso ») who asks who
 *   can help is at the creation stage and asks whom to turn to: the ESS team orients first, not the Département's
 *   purchasing scheme the words of a recycling project happen to resemble; selling to the Département stays that scheme;
 * - « existe-t-il un X ? » is never answered « Non » by a card written for another claim about X (its interest rate);
 * - a follow-up asking a facet of its topic in few words (what it brings, who pays for it) gets the
 *   card written for that facet, not the previous answer again;
 * - « L'État… » names a public body (a « qui ? » answered by the State's name is answered).
 */
import { describe, expect, it } from "vitest";
import { existenceAsked } from "../../src/answer/cards.js";
import { alignPolarity } from "../../src/answer/card-reply.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a person setting up an ESS structure who asks who can help", () => {
  it("is oriented by the ESS team first, whatever the structure", async () => {
    for (const q of [
      "On crée une ressourcerie associative à Nîmes, qui peut nous aider ?",
      "Je lance une recyclerie à Uzès, vers qui me tourner ?",
      "Nous montons un tiers-lieu en association à Bagnols-sur-Cèze, qui peut nous accompagner ?",
    ]) {
      const c = conversation(core.runtime.assistant);
      const r = await c.say(q);
      expect(r.route?.process, q).toBe("mission-ess-departement");
    }
  });

  it("still goes to the purchasing scheme when the person wants to sell to the Département", async () => {
    for (const q of [
      "Notre ressourcerie voudrait répondre aux marchés du Département, comment faire ?",
      "Notre recyclerie associative d'Alès veut vendre au Département, qui peut nous aider ?",
    ]) {
      const c = conversation(core.runtime.assistant);
      const r = await c.say(q);
      expect(r.route?.process, q).toBe("commande-publique");
    }
  });
});

describe("a question whether a thing exists", () => {
  it("names the thing asked", () => {
    expect(existenceAsked("Est-ce qu'il existe un prêt d'honneur dans le Gard ?")).toBe("pret");
    expect(existenceAsked("y a-t-il des intérêts sur ce prêt ?")).toBe("inter");
    expect(existenceAsked("Qu'est-ce que le prêt d'honneur ?")).toBeUndefined();
  });

  it("drops a « Non » written for another claim, keeps one denying the thing asked", () => {
    const card = "Non, il est à taux zéro : c'est un prêt personnel sans intérêt, à rembourser.";
    expect(alignPolarity(card, "Est-ce qu'il existe un prêt d'honneur ?")).toMatch(/^Il est à taux zéro/);
    expect(alignPolarity(card, "y a-t-il des intérêts sur le prêt d'honneur ?")).toMatch(/^Non, /);
    expect(alignPolarity("Non, il n'existe pas de guichet unique dans le Gard.", "existe-t-il un guichet unique ?")).toMatch(/^Non, /);
  });

  it("is not answered « Non » in conversation, and the interest question keeps its « Non »", async () => {
    for (const q of ["Il existe un prêt d'honneur dans le Gard ?", "est-ce qu'il existe un prêt d'honneur ?"]) {
      const r = await conversation(core.runtime.assistant).say(q);
      expect(r.text, q).not.toMatch(/^Non\b/);
    }
    const r = await conversation(core.runtime.assistant).say("y a-t-il des intérêts sur un prêt d'honneur ?");
    expect(r.text).toMatch(/^Non\b/);
  });
});

describe("a follow-up asking a facet of its topic", () => {
  it("gets what the ESUS approval brings after its duration", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui accorde l'agrément ESUS dans le Gard ?");
    await c.say("et il est valable combien de temps ?");
    const r = await c.say("ça apporte quoi concrètement ?");
    expect(r.text).toMatch(/épargne solidaire/);
  });

  it("gets the DLA's funders when asked who pays the consultants", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA s'adresse à quelles structures ?");
    const r = await c.say("et qui finance les consultants ?");
    expect(r.text).toMatch(/Banque des Territoires|Fonds social européen/);
    expect(r.text).not.toMatch(/ateliers de co-construction/);
  });

  it("keeps the answer of a follow-up that asks none of these facets", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le DLA, c'est pour qui ?");
    const r = await c.say("et c'est payant ?");
    expect(r.text).toMatch(/gratuit/i);
  });
});

describe("a negation is no existence question", () => {
  it("« il n'y a plus que… ? » asks nothing of a thing's existence", async () => {
    const { existenceAsked } = await import("../../src/answer/cards.js");
    expect(existenceAsked("il n'y a plus que l'appel à communs ?")).toBeUndefined();
    expect(existenceAsked("il y a des intérêts à payer ?")).toBe("inter");
  });
});
