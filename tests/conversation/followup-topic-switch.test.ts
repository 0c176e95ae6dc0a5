/**
 * A message announcing another subject (« changement de sujet : c'est quoi la CRESS ? », "different topic: …") is read
 * alone and without its announcement, whatever the conversation was about; a follow-up merely mentioning « autre »
 * goes on with its topic.
 */
import { describe, expect, it } from "vitest";
import { switchesTopic, withoutTopicSwitch } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a message announcing another subject", () => {
  it("is told from a follow-up that only says « autre »", () => {
    expect(withoutTopicSwitch("Changement de sujet : c'est quoi la CRESS ?")).toBe("c'est quoi la CRESS ?");
    expect(withoutTopicSwitch("bon, autre question, qui porte le DLA ?")).toBe("qui porte le DLA ?");
    expect(withoutTopicSwitch("Different topic: where is the MIESS?")).toBe("where is the MIESS?");
    expect(switchesTopic("rien à voir mais la BGE fait quoi ?")).toBe(true);
    // « autre » asked of the topic, not announcing a new one.
    expect(switchesTopic("autre chose que de l'argent ?")).toBe(false);
    expect(switchesTopic("et pour une autre structure ?")).toBe(false);
    expect(switchesTopic("any other question I should ask?")).toBe(false);
    expect(withoutTopicSwitch("autre sujet")).toBeNull();
  });

  it("answers the new subject alone, not with the previous topic's words", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'agrément ESUS ?");
    const r = await c.say("changement de sujet : qui porte le DLA dans le Gard ?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toMatch(/^dla/);
    expect(r.route?.process).toBe("dla");
  });

  it("keeps a follow-up without an announcement on its topic", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'agrément ESUS ?");
    const r = await c.say("et on le demande à qui ?");
    expect(r.refused).toBe(false);
    expect(r.route?.process).toBe("agrement-esus");
  });
});
