/**
 * The report sections the ESS team acts on (issue 15): unanswered questions
 * grouped by similarity, friction reports grouped by blocker and by schema
 * axis, thumbs-down answers with their comments, handoffs open and answered
 * with time to answer, satisfaction with its count — in JSON, Markdown, HTML
 * and CSV, on SQLite, the memory store and PostgreSQL (when reachable). The
 * data is written straight into the backends, personal data included (no
 * scrubbing wrapper), so every format must scrub it itself.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, median, type Report } from "../../src/report/build.js";
import { loadCharts, renderCsv, renderHtml, renderJson, renderMarkdown } from "../../src/report/render.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { PostgresStorage } from "../../src/storage/postgres.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import type { FrictionRecord, HandoffRecord, InteractionRecord, Storage } from "../../src/storage/types.js";
import { PG_AVAILABLE, createTestDatabase } from "../storage/pg-helper.js";

beforeAll(loadCharts);

const PERIOD = { from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-04-01T00:00:00Z") };
const NOW = new Date("2025-04-01T00:00:00Z");

/** Personal data written into the store: none of it may appear in any format. */
const PII = [
  "jean.martin@example.org",
  "06 12 34 56 78",
  "Marie Dupont",
  "04 66 76 76 76",
  "paul.durand@example.org",
  "06 98 76 54 32",
  "Jeanne Moreau",
  "0612345678",
  "Lucie Bernard",
];

type Backdate = (id: string, fields: { createdAt: string; answeredAt?: string }) => Promise<void>;

const interaction = (createdAt: string, question: string, refused: boolean, answer = "Réponse sourcée [1]."): InteractionRecord => ({
  createdAt,
  channel: "slack",
  audience: "porteur",
  userHash: "u-1",
  conversationKey: "slack:conv:u-1",
  question,
  answer: refused ? "Je ne sais pas répondre à cette question." : answer,
  sources: refused ? [] : ["doc-1"],
  route: refused ? null : "dla",
  refused,
  latencyMs: 100,
});

const friction = (
  createdAt: string,
  blocker: FrictionRecord["blocker"],
  process: FrictionRecord["process"],
  step: FrictionRecord["step"],
  commune: string,
  severity: number,
  description: string,
): FrictionRecord => ({ createdAt, blocker, process, step, commune, severity, description, contactOk: false, userHash: "u-2", channel: "teams" });

async function seed(storage: Storage, backdate: Backdate): Promise<Record<string, string>> {
  await storage.migrate();
  const ids: Record<string, string> = {};
  // Three phrasings of one refused question, and one refused question with a phone number.
  await storage.recordInteraction(interaction("2025-03-03T09:00:00Z", "Quel est le budget de l'appel à projets ESS ?", true));
  await storage.recordInteraction(interaction("2025-03-04T09:00:00Z", "quel est le budget de l’appel à projets ESS", true));
  await storage.recordInteraction(interaction("2025-03-05T09:00:00Z", "Quel est le budget de l'appel a projets ESS ?", true));
  await storage.recordInteraction(interaction("2025-03-06T09:00:00Z", "Mon numéro est 06 12 34 56 78, qui contacter pour le FSE ?", true));
  // Rated answers: one up, three down (two with a comment, one of which carries personal data, one a spreadsheet formula).
  const up = await storage.recordInteraction(interaction("2025-03-07T09:00:00Z", "Le DLA est-il gratuit ?", false));
  const down1 = await storage.recordInteraction(
    interaction("2025-03-08T09:00:00Z", "Qui finance les SCIC ? Écrivez à jean.martin@example.org", false, "Les SCIC sont financées par…"),
  );
  const down2 = await storage.recordInteraction(interaction("2025-03-09T09:00:00Z", "Quel délai pour le DLA ?", false, "Le délai est de deux mois."));
  const down3 = await storage.recordInteraction(interaction("2025-03-10T09:00:00Z", "Comment devenir CAE ?", false, "Une CAE est…"));
  await storage.recordRating({ interactionId: up, userHash: "u-1", value: "up", createdAt: "2025-03-07T09:01:00Z" });
  await storage.recordRating({
    interactionId: down1,
    userHash: "u-1",
    value: "down",
    comment: "Réponse fausse, appelez Marie Dupont au 04 66 76 76 76",
    createdAt: "2025-03-08T09:01:00Z",
  });
  await storage.recordRating({
    interactionId: down2,
    userHash: "u-1",
    value: "down",
    comment: '=HYPERLINK("http://x") @SUM(A1)',
    createdAt: "2025-03-09T09:01:00Z",
  });
  await storage.recordRating({ interactionId: down3, userHash: "u-1", value: "down", createdAt: "2025-03-10T09:01:00Z" });
  Object.assign(ids, { down1, down2, down3 });

  // Frictions: two « délai » (two axes), one « pièce justificative »; personal data and hostile markup in descriptions.
  ids.f1 = await storage.recordFriction(
    friction("2025-03-11T10:00:00Z", "delai", "appel-a-communs", "depot", "Alès", 3, "Dossier bloqué depuis 3 mois, contact : paul.durand@example.org"),
  );
  ids.f2 = await storage.recordFriction(
    friction(
      "2025-03-12T10:00:00Z",
      "delai",
      "incubation-innovation-sociale",
      "instruction",
      "Nîmes",
      2,
      "Instruction trop longue <script>alert(1)</script> [voir](javascript:alert(2)) | colonne",
    ),
  );
  ids.f3 = await storage.recordFriction(
    friction(
      "2025-03-13T10:00:00Z",
      "piece-justificative",
      "appel-a-communs",
      "montage-dossier",
      "Uzès",
      1,
      "Attestation introuvable, appeler le 06 98 76 54 32",
    ),
  );

  // Handoffs: three answered in 6 h, 30 h and 12 h (median 12 h), one still open whose summary names the person.
  const create = (summary: string) =>
    storage.createHandoff({ process: "dla", userHash: "u-3", channel: "slack", conversationKey: "slack:conv:u-3", summary, facts: {}, sources: [] });
  const answered: [string, string][] = [
    ["2025-03-05T10:00:00Z", "2025-03-05T16:00:00Z"],
    ["2025-03-10T08:00:00Z", "2025-03-11T14:00:00Z"],
    ["2025-03-12T08:00:00Z", "2025-03-12T20:00:00Z"],
  ];
  for (const [i, [createdAt, answeredAt]] of answered.entries()) {
    const h = await create(`Demande ${i + 1}`);
    await storage.answerHandoff(h.id, { text: "Voici la réponse de l'équipe.", agent: "Équipe ESS" });
    await backdate(h.id, { createdAt, answeredAt });
    ids[`h${i + 1}`] = h.id;
  }
  const open = await create("Je suis Lucie Bernard, rappeler Jeanne Moreau au 0612345678");
  await backdate(open.id, { createdAt: "2025-03-20T09:00:00Z" });
  ids.open = open.id;
  return ids;
}

interface Setup {
  storage: Storage;
  backdate: Backdate;
  cleanup: () => Promise<void>;
}

const setups: { name: string; skip: boolean; make: () => Promise<Setup> }[] = [
  {
    name: "sqlite",
    skip: false,
    make: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-sections-"));
      const file = path.join(dir, "relais-ess.sqlite");
      const storage = new SqliteStorage(file);
      const backdate: Backdate = async (id, f) => {
        const db = new Database(file);
        db.pragma("busy_timeout = 5000");
        db.prepare("UPDATE handoffs SET created_at = ? WHERE id = ?").run(f.createdAt, id);
        if (f.answeredAt) db.prepare("UPDATE handoffs SET replied_at = ?, resolved_at = ? WHERE id = ?").run(f.answeredAt, f.answeredAt, id);
        db.close();
      };
      return {
        storage,
        backdate,
        cleanup: async () => {
          await storage.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "memory",
    skip: false,
    make: async () => {
      const storage = new MemoryStorage();
      const backdate: Backdate = async (id, f) => {
        const h = (storage as unknown as { handoffs: Map<string, HandoffRecord> }).handoffs.get(id)!;
        h.createdAt = f.createdAt;
        if (f.answeredAt) {
          h.resolvedAt = f.answeredAt;
          if (h.reply) h.reply.at = f.answeredAt;
        }
      };
      return { storage, backdate, cleanup: () => storage.close() };
    },
  },
  {
    name: "postgres",
    skip: !PG_AVAILABLE,
    make: async () => {
      const db = await createTestDatabase();
      const storage = new PostgresStorage(db.url);
      const backdate: Backdate = async (id, f) => {
        await storage.pool.query("UPDATE handoffs SET created_at = $1 WHERE id = $2", [f.createdAt, id]);
        if (f.answeredAt) await storage.pool.query("UPDATE handoffs SET replied_at = $1, resolved_at = $1 WHERE id = $2", [f.answeredAt, id]);
      };
      return {
        storage,
        backdate,
        cleanup: async () => {
          await storage.close();
          await db.drop();
        },
      };
    },
  },
];

for (const setup of setups) {
  describe.skipIf(setup.skip)(`report sections the ESS team acts on — ${setup.name}`, () => {
    let s: Setup;
    let ids: Record<string, string>;
    let r: Report;
    beforeAll(async () => {
      s = await setup.make();
      ids = await seed(s.storage, s.backdate);
      r = await buildReport(s.storage, { ...PERIOD, now: NOW });
    });
    afterAll(async () => s?.cleanup());

    it("JSON: unanswered questions grouped by similarity, with counts", () => {
      const json = JSON.parse(renderJson(r));
      expect(json.unanswered[0]).toEqual({ question: "Quel est le budget de l'appel à projets ESS ?", count: 3, refused: 3, ratedDown: 0, variants: 3 });
      expect(json.unanswered).toContainEqual({
        question: "Mon numéro est [téléphone], qui contacter pour le FSE ?",
        count: 1,
        refused: 1,
        ratedDown: 0,
        variants: 1,
      });
      expect(json.unanswered).toContainEqual({ question: "Comment devenir CAE ?", count: 1, refused: 0, ratedDown: 1, variants: 1 });
      expect(json.unanswered).toHaveLength(5);
      // The down-rated answers count as unanswered too (today's count is kept).
      expect(json.unansweredCount).toBe(7);
      expect(json.unanswered.reduce((n: number, q: { count: number }) => n + q.count, 0)).toBe(7);
    });

    it("JSON: friction reports with description, step, blocker, process, commune, severity and axis, grouped by blocker", () => {
      const json = JSON.parse(renderJson(r));
      expect(json.frictionReports.map((f: { id: string }) => f.id)).toEqual([ids.f1, ids.f2, ids.f3]);
      expect(json.frictionReports[0]).toMatchObject({
        description: "Dossier bloqué depuis 3 mois, contact : [email]",
        step: "depot",
        stepLabel: "Dépôt",
        blocker: "delai",
        blockerLabel: "Délai",
        process: "appel-a-communs",
        processLabel: "Appel à communs",
        commune: "Alès",
        severity: 3,
        axis: "axe-1-cooperations",
      });
      expect(json.frictionReports[1]).toMatchObject({ blocker: "delai", axis: "axe-4-innovation-sociale", commune: "Nîmes", severity: 2 });
      expect(json.frictionReports[2]).toMatchObject({ blocker: "piece-justificative", description: "Attestation introuvable, appeler le [téléphone]" });
    });

    it("JSON: thumbs-down answers with their comments, newest first", () => {
      const json = JSON.parse(renderJson(r));
      expect(json.thumbsDown).toEqual([
        { createdAt: expect.any(String), question: "Comment devenir CAE ?", answer: "Une CAE est…", route: "dla", comment: null },
        {
          createdAt: expect.any(String),
          question: "Quel délai pour le DLA ?",
          answer: "Le délai est de deux mois.",
          route: "dla",
          comment: '=HYPERLINK("http://x") @SUM(A1)',
        },
        {
          createdAt: expect.any(String),
          question: "Qui finance les SCIC ? Écrivez à [email]",
          answer: "Les SCIC sont financées par…",
          route: "dla",
          comment: "Réponse fausse, appelez [nom] au [téléphone]",
        },
      ]);
    });

    it("JSON: handoffs open and answered with the median time to answer; satisfaction with its count", () => {
      const json = JSON.parse(renderJson(r));
      expect(json.handoffs).toEqual({ count: 4, open: 1, answered: 3, medianHoursToAnswer: 12 });
      expect(json.answeredHandoffList.map((h: { id: string; hoursToAnswer: number }) => [h.id, h.hoursToAnswer])).toEqual([
        [ids.h1, 6],
        [ids.h2, 30],
        [ids.h3, 12],
      ]);
      expect(json.openHandoffList[0].summary).toBe("Je suis [nom], rappeler [nom] au [téléphone]");
      expect(json.ratings).toEqual({ up: 1, down: 3, satisfactionRate: 0.25 });
    });

    it("Markdown: every new section, with its figures", () => {
      const md = renderMarkdown(r);
      expect(md).toContain("| Taux de satisfaction | 25 % (1 avis positif sur 4) |");
      expect(md).toContain("| Délai médian de réponse aux mises en relation | 12 h |");
      expect(md).toContain("| Quel est le budget de l'appel à projets ESS ? | 3 | 3 | 0 | 3 |");
      expect(md).toContain("### Signalements par type de blocage");
      expect(md).toContain("#### Délai (2)");
      expect(md).toContain("#### Pièce justificative (1)");
      expect(md).toContain("### Signalements par axe du schéma");
      expect(md).toMatch(/#### Axe 1[^\n]*\(2\)/);
      expect(md).toContain("| 11/03/2025 | Dépôt | Appel à communs | Alès | 3 — blocage | Dossier bloqué depuis 3 mois, contact : [email] |");
      expect(md).toContain("### Réponses jugées « pas utiles »");
      expect(md).toContain("| 10/03/2025 | Comment devenir CAE ? | Une CAE est… | (sans commentaire) |");
      expect(md).toContain("## Mises en relation traitées sur la période");
      expect(md).toContain("| Dispositif local d'accompagnement (DLA) | Slack | 10/03/2025 | 11/03/2025 | 30 |");
      expect(md).toContain("1 en attente, 3 traitée(s) sur la période ; délai médian entre la demande et la réponse : 12 h.");
      // User text is neutralised: no HTML, no javascript: link, the table keeps its columns.
      expect(md).not.toMatch(/<script|\]\(\s*javascript:/i);
      expect(md).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt; voir \(lien retiré\)\)? \\\| colonne/);
    });

    it("HTML: every new section, escaped", () => {
      const html = renderHtml(r);
      expect(html).toContain("25 % (1 avis positif sur 4)");
      expect(html).toContain('<th scope="row">Quel est le budget de l&#39;appel à projets ESS ?</th><td class="num">3</td>');
      expect(html).toContain("<h3>Signalements par type de blocage</h3>");
      expect(html).toContain("<h4>Délai (2)</h4>");
      expect(html).toContain("<h3>Signalements par axe du schéma</h3>");
      expect(html).toContain("<h3>Réponses jugées « pas utiles »</h3>");
      expect(html).toContain("<td>Réponse fausse, appelez [nom] au [téléphone]</td>");
      expect(html).toContain("<caption>Mises en relation traitées sur la période</caption>");
      expect(html).toContain('<td>11/03/2025</td><td class="num">30</td>');
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    });

    it("CSV: every new section, injection-safe", () => {
      const lines = renderCsv(r).trimEnd().split("\r\n");
      expect(lines).toContain("synthese,nombre_avis,,4");
      expect(lines).toContain("synthese,mises_en_relation_traitees,,3");
      expect(lines).toContain("synthese,delai_median_reponse_heures,,12");
      expect(lines).toContain("sans_reponse,Quel est le budget de l'appel à projets ESS ?,nombre,3");
      expect(lines).toContain(`signalement,${ids.f2},axe,axe-4-innovation-sociale`);
      expect(lines).toContain(`signalement,${ids.f1},description,"Dossier bloqué depuis 3 mois, contact : [email]"`);
      expect(lines).toContain("avis_negatif,1,commentaire,");
      expect(lines).toContain(`avis_negatif,2,commentaire,"'=HYPERLINK(""http://x"") @SUM(A1)"`);
      expect(lines).toContain(`mise_en_relation_traitee,${ids.h2},delai_heures,30`);
    });

    it("no format shows the personal data that was stored", () => {
      for (const out of [renderJson(r), renderMarkdown(r), renderHtml(r), renderCsv(r)]) {
        for (const p of PII) expect(out).not.toContain(p);
        expect(out).toContain("[email]");
        expect(out).toContain("[téléphone]");
        expect(out).toContain("[nom]");
      }
    });
  });
}

describe("report helpers", () => {
  it("median of hours to answer", () => {
    expect(median([])).toBeNull();
    expect(median([30, 6, 12])).toBe(12);
    expect(median([6, 30])).toBe(18);
  });
});
