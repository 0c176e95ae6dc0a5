/**
 * The per-turn storage path: cached timestamps, SQLite statements reused per
 * connection, PostgreSQL named prepared statements across pooled connections.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isoFromMs, isoOrNow } from "../../src/storage/common.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import { PostgresStorage } from "../../src/storage/postgres.js";
import type { Storage } from "../../src/storage/types.js";
import { PG_AVAILABLE, createTestDatabase } from "./pg-helper.js";

async function turn(s: Storage, i: number): Promise<void> {
  const key = `slack:C1:T${i % 3}:user-${i % 2}`;
  expect(await s.claimEvent(`ev-${i}`)).toBe(true);
  expect(await s.claimEvent(`ev-${i}`)).toBe(false);
  const prev = await s.getState<{ n: number }>(key);
  await s.setState(key, { n: (prev?.n ?? 0) + 1 });
  const id = await s.recordInteraction({
    channel: "slack",
    audience: "porteur",
    userHash: `user-${i % 2}`,
    conversationKey: key,
    question: `Question ${i}`,
    answer: "Réponse",
    sources: [`doc#${i}`],
    route: null,
    refused: false,
    latencyMs: 10,
  });
  await s.linkMessage("slack", `C1:${i}`, id);
  expect(await s.findInteractionByMessage("slack", `C1:${i}`)).toBe(id);
}

describe("isoFromMs / isoOrNow", () => {
  afterEach(() => vi.useRealTimers());

  it("formats like Date#toISOString, across second boundaries and in any order", () => {
    const samples: number[] = [];
    for (let ms = -2500; ms <= 2500; ms += 7) samples.push(ms);
    const now = Date.now();
    for (let ms = now - 2001; ms <= now + 2001; ms += 3) samples.push(ms);
    // Far dates, including 6-digit years, and jumps back and forth between seconds.
    samples.push(0, 999, 1000, 1001, 8.64e15, -8.64e15, 253402300799999, 253402300800000, now, 1, now - 1);
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.sin(i) * 8.64e15));
    for (const ms of samples) expect(isoFromMs(ms)).toBe(new Date(ms).toISOString());
  });

  it("stamps the current time when no value is given, and still validates given values", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2025-03-08T10:00:00.007Z"));
    expect(isoOrNow()).toBe("2025-03-08T10:00:00.007Z");
    vi.setSystemTime(new Date("2025-03-08T10:00:00.070Z"));
    expect(isoOrNow(null)).toBe("2025-03-08T10:00:00.070Z");
    vi.setSystemTime(new Date("2025-03-08T10:00:01.700Z"));
    expect(isoOrNow("")).toBe("2025-03-08T10:00:01.700Z");
    expect(isoOrNow("2024-01-02T03:04:05+01:00")).toBe("2024-01-02T02:04:05.000Z");
    expect(() => isoOrNow("pas une date")).toThrow(TypeError);
  });
});

describe("memory state", () => {
  it("returns private copies and refuses values JSON cannot represent", async () => {
    const s = new MemoryStorage();
    const state = { a: [1, { b: 2 }], skip: undefined };
    await s.setState("k", state);
    state.a.push(3);
    const got = await s.getState<{ a: unknown[] }>("k");
    expect(got).toEqual({ a: [1, { b: 2 }] });
    got!.a.push(4);
    expect(await s.getState("k")).toEqual({ a: [1, { b: 2 }] });
    await s.setState("n", undefined);
    expect(await s.getState("n")).toBeNull();
    await expect(s.setState("f", () => 1)).rejects.toThrow(SyntaxError);
  });
});

describe("SQLite statements reused per connection", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-hot-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("serves many turns, survives a schema change after first use, and fails after close", async () => {
    const s = new SqliteStorage(path.join(dir, "a.sqlite"));
    expect(await s.ping()).toBe(true);
    await expect(s.getState("k")).rejects.toThrow(/no such table/);
    await s.migrate();
    for (let i = 0; i < 20; i++) await turn(s, i);
    expect(await s.getState("slack:C1:T0:user-0")).toEqual({ n: 4 });
    expect(await s.getState("slack:C1:T1:user-1")).toEqual({ n: 4 });
    await s.close();
    await expect(s.getState("slack:C1:T0:user-0")).rejects.toThrow(/not open/);
    expect(await s.ping()).toBe(false);
  });

  it("two connections on one file see each other's writes", async () => {
    const file = path.join(dir, "b.sqlite");
    const a = new SqliteStorage(file);
    const b = new SqliteStorage(file);
    await a.migrate();
    await b.migrate();
    await a.setState("k", { v: 1 });
    expect(await b.getState("k")).toEqual({ v: 1 });
    await b.setState("k", { v: 2 });
    expect(await a.getState("k")).toEqual({ v: 2 });
    expect(await a.claimEvent("e")).toBe(true);
    expect(await b.claimEvent("e")).toBe(false);
    await a.close();
    await b.close();
  });
});

describe("SQLite group commit of the small writes of a turn", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-group-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("commits writes issued together, each resolved once committed and visible to another connection", async () => {
    const file = path.join(dir, "g.sqlite");
    const a = new SqliteStorage(file);
    const b = new SqliteStorage(file);
    await a.migrate();
    const claims = await Promise.all([
      a.claimEvent("e1"),
      a.claimEvent("e1"),
      a.claimEvent("e2"),
      ...Array.from({ length: 20 }, (_, i) => a.setState(`k${i}`, { i })),
    ]);
    // Two claims of one key in the same group: exactly one wins.
    expect(claims.slice(0, 3)).toEqual([true, false, true]);
    for (let i = 0; i < 20; i++) expect(await b.getState(`k${i}`)).toEqual({ i });
    await a.close();
    await b.close();
  });

  it("keeps the order of operations: a read, or any other statement, sees the writes issued before it", async () => {
    const s = new SqliteStorage(path.join(dir, "o.sqlite"));
    await s.migrate();
    const write = s.setState("k", { v: 1 });
    // Not awaited: the read commits the pending write first.
    expect(await s.getState("k")).toEqual({ v: 1 });
    await write;
    const id = "i-1";
    const recorded = s.recordInteraction({
      id,
      channel: "web",
      audience: "porteur",
      userHash: "u",
      conversationKey: "c",
      question: "q",
      answer: "a",
      sources: [],
      route: null,
      refused: false,
      latencyMs: 1,
    });
    // A rating refers to the interaction (foreign key): it must find it although the interaction was not awaited.
    await s.recordRating({ interactionId: id, userHash: "u", value: "up" });
    expect(await recorded).toBe(id);
    await s.close();
  });

  it("rejects a failing write alone and commits the others of its group", async () => {
    const file = path.join(dir, "f.sqlite");
    const s = new SqliteStorage(file);
    await s.migrate();
    const results = await Promise.allSettled([
      s.setState("before", 1),
      // The CHECK constraint of the table refuses this reason.
      s.recordUnanswered({ question: "q", reason: "bogus" as never, userHash: "u" }),
      s.setState("after", 2),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    await s.close();
    const again = new SqliteStorage(file);
    expect(await again.getState("before")).toBe(1);
    expect(await again.getState("after")).toBe(2);
    await again.close();
  });

  it("commits what is pending when closed, and rejects writes issued after", async () => {
    const file = path.join(dir, "c.sqlite");
    const s = new SqliteStorage(file);
    await s.migrate();
    const pending = s.setState("k", "kept");
    await s.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(s.setState("k", "lost")).rejects.toThrow(/not open/);
    const again = new SqliteStorage(file);
    expect(await again.getState("k")).toBe("kept");
    await again.close();
  });
});

describe.skipIf(!PG_AVAILABLE)("PostgreSQL named prepared statements", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  it("a statement that failed to parse before migrate works once the tables exist (same connection)", async () => {
    const s = new PostgresStorage(db.url, { max: 1 });
    try {
      await expect(s.getState("k")).rejects.toThrow(/state/);
      await expect(s.claimEvent("early")).rejects.toThrow(/events/);
      await s.migrate();
      expect(await s.getState("k")).toBeNull();
      expect(await s.claimEvent("early")).toBe(true);
      const { rows } = await s.pool.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY name");
      expect(rows.map((r) => r.name)).toEqual(["relais_claim_event", "relais_get_state"]);
    } finally {
      await s.close();
    }
  });

  it("with prepared statements off (PG_PREPARED_STATEMENTS=off), the same queries run unnamed", async () => {
    const s = new PostgresStorage(db.url, { max: 1, preparedStatements: false });
    try {
      await s.migrate();
      await turn(s, 3000);
      const { rows } = await s.pool.query("SELECT name FROM pg_prepared_statements");
      expect(rows).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("concurrent turns over several pooled connections, with and without prepared statements", async () => {
    const named = new PostgresStorage(db.url, { max: 4 });
    const plain = new PostgresStorage(db.url, { max: 2, preparedStatements: false });
    try {
      await named.migrate();
      await Promise.all(Array.from({ length: 24 }, (_, i) => turn(named, 1000 + i)));
      await Promise.all(Array.from({ length: 8 }, (_, i) => turn(plain, 2000 + i)));
      // Both instances share the tables: each sees the other's claims and state.
      expect(await plain.claimEvent("ev-1000")).toBe(false);
      expect(await named.claimEvent("ev-2000")).toBe(false);
      await named.setState("shared", { v: 1 });
      expect(await plain.getState("shared")).toEqual({ v: 1 });
      await plain.deleteState("shared");
      expect(await named.getState("shared")).toBeNull();
    } finally {
      await named.close();
      await plain.close();
    }
  });
});
