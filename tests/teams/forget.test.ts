/**
 * `forget --user` erases what the Teams channel itself keeps about a person:
 * the stored replies behind their cards (with the facts they show), the link
 * from each sent activity to its card, and the latest question — on the real
 * CloudAdapter and core, on a SQLite file, with the service's PSEUDONYM_SECRET.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsChannel } from "../../src/channels/teams/index.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { loadConfig } from "../../src/config/env.js";
import { personKey } from "../../src/privacy/pseudonym.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { createStorage } from "../../src/storage/index.js";
import { forgetOnFile, onDisk, stateRowsHolding } from "../support/erasure.js";
import type { Storage } from "../../src/storage/types.js";
import { listen, personalMessage, startFakeConnector } from "../support/teams.js";

const SECRET = "forget-teams-secret-0123456789abcdef";
let runtime: Runtime;
let storage: Storage;
let dir: string;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "teams-forget-"));
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dir, PSEUDONYM_SECRET: SECRET, LOG_LEVEL: "silent" }, { dotenv: false });
  storage = await createStorage({ dataDir: dir });
  runtime = await createRuntime({ config, storage, llm: null });
  connector = await startFakeConnector();
  const channel = createTeamsChannel({ assistant: runtime.assistant, storage, appId: "", nodeEnv: "test", logger: silentLogger, secret: SECRET });
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => channel.handler(req as never, res as never));
  server = http.createServer(app);
  base = await listen(server);
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await connector?.close();
  await runtime?.close();
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function ask(aad: string, text: string): Promise<void> {
  const person = { id: `29:${aad}`, name: "Personne Test", aadObjectId: aad };
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      serviceUrl: connector.url,
      ...personalMessage(text, { from: person, conversation: { id: `a:personal-${aad}`, conversationType: "personal" } }),
    }),
  });
  expect(res.status).toBe(200);
}

describe("Teams: forget --user erases the channel's own records of the person", () => {
  it("card records, activity links and the latest question are gone; someone else's stay", async () => {
    const gone = "aad-forget-me-0001";
    const kept = "aad-keep-me-0002";
    // An answer card, then an eligibility question card (latest question), for each person.
    for (const aad of [gone, kept]) {
      await ask(aad, "Qui peut répondre à l'appel à communs du Département ?");
      await ask(aad, "Suis-je éligible à l'agrément ESUS ?");
    }
    const goneKey = personKey("teams", gone, SECRET);
    const keptKey = personKey("teams", kept, SECRET);
    const before = stateRowsHolding(dir, goneKey);
    expect(before.some((k) => k.startsWith("teams:card:"))).toBe(true);
    expect(before.some((k) => k.startsWith("teams:card-of:"))).toBe(true);
    const keptBefore = stateRowsHolding(dir, keptKey).length;
    expect(keptBefore).toBeGreaterThan(0);

    const out = await forgetOnFile(dir, SECRET, gone, "teams");
    expect(out).toMatch(/états de conversation : [1-9]/);

    expect(stateRowsHolding(dir, goneKey)).toEqual([]);
    expect(stateRowsHolding(dir, keptKey)).toHaveLength(keptBefore);
    expect(onDisk(dir, goneKey)).toBe(false);
  }, 90_000);
});
