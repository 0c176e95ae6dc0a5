/**
 * Follow-ups whose subject is their own or that compare the topic with a thing they name:
 * - a subject set apart at the opening that the questions before did not name (« et l'axe transversal, ça concerne
 *   quoi ? » after the list of the axes) is the question's own: its pronoun takes it up, and it is answered from that
 *   subject's passages, not the topic's list again;
 * - a comparison of what was just spoken of with a named thing (« c'est pareil que Gard centrale ? ») asks of the
 *   topic: it is not answered with what the named thing alone is.
 */
import { describe, expect, it } from "vitest";
import { comparesTopicWith } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up comparing the topic with a thing it names", () => {
  it("is told apart from a question whose own subject is compared, or that compares nothing", () => {
    expect(comparesTopicWith("c'est pareil que Gard centrale ?")).toBe(true);
    expect(comparesTopicWith("et c'est bien la même que celle de l'appel à communs ?")).toBe(true);
    expect(comparesTopicWith("elle est différente de la MIESS ?")).toBe(true);
    expect(comparesTopicWith("is it the same as Gard centrale?")).toBe(true);
    // its own subject is named: that subject is compared
    expect(comparesTopicWith("Gard centrale, c'est la même chose que l'appel à communs ?")).toBe(false);
    // the same rule applied to another case, not a comparison with a named thing
    expect(comparesTopicWith("c'est la même chose pour une association ?")).toBe(false);
    expect(comparesTopicWith("la même association peut candidater deux fois ?")).toBe(false);
  });

  it("answers whether the platform just spoken of is the named one, not what the named one is", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a annoncé une plateforme libre de partage des connaissances ?");
    const r = await c.say("c'est pareil que Gard centrale ?");
    expect(r.refused).toBe(false);
    expect(r.sources.map((s) => s.id)).toContain("mesure-plateforme-open-source");
    expect(r.text).toMatch(/probabl/i);
  });

  it("still answers a named subject's own follow-up about it", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'appel à communs ?");
    const r = await c.say("et Gard centrale, elle sert à quoi ?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toBe("mesure-gard-centrale");
  });
});
