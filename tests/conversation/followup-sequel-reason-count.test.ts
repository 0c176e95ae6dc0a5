/**
 * Follow-ups that lean on the previous turn in five ways: the next or the previous one of an event whose date was just
 * asked (« et la suivante ? »: the next edition's date is published nowhere, the earlier ones are), the names of things
 * just counted (refused when the sources do not list them), a bare « pourquoi ? » after a project's options saying the
 * Département cannot help (the reason: the loi NOTRe), a statement of how many the person's group is (read with the
 * topic, not as a new project), a plan's construction (its parts, not how it was written) and the date a named person
 * took office. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { asksBareWhy, deniedClaim, resolveSequel, statesOwnCount } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("reading the shape of such follow-ups", () => {
  it("reads a bare next or previous one only after a date was asked", () => {
    expect(resolveSequel("et la suivante ?", "le dernier forum des fondations, il a eu lieu quand ?")).toMatch(/prochaine édition/);
    expect(resolveSequel("and the following one?", "when was the last patrons' meeting?")).toMatch(/next edition/);
    expect(resolveSequel("et celle d'avant ?", "la rencontre avec les mécènes, c'était quand ?")).toMatch(/précédente édition/);
    // a rank after a list, a noun of its own, or no date asked: no sequel
    expect(resolveSequel("et le suivant ?", "quels sont les axes du schéma ?")).toBeNull();
    expect(resolveSequel("et le seuil suivant ?", "à partir de quand faut-il une convention ?")).toBeNull();
  });

  it("reads a bare why and the sentence of a reply that denies", () => {
    expect(asksBareWhy("mais pourquoi donc ?")).toBe(true);
    expect(asksBareWhy("why not?")).toBe(true);
    expect(asksBareWhy("pourquoi le schéma a-t-il quatre axes ?")).toBe(false);
    expect(
      deniedClaim("Pour ce projet, la piste principale est **la Région** [1].\n\nLe Département ne peut plus verser d'aide directe à une société. [1]"),
    ).toMatch(/ne peut plus/);
    expect(deniedClaim("La piste principale est la Région [1].")).toBeNull();
  });

  it("reads a statement of how many they are, not a question nor a project", () => {
    expect(statesOwnCount("en réalité on n'est que deux structures")).toBe(true);
    expect(statesOwnCount("actually we're only two")).toBe(true);
    expect(statesOwnCount("on est deux, ça suffit ?")).toBe(false);
    expect(statesOwnCount("nous sommes une association qui veut ouvrir un tiers-lieu à Uzès avec un café et un atelier vélo")).toBe(false);
  });
});

describe("follow-ups leaning on the previous turn", () => {
  it("refuses the next edition of a past meeting and hands it to that meeting's team", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("La dernière rencontre avec les fondations à Nîmes, elle a eu lieu quand ?");
    const r = await c.say("et la suivante, alors ?");
    expect(r.refused, r.text).toBe(true);
    expect(r.route?.process).toBe("mecenat-fondations");
  });

  it("answers the previous edition the sources give", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Les Rencontres Fondations-Associations de la MIESS, c'était quand ?");
    const r = await c.say("et la précédente ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/édition/);
  });

  it("refuses the names of the neighbourhoods just counted", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Gard a combien de quartiers prioritaires aujourd'hui ?");
    const r = await c.say("tu peux me les donner tous avec leurs noms ?");
    expect(r.refused, r.text).toBe(true);
  });

  it("gives the reason of a denial after a project's options", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("J'ai une SAS de plomberie à Alès, le Département peut financer l'achat d'un camion ?");
    const r = await c.say("pourquoi ça ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/NOTRe/);
    expect(r.sources.map((s) => s.id)).toContain("competences-departement");
  });

  it("reads a stated count of partners with the call it corrects", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de partenaires faut-il réunir pour l'appel à communs ?");
    const r = await c.say("en réalité on n'est que deux associations");
    expect(r.refused, r.text).toBe(false);
    expect(r.route?.process).toBe("appel-a-communs");
    expect(r.text).toMatch(/trois/);
  });

  it("describes the parts of the solidarity plan, and its writing when that is asked", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le schéma des solidarités sociales, il court sur quelles années ?");
    const r = await c.say("et il est construit comment ?");
    expect(r.text).toMatch(/âges de la vie/);
    const c2 = conversation(core.runtime.assistant);
    await c2.say("Le schéma des solidarités sociales, il court sur quelles années ?");
    const w = await c2.say("il a été élaboré comment ?");
    expect(w.text).toMatch(/concertation|co-écrite|forum/);
  });

  it("dates the office of the person just named, not another one's", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui dirige le Conseil départemental du Gard ?");
    const r = await c.say("elle est en fonction depuis quand ?");
    expect(r.text).toMatch(/2020/);
    const c2 = conversation(core.runtime.assistant);
    await c2.say("Quelle élue est chargée de l'ESS au Département ?");
    const v = await c2.say("et elle occupe ce poste depuis quand ?");
    expect(v.text).toMatch(/2021/);
  });
});
