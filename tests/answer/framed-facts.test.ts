/**
 * Factual questions with a frame or a structure in them (fr19): who asks and for which meeting is no part of what is asked
 * (an asker who « interpelle », a purpose closed by a colon, the writer's own task, an imperative « rappelle-moi »); a rule
 * asked about a kind of structure or the value a rule sets is a fact, not a project to orient; a colloquial word the lexicon
 * knows reads a need's expression.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanQuestion } from "../../src/answer/answerer.js";
import { unframe } from "../../src/answer/relayed.js";
import { describesProject } from "../../src/fit/detect.js";
import { projectFeatures } from "../../src/fit/features.js";
import { loadSchemaLinks } from "../../src/fit/links.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);
const project = (text: string) => describesProject(text, projectFeatures(text, links));

describe("framed factual questions", () => {
  it("an asker who « interpelle » or « sollicite » the writer, with a colon: the inner question, without « que lui répondre »", () => {
    expect(unframe("Une conseillère municipale m'interpelle : qui finance le DLA dans le Gard ? Que lui répondre ?")).toBe("Qui finance le DLA dans le Gard ?");
    expect(unframe("Un adjoint me sollicite : combien de SCIC le Département a-t-il rejointes ?")).toBe("Combien de SCIC le Département a-t-il rejointes ?");
    // (a relayed need stays whole)
    const need = "Un porteur me sollicite pour une aide à l'investissement. Je l'oriente où ?";
    expect(unframe(need)).toBe(need);
  });

  it("a purpose closed by a colon may name its document further in", () => {
    expect(unframe("Pour un tableau à glisser dans la note : quel est le budget de l'appel à communs ?")).toBe("Quel est le budget de l'appel à communs ?");
    expect(unframe("Pour l'ordre du jour de la commission : qui porte la MIESS ?")).toBe("Qui porte la MIESS ?");
    // (with a comma, the document must come near: « pour une association qui prépare son bilan, … » is the question's subject)
    const subject = "Pour une association qui veut faire son bilan, le DLA est-il gratuit ?";
    expect(unframe(subject)).toBe(subject);
  });

  it("a document the answer is for, said at the end with or without a comma; a meeting only after a comma", () => {
    expect(unframe("Qui anime le Mois de l'ESS dans le Gard pour mon diaporama de jeudi ?")).toBe("Qui anime le Mois de l'ESS dans le Gard ?");
    expect(unframe("Qui anime le Mois de l'ESS dans le Gard, pour le comité de jeudi ?")).toBe("Qui anime le Mois de l'ESS dans le Gard ?");
    // (without a comma, a meeting is what the question is about)
    const meeting = "Quel appui existe pour préparer une réunion de bureau ?";
    expect(unframe(meeting)).toBe(meeting);
  });

  it("the writer's task before a colon: its verb and reader go, its subject stays", () => {
    expect(unframe("Je dois présenter l'histoire du réseau ESS devant la commission : qui l'a fondé ?")).toBe("L'histoire du réseau ESS : qui l'a fondé ?");
    expect(unframe("Je prépare une note pour la directrice : combien de communes compte le Gard ?")).toBe("Combien de communes compte le Gard ?");
    // (what follows the colon must ask something: a described project stays whole)
    const described = "Je dois monter un dossier pour notre asso : nous voulons ouvrir une épicerie solidaire.";
    expect(unframe(described)).toBe(described);
    // (nor is « je dois » without a colon a frame)
    const own = "Je dois créer ma SCOP à Alès, qui peut m'aider ?";
    expect(unframe(own)).toBe(own);
  });

  it("an imperative « rappelle-moi » or « indiquez-moi » opens the question without adding to it", () => {
    expect(cleanQuestion("Rappelez-moi les dates des Rencontres du mécénat.")).toBe("les dates des Rencontres du mécénat.");
    expect(cleanQuestion("Pour la séance : indique-moi qui préside la MIESS ?")).toBe("Qui préside la MIESS ?");
    expect(cleanQuestion("Pouvez-vous me citer les financeurs de l'appel à communs, pour la réunion de lundi ?")).toBe("les financeurs de l'appel à communs ?");
    // (a trailing « pour … » that names no document is the question's own)
    const own = "Quelles aides existent pour une association, pour un projet de ressourcerie ?";
    expect(cleanQuestion(own)).toBe(own);
    // (« indiquez-moi si… » and a request to act are left as written)
    const ifAsked = "Indiquez-moi si le DLA est gratuit.";
    expect(cleanQuestion(ifAsked)).toBe(ifAsked);
  });
});

describe("factual questions that mention a structure", () => {
  it("a rule asked about a kind of structure or legal form, by nobody in particular, describes no project", () => {
    expect(project("Une SARL familiale peut-elle obtenir l'agrément ESUS à Nîmes ?")).toBe(false);
    expect(project("Une association culturelle peut-elle devenir une SCIC avec la commune ?")).toBe(false);
    // (said for one's own structure, it stays a project)
    expect(project("Notre SARL familiale de Nîmes peut-elle obtenir l'agrément ESUS pour lever des fonds ?")).toBe(true);
  });

  it("the value a rule sets, asked by an agent about a case, is a fact, not a project", () => {
    expect(project("J'accompagne une association qui gère une crèche à Alès : quel est le seuil au-delà duquel une convention est obligatoire ?")).toBe(false);
    // (asked for the writer's own case, it stays a project)
    expect(project("Nous sommes une asso d'Alès qui veut acheter un local : quel est le plafond pour nous ?")).toBe(true);
  });

  it("a colloquial word the lexicon knows (« bosser » for « travailler ») reads a need's expression", () => {
    const needs = (text: string) => projectFeatures(text, links).needs.map((n) => n.need.id);
    expect(needs("Notre régie de quartier à Beaucaire aimerait bosser pour les collèges, par où commencer ?")).toContain("marches-publics");
    expect(needs("Notre régie de quartier à Beaucaire aimerait travailler pour les collèges, par où commencer ?")).toContain("marches-publics");
    expect(needs("Notre régie de quartier à Beaucaire aimerait bosser davantage en équipe, par où commencer ?")).not.toContain("marches-publics");
  });
});

describe("a question that opens by saying what the structure is", () => {
  const asked = (text: string, id: string) => projectFeatures(text, links).needs.find((n) => n.need.id === id)?.asked;
  it("the clause saying what the structure is, before a comma, is not what the question asks", () => {
    const text = "bonjour on est un chantier d'insertion qui fait du maraîchage, on pourrait fournir les cantines des collèges ? merci d'avance";
    expect(asked(text, "marches-publics")).toBe(0.3);
    expect(asked(text, "insertion")).toBeUndefined();
    // (asked after the description, the same need stays asked)
    expect(asked("On cherche des contrats. On pourrait devenir un chantier d'insertion ?", "insertion")).toBe(0.3);
  });
});
