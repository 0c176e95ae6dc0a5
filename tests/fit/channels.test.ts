/**
 * Project-fit answers in Slack and Teams, on the real core: one compact section per
 * option (title, why, verdict, contact, one button) within Slack's limits and as a
 * valid Adaptive Card 1.5; the option's button starts the core's questionnaire for
 * that process instead of opening the eligibility form.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReply as renderSlack } from "../../src/channels/slack/render.js";
import { RelaisTeamsBot } from "../../src/channels/teams/bot.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { MAX_ACTIVITY_BYTES, renderReply as renderTeams } from "../../src/channels/teams/render.js";
import { loadConfig } from "../../src/config/env.js";
import { Reply } from "../../src/domain/reply.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { checkMessage } from "../support/slack-limits.js";
import { startHarness, type Harness } from "../slack/harness.js";
import { eventEnvelope, postEvent, postInteraction, uid, waitFor } from "../support/slack-requests.js";
import { personalMessage, submitMessage } from "../support/teams.js";

const PROJECT =
  "Notre association d'aide à domicile d'Alès (8 salariés) est en déficit et veut revoir son modèle économique ; on cherche aussi un prêt solidaire.";

let runtime: Runtime;
let storage: MemoryStorage;
let dataDir: string;
let h: Harness;
let fitReply: Reply;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "fit-channels-"));
  const config = loadConfig(
    { NODE_ENV: "test", DATA_DIR: dataDir, PSEUDONYM_SECRET: "fit-channels-secret-0123456789abcdef", LOG_LEVEL: "silent" },
    { dotenv: false },
  );
  storage = new MemoryStorage();
  runtime = await createRuntime({ config, storage, llm: null });
  h = await startHarness({ assistant: () => runtime.assistant, storage });
  fitReply = await runtime.assistant.ask(PROJECT, { audience: "agent" });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await runtime?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A project-fit reply with five options whose every text is far too long. */
function oversized(): Reply {
  const long = (s: string) => `${s} ${"très long texte ".repeat(400)}`;
  return Reply.parse({
    ...fitReply,
    text: long(fitReply.text),
    fit: ["dla", "france-active", "appel-a-communs", "cae", "insertion-iae"].map((process) => ({
      process,
      name: long("Nom"),
      measures: [],
      axis: null,
      verdict: "incomplete",
      why: long("Pourquoi [1]"),
      missing: ["employees"],
      verdictText: long("Informations manquantes [2]"),
      contact: { label: long("Contact"), url: "https://www.gard.fr" },
    })),
  });
}

describe("Slack", () => {
  it("renders one compact section per option with one button, and no wall of text", () => {
    const msg = renderSlack(fitReply);
    expect(checkMessage(msg as never)).toEqual([]);
    const sections = msg.blocks.filter((b: any) => b.block_id?.startsWith("ess-fit-")) as any[];
    expect(sections.map((s) => s.accessory.value)).toEqual(fitReply.fit!.map((o) => o.process));
    for (const [i, s] of sections.entries()) {
      const o = fitReply.fit![i]!;
      expect(s.text.text).toContain(`*${i + 1}. `);
      expect(s.text.text).toContain("*Éligibilité :*");
      if (o.contact) expect(s.text.text).toContain("*Contact :*");
      expect(s.accessory).toMatchObject({ type: "button", action_id: "ess:action:eligibility", text: { text: "Vérifier l'éligibilité" } });
    }
    const json = JSON.stringify(msg.blocks);
    expect(json).not.toContain("Les pistes, dans l'ordre");
    expect(json).not.toContain("Comment faire :");
    expect(json).not.toContain("*Vers qui vous tourner :*");
  });

  it("stays within Slack's limits with five oversized options", () => {
    const msg = renderSlack(oversized());
    expect(checkMessage(msg as never)).toEqual([]);
    expect(msg.blocks.filter((b: any) => b.block_id?.startsWith("ess-fit-"))).toHaveLength(5);
  });

  it("a mention gets the options; an option's button asks the questionnaire's next question in the thread", async () => {
    const channel = uid("C");
    const user = uid("U");
    const eventTs = `${Math.floor(Date.now() / 1000)}.000100`;
    await postEvent(h.baseUrl, eventEnvelope({ type: "app_mention", user, channel, ts: eventTs, text: `<@UBOT> ${PROJECT}` }));
    const answer = await waitFor(() => h.slack.ok("chat.postMessage").find((c) => c.args.channel === channel), "fit answer", 30_000);
    // The block id carries the message and the person asked (buttons belong to them).
    const block = (answer.args.blocks as any[]).find((b) => String(b.block_id).startsWith("ess-fit-1"))!;
    const option = block.accessory;
    const opened = h.slack.ok("views.open").length;
    await postInteraction(h.baseUrl, {
      type: "block_actions",
      user: { id: user, team_id: "T0001" },
      api_app_id: "A0001",
      token: "legacy",
      team: { id: "T0001", domain: "test" },
      trigger_id: "1.2.3",
      container: { type: "message", channel_id: channel, message_ts: answer.response!.ts, thread_ts: eventTs, is_ephemeral: false },
      channel: { id: channel, name: "canal" },
      message: { type: "message", user: "UBOT", ts: answer.response!.ts, thread_ts: eventTs, text: "…" },
      response_url: h.slack.responseUrl(),
      actions: [{ type: "button", action_id: option.action_id, block_id: block.block_id, value: option.value, action_ts: "1" }],
    });
    const next = await waitFor(
      () =>
        [...h.slack.ok("chat.postMessage"), ...h.slack.ok("chat.postEphemeral")].find(
          (c) =>
            c.args.channel === channel &&
            c !== answer &&
            /Voici ce que disent les règles|Résultat de la vérification d'éligibilité|\?/.test(String(c.args.text)),
        ),
      "questionnaire step",
      20_000,
    );
    expect(String(next.args.text)).not.toContain("Pour ce projet");
    expect(h.slack.ok("views.open").length).toBe(opened);
    expect(h.slack.rejected).toEqual([]);
  }, 60_000);
});

/** Adaptive Card 1.5 vocabulary used by Relais (elements, actions, enumerations). */
const ELEMENTS = new Set([
  "TextBlock",
  "RichTextBlock",
  "TextRun",
  "Container",
  "ColumnSet",
  "Column",
  "FactSet",
  "Image",
  "ActionSet",
  "Input.Text",
  "Input.Number",
  "Input.ChoiceSet",
  "Input.Toggle",
]);
const ACTIONS = new Set(["Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"]);
const STYLES = new Set(["default", "emphasis", "good", "attention", "warning", "accent"]);
const COLORS = new Set(["Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"]);
const SPACING = new Set(["None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding"]);

function adaptiveCardProblems(node: unknown, where = "card"): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => adaptiveCardProblems(n, `${where}[${i}]`));
  if (!node || typeof node !== "object") return [];
  const o = node as Record<string, unknown>;
  const out: string[] = [];
  if (typeof o.type === "string" && o.type !== "AdaptiveCard") {
    if (!ELEMENTS.has(o.type) && !ACTIONS.has(o.type)) out.push(`${where}: type ${o.type} inconnu en 1.5`);
    if (o.type === "Container" && o.style !== undefined && !STYLES.has(String(o.style))) out.push(`${where}: style ${String(o.style)}`);
    if (o.type === "TextRun" && o.color !== undefined && !COLORS.has(String(o.color))) out.push(`${where}: color ${String(o.color)}`);
    if (o.spacing !== undefined && !SPACING.has(String(o.spacing))) out.push(`${where}: spacing ${String(o.spacing)}`);
    if (o.type === "ActionSet" && !Array.isArray(o.actions)) out.push(`${where}: ActionSet sans actions`);
    // A button needs a title; a selectAction (a link on a text run) does not.
    if (ACTIONS.has(o.type) && !where.endsWith(".selectAction") && typeof o.title !== "string") out.push(`${where}: bouton sans titre`);
  }
  for (const [k, v] of Object.entries(o)) if (k !== "data" && typeof v === "object") out.push(...adaptiveCardProblems(v, `${where}.${k}`));
  return out;
}

describe("Teams", () => {
  const cardOf = (a: Partial<Activity>) => a.attachments?.[0]?.content as Record<string, any>;
  const fitContainers = (card: Record<string, any>) =>
    (card.body as any[]).filter((c) => c.type === "Container" && c.items?.some((i: any) => i.type === "ActionSet"));

  it("renders one container per option (title, why, verdict, contact, one button) in a valid Adaptive Card 1.5", () => {
    const activity = renderTeams(fitReply);
    const card = cardOf(activity);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(adaptiveCardProblems(card)).toEqual([]);
    const options = fitContainers(card);
    expect(options).toHaveLength(fitReply.fit!.length);
    for (const [i, c] of options.entries()) {
      const buttons = c.items.filter((x: any) => x.type === "ActionSet").flatMap((x: any) => x.actions);
      expect(buttons).toEqual([
        { type: "Action.Submit", title: "Vérifier l'éligibilité", data: { relais: "action", id: "eligibility", value: fitReply.fit![i]!.process } },
      ]);
      const text = JSON.stringify(c.items);
      expect(text).toContain(`${i + 1}. `);
      expect(text).toContain("Éligibilité : ");
    }
    expect(activity.text).toContain("Pour ce projet, la piste principale est");
    expect(activity.text).not.toContain("Comment faire :");
  });

  it("stays under Teams' size budget with five oversized options", () => {
    const activity = renderTeams(oversized());
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);
    if (activity.attachments) expect(adaptiveCardProblems(cardOf(activity))).toEqual([]);
  });

  it("an option's button runs the core's questionnaire for that process, not the eligibility form", async () => {
    const bot = new RelaisTeamsBot({ assistant: runtime.assistant, storage, logger: silentLogger, retry: { baseMs: 1 } });
    const adapter = new TestAdapter((ctx) => bot.run(ctx));
    const send = async (activity: Record<string, unknown>) => {
      await adapter.processActivity(activity as Partial<Activity>);
      return adapter.activeQueue.splice(0) as Partial<Activity>[];
    };
    // Typing indicators come first: the answer is the message with a card.
    const answer = (await send(personalMessage(PROJECT))).find((a) => a.attachments?.length);
    const process = fitContainers(cardOf(answer!))[1]!.items.find((x: any) => x.type === "ActionSet").actions[0].data.value;
    const next = (await send(submitMessage({ relais: "action", id: "eligibility", value: process }))).find((a) => a.type === "message");
    const json = JSON.stringify(next);
    expect(json).not.toContain('"id":"legalForm"'); // the form's inputs
    expect(json).toMatch(/Voici ce que disent les règles|\?/);
  });
});
