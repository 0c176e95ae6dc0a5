/**
 * « Enregistrer comme réponse type » on an answered handoff's Slack post: a real signed
 * click on the real Bolt receiver writes a draft answer card to the knowledge folder
 * (a temporary one), tells the agent privately, and a second click writes nothing more.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHandoffNotice } from "../../src/channels/slack/render.js";
import { knowledgePaths, useKnowledgePaths } from "../../src/core/paths.js";
import { checkMessage } from "../support/slack-limits.js";
import { startHarness, type Harness } from "./harness.js";
import { postInteraction, uid, waitFor } from "../support/slack-requests.js";

let h: Harness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "slack-teach-"));
  useKnowledgePaths(knowledgePaths(dir));
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
  useKnowledgePaths(knowledgePaths());
  rmSync(dir, { recursive: true, force: true });
});

function click(user: string, channel: string, messageTs: string, actionId: string, value: string) {
  return postInteraction(h.baseUrl, {
    type: "block_actions",
    user: { id: user, team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy",
    team: { id: "T0001", domain: "test" },
    trigger_id: "1.2.3",
    container: { type: "message", channel_id: channel, message_ts: messageTs, is_ephemeral: false },
    channel: { id: channel, name: "equipe-ess" },
    message: { type: "message", user: "UBOT", ts: messageTs, text: "…" },
    response_url: h.slack.responseUrl(),
    actions: [{ type: "button", action_id: actionId, block_id: "ess-handoff-teach", value, action_ts: "1.1" }],
  });
}

const buttons = (blocks: any[]) => blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements);

describe("« Enregistrer comme réponse type » in Slack", () => {
  it("is offered on an answered handoff's post only, and writes one draft from its question and reply", async () => {
    const handoff = await h.storage.createHandoff({
      process: "dla",
      userHash: "u-teach",
      channel: "slack",
      conversationKey: "slack:C1:-:u-teach",
      summary: "Questions posées :\n- Le DLA peut-il financer un déménagement ?",
      question: "Le DLA peut-il financer un déménagement ?",
      facts: {},
      sources: [],
    });
    const open = renderHandoffNotice(handoff);
    expect(buttons(open.blocks).map((b: any) => b.action_id)).not.toContain("ess:handoff:teach");

    const answered = (await h.storage.answerHandoff(handoff.id, { text: "Non : le DLA ne finance pas un déménagement.", agent: "camille" }))!.handoff;
    const notice = renderHandoffNotice(answered);
    expect(checkMessage(notice as any)).toEqual([]);
    const teach = buttons(notice.blocks).find((b: any) => b.action_id === "ess:handoff:teach");
    expect(teach.text.text).toBe("Enregistrer comme réponse type");

    const agent = uid("U");
    const res = await click(agent, "CHANDOFF1", "111.222", teach.action_id, teach.value);
    expect(res.status).toBe(200);
    const told = await waitFor(() => h.slack.ok("chat.postEphemeral").find((c) => c.args.user === agent), "confirmation", 10_000);
    expect(String(told.args.text)).toMatch(/^Brouillon de réponse type enregistré \(rep-le-dla-peut-il-financer-un-demenagement\)/);
    const files = readdirSync(path.join(dir, "reponses", "brouillons"));
    expect(files).toEqual(["rep-le-dla-peut-il-financer-un-demenagement.md"]);
    const draft = matter(readFileSync(path.join(dir, "reponses", "brouillons", files[0]!), "utf8")).data;
    expect(draft).toMatchObject({
      status: "brouillon",
      questions: ["Le DLA peut-il financer un déménagement ?"],
      answer: "Non : le DLA ne finance pas un déménagement.",
      route: "dla",
    });

    const second = uid("U");
    await click(second, "CHANDOFF1", "111.222", teach.action_id, teach.value);
    const again = await waitFor(() => h.slack.ok("chat.postEphemeral").find((c) => c.args.user === second), "second click", 10_000);
    expect(String(again.args.text)).toMatch(/Un brouillon existe déjà pour cette demande/);
    expect(readdirSync(path.join(dir, "reponses", "brouillons"))).toHaveLength(1);
  });
});
