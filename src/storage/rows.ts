/** Row ↔ record mapping shared by the SQL backends (column names are identical). */
import type { FrictionRecord, HandoffRecord, InteractionRecord, RatingRecord, UnansweredRecord } from "./types.js";
import { fromJson } from "./common.js";

type Row = Record<string, unknown>;

const ts = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
/** JSON columns: text in SQLite, already parsed (jsonb) in PostgreSQL. */
const json = <T>(v: unknown, fallback: T): T => (typeof v === "string" ? fromJson<T>(v, fallback) : ((v ?? fallback) as T));
const bool = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === "t";
const opt = <T extends object, K extends string>(obj: T, key: K, v: unknown): void => {
  if (v !== null && v !== undefined) (obj as Record<string, unknown>)[key] = v;
};

export function rowToInteraction(r: Row): InteractionRecord {
  return {
    id: String(r.id),
    createdAt: ts(r.created_at),
    channel: r.channel as InteractionRecord["channel"],
    audience: r.audience as InteractionRecord["audience"],
    userHash: String(r.user_hash),
    conversationKey: String(r.conversation_key),
    question: String(r.question),
    answer: String(r.answer),
    sources: json<string[]>(r.sources, []),
    route: (r.route ?? null) as InteractionRecord["route"],
    refused: bool(r.refused),
    latencyMs: Number(r.latency_ms),
  };
}

export function rowToRating(r: Row): RatingRecord {
  const rec: RatingRecord = {
    id: String(r.id),
    createdAt: ts(r.created_at),
    interactionId: String(r.interaction_id),
    userHash: String(r.user_hash),
    value: r.value as RatingRecord["value"],
  };
  opt(rec, "comment", r.comment);
  return rec;
}

export function rowToFriction(r: Row): FrictionRecord {
  const rec: FrictionRecord = {
    id: String(r.id),
    createdAt: ts(r.created_at),
    userHash: String(r.user_hash),
    channel: r.channel as FrictionRecord["channel"],
    step: r.step as FrictionRecord["step"],
    blocker: r.blocker as FrictionRecord["blocker"],
    process: r.process as FrictionRecord["process"],
    commune: String(r.commune),
    description: String(r.description),
    severity: Number(r.severity),
    contactOk: bool(r.contact_ok),
  };
  opt(rec, "communeCode", r.commune_code);
  opt(rec, "epci", r.epci);
  return rec;
}

export function rowToHandoff(r: Row): HandoffRecord {
  const rec: HandoffRecord = {
    id: String(r.id),
    createdAt: ts(r.created_at),
    status: r.status as HandoffRecord["status"],
    process: r.process as HandoffRecord["process"],
    userHash: String(r.user_hash),
    channel: r.channel as HandoffRecord["channel"],
    conversationKey: String(r.conversation_key),
    summary: String(r.summary),
    facts: json<Record<string, unknown>>(r.facts, {}),
    sources: json<string[]>(r.sources, []),
  };
  if (r.resolved_at !== null && r.resolved_at !== undefined) rec.resolvedAt = ts(r.resolved_at);
  opt(rec, "question", r.question);
  opt(rec, "replyVia", r.reply_via);
  if (r.reply_text !== null && r.reply_text !== undefined) rec.reply = { text: String(r.reply_text), agent: String(r.reply_agent ?? ""), at: ts(r.replied_at) };
  if (r.reply_delivered_at !== null && r.reply_delivered_at !== undefined) rec.replyDeliveredAt = ts(r.reply_delivered_at);
  return rec;
}

export function rowToUnanswered(r: Row): UnansweredRecord {
  const rec: UnansweredRecord = {
    id: String(r.id),
    createdAt: ts(r.created_at),
    question: String(r.question),
    reason: r.reason as UnansweredRecord["reason"],
    userHash: String(r.user_hash),
  };
  opt(rec, "interactionId", r.interaction_id);
  return rec;
}
