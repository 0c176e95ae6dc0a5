/**
 * What a message asks, apart from what it describes (src/answer/asked-part.ts): the clause
 * that asks for help after a described activity, and the out-of-mission reading that follows.
 */
import { describe, expect, it } from "vitest";
import { askedPart, asksOutOfMission } from "../../src/answer/asked-part.js";

// A stand-in for the guard patterns: two topics out of the mission.
const outOfMission = (t: string) => /\b(tarot|karaoke)\b/.test(t.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());

describe("askedPart", () => {
  it("keeps the help request that follows a described activity, after ; : , or a dash", () => {
    expect(askedPart("Notre asso anime des soirées karaoké pour les aînés ; quelle mesure du schéma ?")).toBe("quelle mesure du schéma ?");
    expect(askedPart("Une régie de quartier fait du tarot avec les seniors : vers qui se tourner pour la financer ?")).toBe(
      "vers qui se tourner pour la financer ?",
    );
    expect(askedPart("Un club propose du karaoké, qui peut nous accompagner ?")).toBe("qui peut nous accompagner ?");
    expect(askedPart("Our cooperative runs karaoke nights — which support is there?")).toBe("which support is there?");
  });

  it("keeps the whole question when its last clause asks something else than help", () => {
    const q = "Pour notre festival, vous pouvez nous tirer les cartes du tarot, s'il vous plaît ?";
    expect(askedPart(q)).toBe(q);
    const single = "Quelle mesure du schéma pour un karaoké solidaire ?";
    expect(askedPart(single)).toBe(single);
  });

  it("keeps the sentences that ask, not the ones that describe", () => {
    expect(askedPart("Nous animons des ateliers de tarot. Quelle aide du Département ?")).toBe("Quelle aide du Département ?");
  });
});

describe("asksOutOfMission", () => {
  it("a structure's activity before a help request is not out of mission", () => {
    expect(asksOutOfMission("Une association anime des soirées karaoké dans les EHPAD, qui peut l'aider à se financer ?", outOfMission)).toBe(false);
    expect(asksOutOfMission("Un tiers-lieu propose du tarot ; quelles pistes du schéma ?", outOfMission)).toBe(false);
  });

  it("a private request stays out of mission, and so does a structure asking for the activity itself", () => {
    expect(asksOutOfMission("J'adore le karaoké, qui peut m'aider à en faire chez moi ?", outOfMission)).toBe(true);
    expect(asksOutOfMission("Notre asso voudrait savoir, vous pouvez nous faire un tirage de tarot ?", outOfMission)).toBe(true);
    expect(asksOutOfMission("Notre asso a besoin d'un tirage de tarot ; qui peut nous aider pour le tarot ?", outOfMission)).toBe(true);
    // a volunteer who names her associations but asks for herself
    expect(asksOutOfMission("je suis bénévole dans deux assos, j'aime le karaoké, qui peut m'aider à en faire ?", outOfMission)).toBe(true);
  });

  it("nothing out of mission is never out of mission", () => {
    expect(asksOutOfMission("Une SCOP cherche un prêt, qui peut l'aider ?", outOfMission)).toBe(false);
  });
});
