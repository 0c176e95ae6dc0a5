/** "the plan", in an English question, is the Département's ESS schema (the English lexicon), not the « plan d'actions » page. */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

describe("the plan, in English", () => {
  it("counts the schema's axes", async () => {
    const r = await ask("And how many axes does the plan have?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b(four|quatre) ax/i);
    expect(r.text).not.toMatch(/plan d.actions dédié/);
  });
  it("keeps the regional plan for the Region", async () => {
    const r = await ask("What is the regional ESS plan of Occitanie?");
    expect(r.text).toMatch(/2018/);
  });
});
