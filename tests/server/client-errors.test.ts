/**
 * Client errors keep their status over real HTTP: a corrupt gzip body is 400
 * (the body parser's status, not 500), the Teams endpoint answers 400 to a body
 * that is not an activity and a clean 413 to a body over 1 MB (read to its end,
 * no connection reset); anonymous Teams refuses a serviceUrl off this machine.
 */
import http from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppConfig } from "../../src/config/env.js";
import type { Runtime } from "../../src/runtime.js";
import { captureLogger, postJson, startService, tempDir, testConfig, testRuntime, type Running } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let config: AppConfig;
let runtime: Runtime;
let svc: Running;
let logs: string[];

beforeAll(async () => {
  tmp = tempDir();
  config = testConfig(tmp.dir);
  runtime = await testRuntime(config);
  const cap = captureLogger();
  logs = cap.lines;
  svc = await startService({ runtime, config, logger: cap.logger, settings: { playground: true } });
}, 120_000);
afterAll(async () => {
  await svc?.close();
  await runtime?.close();
  tmp?.remove();
});

/** A raw POST with node:http (fetch would hide a reset behind a generic error). */
function rawPost(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, svc.url);
    const req = http.request(url, { method: "POST", headers: { "content-length": String(body.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject); // ECONNRESET / EPIPE fail the test
    req.end(body);
  });
}

describe("body parser errors keep their status", () => {
  it("a corrupt gzip body gets 400 with a French message, not 500", async () => {
    const good = gzipSync(Buffer.from(JSON.stringify({ question: "Qu'est-ce que le DLA ?" })));
    const corrupt = Buffer.concat([good.subarray(0, 12), Buffer.from("garbage-garbage-garbage"), good.subarray(30)]);
    const res = await rawPost("/api/ask", corrupt, { "content-type": "application/json", "content-encoding": "gzip" });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/illisible/);
    // and a well-formed gzip body is accepted
    const ok = await rawPost("/api/ask", good, { "content-type": "application/json", "content-encoding": "gzip" });
    expect(ok.status).toBe(200);
  });

  it("an unknown content encoding stays 415", async () => {
    const res = await rawPost("/api/ask", Buffer.from("{}"), { "content-type": "application/json", "content-encoding": "br-unknown" });
    expect(res.status).toBe(415);
  });

  it("logs no 500 for client errors", () => {
    const errors = logs.map((l) => JSON.parse(l) as { status?: number; msg?: string }).filter((l) => l.status === 500 || l.msg === "request failed");
    expect(errors).toEqual([]);
  });
});

describe("Teams /api/messages", () => {
  it("answers 400 to a body that is not an activity ({}, a list, no serviceUrl)", async () => {
    for (const body of [{}, [], { type: "message" }, { type: "message", serviceUrl: "pas une url", conversation: { id: "c" } }, "null"]) {
      const res = await postJson(`${svc.url}/api/messages`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/activité Bot Framework/);
    }
  });

  it("answers a clean 413 to a body over 1 MB (no connection reset), then keeps serving", async () => {
    const big = Buffer.from(JSON.stringify({ type: "message", text: "x".repeat(1_500_000), serviceUrl: "http://127.0.0.1:9/", conversation: { id: "c" } }));
    const res = await rawPost("/api/messages", big, { "content-type": "application/json" });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatch(/trop volumineux/);
    // Without Content-Length (chunked), the limit holds too.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        new URL("/api/messages", svc.url),
        { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (r) => {
          r.resume();
          r.on("end", () => resolve(r.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 12; i++) req.write(Buffer.alloc(150_000, 0x20));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await postJson(`${svc.url}/api/messages`, {})).status).toBe(400);
  });

  it("anonymous mode refuses a serviceUrl that is not on this machine (not an open relay)", async () => {
    expect(svc.service.channels.teams?.anonymous).toBe(true);
    const activity = {
      type: "message",
      id: "act-relay-1",
      channelId: "emulator",
      text: "Bonjour",
      from: { id: "user-1" },
      recipient: { id: "bot" },
      conversation: { id: "conv-relay" },
    };
    for (const serviceUrl of ["https://attacker.example/", "http://10.0.0.5:3978/", "http://[2001:db8::1]/", "http://127.0.0.1.attacker.example/"]) {
      const res = await postJson(`${svc.url}/api/messages`, { ...activity, serviceUrl });
      expect(res.status, serviceUrl).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/adresses de réponse locales/);
    }
  });
});
