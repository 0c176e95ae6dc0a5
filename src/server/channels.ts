/**
 * Which channels this instance serves, decided from the configuration. The
 * service only mounts what the channel folders export: no channel logic here.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { Audience, ProcessId } from "../domain/ids.js";
import type { AppConfig } from "../config/env.js";
import type { Assistant, HandoffTargets } from "../conversation/types.js";
import type { Storage } from "../storage/types.js";
import { loadChannelConfig, slackSettingsFromEnv, type SlackConfig } from "../channels/slack/config.js";
import type { SlackChannel } from "../channels/slack/index.js";
import type { ReportAccess } from "../channels/teams/access.js";
import type { TeamsChannel } from "../channels/teams/index.js";
import { RelaisError } from "../core/errors.js";

export interface ChannelSetup {
  slack: SlackChannel | null;
  teams: TeamsChannel | null;
  /** French lines for the start banner: why a channel is off and how to turn it on. */
  notes: string[];
}

/** Thrown when a channel is configured but cannot start (bad secret format, production without auth…). */
export class ChannelSetupError extends RelaisError {
  readonly code = "channel.setup";
}

/**
 * The code of the channels this configuration turns on. Each channel folder is
 * loaded only when its channel is on: Bolt and botbuilder, with their
 * dependencies, weigh tens of megabytes that a service without that channel
 * would carry for nothing.
 */
export interface ChannelKits {
  slack?: Pick<typeof import("../channels/slack/index.js"), "createSlackChannel">;
  teams?: Pick<typeof import("../channels/teams/index.js"), "createTeamsChannel">;
}

/** Whether Slack and Teams are on for this configuration (the same decision as createChannels). */
export function channelsOn(config: AppConfig): { slack: boolean; teams: boolean } {
  let slack = false;
  try {
    slack = slackSettingsFromEnv(envOf(config)).enabled;
  } catch {
    slack = false; // a bad Slack setting: createChannels reports it before it needs the channel's code
  }
  return { slack, teams: !(config.production && !config.env.MicrosoftAppId) };
}

/** Loads the channel folders of the channels this configuration turns on, and only those. */
export async function loadChannelKits(config: AppConfig): Promise<ChannelKits> {
  const on = channelsOn(config);
  const [slack, teams] = await Promise.all([
    on.slack ? import("../channels/slack/index.js") : undefined,
    on.teams ? import("../channels/teams/index.js") : undefined,
  ]);
  return { slack, teams };
}

/** Env-like view of the validated configuration (what the channel helpers read). */
export function envOf(config: AppConfig): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(config.env)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** Who counts as an agent of the Department for the report, in Teams (nobody when empty). */
const TeamsAgents = z
  .object({
    /** Tenant ids: everyone of the tenant, in a personal chat with the bot. */
    tenants: z.array(z.string().min(1)).default([]),
    /** Team ids: the team's channels. */
    teams: z.array(z.string().min(1)).default([]),
    /** Microsoft Entra object ids of people: anywhere. */
    users: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** The `teams:` section of config/channels.yaml: audience per team, handoff channel per process, agents. */
const TeamsSection = z
  .object({
    teams: z.record(z.string().min(1), Audience).default({}),
    handoff: z.partialRecord(z.union([ProcessId, z.literal("default")]), z.string().min(1)).default({}),
    agents: TeamsAgents.default({ tenants: [], teams: [], users: [] }),
  })
  .strict();

export interface ChannelsFile extends SlackConfig {
  /** Teams team id → audience (agents by default in Teams). */
  teamAudience: Record<string, Audience>;
  /** Who may see the report in Teams. */
  teamsAgents: ReportAccess;
}

/**
 * Reads config/channels.yaml (CHANNELS_CONFIG): the Slack section (audience per
 * channel, handoff channels) through the Slack loader, and the Teams section
 * (audience per team, handoff channel per process); handoff targets are merged.
 */
export async function loadChannelsFile(config: AppConfig): Promise<ChannelsFile> {
  const file = path.resolve(config.env.CHANNELS_CONFIG);
  const slack = await loadChannelConfig(file);
  let raw: unknown = {};
  try {
    raw = parseYaml(await readFile(file, "utf8")) ?? {};
  } catch {
    raw = {}; // missing file: empty configuration (the Slack loader reported real errors)
  }
  const section = (raw as { teams?: unknown }).teams;
  const teams = TeamsSection.safeParse(section ?? {});
  if (!teams.success)
    throw new ChannelSetupError(
      `Configuration des canaux invalide (${file}, section teams) :\n${teams.error.issues.map((i) => `- ${i.path.join(".")} : ${i.message}`).join("\n")}`,
    );
  const handoffTargets: HandoffTargets = { ...slack.handoffTargets };
  for (const [k, v] of Object.entries(teams.data.handoff)) {
    if (!v) continue;
    const key = k as keyof HandoffTargets;
    handoffTargets[key] = { ...(handoffTargets[key] ?? {}), teams: v };
  }
  return { ...slack, handoffTargets, teamAudience: teams.data.teams, teamsAgents: teams.data.agents };
}

export interface CreateChannelsOptions {
  assistant: Assistant;
  storage: Storage;
  config: AppConfig;
  channelsFile: SlackConfig & { teamAudience?: Record<string, Audience>; teamsAgents?: ReportAccess };
  handoffTargets?: HandoffTargets;
  logger: Logger;
  teamsBodyLimitBytes?: number;
  /** The channel folders, loaded beforehand by loadChannelKits. */
  kits: ChannelKits;
}

export function createChannels(o: CreateChannelsOptions): ChannelSetup {
  const env = envOf(o.config);
  const notes: string[] = [];

  let slack: SlackChannel | null = null;
  let settings: ReturnType<typeof slackSettingsFromEnv>;
  try {
    settings = slackSettingsFromEnv(env);
  } catch (err) {
    throw new ChannelSetupError(`Slack : ${(err as Error).message}`);
  }
  if (settings.enabled) {
    slack = kit(o.kits.slack, "Slack").createSlackChannel({
      assistant: o.assistant,
      storage: o.storage,
      signingSecret: settings.signingSecret,
      botToken: settings.botToken,
      appToken: settings.appToken,
      apiUrl: settings.apiUrl,
      audienceMap: o.channelsFile.audienceMap,
      handoffTargets: o.handoffTargets ?? o.channelsFile.handoffTargets,
      pseudonymSecret: o.config.pseudonymSecret,
      logger: o.logger,
    });
    o.assistant.registerNotifier(slack.notifier);
  } else {
    notes.push(settings.reason);
  }

  let teams: TeamsChannel | null = null;
  if (!channelsOn(o.config).teams) {
    notes.push("Teams désactivé : en production, /api/messages exige MicrosoftAppId, MicrosoftAppPassword et MicrosoftAppTenantId (voir .env.example).");
  } else {
    try {
      teams = kit(o.kits.teams, "Teams").createTeamsChannel({
        assistant: o.assistant,
        storage: o.storage,
        appId: o.config.env.MicrosoftAppId,
        appPassword: o.config.env.MicrosoftAppPassword,
        appTenantId: o.config.env.MicrosoftAppTenantId,
        appType: o.config.env.MicrosoftAppType,
        nodeEnv: o.config.env.NODE_ENV,
        handoffTargets: o.handoffTargets ?? o.channelsFile.handoffTargets,
        teamAudience: o.channelsFile.teamAudience,
        reportAccess: o.channelsFile.teamsAgents,
        secret: o.config.pseudonymSecret,
        logger: o.logger.child({ channel: "teams" }),
        bodyLimitBytes: o.teamsBodyLimitBytes,
      });
    } catch (err) {
      throw new ChannelSetupError((err as Error).message);
    }
    if (teams.anonymous)
      notes.push(
        "Teams en mode anonyme (test local avec Bot Framework Emulator sur /api/messages) : définissez MicrosoftAppId, MicrosoftAppPassword et MicrosoftAppTenantId pour le relier à Teams.",
      );
  }
  return { slack, teams, notes };
}

/** A channel's folder, which loadChannelKits must have loaded for a channel that is on. */
function kit<K>(loaded: K | undefined, channel: string): K {
  if (!loaded) throw new ChannelSetupError(`${channel} : le code du canal n'a pas été chargé (appelez loadChannelKits avant createChannels).`);
  return loaded;
}
