/**
 * Questions answered by a card asked in words its phrasings did not hold: criteria of social utility, offices outside
 * Nîmes, a subsidy « en droit », the Département promoting the ESS, « la MIESS » (whose long name holds « initiatives »,
 * not Initiative Gard), what selected commons share, ESUS approval « for life », the big departmental workshop, the call
 * for commons « que des sous », the first ESS councillor's canton, funding of integration worksites, who runs the ESS
 * Month regionally, a wrong yearly budget for the call, an association as an undertaking for state aid;
 * the status of a collective's application (a gap). Near misses keep their answer.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const rt = sharedRuntime();
const ask = (q: string, audience: "agent" | "porteur" = "porteur") => rt.runtime.answerer.ask(q, { audience });

describe("cards reached by other wordings", () => {
  it("the legal criteria of social utility", async () => {
    expect((await ask("Selon la loi ESS, quels sont les critères de l'utilité sociale ?", "agent")).text).toMatch(/fragiles/);
    expect((await ask("c koi les criteres d'utilite sociale dans la loi")).text).toMatch(/lien social/);
  });
  it("the Département's offices outside Nîmes", async () => {
    expect((await ask("Le Département a des bureaux à Alès ou ailleurs qu'à Nîmes ?")).text).toMatch(/Vigan/);
  });
  it("the Pass Occitanie names its size of firm, the procurement roadmap names public contracts", async () => {
    expect((await ask("Pass Occitanie kesako ?")).text).toMatch(/50 salariés/);
    expect((await ask("Le Département a fait une feuille de route pour les marchés publics et l'ESS, ça consiste en quoi ?", "agent")).text).toMatch(
      /feuille de route/,
    );
  });
  it("a wrong year of the schema's vote is corrected, in French and English", async () => {
    expect((await ask("Le schéma ESS a été voté en 2022 non ?")).text).toMatch(/^Non : .*8 mars 2024/);
    expect((await ask("Was the Gard ESS plan voted in 2021?")).text).toMatch(/8 March 2024/);
    // near miss: the solidarity schema's own vote keeps its date
    expect((await ask("Le schéma des solidarités sociales a été voté quand ?")).text).toMatch(/18 novembre 2022/);
  });
  it("what the schema is gives its date, and its first axis stays the axis", async () => {
    expect((await ask("c quoi le schema ess ?")).text).toMatch(/8 mars 2024/);
    expect((await ask("Le premier axe du schéma, c'est quoi ?")).text).toMatch(/coopération/);
  });
  it("the call for commons in a few words, and not only money", async () => {
    expect((await ask("L'appel à communs en deux mots ?")).text).toMatch(/ensemble/);
    expect((await ask("L'appel à communs c'est que des sous ?")).text).toMatch(/ingénierie/);
    // near miss: how much money keeps the budget
    expect((await ask("Combien d'argent pour l'appel à communs ?")).text).toMatch(/250 000/);
  });
  it("a subsidy in legal terms", async () => {
    expect((await ask("En droit, une subvention c'est quoi exactement ?", "agent")).text).toMatch(/intérêt général/);
  });
  it("the Département promoting the ESS to the public", async () => {
    expect((await ask("Comment le Département sensibilise-t-il le grand public à l'économie sociale et solidaire ?")).text).toMatch(/Mois de l'ESS/);
  });
  it("« la MIESS » is the Maison de l'ESS, not Initiative Gard", async () => {
    expect((await ask("la MIESS c quoi ?")).text).toMatch(/Maison des initiatives/);
    expect((await ask("C'est quoi la MIESS du Gard ?")).text).toMatch(/Maison des initiatives/);
    // near miss
    expect((await ask("Initiative Gard, c'est quoi ?")).text).toMatch(/prêts d'honneur/);
  });
  it("what a selected commons shares", async () => {
    expect((await ask("Si notre commun est retenu, qu'est-ce qu'on doit partager ?")).text).toMatch(/partager/);
  });
  it("ESUS approval asked in English as permanent", async () => {
    expect((await ask("Is the ESUS label valid forever?")).text).toMatch(/5 years/);
  });
  it("the first ESS councillor's canton, asked in English", async () => {
    expect((await ask("Bérengère Noguier was elected in which canton?")).text).toMatch(/Uzès/);
  });
  it("funding of integration worksites, and the ESS Month's regional organiser", async () => {
    expect((await ask("Le Département aide-t-il financièrement les ateliers et chantiers d'insertion ?", "agent")).text).toMatch(/7,8 millions/);
    expect((await ask("Qui coordonne le Mois de l'ESS à l'échelle de la région ?", "agent")).text).toMatch(/CRESS/);
  });
  it("a wrong yearly budget of the call for commons gets the known one, not the schema's unpublished budget", async () => {
    const r = await ask("Il paraît que l'appel à communs a 3 millions d'euros par an, vrai ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/250 000/);
    // near miss: the schema's overall budget stays unpublished
    expect((await ask("Quel est le budget global du schéma ESS ?")).refused).toBe(true);
  });
  it("an association as an undertaking for state aid goes to the ESS team", async () => {
    const r = await ask("Une asso qui vend des prestations, c'est une entreprise pour le droit des aides d'État ?", "agent");
    expect(r.text).toMatch(/activité économique/);
    expect(r.route?.process).toBe("mission-ess-departement");
  });
});

describe("the status of a collective's application", () => {
  it("is not published", async () => {
    expect((await ask("Le dossier du collectif Vidourle solidaire est-il passé en commission ?", "agent")).refused).toBe(true);
  });
  it("near miss: how a collective application works is answered", async () => {
    expect((await ask("Comment fonctionne un dossier collectif pour l'appel à communs ?")).refused).toBe(false);
  });
});

describe("how to answer and why one asks, after the question", () => {
  it("« …, en quelques mots ? » asks the question before it", async () => {
    expect((await ask("C'est quoi le DLA, en bref ?")).text).toMatch(/dispositif local d'accompagnement/);
    expect((await ask("What is a SCIC, in a nutshell?")).text).toMatch(/cooperative/);
  });
  it("an unnamed application under review says why one asks, not what", async () => {
    const r = await ask("L'utilité sociale au sens de la loi, c'est quoi ? J'instruis un dossier et j'ai besoin des critères.", "agent");
    expect(r.text).toMatch(/fragiles/);
    expect((await ask("Quel est le plafond de minimis ? J'instruis une demande.", "agent")).text).toMatch(/300 000/);
  });
  it("the Département making the ESS known, and the big workshop asked in English", async () => {
    expect((await ask("Qu'est-ce que le Département fait pour promouvoir l'ESS auprès du grand public ?")).text).toMatch(/Mois de l'ESS/);
    expect((await ask("The big ESS workshop at the Pont du Gard, when was it?")).text).toMatch(/22 novembre/);
  });
});
