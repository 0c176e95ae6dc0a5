/**
 * Two follow-ups leaning on the previous answer: a bare « pourquoi ? » after a yes/no question answered « Non : … » asks
 * the reason of that denial (given by the passage the answer came from), and "and back in YEAR?" after a headcount asks
 * the same figure at another date (the people working in a field are its employees). Wordings written for this test,
 * none taken from an evaluation set; near-misses keep their answers.
 */
import { describe, expect, it } from "vitest";
import { deniesAtLead } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a reply led by a plain denial", () => {
  it("reads « Non : », « No: » at the lead only", () => {
    expect(deniesAtLead("Non : depuis la loi NOTRe, un département ne peut plus aider une société.")).toBe(true);
    expect(deniesAtLead("No: a département can no longer give direct aid.")).toBe(true);
    expect(deniesAtLead("Oui. Un SPASER est obligatoire au-delà de 50 millions d'euros.")).toBe(false);
    expect(deniesAtLead("Nonobstant la loi, le Département soutient l'ESS.")).toBe(false);
    expect(deniesAtLead("Le Département ne peut plus aider une société : non.")).toBe(false);
  });
});

describe("why, after a denial", () => {
  it("gives the reason of the denial, in English too", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("Can the Département give a grant to my limited company?");
    expect(first.text).toMatch(/^No/);
    const r = await c.say("why not?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/NOTRe/);
    expect(r.sources.map((s) => s.id)).toContain("competences-departement");
  });

  it("still explains a yes by its own passage", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Un SPASER est obligatoire pour le Département ?");
    const r = await c.say("pourquoi ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/50 millions/);
  });
});

describe("a headcount at another date", () => {
  it("counts the people working in a field as its employees, at the year asked", async () => {
    const c = conversation(core.runtime.assistant);
    const fr = await c.say("Combien de gens travaillaient dans l'économie sociale et solidaire gardoise en 2016 ?");
    expect(fr.refused, fr.text).toBe(false);
    expect(fr.text).toMatch(/23 000/);
  });

  it("asks the same figure at an earlier year", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("How many people work in the social economy of the Gard?");
    expect(first.text).toMatch(/24[,  ]?000/);
    const r = await c.say("and back in 2016?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/23 000/);
  });

  it("keeps the present headcount for a question in the present", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Pour un article : combien de personnes bossent dans l'ESS gardoise aujourd'hui ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/24 000/);
  });

  it("keeps refusing a figure no source gives for that year", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("How many people live in the Gard?");
    const r = await c.say("and back in 2016?");
    expect(r.refused, r.text).toBe(true);
  });
});
