/**
 * A follow-up asking how many of some things the sources never count (« et ils ont combien de coopérateurs ? » after a
 * cooperative, « combien d'associations ont décroché un marché depuis ? » after the public-procurement guide) is not
 * answered by a passage of its topic whose figures count other things (« 5 axes et 39 actions », « au moins deux
 * autres structures »): it is refused. Counts the topic's documents do give (the SPASER's actions, the participants of
 * the consultation, the Gard's intercommunalities) are still answered. Wordings written for this test.
 */
import { describe, expect, it } from "vitest";
import { countsAskedThings } from "../../src/answer/asked-quantity.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a count of things asked by a follow-up", () => {
  it("is given only by a figure before those things, their equivalents or people", () => {
    expect(countsAskedThings("combien de coopérateurs ?", "Le schéma compte 5 axes et 39 actions.")).toBe(false);
    expect(countsAskedThings("combien de coopérateurs ?", "Elle réunit 120 coopérateurs.")).toBe(true);
    expect(countsAskedThings("combien de bénévoles ?", "Plus de 200 personnes y ont pris part.")).toBe(true);
    // a question counting no things asks nothing of this kind
    expect(countsAskedThings("c'est combien ?", "5 axes.")).toBe(true);
  });

  it("refuses a count of a cooperative's members the sources never give", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Explique-moi ce qu'est une coopérative d'activité et d'emploi");
    await c.say("Et Mine de talents, elle prélève combien ?");
    const r = await c.say("et ils ont combien d'entrepreneurs salariés en tout ?");
    expect(r.refused).toBe(true);
  });

  it("refuses a count of tenders won the sources never give", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Comment une association peut-elle répondre aux marchés du Département ?");
    const r = await c.say("combien de structures ESS ont décroché un marché depuis ?");
    expect(r.refused).toBe(true);
  });

  it("still answers the counts the topic's documents give", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Présente-moi le SPASER du Département");
    const r = await c.say("il contient combien d'actions ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b39\b/);
    const d = conversation(core.runtime.assistant);
    await d.say("Comment s'est déroulée la concertation du schéma ESS ?");
    const s = await d.say("combien de gens y ont participé ?");
    expect(s.refused).toBe(false);
    expect(s.text).toMatch(/200/);
  });
});
