/**
 * The handoff both ways on the real core: how the person wants the answer, the
 * team's clean summary, an agent's answer delivered back once, the e-mail given
 * with consent kept apart and erased by `forget`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notifier } from "../../src/conversation/types.js";
import type { HandoffRecord } from "../../src/storage/types.js";
import { userHash } from "../../src/privacy/pseudonym.js";
import { buildCore, conversation, SECRET, uid, type TestCore } from "./helpers.js";

let core: TestCore;
const cards: { h: HandoffRecord; contact?: unknown }[] = [];
const personal: { h: HandoffRecord; text: string; origin?: string }[] = [];
const answered: HandoffRecord[] = [];

beforeAll(async () => {
  core = await buildCore({ handoffTargets: { default: { slack: "C-ESS" } } });
  const slack: Notifier = {
    channel: "slack",
    deliver: async (h, _t, extra) => (cards.push({ h, contact: extra?.contact }), "Elle a été publiée dans le canal Slack de l'équipe."),
    deliverReply: async (h, text, origin) => (personal.push({ h, text, origin }), true),
    handoffAnswered: async (h) => void answered.push(h),
  };
  core.runtime.assistant.registerNotifier(slack);
});
afterAll(async () => core?.cleanup());

describe("handoff, both ways", () => {
  it("asks how to answer, then the team's summary lists the questions, facts in words, route and sources by title", async () => {
    const c = conversation(core.runtime.assistant, { channel: "slack", conversationId: uid("C"), threadId: "1700000000.000200" });
    const q1 = await c.say("Qu'est-ce que le DLA ?");
    await c.say("Comment obtenir l'agrément ESUS ?");
    await c.form("eligibility", { legalForm: "association", commune: "Alès", employees: "4", essStatutes: "true" });
    const ask = await c.click("handoff");
    expect(ask.type).toBe("prompt");
    expect(ask.text).toMatch(/Comment souhaitez-vous recevoir sa réponse/);
    const r = await c.say("Ici, dans cette conversation");
    expect(r.type).toBe("handoff");
    expect(r.text).toMatch(/La réponse vous sera donnée ici/);
    expect(r.text).not.toMatch(/\. le canal/);
    const s = r.handoff!.summary;
    expect(s).toContain("- Qu'est-ce que le DLA ?");
    expect(s).toContain("- Comment obtenir l'agrément ESUS ?");
    expect(s).not.toContain("aucune question");
    expect(s).not.toMatch(/= ?(true|false)|legalForm|employees/);
    expect(s).toMatch(/nombre de salariés : 4/);
    expect(s).toMatch(/statuts conformes à la loi ESS : oui/);
    expect(s).toMatch(/Parcours proposé : /);
    const titles = [...new Set(q1.sources.map((x) => x.title))];
    // Sources are titles, once each; no internal ids.
    expect(s.split("\n").filter((l) => l.startsWith("- ") && titles.some((t) => l.includes(t))).length).toBeGreaterThan(0);
    const card = cards.find((x) => x.h.id === r.handoff!.id)!;
    expect(card.contact).toBeUndefined();
    expect(JSON.parse((await core.storage.getHandoffContacts(r.handoff!.id)).origin!)).toEqual({
      conversationId: c.base.conversationId,
      threadId: "1700000000.000200",
    });
  });

  it("an agent's answer reaches the person's conversation once, the card is updated, a second agent sees it answered", async () => {
    const c = conversation(core.runtime.assistant, { channel: "slack", conversationId: uid("C") });
    await c.say("Qu'est-ce que l'appel à communs ?");
    const r = await c.click("handoff", "conversation");
    const id = r.handoff!.id;
    const first = await core.runtime.assistant.answerHandoff(id, "Bonjour, l'appel à communs ouvre en mars.", "Camille");
    expect(first).toMatchObject({ first: true, delivered: true });
    expect(first!.handoff.status).toBe("resolved");
    expect(first!.handoff.reply).toMatchObject({ agent: "Camille", text: "Bonjour, l'appel à communs ouvre en mars." });
    expect(first!.handoff.replyDeliveredAt).toBeTruthy();
    const got = personal.find((p) => p.h.id === id)!;
    expect(got.text).toContain("Bonjour, l'appel à communs ouvre en mars.");
    expect(got.text).toContain("Camille");
    expect(JSON.parse(got.origin!).conversationId).toBe(c.base.conversationId);
    expect(answered.map((h) => h.id)).toContain(id);
    const second = await core.runtime.assistant.answerHandoff(id, "Autre chose", "Dominique");
    expect(second).toMatchObject({ first: false, delivered: false });
    expect(second!.handoff.reply?.agent).toBe("Camille");
    expect(personal.filter((p) => p.h.id === id)).toHaveLength(1);
    expect(await core.runtime.assistant.answerHandoff("00000000-0000-4000-8000-000000000000", "x", "y")).toBeNull();
  });

  it("on the web, the answer is shown on the person's next message, once", async () => {
    const c = conversation(core.runtime.assistant, { channel: "web" });
    await c.say("Qu'est-ce que le DLA ?");
    const r = await c.click("handoff", "conversation");
    const res = await core.runtime.assistant.answerHandoff(r.handoff!.id, "Le DLA du Gard vous rappelle cette semaine.", "Camille");
    expect(res?.delivered).toBe(false);
    const next = await c.say("merci");
    expect(next.text).toContain("Le DLA du Gard vous rappelle cette semaine.");
    expect((await core.storage.getHandoff(r.handoff!.id))?.replyDeliveredAt).toBeTruthy();
    expect((await c.say("aide")).text).not.toContain("Le DLA du Gard vous rappelle");
  });

  it("an e-mail given with consent goes to the team's card only, never to the summary or the report, and forget erases it", async () => {
    const userId = uid("U");
    const c = conversation(core.runtime.assistant, { channel: "slack", conversationId: uid("C"), userId });
    await c.say("Qu'est-ce que le DLA ?");
    expect((await c.click("handoff")).type).toBe("prompt");
    const askAddress = await c.say("par e-mail");
    expect(askAddress.text).toMatch(/adresse e-mail/);
    expect((await c.say("ce n'est pas une adresse")).text).toMatch(/pas reconnu/);
    const consent = await c.say("ada.lovelace@exemple.fr");
    // The prompt shows the address masked: channels keep their messages longer than the handoff keeps the address.
    expect(consent.text).toMatch(/Acceptez-vous .*\(a…e@exemple\.fr\)/);
    expect(consent.text).not.toContain("ada.lovelace");
    const r = await c.click("confirm", "oui");
    expect(r.type).toBe("handoff");
    expect(r.text).toMatch(/par e-mail/);
    const id = r.handoff!.id;
    expect(r.handoff!.summary).not.toContain("ada.lovelace");
    expect(cards.find((x) => x.h.id === id)!.contact).toEqual({ kind: "email", value: "ada.lovelace@exemple.fr" });
    expect((await core.storage.getHandoffContacts(id)).email).toBe("ada.lovelace@exemple.fr");
    expect(JSON.stringify(await core.storage.reportData({}))).not.toContain("ada.lovelace");
    expect(JSON.stringify(await core.storage.getState(`slack:${c.base.conversationId}:-:${userHash("slack", userId, SECRET)}:handoff`))).not.toContain(
      "ada.lovelace",
    );
    const counts = await core.storage.forgetUser(userHash("slack", userId, SECRET));
    expect(counts.handoff_contacts).toBeGreaterThanOrEqual(1);
    expect(await core.storage.getHandoffContacts(id)).toEqual({});
  });

  it("a refused consent keeps nothing and offers the conversation instead; cancel stops the flow", async () => {
    const c = conversation(core.runtime.assistant, { channel: "web" });
    await c.click("handoff");
    await c.say("par téléphone : 04 66 12 34 56");
    const no = await c.say("non");
    expect(no.text).toMatch(/n'est pas conservée/);
    const stop = await c.say("annuler");
    expect(stop.type).toBe("info");
    expect((await c.say("Qu'est-ce que le DLA ?")).type).toBe("answer");
  });
});
