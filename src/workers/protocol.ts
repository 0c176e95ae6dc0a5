/**
 * Messages between the service and its answering workers (worker_threads).
 * Requests carry an id; each gets exactly one response with the same id.
 * Everything crosses by structured clone: plain data only (no callbacks, so no
 * streamed tokens: the workers answer offline).
 */
import type { Audience, Priority, ProcessId } from "../domain/ids.js";
import type { Reply } from "../domain/reply.js";
import type { Facts } from "../eligibility/facts.js";

/** What `answer` takes across threads: the AskOptions that are data. */
export interface RemoteAskOptions {
  audience?: Audience;
  priority?: Priority;
  avoidCards?: readonly string[];
  own?: string;
  topic?: { sources: readonly string[]; card?: string; names?: readonly string[] };
  handTo?: ProcessId;
}

export type WorkerRequest =
  | { id: number; op: "contextualize"; question: string; previous?: string; audience: Audience }
  | { id: number; op: "answer"; question: string; opts: RemoteAskOptions; own: string };

export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  /** Sent once, when the worker has built its index and warmed up. */
  | { ready: true; ms: number }
  /** Sent instead of `ready` when the worker cannot build what it answers with. */
  | { failed: string }
  /** A warning or an error the worker's answering part logged (the service's logger writes it). */
  | { log: "warn" | "error"; msg: string; detail?: string };

/** What one answer brings back: the reply, and the facts of a described project. */
export interface Answered {
  reply: Reply;
  facts?: Partial<Facts>;
}
