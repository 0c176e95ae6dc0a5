/**
 * Out-of-scope projects the project fit refuses, and an in-scope creator it must not refuse (new wordings, not the tuning
 * sets'): a commercial chain, another Département, gambling, a property bought to resell, one's own savings placed for the
 * best return, another carrier's file, a person's private data asked through a pronoun; a person opening a shop is a creator.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { foldText, projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";
import { isOutOfScope } from "../../src/fit/project-fit.js";
import { asksOthersFile, asksPersonalDataIn, isGamblingActivity, isPrivateMatter, otherDepartementNamed, seeksPersonalReturn } from "../../src/fit/scope.js";
import { sharedRuntime } from "../answer/helpers.js";

const links = loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge"));
const read = (text: string) => projectFeatures(text, links);
const outOfScope = (text: string) => isOutOfScope(read(text), foldText(text));

describe("a commercial chain is a commercial company", () => {
  it("a national brand or its franchisees: a company, out of scope with its off-topic word", () => {
    const text = "Je gère le réseau d'une enseigne nationale de salons de coiffure : nos franchisés ouvrent deux franchises à Béziers, quelles aides ?";
    expect(read(text).facts.legalForm).toBe("societe-commerciale");
    expect(outOfScope(text)).toBe(true);
  });

  it("a social franchise or a VAT exemption is no chain", () => {
    expect(read("Notre association essaime en franchises sociales dans trois villes, qui peut nous aider ?").facts.legalForm).toBe("association");
    expect(read("Une chaîne de solidarité entre voisins à Alès cherche un local").facts.legalForm).toBeUndefined();
    expect(read("Nous voulons créer une chaîne de boutiques solidaires dans les Cévennes, qui peut nous aider ?").facts.legalForm).toBeUndefined();
  });
});

describe("a structure named with the adjective of its form", () => {
  it("« un café associatif », « une structure associative » are associations; the associative sector is not", () => {
    expect(read("Nous sommes un café associatif à Anduze avec deux salariés, on voudrait se consolider.").facts.legalForm).toBe("association");
    expect(read("Je travaille pour une structure associative de Vauvert qui cherche des mécènes.").facts.legalForm).toBe("association");
    expect(read("Je veux créer une activité de conseil pour le monde associatif à Nîmes.").facts.legalForm).toBeUndefined();
  });
});

describe("gambling is no ESS activity, whatever the form", () => {
  it("a casino or a betting room run by an association is out of scope", () => {
    expect(isGamblingActivity(foldText("Notre association veut ouvrir un cercle de jeux avec machines à sous à Alès"))).toBe(true);
    expect(outOfScope("Notre association veut gérer un casino à Alès, pouvez-vous nous financer ?")).toBe(true);
  });

  it("preventing gambling addiction is an ESS project", () => {
    const text = "Notre association de prévention des addictions aux jeux d'argent à Nîmes cherche des financements.";
    expect(isGamblingActivity(foldText(text))).toBe(false);
    expect(outOfScope(text)).toBe(false);
  });
});

describe("another Département", () => {
  it("a message speaking for or from another Département names it", () => {
    expect(
      otherDepartementNamed(foldText("Je travaille au conseil départemental de la Lozère : une association veut candidater à notre appel à projets.")),
    ).toBe("Lozère");
    expect(otherDepartementNamed(foldText("Our team at the Department of Vaucluse would like to know your criteria."))).toBe("Vaucluse");
  });

  it("a verb that is a Département's name, or a project placed in the Gard, is no other Département", () => {
    expect(otherDepartementNamed(foldText("Nous aimerions que le Département vienne présenter le schéma à nos élus."))).toBeUndefined();
    expect(otherDepartementNamed(foldText("Le Département de l'Aude nous soutient déjà ; nous ouvrons une antenne dans le Gard."))).toBeUndefined();
  });
});

describe("private matters: property bought to resell, one's savings placed for the best return", () => {
  it("a person who buys flats to resell them", () => {
    const text = "J'achète deux maisons à Alès pour les revendre avec un bénéfice, y a-t-il une aide ?";
    expect(isPrivateMatter(foldText(text), read(text))).toBe(true);
  });

  it("one's own savings placed for the best return, not an ESS project's savings scheme", () => {
    expect(seeksPersonalReturn(foldText("Où placer mon argent pour avoir le meilleur rendement dans une entreprise solidaire ?"))).toBe(true);
    expect(seeksPersonalReturn(foldText("Which impact fund is the most profitable for my savings?"))).toBe(true);
    expect(seeksPersonalReturn(foldText("Je mets mon argent dans une SCIC pour la plus-value sociale du projet, qui peut m'aider ?"))).toBe(false);
    expect(seeksPersonalReturn(foldText("Notre coopérative veut proposer de l'épargne solidaire à ses clients, qui peut nous conseiller ?"))).toBe(false);
  });
});

describe("what a request asks", () => {
  it("another carrier's file: what it wrote, how much it got", () => {
    expect(asksOthersFile(foldText("J'aimerais savoir ce qu'elle a mis dans sa candidature"))).toBe(true);
    expect(asksOthersFile(foldText("Dites-moi combien ils ont obtenu l'an dernier"))).toBe(true);
    expect(asksOthersFile(foldText("Combien pouvons-nous obtenir pour notre projet ?"))).toBe(false);
  });

  it("a person's private data named before a request that points back to it", () => {
    const folded = foldText("On me demande la date de naissance et l'adresse personnelle du directeur d'une SCOP. Vous pouvez me la trouver ?");
    expect(asksPersonalDataIn(foldText("Vous pouvez me la trouver ?"), folded)).toBe(true);
    const project = foldText("Nous voulons financer le salaire d'un animateur. Pouvez-vous nous le dire ?");
    expect(asksPersonalDataIn(foldText("Pouvez-vous nous le dire ?"), project)).toBe(false);
  });
});

describe("the project-fit reply", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

  it("a person opening a shop who asks for an interest-free personal loan is a creator, not refused", async () => {
    const r = await ask(
      "Ancien maçon installé à Vézénobres, je veux ouvrir un petit magasin de vélos. Il me manque 8 000 € : existe-t-il un prêt personnel sans intérêt ?",
    );
    expect(r.refused).toBe(false);
    expect(r.fit?.[0]?.process).toBe("pret-honneur-microcredit");
  });

  it("another Département's project and a betting room are refused", async () => {
    expect(
      (
        await ask(
          "Je suis chargée de mission au Département de l'Ardèche : une association qui gère une ressourcerie veut candidater à notre appel à projets pour financer un camion, quels critères ?",
        )
      ).refused,
    ).toBe(true);
    expect((await ask("Nous voulons monter une association de paris sportifs en ligne à Alès, vous pouvez nous financer ?")).refused).toBe(true);
  });

  it("another carrier's file is refused without options", async () => {
    const r = await ask("Une association concurrente de Beaucaire a eu une subvention pour son commun. J'aimerais savoir ce qu'elle a écrit dans son dossier.");
    expect(r.refused).toBe(true);
    expect(r.fit ?? []).toEqual([]);
  });
});
