/**
 * Wires the weekly digest (src/report/digest.ts) into the service: off unless
 * DIGEST_ENABLED, posted where the handoff cards go — the `default` Slack
 * channel of config/channels.yaml when Slack runs, else its `default` Teams
 * channel. Started with the server, stopped on shutdown.
 */
import type { Logger } from "pino";
import type { AppConfig } from "../config/env.js";
import type { HandoffTargets } from "../conversation/types.js";
import { DigestScheduler, type Clock, type DigestPoster } from "../report/digest.js";
import type { Storage } from "../storage/types.js";
import type { ChannelSetup } from "./channels.js";

export interface ServiceDigestOptions {
  config: AppConfig;
  channels: ChannelSetup;
  storage: Storage;
  handoffTargets: HandoffTargets;
  logger: Logger;
  clock?: Clock;
}

export function createServiceDigest(o: ServiceDigestOptions): DigestScheduler | null {
  if (!o.config.digest.enabled) return null;
  const log = o.logger.child({ component: "digest" });
  let poster: DigestPoster | null = null;
  const slackTarget = o.handoffTargets.default?.slack;
  const teamsTarget = o.handoffTargets.default?.teams;
  if (o.channels.slack && slackTarget) {
    poster = o.channels.slack.digestPoster(slackTarget);
  } else if (o.channels.teams && teamsTarget) {
    poster = o.channels.teams.digestPoster(o.storage, teamsTarget);
  }
  if (!poster) {
    log.warn("weekly digest enabled but no team channel: set handoffs.default.slack or handoffs.default.teams in config/channels.yaml");
    return null;
  }
  return new DigestScheduler({
    schedule: { day: o.config.digest.day, hour: o.config.digest.hour },
    storage: o.storage,
    poster,
    secret: o.config.pseudonymSecret,
    publicBaseUrl: o.config.publicBaseUrl,
    clock: o.clock,
    logger: log,
  });
}
