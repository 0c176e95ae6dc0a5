import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../src/storage/memory.js";
import { withScrubbing } from "../../src/storage/scrubbing.js";
import { createStorage, SqliteStorage } from "../../src/storage/index.js";

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
    const h = await s.createHandoff({ process: "dla", userHash: "h", channel: "slack", conversationKey: "k", summary: "Rappeler au 0612345678", question: "q a.b@c.fr", facts: {}, sources: [] });
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
      expect(await (s as SqliteStorage).appliedMigrations()).toEqual([1, 2]);
      const fid = await s.recordFriction({
        step: "depot", blocker: "autre", process: "dla", commune: "Alès", description: "mail: x@y.fr", severity: 1, contactOk: false, userHash: "h", channel: "cli",
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
});
