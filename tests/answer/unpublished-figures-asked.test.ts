/**
 * Figures the sources do not publish, asked in a first turn: a budget of something whose passages give no amount (the
 * SPASER), a figure with a qualifier no passage carries (what the Département buys from ESS organisations, not its total
 * purchases), a share for a year the sources do not attach to it, and a private tax or legal question about a change of
 * legal form, inside a described project or alone. Each is refused with a route to the ESS team. Near-misses keep their
 * answer: published budgets, totals and thresholds, a share asked without a year or for a year the sources state.
 * Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { asksBudgetOf, onlyPurchaseSums } from "../../src/answer/cards.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

describe("a budget asked of something whose sources give no amount", () => {
  it.each([
    "Le schéma des achats responsables dispose de quel budget ?",
    "What is the SPASER's budget?",
    "Le SPASER, c'est financé à hauteur de combien ?",
    // no gap lists these: their passages give only the Département's purchases, which are no budget of them
    "Combien coûte le Club achat du Département ?",
    "Quel budget pour les Rencontres de l'achat responsable ?",
  ])("« %s » is refused and handed to the ESS team", async (q) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(true);
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it.each([
    ["Quel est le budget annuel de l'appel à communs ?", /250 000/],
    ["À quel montant s'élève l'offre d'insertion du Département ?", /7,8 millions/],
    ["Combien le Département dépense-t-il en achats chaque année ?", /443 millions/],
    ["Au-delà de quel montant d'achats un SPASER devient-il obligatoire ?", /50 millions/],
    ["Quel est le budget de la politique de la ville dans le Gard ?", /3,3 millions/],
  ])("« %s » stays answered with its published sum", async (q, sum) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(sum);
  });
});

describe("a budget is not given by a sum of purchases", () => {
  it("reads a budget or a cost asked of something, not purchases asked", () => {
    expect(asksBudgetOf("Quel est le budget du Club achat ?")).toBe(true);
    expect(asksBudgetOf("Combien coûte le SPASER ?")).toBe(true);
    expect(asksBudgetOf("Quel est le budget des achats du Département ?")).toBe(false);
    expect(asksBudgetOf("Combien le Département achète-t-il par an ?")).toBe(false);
  });

  it("tells sentences whose sums are all purchases", () => {
    expect(onlyPurchaseSums("Le Département réalise environ 143 millions d'euros d'achats. Le Club achat réunit ses acheteurs.")).toBe(true);
    expect(onlyPurchaseSums("Son offre d'insertion dispose de 7,8 millions d'euros. Elle soutient l'IAE.")).toBe(false);
    expect(onlyPurchaseSums("Le Club achat réunit les acheteurs du Département.")).toBe(false);
  });

  it("the SPASER's vote asked for a finance committee stays answered", async () => {
    const reply = await ask("En vue de la commission des finances, pouvez-vous me rappeler quand le SPASER a été adopté ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/2025/);
  });
});

describe("what the Département buys from ESS organisations", () => {
  it.each([
    "Le Département achète pour combien à des structures de l'ESS ?",
    "Quelle part de ses achats le Département fait-il auprès des entreprises de l'ESS ?",
    "How much does the Département buy from ESS organisations?",
  ])("« %s » is refused: only the total purchases are published", async (q) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(true);
    expect(reply.route?.process).toBe("mission-ess-departement");
    expect(reply.text).not.toMatch(/443|143/);
  });

  it("the share going to suppliers of the Gard stays answered", async () => {
    const reply = await ask("Quelle part des achats du Département va à des fournisseurs gardois ?");
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(/52 %|79 %/);
  });
});

describe("a share asked for a year the sources do not attach to it", () => {
  it.each([
    "En 2021, quel était le pourcentage d'emplois salariés de l'ESS dans le Gard ?",
    "Quelle était la proportion d'emplois de l'ESS dans le Gard en 2023 ?",
  ])("« %s » is refused", async (q) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(true);
    expect(reply.text).not.toMatch(/12 %/);
  });

  it.each([
    ["Quelle est la part de l'ESS dans l'emploi salarié gardois ?", /12 %/],
    ["Quelle part de l'emploi salarié l'ESS représentait-elle dans le Gard en 2020 ?", /2020/],
  ])("« %s » stays answered", async (q, figure) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).toMatch(figure);
  });
});

describe("a private tax or legal question about a change of legal form", () => {
  it.each([
    "Si je transforme mon entreprise SARL en coopérative SCIC, qu'est-ce que ça change pour mes impôts ?",
    "Nous sommes une SARL de 4 salariés à Uzès et nous voulons devenir une SCIC avec des producteurs locaux : quelles conséquences fiscales pour nous ?",
    "Notre SAS de 8 salariés à Beaucaire veut passer en SCOP : comment rédiger les nouveaux statuts ?",
  ])("« %s » is refused and handed to the ESS team", async (q) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(true);
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it.each([
    "Nous sommes une SARL de 4 salariés à Uzès et nous voulons devenir une SCIC avec des producteurs locaux : quelles aides le Département peut-il apporter ?",
    "Une SARL peut-elle faire partie de l'ESS ?",
  ])("« %s » stays answered", async (q) => {
    const reply = await ask(q);
    expect(reply.refused, reply.text).toBe(false);
  });
});
