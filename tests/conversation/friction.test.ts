/**
 * Friction intake in conversation ("signaler une difficulté") on the real core:
 * one question at a time, answers by number, by label and yes/no, a summary to
 * confirm, exactly one record on "oui", none on "non", personal data scrubbed.
 */
import { describe, expect, it } from "vitest";
import { userHash } from "../../src/privacy/pseudonym.js";
import { BLOCKER_LABELS, PROCESS_LABELS, STEP_LABELS } from "../../src/report/labels.js";
import { JOURNEY_STEPS } from "../../src/storage/types.js";
import { SECRET, conversation, stateOf, sharedCore } from "./helpers.js";

const core = sharedCore();

const EMAIL = "paul.martin@asso-exemple.org";
const PHONE = "04 66 12 34 56";

async function frictionsOf(base: { channel?: unknown; userId?: unknown }) {
  const hash = userHash(String(base.channel), String(base.userId), SECRET);
  return (await core.storage.reportData({})).frictions.filter((f) => f.userHash === hash);
}

describe("friction intake", () => {
  it("asks each field in turn, confirms with a summary and saves exactly one scrubbed record", async () => {
    const c = conversation(core.runtime.assistant, { channel: "slack" });
    const fields: string[] = [];
    let r = await c.say("Je voudrais signaler une difficulté");
    expect(r.type).toBe("prompt");
    fields.push(r.prompt!.field);
    expect(r.prompt!.options!.map((o) => o.value)).toEqual([...JOURNEY_STEPS]);

    const answers: Record<string, string> = {
      step: "2", // by number: the second journey step
      blocker: "pièce justificative", // by label, lower case
      process: "Appel à communs", // by label
      commune: "ales",
      description: `On nous redemande des pièces déjà envoyées. Écrivez-moi à ${EMAIL} ou au ${PHONE}.`,
      severity: "bloquant",
      contactOk: "non",
    };
    for (let i = 0; i < 10 && r.prompt?.field !== "confirm"; i++) {
      r = await c.say(answers[r.prompt!.field]!);
      expect(r.type).toBe("prompt");
      fields.push(r.prompt!.field);
    }
    expect(fields).toEqual(["step", "blocker", "process", "commune", "description", "severity", "contactOk", "confirm"]);
    // The summary shows what will be sent, already scrubbed.
    expect(r.text).toContain(STEP_LABELS[JOURNEY_STEPS[1]]);
    expect(r.text).toContain(BLOCKER_LABELS["piece-justificative"]);
    expect(r.text).toContain(PROCESS_LABELS["appel-a-communs"]);
    expect(r.text).toContain("Alès");
    expect(r.text).not.toContain(EMAIL);
    expect(r.text).not.toContain(PHONE);
    expect(await frictionsOf(c.base)).toHaveLength(0);

    const saved = await c.say("oui");
    expect(saved.type).toBe("friction");
    const recs = await frictionsOf(c.base);
    expect(recs).toHaveLength(1);
    const f = recs[0]!;
    expect(f).toMatchObject({
      step: JOURNEY_STEPS[1],
      blocker: "piece-justificative",
      process: "appel-a-communs",
      commune: "Alès",
      severity: 3,
      contactOk: false,
      channel: "slack",
      communeCode: "30007",
    });
    expect(f.epci).toBeTruthy();
    expect(f.description).toContain("pièces déjà envoyées");
    expect(f.description).not.toContain("paul.martin");
    expect(f.description.replace(/\D/g, "")).not.toContain("466123456");
    expect(saved.text).toContain(f.id!.slice(0, 8));
    expect((await stateOf(core.storage, c.base))!.mode).toBe("idle");

    // A second "oui" does not save the report again.
    await c.say("oui");
    expect(await frictionsOf(c.base)).toHaveLength(1);
  });

  it("« non » at the confirmation saves nothing", async () => {
    const c = conversation(core.runtime.assistant);
    let r = await c.click("friction");
    const answers: Record<string, string> = {
      step: "Dépôt",
      blocker: "1",
      process: "dla",
      commune: "Nîmes",
      description: "Le portail de dépôt refuse nos pièces jointes au format PDF.",
      severity: "2",
      contactOk: "oui",
    };
    for (let i = 0; i < 10 && r.prompt?.field !== "confirm"; i++) r = await c.say(answers[r.prompt!.field]!);
    expect(r.prompt?.field).toBe("confirm");
    expect(r.text).toContain("Recontact accepté : oui");
    const no = await c.say("non");
    expect(no.type).toBe("info");
    expect(await frictionsOf(c.base)).toHaveLength(0);
    expect((await stateOf(core.storage, c.base))!.mode).toBe("idle");
  });

  it("re-asks an answer it does not understand, and « annuler » stops", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("signaler un problème");
    const r = await c.say("zzz");
    expect(r.type).toBe("prompt");
    expect(r.prompt?.field).toBe("step");
    const nine = await c.say("9");
    expect(nine.prompt?.field).toBe("step");
    await c.say("1");
    const stop = await c.say("annuler");
    expect(stop.type).toBe("info");
    expect(await stateOf(core.storage, c.base)).toMatchObject({ mode: "idle", friction: {} });
    expect(await frictionsOf(c.base)).toHaveLength(0);
  });

  it("takes the process from the last answer and the description from the first message", async () => {
    const c = conversation(core.runtime.assistant);
    const q = await c.say("Qu'est-ce que le DLA ?");
    expect(q.route?.process).toBe("dla");
    let r = await c.say("signaler une difficulté : le diagnostic DLA a pris six mois avant de commencer");
    const asked: string[] = [];
    const answers: Record<string, string> = { step: "instruction", blocker: "délai", commune: "Le Vigan", severity: "1", contactOk: "oui" };
    for (let i = 0; i < 10 && r.prompt?.field !== "confirm"; i++) {
      asked.push(r.prompt!.field);
      r = await c.say(answers[r.prompt!.field] ?? "?");
    }
    expect(asked).not.toContain("process");
    expect(asked).not.toContain("description");
    expect(r.text).toContain(PROCESS_LABELS.dla);
    expect(r.text).toContain("six mois");
    await c.click("confirm");
    const recs = await frictionsOf(c.base);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ process: "dla", step: "instruction", blocker: "delai", severity: 1, contactOk: true });
  });
});

describe("context after a friction report", () => {
  it("a later handoff still carries the question, its sources and the facts collected", async () => {
    const c = conversation(core.runtime.assistant);
    const q = await c.say("Qu'est-ce que le DLA ?");
    expect(q.sources.length).toBeGreaterThan(0);
    await c.form("eligibility", { legalForm: "association", commune: "Alès", employees: "4" });
    let r = await c.say("signaler une difficulté");
    const answers: Record<string, string> = {
      step: "1",
      blocker: "7",
      commune: "Alès",
      description: "Nous ne savons pas à qui nous adresser.",
      severity: "1",
      contactOk: "non",
    };
    for (let i = 0; i < 10 && r.prompt?.field !== "confirm"; i++) r = await c.say(answers[r.prompt!.field]!);
    await c.say("oui");
    expect(await frictionsOf(c.base)).toHaveLength(1);
    expect((await c.say("parler à une personne")).type).toBe("prompt");
    const h = await c.say("dans cette conversation");
    expect(h.type).toBe("handoff");
    expect(h.handoff!.question).toBe("Qu'est-ce que le DLA ?");
    expect(h.handoff!.sources).toEqual(q.sources.map((s) => s.id));
    expect(h.handoff!.facts).toMatchObject({ legalForm: "association", commune: "Alès", employees: 4 });
  });

  it("the cancel button keeps the sources of the last answer for a handoff", async () => {
    const c = conversation(core.runtime.assistant);
    const q = await c.say("Qu'est-ce que l'appel à communs ?");
    await c.click("friction");
    await c.click("cancel");
    const h = await c.click("handoff", "conversation");
    expect(h.handoff!.sources).toEqual(q.sources.map((s) => s.id));
  });
});

describe("friction form", () => {
  it("saves a complete form with string values, scrubbed", async () => {
    const c = conversation(core.runtime.assistant, { channel: "teams" });
    const r = await c.form("friction", {
      step: "versement",
      blocker: "cofinancement",
      process: "france-active",
      commune: "Uzès",
      description: `Le versement attend le cofinanceur depuis trois mois, contact ${EMAIL}`,
      severity: "2",
      contactOk: "oui",
    });
    expect(r.type).toBe("friction");
    const recs = await frictionsOf(c.base);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ severity: 2, contactOk: true, step: "versement" });
    expect(recs[0]!.description).not.toContain(EMAIL);
  });

  it("rejects an incomplete or invalid form and writes nothing", async () => {
    const c = conversation(core.runtime.assistant, { channel: "teams" });
    const r = await c.form("friction", { step: "inconnue", blocker: "delai", severity: "7", description: "x" });
    expect(r.type).toBe("error");
    expect(r.text).toMatch(/étape/i);
    expect(r.text).toMatch(/gravité/);
    expect(r.text).toMatch(/commune/);
    expect(await frictionsOf(c.base)).toHaveLength(0);
  });
});
