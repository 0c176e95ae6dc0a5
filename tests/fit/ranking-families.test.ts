/**
 * Ranking rules (src/fit/rank.ts) in new wordings: a need stated clearly leads when the programme asked about is ruled out,
 * the need the writer puts first decides a close call, and a running employer's « réflexion » is no idea stage.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emphasisZones, foldText, projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { rankOptions } from "../../src/fit/rank.js";
import type { RouteCandidate } from "../../src/routing/router.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const cands = (...xs: [string, number][]): RouteCandidate[] => xs.map(([process, score]) => ({ process, score }) as RouteCandidate);
const order = (text: string, candidates: RouteCandidate[], asksIfPossible = false) =>
  rankOptions(projectFeatures(text, links), candidates, { asksIfPossible }).map((o) => o.process);

describe("a programme asked about and ruled out, with another need stated clearly", () => {
  it("an employer alone asking for the call for commons while it wants a development plan: the DLA leads, the call follows", () => {
    const text =
      "Nous sommes une compagnie de théâtre associative d'Alès avec deux salariés, seule sur ce projet ; nous voulons retravailler notre modèle économique. L'appel à communs, c'est pour nous ?";
    const options = order(text, cands(["appel-a-communs", 0.8], ["dla", 0.4]), true);
    expect(options.slice(0, 2)).toEqual(["dla", "appel-a-communs"]);
  });

  it("volunteers who think of the DLA to find private funding: the sponsors' track leads", () => {
    const text = "Notre association de randonnée de Quissac n'a aucun salarié ; on pensait au DLA pour trouver des financements privés. C'est la bonne porte ?";
    const options = order(text, cands(["dla", 1]), true);
    expect(options[0]).toBe("mecenat-fondations");
    expect(options[1]).toBe("dla");
  });

  it("with no other need stated, the ESS team still leads", () => {
    const text = "Notre chorale de Sauve n'a que des bénévoles, pas un seul salarié. Le DLA, est-ce possible pour nous ?";
    expect(order(text, cands(["dla", 1]), true)[0]).toBe("mission-ess-departement");
  });
});

describe("the need the writer puts first", () => {
  it("« l'urgence est de… », « notre priorité c'est… » mark the main need", () => {
    expect(emphasisZones(foldText("On cherche des locaux. Mais l'urgence est de revoir notre gouvernance.")).main).toContain("gouvernance");
    expect(emphasisZones(foldText("Notre priorité, c'est de répondre aux marchés publics.")).main).toContain("marches publics");
  });

  it("decides a close call between two tracks", () => {
    const text =
      "Notre régie de quartier de Beaucaire (15 salariés) aimerait trouver des mécènes pour un chantier, mais la priorité c'est de réorganiser la structure et revoir son modèle économique. Par où commencer ?";
    expect(order(text, cands(["mecenat-fondations", 0.8], ["dla", 0.5]))[0]).toBe("dla");
  });

  it("does not overturn a track far ahead", () => {
    const text =
      "Trois associations de Lasalle veulent créer ensemble une cantine partagée ouverte à tous ; on a surtout besoin d'ingénierie. Qui peut nous accompagner ?";
    expect(order(text, cands(["appel-a-communs", 1]))[0]).toBe("appel-a-communs");
  });

  it("« ne veut surtout pas s'endetter » rules the loan out rather than stressing it", () => {
    const text = "Notre association de Sumène ne veut surtout pas s'endetter. On voudrait trouver des mécènes pour un four à pain.";
    expect(order(text, cands(["mecenat-fondations", 0.5]))[0]).toBe("mecenat-fondations");
  });
});

describe("a running employer's reflection", () => {
  it("« une réflexion sur… » by a structure with employees keeps its consolidation need whole", () => {
    const text = "Notre association sportive de Bagnols a quatre salariés et mène une réflexion sur sa gouvernance et sur l'organisation du travail.";
    const f = projectFeatures(text, links);
    expect(f.stage).toBe("idee");
    expect(rankOptions(f, [])[0]!.process).toBe("dla");
  });
});
