import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryStorage } from "../../src/storage/memory.js";
import { withScrubbing } from "../../src/storage/scrubbing.js";
import { createStorage, SqliteStorage } from "../../src/storage/index.js";
import { buildReport } from "../../src/report/build.js";
import { loadCharts, REPORT_FORMATS, renderReport } from "../../src/report/render.js";

beforeAll(loadCharts);

describe("withScrubbing", () => {
  it("scrubs user-written texts but not answers", async () => {
    const inner = new MemoryStorage();
    const s = withScrubbing(inner);
    const id = await s.recordInteraction({
      channel: "slack",
      audience: "porteur",
      userHash: "h",
      conversationKey: "k",
      question: "Je suis au 06 12 34 56 78, 12 rue des Lilas",
      answer: "Contactez le DLA au 04 66 00 00 00.",
      sources: [],
      route: "dla",
      refused: false,
      latencyMs: 1,
    });
    const back = await inner.getInteraction(id);
    expect(back?.question).toBe("Je suis au [téléphone], [adresse]");
    expect(back?.answer).toBe("Contactez le DLA au 04 66 00 00 00.");
    await s.recordRating({ interactionId: id, userHash: "h", value: "down", comment: "écrivez à a.b@c.fr" });
    await s.recordUnanswered({ question: "mon IBAN FR76 3000 6000 0112 3456 7890 189", reason: "refused", userHash: "h" });
    const h = await s.createHandoff({
      process: "dla",
      userHash: "h",
      channel: "slack",
      conversationKey: "k",
      summary: "Rappeler au 0612345678",
      question: "q a.b@c.fr",
      facts: {},
      sources: [],
    });
    expect(h.summary).toBe("Rappeler au [téléphone]");
    expect(h.question).toBe("q [email]");
    const data = await inner.reportData({});
    expect(data.ratings[0]!.comment).toBe("écrivez à [email]");
    expect(data.unanswered[0]!.question).toBe("mon IBAN [iban]");
    expect(s.kind).toBe("memory");
  });

  it("is applied by createStorage and keeps backend-specific methods", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-scrub-"));
    try {
      const s = await createStorage({ dataDir: dir });
      expect(s).toBeInstanceOf(SqliteStorage);
      expect(await (s as SqliteStorage).appliedMigrations()).toEqual([1, 2, 3]);
      const fid = await s.recordFriction({
        step: "depot",
        blocker: "autre",
        process: "dla",
        commune: "Alès",
        description: "mail: x@y.fr",
        severity: 1,
        contactOk: false,
        userHash: "h",
        channel: "cli",
      });
      const f = (await s.reportData({})).frictions.find((x) => x.id === fid);
      expect(f?.description).toBe("mail: [email]");
      await s.close();
      const raw = await createStorage({ dataDir: dir, scrub: false });
      await raw.recordRating({ interactionId: "i", userHash: "h", value: "down", comment: "x@y.fr" });
      expect((await raw.reportData({})).ratings[0]!.comment).toBe("x@y.fr");
      await raw.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("personal names and phones written by people reach no report format", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-scrub-report-"));
    try {
      const s = await createStorage({ dataDir: dir });
      const base = {
        channel: "slack" as const,
        audience: "porteur" as const,
        userHash: "h",
        conversationKey: "k",
        answer: "a",
        sources: [],
        route: "dla" as const,
        latencyMs: 1,
      };
      const id = await s.recordInteraction({ ...base, refused: true, question: "Je m'appelle Marie Durand, rappelez-moi au 06 12 345 678" });
      await s.recordRating({ interactionId: id, userHash: "h", value: "down", comment: "Pierre-Yves Le Gall n'a jamais eu de réponse" });
      await s.recordUnanswered({ interactionId: id, question: "Mme Rousseau demande le calendrier", reason: "refused", userHash: "h" });
      await s.recordFriction({
        step: "depot",
        blocker: "autre",
        process: "dla",
        commune: "Alès",
        description: "Dossier de Karim Benali bloqué, joignable au 06\u00a012\u00a034\u00a056\u00a078",
        severity: 2,
        contactOk: true,
        userHash: "h",
        channel: "slack",
      });
      await s.createHandoff({
        process: "dla",
        userHash: "h",
        channel: "slack",
        conversationKey: "k",
        summary: "Rappeler Sandrine Morel",
        question: "contact : Sandrine",
        facts: {},
        sources: [],
      });
      const report = await buildReport(s, {});
      for (const format of REPORT_FORMATS) {
        const out = renderReport(report, format);
        for (const secret of ["Marie", "Durand", "345 678", "Pierre-Yves", "Le Gall", "Rousseau", "Karim", "Benali", "Sandrine", "Morel", "56\u00a078"]) {
          expect(out.includes(secret), `${format} contains ${secret}`).toBe(false);
        }
        expect(out, format).toContain("[nom]");
        expect(out, format).toContain("Alès");
      }
      await s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
