/**
 * Project readings closed after projects-tuning-blind13 (new wordings, not the set's): an approval the carrier already holds is
 * what it is, not what it asks; « comment on fait pour… » asks to do it; an ETTI or a SIAE carries a project; pushing a price
 * up to resell is speculation; the isolation of the people a project serves is not the carrier's; a governance « partagée » is
 * no shared place; an app or a cooperative model to build is incubation; a company's premises modernised or renovated ask the
 * Région; a lot reserved in a contract is public procurement; an association testing its project is seed funding; a small
 * loan for someone the banks turn down is a creator's; the neighbourhood asked in the last clause of a one-question message;
 * the manager of a garage or a bakery runs a company.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Audience } from "../../src/domain/ids.js";
import { foldText, projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { seeksPersonalReturn } from "../../src/fit/scope.js";
import { sharedRuntime } from "../answer/helpers.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const read = (text: string) => projectFeatures(text, links);
const need = (text: string, id: string) => read(text).needs.find((n) => n.need.id === id);

describe("project options", () => {
  const t = sharedRuntime({ llm: null });
  const options = async (text: string, audience: Audience = "porteur") => {
    const r = await t.runtime.assistant.ask(text, { audience });
    return { refused: r.refused, fit: (r.fit ?? []).map((o) => o.process) };
  };
  const lead = async (text: string, audience: Audience = "porteur") => (await options(text, audience)).fit[0];

  it("an ESUS approval the carrier already holds is what it is: the need it asks for leads", async () => {
    expect(await lead("Notre SCOP agréée ESUS de Nîmes, 8 salariés, traverse des difficultés financières. Qui peut nous aider ?")).toBe("dla");
    expect(await lead("Notre entreprise d'Alès, déjà agréée ESUS, voudrait revoir son organisation interne et sa gouvernance.")).toBe("dla");
    // Named in a message that is one question, it is still what the carrier is.
    expect(need("Une SARL agréée ESUS de Nîmes souhaite faire entrer le Département à son capital ?", "agrement-esus")?.carrierOnly).toBe(0.3);
    // Asked for again, the approval leads.
    expect(await lead("Notre SARL agréée ESUS veut renouveler son agrément ESUS, comment faire ?")).toBe("agrement-esus");
  });

  it("« comment on fait pour… » asks to do it: a structure that says what it is describes a project", async () => {
    expect(await lead("nous sommes une épicerie solidaire à Beaucaire, comment on fait pour vendre nos paniers aux cantines des collèges ?")).toBe(
      "commande-publique",
    );
    expect(await lead("We are a repair café in Nîmes, how do we get into the Département's public tenders?")).toBe("commande-publique");
  });

  it("an ETTI or a SIAE carries a project", async () => {
    expect(await lead("Quel accompagnement pour une SIAE d'Alès qui veut ouvrir une antenne à La Grand-Combe ?", "agent")).toBe("insertion-iae");
    expect(await lead("Quelle action pour une ETTI de Nîmes qui veut embaucher des allocataires du RSA ?", "agent")).toBe("insertion-iae");
  });

  it("an ACI carries a project; so does a directorate of the Département that wants something", async () => {
    expect(await lead("Quelle action pour un ACI de Saint-Ambroix qui veut créer 6 postes supplémentaires ?", "agent")).toBe("insertion-iae");
    expect(await lead("La direction de l'enfance veut intégrer des clauses sociales dans son marché de restauration. Quel appui du schéma ?", "agent")).toBe(
      "commande-publique",
    );
  });

  it("a lot reserved in a contract for ESS structures is public procurement", async () => {
    expect(need("Le Département souhaite réserver un lot aux entreprises d'insertion pour le nettoyage de ses bâtiments.", "marches-publics")).toBeDefined();
    expect(
      await lead(
        "Le service des bâtiments souhaite réserver un lot de son marché d'entretien des espaces verts aux entreprises de l'ESS. Quel appui mobiliser ?",
        "agent",
      ),
    ).toBe("commande-publique");
  });

  it("a shared or collective governance is incubation, not a shared place; so is an app to create", async () => {
    expect(
      await lead("Avec deux amis, je veux lancer une plateforme de covoiturage solidaire à Alès avec une gouvernance partagée. Qui peut nous accompagner ?"),
    ).toBe("incubation-innovation-sociale");
    expect(await lead("Je veux créer une application pour les aidants familiaux avec une gouvernance collective, quel accompagnement ?")).toBe(
      "incubation-innovation-sociale",
    );
    expect(await lead("On veut monter une épicerie en modèle coopératif à Sommières, quels statuts choisir ?")).toBe("incubation-innovation-sociale");
  });

  it("a company that wants the Département « à son capital » asks for a share in it", () => {
    expect(need("Notre SCIC de Nîmes voudrait faire entrer le Département à son capital.", "capital-scic")).toBeDefined();
    expect(need("A Uzès, notre coopérative souhaite ouvrir son capital aux collectivités.", "capital-scic")).toBeDefined();
  });

  it("an app being built is incubation, in English too", () => {
    expect(need("We are three students in Nîmes building an app for lonely seniors. Who can support us at the start?", "incubation")).toBeDefined();
  });

  it("testing one's activity before creating one's business is the CAE's offer", async () => {
    expect(await lead("Je suis seul, je veux lancer mon activité de réparateur de vélos à Nîmes et tester avant de créer ma boîte. Qui peut m'aider ?")).toBe(
      "cae",
    );
  });

  it("a company modernising or renovating its premises asks the Région", async () => {
    expect(await lead("Une SARL de Sommières (boulangerie, 5 salariés) veut moderniser son laboratoire : le Département peut-il aider ?")).toBe(
      "region-occitanie",
    );
  });

  it("the manager of a bakery or a restaurant runs a company: its investment asks the Région", async () => {
    expect(await lead("Je suis gérante d'une boulangerie à Alès avec 3 salariés, je voudrais une subvention pour acheter un nouveau four.")).toBe(
      "region-occitanie",
    );
    expect(await lead("Patron d'un restaurant à Uzès, on veut agrandir la terrasse, le Département peut aider ?")).toBe("region-occitanie");
  });

  it("an association of volunteers testing its project looks for seed funding", async () => {
    expect(await lead("Notre association de bénévoles à Anduze veut tester son projet d'atelier vélo avant de se lancer. Qui peut financer ?")).toBe(
      "france-active",
    );
    expect(need("Notre association veut tester son projet de jardin avant d'embaucher, qui peut nous aider ?", "amorcage")).toBeDefined();
  });

  it("a small loan for someone out of work is a creator's", async () => {
    expect(await lead("Unemployed in Alès, I would like a small loan to start my own food stall. Who can help?")).toBe("pret-honneur-microcredit");
    expect(need("Unemployed, I need a small loan for a food stall in Alès.", "creation-individuelle")).toBeDefined();
  });

  it("the neighbourhood asked in the last clause of a one-question message from a quartier prioritaire", async () => {
    expect(
      await lead("Je vis à Pissevin et je voudrais lancer ma petite activité de couture, est-ce qu'il y a quelqu'un qui accompagne dans le quartier ?"),
    ).toBe("politique-de-la-ville");
    const qpv = need(
      "J'habite Valdegour à Nîmes, je veux créer ma micro-entreprise de couture, il y a une permanence dans le quartier ?",
      "quartier-prioritaire",
    );
    expect(qpv?.expressions).toBe(1);
    expect(qpv?.asked).toBeGreaterThan(0);
    // Not from a commune without a quartier prioritaire.
    expect(
      need("J'habite Uzès, je veux créer ma micro-entreprise de couture, il y a une permanence dans le quartier ?", "quartier-prioritaire"),
    ).toBeUndefined();
  });

  it("pushing a price up to resell is speculation, refused", async () => {
    for (const q of [
      "On veut créer une monnaie virtuelle, acheter bas et revendre plus cher, le Département peut nous aider ?",
      "My plan is a pump and dump on a new token; can the council advertise it for me?",
    ])
      expect((await options(q)).refused, q).toBe(true);
  });
});

describe("project readings", () => {
  it("speculation on a price is personal return; a shop reselling second-hand goods is not", () => {
    expect(seeksPersonalReturn(foldText("Je veux créer un token, faire grimper son cours et tout revendre."))).toBe(true);
    expect(seeksPersonalReturn(foldText("Notre ressourcerie achète des meubles à bas prix pour les revendre à petits prix."))).toBe(false);
  });

  it("buying to resell dearer is speculation", () => {
    expect(seeksPersonalReturn(foldText("Je veux acheter des actions d'une start-up pour les revendre plus cher dans deux ans."))).toBe(true);
    expect(seeksPersonalReturn(foldText("Notre recyclerie veut acheter un camion pour collecter les meubles et les revendre."))).toBe(false);
  });

  it("a token made to be resold is speculation; a local currency is not", () => {
    expect(seeksPersonalReturn(foldText("Je voudrais créer un NFT de l'appel à communs et le revendre aux collectionneurs."))).toBe(true);
    expect(seeksPersonalReturn(foldText("Nous lançons une monnaie locale complémentaire à Alès avec les commerçants du centre."))).toBe(false);
  });

  it("a question relayed by an agent (« demande s'il existe un relais dans son quartier ») asks for the neighbourhood's schemes", () => {
    const qpv = need(
      "Un habitant du Mas de Mingue souhaite créer une activité de livraison à vélo et demande s'il existe un relais dans son quartier. Vers qui l'orienter ?",
      "quartier-prioritaire",
    );
    expect(qpv?.expressions).toBe(1);
    expect(qpv?.asked).toBeGreaterThan(0);
  });

  it("the isolation of the people served is not the carrier's wish to join a network; its own is", () => {
    expect(need("Une association de Bagnols-sur-Cèze veut créer un service de visites pour les seniors isolés. Qui peut l'aider à démarrer ?", "reseau")).toBe(
      undefined,
    );
    expect(
      need("Nous nous sentons très isolés dans notre petite association de Sauve, nous voudrions rencontrer d'autres structures de l'ESS.", "reseau"),
    ).toBeDefined();
  });

  it("the banks that keep turning someone down: no access to credit", () => {
    expect(read("The banks keep turning me down for my bakery project in Alès.").facts.bankAccess).toBe(false);
  });

  it("the manager of a trade runs a company, unless the trade is solidarity or associative", () => {
    expect(read("gérant d'un garage à Alès, 2 salariés, besoin d'aide pour un pont élévateur").facts.legalForm).toBe("societe-commerciale");
    expect(read("Je suis gérant d'un garage solidaire associatif à Alès, on cherche des financements.").facts.legalForm).toBe("association");
  });

  it("someone who runs a trade runs a company; a solidarity shop is no trade", () => {
    expect(read("Je tiens une boulangerie à Sommières avec deux salariés, je voudrais moderniser le magasin.").facts.legalForm).toBe("societe-commerciale");
    expect(read("I run a small bakery in Alès and want to buy a new oven.").facts.legalForm).toBe("societe-commerciale");
    expect(read("Nous gérons une boutique solidaire à Alès et voulons rénover le local.").facts.legalForm).toBeUndefined();
  });

  it("renovating or extending one's premises is a need of funding, for an ESS structure too", () => {
    expect(need("Nous gérons une boutique solidaire à Alès et voulons rénover le local, quelles aides ?", "financement")).toBeDefined();
  });

  it("a trade that opens a telegraphic message is a company, unless said solidarity or of insertion", () => {
    expect(read("Boulangerie à Alès, 3 salariés, on voudrait une aide pour changer le four, c'est possible ?").facts.legalForm).toBe("societe-commerciale");
    expect(read("Petit restaurant à Uzès, on veut refaire la cuisine, des subventions ?").facts.legalForm).toBe("societe-commerciale");
    expect(read("Garage solidaire à Alès, on voudrait financer un pont élévateur.").facts.legalForm).toBeUndefined();
    expect(read("Restaurant d'insertion à Nîmes, 12 salariés en parcours, on cherche un financement pour la cuisine.").facts.legalForm).toBeUndefined();
  });
});
