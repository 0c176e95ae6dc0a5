/**
 * Project readings closed after projects-tuning-7 (new wordings, not the set's): people on benefits as carriers,
 * « qui pilote ? » and "get in touch" as requests for orientation, a project at the idea stage with a clear need,
 * « quel dispositif permettrait à… de tester », a first business financed personally, bidding for works contracts,
 * a carrier located abroad, a business set up as a cooperative of its workers and users, statutes taking up the ESS
 * principles, and a person's home renovation or stock-market savings as no project.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describesProject } from "../../src/fit/detect.js";
import { foldText, projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { isAbroad } from "../../src/fit/project-fit.js";
import { sharedRuntime } from "../answer/helpers.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const read = (text: string) => projectFeatures(text, links);
const isProject = (text: string) => describesProject(text, read(text));
const needIds = (text: string) => read(text).needs.map((n) => n.need.id);

describe("project readings", () => {
  it("a person on benefits or out of work carries a project", () => {
    const text = "Un bénéficiaire du RSA accompagné à Beaucaire souhaite essayer la couture à domicile avec un statut protecteur : quelle solution ?";
    expect(isProject(text)).toBe(true);
    expect(read(text).actor).toBe("personne");
  });

  it("someone named at the opening by their trade, with what they want, carries a project; a private individual does not", () => {
    expect(isProject("Un apiculteur de Lasalle voudrait un prêt d'honneur pour acheter ses premières ruches : vers qui l'orienter ?")).toBe(true);
    expect(isProject("Un particulier de Manduel voudrait un financement pour agrandir sa terrasse : vers qui l'orienter ?")).toBe(false);
  });

  it("« qui pilote ? » and « get in touch » ask whom to turn to", () => {
    expect(isProject("Ouverture d'une entreprise d'insertion à Beaucaire avec des chômeurs de longue durée : qui pilote ce conventionnement ?")).toBe(true);
    expect(isProject("I'm a master's student in Alès and I'd like to interview the team behind the ESS plan: who can I get in touch with?")).toBe(true);
    // Nobody in particular, no stated fact: a question about the schema.
    expect(isProject("Qui pilote le conventionnement des structures d'insertion dans le département ?")).toBe(false);
  });

  it("a project said to be at the idea stage, with a need clearly named, is intended", () => {
    const fr = "on a l'idée d'une épicerie ambulante autour de Sumène, il existe un incubateur pour ça ?";
    expect(read(fr).stage).toBe("idee");
    expect(isProject(fr)).toBe(true);
    const en = "We have an idea for a community laundry in Uzès, it's still only an idea. Is there an incubator around here?";
    expect(read(en).stage).toBe("idee");
    expect(isProject(en)).toBe(true);
  });

  it("« quel dispositif permettrait à… de tester » with a commune orients a project", () => {
    expect(
      isProject(
        "Quel accompagnement permettrait à un artisan installé près de Saint-Hippolyte-du-Fort de tester la vente de ses poteries sous statut salarié ?",
      ),
    ).toBe(true);
  });

  it("a first business financed personally is a creation need; bidding for works contracts is market access", () => {
    const creator =
      "Une habitante de Vauvert veut monter une petite entreprise de toilettage ; elle n'a jamais créé d'entreprise et cherche un financement personnel.";
    expect(needIds(creator)).toContain("creation-individuelle");
    expect(read(creator).actor).toBe("personne");
    expect(needIds("Notre ESAT voudrait candidater aux marchés de travaux d'espaces verts, mais nous ne savons pas présenter nos offres.")).toContain(
      "marches-publics",
    );
  });

  it("« monter une boîte » is a creation; a cooperative of its workers and customers is a collective-governance project to incubate", () => {
    const text =
      "Avec une amie on veut monter une boîte de vélos-cargos à Sommières, en mode coopérative avec salariés et usagers au capital. On ne sait pas qui peut nous suivre.";
    expect(read(text).stage).toBe("creation");
    expect(needIds(text)).toContain("incubation");
  });

  it("statutes that take up the ESS principles are ESS statutes", () => {
    expect(read("Une SARL de Bagnols-sur-Cèze, dont les statuts reprennent les valeurs de l'ESS, cherche des investisseurs").facts.essStatutes).toBe(true);
  });

  it("a carrier located abroad, unless the message places the project in the Gard", () => {
    expect(isAbroad(foldText("Notre fondation installée en Suisse voudrait financer un atelier à Genève"))).toBe(true);
    expect(isAbroad(foldText("Our charity is based in Brussels and wants support"))).toBe(true);
    expect(isAbroad(foldText("Une association basée en Belgique veut ouvrir une antenne dans le Gard"))).toBe(false);
    expect(isAbroad(foldText("We run a small cooperative in Liège and plan a second site"))).toBe(true);
    // Where it sells is not where it is.
    expect(isAbroad(foldText("Notre SCOP exporte en Espagne et voudrait une aide du Département"))).toBe(false);
  });
});

describe("project-fit replies", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string, audience: "agent" | "porteur" = "agent") => t.runtime.assistant.ask(q, { audience });

  it("a carrier located abroad that asks the Gard's schema is refused as outside the Gard", async () => {
    const r = await ask("Our charity based in Geneva, Switzerland, wants to open a second shop in Lausanne: which Gard ESS measure could fund it?", "porteur");
    expect(r.refused).toBe(true);
    expect(r.fit ?? []).toEqual([]);
    expect(r.text).toMatch(/located abroad, outside the Gard/);
  });

  it("a person on benefits testing an activity gets the CAE first, not a refusal", async () => {
    const r = await ask(
      "Un bénéficiaire du RSA accompagné à Beaucaire souhaite essayer la couture à domicile avec un statut protecteur et une compta mutualisée : quelle solution ?",
    );
    expect(r.refused).toBe(false);
    expect(r.fit![0]!.process).toBe("cae");
  });

  it("a person's home renovation or stock-market savings is no project", async () => {
    for (const q of [
      "Un habitant de Bouillargues veut refaire la toiture de sa maison et demande quelle prime il peut toucher : que lui répondre ?",
      "J'ai mis de côté 15 000 € et j'aimerais les faire fructifier en bourse en attendant mon projet, quelles actions acheter ?",
    ]) {
      const r = await ask(q, "porteur");
      expect(r.refused, q).toBe(true);
      expect(r.fit ?? [], q).toEqual([]);
    }
  });
});
