/**
 * Who may see the report in Teams: the agents of the Department, declared in
 * config/channels.yaml (`teams.agents`) by tenant (everyone of the tenant, in
 * a personal chat with the bot: nobody else reads it there), by team (the
 * team's channels) or by person (Microsoft Entra object id, anywhere).
 * Nobody when nothing is declared. Elsewhere, a report request is declined
 * politely.
 */
import type { Activity } from "botbuilder";

export interface ReportAccess {
  tenants: string[];
  teams: string[];
  users: string[];
}

export const NO_REPORT_ACCESS: ReportAccess = { tenants: [], teams: [], users: [] };

export const REPORT_DECLINED_TEXT =
  "Le rapport de suivi est réservé aux agents du Département déclarés auprès de Relais ESS. " +
  "Si vous en faites partie, demandez-le-moi en conversation privée ; sinon, l'équipe ESS du Département peut vous le transmettre. " +
  "Je reste à votre disposition pour vos questions.";

export function mayReadReport(activity: Partial<Activity>, access: ReportAccess = NO_REPORT_ACCESS): boolean {
  const cd = (activity.channelData ?? {}) as { tenant?: { id?: string }; team?: { id?: string } };
  const user = activity.from?.aadObjectId;
  if (user && access.users.includes(user)) return true;
  const team = cd.team?.id;
  if (team && access.teams.includes(team)) return true;
  const tenant = cd.tenant?.id ?? activity.conversation?.tenantId;
  return !!tenant && access.tenants.includes(tenant) && activity.conversation?.conversationType === "personal";
}
