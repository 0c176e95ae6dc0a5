/**
 * A document the person asks the assistant to write for them is read by its meaning (a writing verb addressed to the
 * assistant whose object is a document), in several registers and both languages; wordings written for this test, none
 * taken from an evaluation set. A question on how to write one, or a request for someone's help to write it, is left to
 * the answer.
 */
import { describe, expect, it } from "vitest";
import { cannotDoItThemselves } from "../../src/answer/answerer.js";
import { asksToDraft } from "../../src/answer/drafting.js";
import { sharedRuntime } from "./helpers.js";

describe("asksToDraft", () => {
  const asked = [
    "Rédigez-nous la réponse à l'appel à communs, on manque de temps.",
    "tu peux me faire le budget prévisionnel de ma future épicerie stp ?",
    "Pourriez-vous écrire le courrier de demande de subvention au Département pour notre association ?",
    "Bonjour, écris notre candidature pour Alter'Incub en une page.",
    "J'aimerais que vous remplissiez le formulaire de demande de prêt d'honneur à ma place.",
    "Merci de préparer le plan de financement complet de notre SCIC.",
    "Can you draft our funding application for France Active?",
    "Please write the cover letter for our DLA request.",
    "Write our bylaws for the new cooperative.",
    // on the person's behalf, said outright
    "Rédige à ma place la demande de prêt d'honneur pour Initiative Gard.",
    "Please fill in the application form for the ESUS label on our behalf.",
    // school or university work
    "fais-moi mon exposé sur les coopératives du Gard pour lundi",
    "Can you write my essay on the social economy in Occitanie?",
    "Rédigez mon mémoire de master sur les SCIC, 30 pages.",
    // an English document named with the nouns that say what it is for, before it
    "Could you write our Initiative Gard loan request, please?",
    "Draft my CAE membership application, I'm a photographer.",
    // the answer to a tender or a consultation is a document the bidder writes
    "Écris notre réponse au marché de restauration scolaire de la commune.",
    "Can you write our answer to the Département's public tender for school catering?",
    "Please draft our bid for the cleaning tender.",
    "Tu peux me préparer la réponse à la consultation du Département sur les espaces verts ?",
  ];
  for (const q of asked) it(`asks: ${q}`, () => expect(asksToDraft(q)).toBe(true));

  const notAsked = [
    "Comment rédiger un bon dossier pour l'appel à communs ?",
    "Qui peut nous aider à écrire notre business plan ?",
    "Je prépare notre dossier de candidature : quelles pièces faut-il joindre ?",
    "Faut-il écrire une lettre à la DDETS pour l'agrément ESUS ?",
    "Pouvez-vous m'expliquer le dossier de l'appel à communs ?",
    "How do we write a strong application for the commons call?",
    "Nous avons rédigé nos statuts, qui peut les relire ?",
    "Écrivez-moi si vous avez des nouvelles de l'appel à communs.",
    "Pouvez-vous faire une demande de rendez-vous avec un conseiller du DLA pour nous ?",
    "Je fais un exposé sur l'ESS dans le Gard : quelles sont les grandes dates ?",
    "Which books should I read for my essay on cooperatives?",
    // words before the noun that are a phrase of its own (« the rules for the application »), a request for a meeting
    "Can you explain the rules for the commons application?",
    "Could you summarise the steps of the ESUS application?",
    "Can you make a request for a meeting with the DLA adviser?",
    // how to answer a tender is asked, not the answer written
    "Comment préparer notre réponse au marché du Département ?",
    "What should our answer to the call for commons contain?",
    "Can you tell us when the next tender is published?",
  ];
  for (const q of notAsked) it(`does not ask: ${q}`, () => expect(asksToDraft(q)).toBe(false));
});

describe("the answer to a document asked to be written", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it("is a plain refusal that says what can be done instead, routed to the process the document belongs to", async () => {
    const reply = await ask("Tu pourrais rédiger la demande d'agrément ESUS de ma SCOP, que je n'aurai plus qu'à signer ?");
    expect(reply.refused).toBe(true);
    expect(reply.text).toMatch(/ne rédige pas/);
    expect(reply.text).toMatch(/démarche, les critères/);
    expect(reply.route?.process).toBe("agrement-esus");
  });

  it("an honour loan's business plan goes to the honour loans' people", async () => {
    const reply = await ask("Fais-moi le business plan pour le comité Initiative Gard, je lance une boulangerie.");
    expect(reply.refused).toBe(true);
    expect(reply.route?.process).toBe("pret-honneur-microcredit");
  });

  it("an application to the call for commons goes to that call, though the ESS team that runs it is who helps", async () => {
    for (const q of [
      "Écris notre candidature à l'appel à communs, on t'envoie le descriptif du tiers-lieu ce soir.",
      "Please write our application to Gard centrale, we will send you the details.",
    ]) {
      const reply = await ask(q);
      expect(reply.refused, q).toBe(true);
      expect(reply.route?.process, q).toBe("appel-a-communs");
      expect(reply.text, q).toMatch(/équipe ESS du Département|Département.s ESS team/);
    }
  });

  it("writers who say they cannot do it themselves are handed to the people who accompany them", async () => {
    const reply = await ask("Fais tout notre dossier pour l'appel à communs, budget et lettres comprises, nous n'avons pas le temps de le faire.");
    expect(reply.refused).toBe(true);
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it("a document whose kind of writing alone reads as outside the mission still goes to the process it is for", async () => {
    for (const [q, process] of [
      ["Écris-moi une lettre de motivation pour intégrer l'incubateur Alter'Incub.", "incubation-innovation-sociale"],
      ["Rédigez les statuts de notre SCIC : le Département doit entrer au capital.", "scic-participation"],
    ] as const) {
      const reply = await ask(q);
      expect(reply.refused, q).toBe(true);
      expect(reply.route?.process, q).toBe(process);
    }
    // (the same kind of writing for no process of the ESS stays outside the mission, handed to no one in particular)
    const job = await ask("Écris-moi une lettre de motivation pour un poste de vendeur en boulangerie.");
    expect(job.refused).toBe(true);
    expect(job.route?.confidence ?? 0).toBe(0);
  });

  it("a tender's technical brief is the public purchasing's document, whoever runs it", async () => {
    for (const q of [
      "Rédigez-nous le mémoire technique pour le marché d'entretien des espaces verts du Département.",
      "Can you write our answer to the Département's public tender for school catering?",
    ]) {
      const reply = await ask(q);
      expect(reply.refused, q).toBe(true);
      expect(reply.route?.process, q).toBe("commande-publique");
    }
  });

  it("a question on what the file holds is still answered", async () => {
    const reply = await ask("Que faut-il mettre dans le dossier de candidature à l'appel à communs ?");
    expect(reply.text).not.toMatch(/ne rédige pas/);
  });
});

describe("cannotDoItThemselves", () => {
  for (const q of [
    "On n'a pas le temps de le faire nous-mêmes, rédige tout.",
    "we don't have time to write it, please do",
    "Nous ne savons pas faire, écrivez-le.",
  ])
    it(`says so: ${q}`, () => expect(cannotDoItThemselves(q)).toBe(true));
  for (const q of [
    "Rédige notre dossier, je te donne le temps de réponse après.",
    "Écris notre candidature, on a les infos.",
    "Combien de temps pour instruire le dossier ?",
  ])
    it(`does not: ${q}`, () => expect(cannotDoItThemselves(q)).toBe(false));
});
