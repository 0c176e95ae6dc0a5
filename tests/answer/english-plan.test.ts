/** "the plan", in an English question, is the Département's ESS schema (the English lexicon), not the « plan d'actions » page. */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

describe("the plan, in English", () => {
  it("counts the schema's axes", async () => {
    const r = await ask("So how many axes are there in this plan?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b(four|4|quatre)\b/i);
  });
  it("keeps the regional plan for the Region", async () => {
    const r = await ask("What is the regional ESS plan of Occitanie?");
    expect(r.text).toMatch(/2018/);
  });
});
