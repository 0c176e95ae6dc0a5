/**
 * A clause that sets a thing aside (« à part… », « hormis… », « mis à part… »; « en dehors de », « hors de » only opening
 * the question) names what the person already knows (src/answer/excluded-part.ts): a card stating it is not the answer.
 * A figure the extract chose keeps the sentence that qualifies it (src/answer/extractive.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractAnswer } from "../../src/answer/extractive.js";
import { excludedThing, statesExcluded } from "../../src/answer/excluded-part.js";
import { analyze } from "../../src/retrieval/analyzer.js";
import type { Hit } from "../../src/retrieval/retriever.js";
import { partnerChunk, testRuntime, type TestRuntime } from "./helpers.js";

describe("excludedThing", () => {
  it("reads the thing set aside, before, inside or after the question", () => {
    expect(excludedThing("Mis à part les subventions, que propose la MIESS aux associations ?")).toBe("les subventions");
    expect(excludedThing("Que propose le DLA, hormis le diagnostic, aux petites associations ?")).toBe("le diagnostic");
    expect(excludedThing("Quels outils propose la CRESS à part consulter l'annuaire ?")).toBe("consulter l'annuaire");
    expect(excludedThing("En dehors d'Alès, où se trouve une permanence de l'Adie ?")).toBe("Alès");
  });

  it("reads none in a place that is the question's point, « à part entière » or « un schéma à part et… »", () => {
    for (const q of [
      "Une SCOP installée hors du Gard peut-elle répondre ?",
      "Le DLA intervient-il en dehors des quartiers prioritaires ?",
      "La MIESS est-elle une structure à part entière ?",
      "Pourquoi la MIESS a-t-elle un budget à part et pas une ligne du budget général ?",
      "Combien de communs ont été retenus ?",
    ])
      expect(excludedThing(q)).toBeNull();
  });

  it("an answer states the thing when it holds its words", () => {
    const thing = analyze("le diagnostic");
    expect(statesExcluded(thing, new Set(analyze("Le DLA commence par un diagnostic partagé de l'association.")))).toBe(true);
    expect(statesExcluded(thing, new Set(analyze("Le DLA finance aussi des formations collectives.")))).toBe(false);
  });
});

describe("with the knowledge", () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime({ llm: null });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a question setting a place aside is not answered with that place", async () => {
    const r = await t.runtime.answerer.ask("En dehors de Nîmes, dans quelles villes y a-t-il une Maison du Conseil départemental ?", { audience: "porteur" });
    expect(r.text).toMatch(/Alès/);
  });

  it("near-miss: the same subject asked without setting anything aside keeps its answer", async () => {
    const r = await t.runtime.answerer.ask("Où se trouve la Maison départementale à Nîmes ?", { audience: "porteur" });
    expect(r.text).toMatch(/Salvador-Allende/);
  });

  const chunk = (text: string) => partnerChunk("fonds-x", text);
  const extract = (question: string, text: string) => {
    const hits: Hit[] = [{ chunk: chunk(text), score: 1, coverage: 0.9 }];
    return extractAnswer(t.runtime.retriever, t.runtime.retriever.analyzeQuery(question), question, hits).text;
  };

  it("keeps « Ce plafond… » after the sentence giving the ceiling, though it shares no word with the question", () => {
    const text =
      "Le fonds Semailles prête aux maraîchers gardois. Le prêt du fonds Semailles peut atteindre 15 000 €. Ce plafond est relevé pour une installation en zone de montagne. Les remboursements commencent après un an.";
    expect(extract("Le prêt du fonds Semailles peut-il dépasser 15 000 € ?", text)).toMatch(/Ce plafond est relevé/);
  });

  it("near-miss: a « Ce plafond… » sentence after one without a figure is not pulled in", () => {
    const text =
      "Le fonds Semailles prête aux maraîchers gardois sans caution. Ce plafond dépend des ressources du foyer et de la saison. Les remboursements commencent après un an.";
    expect(extract("Le fonds Semailles prête-t-il aux maraîchers sans caution ?", text)).not.toMatch(/saison/);
  });
});
