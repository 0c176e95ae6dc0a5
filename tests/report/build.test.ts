import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, groupQuestions, isoWeek, type Report } from "../../src/report/build.js";
import { loadAxisMapping } from "../../src/report/axes.js";
import { PROCESS_IDS } from "../../src/domain/ids.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { NOW, PERIOD, seededPostgres, seededSqlite, type Seeded } from "./seed.js";
import { PG_AVAILABLE, createTestDatabase } from "../storage/pg-helper.js";

const setups: { name: string; skip: boolean; make: () => Promise<Seeded & { dropDb?: () => Promise<void> }> }[] = [
  { name: "sqlite", skip: false, make: seededSqlite },
  {
    name: "postgres",
    skip: !PG_AVAILABLE,
    make: async () => {
      const db = await createTestDatabase();
      const s = await seededPostgres(db.url);
      return { ...s, dropDb: db.drop };
    },
  },
];

for (const setup of setups) {
  describe.skipIf(setup.skip)(`buildReport on a seeded dataset — ${setup.name}`, () => {
    let seeded: Seeded & { dropDb?: () => Promise<void> };
    let r: Report;
    beforeAll(async () => {
      seeded = await setup.make();
      r = await buildReport(seeded.storage, { ...PERIOD, now: NOW });
    });
    afterAll(async () => {
      await seeded?.cleanup();
      await seeded?.dropDb?.();
    });

    it("headline counts", () => {
      expect(r.interactions).toBe(10);
      expect(r.answered).toBe(7);
      expect(r.refused).toBe(3);
      expect(r.ratings).toEqual({ up: 4, down: 3, satisfactionRate: 4 / 7 });
      expect(r.frictions).toBe(6);
      expect(r.handoffs).toEqual({ count: 2, open: 2, answered: 0, medianHoursToAnswer: null });
      expect(r.openHandoffs).toBe(2);
      expect(r.unansweredCount).toBe(6);
      expect(r.period).toEqual({ from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z" });
    });

    it("volumes by channel, audience and route", () => {
      const counts = (xs: { key: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.key, x.count]));
      expect(counts(r.volumes.byChannel)).toEqual({ slack: 5, teams: 3, cli: 1, web: 1 });
      expect(r.volumes.byChannel[0]).toEqual({ key: "slack", label: "Slack", count: 5 });
      expect(counts(r.volumes.byAudience)).toEqual({ porteur: 6, agent: 4 });
      expect(counts(r.volumes.byRoute)).toEqual({
        aucun: 3,
        "appel-a-communs": 2,
        dla: 2,
        "commande-publique": 1,
        "mecenat-fondations": 1,
        "france-active": 1,
      });
      expect(r.volumes.refusalRate).toBeCloseTo(0.3);
    });

    it("comments on negative ratings, with the rated question", () => {
      expect(r.downComments.map((c) => [c.comment, c.question])).toEqual([
        ["Hors sujet", "Question de février hors période"],
        ["Montant pas à jour", "Quel montant pour un pacte émergence ?"],
      ]);
    });

    it("friction by step × process, blocker, severity and territory", () => {
      expect(r.friction.byStepProcess.map((c) => [c.step, c.process, c.count])).toEqual([
        ["information-orientation", "region-occitanie", 1],
        ["eligibilite", "dla", 1],
        ["depot", "appel-a-communs", 2],
        ["depot", "incubation-innovation-sociale", 1],
        ["versement", "commande-publique", 1],
      ]);
      expect(r.friction.byStep.map((c) => [c.key, c.count])).toEqual([
        ["information-orientation", 1],
        ["eligibilite", 1],
        ["depot", 3],
        ["versement", 1],
      ]);
      expect(Object.fromEntries(r.friction.byBlocker.map((c) => [c.key, c.count]))).toEqual({
        delai: 2,
        "outil-numerique": 1,
        "critere-flou": 1,
        "mauvais-interlocuteur": 1,
        "piece-justificative": 1,
      });
      expect(r.friction.bySeverity.map((c) => [c.key, c.count])).toEqual([
        ["3", 2],
        ["2", 2],
        ["1", 2],
      ]);
      expect(r.friction.contactOk).toBe(3);
      expect(r.friction.byTerritory).toEqual([
        { territory: "Alès Agglomération", level: "epci", count: 2 },
        { territory: "Nîmes Métropole", level: "epci", count: 2 },
        { territory: "CC Pays d'Uzès", level: "epci", count: 1 },
        { territory: "Sauve", level: "commune", count: 1 },
      ]);
      expect(r.friction.items).toHaveLength(6);
    });

    it("friction against the schema axes (working-assumption mapping)", () => {
      expect(r.friction.byAxis.map((a) => [a.axis, a.count])).toEqual([
        ["axe-1-cooperations", 2],
        ["axe-2-promotion", 0],
        ["axe-3-acteurs-ressources", 1],
        ["axe-4-innovation-sociale", 1],
        ["axe-transversal", 1],
        ["hors-schema", 1],
      ]);
      expect(r.friction.byAxis[0]!.processes).toEqual(["appel-a-communs"]);
      expect(r.friction.axisMappingNote).toMatch(/hypothèse de travail/);
    });

    it("trend by ISO week, gaps filled over the period", () => {
      expect(r.trend.map((w) => [w.week, w.interactions, w.refused, w.frictions, w.up, w.down])).toEqual([
        ["2025-W09", 0, 0, 0, 0, 1],
        ["2025-W10", 3, 1, 1, 2, 0],
        ["2025-W11", 3, 1, 2, 2, 0],
        ["2025-W12", 2, 1, 1, 0, 1],
        ["2025-W13", 1, 0, 2, 0, 1],
        ["2025-W14", 1, 0, 0, 0, 0],
      ]);
      expect(r.trend[1]!.weekStart).toBe("2025-03-03");
    });

    it("top unanswered questions, near-identical ones grouped", () => {
      expect(r.topUnanswered[0]).toMatchObject({ question: "Quel est le budget de l'axe 2 ?", count: 2, refused: 2, ratedDown: 0 });
      expect(r.topUnanswered[0]!.variants).toHaveLength(2);
      expect(r.topUnanswered).toHaveLength(5);
      expect(r.topUnanswered.slice(1).map((q) => q.count)).toEqual([1, 1, 1, 1]);
      expect(r.topUnanswered.map((q) => q.question)).toEqual(
        expect.arrayContaining([
          "Quelle est la date limite de l'appel à communs ?",
          "Combien de structures faut-il pour un commun ?",
          "Quel montant pour un pacte émergence ?",
          "Question de février hors période",
        ]),
      );
    });

    it("open handoffs with their age in days, oldest first", () => {
      expect(r.openHandoffList.map((h) => [h.id, h.ageDays])).toEqual([
        [seeded.ids.h3, 49],
        [seeded.ids.h1, 26],
      ]);
      expect(r.openHandoffList[1]!.processLabel).toBe("Mission ESS du Département");
    });

    it("without a period, counts everything", async () => {
      const all = await buildReport(seeded.storage, { now: NOW });
      expect(all.interactions).toBe(11);
      expect(all.frictions).toBe(7);
      expect(all.ratings).toMatchObject({ up: 5, down: 3 });
      expect(all.handoffs.count).toBe(4);
      expect(all.openHandoffs).toBe(3);
    });
  });
}

describe("report helpers", () => {
  it("ISO weeks across year boundaries", () => {
    expect(isoWeek(new Date("2024-12-30T12:00:00Z"))).toEqual({ week: "2025-W01", weekStart: "2024-12-30" });
    expect(isoWeek(new Date("2021-01-03T12:00:00Z"))).toEqual({ week: "2020-W53", weekStart: "2020-12-28" });
    expect(isoWeek(new Date("2025-03-08T00:00:00Z")).week).toBe("2025-W10");
  });

  it("groups near-identical questions but not different ones", () => {
    const at = "2025-03-01T00:00:00.000Z";
    const groups = groupQuestions(
      [
        { question: "Quel est le budget de l'appel à communs ?", reason: "refused", createdAt: at },
        { question: "quel est le BUDGET de l’appel a communs", reason: "rated-down", createdAt: at },
        { question: "Quel est le budget du DLA ?", reason: "refused", createdAt: at },
      ],
      10,
    );
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
    expect(groups[0]).toMatchObject({ refused: 1, ratedDown: 1 });
  });

  it("the axis mapping covers every process and marks itself as a working assumption", () => {
    const m = loadAxisMapping();
    expect(m.status).toBe("hypothese-de-travail");
    for (const p of PROCESS_IDS) expect(m.axes.map((a) => a.id)).toContain(m.byProcess[p]);
    expect(m.byProcess["appel-a-communs"]).toBe("axe-1-cooperations");
    expect(m.byProcess["mecenat-fondations"]).toBe("axe-3-acteurs-ressources");
    expect(m.byProcess["incubation-innovation-sociale"]).toBe("axe-4-innovation-sociale");
    expect(m.byProcess["commande-publique"]).toBe("axe-transversal");
    expect(m.byProcess["scic-participation"]).toBe("axe-transversal");
  });

  it("an empty storage gives a zero report", async () => {
    const s = new MemoryStorage();
    const r = await buildReport(s, { now: NOW });
    expect([r.interactions, r.ratings.up, r.ratings.down, r.frictions, r.handoffs.count, r.unansweredCount]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.handoffs).toEqual({ count: 0, open: 0, answered: 0, medianHoursToAnswer: null });
    expect([r.unanswered, r.frictionReports, r.thumbsDown, r.answeredHandoffList]).toEqual([[], [], [], []]);
    expect(r.ratings.satisfactionRate).toBeNull();
    expect(r.trend).toEqual([]);
  });
});
