/**
 * Who may press a message's buttons, and when. Every message with buttons
 * gets a short id; its blocks' `block_id`s carry that id and the Slack id of
 * the person it answers (Slack sends the `block_id` back with each click, in
 * a signed request, so neither needs to be stored). The storage keeps, per
 * message id, the reply it shows (to redraw it after a vote, a choice or
 * "Voir le détail") and whether it is finished; per conversation, the id of
 * the latest question asked. A click by someone else, on a finished message
 * or on an earlier question gets a private "Ce bouton n'est plus actif".
 */
import { randomBytes } from "node:crypto";
import { Reply } from "../../domain/reply.js";
import type { StateStore } from "../../storage/types.js";

export const NOT_ACTIVE_TEXT =
  "Ce bouton n'est plus actif : il concerne une autre personne ou une étape déjà terminée. " +
  "Pour poser votre propre question, mentionnez-moi dans un message ou écrivez-moi en message direct.";

/** What a button's block_id says about its message. */
export interface ButtonTag {
  /** Message id (see newMessageId). */
  m: string;
  /** Slack user id of the person the message answers ("" when anyone may press). */
  u: string;
}

const TAG = /~m:([0-9a-f]{8,32})~u:([A-Z0-9]{0,32})$/;

export const newMessageId = (): string => randomBytes(8).toString("hex");

/** `ess-actions-0` → `ess-actions-0~m:<id>~u:<user>` (well under Slack's 255 characters). */
export function tagBlockId(base: string, tag: ButtonTag | undefined): string {
  return tag ? `${base}~m:${tag.m}~u:${tag.u}` : base;
}

export function readTag(blockId: string | undefined): ButtonTag | null {
  const m = blockId ? TAG.exec(blockId) : null;
  return m ? { m: m[1]!, u: m[2]! } : null;
}

/** What is kept per message with buttons. */
export interface MessageRecord {
  reply: Reply;
  /** Conversation key (channel, thread, pseudonymous person). */
  conversation: string;
  /** Vote given on this answer by the person it answers. */
  vote?: "up" | "down";
  /** The question was answered, or the step is over. */
  done?: boolean;
  /** Label of the option chosen (questions). */
  chosen?: string;
  /** Where the message is, to redraw it. */
  place: { channel: string; ts?: string; ephemeral?: boolean };
  /** Its "Partager dans le canal" key, kept when it is redrawn. */
  shareKey?: string;
  at: string;
}

const recordKey = (id: string) => `slack:msg:${id}`;
const latestKey = (conversation: string) => `slack:latest-question:${conversation}`;

/** The message registry on the shared storage (works across replicas). */
export class ButtonRegistry {
  constructor(private readonly storage: StateStore) {}

  async get(id: string): Promise<MessageRecord | null> {
    const rec = await this.storage.getState<MessageRecord>(recordKey(id));
    if (!rec) return null;
    const reply = Reply.safeParse(rec.reply);
    return reply.success ? { ...rec, reply: reply.data } : null;
  }

  async save(id: string, rec: MessageRecord): Promise<void> {
    await this.storage.setState(recordKey(id), rec);
  }

  async update(id: string, patch: Partial<MessageRecord>): Promise<MessageRecord | null> {
    const rec = await this.get(id);
    if (!rec) return null;
    const next = { ...rec, ...patch };
    await this.save(id, next);
    return next;
  }

  /** Records the latest question of a conversation (null: none pending). */
  async setLatestQuestion(conversation: string, id: string | null): Promise<void> {
    if (id) await this.storage.setState(latestKey(conversation), id);
    else await this.storage.deleteState(latestKey(conversation));
  }

  async latestQuestion(conversation: string): Promise<string | null> {
    const v = await this.storage.getState<string>(latestKey(conversation));
    return typeof v === "string" ? v : null;
  }

  /**
   * Whether `user` may press a button of the block `blockId`: untagged blocks
   * (App Home, older messages) are open to anyone.
   */
  async check(blockId: string | undefined, user: string): Promise<{ ok: true; tag: ButtonTag | null; record: MessageRecord | null } | { ok: false }> {
    const tag = readTag(blockId);
    if (!tag) return { ok: true, tag: null, record: null };
    if (tag.u && tag.u !== user) return { ok: false };
    const record = await this.get(tag.m);
    if (!record) return { ok: true, tag, record: null };
    if (record.done) return { ok: false };
    if (record.reply.prompt && (await this.latestQuestion(record.conversation)) !== tag.m) return { ok: false };
    return { ok: true, tag, record };
  }
}
