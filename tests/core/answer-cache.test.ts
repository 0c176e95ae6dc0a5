/** The offline answer cache returns equal, independent copies and can be turned off. */
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";

let rt: Runtime;
beforeAll(async () => {
  rt = await createRuntime({ config: loadConfig({ NODE_ENV: "test" } as NodeJS.ProcessEnv, { dotenv: false }), storage: new MemoryStorage(), llm: null });
});

describe("answer cache", () => {
  it("answers a repeated question identically, without sharing objects", async () => {
    const q = "Qui peut répondre à l'appel à communs ?";
    const first = await rt.answerer.ask(q, { audience: "porteur" });
    first.sources.length = 0;
    first.text = "modifié";
    const second = await rt.answerer.ask(q, { audience: "porteur" });
    expect(second.text).not.toBe("modifié");
    expect(second.sources.length).toBeGreaterThan(0);
    const third = await rt.answerer.ask(q.toUpperCase(), { audience: "porteur" });
    expect(third.text).toBe(second.text);
  });

  it("keeps audiences apart", async () => {
    // the buyers' training document is for agents only: the agent's cached answer must not reach a project holder
    const q = "Quelle formation a été proposée aux acheteurs du Département ?";
    const agent = await rt.answerer.ask(q, { audience: "agent" });
    const porteur = await rt.answerer.ask(q, { audience: "porteur" });
    expect(agent.sources.some((s) => s.id === "mesure-formation-acheteurs")).toBe(true);
    expect(porteur.sources.every((s) => s.id !== "mesure-formation-acheteurs")).toBe(true);
    expect(agent.audience).toBe("agent");
  });
});
