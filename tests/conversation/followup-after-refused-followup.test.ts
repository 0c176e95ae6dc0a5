/**
 * A follow-up refused as an unpublished detail of its topic (« il faut quelles pièces ? » after the call for commons) does
 * not leave its own words as the next follow-up's only topic: a follow-up asking something of its own (whether the file
 * can go by post) is read again with the topic before that refusal and answered from it. An elliptic one (« et en 2026 ? »)
 * or one asking another unpublished detail still asks what was refused, and stays refused.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/text.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up after a refused follow-up", () => {
  it.each([
    [
      "Comment dépose-t-on un dossier pour l'appel à communs ?",
      "et la liste des documents à joindre, c'est quoi ?",
      "c'est possible de l'envoyer par courrier ?",
    ],
    [
      "Comment dépose-t-on un dossier pour l'appel à communs ?",
      "et la liste des documents à joindre, c'est quoi ?",
      "et par courrier postal, ça marche aussi ?",
    ],
    [
      "Comment dépose-t-on un dossier pour l'appel à communs ?",
      "et la liste des documents à joindre, c'est quoi ?",
      "on pourrait pas l'expédier par courrier à la place ?",
    ],
  ])("asking something of its own is answered from the topic before the refusal (%s)", async (first, refused, next) => {
    const c = conversation(core.runtime.assistant);
    await c.say(first);
    const r1 = await c.say(refused);
    expect(r1.refused, r1.text).toBe(true);
    const r = await c.say(next);
    expect(r.refused, r.text).toBe(false);
    expect(fold(r.text)).toMatch(/gard.?centrale/);
  });

  it("an elliptic one still asks the refused thing", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qu'est-ce que l'appel à communs du Gard ?");
    const r1 = await c.say("combien de candidatures ont été reçues en 2025 ?");
    expect(r1.refused, r1.text).toBe(true);
    const r = await c.say("et en 2026 ?");
    expect(r.refused, r.text).toBe(true);
  });

  it("one asking another unpublished detail stays refused", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qu'est-ce que l'appel à communs du Gard ?");
    const r1 = await c.say("qui siège dans le jury ?");
    expect(r1.refused, r1.text).toBe(true);
    const r = await c.say("et la date limite de dépôt, c'est quand ?");
    expect(r.refused, r.text).toBe(true);
  });
});
