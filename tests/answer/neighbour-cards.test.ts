/**
 * A first question answered by the card of a neighbouring question: what the question asks (a date, the axes together or
 * one axis, a definition, the people who took part, figures that differ, a claim to confirm) picks, among close cards,
 * the one that answers it; near-misses that already had their card keep it.
 */
import { describe, expect, it } from "vitest";
import { askedQualifiers, givesAsked } from "../../src/answer/asked-quantity.js";
import { asksTwoThings, readsSeveralFigures } from "../../src/answer/answerer.js";
import { askedAxes, namedAxes } from "../../src/answer/cards.js";
import { sharedRuntime } from "./helpers.js";

describe("the axes asked", () => {
  it("a number before « axes » counts them; after « axe » it names one", () => {
    expect([...askedAxes("Je cherche les cinq axes du plan ESS")]).toEqual(["all"]);
    expect([...askedAxes("Could you list the four axes of the strategy?")]).toEqual(["all"]);
    expect([...askedAxes("Quels sont les axes du schéma départemental ?")]).toEqual(["all"]);
    expect([...askedAxes("Que recouvre l'axe 4 ?")]).toEqual(["4"]);
    expect([...askedAxes("what does axis two cover?")]).toEqual(["2"]);
    // (the transversal axis named beside the others is that axis)
    expect([...askedAxes("les quatre axes et l'axe transversal")]).toEqual(["t"]);
    // (no axis, no count: nothing asked of the axes)
    expect(askedAxes("Sur quel axe se trouve l'appel à communs ?").size).toBe(0);
    expect(namedAxes("les 4 axes du schéma").size).toBe(0);
  });
});

describe("people who took part", () => {
  it("« ont pris part » narrows nothing: the people counted are the participants", () => {
    expect(askedQualifiers("Combien de personnes ont pris part au forum de 2022 ?")).toEqual([]);
    expect(askedQualifiers("Combien de bénévoles ont participé aux ateliers ?")).toEqual([]);
    // (another participle still narrows the count)
    expect(askedQualifiers("Combien de participants ont été formés ?")).toEqual(["formes"]);
    const answer = "Plus de 350 personnes ont assisté au forum du 7 juillet 2022.";
    expect(givesAsked("number", "Combien de participants ont pris part au forum de 2022 ?", answer)).toBe(true);
    expect(givesAsked("number", "Combien de participants ont été formés au forum de 2022 ?", answer)).toBe(false);
  });
});

describe("figures read that differ", () => {
  it("is read in French and English", () => {
    expect(readsSeveralFigures("Le budget, c'est combien ? J'ai lu deux montants dans la presse.")).toBe(true);
    expect(readsSeveralFigures("Les chiffres sont contradictoires sur les emplois, lequel croire ?")).toBe(true);
    expect(readsSeveralFigures("I found two different figures for the jobs, which one is right?")).toBe(true);
  });
  it("not figures merely asked for", () => {
    expect(readsSeveralFigures("Avez-vous des chiffres sur l'ESS dans le Gard ?")).toBe(false);
    expect(readsSeveralFigures("Donnez-moi deux chiffres pour ma note.")).toBe(false);
    expect(readsSeveralFigures("Quels sont les chiffres clés de l'ESS ?")).toBe(false);
  });
});

describe("a question asking two things", () => {
  it("is read, so that the kind of its first words does not pick the card alone", () => {
    expect(asksTwoThings("When was the ESS plan adopted, and was it the Gard's first?")).toBe(true);
    expect(asksTwoThings("Qui préside l'assemblée départementale, et depuis quand ?")).toBe(true);
    expect(asksTwoThings("Quand le SPASER a-t-il été voté ? Combien d'actions compte-t-il ?")).toBe(true);
  });
  it("not one question with a comma", () => {
    expect(asksTwoThings("La concertation pour le schéma, elle a été menée par qui ?")).toBe(false);
    expect(asksTwoThings("Pour une note, le schéma a été voté quand ?")).toBe(false);
  });
});

describe("the card of the question asked, not of its neighbour", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string, audience: "porteur" | "agent" = "porteur") => t.runtime.answerer.ask(q, { audience });

  it("the axes together, in English: all four, not the fourth", async () => {
    const r = await ask("Could you list the four axes of the Gard ESS plan?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/cooperation/i);
    expect(r.text).toMatch(/innovation/i);
  });

  it("one axis named: that axis, not where the axes' titles come from", async () => {
    const r = await ask("Quel titre porte l'axe 3 du schéma ESS ?", "agent");
    expect(r.text).toMatch(/ancrage/);
    // (worded as a how, passages may answer; the card on where the titles come from does not)
    const how = await ask("Comment s'intitule l'axe 3 du schéma ?", "agent");
    expect(how.text).not.toMatch(/^De l'étude de cas/);
    // (the axes' titles as such keep their card)
    const titles = await ask("Les intitulés des axes du schéma, ils viennent d'où ?", "agent");
    expect(titles.text).toMatch(/^De l'étude de cas/);
  });

  it("when someone worked on the schema: the period, not another work of theirs", async () => {
    const r = await ask("La Grande Bobine a planché sur le schéma ESS entre quelle date et quelle date ?");
    expect(r.text).toMatch(/avril 2023/);
    expect(r.text).toMatch(/décembre 2024/);
  });

  it("the people who took part in the workshops: their number", async () => {
    const r = await ask("Combien de gens ont pris part aux ateliers territoriaux de la concertation ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/200/);
  });

  it("whether a call brings only money: what else it brings", async () => {
    const r = await ask("L'appel à communs, ça donne seulement des subventions ?");
    expect(r.text).toMatch(/ingénierie|locaux|matériel/);
    // (a structure alone is another question: « seule » is not « seulement »)
    const alone = await ask("Notre asso est toute seule, on peut répondre à l'appel à communs ?");
    expect(alone.text).toMatch(/trois structures/);
  });

  it("a claim put up for confirmation: corrected by the card that settles it", async () => {
    const r = await ask("Le schéma ESS a été voté de justesse, avec l'opposition contre, c'est bien ça ?", "agent");
    expect(r.text).toMatch(/unanimit/i);
  });

  it("figures read that differ: all of them", async () => {
    const r = await ask("Combien le Département achète-t-il par an ? Je trouve deux montants différents.", "agent");
    expect(r.text).toMatch(/443/);
    expect(r.text).toMatch(/143/);
  });

  it("places outside Nîmes: the list of them", async () => {
    const r = await ask("Existe-t-il des lieux d'accueil du Département ailleurs qu'à Nîmes ?");
    expect(r.text).toMatch(/Alès/);
    expect(r.text).toMatch(/Vigan/);
    expect(r.text).toMatch(/Bagnols/);
  });

  it("the social solidarity plan: that plan, not the ESS schema", async () => {
    const r = await ask("C'est quoi, le schéma des solidarités sociales ?", "agent");
    expect(r.text).toMatch(/2022-2027/);
    // (the ESS schema asked keeps its own card)
    const ess = await ask("C'est quoi, le schéma ESS du Gard ?");
    expect(ess.text).toMatch(/8 mars 2024/);
  });
});
