/**
 * An agent's frame around a question (src/answer/relayed.ts): what the answer is for, who asked it, the
 * closing « je lui dis quoi ? », or the writer's job, is no part of what is asked.
 */
import { describe, expect, it } from "vitest";
import { cleanQuestion } from "../../src/answer/answerer.js";
import { unframe } from "../../src/answer/relayed.js";

describe("unframe", () => {
  it("drops what the answer is for", () => {
    expect(unframe("Pour le bulletin interne : combien de structures compte l'ESS gardoise ?")).toBe("Combien de structures compte l'ESS gardoise ?");
    expect(unframe("Pour mon compte rendu, quel est le budget annuel de l'appel à communs ?")).toBe("Quel est le budget annuel de l'appel à communs ?");
    expect(unframe("For a visiting delegation: who runs the DLA in the Gard?")).toBe("Who runs the DLA in the Gard?");
    expect(unframe("Pour préparer la réunion de bureau : combien de SCOP dans le Gard ?")).toBe("Combien de SCOP dans le Gard ?");
    expect(unframe("To draft the memo: when was the plan adopted?")).toBe("When was the plan adopted?");
  });

  it("drops the task of preparing or writing the document an answer is for, before a colon", () => {
    expect(unframe("Pour préparer le comité de pilotage : combien de communs ont été retenus ?")).toBe("Combien de communs ont été retenus ?");
    expect(unframe("Pour rédiger la note de synthèse : qui délivre l'agrément ESUS ?")).toBe("Qui délivre l'agrément ESUS ?");
    // (the thing to write is what is asked about, not a document the answer is for)
    expect(unframe("Pour rédiger les statuts d'une SCIC : quelles mentions sont obligatoires ?")).toBe(
      "Pour rédiger les statuts d'une SCIC : quelles mentions sont obligatoires ?",
    );
    expect(unframe("Pour préparer mon dossier, quels justificatifs faut-il ?")).toBe("Pour préparer mon dossier, quels justificatifs faut-il ?");
  });

  it("keeps the question asked by someone else, without the writer's closing question", () => {
    expect(unframe("Une association de mon secteur me demande qui porte la pépinière Réalis.")).toBe("Qui porte la pépinière Réalis ?");
    expect(unframe("Un élu me demande combien de QPV compte Nîmes : que lui répondre ?")).toBe("Combien de QPV compte Nîmes ?");
    expect(unframe("A partner asked me who operates the DLA in the Gard — what should I say?")).toBe("Who operates the DLA in the Gard ?");
    expect(unframe("Des assos me demandent ce qui change avec l'appel à communs. Je leur dis quoi ?")).toBe("Qu'est-ce qui change avec l'appel à communs ?");
  });

  it("asks an indirect « ce qu'est… » directly, without the writer's request to summarise it", () => {
    expect(unframe("Une élue me demande ce qu'est la MIESS, vous pouvez me la présenter ?")).toBe("Qu'est-ce que la MIESS ?");
    expect(unframe("Un adjoint me demande ce que sont les QPV, tu peux me l'expliquer simplement ?")).toBe("Qu'est-ce que les QPV ?");
    // « est » before a past participle is an auxiliary: the question stays « qu'est devenu… »
    expect(unframe("Un partenaire me demande ce qu'est devenue la pépinière, je lui dis quoi ?")).toBe("Qu'est devenue la pépinière ?");
    // near-misses: a need relayed, and the writer's own request, stay whole
    const need = "Une asso me demande ce qu'elle doit fournir pour le DLA";
    expect(unframe(need)).toBe(need);
    const own = "Tu peux me résumer le SPASER ?";
    expect(unframe(own)).toBe(own);
  });

  it("drops how to answer (« réponds simplement », « en deux mots », briefly), before or after the question", () => {
    expect(unframe("Réponds-moi simplement : c'est quoi le DLA ?")).toBe("C'est quoi le DLA ?");
    expect(unframe("En deux mots, c'est quoi une SCIC ?")).toBe("C'est quoi une SCIC ?");
    expect(unframe("c'est quoi le DLA ? réponds simplement stp")).toBe("C'est quoi le DLA ?");
    expect(unframe("Briefly: who runs the DLA in the Gard?")).toBe("Who runs the DLA in the Gard?");
    const own = "On répond simplement aux marchés du Département ?";
    expect(unframe(own)).toBe(own);
  });

  it("drops the writer's job when the question does not speak of them", () => {
    expect(unframe("Bonjour, je suis chargé de mission dans une communauté de communes. Le Département anime-t-il un réseau ESS ?")).toBe(
      "Le Département anime-t-il un réseau ESS ?",
    );
    const own = "Je suis agent aux achats. Qu'est-ce que le schéma change pour nous ?";
    expect(unframe(own)).toBe(own);
  });

  it("leaves a relayed yes/no question, a need and an ordinary question whole", () => {
    const yesNo = "Un porteur me demande s'il peut candidater seul à l'appel à communs.";
    expect(unframe(yesNo)).toBe(yesNo);
    const need = "Un porteur me demande une aide à l'investissement pour sa SARL. Je l'oriente où ?";
    expect(unframe(need)).toBe(need);
    const plain = "Pour une asso, le DLA est gratuit ?";
    expect(unframe(plain)).toBe(plain);
  });

  it("drops a longer purpose before the question, and one said in a sentence after it", () => {
    expect(unframe("Pour ma thèse sur l'histoire des coopératives : qui porte le DLA du Gard ?")).toBe("Qui porte le DLA du Gard ?");
    expect(unframe("Qui porte le DLA du Gard ? Je dois le citer dans une note pour la direction.")).toBe("Qui porte le DLA du Gard ?");
    expect(unframe("How many SCIC are there in the Gard? I need it for a briefing tomorrow.")).toBe("How many SCIC are there in the Gard?");
    // a sentence after the question that describes a project is kept
    const project = "Vous pouvez nous aider ? Je dois créer une ressourcerie à Alès.";
    expect(unframe(project)).toBe(project);
  });

  it("drops the polite request a frame opened on", () => {
    expect(cleanQuestion("Pour une réunion avec les élus du territoire, pouvez-vous me rappeler qui porte le DLA ?")).toBe("Qui porte le DLA ?");
  });

  it("drops a persona that opens the question (« Journaliste, … », « Trésorière d'une asso, je me demande… »)", () => {
    expect(unframe("Journaliste à la radio locale, je me demande qui anime le DLA dans le Gard.")).toBe("Qui anime le DLA dans le Gard ?");
    expect(unframe("Étudiante en master, je cherche le nombre de QPV à Nîmes.")).toBe("Le nombre de QPV à Nîmes ?");
    expect(unframe("Trésorier d'un club sportif : combien de temps dure l'agrément ESUS ?")).toBe("Combien de temps dure l'agrément ESUS ?");
    expect(unframe("Journaliste, je reviens sur le forum de 2022 : qui y a pris la parole ?")).toBe("Qui y a pris la parole ?");
    // (a place the persona names stays: the question may ask about « our » commune)
    expect(unframe("Conseillère municipale à Saint-Gilles : de quel EPCI dépend-on ?")).toBe("De quel EPCI dépend-on (Saint-Gilles) ?");
    // (a persona followed by a story, not a question, is left whole)
    const story = "Journaliste, j'ai assisté au vote du schéma. Il a été adopté à l'unanimité ?";
    expect(unframe(story)).toBe(story);
  });

  it("drops a longer purpose (« pour mon mémoire sur … : ») and a closing sentence that only says what the answer is for", () => {
    expect(unframe("Pour ma thèse sur les coopératives du Sud : quand la CRESS a-t-elle été créée ?")).toBe("Quand la CRESS a-t-elle été créée ?");
    expect(unframe("Combien de communes compte le Gard ? Je dois préparer une diapositive pour lundi.")).toBe("Combien de communes compte le Gard ?");
    expect(unframe("Who runs the DLA? It's for an internal memo.")).toBe("Who runs the DLA?");
    const asks = "Combien de communes compte le Gard ? Je dois m'adresser à qui ?";
    expect(unframe(asks)).toBe(asks);
  });

  it("is applied by cleanQuestion", () => {
    expect(cleanQuestion("Pour un courrier au préfet, pourriez-vous me rappeler le nombre de QPV du Gard ?")).toBe("Le nombre de QPV du Gard ?");
    expect(cleanQuestion("Pour la lettre d'information : quand le schéma a-t-il été voté ?")).toBe("Quand le schéma a-t-il été voté ?");
  });
});
