/**
 * Which channels this instance serves, decided from the configuration. The
 * service only mounts what the channel folders export: no channel logic here.
 */
import path from "node:path";
import type { Logger } from "pino";
import type { AppConfig } from "../config/env.js";
import type { Assistant, HandoffTargets } from "../conversation/types.js";
import type { Storage } from "../storage/types.js";
import { createSlackChannel, loadChannelConfig, slackSettingsFromEnv, type SlackChannel, type SlackConfig } from "../channels/slack/index.js";
import { createTeamsChannel, type TeamsChannel } from "../channels/teams/index.js";

export interface ChannelSetup {
  slack: SlackChannel | null;
  teams: TeamsChannel | null;
  /** French lines for the start banner: why a channel is off and how to turn it on. */
  notes: string[];
}

/** Thrown when a channel is configured but cannot start (bad secret format, production without auth…). */
export class ChannelSetupError extends Error {
  override name = "ChannelSetupError";
}

/** Env-like view of the validated configuration (what the channel helpers read). */
export function envOf(config: AppConfig): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(config.env)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** Reads config/channels.yaml (CHANNELS_CONFIG): audience per Slack channel and handoff targets. */
export async function loadChannelsFile(config: AppConfig): Promise<SlackConfig> {
  return loadChannelConfig(path.resolve(config.env.CHANNELS_CONFIG));
}

export interface CreateChannelsOptions {
  assistant: Assistant;
  storage: Storage;
  config: AppConfig;
  channelsFile: SlackConfig;
  handoffTargets?: HandoffTargets;
  logger: Logger;
  teamsBodyLimitBytes?: number;
}

export function createChannels(o: CreateChannelsOptions): ChannelSetup {
  const env = envOf(o.config);
  const notes: string[] = [];

  let slack: SlackChannel | null = null;
  let settings;
  try {
    settings = slackSettingsFromEnv(env);
  } catch (err) {
    throw new ChannelSetupError(`Slack : ${(err as Error).message}`);
  }
  if (settings.enabled) {
    slack = createSlackChannel({
      assistant: o.assistant,
      storage: o.storage,
      signingSecret: settings.signingSecret,
      botToken: settings.botToken,
      appToken: settings.appToken,
      apiUrl: settings.apiUrl,
      audienceMap: o.channelsFile.audienceMap,
      handoffTargets: o.handoffTargets ?? o.channelsFile.handoffTargets,
      logger: o.logger,
    });
    o.assistant.registerNotifier(slack.notifier);
  } else {
    notes.push(settings.reason);
  }

  let teams: TeamsChannel | null = null;
  const hasTeamsCredentials = !!o.config.env.MicrosoftAppId;
  if (o.config.production && !hasTeamsCredentials) {
    notes.push(
      "Teams désactivé : en production, /api/messages exige MicrosoftAppId, MicrosoftAppPassword et MicrosoftAppTenantId (voir .env.example).",
    );
  } else {
    try {
      teams = createTeamsChannel({
        assistant: o.assistant,
        storage: o.storage,
        appId: o.config.env.MicrosoftAppId,
        appPassword: o.config.env.MicrosoftAppPassword,
        appTenantId: o.config.env.MicrosoftAppTenantId,
        appType: o.config.env.MicrosoftAppType,
        nodeEnv: o.config.env.NODE_ENV,
        handoffTargets: o.handoffTargets ?? o.channelsFile.handoffTargets,
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
