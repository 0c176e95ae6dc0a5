/**
 * Follow-ups asking a detail of what was just answered: since when the person just named holds the role, which
 * elected official carries the ESS, the pay limits of the ESUS approval, the detail of the publication obligations
 * above 153 000 €, and whether a body will take the person on. Wordings written for this test, none taken from an
 * evaluation set.
 */
import { describe, expect, it } from "vitest";
import { asksSinceWhenHeld } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("since when the person just named holds the role", () => {
  it("reads only a date asked of the role, with no subject of its own", () => {
    for (const q of [
      "since when?",
      "how long has she been in office?",
      "et elle est là depuis quand ?",
      "elle est en poste depuis quand ?",
      "when was she elected?",
    ])
      expect(asksSinceWhenHeld(q), q).toBe(true);
    for (const q of [
      "depuis quand existe la vice-présidence ESS ?",
      "since when has the schema been in force?",
      "elle est élue de quel canton ?",
      "depuis quand le Département finance des communs ?",
    ])
      expect(asksSinceWhenHeld(q), q).toBe(false);
  });

  it("dates the president's office in English and in French", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Who is the Gard Département's president?");
    const r = await c.say("since when?");
    expect(r.text).toMatch(/2020/);
    expect(r.text).not.toMatch(/Meunier/);
    const c2 = conversation(core.runtime.assistant);
    await c2.say("c'est qui la présidente du Gard ?");
    const r2 = await c2.say("how long has she been in office?");
    expect(r2.text).toMatch(/2020/);
    expect(r2.text).not.toMatch(/Meunier/);
  });

  it("dates the ESS vice-president's office after her, and leaves a subject of its own to its reading", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("quel élu suit l'économie sociale et solidaire au Département ?");
    const r = await c.say("et elle est là depuis quand ?");
    expect(r.text).toMatch(/2021/);
    expect(r.text).toMatch(/Meunier/);
    // an organisation named by a « qui ? » holds no office: « depuis quand ? » is not read as its time in one
    const c2 = conversation(core.runtime.assistant);
    await c2.say("Qui a conçu le schéma ESS ?");
    const g = await c2.say("depuis quand ?");
    expect(g.text).not.toMatch(/^La Grande Bobine, une coopérative/);
  });
});

describe("the elected official in charge of the ESS", () => {
  it("names Hélène Meunier asked among the élus, first turn or after the vote", async () => {
    const a = await conversation(core.runtime.assistant).say("quel élu suit l'économie sociale et solidaire au Département ?");
    expect(a.text).toMatch(/Meunier/);
    const c = conversation(core.runtime.assistant);
    await c.say("Le schéma ESS a été adopté quand ?");
    const r = await c.say("et chez les élus, qui pilote ce dossier ?");
    expect(r.text).toMatch(/Meunier/);
  });

  it("still sends whom to contact to the ESS team", async () => {
    const r = await conversation(core.runtime.assistant).say("qui contacter au Département pour une question sur l'ESS ?");
    expect(r.text).toMatch(/équipe ESS/);
  });
});

describe("the ESUS pay limits asked after the approval", () => {
  it("gives the SMIC multiples, in French and in English", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Une SCOP peut-elle être dans l'ESS ?");
    await c.say("et avoir l'agrément ESUS ?");
    const r = await c.say("et pour les salaires, il y a des limites ?");
    expect(r.text).toMatch(/SMIC/);
    const c2 = conversation(core.runtime.assistant);
    await c2.say("What is the ESUS approval?");
    const e = await c2.say("are there salary limits?");
    expect(e.text).toMatch(/minimum wage|SMIC/);
  });

  it("keeps a duration asked after the approval", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Quels avantages donne l'agrément ESUS ?");
    const r = await c.say("et il dure combien de temps ?");
    expect(r.text).toMatch(/5 ans/);
  });
});

describe("whether a body will take the person on", () => {
  it("is refused and handed to the process just spoken of", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi une CAE ?");
    const r = await c.say("ils vont me prendre si je suis photographe indépendant ?");
    expect(r.refused).toBe(true);
    expect(r.route?.process).toBe("cae");
    const c2 = conversation(core.runtime.assistant);
    await c2.say("C'est quoi une CAE ?");
    const e = await c2.say("will they take me?");
    expect(e.refused).toBe(true);
  });

  it("still answers how a CAE works for freelancers", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("C'est quoi une CAE ?");
    const r = await c.say("ça coûte combien ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/10 ?%/);
  });
});

describe("the detail of the publication obligations above 153 000 €", () => {
  it("says the sources do not give it, and still gives the threshold", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("à partir de combien une subvention demande une convention ?");
    const t = await c.say("et pour la publication, il y a un seuil ?");
    expect(t.refused).toBe(false);
    expect(t.text).toMatch(/153/);
    const r = await c.say("what exactly must be published then?");
    expect(r.refused).toBe(true);
  });
});
