/** The service mounts the channels the configuration enables, and only those. */
import fs from "node:fs";
import path from "node:path";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppConfig } from "../../src/config/env.js";
import type { Runtime } from "../../src/runtime.js";
import { closedPort, ROOT, startService, tempDir, testConfig, testRuntime } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let base: AppConfig;
let runtime: Runtime;

beforeAll(async () => {
  tmp = tempDir();
  base = testConfig(tmp.dir);
  runtime = await testRuntime(base);
});
afterAll(async () => {
  await runtime?.close();
  tmp?.remove();
});

const SECRET = "test-signing-secret";

function signed(body: string, secret = SECRET, ts = Math.floor(Date.now() / 1000)) {
  const sig = "v0=" + createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "content-type": "application/json", "x-slack-request-timestamp": String(ts), "x-slack-signature": sig };
}

describe("Slack", () => {
  it("mounts /slack/events when both secrets are set, verifying signatures on the raw body", async () => {
    const port = await closedPort();
    const config = testConfig(tmp.dir, { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    const svc = await startService({ runtime, config });
    try {
      expect(svc.service.channels.slack?.mode).toBe("http");
      const body = JSON.stringify({ type: "url_verification", challenge: "défi-123", token: "t" });
      const ok = await fetch(`${svc.url}/slack/events`, { method: "POST", headers: signed(body), body });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("défi-123");
      const forged = await fetch(`${svc.url}/slack/events`, { method: "POST", headers: signed(body, "wrong-secret"), body });
      expect(forged.status).toBe(401);
      const stale = await fetch(`${svc.url}/slack/events`, { method: "POST", headers: signed(body, SECRET, Math.floor(Date.now() / 1000) - 600), body });
      expect(stale.status).toBe(401);
      const huge = JSON.stringify({ type: "url_verification", challenge: "x".repeat(1_100_000) });
      const tooBig = await fetch(`${svc.url}/slack/events`, { method: "POST", headers: signed(huge), body: huge });
      expect(tooBig.status).toBe(413);
    } finally {
      await svc.close();
    }
  });
});

describe("Teams", () => {
  it("is not mounted in production without credentials, and the reason is given", async () => {
    const config = testConfig(tmp.dir, { NODE_ENV: "production", PSEUDONYM_SECRET: "a-long-enough-production-secret" });
    const svc = await startService({ runtime, config });
    try {
      expect(svc.service.channels.teams).toBeNull();
      expect(svc.service.channels.notes.join("\n")).toMatch(/Teams désactivé.*MicrosoftAppId/);
      const res = await fetch(`${svc.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(res.status).toBe(404);
      // The playground is off by default in production.
      expect((await fetch(`${svc.url}/`)).status).toBe(404);
    } finally {
      await svc.close();
    }
  });

  it("the README and docs/teams.md say what production does without credentials: Teams off, not a refusal to start", () => {
    for (const doc of ["README.md", "docs/teams.md"]) {
      const text = fs.readFileSync(path.join(ROOT, doc), "utf8").replace(/\s+/g, " ");
      expect(text, doc).toMatch(/Teams est désactivé/);
      expect(text, doc).not.toMatch(/refuse de démarrer/);
    }
  });

  it("rejects unauthenticated activities with 401 when credentials are set", async () => {
    const config = testConfig(tmp.dir, {
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppPassword: "pw",
      MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000002",
    });
    const svc = await startService({ runtime, config });
    try {
      expect(svc.service.channels.teams?.anonymous).toBe(false);
      const activity = {
        type: "message",
        id: "a1",
        text: "bonjour",
        from: { id: "u1" },
        conversation: { id: "c1" },
        recipient: { id: "b" },
        serviceUrl: "http://127.0.0.1:1/",
        channelId: "msteams",
      };
      const res = await fetch(`${svc.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
      expect(res.status).toBe(401);
    } finally {
      await svc.close();
    }
  });
});
