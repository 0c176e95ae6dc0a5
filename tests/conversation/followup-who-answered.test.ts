/**
 * After a « qui ? » answered with a name that has a document of its own (« Qui a écrit le schéma ? » → La Grande
 * Bobine), a follow-up whose pronoun stands for that name (« elles sont installées où ? », "where are they located?",
 * « c'est quoi comme genre de boîte ? ») is answered from that name's document, not from a document that only mentions it.
 */
import { describe, expect, it } from "vitest";
import { asksLegalForm, standsForWhoAnswered } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();
const DESIGNER = "la-grande-bobine";

describe("a follow-up about the one a « qui ? » was answered with", () => {
  it("reads its pronoun as that one only after a question asking who", () => {
    expect(standsForWhoAnswered("elles sont installées où ?", "C'est qui qui a écrit le schéma ?")).toBe(true);
    expect(standsForWhoAnswered("where are they located?", "Who ran the consultation?")).toBe(true);
    expect(standsForWhoAnswered("et qui l'a créée ?", "Qui anime le réseau ?")).toBe(true);
    // After a question asking something else than who, or without a pronoun, it reads nothing of the kind.
    expect(standsForWhoAnswered("elle est où ?", "C'est quoi la MIESS ?")).toBe(false);
    expect(standsForWhoAnswered("et le schéma a été voté quand ?", "Qui a conçu le schéma ?")).toBe(false);
  });

  it("reads « quel genre de structure » as asking a legal form", () => {
    expect(asksLegalForm("c'est quoi comme genre de boîte ?")).toBe(true);
    expect(asksLegalForm("what sort of organisation is it?")).toBe(true);
    expect(asksLegalForm("c'est quel genre de projet ?")).toBe(false);
  });

  it("answers where the designer of the schema is based from its own document", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Who ran the consultation for the Gard ESS plan?");
    const r = await c.say("where are they located?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toBe(DESIGNER);
    expect(r.text).toMatch(/Nîmes/);
  });

  it("answers what kind of structure it is from its own document", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui a piloté la concertation du schéma ESS ?");
    const r = await c.say("c'est quoi comme genre de boîte ?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toBe(DESIGNER);
    expect(r.text).toMatch(/SCOP|coopérative/);
  });

  it("keeps a follow-up about the scheme a « qui ? » was asked of on that scheme", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui porte le DLA dans le Gard ?");
    const r = await c.say("c'est gratuit ?");
    expect(r.refused).toBe(false);
    expect(r.sources[0]?.id).toMatch(/^dla/);
    expect(r.text).toMatch(/gratuit/);
  });
});
