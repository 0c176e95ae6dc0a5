/**
 * Pseudonymous user ids: HMAC-SHA256 of the platform id with a configured
 * secret. Raw platform ids are never stored. Same input + same secret → same
 * hash, so records of one person can be found again (for `forget`) without
 * keeping who they are.
 */
import { createHmac } from "node:crypto";
import { CHANNELS_FOR_FORGET } from "./channels.js";

export function pseudonymize(platformUserId: string, secret: string): string {
  if (!secret) throw new Error("pseudonymize: a non-empty secret is required (PSEUDONYM_SECRET)");
  if (typeof platformUserId !== "string" || platformUserId.length === 0) {
    throw new Error("pseudonymize: a non-empty platform user id is required");
  }
  return createHmac("sha256", secret).update(platformUserId, "utf8").digest("hex");
}

/**
 * The project convention for stored user hashes: the channel prefixes the
 * platform id before hashing (`slack:U123` and `teams:U123` are different people).
 */
export function userHash(channel: string, platformUserId: string, secret: string): string {
  return pseudonymize(`${channel}:${platformUserId}`, secret);
}

/** Characters of a user hash kept in channel keys (96 bits: no collision in practice). */
export const PERSON_KEY_CHARS = 24;

/**
 * The short pseudonymous key channels put in their own records (button
 * ownership, thread memory, card registries): the first characters of
 * `userHash`, so `forget` finds them from the same secret.
 */
export function personKey(channel: string, platformUserId: string, secret: string): string {
  return userHash(channel, platformUserId, secret).slice(0, PERSON_KEY_CHARS);
}

/**
 * Every hash a platform id may have been stored under: with the channel prefix
 * (one per channel, or only `channel` when given) and, defensively, without prefix.
 */
export function candidateHashes(platformUserId: string, secret: string, channel?: string): string[] {
  const channels = channel ? [channel] : [...CHANNELS_FOR_FORGET];
  const hashes = channels.map((c) => userHash(c, platformUserId, secret));
  hashes.push(pseudonymize(platformUserId, secret));
  return [...new Set(hashes)];
}
