/**
 * Handoffs end to end in Slack, on the real core with a real SQLite file, the
 * real Bolt receiver fed signed requests and a fake Web API (Slack's limits
 * checked): a person mentions the app in a channel, presses « Parler à une
 * personne », chooses « Ici, dans cette conversation »; the team's post links to
 * the conversation; an agent presses « Répondre » and submits the modal; the
 * person gets the answer in the same thread, the post shows who answered and
 * when, a second agent is told. Then the same with an e-mail given with
 * consent, and `forget --user` erases the address from the file.
 */
import fs from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetCommand } from "../../src/cli/commands/forget.js";
import { loadConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import type { MemoryStorage } from "../../src/storage/memory.js";
import { SqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/types.js";
import { HANDOFF_TARGETS, startHarness, type Harness } from "./harness.js";
import { buttonsOf, clickButton, eventEnvelope, postEvent, postInteraction, slackTs, uid, waitFor } from "../support/slack-requests.js";

const SECRET = "test-pseudonym-secret-0123456789abcdef";
let h: Harness;
let runtime: Runtime;
let dataDir: string;
let file: string;
let storage: SqliteStorage;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(tmpdir(), "slack-handoff-e2e-"));
  file = path.join(dataDir, "relais-ess.sqlite");
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PSEUDONYM_SECRET: SECRET, LOG_LEVEL: "silent" }, { dotenv: false });
  storage = new SqliteStorage(file);
  await storage.migrate();
  runtime = await createRuntime({ config, storage, llm: null, handoffTargets: HANDOFF_TARGETS });
  // The harness is typed for the memory storage; every call it makes is on the Storage interface.
  h = await startHarness({ assistant: () => runtime.assistant, storage: storage as unknown as MemoryStorage });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const ts = slackTs;
const buttons = buttonsOf;
const click = (user: string, channel: string, message: { ts: string; thread_ts?: string }, button: { action_id: string; value?: string; block_id?: string }) =>
  clickButton(h.baseUrl, { user, channel, message, button, responseUrl: h.slack.responseUrl() });

function submitReply(agent: { id: string; name: string }, privateMetadata: string, text: string) {
  return postInteraction(h.baseUrl, {
    type: "view_submission",
    team: { id: "T0001", domain: "test" },
    user: { id: agent.id, name: agent.name, team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    trigger_id: "1.2.3",
    view: {
      id: "V1",
      team_id: "T0001",
      type: "modal",
      callback_id: "ess_handoff_reply",
      private_metadata: privateMetadata,
      state: { values: { reply: { value: { type: "plain_text_input", value: text } } } },
      hash: "h",
    },
  });
}

/** Every message (posted or ephemeral) in `channel`, in order. */
const inChannel = (channel: string) =>
  h.slack.calls.filter((c) => c.response?.ok && ["chat.postMessage", "chat.postEphemeral"].includes(c.method) && c.args.channel === channel);
const idOf = (c: { response?: any }) => ({ ts: c.response.ts ?? c.response.message_ts });
const teamPosts = () => h.slack.ok("chat.postMessage").filter((c) => ["CHANDOFF1", "CDEFAULT1"].includes(c.args.channel));

/** A mention in a channel thread, then « Parler à une personne »: the « how shall we answer » prompt. */
async function askThenHandoff(user: string, channel: string) {
  const eventTs = ts();
  await postEvent(
    h.baseUrl,
    eventEnvelope({ type: "app_mention", user, channel, ts: eventTs, text: "<@UBOT> Qui peut répondre à l'appel à communs du Département ?" }),
  );
  const answer = await waitFor(() => inChannel(channel).find((c) => JSON.stringify(c.args.blocks ?? []).includes("Sources")), "answer", 30_000);
  const handoff = buttons(answer.args.blocks).find((e: any) => e.action_id === "ess:action:handoff");
  expect(handoff).toBeTruthy();
  const seen = inChannel(channel).length;
  await click(user, channel, { ...idOf(answer), thread_ts: eventTs }, handoff);
  const how = await waitFor(
    () =>
      inChannel(channel)
        .slice(seen)
        .find((c) => String(c.args.text).includes("Comment souhaitez-vous")),
    "reply-via question",
    10_000,
  );
  return { eventTs, how };
}

async function choose(user: string, channel: string, eventTs: string, message: any, label: string) {
  const b = buttons(message.args.blocks).find((e: any) => e.text.text === label);
  expect(b, `button « ${label} »`).toBeTruthy();
  await click(user, channel, { ...idOf(message), thread_ts: eventTs }, b);
}

async function openReplyModal(agent: string, notice: any) {
  const replyButton = buttons(notice.args.blocks).find((e: any) => e.action_id === "ess:handoff:reply");
  expect(replyButton?.text.text).toBe("Répondre");
  const opened = h.slack.ok("views.open").length;
  await click(agent, notice.args.channel, idOf(notice), replyButton);
  const modal = await waitFor(() => h.slack.ok("views.open")[opened], "reply modal", 10_000);
  expect(modal.args.view.callback_id).toBe("ess_handoff_reply");
  return { modal, replyButton, handoffId: replyButton.value as string };
}

function rowsContaining(needles: string[]): string[] {
  const db = new Database(file, { readonly: true });
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

describe("Slack handoff, both ways", () => {
  it("an agent answers from the team's post; the person gets it in the same thread; the post links to the conversation and shows who answered", async () => {
    const channel = uid("C");
    const user = uid("U");
    const { eventTs, how } = await askThenHandoff(user, channel);
    const before = teamPosts().length;
    await choose(user, channel, eventTs, how, "Ici, dans cette conversation");
    const notice = await waitFor(() => teamPosts()[before], "team post", 10_000);
    expect(notice.args.channel).toBe("CHANDOFF1");
    // A link to the person's thread (chat.getPermalink), and who asked.
    const permalinkCall = h.slack.ok("chat.getPermalink").find((c) => c.args.channel === channel);
    expect(permalinkCall?.args.message_ts).toBe(eventTs);
    const noticeJson = JSON.stringify(notice.args.blocks);
    expect(noticeJson).toContain(`<${permalinkCall!.response!.permalink}|voir la conversation>`);
    expect(noticeJson).toContain(`<@${user}>`);

    const { modal, replyButton, handoffId } = await openReplyModal(uid("U"), notice);
    await submitReply({ id: uid("U"), name: "camille" }, modal.args.view.private_metadata, "Bonjour, l'appel à communs ouvre en mars.");
    const delivered = await waitFor(
      () => h.slack.ok("chat.postMessage").find((c) => c.args.channel === channel && String(c.args.text).includes("ouvre en mars")),
      "answer in the person's thread",
      10_000,
    );
    expect(delivered.args.thread_ts).toBe(eventTs);
    expect(String(delivered.args.text)).toContain("camille");
    const updated = await waitFor(
      () => h.slack.ok("chat.update").find((c) => c.args.ts === notice.response!.ts && JSON.stringify(c.args.blocks).includes("Répondu")),
      "post shows answered",
      10_000,
    );
    expect(JSON.stringify(updated.args.blocks)).toMatch(/Répondu\* par camille le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(JSON.stringify(updated.args.blocks)).toContain("voir la conversation");
    expect(buttons(updated.args.blocks).some((e: any) => e.action_id === "ess:handoff:reply")).toBe(false);
    const stored = await storage.getHandoff(handoffId);
    expect(stored).toMatchObject({ status: "resolved", reply: { agent: "camille" } });
    expect(stored?.replyDeliveredAt).toBeTruthy();

    // A second agent, on a post not yet redrawn, is told who answered and when; no modal opens.
    const second = uid("U");
    const ephemerals = h.slack.ok("chat.postEphemeral").length;
    const opened = h.slack.ok("views.open").length;
    await click(second, notice.args.channel, idOf(notice), replyButton);
    const told = await waitFor(
      () =>
        h.slack
          .ok("chat.postEphemeral")
          .slice(ephemerals)
          .find((c) => c.args.user === second),
      "already answered",
      10_000,
    );
    expect(String(told.args.text)).toMatch(/^Cette demande a déjà reçu une réponse de camille le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/);
    expect(h.slack.ok("views.open").length).toBe(opened);

    // A third agent had opened the modal before the answer: their answer is refused, the person gets nothing more.
    const late = uid("U");
    const lateEphemerals = h.slack.ok("chat.postEphemeral").length;
    await submitReply({ id: late, name: "dominique" }, modal.args.view.private_metadata, "Une autre réponse.");
    const refused = await waitFor(
      () =>
        h.slack
          .ok("chat.postEphemeral")
          .slice(lateEphemerals)
          .find((c) => c.args.user === late),
      "late answer refused",
      10_000,
    );
    expect(String(refused.args.text)).toMatch(/avait déjà reçu une réponse de camille le .+ : la vôtre n'a pas été envoyée\.$/);
    expect(h.slack.ok("chat.postMessage").filter((c) => c.args.channel === channel && String(c.args.text).includes("Une autre réponse"))).toEqual([]);
    expect((await storage.getHandoff(handoffId))?.reply?.agent).toBe("camille");
  });

  it("when the answer cannot be posted in the thread, it is kept, the agent is told, and the person sees it on their next message", async () => {
    const channel = uid("C");
    const user = uid("U");
    const { eventTs, how } = await askThenHandoff(user, channel);
    const before = teamPosts().length;
    await choose(user, channel, eventTs, how, "Ici, dans cette conversation");
    const notice = await waitFor(() => teamPosts()[before], "team post", 10_000);
    const agent = uid("U");
    const { modal, handoffId } = await openReplyModal(agent, notice);
    h.slack.failNext("chat.postMessage", 200, {}, "channel_not_found");
    const ephemerals = h.slack.ok("chat.postEphemeral").length;
    await submitReply({ id: agent, name: "camille" }, modal.args.view.private_metadata, "Votre dossier est complet.");
    const told = await waitFor(
      () =>
        h.slack
          .ok("chat.postEphemeral")
          .slice(ephemerals)
          .find((c) => c.args.user === agent),
      "agent told",
      10_000,
    );
    expect(String(told.args.text)).toContain("la personne la verra dans sa conversation à son prochain message");
    await waitFor(
      () => h.slack.ok("chat.update").find((c) => c.args.ts === notice.response!.ts && JSON.stringify(c.args.blocks).includes("Répondu")),
      "post",
      10_000,
    );
    expect((await storage.getHandoff(handoffId))?.replyDeliveredAt).toBeUndefined();

    const seen = inChannel(channel).length;
    await postEvent(
      h.baseUrl,
      eventEnvelope({ type: "message", channel_type: "channel", user, channel, ts: ts(), thread_ts: eventTs, text: "merci, et le DLA ?" }),
    );
    const next = await waitFor(
      () =>
        inChannel(channel)
          .slice(seen)
          .find((c) => String(c.args.text).includes("Votre dossier est complet.")),
      "answer shown on the next message",
      30_000,
    );
    expect(next.args.thread_ts).toBe(eventTs);
    expect((await storage.getHandoff(handoffId))?.replyDeliveredAt).toBeTruthy();
  });

  it("with an e-mail given with consent: the post shows it, the answer erases it; forget erases another from the file", async () => {
    const channel = uid("C");
    const user = uid("U");
    const address = "ada.lovelace-slack@exemple.fr";
    const { eventTs, how } = await askThenHandoff(user, channel);
    let seen = inChannel(channel).length;
    await choose(user, channel, eventTs, how, "Par e-mail");
    await waitFor(
      () =>
        inChannel(channel)
          .slice(seen)
          .find((c) => String(c.args.text).includes("Indiquez l'adresse e-mail")),
      "address question",
      10_000,
    );
    seen = inChannel(channel).length;
    await postEvent(h.baseUrl, eventEnvelope({ type: "message", channel_type: "channel", user, channel, ts: ts(), thread_ts: eventTs, text: address }));
    const consent = await waitFor(
      () =>
        inChannel(channel)
          .slice(seen)
          .find((c) => String(c.args.text).includes("Acceptez-vous")),
      "consent question",
      10_000,
    );
    expect(String(consent.args.text)).not.toContain(address);
    const before = teamPosts().length;
    await choose(user, channel, eventTs, consent, "Oui, j'accepte");
    const notice = await waitFor(() => teamPosts()[before], "team post", 10_000);
    expect(JSON.stringify(notice.args.blocks)).toContain(address);
    const { modal, handoffId } = await openReplyModal(uid("U"), notice);
    expect((await storage.getHandoffContacts(handoffId)).email).toBe(address);
    expect(JSON.stringify(await storage.getHandoff(handoffId))).not.toContain(address);

    const updates = h.slack.ok("chat.update").length;
    await submitReply({ id: uid("U"), name: "camille" }, modal.args.view.private_metadata, "Je vous ai écrit par e-mail ce jour.");
    const updated = await waitFor(
      () =>
        h.slack
          .ok("chat.update")
          .slice(updates)
          .find((c) => c.args.ts === notice.response!.ts),
      "post shows answered",
      10_000,
    );
    expect(JSON.stringify(updated.args.blocks)).toContain("Répondu");
    expect(JSON.stringify(updated.args.blocks)).not.toContain(address);
    expect((await storage.getHandoffContacts(handoffId)).email).toBeUndefined();
    // Answered by e-mail: nothing is posted in the person's thread.
    expect(h.slack.ok("chat.postMessage").filter((c) => c.args.channel === channel && String(c.args.text).includes("écrit par e-mail"))).toEqual([]);

    // Another person gives an e-mail, then asks to be forgotten before anyone answers.
    const channel2 = uid("C");
    const user2 = uid("U");
    const address2 = "grace.hopper-slack@exemple.fr";
    const second = await askThenHandoff(user2, channel2);
    seen = inChannel(channel2).length;
    await choose(user2, channel2, second.eventTs, second.how, "Par e-mail");
    await waitFor(
      () =>
        inChannel(channel2)
          .slice(seen)
          .find((c) => String(c.args.text).includes("Indiquez l'adresse e-mail")),
      "address question",
      10_000,
    );
    seen = inChannel(channel2).length;
    await postEvent(
      h.baseUrl,
      eventEnvelope({
        type: "message",
        channel_type: "channel",
        user: user2,
        channel: channel2,
        ts: ts(),
        thread_ts: second.eventTs,
        text: `mon adresse : ${address2}`,
      }),
    );
    const consent2 = await waitFor(
      () =>
        inChannel(channel2)
          .slice(seen)
          .find((c) => String(c.args.text).includes("Acceptez-vous")),
      "consent question",
      10_000,
    );
    const before2 = teamPosts().length;
    await choose(user2, channel2, second.eventTs, consent2, "Oui, j'accepte");
    const notice2 = await waitFor(() => teamPosts()[before2], "team post", 10_000);
    const id2 = buttons(notice2.args.blocks).find((e: any) => e.action_id === "ess:handoff:reply").value as string;
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
    await forget.parseAsync(["--user", user2, "--channel", "slack"], { from: "user" });
    expect(out).toContain("Effacement");
    expect(await storage.getHandoff(id2)).toBeNull();
    expect(await storage.getHandoffContacts(id2)).toEqual({});
    expect(rowsContaining([address, address2])).toEqual([]);
    const raw = [file, `${file}-wal`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString("latin1"))
      .join("");
    expect(raw).not.toContain(address2);
    expect(raw).not.toContain(address);
    expect((await storage.getHandoff(handoffId))?.reply?.agent).toBe("camille");
  });
});
