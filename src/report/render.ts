/**
 * Renderers of the report: Markdown (French headings, tables), HTML (one
 * self-contained offline file, SVG charts rendered on the server by ECharts,
 * a data table next to every chart), JSON (the `Report` object: headline counts
 * at the top level, details below) and CSV.
 *
 * CSV format — one long table, columns `section,cle,sous_cle,valeur`:
 *   synthese            cle = indicator (interactions, repondues, refusees, avis_positifs, …)
 *   canal | public | orientation     cle = id, sous_cle = French label, valeur = count
 *   etape_dispositif    cle = step id, sous_cle = process id, valeur = count
 *   blocage | gravite | territoire | axe   cle = id or name, sous_cle = label/level, valeur = count
 *   tendance            cle = ISO week (2025-W10), sous_cle = metric, valeur = count
 *   sans_reponse        cle = question (most frequent phrasing of a group of similar ones), sous_cle = nombre | refus | avis_negatifs, valeur = count
 *   avis_negatif        cle = rank (1 = newest), sous_cle = date | question | reponse | dispositif | commentaire
 *   commentaire_negatif cle = date, sous_cle = question, valeur = comment
 *   mise_en_relation    cle = handoff id, sous_cle = field, valeur = value (open handoffs)
 *   mise_en_relation_traitee  cle = handoff id, sous_cle = dispositif | canal | creee_le | repondue_le | delai_heures
 *   signalement         cle = friction id, sous_cle = field, valeur = value
 * Cells starting with = + - @ are prefixed with ' (no formula injection in spreadsheets).
 */
import type { Report } from "./build.js";
import { barChart, esc, lineChart, renderChartSvg } from "./charts.js";

export { loadCharts } from "./charts.js";
import { CHANNEL_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS, label } from "./labels.js";

export type ReportFormat = "md" | "html" | "json" | "csv";
export const REPORT_FORMATS: readonly ReportFormat[] = ["md", "html", "json", "csv"];

const nf = new Intl.NumberFormat("fr-FR");
const pct = (r: number | null): string => (r === null ? "—" : `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(r * 100)} %`);
const dateFr = (iso: string | null): string =>
  iso ? new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso)) : "";
const shortDate = (iso: string): string =>
  new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date(iso));

function periodText(r: Report): string {
  const { from, to } = r.period;
  // `to` is exclusive: show the last included day.
  const last = to ? new Date(new Date(to).getTime() - 1).toISOString() : null;
  if (from && last) return `du ${dateFr(from)} au ${dateFr(last)}`;
  if (from) return `depuis le ${dateFr(from)}`;
  if (last) return `jusqu'au ${dateFr(last)}`;
  return "toute la période enregistrée";
}

/** « 57 % (4 avis positifs sur 7) », or « pas encore d'avis » — never a bare dash. */
export function satisfactionText(r: Report): string {
  const n = r.ratings.up + r.ratings.down;
  if (!n || r.ratings.satisfactionRate === null) return "pas encore d'avis";
  return `${pct(r.ratings.satisfactionRate)} (${nf.format(r.ratings.up)} avis positif${r.ratings.up > 1 ? "s" : ""} sur ${nf.format(n)})`;
}

/** « 12,5 h », or « — » when no handoff was answered. */
export const hoursText = (h: number | null): string => (h === null ? "—" : `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(h)} h`);

function headline(r: Report): [string, string][] {
  return [
    ["Questions posées", nf.format(r.interactions)],
    ["Réponses données", nf.format(r.answered)],
    ["Questions sans réponse de l'assistant (refus)", `${nf.format(r.refused)} (${pct(r.volumes.refusalRate)})`],
    ["Avis positifs", nf.format(r.ratings.up)],
    ["Avis négatifs", nf.format(r.ratings.down)],
    ["Taux de satisfaction", satisfactionText(r)],
    ["Difficultés signalées", nf.format(r.frictions)],
    ["Mises en relation demandées sur la période", nf.format(r.handoffs.count)],
    ["Mises en relation en attente", nf.format(r.handoffs.open)],
    ["Mises en relation traitées sur la période", nf.format(r.handoffs.answered)],
    ["Délai médian de réponse aux mises en relation", hoursText(r.handoffs.medianHoursToAnswer)],
    ["Questions restées sans réponse satisfaisante", nf.format(r.unansweredCount)],
  ];
}

const STEP_ORDER = Object.keys(STEP_LABELS);

type Rows = { head: string[]; rows: (string | number)[][] };
type Group = { key: string; title: string; table: Rows };

const THUMBS_DOWN_HEAD = ["Date", "Question", "Réponse (extrait)", "Commentaire"];
const thumbsDownRows = (r: Report) => r.thumbsDown.map((t) => [shortDate(t.createdAt), t.question ?? "—", t.answer ?? "—", t.comment ?? "(sans commentaire)"]);

const UNANSWERED_HEAD = ["Question (exemple)", "Nombre", "Refus", "Avis négatifs", "Formulations"];
const unansweredRows = (r: Report) => r.unanswered.map((q) => [q.question, q.count, q.refused, q.ratedDown, q.variants]);

const ANSWERED_HEAD = ["Dispositif", "Canal", "Demandée le", "Répondue le", "Délai (heures)"];
const answeredRows = (r: Report) =>
  r.answeredHandoffList.map((h) => [h.processLabel, label(CHANNEL_LABELS, h.channel), shortDate(h.createdAt), shortDate(h.answeredAt), h.hoursToAnswer]);

function handoffSentence(r: Report): string {
  const h = r.handoffs;
  return (
    `${nf.format(h.count)} demandée(s) sur la période, ${nf.format(h.open)} en attente, ${nf.format(h.answered)} traitée(s) sur la période ; ` +
    `délai médian entre la demande et la réponse : ${hoursText(h.medianHoursToAnswer)}.`
  );
}

/** Friction reports grouped by blocker, then by schema axis (one table per group, empty groups left out). */
function frictionGroups(r: Report): { byBlocker: Group[]; byAxis: Group[] } {
  const group = (
    key: (f: Report["frictionReports"][number]) => string,
    title: (f: Report["frictionReports"][number]) => string,
    head: string[],
    row: (f: Report["frictionReports"][number]) => (string | number)[],
  ) => {
    const out = new Map<string, Group>();
    for (const f of r.frictionReports) {
      const g = out.get(key(f)) ?? { key: key(f), title: title(f), table: { head, rows: [] } };
      g.table.rows.push(row(f));
      out.set(key(f), g);
    }
    return [...out.values()].map((g) => ({ ...g, title: `${g.title} (${g.table.rows.length})` }));
  };
  const sev = (n: number) => label(SEVERITY_LABELS as Record<string, string>, String(n));
  const byBlocker = group(
    (f) => f.blocker,
    (f) => f.blockerLabel,
    ["Date", "Étape", "Dispositif", "Commune", "Gravité", "Description"],
    (f) => [shortDate(f.createdAt), f.stepLabel, f.processLabel, f.commune, sev(f.severity), f.description],
  );
  const axisOrder = r.friction.byAxis.map((a) => a.axis);
  const byAxis = group(
    (f) => f.axis,
    (f) => f.axisLabel,
    ["Date", "Blocage", "Étape", "Dispositif", "Commune", "Gravité", "Description"],
    (f) => [shortDate(f.createdAt), f.blockerLabel, f.stepLabel, f.processLabel, f.commune, sev(f.severity), f.description],
  );
  byAxis.sort((a, b) => axisOrder.indexOf(a.key) - axisOrder.indexOf(b.key));
  return { byBlocker, byAxis };
}

/** Step × process matrix: rows = steps having frictions, columns = processes having frictions. */
function matrix(r: Report): { processes: string[]; rows: { step: string; cells: number[]; total: number }[] } {
  const processes = [...new Set(r.friction.byStepProcess.map((c) => c.process))].sort((a, b) =>
    label(PROCESS_LABELS, a).localeCompare(label(PROCESS_LABELS, b), "fr"),
  );
  const steps = [...new Set(r.friction.byStepProcess.map((c) => c.step))].sort((a, b) => STEP_ORDER.indexOf(a) - STEP_ORDER.indexOf(b));
  const rows = steps.map((step) => {
    const cells = processes.map((p) => r.friction.byStepProcess.find((c) => c.step === step && c.process === p)?.count ?? 0);
    return { step, cells, total: cells.reduce((a, b) => a + b, 0) };
  });
  return { processes, rows };
}

// ---------------------------------------------------------------------------
// Markdown

/**
 * Text for a Markdown table cell, safe whatever the user wrote: HTML is escaped
 * (a renderer shows "<script>" instead of running it), a link or an image whose
 * target is not http(s) keeps only its text ("javascript:", "data:"…), an
 * http(s) image becomes a plain link (no remote image loaded on display), and
 * the cell stays on one line.
 */
export function mdText(value: string | number): string {
  return String(value)
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/!?\[([^\]\n]*)\]\(\s*([^)\s]*)[^)]*\)/g, (_m, text: string, url: string) =>
      /^https?:\/\//i.test(url) ? `[${text}](${url})` : `${text} (lien retiré)`,
    )
    .replace(/\|/g, "\\|");
}
const mdCell = mdText;
function mdTable(head: string[], rows: (string | number)[][]): string {
  if (!rows.length) return "_Aucune donnée sur la période._\n";
  const line = (cells: (string | number)[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  return [line(head), `|${head.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n") + "\n";
}

export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`# ${r.title}`, "", `Période : ${periodText(r)}. Rapport établi le ${dateFr(r.generatedAt)}.`, "");
  out.push("## En bref", "", mdTable(["Indicateur", "Valeur"], headline(r)));

  out.push(
    "## Volumes",
    "",
    "### Par canal",
    "",
    mdTable(
      ["Canal", "Questions"],
      r.volumes.byChannel.map((c) => [c.label, c.count]),
    ),
  );
  out.push(
    "### Par public",
    "",
    mdTable(
      ["Public", "Questions"],
      r.volumes.byAudience.map((c) => [c.label, c.count]),
    ),
  );
  out.push(
    "### Par dispositif vers lequel l'assistant a orienté",
    "",
    mdTable(
      ["Dispositif", "Questions"],
      r.volumes.byRoute.map((c) => [c.label, c.count]),
    ),
  );

  out.push("## Avis des utilisateurs", "");
  out.push(`${nf.format(r.ratings.up)} avis positif(s), ${nf.format(r.ratings.down)} avis négatif(s) ; taux de satisfaction : ${satisfactionText(r)}.`, "");
  out.push("### Commentaires joints aux avis négatifs", "");
  out.push(
    mdTable(
      ["Date", "Question", "Commentaire"],
      r.downComments.map((c) => [shortDate(c.createdAt), c.question ?? "—", c.comment]),
    ),
  );
  out.push("### Réponses jugées « pas utiles »", "", mdTable(THUMBS_DOWN_HEAD, thumbsDownRows(r)));

  out.push(
    "## Difficultés signalées",
    "",
    `${nf.format(r.frictions)} signalement(s), dont ${nf.format(r.friction.contactOk)} avec accord pour être recontacté.`,
    "",
  );
  const m = matrix(r);
  out.push("### Par étape du parcours et par dispositif", "");
  out.push(
    mdTable(
      ["Étape", ...m.processes.map((p) => label(PROCESS_LABELS, p)), "Total"],
      m.rows.map((row) => [label(STEP_LABELS, row.step), ...row.cells, row.total]),
    ),
  );
  out.push(
    "### Par type de blocage",
    "",
    mdTable(
      ["Blocage", "Signalements"],
      r.friction.byBlocker.map((c) => [c.label, c.count]),
    ),
  );
  out.push(
    "### Par gravité",
    "",
    mdTable(
      ["Gravité", "Signalements"],
      r.friction.bySeverity.map((c) => [c.label, c.count]),
    ),
  );
  out.push("### Par territoire (EPCI, à défaut commune)", "");
  out.push(
    mdTable(
      ["Territoire", "Niveau", "Signalements"],
      r.friction.byTerritory.map((t) => [t.territory, t.level === "epci" ? "EPCI" : "Commune", t.count]),
    ),
  );
  out.push("### Au regard des axes du schéma départemental de l'ESS", "", `> ${r.friction.axisMappingNote}`, "");
  out.push(
    mdTable(
      ["Axe", "Signalements", "Dispositifs concernés"],
      r.friction.byAxis.map((a) => [a.label, a.count, a.processes.map((p) => label(PROCESS_LABELS, p)).join(", ") || "—"]),
    ),
  );
  const groups = frictionGroups(r);
  out.push("### Signalements par type de blocage", "");
  if (!groups.byBlocker.length) out.push("_Aucune donnée sur la période._", "");
  for (const g of groups.byBlocker) out.push(`#### ${mdText(g.title)}`, "", mdTable(g.table.head, g.table.rows));
  out.push("### Signalements par axe du schéma", "");
  if (!groups.byAxis.length) out.push("_Aucune donnée sur la période._", "");
  for (const g of groups.byAxis) out.push(`#### ${mdText(g.title)}`, "", mdTable(g.table.head, g.table.rows));

  out.push("## Tendance par semaine", "");
  out.push(
    mdTable(
      ["Semaine", "Début", "Questions", "Refus", "Difficultés", "Avis positifs", "Avis négatifs"],
      r.trend.map((w) => [w.week, shortDate(w.weekStart), w.interactions, w.refused, w.frictions, w.up, w.down]),
    ),
  );

  out.push(
    "## Questions sans réponse les plus fréquentes",
    "",
    "Questions refusées par l'assistant ou dont la réponse a reçu un avis négatif, regroupées quand elles sont presque identiques.",
    "",
  );
  out.push(mdTable(UNANSWERED_HEAD, unansweredRows(r)));

  out.push("## Mises en relation", "", handoffSentence(r), "");
  out.push("## Mises en relation traitées sur la période", "", mdTable(ANSWERED_HEAD, answeredRows(r)));
  out.push("## Mises en relation en attente", "");
  out.push(
    mdTable(
      ["Dispositif", "Canal", "Créée le", "Ancienneté (jours)", "Résumé"],
      r.openHandoffList.map((h) => [h.processLabel, label(CHANNEL_LABELS, h.channel), shortDate(h.createdAt), h.ageDays, h.summary]),
    ),
  );
  return out.join("\n");
}

// ---------------------------------------------------------------------------
// HTML

function htmlTable(caption: string, head: string[], rows: (string | number)[][], numericFrom = 1): string {
  if (!rows.length) return `<p class="empty">${esc(caption)} : aucune donnée sur la période.</p>`;
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((c, i) =>
            i === 0 ? `<th scope="row">${esc(String(c))}</th>` : `<td${i >= numericFrom && typeof c === "number" ? ' class="num"' : ""}>${esc(String(c))}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function groupsHtml(groups: Group[], caption: string): string[] {
  if (!groups.length) return [`<p class="empty">${esc(caption)} : aucune donnée sur la période.</p>`];
  return groups.map((g) => `<h4>${esc(g.title)}</h4>\n${htmlTable(`${caption} : ${g.title}`, g.table.head, g.table.rows)}`);
}

function figure(svg: string | null, tableHtml: string): string {
  if (!svg) return tableHtml;
  return `<figure>${svg}</figure>\n<details><summary>Voir les données du graphique sous forme de tableau</summary>\n${tableHtml}\n</details>`;
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1000px;margin:0 auto;padding:1.5rem;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #005a9c;padding-bottom:.2rem}h3{margin-top:1.5rem}
table{border-collapse:collapse;margin:.8rem 0;width:100%;font-size:.95rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.35rem .55rem;text-align:left;vertical-align:top}thead th{background:#eef3f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:.8rem;padding:0;list-style:none}
.kpis li{border:1px solid #c8c8c8;border-radius:6px;padding:.6rem .8rem}.kpis .v{display:block;font-size:1.6rem;font-weight:700;color:#005a9c}
figure{margin:.8rem 0}figure svg{max-width:100%;height:auto}.note{background:#fff7e0;border-left:4px solid #e6a700;padding:.5rem .8rem}
.empty{color:#555;font-style:italic}details{margin:.4rem 0 1rem}summary{cursor:pointer;color:#005a9c}
@media print{details{display:block}details>summary{display:none}}
`;

export function renderHtml(r: Report): string {
  const parts: string[] = [];
  const kpis = headline(r)
    .map(([k, v]) => `<li><span class="v">${esc(v)}</span>${esc(k)}</li>`)
    .join("\n");
  parts.push(`<h1>${esc(r.title)}</h1>`, `<p>Période : ${esc(periodText(r))}. Rapport établi le ${esc(dateFr(r.generatedAt))}.</p>`);
  parts.push(`<section aria-labelledby="s-bref"><h2 id="s-bref">En bref</h2><ul class="kpis">${kpis}</ul></section>`);

  // Volumes
  const answeredSvg = r.interactions
    ? renderChartSvg(
        barChart(
          "c-reponses",
          "Réponses données et refus",
          `${r.answered} réponses données et ${r.refused} refus sur ${r.interactions} questions.`,
          ["Réponses données", "Refus", "Avis positifs", "Avis négatifs"],
          [r.answered, r.refused, r.ratings.up, r.ratings.down],
        ),
      )
    : null;
  parts.push(
    `<section aria-labelledby="s-volumes"><h2 id="s-volumes">Volumes et réponses</h2>`,
    figure(
      answeredSvg,
      htmlTable(
        "Réponses, refus et avis",
        ["Indicateur", "Nombre"],
        [
          ["Réponses données", r.answered],
          ["Refus", r.refused],
          ["Avis positifs", r.ratings.up],
          ["Avis négatifs", r.ratings.down],
        ],
      ),
    ),
    `<h3>Par canal</h3>`,
    htmlTable(
      "Questions par canal",
      ["Canal", "Questions"],
      r.volumes.byChannel.map((c) => [c.label, c.count]),
    ),
    `<h3>Par public</h3>`,
    htmlTable(
      "Questions par public",
      ["Public", "Questions"],
      r.volumes.byAudience.map((c) => [c.label, c.count]),
    ),
    `<h3>Par dispositif vers lequel l'assistant a orienté</h3>`,
    htmlTable(
      "Questions par dispositif d'orientation",
      ["Dispositif", "Questions"],
      r.volumes.byRoute.map((c) => [c.label, c.count]),
    ),
    `</section>`,
  );

  // Trend
  const weeks = r.trend.map((w) => w.week);
  const trendSvg = r.trend.length
    ? renderChartSvg(
        lineChart(
          "c-tendance",
          "Tendance par semaine",
          `Évolution hebdomadaire sur ${r.trend.length} semaine(s) des questions, refus, difficultés et avis.`,
          weeks,
          [
            { name: "Questions", values: r.trend.map((w) => w.interactions) },
            { name: "Refus", values: r.trend.map((w) => w.refused) },
            { name: "Difficultés", values: r.trend.map((w) => w.frictions) },
            { name: "Avis négatifs", values: r.trend.map((w) => w.down) },
          ],
        ),
      )
    : null;
  parts.push(
    `<section aria-labelledby="s-tendance"><h2 id="s-tendance">Tendance par semaine</h2>`,
    figure(
      trendSvg,
      htmlTable(
        "Tendance par semaine",
        ["Semaine", "Début", "Questions", "Refus", "Difficultés", "Avis positifs", "Avis négatifs"],
        r.trend.map((w) => [w.week, shortDate(w.weekStart), w.interactions, w.refused, w.frictions, w.up, w.down]),
      ),
    ),
    `</section>`,
  );

  // Ratings
  parts.push(
    `<section aria-labelledby="s-avis"><h2 id="s-avis">Avis des utilisateurs</h2>`,
    `<p>${nf.format(r.ratings.up)} avis positif(s), ${nf.format(r.ratings.down)} avis négatif(s) ; taux de satisfaction : ${esc(satisfactionText(r))}.</p>`,
    `<h3>Commentaires joints aux avis négatifs</h3>`,
    htmlTable(
      "Commentaires des avis négatifs",
      ["Date", "Question", "Commentaire"],
      r.downComments.map((c) => [shortDate(c.createdAt), c.question ?? "—", c.comment]),
    ),
    `<h3>Réponses jugées « pas utiles »</h3>`,
    htmlTable("Réponses jugées pas utiles", THUMBS_DOWN_HEAD, thumbsDownRows(r)),
    `</section>`,
  );

  // Frictions
  const m = matrix(r);
  const stepSvg = r.frictions
    ? renderChartSvg(
        barChart(
          "c-etapes",
          "Difficultés par étape du parcours",
          `Répartition des ${r.frictions} difficultés signalées par étape du parcours.`,
          r.friction.byStep.map((c) => c.label),
          r.friction.byStep.map((c) => c.count),
          true,
        ),
      )
    : null;
  const terrSvg = r.friction.byTerritory.length
    ? renderChartSvg(
        barChart(
          "c-territoires",
          "Difficultés par territoire",
          "Répartition des difficultés par EPCI, à défaut par commune.",
          r.friction.byTerritory.map((t) => t.territory),
          r.friction.byTerritory.map((t) => t.count),
          true,
        ),
      )
    : null;
  const axisSvg = r.frictions
    ? renderChartSvg(
        barChart(
          "c-axes",
          "Difficultés au regard des axes du schéma",
          "Nombre de difficultés rattachées à chaque axe du schéma (hypothèse de travail).",
          r.friction.byAxis.map((a) => a.label.split(" — ")[0]!),
          r.friction.byAxis.map((a) => a.count),
          true,
        ),
      )
    : null;
  parts.push(
    `<section aria-labelledby="s-frictions"><h2 id="s-frictions">Difficultés signalées</h2>`,
    `<p>${nf.format(r.frictions)} signalement(s), dont ${nf.format(r.friction.contactOk)} avec accord pour être recontacté.</p>`,
    `<h3>Par étape du parcours et par dispositif</h3>`,
    figure(
      stepSvg,
      htmlTable(
        "Difficultés par étape",
        ["Étape", "Signalements"],
        r.friction.byStep.map((c) => [c.label, c.count]),
      ),
    ),
    htmlTable(
      "Difficultés par étape du parcours et par dispositif",
      ["Étape", ...m.processes.map((p) => label(PROCESS_LABELS, p)), "Total"],
      m.rows.map((row) => [label(STEP_LABELS, row.step), ...row.cells, row.total]),
    ),
    `<h3>Par type de blocage</h3>`,
    htmlTable(
      "Difficultés par type de blocage",
      ["Blocage", "Signalements"],
      r.friction.byBlocker.map((c) => [c.label, c.count]),
    ),
    `<h3>Par gravité</h3>`,
    htmlTable(
      "Difficultés par gravité",
      ["Gravité", "Signalements"],
      r.friction.bySeverity.map((c) => [c.label, c.count]),
    ),
    `<h3>Par territoire (EPCI, à défaut commune)</h3>`,
    figure(
      terrSvg,
      htmlTable(
        "Difficultés par territoire",
        ["Territoire", "Niveau", "Signalements"],
        r.friction.byTerritory.map((t) => [t.territory, t.level === "epci" ? "EPCI" : "Commune", t.count]),
      ),
    ),
    `<h3>Au regard des axes du schéma départemental de l'ESS</h3>`,
    `<p class="note">${esc(r.friction.axisMappingNote)}</p>`,
    figure(
      axisSvg,
      htmlTable(
        "Difficultés par axe du schéma",
        ["Axe", "Signalements", "Dispositifs concernés"],
        r.friction.byAxis.map((a) => [a.label, a.count, a.processes.map((p) => label(PROCESS_LABELS, p)).join(", ") || "—"]),
      ),
    ),
    `<h3>Signalements par type de blocage</h3>`,
    ...groupsHtml(frictionGroups(r).byBlocker, "Signalements — blocage"),
    `<h3>Signalements par axe du schéma</h3>`,
    ...groupsHtml(frictionGroups(r).byAxis, "Signalements — axe"),
    `</section>`,
  );

  parts.push(
    `<section aria-labelledby="s-sans-reponse"><h2 id="s-sans-reponse">Questions sans réponse les plus fréquentes</h2>`,
    `<p>Questions refusées par l'assistant ou dont la réponse a reçu un avis négatif, regroupées quand elles sont presque identiques.</p>`,
    htmlTable("Questions sans réponse", UNANSWERED_HEAD, unansweredRows(r)),
    `</section>`,
    `<section aria-labelledby="s-relations"><h2 id="s-relations">Mises en relation</h2>`,
    `<p>${esc(handoffSentence(r))}</p>`,
    `<h3>Traitées sur la période</h3>`,
    htmlTable("Mises en relation traitées sur la période", ANSWERED_HEAD, answeredRows(r)),
    `<h3>En attente</h3>`,
    htmlTable(
      "Mises en relation en attente",
      ["Dispositif", "Canal", "Créée le", "Ancienneté (jours)", "Résumé"],
      r.openHandoffList.map((h) => [h.processLabel, label(CHANNEL_LABELS, h.channel), shortDate(h.createdAt), h.ageDays, h.summary]),
    ),
    `</section>`,
  );

  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)} — ${esc(periodText(r))}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${parts.join("\n")}
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------
// CSV

function csvCell(v: string | number | boolean | null): string {
  let s = v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(r: Report): string {
  const rows: (string | number | boolean | null)[][] = [["section", "cle", "sous_cle", "valeur"]];
  const add = (section: string, key: string, sub: string, value: string | number | boolean | null) => rows.push([section, key, sub, value]);
  add("synthese", "periode_debut", "", r.period.from);
  add("synthese", "periode_fin_exclue", "", r.period.to);
  add("synthese", "interactions", "", r.interactions);
  add("synthese", "repondues", "", r.answered);
  add("synthese", "refusees", "", r.refused);
  add("synthese", "avis_positifs", "", r.ratings.up);
  add("synthese", "avis_negatifs", "", r.ratings.down);
  add("synthese", "taux_satisfaction", "", r.ratings.satisfactionRate);
  add("synthese", "nombre_avis", "", r.ratings.up + r.ratings.down);
  add("synthese", "difficultes", "", r.frictions);
  add("synthese", "mises_en_relation", "", r.handoffs.count);
  add("synthese", "mises_en_relation_en_attente", "", r.handoffs.open);
  add("synthese", "mises_en_relation_traitees", "", r.handoffs.answered);
  add("synthese", "delai_median_reponse_heures", "", r.handoffs.medianHoursToAnswer);
  add("synthese", "sans_reponse", "", r.unansweredCount);
  for (const c of r.volumes.byChannel) add("canal", c.key, c.label, c.count);
  for (const c of r.volumes.byAudience) add("public", c.key, c.label, c.count);
  for (const c of r.volumes.byRoute) add("orientation", c.key, c.label, c.count);
  for (const c of r.friction.byStepProcess) add("etape_dispositif", c.step, c.process, c.count);
  for (const c of r.friction.byBlocker) add("blocage", c.key, c.label, c.count);
  for (const c of r.friction.bySeverity) add("gravite", c.key, c.label, c.count);
  for (const t of r.friction.byTerritory) add("territoire", t.territory, t.level, t.count);
  for (const a of r.friction.byAxis) add("axe", a.axis, a.label, a.count);
  for (const w of r.trend) {
    for (const k of ["interactions", "refused", "frictions", "up", "down"] as const) add("tendance", w.week, k, w[k]);
  }
  for (const q of r.unanswered) {
    add("sans_reponse", q.question, "nombre", q.count);
    add("sans_reponse", q.question, "refus", q.refused);
    add("sans_reponse", q.question, "avis_negatifs", q.ratedDown);
  }
  for (const c of r.downComments) add("commentaire_negatif", c.createdAt, c.question ?? "", c.comment);
  r.thumbsDown.forEach((t, i) => {
    const n = String(i + 1);
    add("avis_negatif", n, "date", t.createdAt);
    add("avis_negatif", n, "question", t.question);
    add("avis_negatif", n, "reponse", t.answer);
    add("avis_negatif", n, "dispositif", t.route);
    add("avis_negatif", n, "commentaire", t.comment);
  });
  for (const h of r.answeredHandoffList) {
    add("mise_en_relation_traitee", h.id, "dispositif", h.process);
    add("mise_en_relation_traitee", h.id, "canal", h.channel);
    add("mise_en_relation_traitee", h.id, "creee_le", h.createdAt);
    add("mise_en_relation_traitee", h.id, "repondue_le", h.answeredAt);
    add("mise_en_relation_traitee", h.id, "delai_heures", h.hoursToAnswer);
  }
  for (const h of r.openHandoffList) {
    add("mise_en_relation", h.id, "dispositif", h.process);
    add("mise_en_relation", h.id, "canal", h.channel);
    add("mise_en_relation", h.id, "creee_le", h.createdAt);
    add("mise_en_relation", h.id, "anciennete_jours", h.ageDays);
    add("mise_en_relation", h.id, "resume", h.summary);
  }
  const axisById = new Map(r.frictionReports.map((f) => [f.id, f.axis]));
  for (const f of r.friction.items) {
    add("signalement", f.id, "date", f.createdAt);
    add("signalement", f.id, "axe", axisById.get(f.id) ?? "");
    add("signalement", f.id, "etape", f.step);
    add("signalement", f.id, "blocage", f.blocker);
    add("signalement", f.id, "dispositif", f.process);
    add("signalement", f.id, "commune", f.commune);
    add("signalement", f.id, "territoire", f.territory);
    add("signalement", f.id, "gravite", f.severity);
    add("signalement", f.id, "recontact", f.contactOk);
    add("signalement", f.id, "description", f.description);
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function renderJson(r: Report): string {
  return JSON.stringify(r, null, 2) + "\n";
}

export function renderReport(r: Report, format: ReportFormat): string {
  switch (format) {
    case "md":
      return renderMarkdown(r);
    case "html":
      return renderHtml(r);
    case "json":
      return renderJson(r);
    case "csv":
      return renderCsv(r);
  }
}
