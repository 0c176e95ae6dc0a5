/**
 * The answer cards (knowledge/reponses) can never invent: every card parses, cites
 * documents that exist, and every number, amount and year of its answer appears in
 * the text of one of the documents it cites. A broken card is reported, not loaded.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCards, numbersIn, type AnswerCard } from "../../src/knowledge/cards.js";
import { loadCorpus } from "../../src/knowledge/corpus.js";
import { loadDrafts } from "../../src/knowledge/drafts.js";
import type { KnowledgeDoc } from "../../src/knowledge/types.js";
import { KNOWLEDGE_DIR } from "../answer/helpers.js";

let cards: (AnswerCard & { file: string })[];
let errors: { file: string; message: string }[];
let docs: Map<string, string>;
let metas: Map<string, KnowledgeDoc["meta"]>;

beforeAll(async () => {
  ({ cards, errors } = loadCards(KNOWLEDGE_DIR));
  const corpus = await loadCorpus(KNOWLEDGE_DIR);
  docs = new Map(corpus.docs.map((d: KnowledgeDoc) => [d.meta.id, d.body]));
  metas = new Map(corpus.docs.map((d: KnowledgeDoc) => [d.meta.id, d.meta]));
}, 60_000);

describe("answer cards", () => {
  it("are at least 200, all valid, with unique ids", () => {
    expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
    expect(cards.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it("have no malformed draft waiting in reponses/brouillons", () => {
    expect(loadDrafts(KNOWLEDGE_DIR).errors).toEqual([]);
  });

  it("cite knowledge documents that exist", () => {
    const missing = cards.flatMap((c) => c.sources.filter((s) => !docs.has(s)).map((s) => `${c.id} → ${s}`));
    expect(missing).toEqual([]);
  });

  it("state no number, amount or year that none of their documents contains", () => {
    const invented: string[] = [];
    for (const c of cards) {
      const cited = numbersIn(c.sources.map((s) => docs.get(s) ?? "").join("\n"));
      for (const n of numbersIn(c.answer)) if (!cited.includes(n)) invented.push(`${c.id} : ${n}`);
    }
    expect(invented).toEqual([]);
  });

  it("shown to everyone and citing an agents' document also rest on a document everyone may read, not on the glossary alone", () => {
    // A card for project holders whose own documents are all for agents is cited by its glossary line only
    // (the entity's own document hidden): its answer would point to the definition, not to what it defines.
    const hidden = cards
      .filter((c) => c.audience !== "agent" && c.sources.some((s) => metas.get(s)?.audience === "agent"))
      .filter((c) => !c.sources.some((s) => metas.get(s)?.audience !== "agent" && metas.get(s)?.kind !== "glossary"))
      .map((c) => `${c.id} → ${c.sources.join(", ")}`);
    expect(hidden).toEqual([]);
  });

  it("cover every support process with at least three cards", () => {
    const processes = [...docs.keys()].filter((id) => cards.some((c) => c.sources.includes(id)));
    for (const p of ["dla", "france-active", "appel-a-communs", "agrement-esus", "cae", "scic-participation", "region-occitanie", "commande-publique"])
      expect(cards.filter((c) => c.sources.includes(p)).length, p).toBeGreaterThanOrEqual(3);
    expect(processes.length).toBeGreaterThan(20);
  });
});

describe("card loading", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cards-"));
    mkdirSync(path.join(dir, "reponses"), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a card with too few phrasings and loads the valid one", () => {
    const good = [
      "---",
      "id: rep-ok",
      "questions: [a1 ?, a2 ?, a3 ?, a4 ?, a5 ?]",
      'answer: "Une réponse assez longue."',
      "sources: [dla]",
      "status: confirmed",
      "updated: 2026-12-04",
      "---",
      "",
    ].join("\n");
    const bad = [
      "---",
      "id: rep-ko",
      "questions: [une seule ?]",
      'answer: "Une réponse assez longue."',
      "sources: [dla]",
      "status: confirmed",
      "updated: 2026-12-04",
      "---",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "reponses", "ok.md"), good);
    writeFileSync(path.join(dir, "reponses", "ko.md"), bad);
    writeFileSync(path.join(dir, "reponses", "binaire.md"), Buffer.from([0, 1, 2, 255, 254]));
    const r = loadCards(dir);
    expect(r.cards.map((c) => c.id)).toEqual(["rep-ok"]);
    expect(r.errors.map((e) => e.file).sort()).toEqual(["reponses/binaire.md", "reponses/ko.md"]);
  });
});
