/**
 * Bot Framework authentication from the standard variables (MicrosoftAppId,
 * MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType). Without an app
 * id the endpoint is anonymous (Bot Framework Emulator, loopback only) — refused
 * in production (the service then leaves Teams off: see server/channels.ts).
 */
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Logger } from "./logger.js";
import { RelaisError } from "../../core/errors.js";

export type AppType = "MultiTenant" | "SingleTenant" | "UserAssignedMSI";

export interface TeamsCredentials {
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType?: string;
  nodeEnv?: string;
  /** Extra ConfigurationBotFrameworkAuthentication settings (tests: a local OpenID metadata URL). */
  settings?: Record<string, string>;
}

export class TeamsConfigError extends RelaisError {
  readonly code = "teams.config";
}

export interface ResolvedAuth {
  auth: ConfigurationBotFrameworkAuthentication;
  appId: string;
  appType: AppType | null;
  anonymous: boolean;
}

const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

function normaliseType(raw: string | undefined, tenantId: string | undefined): AppType {
  if (!raw) return tenantId ? "SingleTenant" : "MultiTenant";
  const t = raw.trim().toLowerCase();
  if (t === "multitenant") return "MultiTenant";
  if (t === "singletenant") return "SingleTenant";
  if (t === "userassignedmsi") return "UserAssignedMSI";
  throw new TeamsConfigError(`Teams : MicrosoftAppType « ${raw} » inconnu. Valeurs possibles : MultiTenant, SingleTenant, UserAssignedMSI.`);
}

export function resolveAuth(creds: TeamsCredentials, logger: Logger): ResolvedAuth {
  const appId = clean(creds.appId);
  const appPassword = clean(creds.appPassword);
  const tenantId = clean(creds.appTenantId);
  if (!appId) {
    if (creds.nodeEnv === "production") {
      throw new TeamsConfigError(
        "Teams : MicrosoftAppId et MicrosoftAppPassword (et MicrosoftAppTenantId pour une application mono-locataire) " +
          "sont obligatoires quand NODE_ENV=production. Le point d'entrée /api/messages refuse de démarrer sans " +
          "authentification Bot Framework. Renseignez ces variables ou retirez NODE_ENV=production pour un test local.",
      );
    }
    logger.warn("Teams: no MicrosoftAppId set — /api/messages accepts unauthenticated requests (Bot Framework Emulator only, never in production)");
    return { auth: new ConfigurationBotFrameworkAuthentication({ ...creds.settings }), appId: "", appType: null, anonymous: true };
  }
  const appType = normaliseType(creds.appType, tenantId);
  if (appType !== "UserAssignedMSI" && !appPassword) {
    throw new TeamsConfigError("Teams : MicrosoftAppId est défini mais MicrosoftAppPassword manque.");
  }
  if (appType === "SingleTenant" && !tenantId) {
    throw new TeamsConfigError("Teams : MicrosoftAppType=SingleTenant demande aussi MicrosoftAppTenantId.");
  }
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...creds.settings,
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: appType,
  });
  return { auth, appId, appType, anonymous: false };
}
