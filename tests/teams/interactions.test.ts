/**
 * Teams as people really use it, through the real CloudAdapter and a fake Bot
 * Connector on loopback: the AI label only on text a model wrote, the report
 * for agents only, a typing indicator before the work, card buttons that act
 * only for the person asked and while their step is open, one vote per
 * person shown on the answer, and a pre-filled eligibility form.
 */
import http from "node:http";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTeamsChannel, REPORT_DECLINED_TEXT, type ReportAccess } from "../../src/channels/teams/index.js";
import { NOT_ACTIVE_TEXT } from "../../src/channels/teams/buttons.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { DLA, FakeAssistant } from "../support/fake-assistant.js";
import {
  BOT,
  TEAM,
  cardTexts,
  channelMessage,
  findAll,
  listen,
  mention,
  nextId,
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

const AGENTS: ReportAccess = { tenants: ["tenant-1"], teams: [], users: ["aad-boss"] };

async function startBot(reportAccess: ReportAccess = AGENTS) {
  const storage = new MemoryStorage();
  const assistant = new FakeAssistant({ storage, script: DLA });
  const channel = createTeamsChannel({
    assistant,
    storage,
    nodeEnv: "test",
    appId: "",
    appPassword: "",
    logger: silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
    reportAccess,
  });
  const app = express();
  app.post("/api/messages", express.json({ limit: "1mb" }), (req, res) => channel.handler(req as never, res as never));
  const server = http.createServer(app);
  servers.push(server);
  const base = await listen(server);
  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
    });
    return res.status;
  };
  return { storage, assistant, post };
}

const last = () => connector.posts().at(-1)!;
const cardOf = (r: { body: any }) => r.body.attachments?.[0]?.content;
const submits = (card: unknown) => findAll(card, (o) => o.type === "Action.Submit") as { title: string; data: Record<string, any> }[];
const puts = () => connector.requests.filter((r) => r.method === "PUT");
const OTHER = { id: "29:user-2", name: "Collègue", aadObjectId: "aad-user-2" };
const GROUP = { id: "19:group-chat@thread.v2", conversationType: "groupChat", isGroup: true };

describe("AI label only on text a model wrote", () => {
  it("labels a generated answer, not an offline one, a receipt, the help or a rule-based verdict", async () => {
    const { post } = await startBot();
    await post(personalMessage("Quel accompagnement pour consolider notre association ?"));
    expect(last().body.entities[0].additionalType).toEqual(["AIGeneratedContent"]);

    await post(personalMessage("Une réponse hors ligne, s'il vous plaît"));
    const offline = last().body;
    expect(offline.entities[0].additionalType).toBeUndefined();
    expect(offline.entities[0].citation.length).toBeGreaterThan(0);
    expect(offline.channelData.feedbackLoop).toEqual({ type: "default" });

    await post(submitMessage({ relais: "action", id: "help" }));
    expect(last().body.entities).toBeUndefined();
    await post(submitMessage({ relais: "action", id: "handoff" }));
    expect(last().body.text).toContain("transmise");
    expect(last().body.entities).toBeUndefined();
    await post(submitMessage({ relais: "form", kind: "eligibility", employees: "2" }));
    expect(cardTexts(cardOf(last())).join("\n")).toContain("Résultat de la vérification d'éligibilité");
    expect(JSON.stringify(last().body.entities ?? [])).not.toContain("AIGeneratedContent");
  });

  it("shows a typing indicator before answering typed text, not before a button press", async () => {
    const { post } = await startBot();
    await post(personalMessage("Quel accompagnement ?"));
    expect(connector.typing()).toHaveLength(1);
    const order = connector.requests.map((r) => r.body?.type);
    expect(order.indexOf("typing")).toBeLessThan(order.indexOf("message"));
    await post(submitMessage({ relais: "action", id: "help" }));
    expect(connector.typing()).toHaveLength(1);
  });
});

describe("the report, for agents only", () => {
  it("declines it politely outside the declared agents, and gives it to them", async () => {
    const { post, storage } = await startBot();
    // A group chat of the agents' tenant: others may read it there.
    await post(personalMessage("rapport", { conversation: GROUP }));
    expect(last().body.text).toBe(REPORT_DECLINED_TEXT);
    // A personal chat in another tenant.
    await post(
      personalMessage("Rapport", { conversation: { id: "a:other-tenant", conversationType: "personal" }, channelData: { tenant: { id: "tenant-2" } } }),
    );
    expect(last().body.text).toBe(REPORT_DECLINED_TEXT);
    // A person declared by id, in the group chat; the tenant, in a personal chat.
    await post(personalMessage("rapport", { conversation: GROUP, from: { id: "29:boss", name: "Cheffe", aadObjectId: "aad-boss" } }));
    expect(last().body.text).toContain("Rapport des 30 derniers jours");
    await post(personalMessage("rapport"));
    expect(last().body.text).toContain("Rapport des 30 derniers jours");
    expect((await storage.reportData({})).interactions).toHaveLength(0);
  });

  it("gives it to nobody when no agent is declared", async () => {
    const { post } = await startBot({ tenants: [], teams: [], users: [] });
    await post(personalMessage("rapport"));
    expect(last().body.text).toBe(REPORT_DECLINED_TEXT);
    await post(channelMessage("<at>Relais ESS</at> rapport", { entities: [mention()] }));
    expect(last().body.text).toBe(REPORT_DECLINED_TEXT);
  });

  it("gives it in the channels of a declared team", async () => {
    const { post } = await startBot({ tenants: [], teams: [TEAM.id], users: [] });
    await post(channelMessage("<at>Relais ESS</at> rapport", { entities: [mention()] }));
    expect(last().body.text).toContain("Rapport des 30 derniers jours");
  });
});

describe("card buttons act for the person asked, while their step is open", () => {
  it("a press by someone else gets a reply to that person only, and nothing else happens", async () => {
    const { post, assistant } = await startBot();
    await post(channelMessage("<at>Relais ESS</at> Quel accompagnement pour notre association ?", { entities: [mention()] }));
    const answer = last();
    const handoff = submits(cardOf(answer)).find((a) => a.data.id === "handoff")!;
    expect(handoff.data).toMatchObject({ m: expect.any(String), o: "aad-user-1" });
    const turns = assistant.turns.length;
    await post(channelMessage("", { value: handoff.data, replyToId: answer.responseId, from: OTHER }));
    const notice = last().body;
    expect(notice.text).toBe(`<at>Collègue</at>, ${NOT_ACTIVE_TEXT.charAt(0).toLowerCase()}${NOT_ACTIVE_TEXT.slice(1)}`);
    expect(notice.entities[0]).toMatchObject({ type: "mention", mentioned: { id: OTHER.id } });
    expect(assistant.turns).toHaveLength(turns);
  });

  it("a question answered by a press shows the choice; its buttons, pressed again, are no longer active", async () => {
    const { post, assistant } = await startBot();
    await post(personalMessage("Quelle forme pour ma structure ?"));
    const question = last();
    const [association, scop] = submits(cardOf(question)).filter((a) => a.data.relais === "prompt");
    await post(submitMessage(scop!.data, { replyToId: question.responseId }));
    expect(assistant.turns.at(-1)?.text).toBe("scop");
    const update = puts().at(-1)!;
    expect(update.url).toContain(encodeURIComponent(question.responseId!));
    expect(cardTexts(update.body.attachments[0].content).join("")).toContain("Votre réponse : SCOP");
    expect(submits(update.body.attachments[0].content)).toHaveLength(0);

    const turns = assistant.turns.length;
    await post(submitMessage(association!.data, { replyToId: question.responseId }));
    expect(last().body.text).toBe(NOT_ACTIVE_TEXT);
    expect(assistant.turns).toHaveLength(turns);
  });

  it("an earlier question, answered by typing, is no longer active", async () => {
    const { post, assistant } = await startBot();
    await post(personalMessage("Quelle forme pour ma structure ?"));
    const question = last();
    await post(personalMessage("une association"));
    const turns = assistant.turns.length;
    const scop = submits(cardOf(question)).find((a) => a.data.value === "scop")!;
    await post(submitMessage(scop.data, { replyToId: question.responseId }));
    expect(last().body.text).toBe(NOT_ACTIVE_TEXT);
    expect(assistant.turns).toHaveLength(turns);
  });

  it("a form acts once", async () => {
    const { post, storage } = await startBot();
    await post(submitMessage({ relais: "action", id: "friction", process: "dla" }));
    const form = submits(cardOf(last())).find((a) => a.data.relais === "form")!;
    const values = { step: "depot", blocker: "delai", process: "dla", commune: "Nîmes", description: "Trop long.", severity: "2", contactOk: "false" };
    await post(submitMessage({ ...form.data, ...values }));
    expect(last().body.text).toContain("signalement est enregistré");
    await post(submitMessage({ ...form.data, ...values }));
    expect(last().body.text).toBe(NOT_ACTIVE_TEXT);
    expect((await storage.reportData({})).frictions).toHaveLength(1);
  });
});

describe("votes and the eligibility form", () => {
  it("keeps one vote per person, the last one, and shows it on the answer", async () => {
    const { post, storage } = await startBot();
    await post(personalMessage("Quel accompagnement ?"));
    const answer = last();
    const vote = (reaction: "like" | "dislike") =>
      post({
        type: "invoke",
        name: "message/submitAction",
        id: nextId(),
        channelId: "msteams",
        from: { id: "29:user-1", aadObjectId: "aad-user-1" },
        recipient: BOT,
        conversation: { id: "a:personal-conv-1", conversationType: "personal" },
        replyToId: answer.responseId,
        value: { actionName: "feedback", actionValue: { reaction, feedback: '{"feedbackText":""}' } },
      });
    expect(await vote("like")).toBe(200);
    expect(cardTexts(puts().at(-1)!.body.attachments[0].content).join(" ")).toContain("Avis donné : réponse utile");
    expect(await vote("dislike")).toBe(200);
    const redrawn = puts().at(-1)!;
    expect(redrawn.url).toContain(encodeURIComponent(answer.responseId!));
    expect(cardTexts(redrawn.body.attachments[0].content).join(" ")).toContain("Avis donné : réponse pas utile");
    // Still the same message: AI label, citations and feedback loop kept.
    expect(redrawn.body.entities[0].additionalType).toEqual(["AIGeneratedContent"]);
    expect(redrawn.body.channelData.feedbackLoop).toEqual({ type: "default" });
    const ratings = (await storage.reportData({})).ratings;
    expect(ratings).toHaveLength(1);
    expect(ratings[0]?.value).toBe("down");
  });

  it("« Compléter les informations » opens the eligibility form pre-filled with the known facts", async () => {
    const { post } = await startBot();
    await post(submitMessage({ relais: "form", kind: "eligibility", legalForm: "association", commune: "Alès", employees: "3", inQpv: "false" }));
    const complete = submits(cardOf(last())).find((a) => a.title === "Compléter les informations")!;
    expect(complete.data.facts).toEqual({ legalForm: "association", commune: "Alès", employees: 3, inQpv: false });
    await post(submitMessage(complete.data));
    const form = cardOf(last());
    const value = (id: string) => findAll(form, (o) => o.id === id)[0]?.value;
    expect(value("legalForm")).toBe("association");
    expect(value("commune")).toBe("Alès");
    expect(value("employees")).toBe(3);
    expect(value("inQpv")).toBe("false");
  });
});
