/**
 * An unpublished fact asked in a conversation with no process named in the message itself (a staff member's name, an
 * adviser's) belongs to the process the conversation is about: it is handed to that process's people when another body
 * runs it, to the ESS team when the Département runs it alone; an unknown whose people are fixed (a legal verdict on
 * one's own case) keeps them. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("an unpublished fact naming no process, in a conversation", () => {
  it("goes to the people of the process the conversation is about", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qu'est-ce que France Active Airdie Occitanie propose aux associations ?");
    const r = await c.say("Could you give me the name of the adviser who will follow our file?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("france-active");
    // the text names the same people as the route
    expect(r.text).toMatch(/France Active/);
  });

  it("goes to the ESS team when the Département runs that process alone", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'appel à communs du Gard ?");
    const r = await c.say("Quel est le nom de la personne qui suit les candidatures ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("mission-ess-departement");
  });

  it("names in its words the people its route reaches, when that route is the topic's, decided after the words", async () => {
    // (the second turn of the first conversation was refused naming the ESS team while handed to the DLA's people)
    const conversations = [
      ["Le DLA c'est quoi ?", "et si on recrute une personne en CDI l'année prochaine ?", "l'accompagnement prend combien de temps en général ?"],
      ["What is the DLA?", "and if we hire someone on a permanent contract next year?"],
      ["Qu'est-ce qu'Alter'Incub ?", "ça dure combien de temps l'incubation ?", "et ils prennent combien de projets par an ?"],
    ];
    let refusals = 0;
    for (const turns of conversations) {
      const c = conversation(core.runtime.assistant);
      for (const turn of turns) {
        const r = await c.say(turn);
        if (!r.refused || !r.route) continue;
        refusals++;
        const name = core.runtime.answerer.router.directory.get(r.route.process)?.name ?? "";
        if (r.route.process === "mission-ess-departement") expect(r.text, turn).toMatch(/équipe ESS du Département|Département's ESS team/);
        else {
          expect(r.text, turn).not.toMatch(/équipe ESS du Département|Département's ESS team/);
          expect(r.text, turn).toContain(`« ${name} »`);
        }
      }
    }
    expect(refusals).toBeGreaterThanOrEqual(2);
  });

  it("goes to the ESS team with no conversation before it", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Could you give me the name of the adviser who will follow our file?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("mission-ess-departement");
  });
});
