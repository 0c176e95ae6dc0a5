/**
 * Short French summary of a report for a conversation reply (agents only):
 * plain text with the Reply Markdown subset (paragraphs, "- " bullets, **bold**).
 * Put the full `Report` in `Reply.report`; channels render its figures.
 */
import type { Report } from "./build.js";

const pct = (r: number | null) => (r === null ? "pas encore d'avis" : `${Math.round(r * 100)} %`);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;

export function summarizeReport(r: Report): string {
  const lines: string[] = [];
  lines.push(`**Rapport de Relais ESS** — ${periodLabel(r)}.`);
  lines.push("");
  lines.push(
    `- ${plural(r.interactions, "question posée", "questions posées")}, dont ${plural(r.refused, "sans réponse de l'assistant", "sans réponse de l'assistant")}.`,
  );
  lines.push(`- Avis : ${r.ratings.up} positif(s), ${r.ratings.down} négatif(s) — satisfaction : ${pct(r.ratings.satisfactionRate)}.`);
  lines.push(`- ${plural(r.frictions, "difficulté signalée", "difficultés signalées")}.`);
  lines.push(
    `- ${plural(r.handoffs, "mise en relation demandée", "mises en relation demandées")}, ${plural(r.openHandoffs, "encore en attente", "encore en attente")}.`,
  );
  const topStep = [...r.friction.byStep].sort((a, b) => b.count - a.count)[0];
  if (topStep) lines.push(`- Étape du parcours la plus signalée : ${topStep.label} (${topStep.count}).`);
  const topQ = r.topUnanswered[0];
  if (topQ) lines.push(`- Question sans réponse la plus fréquente : « ${topQ.question} » (${topQ.count}).`);
  lines.push("");
  lines.push("Le rapport complet (tableaux et graphiques) s'obtient avec la commande `report --format html`.");
  return lines.join("\n");
}

function periodLabel(r: Report): string {
  const d = (iso: string) => new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
  const last = r.period.to ? new Date(new Date(r.period.to).getTime() - 1).toISOString() : null;
  if (r.period.from && last) return `du ${d(r.period.from)} au ${d(last)}`;
  if (r.period.from) return `depuis le ${d(r.period.from)}`;
  if (last) return `jusqu'au ${d(last)}`;
  return "toute la période enregistrée";
}
