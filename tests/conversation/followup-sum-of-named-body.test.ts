/**
 * A follow-up asking only a sum or a ceiling (« c'est plafonné à combien ? », "up to how much?") after a question that
 * named a body with a document of its own (a lender, a financer) asks it of that body, even when the previous reply drew
 * on another body's page: another financer's ceiling is no answer. Wordings written for this test, none taken from an
 * evaluation set; near-misses keep their answers.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a sum asked of the body named just before", () => {
  it("gives the honour loan's ceiling, not another financer's", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Initiative Gard, ça finance quoi concrètement ?");
    const r = await c.say("c'est plafonné à combien ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/40 000/);
    expect(r.text).not.toMatch(/20 000/);
  });

  it("gives the microcredit's ceiling after a question on the Adie", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("l'Adie ça finance quoi au juste ?");
    const r = await c.say("jusqu'à combien ?");
    expect(r.text).toMatch(/10 000/);
  });

  it("keeps the topic's own figure when the follow-up names a subject of its own", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("France Active, ça aide à quoi ?");
    const r = await c.say("et le pacte Émergence, c'est jusqu'à combien ?");
    expect(r.text).toMatch(/20 000/);
  });
});
