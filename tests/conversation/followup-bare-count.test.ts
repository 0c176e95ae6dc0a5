/**
 * A bare follow-up asking a count of a subject it does not name (« combien de participants au total ? ») goes on with the
 * subject just spoken of: it is not taken, read alone, by a card saying some detail of another reading is unpublished,
 * and the topic's card that holds its words and gives the figure answers it.
 */
import { describe, expect, it } from "vitest";
import { isElliptic } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a bare follow-up asking a count", () => {
  it("is elliptic when it names nothing but what it counts", () => {
    expect(isElliptic("combien de bénévoles ?", 1)).toBe(true);
    expect(isElliptic("how many members?", 1)).toBe(true);
    expect(isElliptic("avec combien de salariés ?", 1)).toBe(true);
    // Naming its own subject, or saying more, it asks its own question.
    expect(isElliptic("combien de SCOP ?", 1, true)).toBe(false);
    expect(isElliptic("combien de communes compte la métropole nîmoise ?", 2)).toBe(false);
    expect(isElliptic("quelles aides pour les bénévoles ?", 2)).toBe(false);
  });

  it("answers the attendance of the consultation just asked about, not its unpublished details", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Les ateliers de concertation pour le schéma ESS ont eu lieu quand ?");
    const r = await c.say("combien de participants au total ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/200/);
    expect(r.sources[0]?.id).toBe("concertation");
  });

  it("answers the attendance of the white paper's closing event when that was the subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le livre blanc de l'ESS du Gard, la concertation s'est conclue où ?");
    const r = await c.say("avec combien de participants ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b80\b/);
  });

  it("still answers a count naming its own subject from that subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de communes dans le Gard ?");
    const r = await c.say("combien de QPV ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b17\b/);
  });
});
