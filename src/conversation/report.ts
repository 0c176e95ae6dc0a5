/** The report flow: a short summary of the last 30 days, for agents of the Département only. */
import type { ReplyInput } from "../domain/reply.js";
import { buildReport } from "../report/build.js";
import type { ReportSource } from "../storage/types.js";
import { type Ctx, type Deps, START_ACTIONS } from "./state.js";

export async function report(d: Deps<ReportSource>, ctx: Ctx): Promise<ReplyInput> {
  if (ctx.turn.audience !== "agent")
    return {
      type: "info",
      text: "Le rapport de suivi est réservé aux agents du Département. Je peux en revanche répondre à vos questions.",
      actions: START_ACTIONS,
    };
  const r = await buildReport(d.storage, { from: new Date(Date.now() - 30 * 86_400_000) });
  const rate = r.ratings.satisfactionRate === null ? "pas encore d'avis" : `${Math.round(r.ratings.satisfactionRate * 100)} % d'avis positifs`;
  return {
    type: "report",
    text: [
      "**Rapport des 30 derniers jours**",
      `- Questions : ${r.interactions} (dont ${r.refused} sans réponse)`,
      `- Avis : ${r.ratings.up} utiles, ${r.ratings.down} pas utiles (${rate})`,
      `- Difficultés signalées : ${r.frictions}`,
      `- Demandes transmises à une personne : ${r.handoffs} (dont ${r.openHandoffs} encore ouvertes)`,
      "",
      "Le rapport complet (graphiques, détail par étape et par territoire) : commande « report --format html ».",
    ].join("\n"),
    report: r,
  };
}
