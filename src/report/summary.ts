/**
 * Short French summary of a report for a conversation reply and the weekly
 * digest (agents only): a few figures — questions and refusal rate,
 * satisfaction with its count, handoffs waiting, the most reported blocker —
 * and where to read the full report (a signed link to the web page, or a
 * plain sentence when the service has no public address). Plain text with the
 * Reply Markdown subset (paragraphs, "- " bullets, **bold**). Never a
 * command-line instruction: agents in Slack or Teams cannot run one.
 */
import type { Report } from "./build.js";
import { hoursText, satisfactionText } from "./render.js";

const nf = new Intl.NumberFormat("fr-FR");
const pct = (r: number) => `${Math.round(r * 100)} %`;

export const NO_LINK_TEXT =
  "Le rapport complet (tableaux et graphiques) n'a pas d'adresse web : l'adresse publique du service n'est pas configurée. " +
  "L'équipe technique peut la renseigner, ou vous transmettre le rapport en fichier HTML.";

export interface SummaryOptions {
  /** Signed address of the web report (src/report/link.ts); null/absent: a sentence says why there is none. */
  link?: string | null;
  /** First line, bold (default « Rapport de Relais ESS »). */
  heading?: string;
}

export function summarizeReport(r: Report, opts: SummaryOptions = {}): string {
  const lines: string[] = [];
  lines.push(`**${opts.heading ?? "Rapport de Relais ESS"}** — ${periodLabel(r)}.`, "");
  const refusal = r.volumes.refusalRate === null ? "" : ` (taux de refus : ${pct(r.volumes.refusalRate)})`;
  lines.push(`- Questions posées : ${nf.format(r.interactions)}, dont ${nf.format(r.refused)} sans réponse de l'assistant${refusal}.`);
  lines.push(`- Satisfaction : ${satisfactionText(r)}.`);
  const median = r.handoffs.medianHoursToAnswer === null ? "" : ` ; délai médian de réponse : ${hoursText(r.handoffs.medianHoursToAnswer)}`;
  lines.push(`- Mises en relation en attente : ${nf.format(r.handoffs.open)} (${nf.format(r.handoffs.answered)} traitée(s) sur la période${median}).`);
  const blocker = r.friction.byBlocker[0];
  lines.push(
    blocker
      ? `- Difficultés signalées : ${nf.format(r.frictions)} ; blocage le plus signalé : ${blocker.label} (${nf.format(blocker.count)}).`
      : "- Difficultés signalées : aucune.",
  );
  const topQ = r.unanswered[0];
  if (topQ) lines.push(`- Question sans réponse la plus fréquente : « ${oneLine(topQ.question, 160)} » (${nf.format(topQ.count)}).`);
  lines.push("");
  lines.push(opts.link ? `Le rapport complet (tableaux et graphiques) est sur la page web réservée aux agents : ${opts.link}` : NO_LINK_TEXT);
  return lines.join("\n");
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

export function periodLabel(r: Report): string {
  const d = (iso: string) => new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
  const last = r.period.to ? new Date(new Date(r.period.to).getTime() - 1).toISOString() : null;
  if (r.period.from && last) return `du ${d(r.period.from)} au ${d(last)}`;
  if (r.period.from) return `depuis le ${d(r.period.from)}`;
  if (last) return `jusqu'au ${d(last)}`;
  return "toute la période enregistrée";
}
