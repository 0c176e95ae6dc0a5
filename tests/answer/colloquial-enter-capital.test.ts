/**
 * « rentrer dans une SCIC » for « entrer au capital d'une SCIC », and « 0 salarié » for « sans salarié »
 * (knowledge/lexique/familier.yaml), in wordings written for this test: read as the plain words, they find the answer
 * the plain question gets; « rentrer dans le détail » keeps its meaning.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../src/retrieval/analyzer.js";
import { Lexicon } from "../../src/retrieval/normalize.js";
import { KNOWLEDGE_DIR, sharedRuntime } from "./helpers.js";

const lexicon = Lexicon.load(KNOWLEDGE_DIR);
const read = (q: string) => lexicon.apply(fold(q));

describe("everyday words for entering a SCIC's capital and having no employee", () => {
  it("reads them as the plain words", () => {
    expect(read("la mairie peut rentrer dans une SCIC ?")).toContain("entrer au capital d'une scic");
    expect(read("le dpt peut rentrer ds une scic ou pas")).toContain("entrer au capital d'une scic");
    expect(read("on a 0 salariés, c'est grave ?")).toContain("sans salarie");
    // « rentrer dans le détail », « ne rentre dans aucune case » keep their meaning
    expect(read("on peut rentrer dans le détail du budget ?")).toContain("rentrer dans le detail");
    expect(read("notre projet ne rentre dans aucune case")).toContain("rentre dans aucune case");
  });

  const t = sharedRuntime({ llm: null });
  it.each([
    ["le département il peut rentrer dans une scic ?", /50 %/],
    ["Une asso à 0 salarié peut avoir le DLA ?", /employeuse|salari/],
  ])("« %s » is answered", async (q, expected) => {
    const r = await t.runtime.answerer.ask(q, { audience: "porteur" });
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(expected);
  });
});
