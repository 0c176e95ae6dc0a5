/**
 * The LLM router: the model picks among the offline candidates; a choice outside
 * them, an unparseable answer or an error keeps the offline route.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import { loadConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { Answerer } from "../../src/answer/answerer.js";
import { Guards } from "../../src/answer/guards.js";

const NEED =
  "Notre association d'aide à domicile emploie douze salariés à Alès ; nous voulons être accompagnés pour revoir notre modèle économique et notre organisation.";

let rt: Runtime;
beforeAll(async () => {
  rt = await createRuntime({ config: loadConfig(process.env, { dotenv: false }), storage: new MemoryStorage(), llm: null });
});

/** A fake model that answers the routing prompt with `route` and declines to generate. */
class RoutingFake extends FakeListChatModel {
  constructor(private readonly route: string) {
    super({ responses: ["JE_NE_SAIS_PAS"] });
  }
  override async _generate(messages: BaseMessage[], options?: this["ParsedCallOptions"]) {
    const system = String(messages[0]?.content ?? "");
    const text = /Candidats/.test(system) ? this.route : "JE_NE_SAIS_PAS";
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

function answererWith(responses: string[]): Answerer {
  return new Answerer({ retriever: rt.retriever, router: rt.router, guards: Guards.load(), llm: new RoutingFake(responses[0]!), llmTimeoutMs: 2000 });
}

describe("LLM routing checked against the offline candidates", () => {
  it("keeps the offline route when the model agrees", async () => {
    const offline = await rt.answerer.ask(NEED);
    expect(offline.route?.process).toBe("dla");
    const r = await answererWith([JSON.stringify({ process: "dla" }), "JE_NE_SAIS_PAS"]).ask(NEED);
    expect(r.route?.process).toBe("dla");
  });

  it("accepts another candidate from the offline top 3", async () => {
    const candidates = rt.router
      .candidates(NEED)
      .slice(0, 3)
      .map((c) => c.process);
    const other = candidates.find((p) => p !== "dla");
    expect(other).toBeDefined();
    const r = await answererWith([JSON.stringify({ process: other }), "JE_NE_SAIS_PAS"]).ask(NEED);
    expect(r.route?.process).toBe(other);
  });

  it("falls back to the offline route on a choice outside the candidates, garbage or 'aucun'", async () => {
    const candidates = rt.router
      .candidates(NEED)
      .slice(0, 3)
      .map((c) => c.process);
    const outside = ["region-occitanie", "cae", "scic-participation", "agrement-esus"].find((p) => !candidates.includes(p as never))!;
    for (const reply of [JSON.stringify({ process: outside }), "pas du JSON", JSON.stringify({ process: "aucun" })]) {
      const r = await answererWith([reply, "JE_NE_SAIS_PAS"]).ask(NEED);
      expect(r.route?.process).toBe("dla");
    }
  });
});
