/**
 * The eligibility questionnaire in conversation (real core, memory storage):
 * it starts from the facts in the message, asks one missing fact at a time,
 * understands French answers, takes corrections, skips, cancels, answers an
 * interleaved question and resumes; and the eligibility form with raw strings.
 */
import { describe, expect, it } from "vitest";
import { Verdict } from "../../src/domain/reply.js";
import { FACT_QUESTIONS, type FactKey } from "../../src/eligibility/facts.js";
import { conversation, stateOf, sharedCore } from "./helpers.js";

const core = sharedCore();

/** A plausible French answer to any fact question ("je ne sais pas" for the rest). */
function answerFor(field: string): string {
  const answers: Partial<Record<FactKey, string>> = {
    legalForm: "une asso",
    commune: "Anduze",
    employees: "trois",
    partnerStructures: "3 structures",
  };
  const q = FACT_QUESTIONS[field as FactKey];
  if (answers[field as FactKey]) return answers[field as FactKey]!;
  if (q?.type === "boolean") return "oui";
  return "je ne sais pas";
}

describe("eligibility started from any message", () => {
  it("keeps facts stated in an earlier message, checks every process they concern, and the form completes them", async () => {
    const c = conversation(core.runtime.assistant);
    const answer = await c.say("nous sommes une asso à Uzès");
    expect(answer.type).toBe("answer");
    const start = await c.say("est-ce qu'on est éligible ?");
    expect(start.type).toBe("prompt");
    expect(["legalForm", "commune"]).not.toContain(start.prompt!.field);
    const state = await stateOf(core.storage, c.base);
    expect(state).toMatchObject({ mode: "eligibility", facts: { legalForm: "association", commune: "Uzès" } });
    // Not narrowed to the route of the earlier answer.
    expect(state!.target).toBeUndefined();

    // The form completes the facts instead of replacing them, and the verdicts say which facts they used.
    await c.say("annuler");
    const verdicts = await c.form("eligibility", { employees: "2" });
    expect(verdicts.type).toBe("eligibility");
    expect(verdicts.facts).toMatchObject({ legalForm: "association", commune: "Uzès", employees: 2 });
    expect(new Set(verdicts.eligibility!.map((r) => r.process)).size).toBeGreaterThan(1);
  });

  it("does not take a general question's facts as the person's own", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Une SCOP peut-elle obtenir l'agrément ESUS ?");
    expect((await stateOf(core.storage, c.base))?.facts ?? {}).toEqual({});
  });
});

describe("eligibility questionnaire", () => {
  it("starts from the facts in the message, asks one fact at a time, resumes after a question, takes a correction", async () => {
    const c = conversation(core.runtime.assistant);
    const first = await c.say("nous sommes une SCOP de 7 salariés à Anduze, suis-je éligible ?");
    expect(first.type).toBe("prompt");
    const given = ["legalForm", "commune", "employees"];
    expect(given).not.toContain(first.prompt!.field);
    expect(first.text).toContain(FACT_QUESTIONS[first.prompt!.field as FactKey].question);
    expect(await stateOf(core.storage, c.base)).toMatchObject({
      mode: "eligibility",
      facts: { legalForm: "scop", employees: 7, commune: "Anduze" },
      pendingFact: first.prompt!.field,
    });

    // An interleaved question is answered, then the same question is asked again.
    const pending = first.prompt!.field;
    const interleaved = await c.say("c'est quoi le DLA ?");
    expect(interleaved.type).toBe("answer");
    expect(interleaved.sources.length).toBeGreaterThan(0);
    expect(interleaved.interactionId).toBeTruthy();
    expect(interleaved.prompt?.field).toBe(pending);
    expect(interleaved.text).toContain(FACT_QUESTIONS[pending as FactKey].question);
    expect(await stateOf(core.storage, c.base)).toMatchObject({ mode: "eligibility", pendingFact: pending });

    // A correction of another fact: the commune changes, the pending question stays.
    const corrected = await c.say("non, on est à Uzès");
    expect(corrected.type).toBe("prompt");
    expect(corrected.prompt!.field).toBe(pending);
    expect(corrected.text).toContain("corrigé");
    const st = await stateOf(core.storage, c.base);
    expect(st!.facts.commune).toBe("Uzès");
    expect(st!.facts[pending]).toBeUndefined();

    // Answer every remaining question; none of the given facts is ever asked.
    const asked: string[] = [pending];
    let r = await c.say(answerFor(pending));
    for (let i = 0; i < 15 && r.type === "prompt"; i++) {
      const field = r.prompt!.field;
      expect(given).not.toContain(field);
      expect(asked).not.toContain(field);
      asked.push(field);
      r = await c.say(answerFor(field));
    }
    expect(r.type).toBe("eligibility");
    expect(r.eligibility!.length).toBeGreaterThan(0);
    for (const e of r.eligibility!) {
      expect(Verdict.options).toContain(e.verdict);
      for (const reason of e.reasons) expect(reason.source.length).toBeGreaterThan(0);
    }
    const all = JSON.stringify(r.eligibility);
    expect(all).toContain("Uzès");
    expect(all).not.toContain("Anduze");
    expect(r.text).toMatch(/éligible|à vérifier|manquantes/);
    expect((await stateOf(core.storage, c.base))!.mode).toBe("idle");
  });

  it("understands « une asso », commune names, « trois », « 3 structures », « oui » and « non »", async () => {
    const c = conversation(core.runtime.assistant);
    let r = await c.say("Suis-je éligible ?");
    expect(r.prompt?.field).toBe("legalForm");
    r = await c.say("une asso");
    expect(r.prompt?.field).toBe("commune");
    r = await c.say("bagnols sur ceze");
    expect(r.prompt?.field).toBe("employees");
    r = await c.say("trois");
    expect(r.prompt?.field).toBe("partnerStructures");
    r = await c.say("3 structures");
    expect(await stateOf(core.storage, c.base)).toMatchObject({
      facts: { legalForm: "association", commune: "Bagnols-sur-Cèze", employees: 3, partnerStructures: 3 },
    });
    // Yes/no questions: find the first two and answer them.
    const seen: Record<string, boolean> = {};
    for (let i = 0; i < 10 && r.type === "prompt" && Object.keys(seen).length < 2; i++) {
      const field = r.prompt!.field as FactKey;
      if (FACT_QUESTIONS[field].type === "boolean") {
        const yes = Object.keys(seen).length === 0;
        seen[field] = yes;
        r = await c.say(yes ? "oui" : "non");
      } else r = await c.say("je ne sais pas");
    }
    expect(Object.keys(seen)).toHaveLength(2);
    const facts = (await stateOf(core.storage, c.base))?.facts ?? {};
    for (const [field, value] of Object.entries(seen)) expect(facts[field]).toBe(value);
  });

  it("a correction while another question is pending does not answer it", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("suis-je éligible ?");
    await c.say("une association");
    const r1 = await c.say("Anduze");
    expect(r1.prompt?.field).toBe("employees");
    const r2 = await c.say("non, on est à Uzès");
    expect(r2.prompt?.field).toBe("employees");
    const st = await stateOf(core.storage, c.base);
    expect(st!.facts.commune).toBe("Uzès");
    expect(st!.facts.employees).toBeUndefined();
  });

  it("« je ne sais pas » skips a question for good", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("Sommes-nous éligibles ?");
    const skipped = r.prompt!.field;
    let next = await c.say("je ne sais pas");
    expect(next.type).toBe("prompt");
    expect(next.prompt!.field).not.toBe(skipped);
    for (let i = 0; i < 12 && next.type === "prompt"; i++) {
      expect(next.prompt!.field).not.toBe(skipped);
      next = await c.say(answerFor(next.prompt!.field));
    }
    expect(next.type).toBe("eligibility");
  });

  it("re-asks what it does not understand, including an unknown commune", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("suis-je éligible ?");
    await c.say("SCOP");
    const r = await c.say("Trifouilly-les-Oies");
    expect(r.type).toBe("prompt");
    expect(r.prompt?.field).toBe("commune");
    expect(r.text).toMatch(/commune/i);
    expect((await stateOf(core.storage, c.base))!.facts.commune).toBeUndefined();
    const ok = await c.say("Alès");
    expect(ok.prompt?.field).toBe("employees");
  });

  it("« annuler » cancels and the state returns to idle", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("nous sommes une association à Alès, sommes-nous éligibles ?");
    const r = await c.say("annuler");
    expect(r.type).toBe("info");
    expect(r.actions.map((a) => a.id)).toContain("eligibility");
    expect(await stateOf(core.storage, c.base)).toMatchObject({ mode: "idle", facts: {} });
    const after = await c.say("trois");
    expect(after.type).not.toBe("prompt");
  });

  it("a clearly named process narrows the questionnaire to it", async () => {
    const c = conversation(core.runtime.assistant);
    let r = await c.say("Notre SCOP à Nîmes est-elle éligible à l'agrément ESUS ? Sommes-nous éligibles ?");
    expect(await stateOf(core.storage, c.base)).toMatchObject({ target: ["agrement-esus"] });
    for (let i = 0; i < 12 && r.type === "prompt"; i++) r = await c.say(answerFor(r.prompt!.field));
    expect(r.type).toBe("eligibility");
    expect(r.eligibility!.map((e) => e.process)).toEqual(["agrement-esus"]);
  });

  it("the eligibility button starts the questionnaire too", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.click("eligibility");
    expect(r.type).toBe("prompt");
    expect(r.prompt?.field).toBe("legalForm");
    expect(r.prompt?.options?.some((o) => o.value === "association")).toBe(true);
    const byValue = await c.click("confirm", "scop");
    expect(byValue.prompt?.field).toBe("commune");
  });
});

describe("eligibility form", () => {
  it("coerces form strings and returns per-process verdicts", async () => {
    const c = conversation(core.runtime.assistant, { channel: "teams" });
    const r = await c.form("eligibility", {
      legalForm: "scop",
      commune: "Nîmes",
      employees: "7",
      partnerStructures: "3",
      essStatutes: "true",
      inQpv: "false",
      projectCost: "",
    });
    expect(r.type).toBe("eligibility");
    expect(r.eligibility!.length).toBeGreaterThan(0);
    const processes = r.eligibility!.map((e) => e.process);
    expect(new Set(processes).size).toBe(processes.length);
    expect(processes).toContain("appel-a-communs");
    for (const e of r.eligibility!) expect(Verdict.options).toContain(e.verdict);
    expect(JSON.stringify(r.eligibility)).toContain("Nîmes");
  });

  it("a commune outside the Gard makes the Département's processes ineligible", async () => {
    const r = await conversation(core.runtime.assistant).form("eligibility", {
      legalForm: "association",
      commune: "Montpellier",
      employees: "2",
      partnerStructures: "4",
    });
    expect(r.type).toBe("eligibility");
    const aac = r.eligibility!.find((e) => e.process === "appel-a-communs");
    expect(aac?.verdict).toBe("ineligible");
  });

  it("lists the problems of invalid values", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.form("eligibility", { legalForm: "scop", salaries: "7", employees: "abc" });
    expect(r.type).toBe("error");
    expect(r.text).toContain("salaries");
    expect(r.text).toContain("employees");
    expect(r.eligibility).toBeUndefined();

    const commune = await c.form("eligibility", { legalForm: "scop", commune: "Atlantide-sur-Mer" });
    expect(commune.type).toBe("error");
    expect(commune.text).toContain("Atlantide-sur-Mer");

    const badBool = await c.form("eligibility", { esusApproved: "peut-être" });
    expect(badBool.type).toBe("error");
    expect(badBool.text).toContain("esusApproved");
  });
});
