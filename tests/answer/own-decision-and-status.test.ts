/**
 * Three readings of what the sources never publish about one case, by meaning: the decision on the person's own request
 * named as « la décision » or « la réponse » (« on a demandé…, la décision est prise ? »), an English question on one's
 * own application however long its name, and whether one's own commercial company belongs to the ESS (an examination
 * of its articles). « c qui » is the SMS spelling of « c'est qui »: the holder of a role it asks is named only by a text
 * that speaks of that role. Wordings written for this test, in several registers and both languages, none taken from
 * an evaluation set; each family has near-misses that ask a rule and keep their answer.
 */
import { describe, expect, it } from "vitest";
import { askedSlots } from "../../src/answer/asked-slot.js";
import { asksOwnOutcome } from "../../src/answer/own-outcome.js";
import { asksOwnVerdict } from "../../src/answer/own-verdict.js";
import { sharedRuntime } from "./helpers.js";

describe("the decision on one's own request, named as such", () => {
  it.each([
    "On a envoyé notre demande de garantie en septembre, la décision est tombée ?",
    "Notre coopérative a candidaté à l'incubateur : la réponse est arrivée ?",
    "We sent our loan request in May. Has the decision been made yet?",
    "Our co-op applied for the Region's aid; is the answer out?",
    "Was our application for the Department's support with the new bakery accepted?",
    "Is my honour loan request to Initiative Gard approved?",
    // the rate or the sum of one's own award, asked with « quel est le … »
    "Quel est le taux de garantie qu'ils nous accorderont ?",
    "Quelle sera la somme que la Région me versera ?",
  ])("« %s » asks the outcome of one's own file", (q) => {
    expect(asksOwnOutcome(q)).toBe(true);
  });

  it.each([
    // who decides, how long it takes, or a rule of the process: published
    "La décision sur les demandes de garantie est prise par qui ?",
    "Notre asso veut candidater : la réponse est donnée sous combien de temps ?",
    "Is our grant approved by the committee or by the president?",
    "Le schéma a été voté en 2024, la décision est prise pour combien d'années ?",
    // no request of one's own
    "La décision d'agrément est prise par la DDETS ?",
    "Is the Department's ESS strategy approved?",
    // the rate a body grants, as a rule
    "Quel est le taux de garantie que France Active accorde en général ?",
  ])("« %s » asks a rule", (q) => {
    expect(asksOwnOutcome(q)).toBe(false);
  });
});

describe("whether one's own commercial company belongs to the ESS", () => {
  it.each([
    "Nous sommes une SARL de menuiserie qui embauche localement : est-ce qu'on fait partie de l'ESS ?",
    "Voilà un extrait de nos statuts de SAS, les dividendes vont aux actionnaires. On est une entreprise de l'ESS ou pas ?",
    "Notre SASU est-elle une entreprise de l'économie sociale et solidaire ?",
    "We run a small Ltd that repairs bikes. Are we part of the social economy?",
  ])("« %s » asks a verdict on one case", (q) => {
    expect(asksOwnVerdict(q)).toBe(true);
  });

  it.each([
    // a status that the ESS law itself places in the ESS: a rule the sources give
    "On est une SCOP, est-ce qu'on fait partie de l'ESS ?",
    "Nous sommes une association : sommes-nous de l'ESS ?",
    // the general rule, or its conditions
    "Une SARL peut-elle faire partie de l'ESS ?",
    "Nous sommes une SAS : sommes-nous de l'ESS si nous réinvestissons nos bénéfices ?",
    "Quelles conditions pour qu'une société commerciale soit reconnue de l'ESS ?",
  ])("« %s » asks a rule", (q) => {
    expect(asksOwnVerdict(q)).toBe(false);
  });

  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it("is refused and handed to the ESS team, even when the message reads like a project", async () => {
    const reply = await ask(
      "Nous avons créé une SAS de réemploi de meubles à Alès, trois salariés. Voici l'article 5 de nos statuts : « les bénéfices sont distribués aux associés ». Sommes-nous une entreprise de l'ESS ?",
    );
    expect(reply.refused, reply.text).toBe(true);
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it("answers the rule for a status the law places in the ESS", async () => {
    const reply = await ask("On est une association loi 1901 : est-ce qu'on fait partie de l'économie sociale et solidaire ?");
    expect(reply.refused, reply.text).toBe(false);
  });
});

describe("« c qui » asks who holds a role", () => {
  it("is read as « c'est qui »", () => {
    expect(askedSlots("c qui le directeur de la MIESS ?")).toContain("role-holder");
    expect(askedSlots("ki est la référente ESS à Alès ?")).toContain("role-holder");
    // a definition asked in SMS spelling is no role
    expect(askedSlots("c quoi la MIESS ?")).not.toContain("role-holder");
  });

  const t = sharedRuntime({ llm: null });
  it("is not answered by a person holding another role", async () => {
    const reply = await t.runtime.answerer.ask("c qui le chargé de mission de gard centrale ?", { audience: "porteur" });
    expect(reply.refused, reply.text).toBe(true);
  });
});
