/**
 * Who may press a card's buttons, and when. Every card of a reply gets a
 * short id; its Action.Submit data carry that id and the id of the person it
 * answers. The storage keeps, per card id, the reply it shows (to redraw it
 * after a vote or a choice), the activity that carries it and whether it is
 * finished; per conversation and person, the id of the latest question. A
 * press by someone else, on a finished card or on an earlier question gets a
 * reply to that person only: "Ce bouton n'est plus actif".
 */
import { randomBytes } from "node:crypto";
import { Reply } from "../../domain/reply.js";
import type { StateStore } from "../../storage/types.js";

export const NOT_ACTIVE_TEXT =
  "Ce bouton n'est plus actif : il concerne une autre personne ou une étape déjà terminée. " +
  "Pour poser votre propre question, écrivez-moi (ou mentionnez-moi dans un canal).";

/** What a card's submit data say about it. */
export interface CardTag {
  /** Card id. */
  m: string;
  /** Id of the person it answers (Entra object id, else Teams user id). */
  o: string;
}

export const newCardId = (): string => randomBytes(8).toString("hex");

export interface CardRecord {
  /** The reply the card shows (absent for the forms). */
  reply?: Reply;
  /** Conversation and person (pseudonymous key). */
  conversation: string;
  /** Activity id of the message carrying the card (to update it). */
  activityId?: string;
  done?: boolean;
  chosen?: string;
  vote?: "up" | "down";
  at: string;
}

const recordKey = (id: string) => `teams:card:${id}`;
const activityKey = (activityId: string) => `teams:card-of:${activityId}`;
const latestKey = (conversation: string) => `teams:latest-question:${conversation}`;

export class CardRegistry {
  constructor(private readonly storage: StateStore) {}

  async get(id: string): Promise<CardRecord | null> {
    const rec = await this.storage.getState<CardRecord>(recordKey(id));
    if (!rec) return null;
    if (rec.reply === undefined) return rec;
    const reply = Reply.safeParse(rec.reply);
    return reply.success ? { ...rec, reply: reply.data } : null;
  }

  async save(id: string, rec: CardRecord): Promise<void> {
    await this.storage.setState(recordKey(id), rec);
    // The conversation key (with the person's short key) lets `forget` find this link too.
    if (rec.activityId) await this.storage.setState(activityKey(rec.activityId), { id, conversation: rec.conversation });
  }

  async update(id: string, patch: Partial<CardRecord>): Promise<CardRecord | null> {
    const rec = await this.get(id);
    if (!rec) return null;
    const next = { ...rec, ...patch };
    await this.storage.setState(recordKey(id), next);
    return next;
  }

  /** The card id of a sent activity (feedback invokes name the activity). */
  async idOfActivity(activityId: string): Promise<string | null> {
    const v = await this.storage.getState<string | { id?: unknown }>(activityKey(activityId));
    if (typeof v === "string") return v; // written before the link held the conversation
    return v && typeof v.id === "string" ? v.id : null;
  }

  async setLatestQuestion(conversation: string, id: string | null): Promise<void> {
    if (id) await this.storage.setState(latestKey(conversation), id);
    else await this.storage.deleteState(latestKey(conversation));
  }

  async latestQuestion(conversation: string): Promise<string | null> {
    const v = await this.storage.getState<string>(latestKey(conversation));
    return typeof v === "string" ? v : null;
  }

  /** Whether `user` may press a button of card `tag` (untagged cards are open to anyone). */
  async check(tag: Partial<CardTag>, user: string): Promise<{ ok: true; record: CardRecord | null } | { ok: false }> {
    if (tag.o && tag.o !== user) return { ok: false };
    if (!tag.m) return { ok: true, record: null };
    const record = await this.get(tag.m);
    if (!record) return { ok: true, record: null };
    if (record.done) return { ok: false };
    if (record.reply?.prompt && (await this.latestQuestion(record.conversation)) !== tag.m) return { ok: false };
    return { ok: true, record };
  }
}
