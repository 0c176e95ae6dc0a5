/**
 * Wraps the core's Assistant so that every channel's turns are counted
 * (replies, refusals, handoffs, errors per channel) and tracked for graceful
 * shutdown — without any channel knowing about it.
 */
import type { Channel } from "../domain/ids.js";
import type { Reply, TurnInput } from "../domain/reply.js";
import type { Assistant, AskOptions, Notifier } from "../conversation/types.js";
import type { ServiceMetrics } from "./metrics.js";

export interface InstrumentedAssistant extends Assistant {
  /** Turns currently in the core. */
  readonly inflight: number;
  /** Resolves when no turn is in the core, or after `timeoutMs` (returns false then). */
  drain(timeoutMs: number): Promise<boolean>;
}

export function instrumentAssistant(inner: Assistant, metrics: ServiceMetrics): InstrumentedAssistant {
  const running = new Set<Promise<unknown>>();

  function observe(channel: Channel, reply: Reply): void {
    metrics.replies.inc({ channel, type: reply.type });
    if (reply.refused) metrics.refused.inc({ channel });
    if (reply.type === "handoff" && reply.handoff) metrics.handoffs.inc({ channel });
    if (reply.type === "error") metrics.errors.inc({ channel });
  }

  async function track<T>(channel: Channel, work: () => Promise<T>, onDone: (v: T) => void): Promise<T> {
    const end = metrics.turnDuration.startTimer({ channel });
    metrics.inflightTurns.inc();
    const p = work();
    running.add(p);
    try {
      const v = await p;
      onDone(v);
      return v;
    } catch (err) {
      metrics.errors.inc({ channel });
      throw err;
    } finally {
      running.delete(p);
      metrics.inflightTurns.dec();
      end();
    }
  }

  const channelOf = (turn: TurnInput): Channel => {
    const c = (turn as { channel?: unknown }).channel;
    return c === "cli" || c === "slack" || c === "teams" || c === "web" || c === "api" ? c : "api";
  };

  return {
    get storage() {
      return inner.storage;
    },
    get inflight() {
      return running.size;
    },
    handle(turn: TurnInput): Promise<Reply> {
      const channel = channelOf(turn);
      return track(
        channel,
        () => inner.handle(turn),
        (r) => observe(channel, r),
      );
    },
    ask(question: string, opts?: AskOptions): Promise<Reply> {
      return track(
        "api",
        () => inner.ask(question, opts),
        (r) => observe("api", r),
      );
    },
    resolveHandoff(id: string) {
      return inner.resolveHandoff(id);
    },
    answerHandoff(id: string, text: string, agent: string) {
      return inner.answerHandoff(id, text, agent);
    },
    registerNotifier(n: Notifier) {
      inner.registerNotifier(n);
    },
    async drain(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (running.size) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...running]),
          new Promise<void>((r) => {
            timer = setTimeout(r, left);
          }),
        ]);
        clearTimeout(timer);
      }
      return true;
    },
  };
}
