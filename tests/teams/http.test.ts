/**
 * The real CloudAdapter over HTTP: the channel handler mounted in an express app
 * on loopback, replies going to a fake Bot Connector (serviceUrl) on loopback.
 */
import http from "node:http";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTeamsChannel, TeamsConfigError, type Logger } from "../../src/channels/teams/index.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { DLA, FakeAssistant } from "../support/fake-assistant.js";
import {
  CHANNEL,
  botAddedToChannel,
  cardTexts,
  channelMessage,
  findAll,
  listen,
  personalMessage,
  startFakeConnector,
  submitMessage,
} from "../support/teams.js";

type Connector = Awaited<ReturnType<typeof startFakeConnector>>;

let connector: Connector;
const servers: http.Server[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});
afterEach(async () => {
  connector.requests.length = 0;
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function startBot(opts: { plain?: boolean; credentials?: boolean; logger?: Logger } = {}) {
  const storage = new MemoryStorage();
  const assistant = new FakeAssistant({ storage, script: DLA, handoffTargets: { default: { teams: CHANNEL.id } } });
  const channel = createTeamsChannel({
    assistant,
    storage,
    nodeEnv: "test",
    logger: opts.logger ?? silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
    ...(opts.credentials
      ? {
          appId: "00000000-0000-4000-8000-000000000001",
          appPassword: "not-a-real-secret",
          appTenantId: "00000000-0000-4000-8000-000000000002",
          appType: "SingleTenant",
        }
      : { appId: "", appPassword: "" }),
  });
  let server: http.Server;
  if (opts.plain) {
    server = http.createServer((req, res) => void channel.handler(req as never, res as never));
  } else {
    const app = express();
    app.post("/api/messages", express.json({ limit: "1mb" }), (req, res) => channel.handler(req as never, res as never));
    server = http.createServer(app);
  }
  servers.push(server);
  const base = await listen(server);
  const post = async (activity: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // plain-text error bodies (401) stay as text
    }
    return { status: res.status, body };
  };
  return { storage, assistant, channel, post };
}

describe("Teams over HTTP (CloudAdapter + fake connector)", () => {
  it("posts the answer with the AI entity, citations and card to the connector, and links it", async () => {
    const { post, storage } = await startBot();
    const act = personalMessage("Quel accompagnement pour une association employeuse ?");
    const res = await post(act);
    expect(res.status).toBe(200);
    const [call] = connector.posts();
    expect(call?.url).toBe(`/v3/conversations/${encodeURIComponent("a:personal-conv-1")}/activities/${act.id}`);
    const body = call!.body;
    expect(body.type).toBe("message");
    expect(body.replyToId).toBe(act.id);
    expect(body.entities[0].additionalType).toEqual(["AIGeneratedContent"]);
    expect(body.entities[0].citation).toHaveLength(2);
    expect(body.channelData.feedbackLoop).toEqual({ type: "default" });
    // A typing indicator went first.
    expect(connector.typing()).toHaveLength(1);
    expect(body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    // The connector's id for the sent message is what Teams will quote in the feedback invoke.
    expect(await storage.findInteractionByMessage("teams", call!.responseId!)).toBeTruthy();
  });

  it("stores feedback sent as a message/submitAction invoke", async () => {
    const { post, storage } = await startBot();
    await post(personalMessage("Quel accompagnement ?"));
    const sentId = connector.posts()[0]?.responseId ?? "";
    const interactionByLastId = await storage.findInteractionByMessage("teams", sentId);
    expect(interactionByLastId).toBeTruthy();
    const res = await post({
      type: "invoke",
      name: "message/submitAction",
      id: "invoke-http-1",
      channelId: "msteams",
      from: { id: "29:user-1", aadObjectId: "aad-user-1" },
      recipient: { id: "28:relais-bot" },
      conversation: { id: "a:personal-conv-1" },
      replyToId: sentId,
      value: { actionName: "feedback", actionValue: { reaction: "like", feedback: '{"feedbackText":""}' } },
    });
    expect(res.status).toBe(200);
    const { ratings } = await storage.reportData({});
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ interactionId: interactionByLastId, value: "up" });
    expect(ratings[0]?.comment).toBeUndefined();
  });

  it("delivers a handoff as a proactive message in the installed channel, and resolves it from the card", async () => {
    const { post, storage, assistant } = await startBot({ plain: true });
    // 1. The app is added to the team channel: welcome + stored reference.
    await post(botAddedToChannel());
    expect(connector.posts()).toHaveLength(1);
    expect(await storage.getChannelRef(`teams:${CHANNEL.id}`)).not.toBeNull();
    // The stored reference names no person (not the display name nor the AAD id of who added the app).
    const stored = JSON.stringify(await storage.getChannelRef(`teams:${CHANNEL.id}`));
    expect(stored).not.toContain("Agent Test");
    expect(stored).not.toContain("aad-user-1");
    connector.requests.length = 0;

    // 2. In personal chat, "Parler à une personne".
    await post(submitMessage({ relais: "action", id: "handoff", process: "dla" }));
    expect(assistant.deliveries[0]?.error).toBeUndefined();
    expect(assistant.deliveries[0]?.where).toContain("Mises en relation");
    const proactive = connector.posts().find((r) => r.url === `/v3/conversations/${encodeURIComponent(CHANNEL.id)}/activities`);
    expect(proactive, JSON.stringify(connector.requests.map((r) => r.url))).toBeDefined();
    const card = proactive!.body.attachments[0].content;
    expect(cardTexts(card).join("\n")).toContain("Demande de mise en relation");
    const resolveButton = findAll(card, (o) => (o.data as any)?.relais === "resolve-handoff")[0]!;
    expect(resolveButton.title).toBe("Marquer comme traité");
    const handoffId = (resolveButton.data as any).handoffId;
    expect((await storage.getHandoff(handoffId))?.status).toBe("open");

    // 3. Someone in the channel presses "Marquer comme traité": the handoff is resolved and the card updated.
    const proactiveId = proactive!.responseId!;
    const before = connector.requests.length;
    const res = await post(
      channelMessage("", { value: resolveButton.data, replyToId: proactiveId, conversation: { id: CHANNEL.id, conversationType: "channel" } }),
    );
    expect(res.status).toBe(200);
    expect((await storage.getHandoff(handoffId))?.status).toBe("resolved");
    const update = connector.requests.slice(before).find((r) => r.method === "PUT");
    expect(update).toBeDefined();
    expect(cardTexts(update!.body.attachments[0].content).join("\n")).toMatch(/Traitée le/);
    expect(findAll(update!.body, (o) => (o.data as any)?.relais === "resolve-handoff")).toHaveLength(0);
  });

  it("refuses to start anonymously under NODE_ENV=production", () => {
    const storage = new MemoryStorage();
    const assistant = new FakeAssistant({ storage, script: DLA });
    expect(() => createTeamsChannel({ assistant, storage, nodeEnv: "production", appId: "", logger: silentLogger })).toThrow(TeamsConfigError);
    expect(() => createTeamsChannel({ assistant, storage, nodeEnv: "production", appId: "", logger: silentLogger })).toThrow(/MicrosoftAppId/);
    expect(() => createTeamsChannel({ assistant, storage, appId: "00000000-0000-4000-8000-000000000001", appPassword: "", logger: silentLogger })).toThrow(
      /MicrosoftAppPassword/,
    );
  });

  it("warns when running anonymously outside production", async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (o, m) => warnings.push(String(m ?? o)) };
    const { channel } = await startBot({ logger });
    expect(channel.anonymous).toBe(true);
    expect(warnings.join("\n")).toMatch(/unauthenticated/);
  });

  it("rejects requests without a valid Bot Framework token when credentials are set (401)", async () => {
    const { post, assistant } = await startBot({ credentials: true });
    const none = await post(personalMessage("Bonjour"));
    expect(none.status).toBe(401);
    const bogus = await post(personalMessage("Bonjour"), { authorization: "Bearer not.a.jwt" });
    expect(bogus.status).toBe(401);
    expect(assistant.turns).toHaveLength(0);
    expect(connector.requests).toHaveLength(0);
  });

  it("answers a duplicated activity once", async () => {
    const { post, assistant } = await startBot();
    const act = personalMessage("Quel accompagnement ?");
    expect((await post(act)).status).toBe(200);
    expect((await post(act)).status).toBe(200);
    expect(connector.posts()).toHaveLength(1);
    expect(assistant.turns).toHaveLength(1);
  });

  it("retries a throttled connector call (429 then 200)", async () => {
    const { post } = await startBot();
    connector.fail(429, 1);
    // A card button: no typing indicator before the reply, so the reply meets the 429.
    const res = await post(submitMessage({ relais: "action", id: "help" }));
    expect(res.status).toBe(200);
    const posts = connector.posts();
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body.text).toBe(posts[0]?.body.text);
  });

  it("keeps an oversized reply under 28 KB", async () => {
    const { post } = await startBot();
    await post(personalMessage("Une réponse très long, s'il vous plaît"));
    const [call] = connector.posts();
    expect(call!.bytes).toBeLessThan(28 * 1024);
    expect(call!.body.text).toContain("Réponse raccourcie");
    expect(call!.body.entities[0].citation.length).toBeGreaterThan(0);
    // No dangling citation marker: every [n] left in the text has its citation.
    const positions = new Set(call!.body.entities[0].citation.map((c: any) => c.position));
    for (const m of call!.body.text.matchAll(/\[(\d+)\]/g)) expect(positions.has(Number(m[1]))).toBe(true);
  });

  it("apologises with a route to a person when the core fails", async () => {
    const { post, assistant } = await startBot();
    assistant.failNext = true;
    expect((await post(personalMessage("Bonjour"))).status).toBe(200);
    const [call] = connector.posts();
    expect(call!.body.text).toMatch(/^Désolé/);
    expect(findAll(call!.body, (o) => (o.data as any)?.id === "handoff")).toHaveLength(1);
  });

  it("rejects a non-JSON body on the plain Node handler", async () => {
    const { channel } = await startBot();
    const server = http.createServer((req, res) => void channel.handler(req as never, res as never));
    servers.push(server);
    const base = await listen(server);
    const res = await fetch(`${base}/api/messages`, { method: "POST", body: "{not json" });
    expect(res.status).toBe(400);
  });
});
