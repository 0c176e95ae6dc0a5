/**
 * Errors of Relais ESS carry a stable `code` (bolt-js's CodedError idea): logs,
 * tests and callers match on the code, never on the wording of the message, which
 * may be French text meant for people. Log an error as the object itself —
 * `log.error({ err }, "…")` — so pino's `err` serializer keeps its type, message,
 * stack and code.
 */

/** Every error code, in one place. */
export const ERROR_CODES = [
  "config.invalid",
  "config.storage",
  "config.server",
  "channel.setup",
  "slack.config",
  "slack.response_url_refused",
  "teams.config",
  "teams.body",
  "teams.handoff",
  "knowledge.load",
  "knowledge.rules",
  "knowledge.links",
  "index.unavailable",
  "timeout",
  "cli.usage",
  "draft.invalid",
  "draft.notFound",
  "draft.exists",
  "draft.notApprovable",
  "handoff.notFound",
  "handoff.notAnswered",
  "worker.unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Base class of the project's errors: `name` is the class name, `code` a stable id.
 * @example
 * class RulesError extends RelaisError { readonly code = "knowledge.rules"; }
 * try { … } catch (err) { if (err instanceof RelaisError && err.code === "knowledge.rules") … }
 */
export abstract class RelaisError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
