/**
 * Sentence choice for a follow-up read with the previous topic: the sentence that
 * answers the person's own words ("ça dure combien de temps ?") wins over one that
 * only repeats the topic's many words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractAnswer } from "../../src/answer/extractive.js";
import type { IndexedChunk } from "../../src/retrieval/index-store.js";
import type { Hit } from "../../src/retrieval/retriever.js";
import { testRuntime, type TestRuntime } from "./helpers.js";

let t: TestRuntime;
beforeAll(async () => {
  t = await testRuntime({ llm: null });
});
afterAll(async () => {
  await t?.close();
});

const chunk: IndexedChunk = {
  id: "test#0",
  docId: "test",
  title: "Un incubateur",
  kind: "process",
  nature: "dispositif",
  status: "confirmed",
  audience: "all",
  section: "",
  headingPath: [],
  text:
    "Cet incubateur d'innovation sociale accompagne en Occitanie les projets d'entreprise sociale à gouvernance partagée, comme une épicerie coopérative. " +
    "Le programme dure douze mois, à temps partiel.",
  tags: [],
};
const hits: Hit[] = [{ chunk, score: 1, coverage: 0.8 }];

describe("a follow-up's own words choose the sentence", () => {
  it("« ça dure combien de temps ? » read with an incubator topic gets the duration", () => {
    const combined = "ça dure combien de temps ? — projet d'épicerie coopérative en gouvernance partagée, un incubateur d'innovation sociale en Occitanie ?";
    const query = t.runtime.retriever.analyzeQuery(combined);
    const own = t.runtime.retriever.analyzeQuery("ça dure combien de temps ?");
    const focused = extractAnswer(t.runtime.retriever, query, combined, hits, { maxUnits: 1, focus: own });
    expect(focused.text).toMatch(/^Le programme dure douze mois/);
    // Without the person's own words, the topic's sentence leads.
    const plain = extractAnswer(t.runtime.retriever, query, combined, hits, { maxUnits: 1 });
    expect(plain.text).toMatch(/^Cet incubateur/);
  });
});

describe("a sentence qualifying the figure before it", () => {
  const rule: IndexedChunk = {
    ...chunk,
    id: "regle#0",
    docId: "regle",
    title: "Une règle de subvention",
    section: "La règle",
    text:
      "Une convention écrite est exigée au-delà de 40 000 € de subvention par an. Ce seuil s'apprécie par financeur et par bénéficiaire. " +
      "Les associations déclarent leurs comptes chaque année.",
  };
  const ruleHits: Hit[] = [{ chunk: rule, score: 1, coverage: 0.8 }];
  it("keeps the figure it qualifies when chosen", () => {
    const q = "comment s'apprécie ce seuil par financeur ?";
    const out = extractAnswer(t.runtime.retriever, t.runtime.retriever.analyzeQuery(q), q, ruleHits, { maxUnits: 1 });
    expect(out.text).toMatch(/^Une convention écrite est exigée au-delà de 40 000 €.*Ce seuil s'apprécie/);
  });
  it("a sentence naming its own subject stands alone", () => {
    const q = "les associations déclarent leurs comptes quand ?";
    const out = extractAnswer(t.runtime.retriever, t.runtime.retriever.analyzeQuery(q), q, ruleHits, { maxUnits: 1 });
    expect(out.text).toMatch(/^Les associations déclarent/);
  });
});
