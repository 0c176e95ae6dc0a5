/**
 * A follow-up naming only a noun (« et de bénévoles ? », « et d'emplois ? ») after a question counting things asks how
 * many of them too: it is read as « et combien de … ? », not as a question on what that noun is to some process (the
 * employees' noun alone drew the DLA, which is for employers).
 */
import { describe, expect, it } from "vitest";
import { bareCountAsked } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a bare noun after a count", () => {
  it("asks the count of that noun", () => {
    expect(bareCountAsked("et de bénévoles ?", "Il y a combien d'associations à Nîmes ?")).toBe("et combien de bénévoles ?");
    expect(bareCountAsked("Et d'emplois ?", "nombre de coopératives dans le Gard ?")).toBe("et combien d'emplois ?");
    expect(bareCountAsked("et d'emplois au total ?", "combien de SCOP en Occitanie ?")).toBe("et combien d'emplois ?");
  });

  it("is left as it is when it already counts, says more, or follows no count", () => {
    // near-misses: « combien » already there (see swapCounted), a verb said, no count before
    expect(bareCountAsked("et combien de bénévoles ?", "Il y a combien d'associations à Nîmes ?")).toBeNull();
    expect(bareCountAsked("et de bénévoles, il en faut ?", "Il y a combien d'associations à Nîmes ?")).toBeNull();
    expect(bareCountAsked("et de bénévoles ?", "C'est quoi une association loi 1901 ?")).toBeNull();
  });

  it("gets the employees' figures after the count of ESS structures, not the DLA", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Il y a combien de structures de l'ESS dans le département ?");
    const r = await c.say("et de salariés ?");
    expect(r.refused).toBe(false);
    // (the reply leads with the employees' figures; the DLA's employers may follow them)
    const lead = r.text.split("\n\n")[0]!;
    expect(lead).not.toMatch(/DLA/);
    expect(lead).toMatch(/salari|emploi/i);
    expect(lead).toMatch(/\d/);
    // near-miss: after a question that counts nothing, the same words keep their reading (the DLA is for employers)
    const d = conversation(core.runtime.assistant);
    await d.say("Le DLA, c'est pour qui ?");
    const dla = await d.say("et de salariés ?");
    expect(dla.refused).toBe(false);
    expect(dla.text).toMatch(/employeuses/);
  });
});
