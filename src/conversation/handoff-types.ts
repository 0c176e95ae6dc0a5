/** The handoff flow's types: what it remembers, reads of a turn, depends on and returns. */
import type { Channel, ProcessId } from "../domain/ids.js";
import type { Route, Turn } from "../domain/reply.js";
import type { Facts } from "../eligibility/facts.js";
import type { HandoffRecord, HandoffStore, StateStore } from "../storage/types.js";
import type { HandoffTargets, Notifier } from "./types.js";

/** What the flow remembers of one conversation, in its own state key (`<key>:handoff`). */
export interface HandoffMemory {
  /** The person's questions of this conversation (scrubbed), most recent last. */
  questions: string[];
  sources: { id: string; title: string; url?: string }[];
  alternatives: Route["alternatives"];
  awaiting?: "via" | "email" | "phone" | "consent";
  pending?: { kind: "email" | "phone"; value: string };
  /** Handoffs of this conversation whose answer may still have to be shown here. */
  handoffIds: string[];
}

/** What the flow reads of one turn (the dispatcher's context). */
export interface HandoffTurn {
  turn: Turn;
  user: string;
  key: string;
  /** The conversation's last route, facts and sources (ids), from the main state. */
  lastRoute?: ProcessId;
  facts: Partial<Facts>;
  sourceIds: string[];
}

export interface HandoffDeps {
  storage: StateStore & HandoffStore;
  notifiers: ReadonlyMap<Channel, Notifier>;
  targets?: HandoffTargets;
  toRoute: (process: ProcessId, confidence: number, why: string) => Route;
  logger?: { warn: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void };
}

/** The answer of `answer()`: `first` false when the handoff had already been answered. */
export interface HandoffAnswerOutcome {
  handoff: HandoffRecord;
  first: boolean;
  /** True when the answer reached the person's conversation now (Slack, Teams). */
  delivered: boolean;
}
