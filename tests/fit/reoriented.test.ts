/**
 * When the leading option is ruled out by what the message states, the ESS team is the fair fallback: right after it,
 * or first when the writer asks whether a support programme their facts rule out is open to them.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { rankOptions } from "../../src/fit/rank.js";
import type { RouteCandidate } from "../../src/routing/router.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const named = (process: string): RouteCandidate[] => [{ process, score: 1 } as RouteCandidate];
const order = (text: string, candidates: RouteCandidate[], asksIfPossible = false) =>
  rankOptions(projectFeatures(text, links), candidates, { asksIfPossible }).map((o) => o.process);

describe("the ESS team when the option asked for is ruled out", () => {
  it("volunteers only asking whether the employers' accompaniment is for them: the team first, the DLA second", () => {
    const text = "Notre club de randonnée de Quissac n'a aucun salarié, rien que des bénévoles ; nous aimerions un DLA. Est-ce possible ?";
    const options = order(text, named("dla"), true);
    expect(options.slice(0, 2)).toEqual(["mission-ess-departement", "dla"]);
  });

  it("the same message asking how to apply keeps the programme first and the team right after it", () => {
    const text = "Notre club de randonnée de Quissac n'a aucun salarié, rien que des bénévoles ; comment monter un dossier DLA ?";
    const options = order(text, named("dla"));
    expect(options[0]).toBe("dla");
    expect(options[1]).toBe("mission-ess-departement");
  });

  it("an employer asking the same question keeps the DLA first", () => {
    const text = "Notre club de randonnée de Quissac a trois salariés ; nous aimerions un DLA. Est-ce possible ?";
    expect(order(text, named("dla"), true)[0]).toBe("dla");
  });
});

describe("the ESS team first for an early project asking where to start", () => {
  it("an idea with no need said clearly, asking where to begin: the team leads, the idea's track follows", () => {
    const options = order("J'ai une idée d'activité solidaire à Uzès, je ne sais pas par où commencer.", []);
    expect(options[0]).toBe("mission-ess-departement");
  });

  it("a creation whose track a clear need names keeps that track first", () => {
    const text =
      "Nous voulons créer à Uzès une coopérative de réemploi à gouvernance partagée, être incubés et accompagnés par un incubateur d'innovation sociale ; par où commencer ?";
    expect(order(text, [])[0]).not.toBe("mission-ess-departement");
  });
});
