/**
 * Follow-ups whose topic should weigh more than the words they share with another subject: the state of the person's
 * own file asked after questions on a process another body runs (its team answers it), an « et … ? » adding a question
 * to what was just said, a reply whose lead passage comes from another subject, and a complete question naming no subject
 * of its own. Wordings written for this test, with near misses that must keep their reading.
 */
import { describe, expect, it } from "vitest";
import { givesAskedKind, isElliptic } from "../../src/answer/followup.js";
import { Guards } from "../../src/answer/guards.js";
import { substitutes } from "../../src/conversation/question.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("the state of one's own file, asked in a conversation", () => {
  it("marks the gaps about the person's own file, not the others", () => {
    const guards = Guards.load();
    expect(guards.gap("nous avons transmis notre dossier il y a deux mois, où en est-il ?")?.ownFile).toBe(true);
    expect(guards.gap("Quel est le budget de chaque atelier territorial ?")?.ownFile).toBeUndefined();
  });

  it("hands the refusal to the team of the process the conversation is about when another body runs it", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui délivre l'agrément ESUS dans le Gard ?");
    await c.say("et ça vaut pour combien d'années ?");
    const r = await c.say("nous avons transmis notre dossier il y a deux mois, où en est-il ?");
    expect(r.refused).toBe(true);
    expect(r.route?.process).toBe("agrement-esus");
  });

  it("still hands it to the ESS team without a topic", async () => {
    const c = conversation(core.runtime.assistant);
    const r = await c.say("nous avons transmis notre dossier il y a deux mois, où en est-il ?");
    expect(r.refused).toBe(true);
    expect(r.route?.process).toBe("mission-ess-departement");
  });
});

describe("a follow-up opening with « et » that names no subject of its own", () => {
  it("is elliptic up to ten words, not with a name, three topic words, more words or a subject set apart", () => {
    expect(isElliptic("et une fois qu'on l'a obtenu, on est accompagné ?", 2)).toBe(true);
    // (not in English past eight words, nor with its own subject set apart by a comma)
    expect(isElliptic("and once we get it, is there any support after?", 2)).toBe(false);
    expect(isElliptic("et le montant versé à chaque commun, il va jusqu'où ?", 2)).toBe(false);
    expect(isElliptic("et une fois qu'on l'a obtenu, le DLA nous accompagne ?", 2, true)).toBe(false);
    expect(isElliptic("et une fois obtenu, on est accompagné pour le recrutement ?", 3)).toBe(false);
    expect(isElliptic("et une fois qu'on l'a obtenu, est-ce qu'on est encore accompagné après ?", 2)).toBe(false);
    expect(isElliptic("une fois qu'on l'a obtenu, on est accompagné ensuite ?", 2)).toBe(false);
  });

  it("is answered from its topic's documents", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Je veux racheter un salon de coiffure à Alès, un prêt d'honneur c'est envisageable ?");
    const r = await c.say("et une fois qu'il est octroyé, on est suivi ensuite ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/suivi|accompagn/i);
    expect(r.sources.map((s) => s.id).some((id) => id === "initiative-gard" || id === "pret-honneur-microcredit")).toBe(true);
    expect(r.sources.map((s) => s.id)).not.toContain("agrement-esus-cadre-legal");
  });
});

describe("a follow-up whose reply leads with another subject's passage", () => {
  it("gets the card of its topic's documents that holds its own words", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("Quelle proportion de l'emploi salarié gardois est dans l'ESS ?");
    const r = await c.say("et ça représente combien de structures ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/2 300/);
    expect(r.route?.process).toBe("mission-ess-departement");
  });
});

describe("a complete follow-up that names no subject of its own", () => {
  it("is read with its topic when both readings are about as good", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    await c.say("Avant le schéma ESS du Gard, le Département avait écrit un Livre blanc ?");
    const r = await c.say("la réunion de clôture s'est tenue où ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Pont du Gard/);
  });

  it("still reads alone one naming its own subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Avant le schéma ESS du Gard, le Département avait écrit un Livre blanc ?");
    const r = await c.say("la MIESS, elle se trouve où ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Diderot/);
    expect(r.text).not.toMatch(/Pont du Gard/);
  });
});

describe("a follow-up putting the previous question of another kind of structure", () => {
  it("is read as a substitution only when short and indefinite", () => {
    expect(substitutes("et une mutuelle ?")).toBe(true);
    expect(substitutes("et pour une coopérative ?")).toBe(true);
    expect(substitutes("and a foundation?")).toBe(true);
    expect(substitutes("et la fondation de la MIESS ?")).toBe(false);
    expect(substitutes("une fondation ?")).toBe(false);
    expect(substitutes("et une fondation qui finance des associations du Gard, comment la trouver ?")).toBe(false);
  });

  it("stays with the ESS team when answered from the same documents", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Est-ce qu'une association loi 1901 est automatiquement dans l'ESS ?");
    const r = await c.say("et une fondation ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/fondation/i);
    expect(r.route?.process).toBe("mission-ess-departement");
  });

  it("still goes to the mécénat process when the follow-up names its events", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Est-ce qu'une association loi 1901 est automatiquement dans l'ESS ?");
    const r = await c.say("et les rencontres entre fondations et associations, c'est quand ?");
    expect(r.route?.process).toBe("mecenat-fondations");
  });
});

describe("a follow-up counting things with « c'est combien de … ? »", () => {
  it("is given a count, not a sum of money", () => {
    expect(givesAskedKind("et c'est combien de villages ?", "La communauté de communes réunit 27 villages.")).toBe(true);
    // a sum asked is still given only by a sum
    expect(givesAskedKind("et c'est combien ?", "La communauté de communes réunit 27 villages.")).toBe(false);
    expect(givesAskedKind("c'est combien la subvention ?", "Elle peut atteindre 15 000 €.")).toBe(true);
  });

  it("is answered from its topic's documents", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("La commune de Quissac fait partie de quelle intercommunalité ?");
    const r = await c.say("et c'est combien de communes ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/34 communes/);
  });
});
