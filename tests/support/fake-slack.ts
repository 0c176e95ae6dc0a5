/**
 * A fake Slack Web API on 127.0.0.1: records every call (method, token,
 * decoded arguments) and answers like Slack. Also serves response_url posts
 * under /response/<id>. `failNext(method, status)` makes the next call fail.
 * Every payload is checked against Slack's documented limits (../support/slack-limits.ts):
 * an over-limit one is refused with `ok: false` as real Slack does, and listed in `rejected`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { checkSlackCall, type LimitViolation } from "./slack-limits.js";

export interface RecordedCall {
  method: string;
  token?: string;
  args: Record<string, any>;
  status: number;
  /** Request path (response_url posts: /response/<id>). */
  path: string;
  /** What the fake answered. */
  response?: Record<string, any>;
}

export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  /** Calls refused because a payload broke one of Slack's limits, with the reasons. */
  rejected: { method: string; violations: LimitViolation[] }[];
  /** Successful calls of a method (or response_url posts: method "response"). */
  ok(method: string): RecordedCall[];
  /** The next call of `method` fails: HTTP `status`, or with status 200 Slack's `{ ok: false, error }` (default error: fatal_error). */
  failNext(method: string, status: number, headers?: Record<string, string>, error?: string): void;
  responseUrl(id?: string): string;
  close(): Promise<void>;
}

function decode(contentType: string | undefined, raw: string): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain string */
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const rejected: FakeSlack["rejected"] = [];
  const failures: { method: string; status: number; headers: Record<string, string>; error?: string }[] = [];
  let tsCounter = 1_700_000_000;
  const nextTs = () => `${++tsCounter}.000100`;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const isResponse = url.pathname.startsWith("/response/");
      const method = isResponse ? "response" : url.pathname.replace(/^\/api\//, "");
      const args = decode(req.headers["content-type"], raw);
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || args.token;
      const failIdx = failures.findIndex((f) => f.method === method);
      if (failIdx >= 0) {
        const f = failures.splice(failIdx, 1)[0]!;
        const body = { ok: false, error: f.error ?? (f.status === 429 ? "ratelimited" : "fatal_error") };
        calls.push({ method, token, args, status: f.status, path: url.pathname, response: body });
        res.writeHead(f.status, { "content-type": "application/json", ...f.headers });
        res.end(JSON.stringify(body));
        return;
      }
      const violations = checkSlackCall(method, args);
      if (violations.length) {
        rejected.push({ method, violations });
        const error = violations.some((x) => x.path.includes("blocks")) ? "invalid_blocks" : "invalid_arguments";
        const body = isResponse
          ? { ok: false, error }
          : { ok: false, error, response_metadata: { messages: violations.map((x) => `[ERROR] ${x.message} [json-pointer:/${x.path}]`) } };
        calls.push({ method, token, args, status: 200, path: url.pathname, response: body });
        res.writeHead(isResponse ? 400 : 200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
        return;
      }
      let body: Record<string, unknown> = { ok: true };
      switch (method) {
        case "auth.test":
          body = { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T0001", team: "Test", user: "relais-ess" };
          break;
        case "chat.postMessage":
          body = { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text } };
          break;
        case "chat.postEphemeral":
          body = { ok: true, message_ts: nextTs() };
          break;
        case "chat.update":
          body = { ok: true, channel: args.channel, ts: args.ts };
          break;
        case "chat.getPermalink":
          body = { ok: true, permalink: `https://example.slack.com/archives/${args.channel}/p${String(args.message_ts).replace(".", "")}` };
          break;
        case "views.open":
        case "views.publish":
          body = { ok: true, view: { id: "V0001" } };
          break;
        case "chat.startStream":
          body = { ok: true, channel: args.channel, ts: nextTs() };
          break;
        case "chat.appendStream":
        case "chat.stopStream":
          body = { ok: true, channel: args.channel, ts: args.ts };
          break;
      }
      calls.push({ method, token, args, status: 200, path: url.pathname, response: body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    rejected,
    ok: (method) => calls.filter((c) => c.method === method && c.status === 200 && c.response?.ok !== false),
    failNext: (method, status, headers = {}, error) => failures.push({ method, status, headers, error }),
    responseUrl: (id = Math.random().toString(36).slice(2)) => `${url}/response/${id}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
