/**
 * After a project-fit answer, « Vérifier l'éligibilité » (the button of an option, or
 * typed) starts the questionnaire for that process with the facts the description
 * already gave, and asks only what is missing.
 */
import { describe, expect, it } from "vitest";
import { conversation, stateOf, sharedCore } from "../conversation/helpers.js";

const core = sharedCore();

const RECYCLERIE = "Un collectif veut créer une recyclerie coopérative à Bagnols-sur-Cèze avec la mairie : quelles mesures du schéma ESS peuvent l'aider ?";

describe("« Vérifier l'éligibilité » after a project-fit answer", () => {
  it("keeps the facts of the description and asks only what the chosen process still needs", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    const fit = await c.say(RECYCLERIE);
    expect(fit.fit![0]!.process).toBe("appel-a-communs");
    expect((await stateOf(core.storage, c.base))!.facts).toMatchObject({ commune: "Bagnols-sur-Cèze" });

    const button = fit.actions.find((a) => a.id === "eligibility")!;
    const first = await c.click("eligibility", button.value);
    expect(first.type).toBe("prompt");
    expect(["partnerStructures", "legalForm"]).toContain(first.prompt!.field);
    const asked = [first.prompt!.field];
    let reply = await c.say(first.prompt!.field === "partnerStructures" ? "3 structures" : "une association");
    while (reply.type === "prompt") {
      asked.push(reply.prompt!.field);
      reply = await c.say(
        reply.prompt!.field === "partnerStructures" ? "3 structures" : reply.prompt!.field === "legalForm" ? "une association" : "je ne sais pas",
      );
    }
    expect(asked).not.toContain("commune");
    expect(asked.sort()).toEqual(["legalForm", "partnerStructures"]);
    expect(reply.type).toBe("eligibility");
    expect(reply.eligibility!.map((r) => r.process)).toEqual(["appel-a-communs"]);
    expect(reply.eligibility![0]!.verdict).not.toBe("incomplete");
  });

  it("asks nothing when the description already gave every fact the process needs", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    const fit = await c.say("Quelle action du schéma peut financer un tiers-lieu porté par trois associations à Alès ?");
    const result = await c.click("eligibility", fit.fit![0]!.process);
    expect(result.type).toBe("eligibility");
    expect(result.eligibility!.map((r) => [r.process, r.verdict])).toEqual([["appel-a-communs", "eligible"]]);
  });

  it("an option's own button evaluates that option's process, not the main one", async () => {
    const c = conversation(core.runtime.assistant, { audience: "porteur" });
    const fit = await c.say(
      "Notre association d'aide à domicile d'Alès est en déficit et veut revoir son modèle économique, et on cherche aussi un prêt solidaire.",
    );
    const [main, second] = fit.fit!;
    expect(
      fit
        .fit!.map((o) => o.process)
        .slice(0, 2)
        .sort(),
    ).toEqual(["dla", "france-active"]);
    expect(second!.process).not.toBe(main!.process);
    let reply = await c.click("eligibility", second!.process);
    expect((await stateOf(core.storage, c.base))!.target ?? [second!.process]).toEqual([second!.process]);
    for (let i = 0; reply.type === "prompt" && i < 8; i++) {
      expect(["legalForm", "commune"]).not.toContain(reply.prompt!.field);
      reply = await c.say("je ne sais pas");
    }
    expect(reply.type).toBe("eligibility");
    expect(reply.eligibility!.map((r) => r.process)).toEqual([second!.process]);
  });

  it("typed after the answer, it targets the main option with the same facts", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say(RECYCLERIE);
    const first = await c.say("vérifier l'éligibilité");
    expect(first.type).toBe("prompt");
    expect(["partnerStructures", "legalForm"]).toContain(first.prompt!.field);
    expect((await stateOf(core.storage, c.base))!).toMatchObject({ mode: "eligibility", target: ["appel-a-communs"], facts: { commune: "Bagnols-sur-Cèze" } });
  });
});

describe("a follow-up after a project-fit answer", () => {
  it("is read as a question on the same topic, not as the project described again", async () => {
    const c = conversation(core.runtime.assistant, { audience: "porteur" });
    const fit = await c.say("Notre SAS d'insertion à Alès voudrait accueillir de l'épargne solidaire : il lui faut l'agrément ESUS, à qui le demander ?");
    expect(fit.fit?.[0]?.process).toBe("agrement-esus");
    const next = await c.say("ça dure combien de temps ?");
    expect(next.fit ?? []).toEqual([]);
    expect(next.refused).toBe(false);
    expect(next.sources.map((s) => s.id)).toContain("agrement-esus");
  });
});
