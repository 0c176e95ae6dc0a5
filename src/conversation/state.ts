/**
 * The state of one conversation and what every flow receives: the turn, the
 * pseudonymous user, the state key, and the flows' dependencies (the answerer,
 * the storage ports a flow uses, the handoff flow).
 */
import type { Answerer, AskOptions } from "../answer/answerer.js";
import type { Audience, ProcessId } from "../domain/ids.js";
import type { Action, Reply, Turn } from "../domain/reply.js";
import type { FrictionField } from "../domain/friction.js";
import { ACTION_LABELS } from "../domain/labels.js";
import { extractFacts } from "../eligibility/extract.js";
import { parseFacts, type FactKey, type Facts } from "../eligibility/facts.js";
import type { ProjectFit } from "../fit/project-fit.js";
import type { FeedbackStore, FrictionStore, InteractionLog, ReportSource } from "../storage/types.js";
import type { HandoffFlow, HandoffTurn } from "./handoff.js";
import type { TurnOptions } from "./types.js";

export interface ConversationState {
  mode: "idle" | "eligibility" | "friction" | "friction-confirm";
  facts: Partial<Facts>;
  skipped: FactKey[];
  pendingFact?: FactKey;
  asked: number;
  target?: ProcessId[];
  friction: Partial<Record<FrictionField, unknown>>;
  pendingField?: FrictionField;
  lastQuestion?: string;
  lastInteractionId?: string;
  lastRoute?: ProcessId;
  /** The last process other than the ESS team's an answer went to: a refusal handed to that team keeps it as the topic's process. */
  topicRoute?: ProcessId;
  /** Whether the last answer was a refusal (the assistant did not know). */
  lastRefused?: boolean;
  lastSources?: string[];
  /** What the last question was about (searched with an elliptic follow-up). */
  lastTopic?: string;
  /** Whether that topic is a question that was refused (see question.ts): a follow-up may do better alone. */
  topicRefused?: boolean;
  /** The proper names the last answer led with (see leadNames): what a follow-up's « elle », « cette SCOP » stands for. */
  lastNames?: string[];
  /** The answer card the last answer showed: a follow-up is not answered with it again. */
  lastCard?: string;
  /** The cards shown since the conversation's last self-contained question (at most five): a follow-up asks something else. */
  shownCards?: string[];
  /** The main option of the last project-fit answer: « vérifier l'éligibilité » then checks it. */
  lastFit?: ProcessId;
  /** The sentence of the last project-fit answer denying a possibility (see deniedClaim): what a bare « pourquoi ? » asks the reason of. */
  lastClaim?: string;
}

export const fresh = (): ConversationState => ({ mode: "idle", facts: {}, skipped: [], asked: 0, friction: {} });
/** Back to idle after a flow (friction report, cancel), keeping what a handoff needs (question, route, sources, facts). */
export const afterFlow = (s: ConversationState): ConversationState => ({
  ...fresh(),
  facts: s.facts,
  lastQuestion: s.lastQuestion,
  lastInteractionId: s.lastInteractionId,
  lastRoute: s.lastRoute,
  lastSources: s.lastSources,
});

/** One turn as the flows see it; a flow may replace `state`, which the dispatcher then saves. */
export interface Ctx {
  turn: Turn;
  user: string;
  key: string;
  state: ConversationState;
  onToken?: TurnOptions["onToken"];
}

/** What the flows use; each flow asks for the storage ports it uses (`Deps<…>`). */
export interface FlowDeps {
  answerer: Answerer;
  storage: InteractionLog & FeedbackStore & FrictionStore & ReportSource;
  handoffs: HandoffFlow;
  /** Project-fit answers for messages that describe a project (src/fit). */
  fit?: ProjectFit;
  /** Offline answers computed off the main thread (src/workers): the same results as here. */
  pool?: RemoteAnswering;
  logger?: { warn: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void };
  /** What the report reply needs to sign its link to the web report. */
  report?: { publicBaseUrl?: string; secret: string };
}

/**
 * Where `contextualize` and `answer` (question.ts) may run instead of this thread:
 * the answering workers, which build the same answering part on the same index.
 */
export interface RemoteAnswering {
  /** False while no worker can take a request (starting, or started only under load): this thread answers without asking. */
  readonly available?: boolean;
  contextualize(question: string, previous: string | undefined, audience: Audience): Promise<string>;
  answer(
    question: string,
    opts: Pick<AskOptions, "audience" | "priority" | "avoidCards" | "own" | "handTo">,
    own: string,
  ): Promise<{ reply: Reply; facts?: Partial<Facts> }>;
}

/** The flows' dependencies with only the storage ports `S`. */
export type Deps<S> = Omit<FlowDeps, "storage"> & { storage: S };

/** What answering a question stores (the question flow, and the flows that answer an interleaved question). */
export type QuestionStorage = InteractionLog & Pick<FeedbackStore, "recordUnanswered">;

export const CANCEL: Action = { id: "cancel", label: ACTION_LABELS.cancel };
export const START_ACTIONS: Action[] = [
  { id: "eligibility", label: ACTION_LABELS.eligibility },
  { id: "friction", label: ACTION_LABELS.friction },
  { id: "handoff", label: ACTION_LABELS.handoff },
];

/** Keeps only facts that pass validation (a wrong value is dropped, not fatal). */
export function validFacts(facts: Partial<Facts>): Partial<Facts> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined) continue;
    const r = parseFacts({ [k]: v });
    if (r.ok) Object.assign(out, r.facts);
  }
  return out as Partial<Facts>;
}

/** The facts a message states, valid ones only; never throws. */
export function safeExtract(text: string): Partial<Facts> {
  try {
    return validFacts(extractFacts(text) as Partial<Facts>);
  } catch {
    return {};
  }
}

/** What the handoff flow reads of this turn (src/conversation/handoff.ts). */
export function handoffTurn(ctx: Ctx): HandoffTurn {
  const s = ctx.state;
  return { turn: ctx.turn, user: ctx.user, key: ctx.key, lastRoute: s.lastRoute, facts: validFacts(s.facts), sourceIds: s.lastSources ?? [] };
}
