/**
 * Follow-ups that ask of a subject of their own or that go on past a condition:
 * - a follow-up naming a subject and asking a kind of thing of it (« elle se trouve où la MIESS ? ») whose reading with
 *   the topic lacks that kind is answered alone;
 * - a condition put to the topic (« et si … ? ») is not carried into a later follow-up asking a thing of its own.
 */
import { describe, expect, it } from "vitest";
import { asksKindOfNamed, withoutConditions } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up asking a kind of thing of a subject it names", () => {
  it("is told apart from one naming nothing or asking no kind", () => {
    expect(asksKindOfNamed("elle se trouve où la MIESS ?")).toBe(true);
    expect(asksKindOfNamed("et l'URSCOP, c'est qui le contact ?")).toBe(true);
    expect(asksKindOfNamed("ça a lieu chez Acegaa quand ?")).toBe(true);
    // no name of its own: the topic's subject
    expect(asksKindOfNamed("elle se trouve où ?")).toBe(false);
    // a name, but no kind asked (a definition, a yes/no)
    expect(asksKindOfNamed("c'est quoi la MIESS ?")).toBe(false);
    expect(asksKindOfNamed("la CRESS est partenaire ?")).toBe(false);
  });

  it("is answered about what it names when the topic's reading gives no place", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("On aimerait trouver des fondations pour notre festival, le Département organise un truc ?");
    // (read with the topic, the card on what the Rencontres are led, with no place)
    const r = await c.say("et elle est où la MIESS ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Diderot|Néper/);
  });

  it("keeps the topic's reading when it already gives the kind asked", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("On monte un festival solidaire et on cherche des mécènes, il y a des rencontres avec des fondations chez nous ?");
    const r = await c.say("elles se passent où ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Diderot/);
  });
});

describe("a condition put to the topic", () => {
  const topic = "et si la préfecture tarde à répondre ? — Le label solidaire, quelles conditions sur les salaires ?";

  it("is not carried into a follow-up asking a thing of its own", () => {
    expect(withoutConditions(topic, "ça sert à quoi d'avoir le label ?")).toBe("Le label solidaire, quelles conditions sur les salaires ?");
    expect(withoutConditions(topic, "et qui le délivre ?")).toBe("Le label solidaire, quelles conditions sur les salaires ?");
  });

  it("is kept for a follow-up that is itself a condition, asks nothing of its own or speaks of it", () => {
    expect(withoutConditions(topic, "et si elle refuse ?")).toBe(topic);
    expect(withoutConditions(topic, "et ça prend combien de temps ?")).toBe(topic);
    expect(withoutConditions(topic, "la préfecture répond en combien de temps en général, quel délai ?")).toBe(topic);
    // nothing but conditions: the topic stays whole
    expect(withoutConditions("et si on déménage ?", "c'est quoi la suite ?")).toBe("et si on déménage ?");
  });

  it("leaves a later follow-up on the approval's benefits to the approval", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Agrément ESUS : c'est quoi la limite pour les salaires des dirigeants ?");
    await c.say("et si l'administration ne répond pas à notre dossier ?");
    const r = await c.say("ça apporte quoi de concret d'être agréé ?");
    expect(r.refused).toBe(false);
    // (carried with the condition, the reading led with where the request is filed and the silence of the administration)
    expect(r.text.slice(0, 250)).toMatch(/épargne solidaire|90\/10|réduction d'impôt|service civique/);
  });
});
