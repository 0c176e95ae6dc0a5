/**
 * SQLite backend (better-sqlite3, the default). One file in the data folder,
 * WAL journal with `synchronous = NORMAL` by default: a resolved write is
 * committed to the WAL, so it survives a SIGKILL of the process; only a power
 * cut or an OS crash could lose the last commits. `SQLITE_SYNCHRONOUS=FULL`
 * also survives those, at ~5 ms of blocking fsync per write (measured by the
 * load script: it halves the service's throughput). Several processes
 * may share the file (busy_timeout); `claimEvent` relies on INSERT … ON CONFLICT
 * DO NOTHING, which is atomic across connections.
 *
 * Erased means gone: `secure_delete` overwrites deleted content with zeros, and
 * after `forget`/`purge` the freed pages are returned (incremental vacuum) and
 * the WAL is checkpointed and truncated, so the erased text is found in none of
 * the files (.sqlite, -wal, -shm).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type {
  AnswerResult,
  ContactKind,
  HandoffContacts,
  FrictionRecord,
  HandoffRecord,
  InteractionRecord,
  RatingRecord,
  ReportData,
  ReportQuery,
  Storage,
  UnansweredRecord,
} from "./types.js";
import type { Channel } from "../domain/ids.js";
import { SQLITE_MIGRATIONS } from "./migrations/sqlite.js";
import type { Migration } from "./migrations/index.js";
import { fromJson, hashLikePattern, isoOrNow, newId, toJson } from "./common.js";
import { rowToFriction, rowToHandoff, rowToInteraction, rowToRating, rowToUnanswered } from "./rows.js";

type Row = Record<string, unknown>;

export const SQLITE_FILE_NAME = "relais-ess.sqlite";

export type SqliteSynchronous = "NORMAL" | "FULL" | "EXTRA";

export class SqliteStorage implements Storage {
  readonly kind = "sqlite" as const;
  readonly file: string;
  private db: Database.Database;
  /**
   * Statements prepared once per connection and reused (preparing costs more
   * than running the small hot statements). Keys are the SQL texts, all built
   * from constants in this file, so the cache stays small.
   */
  private readonly stmts = new Map<string, Database.Statement>();
  /**
   * Group commit: the frequent small writes of a conversation turn (state,
   * interaction, message link, unanswered question) issued during one turn
   * of the event loop are committed together in one transaction, from the check
   * phase (a commit costs about three times the write itself). Each write's
   * promise resolves once its transaction is committed, as before. Any other
   * statement first commits what is pending, so operations keep their order and
   * reads see every write issued before them.
   */
  private pending: { run: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void; stateKey?: string }[] = [];
  private flushScheduled = false;
  private flushing = false;

  constructor(
    file: string,
    private readonly migrations: Migration[] = SQLITE_MIGRATIONS,
    /** NORMAL (default, SIGKILL-safe) or FULL/EXTRA (also power-cut-safe): SQLITE_SYNCHRONOUS. */
    synchronous: SqliteSynchronous = "NORMAL",
  ) {
    this.file = file;
    const isNew = file !== ":memory:" && !fs.existsSync(file);
    // Private by default: the data folder and the database hold (pseudonymised) personal data.
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    if (isNew) {
      try {
        fs.chmodSync(file, 0o600);
      } catch {
        /* not fatal (e.g. file systems without POSIX modes) */
      }
    }
    // busy_timeout first: switching a fresh file to WAL takes a lock other processes may hold.
    this.db.pragma("busy_timeout = 10000");
    // Before any table exists: freed pages can then be given back by `incremental_vacuum`.
    if (isNew) this.db.pragma("auto_vacuum = INCREMENTAL");
    this.db.pragma("secure_delete = ON");
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${synchronous === "FULL" || synchronous === "EXTRA" ? synchronous : "NORMAL"}`);
    this.db.pragma("foreign_keys = ON");
  }

  /** The prepared statement for `sql`, prepared on first use (pending grouped writes are committed first). */
  private stmt(sql: string): Database.Statement {
    if (this.pending.length && !this.flushing) this.flush();
    return this.prepared(sql);
  }

  /** The prepared statement for `sql`, pending grouped writes left pending (for a read none of them can change). */
  private prepared(sql: string): Database.Statement {
    let st = this.stmts.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      this.stmts.set(sql, st);
    }
    return st;
  }

  /** Queues a small write for the next group commit; resolves with its result once committed. */
  private grouped<T>(run: () => T, stateKey?: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (v: unknown) => void, reject, stateKey });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  /**
   * Commits the pending writes in one transaction. A write that fails (a
   * constraint) is rejected alone, as it would have been on its own; if the
   * transaction itself fails, every write of the group is rejected.
   */
  private flush(): void {
    const ops = this.pending;
    if (!ops.length) return;
    this.pending = [];
    const results: { ok: boolean; value: unknown }[] = [];
    this.flushing = true;
    try {
      this.db.transaction(() => {
        for (const op of ops) {
          try {
            results.push({ ok: true, value: op.run() });
          } catch (err) {
            // SQLite rolled back more than the statement (I/O error, full disk): the whole group fails.
            if (!this.db.inTransaction) throw err;
            results.push({ ok: false, value: err });
          }
        }
      })();
    } catch (err) {
      for (const op of ops) op.reject(err);
      return;
    } finally {
      this.flushing = false;
    }
    ops.forEach((op, i) => (results[i]!.ok ? op.resolve(results[i]!.value) : op.reject(results[i]!.value)));
  }

  /** Creates the storage for `<dataDir>/relais-ess.sqlite`. */
  static inDataDir(dataDir: string, synchronous?: SqliteSynchronous): SqliteStorage {
    return new SqliteStorage(path.join(dataDir, SQLITE_FILE_NAME), SQLITE_MIGRATIONS, synchronous);
  }

  async migrate(): Promise<void> {
    this.db.exec("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const sorted = [...this.migrations].sort((a, b) => a.version - b.version);
    // IMMEDIATE takes the write lock first, so two processes migrating at once serialise.
    const apply = this.db.transaction(() => {
      const done = new Set((this.stmt("SELECT version FROM migrations").all() as { version: number }[]).map((r) => r.version));
      for (const m of sorted) {
        if (done.has(m.version)) continue;
        this.db.exec(m.sql);
        this.stmt("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, isoOrNow());
      }
    });
    apply.immediate();
    this.enableIncrementalVacuum();
  }

  /**
   * Files created before `auto_vacuum = INCREMENTAL` need one VACUUM to switch.
   * Best effort: VACUUM needs the file to itself, and another process may be
   * reading it; erasure still works without it (secure_delete zeroes the freed
   * pages), the file just keeps its size.
   */
  private enableIncrementalVacuum(): void {
    if (this.file === ":memory:" || this.db.pragma("auto_vacuum", { simple: true }) === 2) return;
    try {
      this.db.pragma("auto_vacuum = INCREMENTAL");
      this.db.exec("VACUUM");
    } catch {
      /* busy: retried at the next start */
    }
  }

  /**
   * After an erasure: gives freed pages back to the file system and copies the
   * WAL into the database, then truncates it, so deleted text survives in no
   * file. Best effort when another connection keeps reading (busy timeout).
   */
  private wipeFreedSpace(): void {
    if (this.file === ":memory:") return;
    try {
      this.db.pragma("incremental_vacuum");
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      /* busy for longer than busy_timeout: the next checkpoint does it */
    }
  }

  /** Applied migration versions (ascending). */
  async appliedMigrations(): Promise<number[]> {
    return (this.stmt("SELECT version FROM migrations ORDER BY version").all() as { version: number }[]).map((r) => r.version);
  }

  async ping(): Promise<boolean> {
    try {
      return (this.stmt("SELECT 1 AS ok").get() as { ok: number }).ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }

  async getState<T = unknown>(key: string): Promise<T | null> {
    // Only a pending write of this key's state can change what the read returns: without one, the pending group is left
    // to its own commit (a read between two turns would otherwise split the group in two transactions).
    const sql = "SELECT value FROM state WHERE key = ?";
    const st = this.pending.some((op) => op.stateKey === key) ? this.stmt(sql) : this.prepared(sql);
    const row = st.get(key) as { value: string } | undefined;
    return row ? fromJson<T | null>(row.value, null) : null;
  }
  async setState(key: string, state: unknown): Promise<void> {
    const value = toJson(state);
    const at = isoOrNow();
    await this.grouped(
      () =>
        this.stmt(
          "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        ).run(key, value, at),
      key,
    );
  }
  async deleteState(key: string): Promise<void> {
    await this.grouped(() => this.stmt("DELETE FROM state WHERE key = ?").run(key), key);
  }

  /** Not grouped: Slack and Teams wait for it before they acknowledge, and it must not wait for the next group. */
  async claimEvent(key: string): Promise<boolean> {
    const res = this.stmt("INSERT INTO events (key, created_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING").run(key, isoOrNow());
    return res.changes === 1;
  }

  async recordInteraction(rec: InteractionRecord): Promise<string> {
    const id = rec.id ?? newId();
    const write = () =>
      this.stmt(
        `INSERT INTO interactions (id, created_at, channel, audience, user_hash, conversation_key, question, answer, sources, route, refused, latency_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        isoOrNow(rec.createdAt),
        rec.channel,
        rec.audience,
        rec.userHash,
        rec.conversationKey,
        rec.question,
        rec.answer,
        toJson(rec.sources ?? []),
        rec.route ?? null,
        rec.refused ? 1 : 0,
        Math.round(rec.latencyMs ?? 0),
      );
    await this.grouped(write);
    return id;
  }
  async getInteraction(id: string): Promise<InteractionRecord | null> {
    const row = this.stmt("SELECT * FROM interactions WHERE id = ?").get(id) as Row | undefined;
    return row ? rowToInteraction(row) : null;
  }
  async linkMessage(channel: Channel, messageId: string, interactionId: string): Promise<void> {
    const at = isoOrNow();
    await this.grouped(() =>
      this.stmt(
        `INSERT INTO message_links (channel, message_id, interaction_id, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel, message_id) DO UPDATE SET interaction_id = excluded.interaction_id`,
      ).run(channel, messageId, interactionId, at),
    );
  }
  async findInteractionByMessage(channel: Channel, messageId: string): Promise<string | null> {
    const row = this.stmt("SELECT interaction_id FROM message_links WHERE channel = ? AND message_id = ?").get(channel, messageId) as
      | { interaction_id: string }
      | undefined;
    return row?.interaction_id ?? null;
  }

  async upsertRating(rec: RatingRecord): Promise<string> {
    const row = this.stmt(
      `INSERT INTO ratings (id, created_at, interaction_id, user_hash, value, comment) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (interaction_id, user_hash) DO UPDATE SET created_at = excluded.created_at, value = excluded.value, comment = excluded.comment
       RETURNING id`,
    ).get(rec.id ?? newId(), isoOrNow(rec.createdAt), rec.interactionId, rec.userHash, rec.value, rec.comment ?? null) as { id: string };
    return row.id;
  }
  async recordRating(rec: RatingRecord): Promise<string> {
    return this.upsertRating(rec);
  }
  async recordFriction(rec: FrictionRecord): Promise<string> {
    const id = rec.id ?? newId();
    this.stmt(
      `INSERT INTO frictions (id, created_at, user_hash, channel, step, blocker, process, commune, commune_code, epci, description, severity, contact_ok)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      isoOrNow(rec.createdAt),
      rec.userHash,
      rec.channel,
      rec.step,
      rec.blocker,
      rec.process,
      rec.commune,
      rec.communeCode ?? null,
      rec.epci ?? null,
      rec.description,
      rec.severity,
      rec.contactOk ? 1 : 0,
    );
    return id;
  }
  async recordUnanswered(rec: UnansweredRecord): Promise<string> {
    const id = rec.id ?? newId();
    const at = isoOrNow(rec.createdAt);
    await this.grouped(() =>
      this.stmt("INSERT INTO unanswered (id, created_at, interaction_id, question, reason, user_hash) VALUES (?, ?, ?, ?, ?, ?)").run(
        id,
        at,
        rec.interactionId ?? null,
        rec.question,
        rec.reason,
        rec.userHash,
      ),
    );
    return id;
  }

  async createHandoff(rec: Parameters<Storage["createHandoff"]>[0]): Promise<HandoffRecord> {
    const id = newId();
    this.stmt(
      `INSERT INTO handoffs (id, created_at, status, resolved_at, process, user_hash, channel, conversation_key, summary, question, facts, sources, reply_via)
       VALUES (?, ?, 'open', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      isoOrNow(),
      rec.process,
      rec.userHash,
      rec.channel,
      rec.conversationKey,
      rec.summary,
      rec.question ?? null,
      toJson(rec.facts ?? {}),
      toJson(rec.sources ?? []),
      rec.replyVia ?? null,
    );
    return (await this.getHandoff(id))!;
  }
  async resolveHandoff(id: string): Promise<HandoffRecord | null> {
    this.stmt("UPDATE handoffs SET status = 'resolved', resolved_at = ? WHERE id = ? AND status = 'open'").run(isoOrNow(), id);
    return this.getHandoff(id);
  }
  async getHandoff(id: string): Promise<HandoffRecord | null> {
    const row = this.stmt("SELECT * FROM handoffs WHERE id = ?").get(id) as Row | undefined;
    return row ? rowToHandoff(row) : null;
  }
  async listHandoffs(status?: "open" | "resolved"): Promise<HandoffRecord[]> {
    const rows = (
      status
        ? this.stmt("SELECT * FROM handoffs WHERE status = ? ORDER BY created_at, id").all(status)
        : this.stmt("SELECT * FROM handoffs ORDER BY created_at, id").all()
    ) as Row[];
    return rows.map(rowToHandoff);
  }

  async answerHandoff(id: string, reply: { text: string; agent: string }): Promise<AnswerResult | null> {
    const at = isoOrNow();
    const first = this.db
      .transaction(() => {
        const changed = this.stmt(
          `UPDATE handoffs SET reply_text = ?, reply_agent = ?, replied_at = ?, status = 'resolved', resolved_at = COALESCE(resolved_at, ?)
           WHERE id = ? AND reply_text IS NULL`,
        ).run(reply.text, reply.agent, at, at, id).changes;
        if (changed) this.stmt("DELETE FROM handoff_contacts WHERE handoff_id = ? AND kind IN ('email', 'phone')").run(id);
        return changed > 0;
      })
      .immediate();
    const handoff = await this.getHandoff(id);
    if (first) this.wipeFreedSpace();
    return handoff ? { handoff, first } : null;
  }
  async markHandoffDelivered(id: string): Promise<void> {
    this.stmt("UPDATE handoffs SET reply_delivered_at = ? WHERE id = ? AND reply_delivered_at IS NULL").run(isoOrNow(), id);
  }
  async setHandoffContact(handoffId: string, kind: ContactKind, value: string): Promise<void> {
    this.stmt(
      "INSERT INTO handoff_contacts (handoff_id, kind, value, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (handoff_id, kind) DO UPDATE SET value = excluded.value",
    ).run(handoffId, kind, value, isoOrNow());
  }
  async getHandoffContacts(handoffId: string): Promise<HandoffContacts> {
    const rows = this.stmt("SELECT kind, value FROM handoff_contacts WHERE handoff_id = ?").all(handoffId) as { kind: ContactKind; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.value])) as HandoffContacts;
  }

  async saveChannelRef(key: string, ref: unknown): Promise<void> {
    this.stmt(
      "INSERT INTO channel_refs (key, ref, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET ref = excluded.ref, updated_at = excluded.updated_at",
    ).run(key, toJson(ref), isoOrNow());
  }
  async getChannelRef<T = unknown>(key: string): Promise<T | null> {
    const row = this.stmt("SELECT ref FROM channel_refs WHERE key = ?").get(key) as { ref: string } | undefined;
    return row ? fromJson<T | null>(row.ref, null) : null;
  }

  async purge(before: Date): Promise<Record<string, number>> {
    const cut = before.toISOString();
    const old = "SELECT id FROM interactions WHERE created_at < @cut";
    const steps: [string, string][] = [
      ["ratings", `DELETE FROM ratings WHERE created_at < @cut OR interaction_id IN (${old})`],
      ["unanswered", `DELETE FROM unanswered WHERE created_at < @cut OR interaction_id IN (${old})`],
      ["message_links", `DELETE FROM message_links WHERE created_at < @cut OR interaction_id IN (${old})`],
      ["frictions", "DELETE FROM frictions WHERE created_at < @cut"],
      ["handoff_contacts", "DELETE FROM handoff_contacts WHERE created_at < @cut OR handoff_id IN (SELECT id FROM handoffs WHERE created_at < @cut)"],
      ["handoffs", "DELETE FROM handoffs WHERE created_at < @cut"],
      ["events", "DELETE FROM events WHERE created_at < @cut"],
      ["state", "DELETE FROM state WHERE updated_at < @cut"],
      ["channel_refs", "DELETE FROM channel_refs WHERE updated_at < @cut"],
      ["interactions", "DELETE FROM interactions WHERE created_at < @cut"],
    ];
    const counts = this.runDeletes(steps, { cut });
    this.wipeFreedSpace();
    return counts;
  }

  async forgetUser(userHash: string, platformIds: readonly string[] = []): Promise<Record<string, number>> {
    const mine = "SELECT id FROM interactions WHERE user_hash = @h";
    const keys = "SELECT conversation_key FROM interactions WHERE user_hash = @h UNION SELECT conversation_key FROM handoffs WHERE user_hash = @h";
    const steps: [string, string][] = [
      ["ratings", `DELETE FROM ratings WHERE user_hash = @h OR interaction_id IN (${mine})`],
      ["unanswered", `DELETE FROM unanswered WHERE user_hash = @h OR interaction_id IN (${mine})`],
      ["message_links", `DELETE FROM message_links WHERE interaction_id IN (${mine})`],
      ["frictions", "DELETE FROM frictions WHERE user_hash = @h"],
      // Channel records (button ownership, thread memory, cards) hold the person's short key in their key or value.
      ["state", `DELETE FROM state WHERE key IN (${keys}) OR (@like <> '' AND (key LIKE @like ESCAPE '\\' OR value LIKE @like ESCAPE '\\'))`],
      ["channel_refs", `DELETE FROM channel_refs WHERE key IN (${keys}) OR (@like <> '' AND key LIKE @like ESCAPE '\\')`],
      ["handoff_contacts", "DELETE FROM handoff_contacts WHERE handoff_id IN (SELECT id FROM handoffs WHERE user_hash = @h)"],
      ["handoffs", "DELETE FROM handoffs WHERE user_hash = @h"],
      ["interactions", "DELETE FROM interactions WHERE user_hash = @h"],
    ];
    const counts = this.runDeletes(steps, { h: userHash, like: hashLikePattern(userHash) }, () => {
      // Channel references (Teams) holding the person's raw platform id: the person is removed from them.
      let n = 0;
      const holds = "EXISTS (SELECT 1 FROM json_tree(channel_refs.ref) WHERE type = 'text' AND atom = @id)";
      for (const id of new Set(platformIds)) {
        if (!id) continue;
        n += this.stmt(`UPDATE channel_refs SET ref = json_remove(ref, '$.reference.user') WHERE ${holds}`).run({ id }).changes;
        n += this.stmt(`DELETE FROM channel_refs WHERE ${holds}`).run({ id }).changes;
      }
      return n;
    });
    this.wipeFreedSpace();
    return counts;
  }

  private runDeletes(steps: [string, string][], params: Record<string, string>, refs?: () => number): Record<string, number> {
    const counts: Record<string, number> = {};
    this.db
      .transaction(() => {
        for (const [table, sql] of steps) counts[table] = this.stmt(sql).run(params).changes;
        if (refs) counts.channel_refs = (counts.channel_refs ?? 0) + refs();
      })
      .immediate();
    return counts;
  }

  async reportData(q: ReportQuery): Promise<ReportData> {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (q.from) {
      where.push("created_at >= @from");
      params.from = q.from.toISOString();
    }
    if (q.to) {
      where.push("created_at < @to");
      params.to = q.to.toISOString();
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const all = (table: string) => this.stmt(`SELECT * FROM ${table} ${clause} ORDER BY created_at, id`).all(params) as Row[];
    // One read transaction: a consistent snapshot across tables.
    return this.db.transaction(() => ({
      interactions: all("interactions").map(rowToInteraction),
      ratings: all("ratings").map(rowToRating),
      frictions: all("frictions").map(rowToFriction),
      handoffs: all("handoffs").map(rowToHandoff),
      unanswered: all("unanswered").map(rowToUnanswered),
    }))();
  }
}
