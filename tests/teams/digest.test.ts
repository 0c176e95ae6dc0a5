/**
 * The weekly digest in Teams: posted proactively, at the scheduled time of a
 * fake clock, in the team channel where the handoff cards go (its reference
 * stored when the app was added there), through the real CloudAdapter and a
 * fake connector: the summary as text, the report card with its figures and
 * the button to the web report.
 */
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsChannel } from "../../src/channels/teams/index.js";
import { teamsDigestPoster } from "../../src/channels/teams/digest.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { type Clock, DigestScheduler } from "../../src/report/digest.js";
import { seededSqlite } from "../report/seed.js";
import { DLA, FakeAssistant } from "../support/fake-assistant.js";
import { CHANNEL, botAddedToChannel, cardTexts, findAll, listen, startFakeConnector } from "../support/teams.js";

let seeded: Awaited<ReturnType<typeof seededSqlite>>;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: http.Server;
let channel: ReturnType<typeof createTeamsChannel>;

beforeAll(async () => {
  seeded = await seededSqlite();
  connector = await startFakeConnector();
  channel = createTeamsChannel({
    assistant: new FakeAssistant({ storage: seeded.storage, script: DLA }),
    storage: seeded.storage,
    appId: "",
    nodeEnv: "test",
    logger: silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
  });
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => channel.handler(req as never, res as never));
  server = http.createServer(app);
  const base = await listen(server);
  // The app is added to the handoff channel: its conversation reference is stored.
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ serviceUrl: connector.url, ...botAddedToChannel() }),
  });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await connector?.close();
  await seeded?.cleanup();
});

describe("weekly digest in Teams", () => {
  it("is posted in the handoff channel at the scheduled time, with the figures and the web report button", async () => {
    const timers: { fn: () => void; at: number }[] = [];
    let t = new Date("2025-03-09T12:00:00Z").getTime();
    const clock: Clock = {
      now: () => new Date(t),
      setTimeout: (fn, ms) => {
        const h = { fn, at: t + ms };
        timers.push(h);
        return h;
      },
      clearTimeout: (h) => timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
    };
    const digest = new DigestScheduler({
      schedule: { day: 1, hour: 9 },
      storage: seeded.storage,
      poster: teamsDigestPoster({ adapter: channel.adapter, appId: channel.appId, storage: seeded.storage, target: CHANNEL.id }),
      secret: "digest-secret-0123456789abcdef",
      publicBaseUrl: "https://relais.example.fr",
      clock,
    });
    digest.start();
    const url = `/v3/conversations/${encodeURIComponent(CHANNEL.id)}/activities`;
    const digestPosts = () => connector.requests.filter((r) => r.method === "POST" && r.url === url);
    expect(digestPosts()).toHaveLength(0);

    t = new Date("2025-03-10T08:00:00Z").getTime();
    timers.shift()!.fn();
    const deadline = Date.now() + 10_000;
    while (!digestPosts().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const [post] = digestPosts();
    expect(post, JSON.stringify(connector.requests.map((r) => r.url))).toBeDefined();
    expect(post!.body.text).toContain("Synthèse hebdomadaire de Relais ESS");
    expect(post!.body.text).toContain("Questions posées : 3");
    const card = post!.body.attachments[0].content;
    expect(cardTexts(card).join("\n")).toContain("Questions posées");
    const open = findAll(card, (o) => o.type === "Action.OpenUrl" && o.title === "Ouvrir le rapport complet");
    expect(String(open[0]?.url)).toMatch(/^https:\/\/relais\.example\.fr\/report\?days=7&expires=\d+&sig=[\w-]{43}$/);

    await digest.stop();
    expect(timers).toHaveLength(0);
  });
});
