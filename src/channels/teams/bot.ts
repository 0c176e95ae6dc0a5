/**
 * The Teams ActivityHandler: personal chat, @mentions in channels and group
 * chats, card submissions (actions, forms, prompt options, handoff
 * resolution), the 👍/👎 feedback invoke, the welcome message, and the
 * conversation references used for proactive handoff messages.
 */
import {
  ActivityHandler,
  ActivityTypes,
  TurnContext,
  type Activity,
  type ConversationReference,
  type InvokeResponse,
  type ResourceResponse,
} from "botbuilder";
import { z } from "zod";
import { ProcessId, type Audience } from "../../core/ids.js";
import { Reply, type ActionId, type TurnInput } from "../../core/reply.js";
import type { Assistant } from "../../conversation/types.js";
import type { Storage } from "../../storage/types.js";
import { eligibilityFormCard, frictionFormCard, handoffCard, welcomeCard } from "./cards.js";
import { parseEligibilityForm, parseFrictionForm, readSubmit } from "./forms.js";
import type { Logger } from "./logger.js";
import { apologyMessage, cardMessage, renderReply } from "./render.js";
import { withRetry, type RetryOptions } from "./retry.js";

/** What is stored per Teams channel for proactive messages. */
export interface StoredChannelRef {
  reference: Partial<ConversationReference>;
  teamId?: string;
  teamName?: string;
  channelName?: string;
  savedAt: string;
}

export const channelRefKey = (channelOrTeamId: string) => `teams:${channelOrTeamId}`;

export interface BotDeps {
  assistant: Assistant;
  storage: Storage;
  logger: Logger;
  /** Audience per team id; agents by default. */
  teamAudience?: Record<string, Audience>;
  defaultAudience?: Audience;
  retry?: RetryOptions;
  maxBytes?: number;
}

const FeedbackInvoke = z.object({
  actionName: z.literal("feedback"),
  actionValue: z.object({
    reaction: z.enum(["like", "dislike"]),
    feedback: z.string().max(20_000).optional(),
  }),
});

/** Exact commands (manifest command list and their usual spellings). */
const COMMANDS: Array<[RegExp, ActionId]> = [
  [/^(aide|help|\/aide)$/, "help"],
  [/^\/?rapport( (du mois|mensuel|d'activité))?$/, "report"],
  [/^(vérifier l'éligibilité|éligibilité|eligibilite|verifier l'eligibilite)$/, "eligibility"],
  [/^(signaler une difficulté|signaler|signaler une difficulte)$/, "friction"],
  [/^(parler à une personne|parler a une personne)$/, "handoff"],
];

export function commandOf(text: string): ActionId | null {
  const t = text.trim().toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, " ").replace(/[.!?]+$/, "");
  for (const [re, id] of COMMANDS) if (re.test(t)) return id;
  return null;
}

function feedbackText(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === "object" && typeof (parsed as { feedbackText?: unknown }).feedbackText === "string") {
      return ((parsed as { feedbackText: string }).feedbackText.trim() || undefined)?.slice(0, 2000);
    }
    return undefined;
  } catch {
    return raw.trim().slice(0, 2000) || undefined;
  }
}

export class RelaisTeamsBot extends ActivityHandler {
  private readonly savedRefs = new Set<string>();

  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botAdded) {
        await this.saveChannelRef(context, true);
        await this.send(context, cardMessage(welcomeCard()));
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.saveChannelRef(context, true);
      await next();
    });
  }

  /** Dedupe: the same activity delivered twice is handled once. */
  override async run(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.id && (a.type === ActivityTypes.Message || a.type === ActivityTypes.Invoke || a.type === ActivityTypes.ConversationUpdate)) {
      let first = true;
      try {
        first = await this.deps.storage.claimEvent(`teams:${a.conversation?.id ?? ""}:${a.id}`);
      } catch (err) {
        this.deps.logger.warn({ err: String(err) }, "teams: dedupe unavailable, handling the activity anyway");
      }
      if (!first) {
        this.deps.logger.info({ type: a.type }, "teams: duplicate activity ignored");
        if (a.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
        }
        return;
      }
    }
    await super.run(context);
  }

  // ------------------------------------------------------------ helpers

  private audience(context: TurnContext): Audience {
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    return (teamId && this.deps.teamAudience?.[teamId]) || this.deps.defaultAudience || "agent";
  }

  private baseTurn(context: TurnContext): TurnInput {
    const a = context.activity;
    const conversationId = (a.conversation?.id || "teams").slice(0, 512);
    const userId = (a.from?.aadObjectId || a.from?.id || "inconnu").slice(0, 512);
    return { channel: "teams", conversationId, userId, audience: this.audience(context) };
  }

  async send(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | undefined> {
    return withRetry(() => context.sendActivity(activity), {
      ...this.deps.retry,
      onRetry: (info) => this.deps.logger.warn(info, "teams: connector call retried"),
    });
  }

  /** Runs one core turn and sends the rendered reply; a failing core → apology + route to a person. */
  private async runTurn(context: TurnContext, extra: Partial<TurnInput>): Promise<void> {
    const turn: TurnInput = { ...this.baseTurn(context), ...extra };
    let reply: Reply;
    try {
      reply = Reply.parse(await this.deps.assistant.handle(turn));
    } catch (err) {
      this.deps.logger.error({ err: String(err) }, "teams: core call failed");
      await this.send(context, apologyMessage());
      return;
    }
    const sent = await this.send(context, renderReply(reply, { maxBytes: this.deps.maxBytes }));
    if (reply.interactionId && sent?.id) {
      try {
        await this.deps.storage.linkMessage("teams", sent.id, reply.interactionId);
      } catch (err) {
        this.deps.logger.error({ err: String(err) }, "teams: could not link the message to its interaction");
      }
    }
  }

  /** Stores the conversation reference of a team channel (for proactive handoffs). */
  private async saveChannelRef(context: TurnContext, force: boolean): Promise<void> {
    const a = context.activity;
    const cd = (a.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } };
    if (!cd.team?.id) return;
    const channelId = cd.channel?.id ?? (a.conversation?.id ?? "").split(";")[0];
    if (!channelId) return;
    const key = channelRefKey(channelId);
    if (!force && this.savedRefs.has(key)) return;
    const reference = TurnContext.getConversationReference(a);
    delete reference.activityId;
    reference.conversation = { ...reference.conversation!, id: channelId, isGroup: true, conversationType: "channel" };
    const stored: StoredChannelRef = {
      reference,
      teamId: cd.team.id,
      teamName: cd.team.name,
      channelName: cd.channel?.name,
      savedAt: new Date().toISOString(),
    };
    try {
      await this.deps.storage.saveChannelRef(key, stored);
      // The General channel shares the team id; also make the team id itself a valid target.
      if (cd.team.id !== channelId && !(await this.deps.storage.getChannelRef(channelRefKey(cd.team.id)))) {
        const general = { ...stored, reference: { ...reference, conversation: { ...reference.conversation!, id: cd.team.id } } };
        await this.deps.storage.saveChannelRef(channelRefKey(cd.team.id), { ...general, channelName: undefined });
      }
      this.savedRefs.add(key);
    } catch (err) {
      this.deps.logger.error({ err: String(err) }, "teams: could not store the channel reference");
    }
  }

  // ------------------------------------------------------------ messages

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    await this.saveChannelRef(context, false);
    const submit = readSubmit(a.value);
    if (submit) return this.handleSubmit(context, submit, (a.value ?? {}) as Record<string, unknown>);

    let text = a.text ?? "";
    if (TurnContext.getMentions(a).length) text = TurnContext.removeRecipientMention(a) ?? "";
    // Other mentions (people, tags) stay as their display names, without the <at> markup.
    text = text.replace(/<at>(.*?)<\/at>/gi, "$1").replace(/&nbsp;/g, " ").trim();
    if (!text) {
      if (a.value !== undefined && a.value !== null) return; // a card we do not know: ignore it
      return this.runTurn(context, { action: { id: "help" } });
    }
    const command = commandOf(text);
    if (command === "eligibility") {
      await this.send(context, cardMessage(eligibilityFormCard()));
      return;
    }
    if (command === "friction") {
      await this.send(context, cardMessage(frictionFormCard()));
      return;
    }
    if (command) return this.runTurn(context, { action: { id: command } });
    return this.runTurn(context, { text: text.slice(0, 4000) });
  }

  private async handleSubmit(
    context: TurnContext,
    submit: NonNullable<ReturnType<typeof readSubmit>>,
    value: Record<string, unknown>,
  ): Promise<void> {
    switch (submit.relais) {
      case "ask":
        return this.runTurn(context, { text: submit.question });
      case "action":
        // With a process (a project-fit option), the core's questionnaire asks only what is missing.
        if (submit.id === "eligibility" && !ProcessId.safeParse(submit.value).success) {
          await this.send(context, cardMessage(eligibilityFormCard()));
          return;
        }
        if (submit.id === "friction") {
          await this.send(context, cardMessage(frictionFormCard({ process: submit.process })));
          return;
        }
        return this.runTurn(context, {
          action: { id: submit.id, ...(submit.value !== undefined ? { value: submit.value } : submit.process ? { value: submit.process } : {}) },
        });
      case "prompt": {
        const chosen = submit.value || (typeof value.choice === "string" ? value.choice : "");
        if (!chosen) return this.runTurn(context, { text: "" });
        return this.runTurn(context, { text: chosen.slice(0, 2000) });
      }
      case "form": {
        if (submit.kind === "eligibility") {
          const parsed = parseEligibilityForm(value);
          if (!parsed.ok) {
            await this.send(context, cardMessage(eligibilityFormCard({ values: parsed.raw, errors: parsed.errors })));
            return;
          }
          return this.runTurn(context, { form: { kind: "eligibility", values: parsed.values } });
        }
        const parsed = parseFrictionForm(value);
        if (!parsed.ok) {
          await this.send(context, cardMessage(frictionFormCard({ values: parsed.raw, errors: parsed.errors })));
          return;
        }
        return this.runTurn(context, { form: { kind: "friction", values: parsed.values } });
      }
      case "resolve-handoff":
        return this.resolveHandoff(context, submit.handoffId);
    }
  }

  private async resolveHandoff(context: TurnContext, id: string): Promise<void> {
    let record;
    try {
      record = await this.deps.assistant.resolveHandoff(id);
    } catch (err) {
      this.deps.logger.error({ err: String(err) }, "teams: resolveHandoff failed");
      await this.send(context, { type: "message", text: "Désolé, la demande n'a pas pu être marquée comme traitée. Réessayez dans un instant." });
      return;
    }
    if (!record) {
      await this.send(context, { type: "message", text: "Cette demande de mise en relation est introuvable : elle a peut-être été supprimée." });
      return;
    }
    const updated = cardMessage(handoffCard(record));
    const cardId = context.activity.replyToId;
    if (cardId) {
      try {
        await withRetry(() => context.updateActivity({ ...updated, id: cardId }), this.deps.retry);
        return;
      } catch (err) {
        this.deps.logger.warn({ err: String(err) }, "teams: could not update the handoff card, sending a new one");
      }
    }
    await this.send(context, updated);
  }

  // ------------------------------------------------------------ invokes

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== "message/submitAction") return super.onInvokeActivity(context);
    const parsed = FeedbackInvoke.safeParse(context.activity.value);
    if (!parsed.success) return { status: 400, body: { error: "invalid feedback payload" } };
    const messageId = context.activity.replyToId;
    if (!messageId) return { status: 400, body: { error: "missing replyToId" } };
    const interactionId = await this.deps.storage.findInteractionByMessage("teams", messageId);
    if (!interactionId) {
      this.deps.logger.warn({}, "teams: feedback on a message with no stored interaction");
      return { status: 200, body: {} };
    }
    const comment = feedbackText(parsed.data.actionValue.feedback);
    const reply = await this.deps.assistant.handle({
      ...this.baseTurn(context),
      action: {
        id: parsed.data.actionValue.reaction === "like" ? "rate-up" : "rate-down",
        value: interactionId,
        ...(comment ? { comment } : {}),
      },
    });
    if (reply.type === "error") {
      this.deps.logger.error({}, "teams: the core could not store the rating");
      return { status: 500, body: {} };
    }
    return { status: 200, body: {} };
  }
}
