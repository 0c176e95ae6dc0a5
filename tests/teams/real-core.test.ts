/**
 * The Teams channel on the real core (createRuntime: bundled knowledge, offline
 * answers, memory storage) over the real CloudAdapter and a fake connector:
 * an answer with citations, a 👎 stored and joined to the interaction, the
 * eligibility form's verdicts, the report, and a handoff posted proactively to
 * the configured channel then resolved from its card.
 */
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { createTeamsChannel } from "../../src/channels/teams/index.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { MemoryStorage } from "../../src/storage/memory.js";
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

let runtime: Runtime;
let dataDir: string;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: http.Server;
let base: string;
let storage: MemoryStorage;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "teams-real-core-"));
  const config = loadConfig(
    {
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      PSEUDONYM_SECRET: "test-pseudonym-secret-0123456789abcdef",
      LOG_LEVEL: "silent",
      PUBLIC_BASE_URL: "https://relais.example.fr",
    },
    { dotenv: false },
  );
  storage = new MemoryStorage();
  runtime = await createRuntime({ config, storage, llm: null, handoffTargets: { default: { teams: CHANNEL.id } } });
  connector = await startFakeConnector();
  const channel = createTeamsChannel({
    assistant: runtime.assistant,
    storage,
    appId: "",
    nodeEnv: "test",
    logger: silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
    reportAccess: { tenants: ["tenant-1"], teams: [], users: [] },
  });
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => channel.handler(req as never, res as never));
  server = http.createServer(app);
  base = await listen(server);
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await connector?.close();
  await runtime?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function post(activity: Record<string, unknown>) {
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
  });
  return res.status;
}

const lastPost = () => connector.posts().at(-1)!;

describe("Teams on the real core", () => {
  it("answers with citations and stores a 👎 joined to the rated message", async () => {
    expect(await post(personalMessage("Quel accompagnement pour une association employeuse qui veut consolider son modèle économique ?"))).toBe(200);
    const answer = lastPost();
    // An offline answer, extracted from the sources: citations, but no AI label.
    expect(answer.body.entities[0].additionalType).toBeUndefined();
    const citations = answer.body.entities[0].citation ?? [];
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(answer.body.text).toContain(`[${c.position}]`);
      expect(c.appearance.abstract.length).toBeLessThanOrEqual(160);
    }
    expect(answer.body.channelData.feedbackLoop).toEqual({ type: "default" });
    const titles = findAll(answer.body.attachments[0].content, (o) => o.type === "Action.Submit").map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(["Vérifier l'éligibilité", "Signaler une difficulté", "Parler à une personne"]));

    const status = await post({
      type: "invoke",
      name: "message/submitAction",
      id: "real-invoke-1",
      channelId: "msteams",
      from: { id: "29:user-1", aadObjectId: "aad-user-1" },
      recipient: { id: "28:relais-bot" },
      conversation: { id: "a:personal-conv-1", conversationType: "personal" },
      replyToId: answer.responseId,
      value: { actionName: "feedback", actionValue: { reaction: "dislike", feedback: '{"feedbackText":"Il manque les délais."}' } },
    });
    expect(status).toBe(200);
    const { ratings, unanswered } = await storage.reportData({});
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ value: "down", comment: "Il manque les délais." });
    expect(ratings[0]?.interactionId).toBe(await storage.findInteractionByMessage("teams", answer.responseId!));
    expect(unanswered.some((u) => u.reason === "rated-down")).toBe(true);
  });

  it("answers the eligibility form with a verdict card", async () => {
    await post(
      submitMessage({
        relais: "form",
        kind: "eligibility",
        legalForm: "association",
        employees: "3",
        commune: "Alès",
        partnerStructures: "1",
        inQpv: "unknown",
      }),
    );
    const verdict = lastPost();
    const texts = cardTexts(verdict.body.attachments[0].content).join("\n");
    expect(texts).toContain("Résultat de la vérification d'éligibilité");
    expect(texts).toMatch(/Dispositif local d'accompagnement \(DLA\)[\s\S]*Éligible/);
    expect(texts).toMatch(/Appel à communs[\s\S]*Non éligible/);
  });

  it("completes an eligibility questionnaire by clicking the card's options", async () => {
    const conversation = { id: "a:personal-clicks", conversationType: "personal" };
    await post(personalMessage("Je veux vérifier mon éligibilité", { conversation }));
    let clicks = 0;
    for (let step = 0; step < 20; step++) {
      const reply = lastPost();
      const text = String(reply.body.text ?? "");
      expect(text).not.toContain("Je n'ai pas compris");
      const content = reply.body.attachments?.[0]?.content;
      const texts = cardTexts(content).join("\n");
      if (texts.includes("Résultat de la vérification d'éligibilité")) break;
      const options = findAll(content, (o) => o.type === "Action.Submit" && (o.data as any)?.relais === "prompt");
      const choiceSet = findAll(content, (o) => o.type === "Input.ChoiceSet")[0] as any;
      if (choiceSet) {
        // More than five options: a drop-down, submitted with the chosen value.
        await post(submitMessage({ ...(options[0]!.data as object), choice: choiceSet.choices[0].value }, { conversation }));
      } else if (options.length) {
        const no = options.find((o) => o.title === "Non") ?? options[0]!;
        await post(submitMessage(no.data as Record<string, unknown>, { conversation }));
      } else {
        const typed = /commune/i.test(text) ? "Alès" : /salariés|structures/i.test(text) ? "3" : undefined;
        expect(typed, `unexpected step: ${text}`).toBeDefined();
        await post(personalMessage(typed!, { conversation }));
        continue;
      }
      clicks++;
    }
    expect(clicks).toBeGreaterThanOrEqual(2);
    expect(cardTexts(lastPost().body.attachments[0].content).join("\n")).toMatch(/Éligible|Non éligible|À vérifier|Informations manquantes/);
  }, 60_000);

  it("gives agents the report", async () => {
    await post(personalMessage("rapport"));
    const report = lastPost();
    expect(report.body.text).toContain("Rapport des 30 derniers jours");
    expect(report.body.text).not.toMatch(/report --format|ligne de commande/);
    const content = report.body.attachments[0].content;
    expect(cardTexts(content).join("\n")).toContain("Questions posées");
    // The signed link to the web report, as a button of the card.
    const open = findAll(content, (el: any) => el.type === "Action.OpenUrl");
    expect(open.map((a: any) => a.title)).toContain("Ouvrir le rapport complet");
    expect(open.find((a: any) => a.title === "Ouvrir le rapport complet")?.url).toMatch(
      /^https:\/\/relais\.example\.fr\/report\?days=30&expires=\d+&sig=[\w-]{43}$/,
    );
  });

  it("hands off to the configured Teams channel and resolves from the card", async () => {
    await post(botAddedToChannel());
    const before = connector.requests.length;
    await post(submitMessage({ relais: "action", id: "handoff", value: "conversation" }));
    const calls = connector.requests.slice(before);
    const proactive = calls.find((r) => r.url === `/v3/conversations/${encodeURIComponent(CHANNEL.id)}/activities`);
    expect(proactive, JSON.stringify(calls.map((c) => c.url))).toBeDefined();
    const ack = calls.find((r) => r.url.includes(encodeURIComponent("a:personal-conv-1")));
    expect(ack?.body.text).toContain("Votre demande a été transmise");
    expect(ack?.body.text).toContain("Mises en relation");

    const button = findAll(proactive!.body, (o) => (o.data as any)?.relais === "resolve-handoff")[0]!;
    const id = (button.data as any).handoffId as string;
    expect((await storage.getHandoff(id))?.status).toBe("open");
    await post(channelMessage("", { value: button.data, replyToId: proactive!.responseId, conversation: { id: CHANNEL.id, conversationType: "channel" } }));
    expect((await storage.getHandoff(id))?.status).toBe("resolved");
    expect(connector.requests.at(-1)?.method).toBe("PUT");
  });
});
