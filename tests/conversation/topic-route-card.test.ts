/**
 * Follow-ups and their topic (see Answerer.topicCard and keepsTeam in conversation/question.ts): a card from the
 * documents the previous answer cited answers a follow-up whose reply went elsewhere without what it asks; a follow-up
 * of an ESS-team answer, from the same document, keeps that team as its route; a new subject is not pulled back.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up's route and card from its topic", () => {
  it("keeps the ESS team for a follow-up answered from the page the team's answer cited", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("C'est quoi le Mois de l'ESS ?");
    expect(first.route?.process).toBe("mission-ess-departement");
    const r = await c.say("qui l'organise ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/CRESS/);
    expect(r.route?.process).toBe("mission-ess-departement");
  });

  it("still routes a follow-up answered from another process's documents to that process", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quels sont les axes du schéma ESS du Gard ?");
    const r = await c.say("comment on dépose un projet ?");
    expect(r.route?.process).toBe("appel-a-communs");
  });

  it("answers with the topic's card what the reply from another subject lacks", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Who is the elected official in charge of ESS at the Gard Département?");
    const r = await c.say("and what's her other portfolio?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/lecture publique|reading|librar/i);
  });

  it("lets a reply holding the new turn's own words stand", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien d'intercommunalités dans le Gard ?");
    const r = await c.say("et de communes ?");
    expect(r.text).toMatch(/351/);
  });

  it("keeps refusing what the topic's documents do not publish", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi la MIESS ?");
    const r = await c.say("elle a combien de salariés ?");
    expect(r.refused).toBe(true);
  });
});
