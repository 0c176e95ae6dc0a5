/**
 * Project readings closed after projects-tuning-blind11 (new wordings, not the set's): a project that wants to rely less on
 * grants is no future funding decision asked; a refused bank loan is no access to credit; an agent asking where to orient
 * the person they relay; a CUMA among the structures listed; an ESUS-approved company has ESS statutes; employees taking
 * over their firm as a SCOP; a question about the neighbourhood's schemes from a quartier prioritaire; one's savings
 * placed in crypto or property; Pont-Saint-Esprit's town centre, a quartier prioritaire; a project that wants to open a
 * place in common asks no calendar of the call; a note that describes a project and asks nothing asks no known gap; a
 * structure that may not hold out financially.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanQuestion } from "../../src/answer/answerer.js";
import { Guards } from "../../src/answer/guards.js";
import { describesProject } from "../../src/fit/detect.js";
import { foldText, projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { asksAnything } from "../../src/fit/project-fit.js";
import { seeksPersonalReturn } from "../../src/fit/scope.js";
import { sharedRuntime } from "../answer/helpers.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const read = (text: string) => projectFeatures(text, links);
const need = (text: string, id: string) => read(text).needs.find((n) => n.need.id === id);

describe("a future funding decision", () => {
  const guards = Guards.load();
  it("is not what a project that wants to rely less on grants asks (a future tense reads as its infinitive)", () => {
    for (const q of [
      "Notre compagnie de théâtre veut réduire sa dépendance aux subventions et augmenter ses recettes propres grâce au mécénat.",
      "Une épicerie solidaire souhaite diminuer la part des aides publiques dans son budget : quel accompagnement ?",
    ])
      expect(guards.gap(q)?.id ?? null, q).not.toBe("decision-future-structure");
  });
  it("is still asked of the Département in a question or said of it", () => {
    expect(guards.gap("Le Département diminuera-t-il notre subvention de fonctionnement ?")?.id).toBe("decision-future-structure");
    expect(guards.gap("Je crains que le Département supprimera notre aide : vous savez ?")?.id).toBe("decision-future-structure");
  });
});

describe("the call's calendar", () => {
  const guards = Guards.load();
  it("is not what a project that wants to open a place in common asks (« ouvrira » reads as « ouvrir »)", () => {
    for (const q of [
      "Trois associations de Sommières veulent ouvrir ensemble une ressourcerie et préparer un dossier.",
      "Nous voulons rouvrir le café du village en commun avec la mairie.",
      "On a une vague idée de commun autour de la mobilité.",
    ])
      expect(guards.gap(q)?.id ?? null, q).not.toBe("calendrier-appel-a-communs");
  });
  it("is still asked when the call opens or reopens", () => {
    for (const q of [
      "Quand ouvrira le prochain appel à communs ?",
      "L'appel à communs rouvre-t-il l'an prochain ?",
      "La prochaine vague de l'appel à communs, c'est quand ?",
    ])
      expect(guards.gap(q)?.id, q).toBe("calendrier-appel-a-communs");
  });
});

describe("a described project that asks nothing", () => {
  it("asks nothing with no question, no request addressed and no wish to know", () => {
    expect(asksAnything("Pour le comité : une épicerie solidaire de Vauvert va maintenir ses horaires et cherche un financement pour son camion.")).toBe(false);
    expect(asksAnything("Pour le comité : une association veut savoir si sa subvention sera reconduite.")).toBe(true);
    expect(asksAnything("Une association de Vauvert cherche un financement pour son camion, qui contacter ?")).toBe(true);
    expect(asksAnything("Je souhaiterais obtenir le numéro direct de la personne qui instruit les dossiers de l'appel à communs.")).toBe(true);
  });

  const t = sharedRuntime({ llm: null });
  it("is oriented, not refused, whatever a known gap's words its description holds", async () => {
    const r = await t.runtime.assistant.ask(
      "Pour le comité : une épicerie solidaire de Vauvert va maintenir ses horaires d'ouverture et cherche un financement pour son camion.",
      { audience: "agent" },
    );
    expect(r.refused).toBe(false);
    expect(r.fit?.length ?? 0).toBeGreaterThan(0);
  });
});

describe("project readings", () => {
  it("a bank loan or a credit refused is no access to credit", () => {
    expect(read("Une créatrice de Vauvert, projet de traiteur à domicile, crédit bancaire refusé deux fois.").facts.bankAccess).toBe(false);
    expect(read("Mon prêt bancaire a été refusé pour ouvrir une épicerie à Sommières.").facts.bankAccess).toBe(false);
    expect(read("A baker in Alès had her bank loan rejected and wants to open a shop.").facts.bankAccess).toBe(false);
  });

  it("an agent asking where to orient the person they relay describes a project, even when the relayed question names nobody", () => {
    const q = cleanQuestion(
      "Un adjoint au maire de Quissac me demande comment son village peut accueillir un atelier de sensibilisation à l'ESS pendant le Mois de l'ESS. Vers qui l'orienter ?",
    );
    expect(describesProject(q, read(q))).toBe(true);
  });

  it("a CUMA is one of the structures listed", () => {
    expect(read("Une CUMA, une association d'insertion et une SCOP du Vigan veulent ensemble ouvrir un atelier de réparation.").facts.partnerStructures).toBe(
      3,
    );
  });

  it("an ESUS-approved company has ESS statutes: an ESS structure, not an ordinary company", () => {
    const f = read("Notre SARL agréée ESUS de recyclage textile à Alès, 6 salariés, voudrait revoir son organisation.");
    expect(f.facts.essStatutes).toBe(true);
    expect(f.actor).toBe("structure");
  });

  it("employees taking over their firm to turn it into a SCOP: a cooperative takeover", () => {
    const text = "Les salariés d'une menuiserie de Bagnols-sur-Cèze veulent reprendre l'entreprise et la transformer en SCOP. Qui peut financer ?";
    expect(read(text).facts.legalForm).toBe("scop");
    expect(need(text, "reprise-cooperative")).toBeDefined();
  });

  it("a question about the neighbourhood from a quartier prioritaire asks for its schemes; not from elsewhere", () => {
    const qpv = need(
      "Une habitante de Pissevin à Nîmes veut lancer une activité de couture. Y a-t-il un accompagnement dans le quartier ?",
      "quartier-prioritaire",
    );
    expect(qpv?.expressions).toBe(1);
    expect(qpv?.asked).toBeGreaterThan(0);
    expect(need("Une asso de quartier d'Uzès veut lancer un repair café. Y a-t-il une aide pour le quartier ?", "quartier-prioritaire")).toBeUndefined();
  });

  it("Pont-Saint-Esprit's town centre is a quartier prioritaire; elsewhere in the commune nothing is said", () => {
    expect(read("Une régie de quartier du centre-ville de Pont-Saint-Esprit veut ouvrir une conciergerie.").facts.inQpv).toBe(true);
    expect(read("A cooperative in the historic centre of Pont-Saint-Esprit wants to hire two people.").facts.inQpv).toBe(true);
    expect(read("Une association de Pont-Saint-Esprit veut ouvrir une conciergerie.").facts.inQpv).toBeUndefined();
  });

  it("a structure that may not hold out financially needs consolidating; its quartier prioritaire is then context", () => {
    const text =
      "Notre épicerie solidaire du centre-ville de Pont-Saint-Esprit, deux salariés, perd son local. Qui peut nous aider à tenir financièrement jusqu'au déménagement ?";
    expect(need(text, "consolidation")).toBeDefined();
    expect(need(text, "quartier-prioritaire")!.strength).toBeLessThan(1);
  });

  it("one's savings placed in crypto or property is personal finance", () => {
    expect(seeksPersonalReturn(foldText("J'ai 30 000 € d'économies : je les mets plutôt en bitcoin ou dans l'immobilier ?"))).toBe(true);
    expect(seeksPersonalReturn(foldText("Mon épargne, vaut-il mieux la placer en bourse ?"))).toBe(true);
    expect(seeksPersonalReturn(foldText("Nos économies serviront d'apport pour créer notre SCOP."))).toBe(false);
  });
});
