/**
 * The one structured reply every channel renders (Block Kit, Adaptive Card,
 * terminal, web). The core never formats for a channel: `text` is plain French
 * with a tiny Markdown subset (paragraphs, "- " bullets, **bold**) and `[n]`
 * citation markers that point into `sources` by `n`.
 */
import { z } from "zod";
import { Audience, Channel, DocKind, Priority, ProcessId } from "./ids.js";

export const SourceRef = z.object({
  /** Citation number used as `[n]` in the text (1-based). */
  n: z.number().int().positive(),
  /** Knowledge document id. */
  id: z.string(),
  chunkId: z.string(),
  title: z.string(),
  kind: DocKind,
  /** confirmed = stated by the sources; reported = to be checked. */
  status: z.enum(["confirmed", "reported"]),
  /** Heading path inside the document ("Appel à communs › Qui peut répondre"). */
  section: z.string().optional(),
  page: z.number().int().positive().optional(),
  /** First public URL of the document. */
  url: z.string().optional(),
  score: z.number(),
  /** Short plain-text excerpt (≤ 300 chars), e.g. for Teams citation abstracts. */
  excerpt: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const PublicContact = z.object({
  label: z.string(),
  url: z.string().optional(),
});
export type PublicContact = z.infer<typeof PublicContact>;

export const Route = z.object({
  process: ProcessId,
  /** Human name of the process ("Dispositif local d'accompagnement (DLA)"). */
  name: z.string(),
  operator: z.string().optional(),
  confidence: z.number().min(0).max(1),
  why: z.string(),
  contacts: z.array(PublicContact).default([]),
  /** Up to two other processes that also fit, each with its reason. */
  alternatives: z
    .array(z.object({ process: ProcessId, name: z.string(), why: z.string() }))
    .max(2)
    .default([]),
});
export type Route = z.infer<typeof Route>;

export const ActionId = z.enum(["rate-up", "rate-down", "eligibility", "friction", "handoff", "report", "cancel", "confirm", "help"]);
export type ActionId = z.infer<typeof ActionId>;

export const Action = z.object({
  id: ActionId,
  /** French label shown on the button: never an emoji alone. */
  label: z.string(),
  /** Optional payload (e.g. the interaction id being rated). */
  value: z.string().optional(),
});
export type Action = z.infer<typeof Action>;

export const Verdict = z.enum(["eligible", "ineligible", "incomplete", "to-check"]);
export type Verdict = z.infer<typeof Verdict>;

export const EligibilityReason = z.object({
  /** Condition id from the rules file. */
  condition: z.string(),
  /** Plain French statement of the outcome for this condition. */
  text: z.string(),
  met: z.boolean().nullable(),
  /** Source of the condition (URL or knowledge id). */
  source: z.string(),
});
export const MissingFact = z.object({
  fact: z.string(),
  /** The French question to ask to obtain the fact. */
  question: z.string(),
});
export const EligibilityResult = z.object({
  process: ProcessId,
  verdict: Verdict,
  reasons: z.array(EligibilityReason),
  missing: z.array(MissingFact),
  /** For `to-check`: who checks (plain French). */
  checker: z.string().optional(),
});
export type EligibilityResult = z.infer<typeof EligibilityResult>;

/**
 * One option of a project-fit answer ("which action of the schema fits this
 * project?"): a support process with the schema measures and axis that fit, why
 * (with `[n]` markers into the reply's sources), the eligibility verdict for the
 * facts known, and the facts that would change it (fact keys of the eligibility
 * vocabulary). Ordered best first in `Reply.fit`.
 */
export const FitOption = z.object({
  process: ProcessId,
  /** Display name of the process. */
  name: z.string(),
  /** Knowledge ids of the schema measures that fit. */
  measures: z.array(z.string()),
  /** Id of the schema axis (or "hors-schema"); null when none applies. */
  axis: z.string().nullable(),
  verdict: Verdict,
  /** Why it fits this project, plain French with `[n]` markers. */
  why: z.string(),
  /** Facts that would change the verdict (at most two). */
  missing: z.array(z.string()),
  /** The verdict in plain French with its `[n]` marker. */
  verdictText: z.string().optional(),
  /** How to apply, with its `[n]` marker. */
  apply: z.string().optional(),
  /** Whom to contact first. */
  contact: PublicContact.optional(),
});
export type FitOption = z.infer<typeof FitOption>;

export const Handoff = z.object({
  id: z.string(),
  process: ProcessId,
  status: z.enum(["open", "resolved"]),
  summary: z.string(),
  question: z.string().optional(),
  facts: z.record(z.string(), z.unknown()).default({}),
  sources: z.array(z.string()).default([]),
  createdAt: z.string(),
});
export type Handoff = z.infer<typeof Handoff>;

/** A question the core is waiting for (questionnaire step). */
export const PromptField = z.object({
  field: z.string(),
  question: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type PromptField = z.infer<typeof PromptField>;

export const ReplyType = z.enum(["answer", "eligibility", "prompt", "handoff", "friction", "report", "help", "info", "error"]);
export type ReplyType = z.infer<typeof ReplyType>;

export const Reply = z.object({
  type: ReplyType,
  text: z.string(),
  sources: z.array(SourceRef).default([]),
  refused: z.boolean().default(false),
  route: Route.nullable().default(null),
  followUps: z.array(z.string()).default([]),
  actions: z.array(Action).default([]),
  eligibility: z.array(EligibilityResult).optional(),
  /** Project-fit options, best first (only when the message described a project). */
  fit: z.array(FitOption).optional(),
  handoff: Handoff.optional(),
  prompt: PromptField.optional(),
  /** Report summary for agents (shape owned by src/report). */
  report: z.unknown().optional(),
  /** Id of the stored interaction this reply answers (for ratings). */
  interactionId: z.string().optional(),
  /** Id of the answer card (knowledge/reponses) that led this answer, when one did. */
  card: z.string().max(200).optional(),
  /** What the answer is about when a process answers the person's need (its name): the topic a follow-up leans on. */
  topic: z.string().max(300).optional(),
  /** True when a language model wrote `text` (channels show an AI label on it, and only then). */
  generated: z.boolean().default(false),
  /** Eligibility facts the conversation knows (eligibility replies): channels pre-fill their form with them. */
  facts: z.record(z.string(), z.unknown()).optional(),
  audience: Audience.optional(),
});
export type Reply = z.infer<typeof Reply>;
export type ReplyInput = z.input<typeof Reply>;

/** Replies `checkReply` has validated (its results are not changed afterwards). */
const checked = new WeakSet<object>();

/**
 * `Reply.safeParse`, once per reply: a reply that `checkReply` returned passes again as it
 * is. A channel's turn is checked by the core, then by the channel (a large reply with its
 * sources costs a full parse each time).
 */
export function checkReply(value: unknown): z.ZodSafeParseResult<Reply> {
  if (typeof value === "object" && value !== null && checked.has(value)) return { success: true, data: value as Reply };
  const parsed = Reply.safeParse(value);
  if (parsed.success) checked.add(parsed.data);
  return parsed;
}

/** One incoming turn from any channel. */
export const Turn = z.object({
  channel: Channel,
  conversationId: z.string().min(1).max(512),
  threadId: z.string().max(512).optional(),
  /** Raw platform user id: the core pseudonymises it before storing. */
  userId: z.string().min(1).max(512),
  audience: Audience.default("porteur"),
  /** Free text typed by the user (may be empty when an action is sent). */
  text: z.string().default(""),
  /** A button press. */
  action: z.object({ id: ActionId, value: z.string().optional(), comment: z.string().optional() }).optional(),
  /** How soon the answer is needed (default interactive): see Priority. */
  priority: Priority.optional(),
  /** A form submission (eligibility facts or friction fields), validated by the core. */
  form: z.object({ kind: z.enum(["eligibility", "friction"]), values: z.record(z.string(), z.unknown()) }).optional(),
});
export type Turn = z.infer<typeof Turn>;
export type TurnInput = z.input<typeof Turn>;
