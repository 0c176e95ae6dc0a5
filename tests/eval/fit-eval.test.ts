/**
 * Scoring of the project-fit evaluation (src/eval/fit.ts): options come from the
 * reply's `fit`; a refusal without options orients to the person its route hands
 * over to; a request to refuse may expect no option at all (`first: null`), and
 * is then scored by the refusal metric only.
 */
import { describe, expect, it } from "vitest";
import { FitSet, runFitEval } from "../../src/eval/fit.js";
import { Reply, type FitOption } from "../../src/domain/reply.js";

const option = (process: FitOption["process"]): FitOption => ({ process, name: process, measures: [], axis: null, verdict: "to-check", why: "", missing: [] });
const route = (process: "mission-ess-departement" | "dla") => ({ process, name: process, confidence: 0.5, why: "" });

const set = FitSet.parse({
  projects: [
    { id: "p1", description: "a", expect: { first: "dla", acceptable: ["france-active"], sources: ["axe-3-acteurs-ressources"] } },
    { id: "p2", description: "b", expect: { first: "dla" } },
    { id: "r1", description: "c", expect: { first: "mission-ess-departement", refuse: true } },
    { id: "r2", description: "d", expect: { first: null, refuse: true } },
  ],
});

const replies: Record<string, Reply> = {
  a: Reply.parse({
    type: "answer",
    text: "x",
    fit: [option("france-active"), option("dla")],
    sources: [{ n: 1, id: "axe-3-acteurs-ressources", chunkId: "c1", title: "t", kind: "axe", status: "confirmed", score: 1, excerpt: "e" }],
  }),
  b: Reply.parse({ type: "answer", text: "x", route: route("dla") }),
  c: Reply.parse({ type: "answer", text: "x", refused: true, route: route("mission-ess-departement") }),
  d: Reply.parse({ type: "answer", text: "x", refused: true }),
};

describe("project-fit evaluation scoring", () => {
  it("scores options, a refusal's route, and leaves first: null out of the first-option metrics", async () => {
    const r = await runFitEval(set, async (q) => replies[q]!);
    // p1: second option only; p2: an answer that is no fit reply has no option; r1: the refusal's route counts.
    expect(r.first).toMatchObject({ total: 3, passed: 1, failures: ["p1", "p2"] });
    expect(r.firstTwo).toMatchObject({ total: 3, passed: 2, failures: ["p2"] });
    expect(r.cited).toMatchObject({ total: 1, passed: 1 });
    expect(r.refusal).toMatchObject({ total: 4, passed: 4 });
    expect(r.wrongRefusals).toEqual([]);
  });

  it("rejects first: null or absent on a project that must not be refused", () => {
    expect(FitSet.safeParse({ projects: [{ id: "x", description: "y", expect: { first: null } }] }).success).toBe(false);
    expect(FitSet.safeParse({ projects: [{ id: "x", description: "y", expect: {} }] }).success).toBe(false);
  });

  it("reads a refusal written as `expect: { refuse: true }` (no first) as first: null", () => {
    const parsed = FitSet.parse({ projects: [{ id: "x", description: "y", expect: { refuse: true } }] });
    expect(parsed.projects[0]!.expect).toEqual({ first: null, acceptable: [], sources: [], refuse: true });
  });
});
