/**
 * One contract, three backends: memory, SQLite (temp file) and PostgreSQL
 * (fresh database per run, skipped — and said so — when unreachable).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage, InteractionRecord, FrictionRecord } from "../../src/storage/types.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { PostgresStorage } from "../../src/storage/postgres.js";
import { createStorage } from "../../src/storage/index.js";
import { PG_AVAILABLE, createTestDatabase } from "./pg-helper.js";
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from "../../src/storage/migrations/index.js";

interface Backend {
  name: "memory" | "sqlite" | "postgres";
  skip: boolean;
  /** Prepares an empty backend location; returns a factory of (unmigrated) instances. */
  setup(): Promise<{ open: () => Storage; cleanup: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "memory",
    skip: false,
    async setup() {
      const shared = new MemoryStorage();
      return { open: () => shared, cleanup: async () => {} };
    },
  },
  {
    name: "sqlite",
    skip: false,
    async setup() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-sqlite-"));
      const file = path.join(dir, "test.sqlite");
      return { open: () => new SqliteStorage(file), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "postgres",
    skip: !PG_AVAILABLE,
    async setup() {
      const db = await createTestDatabase();
      return { open: () => new PostgresStorage(db.url), cleanup: db.drop };
    },
  },
];

const interaction = (over: Partial<InteractionRecord> = {}): InteractionRecord => ({
  channel: "slack",
  audience: "porteur",
  userHash: "user-a",
  conversationKey: "slack:C1:T1:user-a",
  question: "Comment répondre à l'appel à communs ?",
  answer: "Il faut être au moins trois structures [1].",
  sources: ["appel-a-communs#chunk-1"],
  route: "appel-a-communs",
  refused: false,
  latencyMs: 120,
  ...over,
});

const friction = (over: Partial<FrictionRecord> = {}): FrictionRecord => ({
  step: "depot",
  blocker: "outil-numerique",
  process: "appel-a-communs",
  commune: "Alès",
  communeCode: "30007",
  epci: "Alès Agglomération",
  description: "La plateforme refuse le dépôt du budget.",
  severity: 2,
  contactOk: true,
  userHash: "user-a",
  channel: "slack",
  ...over,
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`Storage contract — ${backend.name}`, () => {
    let env: Awaited<ReturnType<Backend["setup"]>>;
    let s: Storage;
    const extra: Storage[] = [];

    beforeAll(async () => {
      env = await backend.setup();
      s = env.open();
      // From empty (the dedicated "concurrent migrations from empty" suite checks that path in depth).
      await s.migrate();
    });
    afterAll(async () => {
      for (const x of extra) await x.close();
      await s?.close();
      await env?.cleanup();
    });

    it("re-runs migrations as a no-op", async () => {
      await s.migrate();
      await s.migrate();
      expect(s.kind).toBe(backend.name);
      expect(await s.ping()).toBe(true);
      if (s instanceof SqliteStorage || s instanceof PostgresStorage) {
        expect(await s.appliedMigrations()).toEqual([1, 2, 3]);
      }
      // A second instance on the same location sees the same schema and migrates as a no-op.
      if (backend.name !== "memory") {
        const other = env.open();
        extra.push(other);
        await other.migrate();
        expect(await other.ping()).toBe(true);
      }
    });

    it("stores, replaces and deletes conversation state as JSON", async () => {
      expect(await s.getState("k1")).toBeNull();
      const value = { step: "friction", asked: ["step"], data: { commune: "Nîmes", n: 3, ok: true, list: [1, "é"] } };
      await s.setState("k1", value);
      expect(await s.getState("k1")).toEqual(value);
      await s.setState("k1", { step: "done" });
      expect(await s.getState("k1")).toEqual({ step: "done" });
      await s.setState("k-string", "texte");
      expect(await s.getState("k-string")).toBe("texte");
      await s.deleteState("k1");
      expect(await s.getState("k1")).toBeNull();
      await s.deleteState("never-existed");
    });

    it("claims an event once", async () => {
      expect(await s.claimEvent("evt-1")).toBe(true);
      expect(await s.claimEvent("evt-1")).toBe(false);
      expect(await s.claimEvent("evt-2")).toBe(true);
    });

    it("dedupes 20 concurrent claims to exactly one winner", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => s.claimEvent("evt-concurrent")));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it.skipIf(backend.name === "memory")("dedupes concurrent claims across two storage instances", async () => {
      const other = env.open();
      extra.push(other);
      await other.migrate();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : s).claimEvent("evt-two-instances")));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await other.claimEvent("evt-two-instances")).toBe(false);
    });

    it("records and reads back an interaction with a random UUID", async () => {
      const id = await s.recordInteraction(interaction({ createdAt: "2025-03-10T09:00:00.000Z" }));
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const back = await s.getInteraction(id);
      expect(back).toEqual({ ...interaction(), id, createdAt: "2025-03-10T09:00:00.000Z" });
      expect(await s.getInteraction("00000000-0000-4000-8000-000000000000")).toBeNull();
      const refused = await s.recordInteraction(interaction({ refused: true, route: null, sources: [] }));
      const r = await s.getInteraction(refused);
      expect(r?.refused).toBe(true);
      expect(r?.route).toBeNull();
      expect(r?.sources).toEqual([]);
      expect(Date.parse(r!.createdAt!)).toBeGreaterThan(Date.now() - 60_000);
    });

    it("links channel messages to interactions", async () => {
      const id = await s.recordInteraction(interaction());
      await s.linkMessage("slack", "1712345678.000100", id);
      expect(await s.findInteractionByMessage("slack", "1712345678.000100")).toBe(id);
      expect(await s.findInteractionByMessage("teams", "1712345678.000100")).toBeNull();
      expect(await s.findInteractionByMessage("slack", "unknown")).toBeNull();
    });

    it("records ratings, frictions and unanswered questions, visible in reportData", async () => {
      const iid = await s.recordInteraction(interaction({ createdAt: "2030-01-07T10:00:00.000Z" }));
      const up = await s.recordRating({ interactionId: iid, userHash: "user-a", value: "up", createdAt: "2030-01-07T10:01:00.000Z" });
      const down = await s.recordRating({
        interactionId: iid,
        userHash: "user-b",
        value: "down",
        comment: "Réponse incomplète",
        createdAt: "2030-01-07T10:02:00.000Z",
      });
      const fid = await s.recordFriction(friction({ createdAt: "2030-01-08T10:00:00.000Z" }));
      const fid2 = await s.recordFriction(
        friction({ createdAt: "2030-01-08T11:00:00.000Z", communeCode: undefined, epci: undefined, contactOk: false, severity: 3 }),
      );
      const uid = await s.recordUnanswered({
        interactionId: iid,
        question: "Quel est le budget de l'axe 2 ?",
        reason: "rated-down",
        userHash: "user-b",
        createdAt: "2030-01-07T10:02:00.000Z",
      });
      const uid2 = await s.recordUnanswered({ question: "Sans interaction", reason: "refused", userHash: "user-c", createdAt: "2030-01-09T00:00:00.000Z" });

      const data = await s.reportData({ from: new Date("2030-01-01T00:00:00Z"), to: new Date("2030-02-01T00:00:00Z") });
      expect(data.interactions.map((i) => i.id)).toEqual([iid]);
      expect(data.ratings).toEqual([
        { id: up, createdAt: "2030-01-07T10:01:00.000Z", interactionId: iid, userHash: "user-a", value: "up" },
        { id: down, createdAt: "2030-01-07T10:02:00.000Z", interactionId: iid, userHash: "user-b", value: "down", comment: "Réponse incomplète" },
      ]);
      expect(data.frictions).toEqual([
        { ...friction(), id: fid, createdAt: "2030-01-08T10:00:00.000Z" },
        {
          ...friction({ contactOk: false, severity: 3 }),
          communeCode: undefined,
          epci: undefined,
          id: fid2,
          createdAt: "2030-01-08T11:00:00.000Z",
        },
      ]);
      expect(data.frictions[1]).not.toHaveProperty("epci");
      expect(data.unanswered).toEqual([
        {
          id: uid,
          createdAt: "2030-01-07T10:02:00.000Z",
          interactionId: iid,
          question: "Quel est le budget de l'axe 2 ?",
          reason: "rated-down",
          userHash: "user-b",
        },
        { id: uid2, createdAt: "2030-01-09T00:00:00.000Z", question: "Sans interaction", reason: "refused", userHash: "user-c" },
      ]);
    });

    it("filters reportData by [from, to)", async () => {
      await s.recordInteraction(interaction({ createdAt: "2031-05-01T00:00:00.000Z", question: "borne basse" }));
      await s.recordInteraction(interaction({ createdAt: "2031-05-31T23:59:59.999Z", question: "dernier instant" }));
      await s.recordInteraction(interaction({ createdAt: "2031-06-01T00:00:00.000Z", question: "borne haute exclue" }));
      const may = await s.reportData({ from: new Date("2031-05-01T00:00:00Z"), to: new Date("2031-06-01T00:00:00Z") });
      expect(may.interactions.map((i) => i.question)).toEqual(["borne basse", "dernier instant"]);
      const after = await s.reportData({ from: new Date("2031-05-15T00:00:00Z") });
      expect(after.interactions.map((i) => i.question)).toEqual(["dernier instant", "borne haute exclue"]);
      const all = await s.reportData({});
      expect(all.interactions.length).toBeGreaterThanOrEqual(3);
    });

    it("creates, lists and resolves handoffs", async () => {
      const h = await s.createHandoff({
        process: "mission-ess-departement",
        userHash: "user-h",
        channel: "teams",
        conversationKey: "teams:conv-h",
        summary: "Demande de rendez-vous sur le schéma",
        question: "Qui contacter ?",
        facts: { structure: "association", salaries: 3 },
        sources: ["schema-ess-gard"],
      });
      expect(h.status).toBe("open");
      expect(h.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(h.resolvedAt).toBeUndefined();
      expect(await s.getHandoff(h.id)).toEqual(h);
      const h2 = await s.createHandoff({
        process: "dla",
        userHash: "user-i",
        channel: "slack",
        conversationKey: "slack:conv-i",
        summary: "DLA",
        facts: {},
        sources: [],
      });
      expect(h2.question).toBeUndefined();
      expect((await s.listHandoffs("open")).map((x) => x.id)).toEqual(expect.arrayContaining([h.id, h2.id]));
      const resolved = await s.resolveHandoff(h.id);
      expect(resolved?.status).toBe("resolved");
      expect(resolved?.resolvedAt).toBeTruthy();
      expect((await s.listHandoffs("open")).map((x) => x.id)).not.toContain(h.id);
      expect((await s.listHandoffs("resolved")).map((x) => x.id)).toContain(h.id);
      expect((await s.listHandoffs()).map((x) => x.id)).toEqual(expect.arrayContaining([h.id, h2.id]));
      expect(await s.resolveHandoff("00000000-0000-4000-8000-000000000000")).toBeNull();
      expect(await s.getHandoff("00000000-0000-4000-8000-000000000000")).toBeNull();
    });

    it("records one answer per handoff, resolves it, and a second answer gets the first one back", async () => {
      const h = await s.createHandoff({
        process: "dla",
        userHash: "user-r",
        channel: "slack",
        conversationKey: "slack:conv-r",
        summary: "DLA",
        facts: {},
        sources: [],
        replyVia: "email",
      });
      expect(h.replyVia).toBe("email");
      expect(h.reply).toBeUndefined();
      await s.setHandoffContact(h.id, "email", "ada@example.org");
      await s.setHandoffContact(h.id, "origin", JSON.stringify({ channel: "C1", thread: "1.2" }));
      expect(await s.getHandoffContacts(h.id)).toEqual({ email: "ada@example.org", origin: JSON.stringify({ channel: "C1", thread: "1.2" }) });
      const first = await s.answerHandoff(h.id, { text: "Voici la réponse de l'équipe.", agent: "Camille" });
      expect(first?.first).toBe(true);
      expect(first?.handoff.status).toBe("resolved");
      expect(first?.handoff.resolvedAt).toBeTruthy();
      expect(first?.handoff.reply).toMatchObject({ text: "Voici la réponse de l'équipe.", agent: "Camille" });
      expect(Date.parse(first!.handoff.reply!.at)).not.toBeNaN();
      // The address was kept only to answer: it is gone once answered; the conversation reference stays.
      expect(await s.getHandoffContacts(h.id)).toEqual({ origin: JSON.stringify({ channel: "C1", thread: "1.2" }) });
      const second = await s.answerHandoff(h.id, { text: "Autre réponse", agent: "Dominique" });
      expect(second?.first).toBe(false);
      expect(second?.handoff.reply).toMatchObject({ text: "Voici la réponse de l'équipe.", agent: "Camille" });
      expect(second?.handoff.replyDeliveredAt).toBeUndefined();
      await s.markHandoffDelivered(h.id);
      const delivered = (await s.getHandoff(h.id))!.replyDeliveredAt;
      expect(delivered).toBeTruthy();
      await s.markHandoffDelivered(h.id);
      expect((await s.getHandoff(h.id))!.replyDeliveredAt).toBe(delivered);
      expect(await s.answerHandoff("00000000-0000-4000-8000-000000000000", { text: "x", agent: "y" })).toBeNull();
      // Contacts never appear in report data.
      expect(JSON.stringify(await s.reportData({}))).not.toContain("ada@example.org");
    });

    it("forget erases the contacts of the person's handoffs", async () => {
      const h = await s.createHandoff({
        process: "dla",
        userHash: "user-contact-f",
        channel: "web",
        conversationKey: "web:conv-f",
        summary: "x",
        facts: {},
        sources: [],
        replyVia: "phone",
      });
      await s.setHandoffContact(h.id, "phone", "06 12 34 56 78");
      const counts = await s.forgetUser("user-contact-f");
      expect(counts.handoff_contacts).toBe(1);
      expect(await s.getHandoffContacts(h.id)).toEqual({});
    });

    it("saves channel references", async () => {
      expect(await s.getChannelRef("teams:conv-1")).toBeNull();
      const ref = { serviceUrl: "https://smba.example/", conversation: { id: "a:1" }, bot: { id: "b" } };
      await s.saveChannelRef("teams:conv-1", ref);
      expect(await s.getChannelRef("teams:conv-1")).toEqual(ref);
      await s.saveChannelRef("teams:conv-1", { ...ref, bot: { id: "c" } });
      expect(await s.getChannelRef<typeof ref>("teams:conv-1")).toMatchObject({ bot: { id: "c" } });
    });

    it("purges records older than a date, with ratings of purged interactions", async () => {
      const old = "2020-01-01T00:00:00.000Z";
      const recent = "2029-06-01T00:00:00.000Z";
      const oldI = await s.recordInteraction(interaction({ createdAt: old, userHash: "purge-u" }));
      const newI = await s.recordInteraction(interaction({ createdAt: recent, userHash: "purge-u" }));
      await s.recordRating({ interactionId: oldI, userHash: "purge-u", value: "down", createdAt: recent });
      await s.recordRating({ interactionId: newI, userHash: "purge-u", value: "up", createdAt: recent });
      await s.recordFriction(friction({ createdAt: old, userHash: "purge-u" }));
      await s.recordUnanswered({ question: "vieux", reason: "refused", userHash: "purge-u", createdAt: old });

      const before = await s.reportData({});
      const counts = await s.purge(new Date("2021-01-01T00:00:00Z"));
      expect(counts.interactions).toBe(1);
      expect(counts.ratings).toBe(1);
      expect(counts.frictions).toBe(1);
      expect(counts.unanswered).toBe(1);
      const after = await s.reportData({});
      expect(after.interactions.length).toBe(before.interactions.length - 1);
      expect(await s.getInteraction(oldI)).toBeNull();
      expect(await s.getInteraction(newI)).not.toBeNull();
      expect(after.ratings.filter((r) => r.userHash === "purge-u").map((r) => r.interactionId)).toEqual([newI]);
      expect(after.frictions.some((f) => f.userHash === "purge-u")).toBe(false);
      // Nothing recent was touched.
      expect(after.ratings.length).toBe(before.ratings.length - 1);
      // Purging again changes nothing.
      const again = await s.purge(new Date("2021-01-01T00:00:00Z"));
      expect(Object.values(again).reduce((a, b) => a + b, 0)).toBe(0);
    });

    it("keeps one rating per person per interaction: the last vote counts, with the same id", async () => {
      const iid = await s.recordInteraction(interaction({ createdAt: "2031-02-01T10:00:00.000Z" }));
      const first = await s.upsertRating({ interactionId: iid, userHash: "voter-a", value: "up", createdAt: "2031-02-01T10:01:00.000Z" });
      const again = await s.upsertRating({
        interactionId: iid,
        userHash: "voter-a",
        value: "down",
        comment: "Finalement incomplet",
        createdAt: "2031-02-01T10:05:00.000Z",
      });
      expect(again).toBe(first);
      // recordRating follows the same rule; another person keeps their own vote.
      const third = await s.recordRating({ interactionId: iid, userHash: "voter-a", value: "up", createdAt: "2031-02-01T10:06:00.000Z" });
      expect(third).toBe(first);
      const other = await s.upsertRating({ interactionId: iid, userHash: "voter-b", value: "down", createdAt: "2031-02-01T10:07:00.000Z" });
      expect(other).not.toBe(first);
      // Twenty concurrent votes of one person still leave one row.
      await Promise.all(Array.from({ length: 20 }, (_, i) => s.upsertRating({ interactionId: iid, userHash: "voter-c", value: i % 2 ? "up" : "down" })));
      const data = await s.reportData({ from: new Date("2031-02-01T00:00:00Z"), to: new Date("2031-02-02T00:00:00Z") });
      const mine = data.ratings.filter((r) => r.interactionId === iid);
      expect(mine.filter((r) => r.userHash === "voter-a")).toEqual([
        { id: first, createdAt: "2031-02-01T10:06:00.000Z", interactionId: iid, userHash: "voter-a", value: "up" },
      ]);
      expect(mine.filter((r) => r.userHash === "voter-b").map((r) => r.value)).toEqual(["down"]);
      const all = await s.reportData({});
      expect(all.ratings.filter((r) => r.interactionId === iid && r.userHash === "voter-c")).toHaveLength(1);
    });

    it("forgets every record of one user and nothing else", async () => {
      const h = "forget-me";
      const i1 = await s.recordInteraction(interaction({ userHash: h, conversationKey: "slack:forget-conv" }));
      await s.linkMessage("slack", "forget-msg", i1);
      await s.recordRating({ interactionId: i1, userHash: h, value: "down", comment: "bof" });
      await s.recordRating({ interactionId: i1, userHash: "someone-else", value: "up" });
      await s.recordFriction(friction({ userHash: h }));
      await s.recordUnanswered({ interactionId: i1, question: "?", reason: "rated-down", userHash: h });
      await s.createHandoff({ process: "dla", userHash: h, channel: "slack", conversationKey: "slack:forget-conv", summary: "x", facts: {}, sources: [] });
      await s.setState("slack:forget-conv", { step: 1 });
      await s.setState("slack:keep-conv", { step: 2 });
      const keep = await s.recordInteraction(interaction({ userHash: "keeper" }));

      // A real 64-hex hash: conversation state keyed with it goes even without any interaction.
      const realHash = "ab".repeat(32);
      await s.setState(`teams:conv-x:-:${realHash}`, { mode: "friction" });
      await s.setState("teams:conv-y:-:" + "cd".repeat(32), { mode: "friction" });
      const realCounts = await s.forgetUser(realHash);
      expect(realCounts.state).toBe(1);
      expect(await s.getState(`teams:conv-x:-:${realHash}`)).toBeNull();
      expect(await s.getState("teams:conv-y:-:" + "cd".repeat(32))).toEqual({ mode: "friction" });

      const counts = await s.forgetUser(h);
      expect(counts).toMatchObject({
        interactions: 1,
        ratings: 2,
        frictions: 1,
        unanswered: 1,
        handoffs: 1,
        message_links: 1,
        state: 1,
      });
      const data = await s.reportData({});
      for (const list of [data.interactions, data.ratings, data.frictions, data.unanswered, data.handoffs]) {
        expect(list.some((r) => r.userHash === h)).toBe(false);
      }
      expect(data.ratings.some((r) => r.interactionId === i1)).toBe(false);
      expect(await s.findInteractionByMessage("slack", "forget-msg")).toBeNull();
      expect(await s.getState("slack:forget-conv")).toBeNull();
      expect(await s.getState("slack:keep-conv")).toEqual({ step: 2 });
      expect(await s.getInteraction(keep)).not.toBeNull();
      const again = await s.forgetUser(h);
      expect(Object.values(again).reduce((a, b) => a + b, 0)).toBe(0);
    });

    it("forget with the raw platform id removes the person from channel references, which stay usable", async () => {
      const ref = (user: unknown) => ({
        reference: { user, bot: { id: "28:bot" }, conversation: { id: "19:chan@thread.tacv2" }, serviceUrl: "https://smba.example/" },
        teamName: "Équipe",
        channelName: "Canal",
      });
      await s.saveChannelRef("teams:19:chan@thread.tacv2", ref({ id: "29:raw-forget", name: "Ada Oubli", aadObjectId: "aad-forget-1" }));
      await s.saveChannelRef("teams:19:other@thread.tacv2", ref({ id: "29:raw-keep", name: "Léon Reste", aadObjectId: "aad-keep-1" }));
      const counts = await s.forgetUser("no-such-hash", ["aad-forget-1"]);
      expect(counts.channel_refs).toBeGreaterThanOrEqual(1);
      const cleaned = await s.getChannelRef<any>("teams:19:chan@thread.tacv2");
      expect(cleaned.reference.user).toBeUndefined();
      expect(cleaned.reference.conversation.id).toBe("19:chan@thread.tacv2");
      expect(JSON.stringify(cleaned)).not.toMatch(/aad-forget-1|Ada Oubli|29:raw-forget/);
      expect((await s.getChannelRef<any>("teams:19:other@thread.tacv2")).reference.user.name).toBe("Léon Reste");
    });

    it("retention purge erases handoff contacts with their handoffs", async () => {
      const h = await s.createHandoff({
        process: "dla",
        userHash: "user-contact-p",
        channel: "web",
        conversationKey: "web:conv-p",
        summary: "x",
        facts: {},
        sources: [],
        replyVia: "email",
      });
      await s.setHandoffContact(h.id, "email", "purge@example.org");
      const counts = await s.purge(new Date(Date.now() + 60_000));
      expect(counts.handoff_contacts).toBeGreaterThanOrEqual(1);
      expect(await s.getHandoffContacts(h.id)).toEqual({});
      expect(await s.getHandoff(h.id)).toBeNull();
    });
  });
}

describe("createStorage", () => {
  it("defaults to SQLite in the data folder and migrates", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-factory-"));
    try {
      const s = await createStorage({ dataDir: path.join(dir, "nested") });
      expect(s.kind).toBe("sqlite");
      expect(fs.existsSync(path.join(dir, "nested", "relais-ess.sqlite"))).toBe(true);
      expect(await s.claimEvent("x")).toBe(true);
      await s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unrecognised DATABASE_URL with a French message", async () => {
    await expect(createStorage({ dataDir: "/tmp", databaseUrl: "mysql://x" })).rejects.toThrow(/DATABASE_URL non reconnue/);
  });

  it.skipIf(!PG_AVAILABLE)("selects PostgreSQL from the URL", async () => {
    const db = await createTestDatabase();
    try {
      const s = await createStorage({ dataDir: "/nonexistent", databaseUrl: db.url });
      expect(s.kind).toBe("postgres");
      expect(await s.ping()).toBe(true);
      await s.close();
    } finally {
      await db.drop();
    }
  });
});

for (const backend of backends.filter((b) => b.name !== "memory")) {
  describe.skipIf(backend.skip)(`concurrent migrations from empty — ${backend.name}`, () => {
    it("two instances migrating at once both succeed and apply each version once", async () => {
      const env = await backend.setup();
      const a = env.open();
      const b = env.open();
      try {
        await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
        expect(await (a as SqliteStorage | PostgresStorage).appliedMigrations()).toEqual([1, 2, 3]);
        expect(await b.claimEvent("after-migrate")).toBe(true);
        expect(await a.claimEvent("after-migrate")).toBe(false);
      } finally {
        await a.close();
        await b.close();
        await env.cleanup();
      }
    });
  });
}

for (const backend of backends.filter((b) => b.name !== "memory")) {
  describe.skipIf(backend.skip)(`rating migration — ${backend.name}`, () => {
    it("keeps the latest of duplicate votes recorded before version 2, then enforces one per person", async () => {
      const env = await backend.setup();
      const v1Sqlite = SQLITE_MIGRATIONS.filter((m) => m.version === 1);
      const v1Postgres = POSTGRES_MIGRATIONS.filter((m) => m.version === 1);
      // The same location opened first with version 1 only, then with every migration.
      const open = (all: boolean): Storage => {
        const probe = env.open();
        if (probe instanceof SqliteStorage) {
          void probe.close();
          return new SqliteStorage(probe.file, all ? SQLITE_MIGRATIONS : v1Sqlite);
        }
        const url = (probe as PostgresStorage).pool.options.connectionString!;
        void probe.close();
        return new PostgresStorage(url, all ? {} : { migrations: v1Postgres });
      };
      const old = open(false);
      try {
        await old.migrate();
        const iid = await old.recordInteraction(interaction());
        // Version 1 had no unique key: insert the duplicates as the old code did.
        const insert = async (id: string, user: string, value: string, at: string) => {
          if (old instanceof SqliteStorage)
            (old as unknown as { db: { prepare(sql: string): { run(...a: unknown[]): unknown } } }).db
              .prepare("INSERT INTO ratings (id, created_at, interaction_id, user_hash, value) VALUES (?, ?, ?, ?, ?)")
              .run(id, at, iid, user, value);
          else
            await (old as PostgresStorage).pool.query("INSERT INTO ratings (id, created_at, interaction_id, user_hash, value) VALUES ($1, $2, $3, $4, $5)", [
              id,
              at,
              iid,
              user,
              value,
            ]);
        };
        await insert("r1", "dup-user", "up", "2030-05-01T10:00:00.000Z");
        await insert("r2", "dup-user", "down", "2030-05-01T11:00:00.000Z");
        await insert("r3", "dup-user", "up", "2030-05-01T09:00:00.000Z");
        await insert("r4", "other-user", "up", "2030-05-01T10:00:00.000Z");
        expect((await old.reportData({})).ratings).toHaveLength(4);
      } finally {
        await old.close();
      }
      const current = open(true);
      try {
        await current.migrate();
        expect(await (current as SqliteStorage | PostgresStorage).appliedMigrations()).toEqual([1, 2, 3]);
        const ratings = (await current.reportData({})).ratings;
        expect(ratings.filter((r) => r.userHash === "dup-user").map((r) => [r.value, r.createdAt])).toEqual([["down", "2030-05-01T11:00:00.000Z"]]);
        expect(ratings.filter((r) => r.userHash === "other-user")).toHaveLength(1);
      } finally {
        await current.close();
        await env.cleanup();
      }
    });
  });
}

describe("PostgreSQL unreachable", () => {
  it("createStorage fails with an error instead of hanging", async () => {
    await expect(createStorage({ dataDir: "/tmp", databaseUrl: "postgres://postgres@127.0.0.1:1/none" })).rejects.toThrow();
  });
});
