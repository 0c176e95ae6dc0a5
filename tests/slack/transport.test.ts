/**
 * The Slack Web API transport (undici keep-alive pool) behind the real
 * WebClient, against a fake Slack on loopback: results, Slack errors, 429
 * retries with Retry-After, HTTP errors, timeouts, connection reuse.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { createSlackTransport, type SlackTransport } from "../../src/channels/slack/transport.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";

const { WebClient } = webApi;

let fake: FakeSlack | undefined;
let transport: SlackTransport | undefined;
const servers: http.Server[] = [];

afterEach(async () => {
  await transport?.close();
  transport = undefined;
  await fake?.close();
  fake = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

function client(apiUrl: string, extra: Partial<webApi.WebClientOptions> = {}) {
  transport = createSlackTransport();
  return new WebClient("xoxb-test", {
    slackApiUrl: apiUrl,
    fetch: transport.fetch,
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
    ...extra,
  });
}

describe("Slack transport", () => {
  it("posts form-encoded arguments and returns Slack's JSON result", async () => {
    fake = await startFakeSlack();
    const c = client(fake.apiUrl);
    const res = await c.chat.postMessage({ channel: "C1", text: "Bonjour « à vous »", blocks: [{ type: "section", text: { type: "mrkdwn", text: "x" } }] });
    expect(res.ok).toBe(true);
    expect(res.ts).toMatch(/^\d+\.\d+$/);
    const call = fake.ok("chat.postMessage")[0]!;
    expect(call.token).toBe("xoxb-test");
    expect(call.args.text).toBe("Bonjour « à vous »");
    expect(call.args.blocks[0].type).toBe("section");
  });

  it("turns ok:false into a Slack platform error", async () => {
    const srv = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error: "channel_not_found" }));
      });
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const c = client(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/api/`);
    await expect(c.chat.postMessage({ channel: "CX", text: "x" })).rejects.toMatchObject({
      code: "slack_webapi_platform_error",
      data: { error: "channel_not_found" },
    });
  });

  it("retries after a 429, honouring Retry-After", async () => {
    fake = await startFakeSlack();
    fake.failNext("chat.postMessage", 429, { "retry-after": "1" });
    const c = client(fake.apiUrl);
    const t0 = Date.now();
    const res = await c.chat.postMessage({ channel: "C1", text: "x" });
    expect(res.ok).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(fake.calls.filter((x) => x.method === "chat.postMessage").map((x) => x.status)).toEqual([429, 200]);
  });

  it("reports an HTTP error status", async () => {
    fake = await startFakeSlack();
    fake.failNext("chat.postMessage", 500);
    fake.failNext("chat.postMessage", 500);
    fake.failNext("chat.postMessage", 500);
    const c = client(fake.apiUrl);
    await expect(c.chat.postMessage({ channel: "C1", text: "x" })).rejects.toMatchObject({ code: "slack_webapi_http_error", statusCode: 500 });
  });

  it("gives up on a Web API that does not answer, after the timeout", async () => {
    const srv = http.createServer(() => {
      /* never answers */
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const c = client(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/api/`, { timeout: 200, retryConfig: { retries: 0 } });
    const t0 = Date.now();
    await expect(c.chat.postMessage({ channel: "C1", text: "x" })).rejects.toMatchObject({ code: "slack_webapi_request_error" });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("reuses connections (keep-alive) across calls", async () => {
    const sockets = new Set<Socket>();
    const srv = http.createServer((req, res) => {
      sockets.add(req.socket);
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, ts: "1.1" }));
      });
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const c = client(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/api/`);
    for (let i = 0; i < 10; i++) await c.chat.postMessage({ channel: "C1", text: `m${i}` });
    // without keep-alive, each call would open its own socket
    expect(sockets.size).toBeLessThanOrEqual(2);
  });
});
