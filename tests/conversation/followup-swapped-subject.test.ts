/**
 * Follow-ups that keep the question just asked and change one thing in it, or that go on with the subject rather than
 * with a word of the question that was no subject:
 * - a bare count of another thing (« et de départements ? ») asks the previous count of that thing;
 * - the kind a subject was compared to (« X, c'est juste un prêt ? ») is no topic of the next turn, X is;
 * - a verb standing for the action just spoken of (« a déjà fait ça ») makes a follow-up read with that action;
 * - a named venue (« à l'Espace … », « au Pont … ») or, for where something was shown, an occasion, says where.
 */
import { describe, expect, it } from "vitest";
import { givesPlace, givesWhere, isElliptic, subjectCompared, swapCounted, topicSubjects } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a bare count of another thing", () => {
  it("asks the previous count of that thing", () => {
    expect(swapCounted("et combien d'associations ?", "Combien de coopératives sont installées à Alès ?")).toBe(
      "Combien d'associations sont installées à Alès ?",
    );
    expect(swapCounted("et de départements ?", "combien de régions traverse ce fleuve ?")).toBe("combien de départements traverse ce fleuve ?");
    expect(swapCounted("Et combien de lycées au total ?", "Il y a combien de collèges dans la métropole ?")).toBe(
      "Il y a combien de lycées dans la métropole ?",
    );
  });

  it("keeps the topic a previous question was itself read with", () => {
    expect(swapCounted("et d'étapes ?", "il compte combien de chapitres ? — Le guide des achats a été publié quand ?")).toBe(
      "il compte combien d'étapes ? — Le guide des achats a été publié quand ?",
    );
  });

  it("keeps the topic when it counts a measure, the same thing, or says more", () => {
    // people or money counted after things are counted of those things
    expect(swapCounted("et combien d'habitants ?", "Combien de quartiers prioritaires dans l'agglomération ?")).toBeNull();
    expect(swapCounted("et combien de salariés ?", "Combien de coopératives à Alès ?")).toBeNull();
    expect(swapCounted("et combien de communes ?", "Combien de communes dans la Lozère ?")).toBeNull();
    expect(swapCounted("et combien de communes y ont adhéré ?", "Combien d'intercommunalités dans la Lozère ?")).toBeNull();
    expect(swapCounted("et d'associations ?", "Quand a été voté le schéma ?")).toBeNull();
  });

  it("answers the count of the other thing in a conversation", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Il y a combien de communes dans le Gard ?");
    const r = await c.say("et d'intercommunalités ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/\b14\b/);
  });
});

describe("a subject compared to a kind", () => {
  it("is the subject a follow-up goes on with", () => {
    expect(subjectCompared("Le Pass Occitanie, c'est seulement un prêt ?")).toBe("Le Pass Occitanie");
    expect(subjectCompared("la MIESS c'est bien une association ?")).toBe("la MIESS");
    expect(topicSubjects("et ça dure combien ? — Le DLA, c'est juste un financement ?")).toBe("et ça dure combien ? — Le DLA");
  });

  it("leaves other questions whole", () => {
    expect(subjectCompared("C'est quoi une SCIC ?")).toBe("C'est quoi une SCIC ?");
    expect(subjectCompared("ça, c'est une aide ?")).toBe("ça, c'est une aide ?");
    // a property asked, with no word restricting or confirming a kind: the whole question is the topic
    expect(subjectCompared("Le plan climat c'est une obligation légale pour la commune non ?")).toBe(
      "Le plan climat c'est une obligation légale pour la commune non ?",
    );
    expect(subjectCompared("Combien coûte une adhésion à la CRESS ?")).toBe("Combien coûte une adhésion à la CRESS ?");
  });

  it("carries the subject, not the kind, into the reading of the next turn", async () => {
    const read = await core.runtime.answerer.contextualize("et en retour on s'engage à quoi ?", "L'appel à communs, c'est seulement une subvention ?");
    expect(read).toMatch(/appel à communs/);
    expect(read).not.toMatch(/subvention/);
    // a question of another shape is carried whole
    const whole = await core.runtime.answerer.contextualize("et en retour on s'engage à quoi ?", "Qui finance l'appel à communs ?");
    expect(whole).toMatch(/Qui finance l'appel à communs/);
  });
});

describe("a verb standing for the action just spoken of", () => {
  it("makes a follow-up elliptic", () => {
    expect(isElliptic("et la Région a déjà fait ça ailleurs ?", 4)).toBe(true);
    expect(isElliptic("elle l'a déjà fait avec une autre coopérative ?", 3)).toBe(true);
    // a question of its own, with a verb of its own
    expect(isElliptic("et la Région finance quoi pour les coopératives d'habitants ?", 4)).toBe(false);
  });

  it("stays with that action, not with what its other words name alone", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Une SCIC peut-elle accueillir le Département à son capital ?");
    await c.say("c'est plafonné à combien pour l'ensemble des collectivités ?");
    const r = await c.say("et le Département a déjà fait ça quelque part ?");
    expect(r.refused).toBe(false);
    // (read alone, « le Département … fait » draws what the Département's competences are)
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.sources.every((s) => /scic/.test(s.id))).toBe(true);
  });
});

describe("where something took place", () => {
  it("is told by a named venue or, for where it was shown, an occasion", () => {
    expect(givesPlace("La réunion s'est tenue à l'Espace Lumière avec les élus.")).toBe(true);
    expect(givesPlace("Le forum a eu lieu au Pont de Lunel.")).toBe(true);
    expect(givesPlace("La mission a été confiée à La Grande Bobine.")).toBe(false);
    expect(givesWhere("elle a été annoncée où ?", "Elle a été annoncée lors du Salon des maires.")).toBe(true);
    expect(givesWhere("elle est où ?", "Elle a été annoncée lors du Salon des maires.")).toBe(false);
  });

  it("answers where the meetings of the topic take place", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("On monte un festival solidaire et on cherche des mécènes, il y a des rencontres avec des fondations chez nous ?");
    const r = await c.say("elles se passent où ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Diderot/);
  });
});
