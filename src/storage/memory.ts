/**
 * In-process backend for tests and scratch runs. Same semantics as the SQL
 * backends (see tests/storage/contract.test.ts); values are deep-copied in and
 * out so callers cannot mutate stored records.
 */
import type {
  AnswerResult,
  ContactKind,
  FrictionRecord,
  HandoffContacts,
  HandoffRecord,
  InteractionRecord,
  RatingRecord,
  ReportData,
  ReportQuery,
  Storage,
  UnansweredRecord,
} from "./types.js";
import type { Channel } from "../domain/ids.js";
import { hashNeedle, isoOrNow, newId, zeroCounts } from "./common.js";

type Stamped<T> = T & { id: string; createdAt: string };

const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
/** Stored form: plain JSON, so `undefined` fields vanish as they do in SQL backends. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function inRange(createdAt: string, q: ReportQuery): boolean {
  if (q.from && createdAt < q.from.toISOString()) return false;
  if (q.to && createdAt >= q.to.toISOString()) return false;
  return true;
}

export class MemoryStorage implements Storage {
  readonly kind = "memory" as const;
  private migrated = false;
  /** State values are kept as JSON text: one stringify to store, one parse to read a private copy. */
  private state = new Map<string, { json: string; updatedAt: string }>();
  private events = new Map<string, string>();
  private interactions = new Map<string, Stamped<InteractionRecord>>();
  private links = new Map<string, { interactionId: string; createdAt: string }>();
  private ratings = new Map<string, Stamped<RatingRecord>>();
  private frictions = new Map<string, Stamped<FrictionRecord>>();
  private handoffs = new Map<string, HandoffRecord>();
  private unanswered = new Map<string, Stamped<UnansweredRecord>>();
  private refs = new Map<string, { ref: unknown; updatedAt: string }>();
  /** Key: handoff id + NUL + kind. */
  private contacts = new Map<string, { handoffId: string; kind: ContactKind; value: string; createdAt: string }>();

  async migrate(): Promise<void> {
    this.migrated = true;
  }
  async ping(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}

  /** For tests: whether migrate() was called. */
  get isMigrated(): boolean {
    return this.migrated;
  }

  async getState<T = unknown>(key: string): Promise<T | null> {
    const row = this.state.get(key);
    return row === undefined ? null : (JSON.parse(row.json) as T);
  }
  async setState(key: string, state: unknown): Promise<void> {
    const json = JSON.stringify(state ?? null);
    // A value JSON cannot represent at all (a function, a symbol) is refused, as before.
    if (json === undefined) throw new SyntaxError("setState: the state is not JSON-serialisable");
    this.state.set(key, { json, updatedAt: isoOrNow() });
  }
  async deleteState(key: string): Promise<void> {
    this.state.delete(key);
  }

  async claimEvent(key: string): Promise<boolean> {
    if (this.events.has(key)) return false;
    this.events.set(key, isoOrNow());
    return true;
  }

  async recordInteraction(rec: InteractionRecord): Promise<string> {
    const id = rec.id ?? newId();
    this.interactions.set(id, { ...plain(rec), id, createdAt: isoOrNow(rec.createdAt) });
    return id;
  }
  async getInteraction(id: string): Promise<InteractionRecord | null> {
    return copy(this.interactions.get(id)) ?? null;
  }
  async linkMessage(channel: Channel, messageId: string, interactionId: string): Promise<void> {
    this.links.set(`${channel}\u0000${messageId}`, { interactionId, createdAt: isoOrNow() });
  }
  async findInteractionByMessage(channel: Channel, messageId: string): Promise<string | null> {
    return this.links.get(`${channel}\u0000${messageId}`)?.interactionId ?? null;
  }

  async upsertRating(rec: RatingRecord): Promise<string> {
    const previous = [...this.ratings.values()].find((r) => r.interactionId === rec.interactionId && r.userHash === rec.userHash);
    const id = previous?.id ?? rec.id ?? newId();
    this.ratings.set(id, { ...plain(rec), id, createdAt: isoOrNow(rec.createdAt) });
    return id;
  }
  async recordRating(rec: RatingRecord): Promise<string> {
    return this.upsertRating(rec);
  }
  async recordFriction(rec: FrictionRecord): Promise<string> {
    const id = rec.id ?? newId();
    this.frictions.set(id, { ...plain(rec), id, createdAt: isoOrNow(rec.createdAt) });
    return id;
  }
  async recordUnanswered(rec: UnansweredRecord): Promise<string> {
    const id = rec.id ?? newId();
    this.unanswered.set(id, { ...plain(rec), id, createdAt: isoOrNow(rec.createdAt) });
    return id;
  }

  async createHandoff(rec: Parameters<Storage["createHandoff"]>[0]): Promise<HandoffRecord> {
    const h: HandoffRecord = {
      ...plain(rec),
      id: newId(),
      createdAt: isoOrNow(),
      status: "open",
    };
    delete h.resolvedAt;
    this.handoffs.set(h.id, h);
    return copy(h);
  }
  async resolveHandoff(id: string): Promise<HandoffRecord | null> {
    const h = this.handoffs.get(id);
    if (!h) return null;
    if (h.status !== "resolved") {
      h.status = "resolved";
      h.resolvedAt = isoOrNow();
    }
    return copy(h);
  }
  async getHandoff(id: string): Promise<HandoffRecord | null> {
    return copy(this.handoffs.get(id)) ?? null;
  }
  async listHandoffs(status?: "open" | "resolved"): Promise<HandoffRecord[]> {
    return [...this.handoffs.values()]
      .filter((h) => !status || h.status === status)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(copy);
  }

  async answerHandoff(id: string, reply: { text: string; agent: string }): Promise<AnswerResult | null> {
    const h = this.handoffs.get(id);
    if (!h) return null;
    if (h.reply) return { handoff: copy(h), first: false };
    const at = isoOrNow();
    h.reply = { text: reply.text, agent: reply.agent, at };
    if (h.status !== "resolved") {
      h.status = "resolved";
      h.resolvedAt = at;
    }
    for (const kind of ["email", "phone"] as const) this.contacts.delete(`${id}\u0000${kind}`);
    return { handoff: copy(h), first: true };
  }
  async markHandoffDelivered(id: string): Promise<void> {
    const h = this.handoffs.get(id);
    if (h && !h.replyDeliveredAt) h.replyDeliveredAt = isoOrNow();
  }
  async setHandoffContact(handoffId: string, kind: ContactKind, value: string): Promise<void> {
    this.contacts.set(`${handoffId}\u0000${kind}`, { handoffId, kind, value, createdAt: isoOrNow() });
  }
  async getHandoffContacts(handoffId: string): Promise<HandoffContacts> {
    const out: HandoffContacts = {};
    for (const c of this.contacts.values()) if (c.handoffId === handoffId) out[c.kind] = c.value;
    return out;
  }

  async saveChannelRef(key: string, ref: unknown): Promise<void> {
    this.refs.set(key, { ref: JSON.parse(JSON.stringify(ref ?? null)), updatedAt: isoOrNow() });
  }
  async getChannelRef<T = unknown>(key: string): Promise<T | null> {
    const row = this.refs.get(key);
    return row === undefined ? null : (copy(row.ref) as T);
  }

  async purge(before: Date): Promise<Record<string, number>> {
    const cut = before.toISOString();
    const counts = zeroCounts([
      "interactions",
      "ratings",
      "frictions",
      "handoffs",
      "handoff_contacts",
      "unanswered",
      "message_links",
      "events",
      "state",
      "channel_refs",
    ]);
    const gone = new Set([...this.interactions.values()].filter((i) => i.createdAt < cut).map((i) => i.id));
    const del = <V>(map: Map<string, V>, table: string, pred: (v: V) => boolean) => {
      for (const [k, v] of map) {
        if (pred(v)) {
          map.delete(k);
          counts[table]!++;
        }
      }
    };
    del(this.ratings, "ratings", (r) => r.createdAt < cut || gone.has(r.interactionId));
    del(this.unanswered, "unanswered", (u) => u.createdAt < cut || (u.interactionId !== undefined && gone.has(u.interactionId)));
    del(this.links, "message_links", (l) => l.createdAt < cut || gone.has(l.interactionId));
    del(this.frictions, "frictions", (f) => f.createdAt < cut);
    const oldHandoffs = new Set([...this.handoffs.values()].filter((h) => h.createdAt < cut).map((h) => h.id));
    del(this.contacts, "handoff_contacts", (c) => c.createdAt < cut || oldHandoffs.has(c.handoffId));
    del(this.handoffs, "handoffs", (h) => h.createdAt < cut);
    del(this.events, "events", (createdAt) => createdAt < cut);
    del(this.state, "state", (s) => s.updatedAt < cut);
    del(this.refs, "channel_refs", (r) => r.updatedAt < cut);
    del(this.interactions, "interactions", (i) => gone.has(i.id));
    return counts;
  }

  async forgetUser(userHash: string, platformIds: readonly string[] = []): Promise<Record<string, number>> {
    const counts = zeroCounts(["interactions", "ratings", "frictions", "handoffs", "handoff_contacts", "unanswered", "message_links", "state", "channel_refs"]);
    const mine = [...this.interactions.values()].filter((i) => i.userHash === userHash);
    const ids = new Set(mine.map((i) => i.id));
    const keys = new Set([
      ...mine.map((i) => i.conversationKey),
      ...[...this.handoffs.values()].filter((h) => h.userHash === userHash).map((h) => h.conversationKey),
    ]);
    const del = <V>(map: Map<string, V>, table: string, pred: (v: V, k: string) => boolean) => {
      for (const [k, v] of map) {
        if (pred(v, k)) {
          map.delete(k);
          counts[table]!++;
        }
      }
    };
    del(this.ratings, "ratings", (r) => r.userHash === userHash || ids.has(r.interactionId));
    del(this.unanswered, "unanswered", (u) => u.userHash === userHash || (u.interactionId !== undefined && ids.has(u.interactionId)));
    del(this.links, "message_links", (l) => ids.has(l.interactionId));
    del(this.frictions, "frictions", (f) => f.userHash === userHash);
    const theirs = new Set([...this.handoffs.values()].filter((h) => h.userHash === userHash).map((h) => h.id));
    del(this.contacts, "handoff_contacts", (c) => theirs.has(c.handoffId));
    del(this.handoffs, "handoffs", (h) => h.userHash === userHash);
    const needle = hashNeedle(userHash);
    const holds = (k: string) => keys.has(k) || (needle !== "" && k.includes(needle));
    // Channel records (button ownership, thread memory, cards) hold the person's short key in their key or value.
    del(this.state, "state", (v, k) => holds(k) || (needle !== "" && JSON.stringify(v).includes(needle)));
    del(this.refs, "channel_refs", (_v, k) => holds(k));
    // Channel references holding the person's raw id: the person is removed from them.
    const raw = new Set(platformIds.filter(Boolean));
    for (const [k, v] of this.refs) {
      if (!raw.size || !holdsString(v.ref, raw)) continue;
      const ref = structuredClone(v.ref) as { reference?: Record<string, unknown> };
      if (ref?.reference) delete ref.reference.user;
      if (holdsString(ref, raw)) this.refs.delete(k);
      else this.refs.set(k, { ...v, ref });
      counts.channel_refs!++;
    }
    del(this.interactions, "interactions", (i) => ids.has(i.id));
    return counts;
  }

  async reportData(q: ReportQuery): Promise<ReportData> {
    const pick = <T extends { createdAt?: string }>(m: Map<string, T>): T[] =>
      [...m.values()]
        .filter((r) => inRange(r.createdAt!, q))
        .sort((a, b) => a.createdAt!.localeCompare(b.createdAt!))
        .map(copy);
    return {
      interactions: pick(this.interactions),
      ratings: pick(this.ratings),
      frictions: pick(this.frictions),
      handoffs: pick(this.handoffs),
      unanswered: pick(this.unanswered),
    };
  }
}

/** True when one of `values` is a string anywhere inside `node`. */
function holdsString(node: unknown, values: ReadonlySet<string>): boolean {
  if (typeof node === "string") return values.has(node);
  if (Array.isArray(node)) return node.some((n) => holdsString(n, values));
  if (node && typeof node === "object") return Object.values(node).some((n) => holdsString(n, values));
  return false;
}
