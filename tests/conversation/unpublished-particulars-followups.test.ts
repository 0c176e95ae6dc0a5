/**
 * Unpublished particulars asked by a follow-up, in a conversation on the real core (offline): what came out of a
 * workshop whose place and audience are published, the hours of a reception site whose address is published, the floor
 * area of premises the call for commons may lend, and the sum a carrier an agent described will get. Each is refused and
 * handed to a person, while the published neighbour asked the same way stays answered. Wordings written for this test,
 * none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("an unpublished particular asked by a follow-up", () => {
  it("refuses what came out of the grand atelier, answers who was invited", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le grand atelier départemental de l'ESS s'est tenu où ?");
    const invited = await c.say("et il était ouvert à qui ?");
    expect(invited.refused, invited.text).toBe(false);
    const outcome = await c.say("et ça a donné quoi ?");
    expect(outcome.refused, outcome.text).toBe(true);
    expect(outcome.route?.process).toBe("mission-ess-departement");
  });

  it("refuses the hours of the Maison du Conseil départemental of Le Vigan, answers those of the Maison départementale", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Où le Département accueille-t-il le public en dehors de Nîmes ?");
    const vigan = await c.say("la maison du Vigan ouvre à quelle heure ?");
    expect(vigan.refused, vigan.text).toBe(true);
    const nimes = await c.say("et la Maison départementale de Nîmes, quels horaires ?");
    expect(nimes.refused, nimes.text).toBe(false);
    expect(nimes.text).toMatch(/8 h 30/);
  });

  it("refuses the floor area of premises lent to a commons, answers that premises may be lent", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'appel à communs, c'est uniquement une subvention ?");
    const premises = await c.say("et le Département peut prêter un local ?");
    expect(premises.refused, premises.text).toBe(false);
    const area = await c.say("ça ferait combien de mètres carrés ?");
    expect(area.refused, area.text).toBe(true);
  });

  it("refuses the sum a carrier an agent described will get, handed to the Région", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("Une SARL de boulangerie de Sommières veut une aide pour acheter un four : le Département peut-il la financer ?");
    const sum = await c.say("et elle recevra combien ?");
    expect(sum.refused, sum.text).toBe(true);
    expect(sum.route?.process).toBe("region-occitanie");
  });
});
