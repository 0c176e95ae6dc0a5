/**
 * The weekly digest: once a week (day and hour in Paris time, DIGEST_*), the
 * report's short summary for the last 7 days is posted where the handoff cards
 * go (a channel-side `DigestPoster`). Off by default. The scheduler takes an
 * injected clock (tests fire the timer themselves, nothing waits), re-arms
 * itself after each run, never posts twice for one slot, and `stop()` clears
 * the timer and waits for a post in progress.
 */
import type { Storage } from "../storage/types.js";
import { reportReply, type ReportPayload } from "./reply.js";

export const DIGEST_TIME_ZONE = "Europe/Paris";
export const DIGEST_DAYS = 7;

export interface DigestSchedule {
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  /** 0–23, in `timeZone`. */
  hour: number;
  timeZone?: string;
}

export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Posts one digest in the team's channel (Slack or Teams). */
export interface DigestPoster {
  /** Where it goes, for the logs (« Slack C0123 »). */
  readonly where: string;
  post(text: string, report: ReportPayload): Promise<void>;
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const HOUR = 3_600_000;

/**
 * The first slot strictly after `after`: the given weekday and hour, minute 0,
 * in the schedule's time zone (summer and winter time included).
 * @example nextDigestAt(new Date("2025-03-03T07:59:00Z"), { day: 1, hour: 9 }) // 2025-03-03T08:00:00Z (9 h à Paris)
 */
export function nextDigestAt(after: Date, s: DigestSchedule): Date {
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone: s.timeZone ?? DIGEST_TIME_ZONE, weekday: "short", hour: "2-digit", hourCycle: "h23" });
  // Whole UTC hours: every offset of the zones concerned is a whole number of hours.
  let t = Math.floor(after.getTime() / HOUR) * HOUR + HOUR;
  for (let i = 0; i < 8 * 24 + 2; i++, t += HOUR) {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    if (WEEKDAY[parts.weekday!] === s.day && Number(parts.hour) === s.hour) return new Date(t);
  }
  throw new Error(`no digest slot for day ${s.day} hour ${s.hour}`);
}

export interface DigestOptions {
  schedule: DigestSchedule;
  storage: Storage;
  poster: DigestPoster;
  secret: string;
  publicBaseUrl?: string;
  clock?: Clock;
  logger?: { info: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void };
}

export class DigestScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private next: Date | null = null;
  private readonly clock: Clock;

  constructor(private readonly o: DigestOptions) {
    this.clock = o.clock ?? systemClock;
  }

  /** When the next digest is due (null when stopped). */
  get nextAt(): Date | null {
    return this.next;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.arm(this.clock.now());
  }

  /** Clears the timer and waits for a digest being posted. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.next = null;
    await this.running;
  }

  /** Builds and posts one digest now (also what the timer runs). Never throws. */
  async runOnce(): Promise<boolean> {
    try {
      const r = await reportReply(this.o.storage, {
        publicBaseUrl: this.o.publicBaseUrl,
        secret: this.o.secret,
        days: DIGEST_DAYS,
        now: this.clock.now(),
        heading: "Synthèse hebdomadaire de Relais ESS",
      });
      await this.o.poster.post(r.text, r.report);
      this.o.logger?.info({ where: this.o.poster.where }, "weekly digest posted");
      return true;
    } catch (err) {
      this.o.logger?.error({ err, where: this.o.poster.where }, "weekly digest failed");
      return false;
    }
  }

  private arm(from: Date): void {
    if (this.stopped) return;
    const at = nextDigestAt(from, this.o.schedule);
    this.next = at;
    this.timer = this.clock.setTimeout(() => this.fire(at), Math.max(0, at.getTime() - this.clock.now().getTime()));
  }

  private fire(slot: Date): void {
    this.timer = null;
    if (this.stopped) return;
    this.running = this.runOnce().then(() => {
      this.running = null;
      // From the slot itself (a timer that fires a little early must not post twice for it).
      const now = this.clock.now();
      this.arm(now > slot ? now : slot);
    });
  }
}
