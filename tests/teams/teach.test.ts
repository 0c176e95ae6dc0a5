/**
 * « Enregistrer comme réponse type » on an answered handoff's Teams card: the real
 * CloudAdapter over HTTP (replies to a fake Bot Connector on loopback) writes a draft
 * answer card to a temporary knowledge folder and tells the agent; a second press
 * writes nothing more. Open handoffs, and handoffs closed without an answer, offer no such button.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handoffCard } from "../../src/channels/teams/handoff-card.js";
import { createTeamsChannel } from "../../src/channels/teams/index.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { knowledgePaths, useKnowledgePaths } from "../../src/core/paths.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { DLA, FakeAssistant } from "../support/fake-assistant.js";
import { CHANNEL, channelMessage, findAll, listen, startFakeConnector } from "../support/teams.js";

let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: http.Server;
let base: string;
let dir: string;
const storage = new MemoryStorage();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "teams-teach-"));
  useKnowledgePaths(knowledgePaths(dir));
  connector = await startFakeConnector();
  await storage.migrate();
  const channel = createTeamsChannel({
    assistant: new FakeAssistant({ storage, script: DLA, handoffTargets: { default: { teams: CHANNEL.id } } }),
    storage,
    nodeEnv: "test",
    logger: silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
    appId: "",
    appPassword: "",
  });
  server = http.createServer((req, res) => void channel.handler(req as never, res as never));
  base = await listen(server);
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await connector?.close();
  useKnowledgePaths(knowledgePaths());
  rmSync(dir, { recursive: true, force: true });
});

async function press(data: unknown) {
  const before = connector.requests.length;
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      serviceUrl: connector.url,
      ...channelMessage("", { value: data, replyToId: "card-1", conversation: { id: CHANNEL.id, conversationType: "channel" } }),
    }),
  });
  expect(res.status).toBe(200);
  return connector.requests.slice(before).filter((r) => r.method === "POST" && r.body?.type === "message");
}

const teachButtons = (card: unknown) => findAll(card, (o) => (o.data as any)?.relais === "teach-handoff");

describe("« Enregistrer comme réponse type » in Teams", () => {
  it("writes one draft from an answered handoff's question and reply, and says so", async () => {
    const h = await storage.createHandoff({
      process: "agrement-esus",
      userHash: "u-teams",
      channel: "teams",
      conversationKey: "teams:c:-:u-teams",
      summary: "Questions posées :\n- L'agrément ESUS est-il payant ?",
      question: "L'agrément ESUS est-il payant ?",
      facts: {},
      sources: [],
    });
    expect(teachButtons(handoffCard(h))).toHaveLength(0);
    expect(teachButtons(handoffCard((await storage.resolveHandoff(h.id))!))).toHaveLength(0);

    const h2 = await storage.createHandoff({
      process: "agrement-esus",
      userHash: "u-teams",
      channel: "teams",
      conversationKey: "teams:c:-:u-teams",
      summary: "Questions posées :\n- L'agrément ESUS est-il payant ?",
      question: "L'agrément ESUS est-il payant ?",
      facts: {},
      sources: [],
    });
    const answered = (await storage.answerHandoff(h2.id, { text: "Non, la demande d'agrément ESUS est gratuite.", agent: "Camille" }))!.handoff;
    const [button] = teachButtons(handoffCard(answered));
    expect(button!.title).toBe("Enregistrer comme réponse type");

    const sent = await press(button!.data);
    expect(sent.map((r) => r.body.text).join("\n")).toMatch(/Brouillon de réponse type enregistré \(rep-l-agrement-esus-est-il-payant\)/);
    const files = readdirSync(path.join(dir, "reponses", "brouillons"));
    expect(files).toEqual(["rep-l-agrement-esus-est-il-payant.md"]);
    const draft = matter(readFileSync(path.join(dir, "reponses", "brouillons", files[0]!), "utf8")).data;
    expect(draft).toMatchObject({
      status: "brouillon",
      questions: ["L'agrément ESUS est-il payant ?"],
      answer: "Non, la demande d'agrément ESUS est gratuite.",
      route: "agrement-esus",
    });

    const again = await press(button!.data);
    expect(again.map((r) => r.body.text).join("\n")).toMatch(/Un brouillon existe déjà pour cette demande/);
    expect(readdirSync(path.join(dir, "reponses", "brouillons"))).toHaveLength(1);
  });

  it("answers a press on an unknown handoff plainly", async () => {
    const sent = await press({ relais: "teach-handoff", handoffId: "inconnu-123" });
    expect(sent.map((r) => r.body.text).join("\n")).toMatch(/Aucune demande ne porte la référence « inconnu-123 »/);
  });
});
