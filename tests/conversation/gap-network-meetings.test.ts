/**
 * When and how often the ESS Gard network meets is no more published than who is in it: asked alone or as a follow-up
 * (even after its members were refused), it is refused, not answered by the national network of local authorities
 * (RTES) that the word « réseau » also finds. What the network is, and when its core group was announced, stay answered.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("the ESS Gard network's meetings", () => {
  it("are refused as unpublished, alone or as a follow-up", async () => {
    const c = conversation(core.runtime.assistant);
    const what = await c.say("Le réseau ESS Gard, qu'est-ce que c'est exactement ?");
    expect(what.refused).toBe(false);
    expect((await c.say("ses membres sont qui ?")).refused).toBe(true);
    const when = await c.say("et les réunions, c'est à quel rythme ?");
    expect(when.refused).toBe(true);
    expect(when.text).not.toMatch(/RTES/);
    const alone = conversation(core.runtime.assistant);
    expect((await alone.say("Le réseau ESS du Gard se réunit tous les combien ?")).refused).toBe(true);
  });

  it("leaves what was announced of it answered", async () => {
    // near-miss: the core group's announcement is published
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Quand a-t-on annoncé le premier noyau du réseau ESS Gard ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/2024/);
  });
});
