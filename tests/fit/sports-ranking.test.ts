/**
 * Ranking sports teams or players is outside the mission; an ESS sports club's own project is not.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";

const guards = Guards.load();

describe("ranking sports teams", () => {
  it("asking which team or player is the best is out of mission", () => {
    expect(guards.isOutOfMission("C'est quoi la meilleure équipe de rugby de la région d'après toi ?")).toBe(true);
    expect(guards.isOutOfMission("Who is the best team in the Gard, Alès or Nîmes?")).toBe(true);
  });

  it("a sports club's project stays in scope", () => {
    expect(guards.isOutOfMission("Notre club de basket associatif d'Uzès veut embaucher un éducateur : quel accompagnement ?")).toBe(false);
    expect(guards.isOutOfMission("Nous voulons devenir le meilleur club formateur du Gard grâce à un emploi partagé.")).toBe(false);
  });
});
