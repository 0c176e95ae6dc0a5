/**
 * Slack configuration: the channel → audience map and the handoff channels,
 * read from config/channels.yaml (zod-validated), and the secrets from the
 * environment.
 *
 * ```yaml
 * slack:
 *   channels:            # channel id → agent | porteur (porteur when absent)
 *     C0123AGENTS: agent
 *   handoff:             # process id (or default) → channel where handoffs are posted
 *     default: C0123ESSTEAM
 *     dla: C0456DLA
 * ```
 * Other top-level keys (e.g. `teams:`) belong to other channels and are ignored here.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { Audience, ProcessId } from "../../domain/ids.js";
import type { HandoffTargets } from "../../conversation/types.js";
import { RelaisError } from "../../core/errors.js";

const ChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/, "identifiant de canal Slack attendu (C…, G… ou D…)");

export const SlackChannelConfig = z
  .object({
    channels: z.record(ChannelId, Audience).default({}),
    handoff: z.partialRecord(z.union([ProcessId, z.literal("default")]), ChannelId).default({}),
  })
  .strict();

export const ChannelConfigFile = z.looseObject({
  slack: SlackChannelConfig.default({ channels: {}, handoff: {} }),
});

export interface SlackConfig {
  audienceMap: Record<string, Audience>;
  handoffTargets: HandoffTargets;
}

export class ChannelConfigError extends RelaisError {
  readonly code = "slack.config";
}

/** Turns the YAML `slack.handoff` map into the shared HandoffTargets shape. */
export function toHandoffTargets(handoff: Partial<Record<string, string>>): HandoffTargets {
  const out: HandoffTargets = {};
  for (const [k, v] of Object.entries(handoff)) if (v) (out as Record<string, { slack: string }>)[k] = { slack: v };
  return out;
}

/** Validates an already parsed config object. Throws ChannelConfigError with one line per problem. */
export function parseChannelConfig(raw: unknown, source = "configuration"): SlackConfig {
  const parsed = ChannelConfigFile.safeParse(raw ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "(racine)"} : ${i.message}`);
    throw new ChannelConfigError(`Configuration des canaux invalide (${source}) :\n${lines.join("\n")}`);
  }
  return { audienceMap: parsed.data.slack.channels, handoffTargets: toHandoffTargets(parsed.data.slack.handoff) };
}

/**
 * Loads config/channels.yaml. A missing file gives an empty configuration
 * (every channel is `porteur`, handoffs go to the core's default target);
 * an invalid file is an error that names each problem.
 */
export async function loadChannelConfig(path: string): Promise<SlackConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { audienceMap: {}, handoffTargets: {} };
    throw new ChannelConfigError(`Impossible de lire ${path} : ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ChannelConfigError(`${path} n'est pas un YAML valide : ${(err as Error).message}`);
  }
  return parseChannelConfig(raw, path);
}

export const SlackEnv = z.object({
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, "SLACK_BOT_TOKEN doit commencer par xoxb-")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, "SLACK_APP_TOKEN doit commencer par xapp-")
    .optional(),
  SLACK_API_URL: z.string().url().optional(),
  CHANNELS_CONFIG: z.string().default("config/channels.yaml"),
});

export type SlackEnvSettings =
  | { enabled: false; reason: string }
  | { enabled: true; signingSecret: string; botToken: string; appToken?: string; apiUrl?: string; channelsConfig: string };

/** Reads the Slack settings from the environment: enabled only when both secrets are present. */
export function slackSettingsFromEnv(env: NodeJS.ProcessEnv): SlackEnvSettings {
  const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const parsed = SlackEnv.safeParse({
    SLACK_SIGNING_SECRET: blank(env.SLACK_SIGNING_SECRET),
    SLACK_BOT_TOKEN: blank(env.SLACK_BOT_TOKEN),
    SLACK_APP_TOKEN: blank(env.SLACK_APP_TOKEN),
    SLACK_API_URL: blank(env.SLACK_API_URL),
    CHANNELS_CONFIG: blank(env.CHANNELS_CONFIG),
  });
  if (!parsed.success) {
    throw new ChannelConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`).join("\n"));
  }
  const e = parsed.data;
  if (!e.SLACK_SIGNING_SECRET || !e.SLACK_BOT_TOKEN) {
    return {
      enabled: false,
      reason: "Slack désactivé : définissez SLACK_SIGNING_SECRET et SLACK_BOT_TOKEN (voir docs/slack.md) pour l'activer.",
    };
  }
  return {
    enabled: true,
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
    channelsConfig: e.CHANNELS_CONFIG,
  };
}
