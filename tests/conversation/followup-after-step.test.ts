/**
 * A follow-up asking only a step of the topic's process (« on candidate où ? », "where do we apply?") is read as that
 * step of the process; the topic it leaves for the next follow-up is the process itself, not the step's wording
 * (« Comment candidater et déposer un dossier pour : … »), whose words would draw the next question to filing.
 */
import { describe, expect, it, vi } from "vitest";
import { fold } from "../../src/core/text.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("the topic after a step asked of a process", () => {
  it("is the process: what it gives besides money is answered after « on candidate où ? »", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Nous sommes trois associations à Bagnols avec une recyclerie à monter ensemble, le Département a un dispositif ?");
    const step = await c.say("d'accord, on candidate où ?");
    expect(fold(step.text)).toMatch(/gard.?centrale/);
    const r = await c.say("à part l'argent, ils fournissent autre chose ?");
    expect(r.refused).toBe(false);
    expect(r.sources.map((s) => s.id)).toContain("appel-a-communs");
    expect(fold(r.text)).toMatch(/ingenierie|locaux|materiel|competences/);
  });

  it("is the process in English too: the partners needed are answered after 'where do we apply?'", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("What is the commons call run by the Gard council?");
    await c.say("ok, where do we apply?");
    const r = await c.say("how many partner organisations are required?");
    expect(r.refused).toBe(false);
    expect(r.sources.map((s) => s.id)).toContain("appel-a-communs");
    expect(fold(r.text)).toMatch(/\b(3|three|trois)\b/);
  });

  it.each([
    [
      "On est trois assos à Uzès et on veut ouvrir une ressourcerie ensemble, le Département peut nous aider ?",
      "bon, on candidate comment ?",
      "et hormis le financement, ils fournissent quoi ?",
    ],
    [
      "Three local associations in Alès want to run a shared repair workshop together: is there a Département scheme for us?",
      "where can we apply?",
      "do they only give money?",
    ],
  ])("hands the next follow-up the process as its topic, not the step's wording (%s)", async (project, step, next) => {
    const read = vi.spyOn(core.runtime.answerer, "contextualize");
    try {
      const c = conversation(core.runtime.assistant);
      await c.say(project);
      await c.say(step);
      await c.say(next);
      const topic = read.mock.calls.at(-1)?.[1] ?? "";
      expect(topic).toMatch(/appel à communs/i);
      expect(topic).not.toMatch(/candidater|déposer un dossier/i);
    } finally {
      read.mockRestore();
    }
  });

  it("leaves a follow-up after an ordinary answer as before", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi l'agrément ESUS ?");
    const r = await c.say("il est valable combien de temps ?");
    expect(r.refused).toBe(false);
    expect(fold(r.text)).toMatch(/\b(5|cinq) ans\b/);
  });
});
