/**
 * PostgreSQL backend (pg Pool), selected by DATABASE_URL. Safe for several
 * replicas: migrations run under a transaction-scoped advisory lock, and
 * `claimEvent` is one INSERT … ON CONFLICT DO NOTHING.
 *
 * The per-turn queries (dedupe, conversation state, interactions, message
 * links) run as named prepared statements: each pooled connection parses and
 * plans them once, then only binds and executes. pg tracks them per
 * connection, so the pool is safe. None of them returns `*`, so a migration
 * adding columns cannot break a cached plan. Behind PgBouncer in transaction
 * mode without `max_prepared_statements`, set `PG_PREPARED_STATEMENTS=off`.
 */
import pg from "pg";
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
import { POSTGRES_MIGRATIONS } from "./migrations/postgres.js";
import type { Migration } from "./migrations/index.js";
import { hashLikePattern, isoOrNow, newId, toJson } from "./common.js";
import { rowToFriction, rowToHandoff, rowToInteraction, rowToRating, rowToUnanswered } from "./rows.js";

type Row = Record<string, unknown>;
/** One statement of an erasure: the table it counts for, its SQL, its parameters. */
type Step = [table: string, sql: string, params: unknown[]];

/** A query run as a named prepared statement; each name has exactly one text. */
interface NamedQuery {
  name: string;
  text: string;
}

const HOT = {
  getState: { name: "relais_get_state", text: "SELECT value FROM state WHERE key = $1" },
  setState: {
    name: "relais_set_state",
    text: `INSERT INTO state (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  },
  deleteState: { name: "relais_delete_state", text: "DELETE FROM state WHERE key = $1" },
  claimEvent: {
    name: "relais_claim_event",
    text: "INSERT INTO events (key, created_at) VALUES ($1, now()) ON CONFLICT (key) DO NOTHING",
  },
  recordInteraction: {
    name: "relais_record_interaction",
    text: `INSERT INTO interactions (id, created_at, channel, audience, user_hash, conversation_key, question, answer, sources, route, refused, latency_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)`,
  },
  linkMessage: {
    name: "relais_link_message",
    text: `INSERT INTO message_links (channel, message_id, interaction_id, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (channel, message_id) DO UPDATE SET interaction_id = excluded.interaction_id`,
  },
  findInteractionByMessage: {
    name: "relais_find_interaction_by_message",
    text: "SELECT interaction_id FROM message_links WHERE channel = $1 AND message_id = $2",
  },
} satisfies Record<string, NamedQuery>;

/** Arbitrary constant identifying Relais ESS migrations for pg_advisory_xact_lock. */
const MIGRATION_LOCK_ID = 740_312_024;

export interface PostgresOptions {
  /** Maximum pool size (default 10). */
  max?: number;
  /** Give up connecting after this many milliseconds (default 10 000). */
  connectionTimeoutMillis?: number;
  migrations?: Migration[];
  /**
   * Run the per-turn queries as named prepared statements (default: true;
   * PG_PREPARED_STATEMENTS=off in the configuration). Turn off behind a pooler
   * that cannot track them (PgBouncer < 1.21 in transaction mode).
   */
  preparedStatements?: boolean;
}

export class PostgresStorage implements Storage {
  readonly kind = "postgres" as const;
  readonly pool: pg.Pool;
  private readonly migrations: Migration[];
  private closed = false;
  private readonly prepared: boolean;

  constructor(connectionString: string, opts: PostgresOptions = {}) {
    this.pool = new pg.Pool({ connectionString, max: opts.max ?? 10, connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 10_000 });
    // An idle client losing its connection must not crash the process.
    this.pool.on("error", () => {});
    this.migrations = opts.migrations ?? POSTGRES_MIGRATIONS;
    this.prepared = opts.preparedStatements ?? true;
  }

  private async q(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(sql, params);
  }

  /** A per-turn query: named prepared statement, or plain when those are turned off. */
  private async hot(query: NamedQuery, values: unknown[]): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(this.prepared ? { name: query.name, text: query.text, values } : { text: query.text, values });
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    const sorted = [...this.migrations].sort((a, b) => a.version - b.version);
    await this.tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_ID]);
      await c.query("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
      const done = new Set((await c.query<{ version: number }>("SELECT version FROM migrations")).rows.map((r) => r.version));
      for (const m of sorted) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query("INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, now())", [m.version, m.name]);
      }
    });
  }

  async appliedMigrations(): Promise<number[]> {
    return (await this.q("SELECT version FROM migrations ORDER BY version")).rows.map((r) => Number(r.version));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.q("SELECT 1 AS ok")).rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async getState<T = unknown>(key: string): Promise<T | null> {
    const { rows } = await this.hot(HOT.getState, [key]);
    return rows[0] ? ((rows[0].value ?? null) as T | null) : null;
  }
  async setState(key: string, state: unknown): Promise<void> {
    await this.hot(HOT.setState, [key, toJson(state)]);
  }
  async deleteState(key: string): Promise<void> {
    await this.hot(HOT.deleteState, [key]);
  }

  async claimEvent(key: string): Promise<boolean> {
    const res = await this.hot(HOT.claimEvent, [key]);
    return res.rowCount === 1;
  }

  async recordInteraction(rec: InteractionRecord): Promise<string> {
    const id = rec.id ?? newId();
    await this.hot(HOT.recordInteraction, [
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
      Boolean(rec.refused),
      Math.round(rec.latencyMs ?? 0),
    ]);
    return id;
  }
  async getInteraction(id: string): Promise<InteractionRecord | null> {
    const { rows } = await this.q("SELECT * FROM interactions WHERE id = $1", [id]);
    return rows[0] ? rowToInteraction(rows[0]) : null;
  }
  async linkMessage(channel: Channel, messageId: string, interactionId: string): Promise<void> {
    await this.hot(HOT.linkMessage, [channel, messageId, interactionId]);
  }
  async findInteractionByMessage(channel: Channel, messageId: string): Promise<string | null> {
    const { rows } = await this.hot(HOT.findInteractionByMessage, [channel, messageId]);
    return rows[0] ? String(rows[0].interaction_id) : null;
  }

  async upsertRating(rec: RatingRecord): Promise<string> {
    const { rows } = await this.q(
      `INSERT INTO ratings (id, created_at, interaction_id, user_hash, value, comment) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (interaction_id, user_hash) DO UPDATE SET created_at = EXCLUDED.created_at, value = EXCLUDED.value, comment = EXCLUDED.comment
       RETURNING id`,
      [rec.id ?? newId(), isoOrNow(rec.createdAt), rec.interactionId, rec.userHash, rec.value, rec.comment ?? null],
    );
    return String(rows[0]!.id);
  }
  async recordRating(rec: RatingRecord): Promise<string> {
    return this.upsertRating(rec);
  }
  async recordFriction(rec: FrictionRecord): Promise<string> {
    const id = rec.id ?? newId();
    await this.q(
      `INSERT INTO frictions (id, created_at, user_hash, channel, step, blocker, process, commune, commune_code, epci, description, severity, contact_ok)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
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
        Boolean(rec.contactOk),
      ],
    );
    return id;
  }
  async recordUnanswered(rec: UnansweredRecord): Promise<string> {
    const id = rec.id ?? newId();
    await this.q("INSERT INTO unanswered (id, created_at, interaction_id, question, reason, user_hash) VALUES ($1, $2, $3, $4, $5, $6)", [
      id,
      isoOrNow(rec.createdAt),
      rec.interactionId ?? null,
      rec.question,
      rec.reason,
      rec.userHash,
    ]);
    return id;
  }

  async createHandoff(rec: Parameters<Storage["createHandoff"]>[0]): Promise<HandoffRecord> {
    const { rows } = await this.q(
      `INSERT INTO handoffs (id, created_at, status, resolved_at, process, user_hash, channel, conversation_key, summary, question, facts, sources, reply_via)
       VALUES ($1, $2, 'open', NULL, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11) RETURNING *`,
      [
        newId(),
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
      ],
    );
    return rowToHandoff(rows[0]!);
  }
  async resolveHandoff(id: string): Promise<HandoffRecord | null> {
    await this.q("UPDATE handoffs SET status = 'resolved', resolved_at = now() WHERE id = $1 AND status = 'open'", [id]);
    return this.getHandoff(id);
  }
  async getHandoff(id: string): Promise<HandoffRecord | null> {
    const { rows } = await this.q("SELECT * FROM handoffs WHERE id = $1", [id]);
    return rows[0] ? rowToHandoff(rows[0]) : null;
  }
  async listHandoffs(status?: "open" | "resolved"): Promise<HandoffRecord[]> {
    const { rows } = status
      ? await this.q("SELECT * FROM handoffs WHERE status = $1 ORDER BY created_at, id", [status])
      : await this.q("SELECT * FROM handoffs ORDER BY created_at, id");
    return rows.map(rowToHandoff);
  }

  async answerHandoff(id: string, reply: { text: string; agent: string }): Promise<AnswerResult | null> {
    const first = await this.tx(async (c) => {
      const r = await c.query(
        `UPDATE handoffs SET reply_text = $1, reply_agent = $2, replied_at = now(), status = 'resolved', resolved_at = COALESCE(resolved_at, now())
         WHERE id = $3 AND reply_text IS NULL`,
        [reply.text, reply.agent, id],
      );
      if (r.rowCount) await c.query("DELETE FROM handoff_contacts WHERE handoff_id = $1 AND kind IN ('email', 'phone')", [id]);
      return (r.rowCount ?? 0) > 0;
    });
    const handoff = await this.getHandoff(id);
    return handoff ? { handoff, first } : null;
  }
  async markHandoffDelivered(id: string): Promise<void> {
    await this.q("UPDATE handoffs SET reply_delivered_at = now() WHERE id = $1 AND reply_delivered_at IS NULL", [id]);
  }
  async setHandoffContact(handoffId: string, kind: ContactKind, value: string): Promise<void> {
    await this.q(
      `INSERT INTO handoff_contacts (handoff_id, kind, value, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (handoff_id, kind) DO UPDATE SET value = excluded.value`,
      [handoffId, kind, value],
    );
  }
  async getHandoffContacts(handoffId: string): Promise<HandoffContacts> {
    const { rows } = await this.q("SELECT kind, value FROM handoff_contacts WHERE handoff_id = $1", [handoffId]);
    return Object.fromEntries(rows.map((r) => [String(r.kind), String(r.value)])) as HandoffContacts;
  }

  async saveChannelRef(key: string, ref: unknown): Promise<void> {
    await this.q(
      `INSERT INTO channel_refs (key, ref, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET ref = excluded.ref, updated_at = excluded.updated_at`,
      [key, toJson(ref)],
    );
  }
  async getChannelRef<T = unknown>(key: string): Promise<T | null> {
    const { rows } = await this.q("SELECT ref FROM channel_refs WHERE key = $1", [key]);
    return rows[0] ? ((rows[0].ref ?? null) as T | null) : null;
  }

  async purge(before: Date): Promise<Record<string, number>> {
    const old = "SELECT id FROM interactions WHERE created_at < $1";
    const cut = [before.toISOString()];
    return this.runDeletes([
      ["ratings", `DELETE FROM ratings WHERE created_at < $1 OR interaction_id IN (${old})`, cut],
      ["unanswered", `DELETE FROM unanswered WHERE created_at < $1 OR interaction_id IN (${old})`, cut],
      ["message_links", `DELETE FROM message_links WHERE created_at < $1 OR interaction_id IN (${old})`, cut],
      ["frictions", "DELETE FROM frictions WHERE created_at < $1", cut],
      ["handoff_contacts", "DELETE FROM handoff_contacts WHERE created_at < $1 OR handoff_id IN (SELECT id FROM handoffs WHERE created_at < $1)", cut],
      ["handoffs", "DELETE FROM handoffs WHERE created_at < $1", cut],
      ["events", "DELETE FROM events WHERE created_at < $1", cut],
      ["state", "DELETE FROM state WHERE updated_at < $1", cut],
      ["channel_refs", "DELETE FROM channel_refs WHERE updated_at < $1", cut],
      ["interactions", "DELETE FROM interactions WHERE created_at < $1", cut],
    ]);
  }

  async forgetUser(userHash: string, platformIds: readonly string[] = []): Promise<Record<string, number>> {
    const mine = "SELECT id FROM interactions WHERE user_hash = $1";
    const keys = "SELECT conversation_key FROM interactions WHERE user_hash = $1 UNION SELECT conversation_key FROM handoffs WHERE user_hash = $1";
    const params = [userHash, hashLikePattern(userHash)];
    // Channel references (Teams) holding the person's raw platform id anywhere: the person is removed from them.
    const holds = "jsonb_path_exists(ref, '$.** ? (@ == $id)', jsonb_build_object('id', $1::text))";
    const refSteps: Step[] = [...new Set(platformIds)].filter(Boolean).flatMap((id) => [
      ["channel_refs", `UPDATE channel_refs SET ref = ref #- '{reference,user}' WHERE ${holds}`, [id]],
      ["channel_refs", `DELETE FROM channel_refs WHERE ${holds}`, [id]],
    ]);
    return this.runDeletes([
      ["ratings", `DELETE FROM ratings WHERE user_hash = $1 OR interaction_id IN (${mine})`, params],
      ["unanswered", `DELETE FROM unanswered WHERE user_hash = $1 OR interaction_id IN (${mine})`, params],
      ["message_links", `DELETE FROM message_links WHERE interaction_id IN (${mine})`, params],
      ["frictions", "DELETE FROM frictions WHERE user_hash = $1", params],
      // Channel records (button ownership, thread memory, cards) hold the person's short key in their key or value.
      ["state", `DELETE FROM state WHERE key IN (${keys}) OR ($2 <> '' AND (key LIKE $2 ESCAPE '\\' OR value::text LIKE $2 ESCAPE '\\'))`, params],
      ["channel_refs", `DELETE FROM channel_refs WHERE key IN (${keys}) OR ($2 <> '' AND key LIKE $2 ESCAPE '\\')`, params],
      ...refSteps,
      ["handoff_contacts", "DELETE FROM handoff_contacts WHERE handoff_id IN (SELECT id FROM handoffs WHERE user_hash = $1)", [userHash]],
      ["handoffs", "DELETE FROM handoffs WHERE user_hash = $1", params],
      ["interactions", "DELETE FROM interactions WHERE user_hash = $1", params],
    ]);
  }

  /** Runs the statements in one transaction; counts are added up per table. */
  private async runDeletes(steps: Step[]): Promise<Record<string, number>> {
    return this.tx(async (c) => {
      const counts: Record<string, number> = {};
      for (const [table, sql, params] of steps) {
        // Pass only the parameters a statement uses ($1…$n): pg refuses extra ones.
        const used = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
        counts[table] = (counts[table] ?? 0) + ((await c.query(sql, params.slice(0, used))).rowCount ?? 0);
      }
      return counts;
    });
  }

  async reportData(q: ReportQuery): Promise<ReportData> {
    const where: string[] = [];
    const params: string[] = [];
    if (q.from) {
      params.push(q.from.toISOString());
      where.push(`created_at >= $${params.length}`);
    }
    if (q.to) {
      params.push(q.to.toISOString());
      where.push(`created_at < $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    // REPEATABLE READ: one consistent snapshot across the five tables.
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const all = async (table: string) => (await client.query<Row>(`SELECT * FROM ${table} ${clause} ORDER BY created_at, id`, params)).rows;
      const data: ReportData = {
        interactions: (await all("interactions")).map(rowToInteraction),
        ratings: (await all("ratings")).map(rowToRating),
        frictions: (await all("frictions")).map(rowToFriction),
        handoffs: (await all("handoffs")).map(rowToHandoff),
        unanswered: (await all("unanswered")).map(rowToUnanswered),
      };
      await client.query("COMMIT");
      return data;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}
