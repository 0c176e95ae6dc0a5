/**
 * Draft answer cards (reponses/brouillons): written scrubbed from a question or an
 * answered handoff (real SQLite file), never used to answer, approved only when they
 * hold like a curated card; LiveCards follows the files without a restart.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LiveCards } from "../../src/answer/live-cards.js";
import { draftFromHandoff } from "../../src/conversation/teach.js";
import { AnswerCard, loadCards } from "../../src/knowledge/cards.js";
import { approveDraft, draftId, loadDrafts, TeachError, writeDraft } from "../../src/knowledge/drafts.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";

let dir: string;
const DOCS = new Map([
  ["dla", "Le DLA du Gard est gratuit. Il accompagne les structures employeuses de l'ESS depuis 2002."],
  ["cae", "Une coopérative d'activité et d'emploi accueille des entrepreneurs salariés."],
]);
const PHRASINGS = ["Le DLA paie-t-il un déménagement ?", "DLA et déménagement", "déménager avec le DLA ?", "Can the DLA fund our move?"];

function card(id: string, extra = ""): string {
  return [
    "---",
    `id: ${id}`,
    "questions: [a1 ?, a2 ?, a3 ?, a4 ?, a5 ?]",
    'answer: "Une réponse assez longue."',
    "sources: [dla]",
    "status: confirmed",
    "updated: 2026-12-04",
    extra,
    "---",
    "",
  ].join("\n");
}

function expectTeachError(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TeachError);
  expect((caught as Error).message).toMatch(message);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "relais-drafts-"));
  mkdirSync(path.join(dir, "reponses", "parcours"), { recursive: true });
  writeFileSync(path.join(dir, "reponses", "parcours", "rep-ok.md"), card("rep-ok"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writing a draft", () => {
  it("writes the scrubbed question as the first phrasing and the agent's text as the answer, status brouillon, sources to fill", () => {
    const d = writeDraft(dir, {
      question: "Bonjour, je m'appelle Jeanne Martin (jeanne.martin@example.org), le DLA paie-t-il notre déménagement ?",
      text: "Non : le DLA ne finance pas un déménagement. Écrivez à jeanne.martin@example.org pour en parler.",
      origin: "question sans réponse",
      proposedBy: "Camille",
    });
    expect(d.file).toBe(`reponses/brouillons/${d.id}.md`);
    const raw = readFileSync(path.join(dir, d.file), "utf8");
    expect(raw).not.toMatch(/Jeanne|Martin|example\.org/);
    const data = matter(raw).data;
    expect(data.status).toBe("brouillon");
    expect(data.sources).toEqual([]);
    expect(data.questions).toHaveLength(1);
    expect(data.questions[0]).toMatch(/le DLA paie-t-il notre déménagement \?/);
    expect(data.answer).toMatch(/^Non : le DLA ne finance pas un déménagement\./);
    expect(data.proposed_by).toBe("Camille");
    expect(d.id).toMatch(/^rep-[a-z0-9-]+$/);
    expect(d.id).not.toMatch(/nom|email/);
  });

  it("gives a second draft of the same question its own id, and is never loaded as a card", () => {
    const a = writeDraft(dir, { question: "Le DLA est-il payant ?", text: "Non, il est gratuit.", origin: "question sans réponse" });
    const b = writeDraft(dir, { question: "Le DLA est-il payant ?", text: "Non, il est gratuit.", origin: "question sans réponse" });
    expect(a.id).toBe("rep-le-dla-est-il-payant");
    expect(b.id).toBe("rep-le-dla-est-il-payant-2");
    expect(loadCards(dir).cards.map((c) => c.id)).toEqual(["rep-ok"]);
    expect(loadCards(dir).errors).toEqual([]);
    expect(
      loadDrafts(dir)
        .drafts.map((d) => d.id)
        .sort(),
    ).toEqual([a.id, b.id]);
  });

  it("makes ids from any text, however long or strange", () => {
    expect(draftId("???")).toBe("rep-question");
    expect(draftId("Ça coûte combien, l'agrément ESUS ?")).toBe("rep-ca-coute-combien-l-agrement-esus");
    expect(draftId("mot ".repeat(200)).length).toBeLessThanOrEqual(52);
  });

  it("reports a malformed draft file by name and still loads the others", () => {
    writeDraft(dir, { question: "Le DLA est-il payant ?", text: "Non, il est gratuit.", origin: "question sans réponse" });
    writeFileSync(path.join(dir, "reponses", "brouillons", "rep-casse.md"), "---\nid: rep-casse\nquestions: pas une liste\n---\n");
    writeFileSync(path.join(dir, "reponses", "brouillons", "rep-binaire.md"), Buffer.from([0, 1, 2, 255, 254]));
    const r = loadDrafts(dir);
    expect(r.drafts.map((d) => d.id)).toEqual(["rep-le-dla-est-il-payant"]);
    expect(r.errors.map((e) => e.file).sort()).toEqual(["reponses/brouillons/rep-binaire.md", "reponses/brouillons/rep-casse.md"]);
    expectTeachError(() => approveDraft(dir, "rep-casse", { sources: ["dla"], documents: DOCS }), /rep-casse\.md est mal formé/);
    expect(loadCards(dir).errors).toEqual([]);
  });
});

describe("approving a draft", () => {
  const draft = () =>
    writeDraft(dir, {
      question: "Le DLA paie-t-il notre déménagement ?",
      text: "Non : le DLA est gratuit, mais il ne finance pas un déménagement.",
      origin: "question sans réponse",
    });

  it("refuses without a source, with an unknown source, or with fewer than five phrasings, saying what to fix", () => {
    const d = draft();
    expectTeachError(() => approveDraft(dir, d.id, { questions: PHRASINGS, documents: DOCS }), /citez au moins un document/);
    expectTeachError(() => approveDraft(dir, d.id, { sources: ["dla", "inconnu"], questions: PHRASINGS, documents: DOCS }), /introuvable.*: inconnu/);
    expectTeachError(() => approveDraft(dir, d.id, { sources: ["dla"], questions: PHRASINGS.slice(0, 2), documents: DOCS }), /3 sur 5/);
    expectTeachError(() => approveDraft(dir, "rep-absent", { sources: ["dla"], documents: DOCS }), /Aucun brouillon.*rep-absent/);
    expect(existsSync(path.join(dir, d.file))).toBe(true);
    expect(loadCards(dir).cards).toHaveLength(1);
  });

  it("refuses an answer whose number is in none of its sources, and accepts it once the source that holds it is cited", () => {
    const d = writeDraft(dir, {
      question: "Depuis quand le DLA existe-t-il ?",
      text: "Le DLA accompagne les structures depuis 2002.",
      origin: "question sans réponse",
    });
    expectTeachError(
      () => approveDraft(dir, d.id, { sources: ["cae"], questions: PHRASINGS, documents: DOCS }),
      /cite 2002, absent des documents cités \(cae\)/,
    );
    const ok = approveDraft(dir, d.id, { sources: ["dla"], questions: PHRASINGS, documents: DOCS });
    expect(ok.sources).toEqual(["dla"]);
  });

  it("moves the draft to reponses/apprises as a confirmed card that loads like the others", () => {
    const d = draft();
    const approved = approveDraft(dir, d.id, {
      sources: ["dla"],
      questions: [...PHRASINGS, PHRASINGS[0]!],
      documents: DOCS,
      now: new Date("2026-12-05T10:00:00Z"),
    });
    expect(approved.file).toBe(`reponses/apprises/${d.id}.md`);
    expect(existsSync(path.join(dir, d.file))).toBe(false);
    const loaded = loadCards(dir);
    expect(loaded.errors).toEqual([]);
    const c = loaded.cards.find((x) => x.id === d.id)!;
    const { file: _file, ...fields } = c;
    expect(AnswerCard.safeParse(fields).success).toBe(true);
    expect(c.status).toBe("confirmed");
    expect(c.questions).toEqual(["Le DLA paie-t-il notre déménagement ?", ...PHRASINGS]);
    expect(c.updated.toISOString().slice(0, 10)).toBe("2026-12-05");
    expect(loadDrafts(dir).drafts).toEqual([]);
  });
});

describe("a draft from a handoff (SQLite)", () => {
  it("takes the handoff's question, the agent's reply and its process; refuses an unanswered or unknown handoff", async () => {
    const storage = new SqliteStorage(path.join(dir, "relais.sqlite"));
    await storage.migrate();
    try {
      const h = await storage.createHandoff({
        process: "dla",
        userHash: "u1",
        channel: "web",
        conversationKey: "web:c:-:u1",
        summary: "Questions posées :\n- Le DLA paie-t-il notre déménagement ?",
        question: "Le DLA paie-t-il notre déménagement ?",
        facts: {},
        sources: [],
      });
      await expect(draftFromHandoff(storage, h.id, { knowledgeDir: dir })).rejects.toThrow(/n'a pas encore de réponse/);
      await expect(draftFromHandoff(storage, "zzzzzzzz", { knowledgeDir: dir })).rejects.toThrow(/Aucune demande/);
      await storage.answerHandoff(h.id, { text: "Non, le DLA ne finance pas un déménagement.", agent: "Camille" });
      const d = await draftFromHandoff(storage, h.id.slice(0, 8), { knowledgeDir: dir });
      expect(d.questions).toEqual(["Le DLA paie-t-il notre déménagement ?"]);
      expect(d.answer).toBe("Non, le DLA ne finance pas un déménagement.");
      expect(d.route).toBe("dla");
      expect(d.origin).toBe(`mise en relation ${h.id.slice(0, 8)}`);
      expect(d.proposed_by).toBe("Camille");
      expect(loadDrafts(dir).drafts.map((x) => x.id)).toEqual([d.id]);
      await expect(draftFromHandoff(storage, h.id, { knowledgeDir: dir })).rejects.toThrow(`Un brouillon existe déjà pour cette demande : ${d.id}`);
      expect(loadDrafts(dir).drafts).toHaveLength(1);
    } finally {
      await storage.close();
    }
  });
});

describe("LiveCards", () => {
  it("rebuilds when a card file appears, at most once per interval, and keeps answering through a broken file", () => {
    let now = 0;
    const warnings: unknown[] = [];
    const live = new LiveCards({ knowledgeDir: dir, checkMs: 2000, now: () => now, logger: { warn: (o) => warnings.push(o) } });
    expect(live.current().cards.map((c) => c.id)).toEqual(["rep-ok"]);
    mkdirSync(path.join(dir, "reponses", "apprises"));
    writeFileSync(path.join(dir, "reponses", "apprises", "rep-new.md"), card("rep-new"));
    now = 1000;
    expect(live.current().size).toBe(1); // not looked at yet
    now = 2500;
    expect(live.current().cards.map((c) => c.id)).toEqual(["rep-new", "rep-ok"]);
    expect(live.version).toBe(1);
    // A draft changes nothing; a broken card is skipped and reported, the others stay.
    writeDraft(dir, { question: "Le DLA est-il payant ?", text: "Non, il est gratuit.", origin: "question sans réponse" });
    now = 5000;
    live.current();
    expect(live.version).toBe(1);
    writeFileSync(path.join(dir, "reponses", "apprises", "rep-casse.md"), "---\nid: [\n---\n");
    now = 7500;
    expect(live.current().cards.map((c) => c.id)).toEqual(["rep-new", "rep-ok"]);
    expect(JSON.stringify(warnings)).toMatch(/rep-casse\.md/);
    // An edit in place (same name, new time) is seen too.
    writeFileSync(
      path.join(dir, "reponses", "apprises", "rep-new.md"),
      card("rep-new").replace("Une réponse assez longue.", "Une autre réponse, plus longue."),
    );
    utimesSync(path.join(dir, "reponses", "apprises", "rep-new.md"), new Date(), new Date(Date.now() + 5000));
    now = 10_000;
    expect(live.current().cards.find((c) => c.id === "rep-new")!.answer).toBe("Une autre réponse, plus longue.");
  });

  it("follows a removed cards folder without throwing: no card answers any more", () => {
    let now = 0;
    const live = new LiveCards({ knowledgeDir: dir, checkMs: 0, now: () => now });
    expect(live.current().size).toBe(1);
    rmSync(path.join(dir, "reponses"), { recursive: true });
    now = 1;
    expect(live.current().size).toBe(0);
  });
});
