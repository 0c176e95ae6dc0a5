/**
 * The channel-facing contract of the core. Channels (CLI, Slack, Teams, web, API)
 * only ever call an `Assistant` and render the `Reply` it returns.
 */
import type { Audience, Channel, ProcessId } from "../domain/ids.js";
import type { Reply, TurnInput } from "../domain/reply.js";
import type { ChannelStorage, HandoffRecord } from "../storage/types.js";

/** Delivers a handoff to the people who will follow it up (one per channel). */
export interface Notifier {
  readonly channel: Channel;
  /**
   * Posts the handoff summary to `target` (a Slack channel id, a Teams
   * conversation-reference key…). Returns a human description of where it went.
   */
  deliver(handoff: HandoffRecord, target: string, extra?: DeliverExtra): Promise<string>;
  /**
   * Delivers an agent's answer into the person's own conversation (Slack thread
   * or DM, Teams proactive message). `origin` is the stored reference of that
   * conversation (JSON). Resolves true when delivered.
   */
  deliverReply?(handoff: HandoffRecord, text: string, origin: string | undefined): Promise<boolean>;
  /** Redraws the team's card of an answered handoff (who answered, when). */
  handoffAnswered?(handoff: HandoffRecord): Promise<void>;
}

/** What the team's card shows beside the stored handoff: the contact given with consent. */
export interface DeliverExtra {
  contact?: { kind: "email" | "phone"; value: string };
}

/** Outcome of an agent's answer to a handoff. */
export interface HandoffAnswer {
  handoff: HandoffRecord;
  /** False when someone had already answered: `handoff.reply` is that first answer. */
  first: boolean;
  /** True when the answer reached the person's conversation at once. */
  delivered: boolean;
}

export interface AskOptions {
  audience?: Audience;
}

/** Optional hooks of one turn. */
export interface TurnOptions {
  /**
   * Receives the answer's text as a language model writes it, piece by piece
   * (channels stream it). Not called for offline answers; the returned Reply
   * stays the reference (its text may differ: checked citations, fallback).
   */
  onToken?: (delta: string) => void;
}

export interface Assistant {
  /** One conversational turn: question, button press, form submission. Never throws. */
  handle(turn: TurnInput, opts?: TurnOptions): Promise<Reply>;
  /** One stateless question (CLI `ask`, `/api/ask`, evaluation). Never throws. */
  ask(question: string, opts?: AskOptions): Promise<Reply>;
  /** Marks a handoff as dealt with. */
  resolveHandoff(id: string): Promise<HandoffRecord | null>;
  /**
   * An agent answers a handoff: stored, delivered to the person, the team's cards
   * updated, the handoff closed. Null when the handoff is unknown.
   */
  answerHandoff(id: string, text: string, agent: string): Promise<HandoffAnswer | null>;
  /** Registers the notifier of a channel (Slack, Teams) for handoffs. */
  registerNotifier(notifier: Notifier): void;
  /** The storage ports the channels use (state, dedupe, message links, references, report). */
  readonly storage: ChannelStorage;
}

/** Where handoffs for each process go, per channel (from configuration). */
export type HandoffTargets = Partial<Record<ProcessId, { slack?: string; teams?: string }>> & {
  default?: { slack?: string; teams?: string };
};
