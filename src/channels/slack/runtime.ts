/**
 * What every Slack listener shares: calling the core safely, choosing the
 * audience of a channel, delivering a rendered reply (thread, ephemeral,
 * response_url) with its buttons registered (buttons.ts), joining posted
 * messages to interactions, answering free text with a status and, when a
 * model writes the answer, streaming it; turning a message Slack refuses
 * (ok:false) into a short apology; and tracking work that continues after
 * the 3-second acknowledgement.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { webApi } from "@slack/bolt";
import { personKey } from "../../privacy/pseudonym.js";
import type { TeachStorage } from "../../conversation/teach.js";
import { DEFAULT_PROCESS, type Audience } from "../../domain/ids.js";
import { checkReply, Reply, type TurnInput } from "../../domain/reply.js";
import type { Assistant, HandoffTargets } from "../../conversation/types.js";
import type { ChannelRefStore, EventDedupe, HandoffLookup, MessageLinks, StateStore } from "../../storage/types.js";

/** What the Slack channel uses of the storage. */
export type SlackStorage = StateStore & EventDedupe & MessageLinks & ChannelRefStore & HandoffLookup & TeachStorage;
import { ButtonRegistry, newMessageId, type ButtonTag, type MessageRecord } from "./buttons.js";
import { ACTION_LABELS, APOLOGY_TEXT, LOADING_MESSAGES, PROCESS_NAMES, REFUSED_TEXT, STATUS_TEXT } from "./labels.js";
import { renderReply, type RenderOptions, type SlackMessage } from "./render.js";
import { SlackAnswerStream } from "./stream.js";
import { ThreadMemory } from "./threads.js";
import { RelaisError } from "../../core/errors.js";
import { MAX_QUESTION_CHARS } from "../../core/limits.js";
import { withTimeout } from "../../core/timeout.js";

type WebClient = webApi.WebClient;

/** Slack facts about the request being handled, visible to the notifier. */
export interface SlackRequestContext {
  userId?: string;
  channelId?: string;
  threadTs?: string;
}

/** Where a reply goes; `user` is the person it answers (owner of its buttons). */
export type Destination =
  | { kind: "message"; channel: string; threadTs?: string; user?: string }
  | { kind: "ephemeral"; channel: string; user: string; threadTs?: string }
  | { kind: "response_url"; url: string; channel?: string; threadTs?: string; user?: string };

/** Reply types that concern one person: private in porteur channels. */
export const PRIVATE_REPLY_TYPES = new Set<Reply["type"]>(["eligibility", "friction", "handoff", "report"]);

/** Private replies the person may share in the channel (not thank-you or information messages). */
export const SHAREABLE_TYPES = new Set<Reply["type"]>(["answer", "eligibility"]);

/** A response_url post Slack refused (4xx): the payload, not the network, is at fault. */
export class ResponseUrlRefusedError extends RelaisError {
  readonly code = "slack.response_url_refused";
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`response_url answered ${status}`);
  }
}

/** Whether Slack refused the call itself (ok:false, e.g. invalid_blocks), as opposed to a network failure. */
export function isSlackRefusal(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "slack_webapi_platform_error" || err instanceof ResponseUrlRefusedError;
}

export { MAX_QUESTION_CHARS };

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
  storage: SlackStorage;
  logger: Logger;
  audienceMap: Record<string, Audience>;
  handoffTargets: HandoffTargets;
  /** Upper bound for one core call before answering with an apology. */
  coreTimeoutMs: number;
  /** How long a free-text answer may take before the thread shows a status, ms (0: at once). */
  statusDelayMs: number;
  /** Timeout of POSTs to response_url. */
  httpTimeoutMs: number;
  /** Key of the pseudonymous person keys kept in the storage (PSEUDONYM_SECRET in the service). */
  secret: string;
}

/** A free-text turn: question or answer typed by a person. */
export interface TextTurn {
  conversationId: string;
  threadId?: string;
  userId: string;
  audience: Audience;
  text: string;
}

export class SlackRuntime {
  readonly als = new AsyncLocalStorage<SlackRequestContext>();
  private readonly inflight = new Set<Promise<unknown>>();
  /** Bot user id, learnt from the first event's authorization. */
  botUserId?: string;
  readonly buttons: ButtonRegistry;
  readonly threads: ThreadMemory;

  constructor(readonly o: RuntimeOptions) {
    this.buttons = new ButtonRegistry(o.storage);
    this.threads = new ThreadMemory(o.storage, (u) => this.personKey(u));
  }

  /** Pseudonymous key of a Slack user id (raw ids are never stored). */
  personKey(userId: string): string {
    return personKey("slack", userId, this.o.secret);
  }

  /** Key of a person's conversation in a channel or thread. */
  conversationKey(channel: string | undefined, threadTs: string | undefined, user: string | undefined): string {
    return `${channel ?? "-"}:${threadTs ?? "-"}:${user ? this.personKey(user) : "-"}`;
  }

  get assistant(): Assistant {
    return this.o.assistant;
  }
  get storage(): SlackStorage {
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

  /** A direct message: a D… conversation, or a user id (posting to it opens the app's DM). */
  static isDm(channel: string | undefined): boolean {
    return !!channel && /^[DUW]/.test(channel);
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
        this.log.error({ err, work: label }, "slack work failed");
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
  async handle(turn: Omit<TurnInput, "channel">, ctx: SlackRequestContext, onToken?: (delta: string) => void): Promise<Reply> {
    const started = Date.now();
    try {
      const text = typeof turn.text === "string" ? turn.text.slice(0, MAX_QUESTION_CHARS) : turn.text;
      const raw = await this.als.run(ctx, () =>
        // The person already has the acknowledgement: the answer is background work.
        withTimeout(
          this.assistant.handle({ ...turn, text, channel: "slack", priority: "background" }, onToken ? { onToken } : undefined),
          this.o.coreTimeoutMs,
          { message: "core timeout" },
        ),
      );
      const parsed = checkReply(raw);
      if (!parsed.success) {
        this.log.error({ issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join(".")) }, "core returned an invalid reply");
        return apologyReply();
      }
      this.log.debug({ type: parsed.data.type, ms: Date.now() - started }, "core reply");
      return parsed.data;
    } catch (err) {
      this.log.error({ err, ms: Date.now() - started }, "core call failed");
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
    if (where.responseUrl) return { kind: "response_url", url: where.responseUrl, channel: where.channel, threadTs: where.threadTs, user: where.user };
    const dm = SlackRuntime.isDm(where.channel);
    if (!dm && where.user && (where.ephemeral || (where.audience === "porteur" && PRIVATE_REPLY_TYPES.has(reply.type)))) {
      return { kind: "ephemeral", channel: where.channel, user: where.user, threadTs: where.threadTs };
    }
    return { kind: "message", channel: where.channel, threadTs: where.threadTs, user: where.user };
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

  /** The tag of a new message's buttons: its id and the person it answers. */
  private tagFor(dest: Destination, opts: RenderOptions): ButtonTag | undefined {
    if (opts.interactive === false) return undefined;
    return { m: newMessageId(), u: dest.user && /^[UW][A-Z0-9]+$/.test(dest.user) ? dest.user : "" };
  }

  /**
   * Renders and delivers a reply. Ephemeral destinations get a "Partager dans
   * le canal" button. Posted messages are linked to the reply's interaction;
   * messages with buttons are registered (who may press them, and when). A
   * message Slack refuses becomes a short apology in the same place.
   */
  async deliver(client: WebClient, reply: Reply, dest: Destination, opts: RenderOptions = {}): Promise<void> {
    if (dest.kind === "ephemeral" || dest.kind === "response_url") {
      const channel = dest.channel;
      const canShare = SHAREABLE_TYPES.has(reply.type) && opts.shareKey === undefined && !SlackRuntime.isDm(channel) && opts.interactive !== false;
      if (canShare) {
        try {
          opts = { ...opts, shareKey: await this.shareKey(reply, channel ?? "", dest.threadTs) };
        } catch (err) {
          this.log.warn({ err }, "could not store share state");
        }
      }
    }
    const tag = this.tagFor(dest, opts);
    const msg = renderReply(reply, { ...opts, tag });
    try {
      const ts = await this.send(client, msg, dest, reply.interactionId);
      await this.afterSend(reply, dest, msg, tag, ts, opts.shareKey);
    } catch (err) {
      if (!isSlackRefusal(err)) throw err;
      await this.apologize(client, dest, err);
    }
  }

  /**
   * Bookkeeping once a reply is out: its buttons registered, the conversation's
   * latest question, the thread remembered as the bot's.
   */
  private async afterSend(
    reply: Reply,
    dest: Destination,
    msg: SlackMessage,
    tag: ButtonTag | undefined,
    ts: string | undefined,
    shareKey?: string,
  ): Promise<void> {
    const channel = dest.channel;
    const conversation = this.conversationKey(channel, dest.threadTs, dest.user);
    const hasButtons = msg.blocks.some((b) => b.type === "actions");
    try {
      if (tag && hasButtons && channel) {
        const record: MessageRecord = {
          reply,
          conversation,
          place: { channel, ts: dest.kind === "message" ? ts : undefined, ephemeral: dest.kind !== "message" },
          ...(shareKey ? { shareKey } : {}),
          at: new Date().toISOString(),
        };
        await this.buttons.save(tag.m, record);
      }
      if (dest.user) await this.buttons.setLatestQuestion(conversation, tag && hasButtons && reply.prompt ? tag.m : null);
      if (channel && dest.threadTs && dest.user && !SlackRuntime.isDm(channel)) await this.threads.claim(channel, dest.threadTs, dest.user);
    } catch (err) {
      this.log.warn({ err }, "could not record the message's buttons");
    }
  }

  /** One short plain-text apology where the refused message should have gone, then the log line. */
  async apologize(client: WebClient, dest: Destination, err: unknown): Promise<void> {
    try {
      if (dest.kind === "message") await client.chat.postMessage({ channel: dest.channel, thread_ts: dest.threadTs, text: REFUSED_TEXT });
      else if (dest.kind === "ephemeral")
        await client.chat.postEphemeral({ channel: dest.channel, user: dest.user, thread_ts: dest.threadTs, text: REFUSED_TEXT });
      else await this.postResponseUrl(dest.url, { response_type: "ephemeral", replace_original: false, text: REFUSED_TEXT });
    } catch (again) {
      this.log.error({ err: again }, "the apology could not be posted either");
    }
    const data = (err as { data?: { error?: string; response_metadata?: { messages?: string[] } } }).data;
    this.log.error(
      { err, error: data?.error, messages: data?.response_metadata?.messages?.slice(0, 5) },
      "slack refused a message; an apology was posted instead",
    );
  }

  /**
   * Redraws a registered message (after a vote, a choice, "Voir le détail"):
   * chat.update for a posted message, the click's response_url for a private one.
   */
  async redraw(client: WebClient, tag: ButtonTag, record: MessageRecord, opts: RenderOptions, responseUrl?: string): Promise<void> {
    const msg = renderReply(record.reply, { ...opts, tag });
    try {
      if (!record.place.ephemeral && record.place.ts) {
        await client.chat.update({ channel: record.place.channel, ts: record.place.ts, text: msg.text, blocks: msg.blocks });
      } else if (responseUrl) {
        await this.postResponseUrl(responseUrl, { replace_original: true, text: msg.text, blocks: msg.blocks });
      }
    } catch (err) {
      this.log.warn({ err }, "could not redraw a message after a click");
    }
  }

  /**
   * A free-text turn (mention, thread message, direct message, Assistant
   * panel): a status while the core works, the answer streamed when a model
   * writes it (threads only), delivered where it belongs.
   */
  async respond(client: WebClient, turn: TextTurn, place: ReplyPlace, o: { teamId?: string } = {}): Promise<Reply> {
    const ctx = { userId: place.user, channelId: place.channel, threadTs: place.threadTs };
    const threadTs = place.threadTs;
    // « réfléchit… » only when the answer takes a while: a quick answer goes out without waiting for
    // a status call first (one Web API call less per message, counted in Slack's rate limits too).
    let status: Promise<void> | undefined;
    const showStatus = () => {
      status = this.setStatus(client, place.channel, threadTs!, STATUS_TEXT);
    };
    let timer: NodeJS.Timeout | undefined;
    if (threadTs && this.o.statusDelayMs <= 0) showStatus();
    else if (threadTs) timer = setTimeout(showStatus, this.o.statusDelayMs);
    const stream =
      threadTs && !place.ephemeral && !place.responseUrl
        ? new SlackAnswerStream(client, { channel: place.channel, threadTs, user: place.user, teamId: o.teamId }, this.log)
        : undefined;
    let reply: Reply;
    try {
      // Once the answer starts to appear (streamed), a status would come too late.
      const onToken = stream
        ? (delta: string) => {
            clearTimeout(timer);
            stream.onToken(delta);
          }
        : undefined;
      reply = await this.handle(turn, ctx, onToken);
    } finally {
      clearTimeout(timer);
    }
    // The status, when shown, comes before the answer.
    await status;
    const dest = this.destFor(reply, place);
    if (stream && dest.kind === "message" && (await this.deliverStreamed(client, reply, dest, stream))) return reply;
    await this.deliver(client, reply, dest);
    // A posted message clears the status; a private one does not.
    if (threadTs && status && dest.kind !== "message") await this.setStatus(client, place.channel, threadTs, "");
    return reply;
  }

  /** Ends a stream with the reply's blocks; false when nothing was streamed (post it as usual). */
  private async deliverStreamed(client: WebClient, reply: Reply, dest: Destination & { kind: "message" }, stream: SlackAnswerStream): Promise<boolean> {
    // No text came (an offline answer): nothing was streamed, the reply is rendered once, by deliver.
    if (!stream.received) return false;
    const tag = this.tagFor(dest, {});
    const whole = renderReply(reply, { tag });
    const after = renderReply(reply, { tag, afterText: true });
    let ts: string | null;
    try {
      ts = await stream.finish(reply, after, whole);
    } catch (err) {
      if (!isSlackRefusal(err)) throw err;
      await this.apologize(client, dest, err);
      return true;
    }
    if (!ts) return false;
    if (reply.interactionId) await this.link(dest.channel, ts, reply.interactionId);
    await this.afterSend(reply, dest, whole, tag, ts);
    return true;
  }

  /** "réfléchit…" in a thread (Slack documents it for channel threads too); "" clears it. Never throws. */
  async setStatus(client: WebClient, channel: string, threadTs: string, status: string): Promise<void> {
    try {
      await client.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status, ...(status ? { loading_messages: LOADING_MESSAGES } : {}) });
    } catch (err) {
      this.log.warn({ err }, "setStatus failed");
    }
  }

  private async link(channel: string, ts: string, interactionId: string): Promise<void> {
    await this.storage.linkMessage("slack", `${channel}:${ts}`, interactionId).catch((err) => {
      this.log.warn({ err }, "linkMessage failed");
    });
  }

  /** Sends an already rendered message; returns the message ts when Slack gives one. */
  async send(client: WebClient, msg: SlackMessage, dest: Destination, interactionId?: string): Promise<string | undefined> {
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
        if (interactionId && res.ts) await this.link(dest.channel, res.ts, interactionId);
        return res.ts;
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
        return res.message_ts;
      }
      case "response_url":
        await this.postResponseUrl(dest.url, { response_type: "ephemeral", replace_original: false, text: msg.text, blocks: msg.blocks });
        return undefined;
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
      if (res.status !== 429 && res.status < 500) throw new ResponseUrlRefusedError(res.status, (await res.text().catch(() => "")).slice(0, 300));
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
