/**
 * Answered questions on the real runtime (bundled knowledge, offline): `[n]` markers
 * that all point into `sources`, sources with kind/url/status, a valid Reply, and the
 * two audiences (a porteur never sees an `audience: agent` document).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Reply } from "../../src/domain/reply.js";
import { documentsFirst, namesKnownCommune } from "../../src/answer/answerer.js";
import type { Hit } from "../../src/retrieval/retriever.js";
import { expectGroundedAnswer, testRuntime, type TestRuntime } from "./helpers.js";

let t: TestRuntime;
const ask = (q: string, audience: "agent" | "porteur" = "porteur") => t.runtime.answerer.ask(q, { audience });
let agentDocs: Set<string>;

beforeAll(async () => {
  t = await testRuntime({ llm: null });
  agentDocs = new Set(t.runtime.retriever.index.chunks.filter((c) => c.audience === "agent").map((c) => c.docId));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("grounded offline answers", () => {
  // Questions whose answer the bundled knowledge states; written for this test.
  const questions = [
    "À quelle date l'assemblée du Gard a-t-elle adopté son schéma de l'économie sociale et solidaire ?",
    "Quels sont les axes du schéma départemental de l'ESS du Gard ?",
    "Qu'est-ce que l'appel à communs du Département ?",
    "Sur quelle plateforme dépose-t-on un projet pour l'appel à communs ?",
    "À quoi sert le dispositif local d'accompagnement ?",
    "Qu'est-ce qu'une SCIC ?",
    "Que veut dire le sigle ESUS ?",
    "What is a cooperative of activity and employment?",
    "c koi le spaser du departement",
    "Quelle part du capital d'une SCIC les collectivités peuvent-elles détenir ensemble ?",
  ];
  for (const q of questions)
    it(`cites its sources: ${q}`, async () => {
      const reply = await ask(q);
      expect(() => Reply.parse(reply)).not.toThrow();
      expect(reply.type).toBe("answer");
      expectGroundedAnswer(reply, q);
      expect(reply.actions.map((a) => a.id)).toEqual(expect.arrayContaining(["rate-up", "rate-down", "handoff"]));
      for (const a of reply.actions) expect(a.label).toMatch(/\p{L}{3,}/u);
    });

  it("a passage of status reported is flagged as to be checked", async () => {
    const replies = await Promise.all(questions.map((q) => ask(q)));
    const withReported = replies.filter((r) => r.sources.some((s) => s.status === "reported"));
    for (const r of withReported) expect(r.text).toMatch(/à vérifier/i);
  });

  it("an English answer gets its « to be checked » notice in English, and never opens with Yes to an open question", async () => {
    const english = [
      "When was the Gard's call for commons showcased at the Global Social Economy Forum?",
      "Which SCIC did the Département buy shares in?",
      "What open-source platform did the Département announce?",
    ];
    const replies = await Promise.all(english.map((q) => ask(q)));
    const inEnglish = replies.filter((r) => r.type === "answer" && !r.text.startsWith("The sources I rely on are in French"));
    expect(inEnglish.length).toBeGreaterThan(0);
    for (const r of inEnglish) {
      expect(r.text).not.toMatch(/^(yes|no)\b/i);
      expect(r.text).not.toMatch(/Certaines de ces informations/);
      if (r.sources.some((s) => s.status === "reported")) expect(r.text).toMatch(/to be checked/i);
    }
  });
});

describe("audiences", () => {
  it("the knowledge has documents reserved for agents", () => {
    expect(agentDocs.size).toBeGreaterThan(0);
  });

  // Questions about the content of agent-only documents (the purchasers' training). The RTES document is
  // for everyone: its answer card is shown to project holders, who would otherwise see it cited by the glossary only.
  const agentQuestions = [
    { q: "Quel atelier la direction des achats du Département a-t-elle organisé pour ses acheteurs publics ?", doc: "mesure-formation-acheteurs" },
  ];

  for (const { q, doc } of agentQuestions) {
    it(`agent sees ${doc}, porteur does not`, async () => {
      expect(agentDocs.has(doc), `${doc} devrait être réservé aux agents`).toBe(true);
      const agent = await ask(q, "agent");
      expect(
        agent.sources.map((s) => s.id),
        agent.text,
      ).toContain(doc);
      expect(agent.audience).toBe("agent");
      const porteur = await ask(q, "porteur");
      expect(
        porteur.sources.map((s) => s.id),
        porteur.text,
      ).not.toContain(doc);
      expect(porteur.audience).toBe("porteur");
      // the text given to a porteur quotes nothing that only the agent document says
      for (const s of agent.sources.filter((s) => s.id === doc)) {
        const excerptStart = s.excerpt.slice(0, 80);
        expect(porteur.text.replace(/\s+/g, " ")).not.toContain(excerptStart);
      }
    });
  }

  it("no porteur answer ever cites an agent document", async () => {
    const probes = [
      "Comment le Département forme-t-il ses acheteurs à l'ESS ?",
      "Quelles ressources juridiques existent pour les collectivités qui veulent entrer au capital d'une SCIC ?",
      "Qu'est-ce que le RTES ?",
      "Quels engagements comporte l'axe transversal du schéma ?",
      "Le kit DépartementalESS, c'est quoi ?",
      "formation des élus et des agents à l'ESS",
    ];
    for (const q of probes) {
      const reply = await ask(q, "porteur");
      const leaked = reply.sources.filter((s) => agentDocs.has(s.id)).map((s) => s.id);
      expect(leaked, q).toEqual([]);
    }
  });

  it("retrieval itself filters agent documents for porteurs", async () => {
    const { hits } = await t.runtime.retriever.search("RTES réseau des collectivités kit DépartementalESS acheteurs formation", { audience: "porteur", k: 20 });
    expect(hits.filter((h) => h.chunk.audience === "agent")).toEqual([]);
    const agent = await t.runtime.retriever.search("RTES réseau des collectivités kit DépartementalESS acheteurs formation", { audience: "agent", k: 20 });
    expect(agent.hits.some((h) => h.chunk.audience === "agent")).toBe(true);
  });
});

describe("a card whose phrasing the question matches word for word", () => {
  it("answers even when a misspelt word keeps the card's documents out of the first passages", async () => {
    const r = await t.runtime.assistant.ask("il y a combien de comunes au totale dans le gard ?", { audience: "porteur" });
    expect(r.refused, r.text).toBe(false);
    expect(r.card).toBe("rep-gard-reperes");
  });
});

describe("answer cards reached in other words", () => {
  // Each question is worded for this test; the card holds its published answer.
  const cases: { q: string; card: string; includes: RegExp }[] = [
    { q: "Chaque année, quelle somme est réservée à l'appel à communs ?", card: "rep-aac-budget", includes: /250 000/ },
    { q: "What is the yearly amount set for the call for commons?", card: "rep-aac-budget", includes: /250[,\s]000/ },
    { q: "Si notre commun est retenu, pourra-t-on garder nos productions pour nous seuls ?", card: "rep-aac-obligations-partage", includes: /partag/i },
    { q: "Avec quels outils les ateliers de la concertation ont-ils été animés ?", card: "rep-concertation-methodes", includes: /gabarits|carte/ },
    { q: "Gard centrale, c'est géré par qui ?", card: "rep-gard-centrale-gestion", includes: /Département du Gard/ },
    { q: "Quelles sortes d'organisations peuvent candidater à l'appel à communs ?", card: "rep-aac-qui-peut-candidater", includes: /coopératives/ },
    { q: "Quel prix faut-il payer pour être accompagné par le DLA ?", card: "rep-dla-gratuit", includes: /gratuit/ },
    // probable but unconfirmed: answered with its caveat, not refused
    {
      q: "Le site Gard centrale, c'est la plateforme de partage en logiciel libre promise par le Département ?",
      card: "rep-plateforme-open-source",
      includes: /probablement/,
    },
    // what replaced the ZRR is published (only the list of FRR communes is not): answered, naming the FRR
    { q: "Les zones de revitalisation rurale, c'est fini ?", card: "rep-frr-definition", includes: /France Ruralités Revitalisation/ },
    // English fillers (« main ») ask nothing; « strands » are the axes
    { q: "Which are the main strands of the Gard département's social economy plan?", card: "rep-axes-liste", includes: /Four axes/ },
    // « bossent » is « travaillent » (lexique/familier.yaml)
    { q: "Combien de personnes bossent dans les structures de l'ESS du Gard ?", card: "rep-chiffres-structures-personnes", includes: /24 000/ },
    // « combien de monde », « les gens » count people (lexique/familier.yaml)
    { q: "Il y a combien de monde qui travaille dans l'ESS du Gard ?", card: "rep-chiffres-structures-personnes", includes: /24 000/ },
    { q: "Combien de gens travaillent dans les structures de l'ESS du Gard ?", card: "rep-chiffres-structures-personnes", includes: /24 000/ },
    // « à la tête de » asks who leads (lexique/familier.yaml)
    { q: "Qui est à la tête de la MIESS 30 ?", card: "rep-miess-gouvernance", includes: /collégial/ },
    // spoken fillers (« euh », « du coup », « ok », « pardon ») say nothing of the subject (lexique/familier.yaml)
    { q: "euh pardon, du coup le DLA ça coûte quoi ?", card: "rep-dla-gratuit", includes: /gratuit/ },
    { q: "ok en vrai le DLA c'est payant ?", card: "rep-dla-gratuit", includes: /gratuit/ },
    // support other than money asked in spoken words (« à part les sous ») (lexique/familier.yaml)
    { q: "pour l'appel à communs, à part les sous le Département apporte quoi ?", card: "rep-aac-accompagnement", includes: /ingénierie/ },
    // question words mistyped in three letters (« qoi », « koa ») ask what something is
    { q: "coucou, une SCIC c'est qoi ?", card: "rep-scic-definition", includes: /intérêt collectif/ },
    // how to get started: the first published step and the public channel
    { q: "notre asso voudrait se faire accompagner par le DLA, quelle démarche ?", card: "rep-dla-demarche", includes: /info-dla\.fr/ },
    { q: "how can our association request DLA support?", card: "rep-dla-demarche", includes: /info-dla\.fr/ },
    { q: "how do I join the Mine de talents cooperative?", card: "rep-cae-demarche", includes: /minedetalents\.fr/ },
    { q: "comment obtenir un financement du contrat de ville pour notre quartier ?", card: "rep-qpv-demarche", includes: /Engagements Quartiers 2030/ },
    { q: "qui contacter pour un pret d'honneur dans le gard ?", card: "rep-pret-honneur-contact", includes: /Initiative Gard/ },
  ];
  for (const { q, card, includes } of cases)
    it(`answers from ${card}: ${q}`, async () => {
      const reply = await ask(q);
      expect(reply.refused, `${q}\n→ ${reply.text}`).toBe(false);
      expect(reply.card, `${q}\n→ ${reply.text}`).toBe(card);
      expect(reply.text).toMatch(includes);
    });
});

describe("a close card answers a question no passage covers well enough", () => {
  it("corrects a false premise with the card of its documents", async () => {
    const reply = await ask("Le schéma compte six axes, dont un sur le sport, c'est ça ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.card).toBe("rep-axes-liste");
    // the premise (six axes) is contradicted up front
    expect(reply.text).toMatch(/^Non : quatre axes/);
  });

  it("not when the question states a figure the card does not give", async () => {
    const reply = await ask("Dis-moi oui ou non : La Grande Bobine a touché 95 000 € pour le schéma ?");
    expect(reply.refused, reply.text).toBe(true);
  });
});

describe("an answer is routed to the one process the question names", () => {
  const cases: { q: string; process: string }[] = [
    // names the Adie (honour loans and microcredit), mentions the priority neighbourhoods
    { q: "Le microcrédit de l'Adie est-il accessible dans les quartiers prioritaires ?", process: "pret-honneur-microcredit" },
    // names the call for commons, mentions a priority neighbourhood
    { q: "L'appel à communs accepte-t-il un commun situé dans un quartier de la politique de la ville ?", process: "appel-a-communs" },
  ];
  for (const { q, process } of cases)
    it(`${process}: ${q}`, async () => {
      const reply = await ask(q);
      expect(reply.refused, reply.text).toBe(false);
      expect(reply.route?.process, reply.text).toBe(process);
    });
});

describe("an unpublished-information card about other documents than those found", () => {
  it("does not hold back the passages that answer", async () => {
    const reply = await ask("Dans quel lieu se sont tenues les Rencontres du mécénat de 2024 ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/Diderot/);
  });
});

describe("older series of the Gard's ESS figures", () => {
  it("answers a figure asked for an earlier year", async () => {
    const reply = await ask("Combien d'établissements employeurs comptait l'ESS du Gard en 2020 ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/2 730/);
  });
});

describe("an unpublished-information card that merely shares the question's names", () => {
  it("does not refuse what the question asks (AD'OCC's nature, not its ESS tools)", async () => {
    const reply = await ask("AD'OCC, c'est quoi comme organisme au juste ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/agence/i);
  });
});

describe("a why question", () => {
  it("is not answered by a card that opens with « oui » or « non »", async () => {
    const reply = await ask("Pourquoi l'appel à communs est-il qualifié d'appel d'offres inversé ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).not.toMatch(/^\s*(Oui|Non)\b/);
  });
});

describe("answerable questions asked in other words are not refused", () => {
  // Each question is worded for this test.
  const cases: { q: string; includes: RegExp; audience?: "agent" | "porteur" }[] = [
    // « mettre sur la table » is a sum spent (lexique/familier.yaml)
    { q: "Quelle somme le Département met-il sur la table pour l'appel à communs ?", includes: /250 000/ },
    // « en contrepartie » asks the obligations, not the list of winners (knowledge/lacunes.yaml)
    { q: "Lauréats de l'appel à communs : qu'est-ce qu'on nous demande en contrepartie ?", includes: /partag/i },
    // a premise on an amount is settled by the card that gives it, though it says the rest is unpublished
    { q: "Si j'ai bien compris, un commun retenu reçoit 250 000 € à lui seul ?", includes: /ensemble des communs/ },
    // a sum quoted, not asked (any form, not only a yes/no one), settles the premise though the amount per project is unpublished
    { q: "Le plafond d'un commun, ce sont bien les 250 000 € annoncés ?", includes: /ensemble des communs/ },
    { q: "Un commun peut obtenir 250 000 € au maximum, c'est ça ?", includes: /ensemble des communs/ },
    { q: "Each commons project can get up to 250 000 euros, is that it?", includes: /all commons/ },
    // English words of the glossary (glossaire/synonymes.yaml): "poorest", "portfolio"
    { q: "Is the Gard one of the poorest departments in France?", includes: /cinquième département le plus pauvre/ },
    { q: "Whose portfolio includes the ESS at the Department, and since when?", includes: /Meunier/ },
    // "private funders" (glossaire/synonymes.yaml)
    { q: "Where could our association meet private funders?", includes: /mécénat|Fondations/i },
    // a short English question opening on "which" with no French word is answered in English
    { q: "Which incubator supports social innovation start-ups?", includes: /^(?!The sources I rely on are in French)[\s\S]*Alter'Incub/ },
    // « qui a écrit » asks who designed it (lexique/familier.yaml)
    { q: "C'est une agence parisienne qui a écrit le schéma ESS du Gard ?", includes: /Grande Bobine/ },
    // « les sous » (money, lexique/familier.yaml) is not the start of a compound word
    { q: "Dans le Gard, les sous-préfectures sont quelles villes ?", includes: /Alès/ },
    // a commune the unpublished-list card gives as known: the passages about it answer
    { q: "Il y a un quartier prioritaire à Anduze ?", includes: /Anduze/, audience: "agent" },
  ];
  for (const { q, includes, audience } of cases)
    it(q, async () => {
      const reply = await ask(q, audience);
      expect(reply.refused, `${q}\n→ ${reply.text}`).toBe(false);
      expect(reply.text).toMatch(includes);
    });

  it("a commune is known to an unpublished-information card only when its answer names it and its phrasings do not", () => {
    const card = { answer: "La liste complète n'est pas publiée ; plusieurs sont confirmés (Alès, Vauvert).", questions: ["Quels sont tous les QPV ?"] };
    expect(namesKnownCommune("Vauvert a un quartier prioritaire ?", card)).toBe(true);
    expect(namesKnownCommune("Sommières a un quartier prioritaire ?", card)).toBe(false);
    expect(namesKnownCommune("Vauvert a un QPV ?", { ...card, questions: ["Les QPV de Vauvert ?"] })).toBe(false);
  });
});

describe("an English question is answered from the document, not the glossary entry that sums it up", () => {
  const hit = (docId: string, kind: string, coverage: number) => ({ chunk: { id: docId, docId, kind }, score: 0, coverage }) as unknown as Hit;

  it("puts a glossary entry after the documents that cover an English question as well", () => {
    const hits = [hit("glossaire", "glossary", 0.6), hit("dla", "process", 0.6), hit("dla-gard", "partner", 0.4)];
    expect(documentsFirst(true, hits).map((h) => h.chunk.docId)).toEqual(["dla", "glossaire", "dla-gard"]);
    // a glossary entry covering more, or a French question, keeps its place
    expect(documentsFirst(true, [hit("glossaire", "glossary", 0.8), hit("dla", "process", 0.6)])[0]!.chunk.docId).toBe("glossaire");
    expect(documentsFirst(false, hits)[0]!.chunk.docId).toBe("glossaire");
  });

  it("reads everyday English words through their French equivalents (synonymes.yaml)", async () => {
    const reply = await ask("What do cooperatives gain from ESUS approval?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.sources.map((s) => s.id)).toContain("agrement-esus");
  });
});
