/**
 * Bot Framework authentication over real HTTP, offline: the channel runs with
 * credentials and its OpenID metadata pointed at a fake endpoint on loopback
 * that publishes a test RSA key. A token signed with that key passes (the
 * feedback is stored); forged tokens — "alg none", HS256 signed with the app
 * password, the known key id with a wrong signature, expired, another audience
 * — get 401 with a fixed French message, no library text, and one log line
 * without a stack trace. Nothing reaches the internet.
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsChannel, type Logger, type TeamsChannel } from "../../src/channels/teams/index.js";
import { tokenRejection } from "../../src/channels/teams/token.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { DLA, FakeAssistant } from "../support/fake-assistant.js";
import { listen } from "../support/teams.js";

const APP_ID = "00000000-0000-4000-8000-0000000000a1";
const APP_PASSWORD = "app-password-used-to-forge-hs256";
const TENANT = "00000000-0000-4000-8000-0000000000b2";
const ISSUER = "https://api.botframework.com";
const KID = "relais-test-key-1";
const SERVICE_URL = "http://127.0.0.1:9/teams-connector/"; // never called: the feedback invoke answers in the HTTP response

const good = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, signer: (data: string) => string): string {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${signer(data)}`;
}
const rs256 = (key: KeyObject) => (data: string) => sign("RSA-SHA256", Buffer.from(data), key).toString("base64url");
const claims = (over: Record<string, unknown> = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, iat: now - 60, exp: now + 3600, ...over };
};

/** A fake OpenID provider on loopback: metadata document and JWKS with the test key. */
let oidc: http.Server;
let oidcUrl = "";
const oidcRequests: string[] = [];
let bot: http.Server;
let botUrl = "";
let channel: TeamsChannel;
const storage = new MemoryStorage();
const logLines: { level: string; obj: unknown; msg?: string }[] = [];
const consoleErrors: unknown[][] = [];
const originalConsoleError = console.error;

beforeAll(async () => {
  const jwk = good.publicKey.export({ format: "jwk" }) as { n: string; e: string };
  oidc = http.createServer((req, res) => {
    oidcRequests.push(req.url ?? "");
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") {
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${oidcUrl}/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
    } else if (req.url === "/keys") {
      res.end(JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid: KID, n: jwk.n, e: jwk.e }] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  oidcUrl = await listen(oidc);

  // The channel's console output goes here (after the channel's own filter).
  console.error = (...args: unknown[]) => void consoleErrors.push(args);
  const record = (level: string) => (obj: unknown, msg?: string) => void logLines.push({ level, obj, msg });
  const logger: Logger = { info: record("info"), warn: record("warn"), error: record("error"), debug: () => {} };
  channel = createTeamsChannel({
    assistant: new FakeAssistant({ storage, script: DLA }),
    storage,
    appId: APP_ID,
    appPassword: APP_PASSWORD,
    appTenantId: TENANT,
    appType: "SingleTenant",
    nodeEnv: "production",
    logger,
    authSettings: {
      ToBotFromChannelOpenIdMetadataUrl: `${oidcUrl}/.well-known/openid-configuration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${oidcUrl}/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: ISSUER,
      ToChannelFromBotLoginUrl: `${oidcUrl}/login`,
      ToChannelFromBotOAuthScope: ISSUER,
      OAuthUrl: `${oidcUrl}/oauth`,
      ValidateAuthority: "false",
      CallerId: "urn:botframework:azure",
    },
  });
  const app = express();
  app.post("/api/messages", express.json({ limit: "1mb" }), (req, res) => void channel.handler(req as never, res as never));
  bot = http.createServer(app);
  botUrl = await listen(bot);
});

afterAll(async () => {
  console.error = originalConsoleError;
  if (bot) await new Promise<void>((r) => bot.close(() => r()));
  if (oidc) await new Promise<void>((r) => oidc.close(() => r()));
});

/** A feedback invoke on a message linked to a stored interaction (answered in the HTTP response). */
async function feedback(authorization?: string) {
  const interactionId = await storage.recordInteraction({
    channel: "teams",
    audience: "agent",
    userHash: "h".repeat(64),
    conversationKey: "k",
    question: "q",
    answer: "a",
    sources: [],
    route: null,
    refused: false,
    latencyMs: 1,
  });
  const messageId = `sent-${interactionId}`;
  await storage.linkMessage("teams", messageId, interactionId);
  const res = await fetch(`${botUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      type: "invoke",
      name: "message/submitAction",
      id: `invoke-${interactionId}`,
      channelId: "msteams",
      serviceUrl: SERVICE_URL,
      from: { id: "29:user", aadObjectId: "aad-user" },
      recipient: { id: `28:${APP_ID}` },
      conversation: { id: "a:conv-auth" },
      replyToId: messageId,
      value: { actionName: "feedback", actionValue: { reaction: "like", feedback: '{"feedbackText":""}' } },
    }),
  });
  const text = await res.text();
  const rated = (await storage.reportData({})).ratings.some((r) => r.interactionId === interactionId);
  return { status: res.status, text, rated };
}

describe("Bot Framework authentication with a local OpenID endpoint", () => {
  it("a token signed with the published key passes: the feedback is stored", async () => {
    const res = await feedback(`Bearer ${jwt({ alg: "RS256", typ: "JWT", kid: KID }, claims(), rs256(good.privateKey))}`);
    expect(res.status).toBe(200);
    expect(res.rated).toBe(true);
    // The keys came from the fake endpoint on loopback, nowhere else.
    expect(oidcRequests).toEqual(expect.arrayContaining(["/.well-known/openid-configuration", "/keys"]));
  });

  const forged: [string, () => string | undefined][] = [
    ["no Authorization header", () => undefined],
    ["not a JWT", () => "Bearer not.a.jwt"],
    ["alg none", () => `Bearer ${jwt({ alg: "none", typ: "JWT" }, claims(), () => "")}`],
    ["alg none with a key id", () => `Bearer ${jwt({ alg: "none", typ: "JWT", kid: KID }, claims(), () => "")}`],
    [
      "HS256 signed with the app password",
      () => `Bearer ${jwt({ alg: "HS256", typ: "JWT", kid: KID }, claims(), (d) => createHmac("sha256", APP_PASSWORD).update(d).digest("base64url"))}`,
    ],
    ["the known key id with a wrong signature", () => `Bearer ${jwt({ alg: "RS256", typ: "JWT", kid: KID }, claims(), rs256(other.privateKey))}`],
    ["an unknown key id", () => `Bearer ${jwt({ alg: "RS256", typ: "JWT", kid: "unknown-kid" }, claims(), rs256(other.privateKey))}`],
    [
      "an expired token",
      () => `Bearer ${jwt({ alg: "RS256", typ: "JWT", kid: KID }, claims({ exp: Math.floor(Date.now() / 1000) - 3600 }), rs256(good.privateKey))}`,
    ],
    [
      "another app's audience",
      () => `Bearer ${jwt({ alg: "RS256", typ: "JWT", kid: KID }, claims({ aud: "00000000-0000-4000-8000-0000000000ff" }), rs256(good.privateKey))}`,
    ],
    ["another issuer", () => `Bearer ${jwt({ alg: "RS256", typ: "JWT", kid: KID }, claims({ iss: "https://evil.example" }), rs256(good.privateKey))}`],
  ];

  it.each(forged)("%s → 401 with a fixed message, nothing stored, one log line without stack", async (_name, token) => {
    const logsBefore = logLines.length;
    const consoleBefore = consoleErrors.length;
    const res = await feedback(token());
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: "Authentification Bot Framework refusée." });
    expect(res.text).not.toMatch(/jwt|token|signature|unauthorized|invalid|expired|\n\s+at /i);
    expect(res.rated).toBe(false);
    const lines = logLines.slice(logsBefore);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "teams: request refused (Bot Framework authentication)" });
    expect(JSON.stringify(lines[0])).not.toMatch(/\n\s+at |BEGIN PUBLIC KEY|eyJ/);
    expect(consoleErrors.slice(consoleBefore)).toEqual([]);
  });
});

describe("tokenRejection (cheap checks before the SDK)", () => {
  it("names what makes a header no Bot Framework token", () => {
    const now = Date.now();
    expect(tokenRejection("", now)).toBe("not a bearer JWT");
    expect(tokenRejection("Basic abc", now)).toBe("not a bearer JWT");
    expect(tokenRejection(`Bearer ${jwt({ alg: "none" }, claims(), () => "")}`, now)).toBe("algorithm none");
    expect(tokenRejection(`Bearer ${jwt({ alg: "HS256", kid: KID }, claims(), () => "sig")}`, now)).toBe("algorithm HS256");
    expect(tokenRejection(`Bearer ${jwt({ alg: "RS256" }, claims(), () => "sig")}`, now)).toBe("no key id");
    expect(tokenRejection(`Bearer ${jwt({ alg: "RS256", kid: KID }, claims(), () => "sig")}`, now)).toBeNull();
  });
});
