/**
 * `/ess <question>` (answered privately), `/ess eligibilite`, `/ess difficulte`,
 * `/ess personne`, `/ess rapport` (agents' channels only), `/ess aide`.
 */
import type { App } from "@slack/bolt";
import { eligibilityModal, frictionModal } from "../modals.js";
import type { SlackRuntime } from "../runtime.js";
import { foldUncached } from "../../../core/text.js";

export const COMMAND = "/ess";

export const REPORT_REFUSAL =
  "Le rapport est réservé aux agents du Département, dans les canaux Slack déclarés pour les agents. " +
  "Si vous êtes agent, utilisez cette commande dans l'un de ces canaux.";

export const HELP_TEXT = [
  "*Relais ESS — ce que vous pouvez demander*",
  "• `/ess votre question` : une réponse privée, avec ses sources",
  "• `/ess eligibilite` : vérifier votre éligibilité à un dispositif",
  "• `/ess difficulte` : signaler une difficulté dans une démarche",
  "• `/ess personne` : être mis en relation avec une personne",
  "• `/ess rapport` : le rapport de suivi (agents du Département)",
  "Vous pouvez aussi me mentionner dans un canal ou m'écrire en message direct.",
].join("\n");

type Sub = "question" | "eligibilite" | "difficulte" | "personne" | "rapport" | "aide";

export function parseSubcommand(text: string): { sub: Sub; rest: string } {
  const trimmed = text.trim();
  const [first = "", ...others] = trimmed.split(/\s+/);
  const word = foldUncached(first);
  const map: Record<string, Sub> = {
    eligibilite: "eligibilite",
    eligibility: "eligibilite",
    difficulte: "difficulte",
    signaler: "difficulte",
    personne: "personne",
    humain: "personne",
    contact: "personne",
    rapport: "rapport",
    aide: "aide",
    help: "aide",
    "": "aide",
  };
  const sub = others.length === 0 || word === "" ? map[word] : undefined;
  return sub ? { sub, rest: "" } : { sub: "question", rest: trimmed };
}

export function registerCommands(app: App, rt: SlackRuntime): void {
  app.command(COMMAND, async ({ command, ack, client }) => {
    await ack();
    const { sub, rest } = parseSubcommand(command.text ?? "");
    const channel = command.channel_id;
    const user = command.user_id;
    const audience = rt.audienceOf(channel);
    const responseUrl = command.response_url;
    const ctx = { userId: user, channelId: channel };
    const base = { conversationId: channel, userId: user, audience };
    const toUser = { kind: "response_url" as const, url: responseUrl, channel, user };

    switch (sub) {
      case "eligibilite":
      case "difficulte": {
        const origin = { c: channel, a: audience, r: responseUrl, e: true };
        await client.views.open({ trigger_id: command.trigger_id, view: sub === "eligibilite" ? eligibilityModal(origin) : frictionModal(origin) });
        return;
      }
      case "rapport":
        if (audience !== "agent") {
          await rt.postResponseUrl(responseUrl, { response_type: "ephemeral", text: REPORT_REFUSAL });
          return;
        }
        await rt.track("/ess rapport", async () => {
          const reply = await rt.handle({ ...base, action: { id: "report" } }, ctx);
          await rt.deliver(client, reply, toUser);
        });
        return;
      case "personne":
        await rt.track("/ess personne", async () => {
          const reply = await rt.handle({ ...base, action: { id: "handoff" } }, ctx);
          await rt.deliver(client, reply, toUser);
        });
        return;
      case "aide":
        await rt.postResponseUrl(responseUrl, {
          response_type: "ephemeral",
          text: HELP_TEXT,
          blocks: [{ type: "section", text: { type: "mrkdwn", text: HELP_TEXT } }],
        });
        return;
      case "question":
        await rt.track("/ess question", async () => {
          const reply = await rt.handle({ ...base, text: rest }, ctx);
          await rt.deliver(client, reply, toUser);
        });
        return;
    }
  });
}
