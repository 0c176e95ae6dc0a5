/**
 * Erased means gone. `forget --user` and `purge` run as CLI commands against a
 * store the service keeps open: on SQLite the erased text is found in none of
 * the files (.sqlite, -wal, -shm, read as bytes like `strings` would), and on
 * both backends no table keeps a row, a key or a channel reference that holds
 * the person's pseudonym, raw id, display name or text.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Command } from "commander";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forgetCommand } from "../../src/cli/commands/forget.js";
import { purgeCommand } from "../../src/cli/commands/purge.js";
import { userHash } from "../../src/privacy/pseudonym.js";
import { createStorage, SQLITE_FILE_NAME, SqliteStorage } from "../../src/storage/index.js";
import type { CommandIo } from "../../src/storage/command-io.js";
import type { Storage } from "../../src/storage/types.js";
import { createTestDatabase, PG_AVAILABLE } from "./pg-helper.js";

const SECRET = "erasure-test-secret-0123456789abcdef";
const ENV = { PSEUDONYM_SECRET: SECRET, NODE_ENV: "test" } as NodeJS.ProcessEnv;
const NOW = new Date("2025-06-01T00:00:00Z");

/** The person to erase (Teams): raw AAD id, Teams id, display name, and a word only they wrote. */
const AAD = "7d3c1f0e-aaaa-4bbb-8ccc-forgetme0001";
const TEAMS_ID = "29:1forgetMeTeamsUserId";
const NAME = "Zéphyrine Oubliette";
const SECRET_WORD = "zorglubienne";
/** Someone else, whose records stay. */
const OTHER_AAD = "7d3c1f0e-aaaa-4bbb-8ccc-keepme000002";
const KEPT_WORD = "mirlitonesque";
/** Text of old records only, erased by purge. */
const OLD_WORD = "vieillerieuse";

const hashOf = (aad: string) => userHash("teams", aad, SECRET);

async function run(factory: (open: () => Promise<Storage>, io: CommandIo) => Command, open: () => Promise<Storage>, args: string[]) {
  let out = "";
  const cmd = factory(open, { out: (s) => (out += s), err: (s) => (out += s), env: ENV, now: () => NOW });
  cmd.exitOverride();
  await cmd.parseAsync(args, { from: "user" });
  return out;
}

/** Records in every table for one person, with `word` in every free text. */
async function seedPerson(s: Storage, aad: string, word: string, createdAt?: string): Promise<void> {
  const h = hashOf(aad);
  const conv = `a:personal-${aad}`;
  const key = `teams:${conv}:-:${h}`;
  const long = `Je cherche des aides pour notre ressourcerie ${word}. `.repeat(120); // several pages, overflow pages
  const base = {
    channel: "teams" as const,
    audience: "agent" as const,
    userHash: h,
    conversationKey: key,
    sources: ["doc-1"],
    route: null,
    refused: false,
    latencyMs: 3,
  };
  const i1 = await s.recordInteraction({ ...base, createdAt, question: `Qui finance la ressourcerie ${word} ?`, answer: "Le DLA [1]." });
  const i2 = await s.recordInteraction({ ...base, createdAt, question: long, answer: "Voir [1]." });
  await s.linkMessage("teams", `msg-${aad}`, i1);
  await s.recordRating({ interactionId: i1, userHash: h, value: "down", comment: `pas assez précis pour ${word}`, createdAt });
  await s.recordUnanswered({ interactionId: i2, question: `ressourcerie ${word}`, reason: "rated-down", userHash: h, createdAt });
  await s.recordFriction({
    step: "depot",
    blocker: "autre",
    process: "dla",
    commune: "Alès",
    description: `Dossier ${word} bloqué`,
    severity: 2,
    contactOk: true,
    userHash: h,
    channel: "teams",
    createdAt,
  });
  if (createdAt) return; // handoffs and states are always stamped now: no old ones
  await s.createHandoff({
    process: "dla",
    userHash: h,
    channel: "teams",
    conversationKey: key,
    summary: `Rappeler pour ${word}`,
    question: `aide ${word}`,
    facts: { projet: word },
    sources: [],
  });
  await s.setState(key, { mode: "idle", lastQuestion: `Qui finance la ressourcerie ${word} ?`, facts: { note: word } });
}

/** The Teams reference of a team channel, as the bot stores it: the last author is in it. */
async function seedChannelRef(s: Storage, aad: string, teamsId: string, name: string): Promise<void> {
  await s.saveChannelRef("teams:19:ess-handoffs@thread.tacv2", {
    reference: {
      activityId: undefined,
      user: { id: teamsId, name, aadObjectId: aad },
      bot: { id: "28:relais-bot", name: "Relais ESS" },
      conversation: { id: "19:ess-handoffs@thread.tacv2", isGroup: true, conversationType: "channel" },
      channelId: "msteams",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
    },
    teamId: "19:team@thread.tacv2",
    teamName: "Économie sociale",
    channelName: "Mises en relation",
    savedAt: "2025-05-01T00:00:00.000Z",
  });
}

/** What must be gone after `forget --user AAD`. */
const FORGOTTEN = [hashOf(AAD), AAD, TEAMS_ID, NAME, SECRET_WORD];

function expectChannelRefWithoutPerson(ref: any): void {
  expect(ref?.reference?.conversation?.id).toBe("19:ess-handoffs@thread.tacv2");
  expect(ref?.reference?.user).toBeUndefined();
  expect(JSON.stringify(ref)).not.toContain(AAD);
}

// ---------------------------------------------------------------- SQLite

describe("SQLite: erased text is in none of the files", () => {
  let dir: string;
  let service: Storage;
  const files = () => [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`].map((f) => path.join(dir, f));
  /** Which of `needles` some file holds, read as raw bytes (what `strings` would show). */
  const foundOnDisk = (needles: string[]) =>
    needles.filter((n) => files().some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(n, "utf8"))));
  const openCli = () => createStorage({ dataDir: dir });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-erase-"));
    service = await createStorage({ dataDir: dir }); // the running service keeps its connection
  });
  afterAll(async () => {
    await service?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the database is set up for erasure (secure_delete, incremental vacuum)", () => {
    const db = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma("auto_vacuum", { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it("a database file created before erasure support switches to incremental vacuum at start", async () => {
    const old = path.join(dir, "old.sqlite");
    const raw = new Database(old);
    raw.exec("CREATE TABLE t (x TEXT)");
    expect(raw.pragma("auto_vacuum", { simple: true })).toBe(0);
    raw.close();
    const s = new SqliteStorage(old);
    await s.migrate();
    await s.close();
    const check = new Database(old, { readonly: true });
    expect(check.pragma("auto_vacuum", { simple: true })).toBe(2);
    check.close();
  });

  it("after forget --user, the person's text, ids and name are in no file, while the service runs and after it stops", async () => {
    await seedPerson(service, AAD, SECRET_WORD);
    await seedPerson(service, OTHER_AAD, KEPT_WORD);
    await seedChannelRef(service, AAD, TEAMS_ID, NAME);
    // The check sees what it looks for: everything is on disk before.
    expect(foundOnDisk([...FORGOTTEN, KEPT_WORD])).toEqual([...FORGOTTEN, KEPT_WORD]);

    const out = await run(forgetCommand, openCli, ["--user", AAD, "--channel", "teams"]);
    expect(out).not.toContain(AAD);
    expect(foundOnDisk(FORGOTTEN)).toEqual([]);
    expect(foundOnDisk([KEPT_WORD])).toEqual([KEPT_WORD]);
    expectChannelRefWithoutPerson(await service.getChannelRef("teams:19:ess-handoffs@thread.tacv2"));

    // A clean stop checkpoints the WAL into the main file: still nothing.
    await service.close();
    expect(foundOnDisk(FORGOTTEN)).toEqual([]);
    expect(foundOnDisk([KEPT_WORD])).toEqual([KEPT_WORD]);
    service = await createStorage({ dataDir: dir });
  });

  it("after purge, old records are in no file", async () => {
    await seedPerson(service, "7d3c1f0e-aaaa-4bbb-8ccc-oldrecords03", OLD_WORD, "2023-01-15T10:00:00.000Z");
    expect(foundOnDisk([OLD_WORD])).toEqual([OLD_WORD]);
    const out = await run(purgeCommand, openCli, ["--days", "365"]);
    expect(out).toMatch(/Purge/);
    expect(JSON.stringify(await service.reportData({}))).not.toContain(OLD_WORD);
    expect(foundOnDisk([OLD_WORD])).toEqual([]);
    await service.close();
    expect(foundOnDisk([OLD_WORD])).toEqual([]);
    service = await createStorage({ dataDir: dir });
  });

  it("every table: no row keeps the forgotten person", () => {
    const db = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining(["interactions", "ratings", "frictions", "handoffs", "unanswered", "message_links", "events", "state", "channel_refs"]),
      );
      for (const t of tables) {
        const dump = JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all());
        for (const needle of FORGOTTEN) expect(dump.includes(needle), `${t} holds ${needle}`).toBe(false);
      }
    } finally {
      db.close();
    }
  });
});

// ---------------------------------------------------------------- PostgreSQL

describe.skipIf(!PG_AVAILABLE)("PostgreSQL: forget deletes the person from every table", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const stores: Storage[] = [];
  const open = async () => {
    const s = await createStorage({ dataDir: "/nonexistent", databaseUrl: db.url });
    stores.push(s);
    return s;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close().catch(() => {})));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("no table keeps a row holding the pseudonym, the raw ids, the name or the text", async () => {
    const service = await open();
    await seedPerson(service, AAD, SECRET_WORD);
    await seedPerson(service, OTHER_AAD, KEPT_WORD);
    await seedChannelRef(service, AAD, TEAMS_ID, NAME);
    await service.claimEvent("teams:a:personal-conv:act-1");

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = (
        await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
      ).rows.map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining(["interactions", "ratings", "frictions", "handoffs", "unanswered", "message_links", "events", "state", "channel_refs"]),
      );
      const dump = async (t: string) => JSON.stringify((await client.query(`SELECT row_to_json(x)::text AS j FROM "${t}" x`)).rows.map((r) => r.j));
      // Before: the check finds what it looks for.
      const dumpAll = async () => {
        let out = "";
        for (const t of tables) out += `${await dump(t)}\n`;
        return out;
      };
      const all = await dumpAll();
      for (const needle of [...FORGOTTEN, KEPT_WORD]) expect(all, needle).toContain(needle);

      await run(forgetCommand, open, ["--user", AAD]);
      for (const t of tables) {
        const rows = await dump(t);
        for (const needle of FORGOTTEN) expect(rows.includes(needle), `${t} holds ${needle}`).toBe(false);
      }
      const after = await dumpAll();
      expect(after).toContain(KEPT_WORD);
      expect(after).toContain(hashOf(OTHER_AAD));
      expectChannelRefWithoutPerson(await service.getChannelRef("teams:19:ess-handoffs@thread.tacv2"));
    } finally {
      await client.end();
    }
  });
});
