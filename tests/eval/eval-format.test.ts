/**
 * One question set's printed figures (src/eval/run.ts formatEval): with the refusal errors read
 * from the full report, the false refusals and false answers are printed too, so that a blind
 * set, whose report loses its details, still shows them.
 */
import { describe, expect, it } from "vitest";
import { Reply } from "../../src/domain/reply.js";
import { EvalSet, formatEval, refusalErrors, runEval } from "../../src/eval/run.js";

const set = EvalSet.parse({
  questions: [
    { id: "a1", question: "answerable, answered", expect: { refuse: false } },
    { id: "a2", question: "answerable, refused", expect: { refuse: false } },
    { id: "r1", question: "to refuse, answered", expect: { refuse: true } },
    { id: "r2", question: "to refuse, refused", expect: { refuse: true } },
    { id: "r3", question: "to refuse, refused too", expect: { refuse: true } },
  ],
});
const refused = new Set(["answerable, refused", "to refuse, refused", "to refuse, refused too"]);
const ask = async (q: string) => Reply.parse({ type: "answer", text: "x", refused: refused.has(q) });

describe("eval figures of one set", () => {
  it("counts false refusals among answerable questions and false answers among questions to refuse", async () => {
    const report = await runEval(set, ask);
    expect(refusalErrors(set, report)).toEqual({ falseRefusals: 1, answerable: 2, falseAnswers: 1, toRefuse: 3 });
    const text = formatEval(report, refusalErrors(set, report));
    expect(text).toMatch(/faux refus\s+50\.0 %\s+\(1\/2\)/);
    expect(text).toMatch(/fausses réponses\s+33\.3 %\s+\(1\/3\)/);
  });

  it("prints no refusal-error lines without them", async () => {
    expect(formatEval(await runEval(set, ask))).not.toMatch(/faux refus|fausses réponses/);
  });
});
