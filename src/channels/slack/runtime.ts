/**
 * What every Slack listener shares: calling the core safely, choosing the
 * audience of a channel, delivering a rendered reply (thread, ephemeral,
 * response_url), joining posted messages to interactions, and tracking work
 * that continues after the 3-second acknowledgement.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { webApi } from "@slack/bolt";
import { DEFAULT_PROCESS, type Audience } from "../../core/ids.js";
import { Reply, type TurnInput } from "../../core/reply.js";
import type { Assistant, HandoffTargets } from "../../conversation/types.js";
import type { Storage } from "../../storage/types.js";
import { ACTION_LABELS, APOLOGY_TEXT, PROCESS_NAMES } from "./labels.js";
import { renderReply, type RenderOptions, type SlackMessage } from "./render.js";

type WebClient = webApi.WebClient;

/** Slack facts about the request being handled, visible to the notifier. */
export interface SlackRequestContext {
  userId?: string;
  channelId?: string;
  threadTs?: string;
}

/** Where a reply goes. */
export type Destination =
  | { kind: "message"; channel: string; threadTs?: string }
  | { kind: "ephemeral"; channel: string; user: string; threadTs?: string }
  | { kind: "response_url"; url: string; channel?: string };

/** Reply types that concern one person: private in porteur channels. */
export const PRIVATE_REPLY_TYPES = new Set<Reply["type"]>(["eligibility", "friction", "handoff", "report"]);

/** Private replies the person may share in the channel. */
export const SHAREABLE_TYPES = new Set<Reply["type"]>(["answer", "eligibility", "info"]);

export const MAX_QUESTION_CHARS = 4000;

/** The conversation a reply belongs to. */
export interface ReplyPlace {
  channel: string;
  threadTs?: string;
  user?: string;
  audience: Audience;
  /** The conversation is private (slash command, ephemeral message). */
  ephemeral?: boolean;
  responseUrl?: string;
}

export interface RuntimeOptions {
  assistant: Assistant;
  storage: Storage;
  logger: Logger;
  audienceMap: Record<string, Audience>;
  handoffTargets: HandoffTargets;
  /** Upper bound for one core call before answering with an apology. */
  coreTimeoutMs: number;
  /** Timeout of POSTs to response_url. */
  httpTimeoutMs: number;
}

export class SlackRuntime {
  readonly als = new AsyncLocalStorage<SlackRequestContext>();
  private readonly inflight = new Set<Promise<unknown>>();
  /** Bot user id, learnt from the first event's authorization. */
  botUserId?: string;

  constructor(readonly o: RuntimeOptions) {}

  get assistant(): Assistant {
    return this.o.assistant;
  }
  get storage(): Storage {
    return this.o.storage;
  }
  get log(): Logger {
    return this.o.logger;
  }

  /** Audience of a Slack conversation: from the channel map, `porteur` by default. */
  audienceOf(...channelIds: (string | undefined)[]): Audience {
    for (const id of channelIds) if (id && this.o.audienceMap[id]) return this.o.audienceMap[id];
    return "porteur";
  }

  static isDm(channel: string | undefined): boolean {
    return !!channel && channel.startsWith("D");
  }

  /**
   * Runs work after the ack, keeps track of it for `idle()`/`stop()`, never rejects.
   * Work starts in its turn, one piece per event-loop iteration, so that
   * requests waiting on the socket (other events to acknowledge) pass first.
   */
  track(label: string, work: () => Promise<unknown>): Promise<void> {
    const p = (async () => {
      try {
        await this.nextSlot();
        await work();
      } catch (err) {
        this.log.error({ err: errInfo(err), work: label }, "slack work failed");
      }
    })();
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
    return p;
  }

  private readonly waiting: Array<() => void> = [];
  private draining = false;

  /** Resolves in FIFO order, one waiter per event-loop iteration (check phase). */
  private nextSlot(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.draining) {
        this.draining = true;
        setImmediate(this.drain);
      }
    });
  }

  private readonly drain = (): void => {
    this.waiting.shift()?.();
    // An immediate queued from an immediate runs on the next iteration, after pending I/O.
    if (this.waiting.length) setImmediate(this.drain);
    else this.draining = false;
  };

  /** Resolves when every tracked piece of work has finished (or after `timeoutMs`). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inflight.size && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    }
  }

  /**
   * One turn through the core. Never throws: a failure, a timeout or an
   * invalid reply becomes a short apology with a route to a person.
   */
  async handle(turn: Omit<TurnInput, "channel">, ctx: SlackRequestContext): Promise<Reply> {
    const started = Date.now();
    try {
      const text = typeof turn.text === "string" ? turn.text.slice(0, MAX_QUESTION_CHARS) : turn.text;
      const raw = await this.als.run(ctx, () =>
        // The person already has the acknowledgement: the answer is background work.
        withTimeout(this.assistant.handle({ ...turn, text, channel: "slack", priority: "background" }), this.o.coreTimeoutMs, "core timeout"),
      );
      const parsed = Reply.safeParse(raw);
      if (!parsed.success) {
        this.log.error({ issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join(".")) }, "core returned an invalid reply");
        return apologyReply();
      }
      this.log.debug({ type: parsed.data.type, ms: Date.now() - started }, "core reply");
      return parsed.data;
    } catch (err) {
      this.log.error({ err: errInfo(err), ms: Date.now() - started }, "core call failed");
      return apologyReply();
    }
  }

  /**
   * Where a reply goes in a conversation: replies that concern one person
   * (eligibility, friction, handoff, report) are ephemeral in porteur
   * channels; a conversation that started privately (response_url or an
   * ephemeral message) stays private; everything else is posted (in thread).
   */
  destFor(reply: Reply, where: ReplyPlace): Destination {
    if (where.responseUrl) return { kind: "response_url", url: where.responseUrl, channel: where.channel };
    const dm = SlackRuntime.isDm(where.channel);
    if (!dm && where.user && (where.ephemeral || (where.audience === "porteur" && PRIVATE_REPLY_TYPES.has(reply.type)))) {
      return { kind: "ephemeral", channel: where.channel, user: where.user, threadTs: where.threadTs };
    }
    return { kind: "message", channel: where.channel, threadTs: where.threadTs };
  }

  /** Stores a reply so that "Partager dans le canal" can post it later. */
  async shareKey(reply: Reply, channel: string, threadTs?: string): Promise<string> {
    const key = randomUUID();
    await this.storage.setState(`slack:share:${key}`, { reply, channel, threadTs, at: new Date().toISOString() });
    return key;
  }

  async loadShare(key: string): Promise<{ reply: Reply; channel: string; threadTs?: string } | null> {
    if (!/^[0-9a-f-]{36}$/.test(key)) return null;
    const st = await this.storage.getState<{ reply: unknown; channel: string; threadTs?: string }>(`slack:share:${key}`);
    if (!st) return null;
    const reply = Reply.safeParse(st.reply);
    return reply.success ? { reply: reply.data, channel: st.channel, threadTs: st.threadTs } : null;
  }

  /**
   * Renders and delivers a reply. Ephemeral destinations get a "Partager dans
   * le canal" button. Posted messages are linked to the reply's interaction.
   */
  async deliver(client: WebClient, reply: Reply, dest: Destination, opts: RenderOptions = {}): Promise<void> {
    if (dest.kind === "ephemeral" || dest.kind === "response_url") {
      const channel = dest.channel;
      const canShare = SHAREABLE_TYPES.has(reply.type) && opts.shareKey === undefined && !SlackRuntime.isDm(channel);
      if (canShare) {
        try {
          opts = { ...opts, shareKey: await this.shareKey(reply, channel ?? "", dest.kind === "ephemeral" ? dest.threadTs : undefined) };
        } catch (err) {
          this.log.warn({ err: errInfo(err) }, "could not store share state");
        }
      }
    }
    const msg = renderReply(reply, opts);
    await this.send(client, msg, dest, reply.interactionId);
  }

  /** Sends an already rendered message. */
  async send(client: WebClient, msg: SlackMessage, dest: Destination, interactionId?: string): Promise<void> {
    switch (dest.kind) {
      case "message": {
        const res = await client.chat.postMessage({
          channel: dest.channel,
          thread_ts: dest.threadTs,
          text: msg.text,
          blocks: msg.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (interactionId && res.ts) {
          await this.storage.linkMessage("slack", `${dest.channel}:${res.ts}`, interactionId).catch((err) => {
            this.log.warn({ err: errInfo(err) }, "linkMessage failed");
          });
        }
        return;
      }
      case "ephemeral": {
        const res = await client.chat.postEphemeral({
          channel: dest.channel,
          user: dest.user,
          thread_ts: dest.threadTs,
          text: msg.text,
          blocks: msg.blocks,
        });
        // Clicks on an ephemeral message do not always say which thread it was in: remember it.
        if (dest.threadTs && res.message_ts) {
          await this.storage.setState(ephemeralKey(dest.channel, res.message_ts), dest.threadTs).catch(() => undefined);
        }
        return;
      }
      case "response_url":
        await this.postResponseUrl(dest.url, { response_type: "ephemeral", replace_original: false, text: msg.text, blocks: msg.blocks });
        return;
    }
  }

  /** POSTs to a Slack response_url (slash commands, ephemeral buttons) with a timeout and one retry on 429/5xx. */
  async postResponseUrl(url: string, payload: Record<string, unknown>): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.o.httpTimeoutMs),
      });
      if (res.ok) return;
      if (res.status !== 429 && res.status < 500) throw new Error(`response_url answered ${res.status}`);
      const wait = Math.min(5, Number(res.headers.get("retry-after")) || 0) * 1000 + 200 * 2 ** attempt;
      await new Promise((r) => setTimeout(r, wait));
    }
    throw new Error("response_url failed after retries");
  }
}

export const ephemeralKey = (channel: string, messageTs: string) => `slack:ephemeral-thread:${channel}:${messageTs}`;

export function apologyReply(): Reply {
  return Reply.parse({
    type: "error",
    text: APOLOGY_TEXT,
    route: {
      process: DEFAULT_PROCESS,
      name: PROCESS_NAMES[DEFAULT_PROCESS],
      operator: "Département du Gard",
      confidence: 1,
      why: "L'équipe ESS du Département reprend les demandes auxquelles l'assistant ne peut pas répondre.",
      contacts: [{ label: "Site du Département du Gard", url: "https://www.gard.fr" }],
    },
    actions: [{ id: "handoff", label: ACTION_LABELS.handoff }],
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
      timer.unref?.();
    }),
  ]);
}

/** Error details safe for logs (no request bodies, no tokens). */
export function errInfo(err: unknown): { name?: string; message: string; code?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message.slice(0, 300), code: (err as { code?: string }).code };
  return { message: String(err).slice(0, 300) };
}

/**
 * Slack message text → plain text for the core: the bot's own mention removed,
 * other mentions and links reduced to readable words, entities decoded.
 */
export function slackToPlain(text: string | undefined, botUserId?: string): string {
  if (!text) return "";
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => (id === botUserId ? "" : "@utilisateur"))
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<#[CG][A-Z0-9]+>/g, "#canal")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, "$1")
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<[a-z]+:[^|>]+\|([^>]+)>/gi, "$1")
    .replace(/<([a-z]+:[^>]+)>/gi, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}
