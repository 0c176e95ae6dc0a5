/**
 * The conversation core: a channel-agnostic `handle(turn) → reply` with state per
 * conversation (channel, conversation, thread, user) kept in the storage. This
 * file loads and saves that state and dispatches each turn to its flow: question
 * (question.ts), eligibility questionnaire (eligibility.ts), friction report
 * (friction.ts), handoff to a person (handoff.ts), rating (feedback.ts), report
 * (report.ts), help and reset. It never throws: a failure becomes a short
 * apology with a route to a person.
 */
import { DEFAULT_PROCESS, type Audience, type Channel } from "../domain/ids.js";
import { checkReply, Reply, Turn, type Action, type ReplyInput, type TurnInput } from "../domain/reply.js";
import { MAX_QUESTION_CHARS, type Answerer } from "../answer/answerer.js";
import { APOLOGY_ROUTE_WHY, APOLOGY_TEXT, HELP_FOLLOW_UPS, helpText } from "../domain/copy.js";
import { ACTION_LABELS, PROCESS_LABELS } from "../domain/labels.js";
import type { ProjectFit } from "../fit/project-fit.js";
import { scrub } from "../privacy/scrub.js";
import { userHash } from "../privacy/pseudonym.js";
import type { HandoffRecord, Storage } from "../storage/types.js";
import { eligibilityAnswer, eligibilityForm, startEligibility } from "./eligibility.js";
import { rate } from "./feedback.js";
import { frictionAnswer, frictionForm, startFriction } from "./friction.js";
import { HandoffFlow } from "./handoff.js";
import { detectIntent } from "./intents.js";
import { answer, question } from "./question.js";
import { report } from "./report.js";
import { afterFlow, type ConversationState, type RemoteAnswering, type Ctx, type FlowDeps, fresh, handoffTurn, START_ACTIONS } from "./state.js";
import type { Assistant, HandoffAnswer, HandoffTargets, Notifier, TurnOptions } from "./types.js";

export type { ConversationState } from "./state.js";

export interface AssistantOptions {
  answerer: Answerer;
  storage: Storage;
  pseudonymSecret: string;
  handoffTargets?: HandoffTargets;
  /** Project-fit answers for messages that describe a project (src/fit). */
  fit?: ProjectFit;
  /** Offline answers computed by worker threads (src/workers). */
  pool?: RemoteAnswering;
  /** Public address of the service (PUBLIC_BASE_URL): the report reply links to its web page. */
  publicBaseUrl?: string;
  logger?: { warn: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void };
}

export function createAssistant(o: AssistantOptions): Assistant {
  return new CoreAssistant(o);
}

class CoreAssistant implements Assistant {
  private readonly notifiers = new Map<Channel, Notifier>();
  private readonly handoffs: HandoffFlow;
  private readonly d: FlowDeps;
  constructor(private readonly o: AssistantOptions) {
    this.handoffs = new HandoffFlow({
      storage: o.storage,
      notifiers: this.notifiers,
      targets: o.handoffTargets,
      toRoute: (p, c, why) => o.answerer.router.toRoute(p, c, why),
      logger: o.logger,
    });
    this.d = {
      answerer: o.answerer,
      storage: o.storage,
      handoffs: this.handoffs,
      fit: o.fit,
      pool: o.pool,
      logger: o.logger,
      report: { publicBaseUrl: o.publicBaseUrl, secret: o.pseudonymSecret },
    };
  }

  get storage(): Storage {
    return this.o.storage;
  }

  registerNotifier(n: Notifier): void {
    this.notifiers.set(n.channel, n);
  }

  async ask(question: string, opts: { audience?: Audience } = {}): Promise<Reply> {
    try {
      return (await answer(this.d, scrub(bounded(question)), opts)).reply;
    } catch (err) {
      this.o.logger?.error({ err }, "ask failed");
      return apology();
    }
  }

  async resolveHandoff(id: string): Promise<HandoffRecord | null> {
    return this.o.storage.resolveHandoff(id);
  }

  async answerHandoff(id: string, text: string, agent: string): Promise<HandoffAnswer | null> {
    return this.handoffs.answer(id, text, agent);
  }

  async handle(input: TurnInput, opts: TurnOptions = {}): Promise<Reply> {
    const parsed = Turn.safeParse(input);
    if (!parsed.success) return finish({ type: "error", text: "Je n'ai pas pu lire ce message. Pouvez-vous le reformuler ?" });
    // Bound the text first: the scrubber and the fuzzy matchers are slow on huge inputs.
    const turn = { ...parsed.data, text: bounded(parsed.data.text) };
    try {
      const user = userHash(turn.channel, turn.userId, this.o.pseudonymSecret);
      const key = `${turn.channel}:${turn.conversationId}:${turn.threadId ?? "-"}:${user}`;
      const state = { ...fresh(), ...((await this.o.storage.getState<ConversationState>(key)) ?? {}) };
      const ctx: Ctx = { turn, user, key, state, onToken: opts.onToken };
      const reply = await dispatch(this.d, ctx);
      await this.o.storage.setState(key, ctx.state);
      // An agent's answer the person has not seen yet (web, terminal) comes first.
      const answers = await this.handoffs.undelivered(key);
      const text = answers.length ? `${answers.join("\n\n")}\n\n${reply.text}` : reply.text;
      return finish({ ...reply, text, audience: turn.audience });
    } catch (err) {
      this.o.logger?.error({ err }, "turn failed");
      return apology();
    }
  }
}

async function dispatch(d: FlowDeps, ctx: Ctx): Promise<ReplyInput> {
  const { turn, state } = ctx;
  if (turn.form) return turn.form.kind === "eligibility" ? eligibilityForm(d, ctx, turn.form.values) : frictionForm(d, ctx, turn.form.values);
  if (turn.action) return action(d, ctx, turn.action.id, turn.action.value, turn.action.comment);

  const text = turn.text.trim();
  const intent = detectIntent(text);
  if (intent === "reset") {
    await d.handoffs.cancel(ctx.key);
    ctx.state = fresh();
    return { type: "info", text: "C'est noté, on repart de zéro. Posez-moi votre question.", actions: START_ACTIONS };
  }
  if (intent === "help") return help(turn.audience);
  if (intent === "cancel" && (await d.handoffs.isWaiting(ctx.key))) {
    await d.handoffs.cancel(ctx.key);
    return { type: "info", text: "D'accord, je ne transmets pas de demande. Vous pouvez poser une autre question.", actions: START_ACTIONS };
  }
  if (intent !== "handoff" && (await d.handoffs.isWaiting(ctx.key))) return d.handoffs.continue(handoffTurn(ctx), text);
  if (state.mode !== "idle" && intent === "cancel") {
    ctx.state = afterFlow(state);
    return { type: "info", text: "D'accord, j'ai annulé. Vous pouvez poser une autre question.", actions: START_ACTIONS };
  }
  if (intent === "handoff") return d.handoffs.start(handoffTurn(ctx));
  if (intent === "report") return report(d, ctx);
  if (intent === "friction" && state.mode === "idle") return startFriction(d, ctx, text);
  if (intent === "eligibility" && state.mode === "idle") return startEligibility(d, ctx, text);

  if (state.mode === "eligibility") return eligibilityAnswer(d, ctx, text);
  if (state.mode === "friction" || state.mode === "friction-confirm") return frictionAnswer(d, ctx, text);
  if (!text) return help(turn.audience);
  return question(d, ctx, text);
}

async function action(d: FlowDeps, ctx: Ctx, id: Action["id"], value?: string, comment?: string): Promise<ReplyInput> {
  switch (id) {
    case "rate-up":
    case "rate-down":
      return rate(d, ctx, id, value, comment);
    case "eligibility":
      return startEligibility(d, ctx, "", value);
    case "friction":
      return startFriction(d, ctx, "");
    case "handoff":
      return d.handoffs.start(handoffTurn(ctx), value);
    case "report":
      return report(d, ctx);
    case "help":
      return help(ctx.turn.audience);
    case "cancel":
      await d.handoffs.cancel(ctx.key);
      ctx.state = afterFlow(ctx.state);
      return { type: "info", text: "D'accord, j'ai annulé.", actions: START_ACTIONS };
    case "confirm":
      if (await d.handoffs.isWaiting(ctx.key)) return d.handoffs.continue(handoffTurn(ctx), value || "oui");
      if (ctx.state.mode === "friction-confirm") return frictionAnswer(d, ctx, "oui");
      if (value && ctx.state.mode === "eligibility") return eligibilityAnswer(d, ctx, value);
      if (value && ctx.state.mode === "friction") return frictionAnswer(d, ctx, value);
      return { type: "info", text: "Il n'y a rien à confirmer pour le moment." };
  }
}

/** What the core reads of one message: the answerer reads no more than this either. */
function bounded(text: string): string {
  return text.length > MAX_QUESTION_CHARS ? text.slice(0, MAX_QUESTION_CHARS) : text;
}

function finish(r: ReplyInput): Reply {
  const parsed = checkReply(r);
  return parsed.success ? parsed.data : apology();
}

export function apology(): Reply {
  return Reply.parse({
    type: "error",
    text: APOLOGY_TEXT,
    refused: true,
    route: {
      process: DEFAULT_PROCESS,
      name: PROCESS_LABELS[DEFAULT_PROCESS],
      confidence: 1,
      why: APOLOGY_ROUTE_WHY,
      contacts: [],
    },
    actions: [{ id: "handoff", label: ACTION_LABELS.handoff }],
  });
}

function help(audience: Audience): ReplyInput {
  return {
    type: "help",
    text: helpText(audience),
    followUps: HELP_FOLLOW_UPS,
    actions: audience === "agent" ? [...START_ACTIONS, { id: "report", label: ACTION_LABELS.report }] : START_ACTIONS,
  };
}
