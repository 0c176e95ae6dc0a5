/**
 * An elliptic follow-up whose subject is a pronoun (« et ça pèse combien dans l'emploi salarié ? ») is read with its
 * topic: its other words alone (« emploi salarié ») name no subject, though they match another one's passages (the
 * cooperative's « entrepreneur-salarié »).
 */
import { describe, expect, it } from "vitest";
import { subjectIsPronoun } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up whose subject is a pronoun", () => {
  it("tells a pronoun standing for a subject from an impersonal « il »", () => {
    expect(subjectIsPronoun("et ça représente combien ?")).toBe(true);
    expect(subjectIsPronoun("elles sont combien au total ?")).toBe(true);
    expect(subjectIsPronoun("and how many people do they employ?")).toBe(true);
    expect(subjectIsPronoun("il compte combien d'actions ?")).toBe(true);
    expect(subjectIsPronoun("il y a des aides pour les jeunes ?")).toBe(false);
    expect(subjectIsPronoun("il faut combien de membres ?")).toBe(false);
  });

  it("answers the ESS's weight in salaried jobs of the figures just given, not the cooperatives' salaried status", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de structures de l'ESS compte le Gard ?");
    const r = await c.say("et ça pèse combien dans l'emploi salarié ?");
    expect(r.refused).toBe(false);
    expect(r.sources.map((s) => s.id)).not.toContain("cae");
    expect(r.text).toMatch(/%/);
  });

  it("still answers a follow-up naming its own subject about that subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui porte le DLA dans le Gard ?");
    const r = await c.say("il y a une CAE dans le Gard ?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toMatch(/^cae/);
  });
});
