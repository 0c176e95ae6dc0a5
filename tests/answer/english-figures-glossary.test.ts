/**
 * English questions: the figure an English wording asks without « combien » (a duration, a ceiling, a floor, a year), and
 * the glossary entry an English question only shares words with (its English equivalents) but does not name.
 */
import { describe, expect, it } from "vitest";
import { documentsFirst } from "../../src/answer/answerer.js";
import { questionType } from "../../src/answer/extractive.js";
import { entryTerms, namesEntry } from "../../src/answer/glossary-entry.js";
import type { Hit } from "../../src/retrieval/retriever.js";

describe("the figure an English question asks", () => {
  it("a duration, a ceiling, a floor or a size is a figure, even asked by « what is »", () => {
    expect(questionType("How long does the support programme take?")).toBe("number");
    expect(questionType("what's the max for a microloan?")).toBe("number");
    expect(questionType("What is the minimum number of members for a cooperative?")).toBe("number");
    expect(questionType("How big is the yearly envelope?")).toBe("number");
  });

  it("a year asked by « which year » is a date", () => {
    expect(questionType("Until which year will the roadmap apply?")).toBe("date");
  });

  it("near misses keep their reading: a definition, a place, a French question", () => {
    expect(questionType("What is a cooperative?")).toBe("definition");
    expect(questionType("What is the incubator in Montpellier?")).toBe("definition");
    expect(questionType("Where is the office?")).toBe("where");
    expect(questionType("Combien de temps dure l'accompagnement ?")).toBe("number");
    expect(questionType("C'est quoi une SCIC ?")).toBe("definition");
  });
});

const entry = {
  headingPath: ["Glossaire", "XYZ et ABC : appel à idées et appel à candidatures"],
  text: "XYZ signifie appel à idées (en anglais : call for ideas, ou ideas call). ABC signifie appel à candidatures (call for applications).",
};

describe("what a glossary entry names", () => {
  it("reads the terms of its heading and the equivalents in its brackets", () => {
    expect(entryTerms(entry)).toEqual(
      expect.arrayContaining(["XYZ", "ABC", "appel à idées", "appel à candidatures", "call for ideas", "ideas call", "call for applications"]),
    );
  });

  it("an English question naming a term whole names the entry; one sharing a word of it does not", () => {
    expect(namesEntry("Is the Gard scheme a call for ideas?", entry)).toBe(true);
    expect(namesEntry("what does XYZ mean?", entry)).toBe(true);
    expect(namesEntry("and how many ideas can one group send?", entry)).toBe(false);
    expect(namesEntry("can you call us back about our application?", entry)).toBe(false);
  });
});

describe("a glossary entry an English question does not name comes after the documents", () => {
  const hit = (docId: string, kind: string, coverage: number, text = "", headingPath: string[] = []) =>
    ({ chunk: { id: docId, docId, kind, text, headingPath }, score: 0, coverage }) as unknown as Hit;
  const glossary = (coverage: number) => hit("glossaire", "glossary", coverage, entry.text, entry.headingPath);

  it("behind every document passage, even one that covers less, when the question does not name it", () => {
    const hits = [glossary(0.8), hit("doc-a", "process", 0.5), hit("doc-b", "partner", 0.4)];
    expect(documentsFirst(true, hits, "and how many ideas can one group send?").map((h) => h.chunk.docId)).toEqual(["doc-a", "doc-b", "glossaire"]);
  });

  it("in its place when the question names it, or with no question given, or for a French question", () => {
    const hits = [glossary(0.8), hit("doc-a", "process", 0.5)];
    expect(documentsFirst(true, hits, "What is a call for ideas?")[0]!.chunk.docId).toBe("glossaire");
    expect(documentsFirst(true, hits)[0]!.chunk.docId).toBe("glossaire");
    expect(documentsFirst(false, hits, "combien d'idées par groupe ?")[0]!.chunk.docId).toBe("glossaire");
  });
});
