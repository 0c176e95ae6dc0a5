/**
 * Handoffs end to end in Teams, on the real core with a real SQLite file, the
 * real CloudAdapter and a fake Bot Connector on loopback, driven by card clicks:
 * a person asks in their personal chat, presses « Parler à une personne »,
 * chooses « Ici, dans cette conversation »; an agent opens « Répondre » on the
 * team's card in the team channel and sends an answer; the person receives it
 * by a proactive message in their chat, the card shows who answered; a second
 * agent is told it was already answered. Then the same with an e-mail given
 * with consent, and `forget --user` erases the address from the file.
 */
import fs from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetCommand } from "../../src/cli/commands/forget.js";
import { handoffsCommand } from "../../src/cli/commands/handoffs.js";
import { createTeamsChannel } from "../../src/channels/teams/index.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { loadConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/types.js";
import { BOT, CHANNEL, TEAM, botAddedToChannel, cardTexts, findAll, listen, nextId, startFakeConnector } from "../support/teams.js";

const SECRET = "test-pseudonym-secret-0123456789abcdef";
let runtime: Runtime;
let dataDir: string;
let file: string;
let storage: SqliteStorage;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(tmpdir(), "teams-handoff-e2e-"));
  file = path.join(dataDir, "relais-ess.sqlite");
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PSEUDONYM_SECRET: SECRET, LOG_LEVEL: "silent" }, { dotenv: false });
  storage = new SqliteStorage(file);
  await storage.migrate();
  runtime = await createRuntime({ config, storage, llm: null, handoffTargets: { default: { teams: CHANNEL.id } } });
  connector = await startFakeConnector();
  const channel = createTeamsChannel({
    assistant: runtime.assistant,
    storage,
    appId: "",
    nodeEnv: "test",
    logger: silentLogger,
    retry: { baseMs: 5, maxMs: 50 },
    secret: SECRET,
  });
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => channel.handler(req as never, res as never));
  server = http.createServer(app);
  base = await listen(server);
  expect(await post(botAddedToChannel())).toBe(200);
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await connector?.close();
  await runtime?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(activity: Record<string, unknown>) {
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
  });
  return res.status;
}

interface Person {
  from: { id: string; name: string; aadObjectId: string };
  conversation: { id: string; conversationType: "personal"; tenantId: string };
}
let n = 0;
function person(): Person {
  n++;
  return {
    from: { id: `29:person-${n}`, name: `Porteur ${n}`, aadObjectId: `aad-person-${n}` },
    conversation: { id: `a:person-chat-${n}`, conversationType: "personal", tenantId: "tenant-1" },
  };
}
const AGENT = { id: "29:agent-camille", name: "Camille Agent", aadObjectId: "aad-agent-camille" };
const AGENT2 = { id: "29:agent-dominique", name: "Dominique Agent", aadObjectId: "aad-agent-dominique" };

/** What the person says or presses in their personal chat. */
function inChat(p: Person, extra: Record<string, unknown>) {
  return post({
    type: "message",
    id: nextId(),
    channelId: "msteams",
    from: p.from,
    recipient: BOT,
    conversation: p.conversation,
    channelData: { tenant: { id: "tenant-1" } },
    ...extra,
  });
}

/** What an agent submits from the team's card (a reply in the card's thread in the team channel). */
function fromTeamCard(agent: typeof AGENT, cardActivityId: string, value: Record<string, unknown>) {
  return post({
    type: "message",
    id: nextId(),
    channelId: "msteams",
    from: agent,
    recipient: BOT,
    replyToId: cardActivityId,
    conversation: { id: `${CHANNEL.id};messageid=${cardActivityId}`, conversationType: "channel", isGroup: true },
    channelData: { team: TEAM, channel: CHANNEL, tenant: { id: "tenant-1" } },
    value,
  });
}

const toChat = (p: Person) => connector.posts().filter((r) => r.url.startsWith(`/v3/conversations/${encodeURIComponent(p.conversation.id)}/activities`));
const cardOf = (r: { body: any }) => r.body.attachments?.[0]?.content;
const textOf = (r: { body: any }) => `${r.body.text ?? ""}\n${cardTexts(cardOf(r) ?? {}).join("\n")}`;
const submitData = (r: { body: any }, pred: (d: any) => boolean) => findAll(cardOf(r) ?? {}, (o) => o.type === "Action.Submit" && pred(o.data))[0]?.data as any;

/** Asks a question, presses « Parler à une personne »: returns the « how shall we answer » card. */
async function askThenHandoff(p: Person) {
  await inChat(p, { text: "Comment fonctionne l'appel à communs du Département ?" });
  const answer = toChat(p).at(-1)!;
  expect(textOf(answer)).toMatch(/appel à communs/i);
  const handoff = submitData(answer, (d) => d?.relais === "action" && d.id === "handoff");
  expect(handoff, "« Parler à une personne » on the answer").toBeTruthy();
  await inChat(p, { value: handoff });
  const how = toChat(p).at(-1)!;
  expect(textOf(how)).toContain("Comment souhaitez-vous recevoir sa réponse ?");
  return how;
}

/** The team's card posted for the latest handoff: the proactive POST to the team channel. */
function teamCards() {
  return connector.requests.filter((r) => r.method === "POST" && r.url === `/v3/conversations/${encodeURIComponent(CHANNEL.id)}/activities`);
}

/** The « Répondre » form's submit data (inside the Action.ShowCard). */
function replyForm(cardPost: { body: any }) {
  const show = (cardOf(cardPost).actions ?? []).find((a: any) => a.type === "Action.ShowCard");
  expect(show?.title).toBe("Répondre");
  const input = findAll(show.card, (o) => o.type === "Input.Text")[0]!;
  expect(input).toMatchObject({ isRequired: true, isMultiline: true, maxLength: 4000 });
  const data = findAll(show.card, (o) => o.type === "Action.Submit")[0]!.data as Record<string, unknown>;
  return { data, inputId: input.id as string };
}

/** Rows of any table holding one of `needles` ("table: start of the row"), read from the file itself. */
function rowsContaining(dbFile: string, needles: string[]): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    return tables.flatMap((t) =>
      (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
        .map((r) => JSON.stringify(r))
        .filter((r) => needles.some((x) => r.includes(x)))
        .map((r) => `${t}: ${r.slice(0, 200)}`),
    );
  } finally {
    db.close();
  }
}

function fileBytes(): string {
  return [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("");
}

describe("Teams handoff, both ways", () => {
  it("an agent answers from the team's card; the person receives it in their chat; the card shows it answered; a second agent is told", async () => {
    const p = person();
    const how = await askThenHandoff(p);
    const here = submitData(how, (d) => d?.relais === "prompt" && d.value === "conversation");
    expect(here).toBeTruthy();
    const cardsBefore = teamCards().length;
    await inChat(p, { value: here });

    const ack = toChat(p).at(-1)!;
    expect(ack.body.text).toContain("Votre demande a été transmise");
    expect(ack.body.text).toContain("La réponse vous sera donnée ici");
    const teamCard = teamCards()[cardsBefore]!;
    expect(teamCard, "the card posted in the team channel").toBeTruthy();
    expect(textOf(teamCard)).toContain("Comment fonctionne l'appel à communs du Département ?");
    expect(textOf(teamCard)).toContain("À traiter");
    expect(textOf(teamCard)).not.toContain("Voir la conversation"); // a personal chat: the team cannot open it
    const { data, inputId } = replyForm(teamCard);
    const id = data.handoffId as string;
    // The person's conversation reference is the handoff's origin: no name, no user id.
    const origin = JSON.parse((await storage.getHandoffContacts(id)).origin!);
    expect(origin.reference.conversation.id).toBe(p.conversation.id);
    expect(origin.reference.serviceUrl).toBe(connector.url);
    expect(JSON.stringify(origin)).not.toContain(p.from.name);
    expect(JSON.stringify(origin)).not.toContain(p.from.aadObjectId);

    const seen = toChat(p).length;
    const requests = connector.requests.length;
    expect(
      await fromTeamCard(AGENT, teamCard.responseId!, { ...data, [inputId]: "Bonjour, l'appel à communs ouvre en mars : déposez votre dossier en ligne." }),
    ).toBe(200);

    // The person receives the answer by a proactive message in their own chat.
    const delivered = toChat(p).slice(seen);
    expect(delivered).toHaveLength(1);
    expect(textOf(delivered[0]!)).toContain("l'appel à communs ouvre en mars");
    expect(textOf(delivered[0]!)).toContain("Camille Agent");
    expect(delivered[0]!.body.replyToId).toBeUndefined();
    // The team's card is updated in place: who answered, when; no « Répondre » any more.
    const update = connector.requests
      .slice(requests)
      .find((r) => r.method === "PUT" && r.url === `/v3/conversations/${encodeURIComponent(CHANNEL.id)}/activities/${teamCard.responseId}`);
    expect(update, JSON.stringify(connector.requests.slice(requests).map((r) => `${r.method} ${r.url}`))).toBeDefined();
    expect(textOf(update!)).toMatch(/Répondu par Camille Agent le \d/);
    expect(textOf(update!)).toContain("Transmise à la personne dans sa conversation");
    expect(JSON.stringify(cardOf(update!))).not.toContain("Action.ShowCard");
    const stored = await storage.getHandoff(id);
    expect(stored).toMatchObject({ status: "resolved", reply: { agent: "Camille Agent" } });
    expect(stored?.replyDeliveredAt).toBeTruthy();

    // A second agent, on a card not yet redrawn, is told who answered first; nothing reaches the person.
    const before = connector.posts().length;
    await fromTeamCard(AGENT2, teamCard.responseId!, { ...data, [inputId]: "Autre réponse" });
    const told = connector.posts().slice(before);
    expect(told.map((r) => r.body.text).join("\n")).toMatch(/déjà reçu une réponse de Camille Agent le .+ : la vôtre n'a pas été envoyée/);
    expect(toChat(p).slice(seen)).toHaveLength(1);
    expect((await storage.getHandoff(id))?.reply?.text).toContain("ouvre en mars");

    // The CLI refuses a reply to the answered handoff, clearly.
    let out = "";
    let err = "";
    const cmd = handoffsCommand(
      async () => {
        const s: Storage = new SqliteStorage(file);
        await s.migrate();
        return s;
      },
      { out: (s) => (out += s), err: (s) => (err += s) },
    );
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
    await cmd.parseAsync(["reply", id.slice(0, 8), "--text", "Encore une"], { from: "user" }).catch(() => undefined);
    expect(err).toMatch(/cette demande a déjà reçu une réponse de Camille Agent le/);
    expect(out).toBe("");
  });

  it("asked in a channel thread: the team's card links to the thread, and the answer is posted in that thread", async () => {
    const thread = "1700000000123";
    const where = {
      from: { id: "29:person-thread", name: "Porteur Fil", aadObjectId: "aad-person-thread" },
      conversation: { id: `19:porteurs@thread.tacv2;messageid=${thread}`, conversationType: "channel", isGroup: true, tenantId: "tenant-1" },
    };
    const inThread = (extra: Record<string, unknown>) =>
      post({
        type: "message",
        id: nextId(),
        channelId: "msteams",
        recipient: BOT,
        channelData: { team: { ...TEAM, aadGroupId: "group-1" }, channel: { id: "19:porteurs@thread.tacv2", name: "Porteurs" }, tenant: { id: "tenant-1" } },
        ...where,
        ...extra,
      });
    const toThread = () => connector.posts().filter((r) => r.url.startsWith(`/v3/conversations/${encodeURIComponent(where.conversation.id)}/activities`));
    await inThread({
      text: "<at>Relais ESS</at> Comment fonctionne l'appel à communs du Département ?",
      entities: [{ type: "mention", mentioned: BOT, text: "<at>Relais ESS</at>" }],
    });
    const answer = toThread().at(-1)!;
    await inThread({ value: submitData(answer, (d) => d?.relais === "action" && d.id === "handoff"), replyToId: answer.responseId });
    const how = toThread().at(-1)!;
    const cardsBefore = teamCards().length;
    await inThread({ value: submitData(how, (d) => d?.relais === "prompt" && d.value === "conversation"), replyToId: how.responseId });
    const teamCard = teamCards()[cardsBefore]!;
    const link = findAll(cardOf(teamCard), (o) => (o.selectAction as any)?.type === "Action.OpenUrl" && o.text === "Voir la conversation")[0];
    expect((link?.selectAction as any)?.url).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent("19:porteurs@thread.tacv2")}/${thread}?tenantId=tenant-1&groupId=group-1&parentMessageId=${thread}`,
    );
    const { data, inputId } = replyForm(teamCard);
    const seen = toThread().length;
    const requests = connector.requests.length;
    await fromTeamCard(AGENT, teamCard.responseId!, { ...data, [inputId]: "Bonjour, voici la réponse dans votre fil." });
    const delivered = toThread().slice(seen);
    expect(delivered).toHaveLength(1);
    expect(textOf(delivered[0]!)).toContain("voici la réponse dans votre fil");
    const update = connector.requests.slice(requests).find((r) => r.method === "PUT" && r.url.endsWith(`/activities/${teamCard.responseId}`));
    expect(textOf(update!)).toContain("Répondu par Camille Agent");
    expect(textOf(update!)).toContain("Voir la conversation");
  });

  it("when the proactive message fails, the answer is kept and shown on the person's next message", async () => {
    const p = person();
    const how = await askThenHandoff(p);
    const cardsBefore = teamCards().length;
    await inChat(p, { value: submitData(how, (d) => d?.relais === "prompt" && d.value === "conversation") });
    const teamCard = teamCards()[cardsBefore]!;
    const { data, inputId } = replyForm(teamCard);
    const seen = toChat(p).length;
    const requests = connector.requests.length;
    connector.fail(403); // the next connector call (the message to the person) is refused
    await fromTeamCard(AGENT, teamCard.responseId!, { ...data, [inputId]: "Votre dossier est complet." });
    expect(
      toChat(p)
        .slice(seen)
        .filter((r) => r.responseId),
    ).toEqual([]);
    const update = connector.requests.slice(requests).find((r) => r.method === "PUT" && r.url.endsWith(`/activities/${teamCard.responseId}`));
    expect(textOf(update!)).toContain("La personne verra la réponse dans sa conversation à son prochain message.");
    const stored = await storage.getHandoff(data.handoffId as string);
    expect(stored).toMatchObject({ status: "resolved", reply: { text: "Votre dossier est complet." } });
    expect(stored?.replyDeliveredAt).toBeUndefined();

    await inChat(p, { text: "merci" });
    expect(textOf(toChat(p).at(-1)!)).toContain("Votre dossier est complet.");
    expect((await storage.getHandoff(data.handoffId as string))?.replyDeliveredAt).toBeTruthy();
    await inChat(p, { text: "aide" });
    expect(textOf(toChat(p).at(-1)!)).not.toContain("Votre dossier est complet.");
  });

  it("an empty answer, or one sent from outside the team's card, is refused with a French message; the handoff stays open", async () => {
    const p = person();
    const how = await askThenHandoff(p);
    const cardsBefore = teamCards().length;
    await inChat(p, { value: submitData(how, (d) => d?.relais === "prompt" && d.value === "conversation") });
    const teamCard = teamCards()[cardsBefore]!;
    const { data, inputId } = replyForm(teamCard);
    // The form's data sent from elsewhere (the person's own chat) does nothing but say so.
    let before = connector.posts().length;
    await inChat(p, { value: { ...data, [inputId]: "Je me réponds à moi-même." } });
    expect(
      connector
        .posts()
        .slice(before)
        .map((r) => r.body.text),
    ).toEqual([expect.stringContaining("que depuis la carte de la demande")]);
    before = connector.posts().length;
    await inChat(p, { value: { relais: "resolve-handoff", handoffId: data.handoffId } });
    expect(
      connector
        .posts()
        .slice(before)
        .map((r) => r.body.text),
    ).toEqual([expect.stringContaining("que depuis sa carte")]);
    expect((await storage.getHandoff(data.handoffId as string))?.status).toBe("open");
    before = connector.posts().length;
    await fromTeamCard(AGENT, teamCard.responseId!, { ...data, [inputId]: "   " });
    expect(
      connector
        .posts()
        .slice(before)
        .map((r) => r.body.text),
    ).toEqual([expect.stringContaining("Votre réponse est vide")]);
    expect((await storage.getHandoff(data.handoffId as string))?.status).toBe("open");
  });

  it("with an e-mail given with consent: the card shows it, the answer erases it; forget erases another from the file", async () => {
    // First person: e-mail, answered by an agent.
    const p = person();
    const address = "ada.lovelace-teams@exemple.fr";
    let how = await askThenHandoff(p);
    await inChat(p, { value: submitData(how, (d) => d?.relais === "prompt" && d.value === "email") });
    expect(textOf(toChat(p).at(-1)!)).toContain("Indiquez l'adresse e-mail");
    await inChat(p, { text: address });
    const consent = toChat(p).at(-1)!;
    expect(textOf(consent)).toContain("Acceptez-vous");
    const yes = submitData(consent, (d) => (d?.relais === "action" && d.id === "confirm") || (d?.relais === "prompt" && d.value === "oui"));
    const cardsBefore = teamCards().length;
    await inChat(p, { value: yes });
    expect(toChat(p).at(-1)!.body.text).toContain("L'équipe vous répondra par e-mail");
    const teamCard = teamCards()[cardsBefore]!;
    expect(textOf(teamCard)).toContain(address);
    const { data, inputId } = replyForm(teamCard);
    const id = data.handoffId as string;
    expect((await storage.getHandoffContacts(id)).email).toBe(address);
    expect(JSON.stringify(await storage.getHandoff(id))).not.toContain(address);

    const seen = toChat(p).length;
    const requests = connector.requests.length;
    await fromTeamCard(AGENT, teamCard.responseId!, { ...data, [inputId]: "Je vous ai écrit par e-mail ce jour." });
    expect((await storage.getHandoffContacts(id)).email).toBeUndefined();
    expect(toChat(p).slice(seen)).toEqual([]); // answered by e-mail, not in the chat
    const update = connector.requests.slice(requests).find((r) => r.method === "PUT" && r.url.endsWith(`/activities/${teamCard.responseId}`));
    expect(textOf(update!)).toContain("Répondu par Camille Agent");
    expect(textOf(update!)).not.toContain(address);

    // Second person: e-mail with consent, then `forget --user` before anyone answers.
    const q = person();
    const address2 = "grace.hopper-teams@exemple.fr";
    how = await askThenHandoff(q);
    await inChat(q, { value: submitData(how, (d) => d?.relais === "prompt" && d.value === "email") });
    await inChat(q, { text: `mon adresse : ${address2}` });
    const consent2 = toChat(q).at(-1)!;
    const before2 = teamCards().length;
    await inChat(q, { value: submitData(consent2, (d) => (d?.relais === "action" && d.id === "confirm") || (d?.relais === "prompt" && d.value === "oui")) });
    const card2 = teamCards()[before2]!;
    const id2 = replyForm(card2).data.handoffId as string;
    expect((await storage.getHandoffContacts(id2)).email).toBe(address2);

    let out = "";
    const forget = forgetCommand(
      async () => {
        const s: Storage = new SqliteStorage(file);
        await s.migrate();
        return s;
      },
      { out: (s) => (out += s), err: () => undefined, env: { PSEUDONYM_SECRET: SECRET, DATA_DIR: dataDir, NODE_ENV: "test" } },
    );
    forget.exitOverride();
    await forget.parseAsync(["--user", q.from.aadObjectId, "--channel", "teams"], { from: "user" });
    expect(out).toContain("Effacement");
    expect(await storage.getHandoff(id2)).toBeNull();
    expect(await storage.getHandoffContacts(id2)).toEqual({});
    // No row keeps either address (the consent prompt shows it masked), nor does any page of the file.
    expect(rowsContaining(file, [address, address2])).toEqual([]);
    const raw = fileBytes();
    expect(raw).not.toContain(address2);
    expect(raw).not.toContain(address);
    // The first person's answered handoff is still there.
    expect((await storage.getHandoff(id))?.reply?.agent).toBe("Camille Agent");
  });
});
