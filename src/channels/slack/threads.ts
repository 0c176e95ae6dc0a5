/**
 * Channel threads the bot is part of. Once the bot has answered someone in a
 * channel thread, that person's later messages in the thread are answered
 * without a new @mention — while the thread is the bot's: for a day after its
 * last answer, only for the people it answered there, and not for a message
 * addressed to someone else (mentioning another person). Kept in the shared
 * storage (several replicas); people are kept as pseudonymous keys.
 */
import type { StateStore } from "../../storage/types.js";

/** How long a thread stays the bot's after its last answer there. */
export const THREAD_TTL_MS = 24 * 60 * 60 * 1000;

interface ThreadState {
  until: string;
  people: string[];
}

const key = (channel: string, threadTs: string) => `slack:thread:${channel}:${threadTs}`;

export class ThreadMemory {
  constructor(
    private readonly storage: StateStore,
    /** Pseudonymous key of a Slack user id. */
    private readonly person: (userId: string) => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The bot answered `user` in this thread: the thread is its own for a while. */
  async claim(channel: string, threadTs: string, user: string): Promise<void> {
    const st = await this.storage.getState<ThreadState>(key(channel, threadTs));
    const people = new Set(st && Date.parse(st.until) > this.now() ? st.people : []);
    people.add(this.person(user));
    await this.storage.setState(key(channel, threadTs), { until: new Date(this.now() + THREAD_TTL_MS).toISOString(), people: [...people].slice(-20) });
  }

  /**
   * Whether a message of `user` in this thread (without mention of the bot)
   * is for the bot: the bot answered this person here recently, and the
   * message mentions nobody else.
   */
  async isForBot(channel: string, threadTs: string, user: string, text: string, botUserId?: string): Promise<boolean> {
    const others = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]).filter((id) => id !== botUserId);
    if (others.length) return false;
    const st = await this.storage.getState<ThreadState>(key(channel, threadTs));
    if (!st || !(Date.parse(st.until) > this.now())) return false;
    return st.people.includes(this.person(user));
  }
}
