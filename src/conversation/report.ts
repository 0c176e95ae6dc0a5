/** The report flow: a short summary of the last 30 days with a link to the web report, for agents of the Département only. */
import type { ReplyInput } from "../domain/reply.js";
import { reportReply } from "../report/reply.js";
import type { ReportSource } from "../storage/types.js";
import { type Ctx, type Deps, START_ACTIONS } from "./state.js";

export async function report(d: Deps<ReportSource>, ctx: Ctx): Promise<ReplyInput> {
  if (ctx.turn.audience !== "agent")
    return {
      type: "info",
      text: "Le rapport de suivi est réservé aux agents du Département. Je peux en revanche répondre à vos questions.",
      actions: START_ACTIONS,
    };
  const r = await reportReply(d.storage, { publicBaseUrl: d.report?.publicBaseUrl, secret: d.report?.secret ?? "" });
  return { type: "report", text: r.text, report: r.report };
}
