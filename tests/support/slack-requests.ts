/** Signed requests to the Bolt receiver (events, commands, interactions), Slack envelopes, and polling (no fixed sleeps). */
import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

export function sign(rawBody: string, ts: number = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET) {
  const sig = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${rawBody}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": sig };
}

export interface PostOptions {
  ts?: number;
  secret?: string;
  headers?: Record<string, string>;
  signature?: string;
}

async function post(baseUrl: string, body: string, contentType: string, o: PostOptions = {}) {
  const headers: Record<string, string> = { "content-type": contentType, ...sign(body, o.ts, o.secret), ...(o.headers ?? {}) };
  if (o.signature) headers["x-slack-signature"] = o.signature;
  const res = await fetch(`${baseUrl}/slack/events`, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

export const postEvent = (baseUrl: string, payload: unknown, o?: PostOptions) => post(baseUrl, JSON.stringify(payload), "application/json", o);

export const postForm = (baseUrl: string, fields: Record<string, string>, o?: PostOptions) =>
  post(baseUrl, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", o);

export const postInteraction = (baseUrl: string, payload: unknown, o?: PostOptions) => postForm(baseUrl, { payload: JSON.stringify(payload) }, o);

/** Polls until `fn` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(fn: () => T | Promise<T>, what = "condition", timeoutMs = 5000, intervalMs = 15): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

let seq = 0;
export const uid = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase()}`;

/** An Events API envelope. */
export function eventEnvelope(event: Record<string, unknown>, eventId = uid("Ev")) {
  return {
    token: "legacy",
    team_id: "T0001",
    api_app_id: "A0001",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0001", user_id: "UBOT", is_bot: true }],
    event,
  };
}

/** An app_mention envelope in a porteur channel; the answer goes to the thread `ts`. */
export function appMention(text: string, o: { eventId?: string; channel?: string; user?: string; ts?: string } = {}) {
  const ts = o.ts ?? `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  return eventEnvelope(
    { type: "app_mention", user: o.user ?? "U0PORTEUR1", text: `<@UBOT> ${text}`, channel: o.channel ?? "C0GENERAL", ts, event_ts: ts },
    o.eventId ?? uid("Ev"),
  );
}

/** POSTs a signed Slack event; returns the status and how long the ack took. */
export async function postSignedEvent(baseUrl: string, payload: unknown, secret = SIGNING_SECRET): Promise<{ status: number; ms: number; text: string }> {
  const body = JSON.stringify(payload);
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...sign(body, undefined, secret) },
    body,
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t0, text };
}

/** A Slack message timestamp ("1733400000.123456"), unique enough for one test run. */
export const slackTs = () => `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

/** Every button of a message, with the block_id of its block (Slack sends it back with the click). */
export const buttonsOf = (blocks: any[] = []) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => ({ ...e, block_id: b.block_id })));

/** The signed `block_actions` request Slack sends when `user` presses `button` on a message of `channel`. */
export function clickButton(
  baseUrl: string,
  o: {
    user: string;
    channel: string;
    message: { ts: string; thread_ts?: string };
    button: { action_id: string; value?: string; block_id?: string };
    responseUrl: string;
  },
) {
  const { user, channel, message, button } = o;
  return postInteraction(baseUrl, {
    type: "block_actions",
    user: { id: user, team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    team: { id: "T0001", domain: "test" },
    trigger_id: "1.2.3",
    container: { type: "message", channel_id: channel, message_ts: message.ts, thread_ts: message.thread_ts, is_ephemeral: false },
    channel: { id: channel, name: "canal" },
    message: { type: "message", user: "UBOT", ts: message.ts, thread_ts: message.thread_ts, text: "…" },
    response_url: o.responseUrl,
    actions: [{ type: "button", action_id: button.action_id, block_id: button.block_id ?? "b", value: button.value, action_ts: slackTs() }],
  });
}
