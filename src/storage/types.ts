/**
 * The storage interface, as small ports (conversation state, event dedupe,
 * interactions, message links, feedback, frictions, handoffs, channel references,
 * report source, retention) that `Storage` sums up: each channel and each flow
 * asks only for the ports it uses. Backends: memory (tests, scratch), SQLite
 * (default, better-sqlite3, WAL) and PostgreSQL (pg, selected by DATABASE_URL).
 * Every text field reaching a backend has already been scrubbed of personal
 * data (src/privacy) and user ids are pseudonymous (HMAC), never raw platform ids.
 * A method that resolves has durably written its data (acknowledged = stored).
 */
import type { Audience, Channel, ProcessId } from "../domain/ids.js";
import type { FrictionInput } from "../domain/friction.js";

export { BLOCKERS, FrictionInput, JOURNEY_STEPS } from "../domain/friction.js";

export interface InteractionRecord {
  id?: string;
  createdAt?: string;
  channel: Channel;
  audience: Audience;
  userHash: string;
  conversationKey: string;
  question: string;
  answer: string;
  sources: string[];
  route: ProcessId | null;
  refused: boolean;
  latencyMs: number;
}

export interface RatingRecord {
  id?: string;
  createdAt?: string;
  interactionId: string;
  userHash: string;
  value: "up" | "down";
  comment?: string;
}

export interface FrictionRecord extends FrictionInput {
  id?: string;
  createdAt?: string;
  userHash: string;
  channel: Channel;
  /** INSEE code of the resolved commune, when known. */
  communeCode?: string;
  /** EPCI name of the commune, when known (for the report by territory). */
  epci?: string;
}

export interface HandoffRecord {
  id: string;
  createdAt: string;
  status: "open" | "resolved";
  resolvedAt?: string;
  process: ProcessId;
  userHash: string;
  channel: Channel;
  conversationKey: string;
  summary: string;
  question?: string;
  facts: Record<string, unknown>;
  sources: string[];
  /** How the person asked to be answered (the address itself is in `handoff_contacts`). */
  replyVia?: ReplyVia;
  /** The agent's answer, once given (the handoff is then resolved). */
  reply?: HandoffReply;
  /** When the answer reached the person's conversation (web: on the next visit). */
  replyDeliveredAt?: string;
}

export const REPLY_VIAS = ["conversation", "email", "phone"] as const;
export type ReplyVia = (typeof REPLY_VIAS)[number];

export interface HandoffReply {
  /** The agent's text, scrubbed like every stored text. */
  text: string;
  /** Display name of the agent (a colleague of the ESS team, not the person asking). */
  agent: string;
  at: string;
}

/**
 * Personal contact data of one handoff, kept apart from every other table:
 * `origin` is the channel's reference to the person's conversation (to deliver
 * the answer there), `email`/`phone` an address given with explicit consent.
 * Never read by reports; erased by `forgetUser`, `purge`, and once answered (email/phone).
 */
export const CONTACT_KINDS = ["origin", "email", "phone"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type HandoffContacts = Partial<Record<ContactKind, string>>;

/** Result of answering a handoff: `first` is false when someone had already answered it. */
export interface AnswerResult {
  handoff: HandoffRecord;
  first: boolean;
}

export interface UnansweredRecord {
  id?: string;
  createdAt?: string;
  interactionId?: string;
  question: string;
  reason: "refused" | "rated-down";
  userHash: string;
}

export interface ReportQuery {
  from?: Date;
  to?: Date;
}

export interface ReportData {
  interactions: InteractionRecord[];
  ratings: RatingRecord[];
  frictions: FrictionRecord[];
  handoffs: HandoffRecord[];
  unanswered: UnansweredRecord[];
}

/** Conversation state, keyed by channel/conversation/thread/user key. JSON-serialisable. */
export interface StateStore {
  getState<T = unknown>(key: string): Promise<T | null>;
  setState(key: string, state: unknown): Promise<void>;
  deleteState(key: string): Promise<void>;
}

/** Event dedupe across replicas (Slack and Teams retry deliveries). */
export interface EventDedupe {
  /** True the first time a key is claimed (across replicas), false afterwards. */
  claimEvent(key: string): Promise<boolean>;
}

/** The log of answered questions. */
export interface InteractionLog {
  recordInteraction(rec: InteractionRecord): Promise<string>;
  getInteraction(id: string): Promise<InteractionRecord | null>;
}

/** Which channel message (Slack ts, Teams activity id) showed which interaction (for ratings). */
export interface MessageLinks {
  /** Links a channel message id (Slack ts, Teams activity id) to an interaction. */
  linkMessage(channel: Channel, messageId: string, interactionId: string): Promise<void>;
  findInteractionByMessage(channel: Channel, messageId: string): Promise<string | null>;
}

/** Ratings and the questions left unanswered. */
export interface FeedbackStore {
  /**
   * One rating per person per interaction: the first vote inserts, a later one
   * replaces value, comment and date (the last one counts) and keeps the id.
   * Returns the rating's id.
   */
  upsertRating(rec: RatingRecord): Promise<string>;
  /** Same as `upsertRating` (one rating per person per interaction). */
  recordRating(rec: RatingRecord): Promise<string>;
  recordUnanswered(rec: UnansweredRecord): Promise<string>;
}

export interface FrictionStore {
  recordFriction(rec: FrictionRecord): Promise<string>;
}

/** Reading one handoff (a channel redrawing its card). */
export interface HandoffLookup {
  getHandoff(id: string): Promise<HandoffRecord | null>;
}

/** Handoffs to a person, their answers and their contacts (kept apart). */
export interface HandoffStore extends HandoffLookup {
  createHandoff(rec: Omit<HandoffRecord, "id" | "createdAt" | "status" | "reply" | "replyDeliveredAt" | "resolvedAt">): Promise<HandoffRecord>;
  resolveHandoff(id: string): Promise<HandoffRecord | null>;
  listHandoffs(status?: "open" | "resolved"): Promise<HandoffRecord[]>;
  /**
   * Records the agent's answer and resolves the handoff, atomically: only the
   * first answer is kept (`first: false` and the stored answer for a later one).
   * Erases the e-mail / phone contact, which was kept only to answer. Null if unknown.
   */
  answerHandoff(id: string, reply: { text: string; agent: string }): Promise<AnswerResult | null>;
  /** Marks the answer as delivered to the person's conversation. */
  markHandoffDelivered(id: string): Promise<void>;
  /** Stores one contact of a handoff (replaces the same kind). */
  setHandoffContact(handoffId: string, kind: ContactKind, value: string): Promise<void>;
  getHandoffContacts(handoffId: string): Promise<HandoffContacts>;
}

/** Channel references (e.g. Teams conversation references) for proactive messages. */
export interface ChannelRefStore {
  saveChannelRef(key: string, ref: unknown): Promise<void>;
  getChannelRef<T = unknown>(key: string): Promise<T | null>;
}

/** What the report reads. */
export interface ReportSource extends Pick<InteractionLog, "getInteraction">, Pick<HandoffStore, "listHandoffs"> {
  reportData(q: ReportQuery): Promise<ReportData>;
}

/** Retention and the right to erasure. */
export interface Retention {
  /** Deletes every record older than `before`; returns counts per table. */
  purge(before: Date): Promise<Record<string, number>>;
  /**
   * Deletes every record of one pseudonymous user; returns counts per table.
   * `platformIds` (the raw ids given to `forget`, never stored by it) also
   * removes the person from channel references, which hold a raw platform id
   * and display name (Teams conversation references).
   */
  forgetUser(userHash: string, platformIds?: readonly string[]): Promise<Record<string, number>>;
}

/**
 * The whole storage, as the runtime builds it: the sum of the ports above plus
 * its life cycle. Code below the runtime asks for the ports it uses.
 */
export interface Storage
  extends StateStore,
    EventDedupe,
    InteractionLog,
    MessageLinks,
    FeedbackStore,
    FrictionStore,
    HandoffStore,
    ChannelRefStore,
    ReportSource,
    Retention {
  readonly kind: "memory" | "sqlite" | "postgres";
  /** Applies pending versioned migrations. Idempotent. */
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** What the channels (Slack, Teams, web) use of the storage. */
export type ChannelStorage = StateStore & EventDedupe & MessageLinks & ChannelRefStore & HandoffLookup & ReportSource;
