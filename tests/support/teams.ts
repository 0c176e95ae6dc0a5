/** Shared helpers of the Teams tests: activity builders, a fake Bot Connector on loopback. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export const BOT = { id: "28:relais-bot", name: "Relais ESS" };
export const USER = { id: "29:user-1", name: "Agent Test", aadObjectId: "aad-user-1" };
export const TEAM = { id: "19:team-general@thread.tacv2", name: "Économie sociale" };
export const CHANNEL = { id: "19:ess-handoffs@thread.tacv2", name: "Mises en relation" };

let seq = 1000;
export const nextId = () => `act-${++seq}`;

export function personalMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    id: nextId(),
    channelId: "msteams",
    text,
    from: USER,
    recipient: BOT,
    conversation: { id: "a:personal-conv-1", conversationType: "personal" },
    channelData: { tenant: { id: "tenant-1" } },
    ...extra,
  };
}

export function channelMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    id: nextId(),
    channelId: "msteams",
    text,
    from: USER,
    recipient: BOT,
    conversation: { id: `${CHANNEL.id};messageid=1700000000000`, conversationType: "channel", isGroup: true },
    channelData: { team: TEAM, channel: CHANNEL, tenant: { id: "tenant-1" } },
    ...extra,
  };
}

export function mention(): Record<string, unknown> {
  return { type: "mention", mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` };
}

export function submitMessage(value: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return personalMessage("", { value, ...extra });
}

export function botAddedToChannel(): Record<string, unknown> {
  return {
    type: "conversationUpdate",
    id: nextId(),
    channelId: "msteams",
    from: USER,
    recipient: BOT,
    membersAdded: [{ id: BOT.id }],
    conversation: { id: CHANNEL.id, conversationType: "channel", isGroup: true },
    channelData: { team: TEAM, channel: CHANNEL, eventType: "teamMemberAdded", tenant: { id: "tenant-1" } },
  };
}

export interface Recorded {
  method: string;
  url: string;
  body: any;
  bytes: number;
  /** Activity id the fake connector answered with (when it answered 200). */
  responseId?: string;
}

/** A fake Bot Connector: records every call, answers 200 with a new activity id, or queued failures. */
export async function startFakeConnector() {
  const requests: Recorded[] = [];
  const failures: number[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      let body: unknown = null;
      try {
        body = raw.length ? JSON.parse(raw.toString("utf8")) : null;
      } catch {
        body = raw.toString("utf8");
      }
      const rec: Recorded = { method: req.method ?? "", url: req.url ?? "", body, bytes: raw.length };
      requests.push(rec);
      const status = failures.shift();
      if (status) {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "Throttled", message: "slow down" } }));
        return;
      }
      rec.responseId = `sent-${++n}`;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: rec.responseId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    /** The next `count` calls answer `status`. */
    fail(status: number, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    /** Messages sent (typing indicators and streaming updates left out: see typing()). */
    posts: () => requests.filter((r) => r.method === "POST" && r.body?.type !== "typing"),
    /** Typing indicators and streaming updates. */
    typing: () => requests.filter((r) => r.method === "POST" && r.body?.type === "typing"),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Every TextRun / TextBlock / title text of a card, for assertions. */
export function cardTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => cardTexts(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.text === "string") out.push(o.text);
    if (typeof o.title === "string") out.push(o.title);
    if (typeof o.label === "string") out.push(o.label);
    for (const v of Object.values(o)) if (v && typeof v === "object") cardTexts(v, out);
  }
  return out;
}

export function findAll(node: unknown, pred: (o: Record<string, unknown>) => boolean, out: Record<string, unknown>[] = []) {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, pred, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (pred(o)) out.push(o);
    for (const v of Object.values(o)) if (v && typeof v === "object") findAll(v, pred, out);
  }
  return out;
}
