/**
 * A known gap asked by a follow-up that a sentence of its topic's documents states whole (« et si je suis en Ardèche ? »
 * after a cooperative whose page says it is active « dans le Gard et en Ardèche »). Wordings written for this test; the
 * topic's documents are given as their analysed sentences.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";
import { phraseTokens } from "../../src/retrieval/phrases.js";

const guards = Guards.load();
const sentences = (...texts: string[]) => texts.map((t) => phraseTokens(t));
const topic = "Une coopérative d'activité et d'emploi, ça sert à quoi ?";
const followUp = "et si on vit en Ardèche ?";
const read = `${followUp} — ${topic}`;

describe("a known gap its topic's documents state", () => {
  it("is a gap when no sentence of the topic's documents states it", () => {
    expect(guards.gap(read, followUp)).not.toBeNull();
    const silent = sentences("La coopérative d'activité et d'emploi accueille des entrepreneurs-salariés dans le Gard.");
    expect(guards.gap(read, followUp, { stated: silent })).not.toBeNull();
  });

  it("is no gap when one sentence states it whole", () => {
    const stating = sentences("Cette coopérative d'activité et d'emploi accueille des entrepreneurs dans le Gard et en Ardèche.");
    expect(guards.gap(read, followUp, { stated: stating })).toBeNull();
  });

  it("stays a gap when the part is named in one sentence and the rest in another", () => {
    const split = sentences("La coopérative est présente en Ardèche.", "Une coopérative d'activité et d'emploi accueille des entrepreneurs.");
    expect(guards.gap(read, followUp, { stated: split })).not.toBeNull();
  });

  it("stays a gap for a question asked alone, whatever sentences are given", () => {
    const stating = sentences("Cette coopérative d'activité et d'emploi accueille des entrepreneurs dans le Gard et en Ardèche.");
    expect(guards.gap("Quelles aides propose le département de l'Ardèche ?", undefined, { stated: stating })).not.toBeNull();
  });

  it("stays a gap when the sentence names another place of the gap than the one asked", () => {
    const other = sentences("Cette coopérative d'activité et d'emploi accueille des entrepreneurs dans le Gard et en Lozère.");
    expect(guards.gap(read, followUp, { stated: other })).not.toBeNull();
  });
});
