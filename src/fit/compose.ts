/**
 * The project-fit answer as text and structure: a first line naming the main
 * track and the others, a one-sentence lead (the only part a model may rephrase),
 * what was understood of the project, then each option — why it fits, the
 * schema's measures and axis, the eligibility verdict for the known facts, what
 * would change it, how to apply, whom to contact — every statement cited `[n]`.
 */
import type { FitOption } from "../domain/reply.js";
import { DEFAULT_CHECKER } from "../eligibility/engine.js";
import { FACT_QUESTIONS, type FactKey } from "../eligibility/facts.js";
import type { Directory } from "../routing/directory.js";
import { describeProject } from "./describe.js";
import type { ProjectFeatures } from "./features.js";
import type { SchemaLinks } from "./links.js";
import type { RankedOption } from "./rank.js";
import type { Citations } from "./sources.js";
import { FIRST_LINE_START, OPTIONS_TITLE } from "./text.js";

export interface ComposedFit {
  text: string;
  /** The lead paragraph (second paragraph of `text`). */
  lead: string;
  options: FitOption[];
}

const cite = (n: number | null) => (n === null ? "" : ` [${n}]`);
const stripDot = (s: string) => s.trim().replace(/[.\s]+$/, "");

/** A reason of the engine, shortened to its first sentence or two. */
function shortReason(text: string, max = 260): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return stripDot(t);
  const cut = t.slice(0, max);
  const dot = cut.lastIndexOf(". ");
  return dot > 60 ? cut.slice(0, dot) : `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

function verdictText(o: RankedOption): string {
  const r = o.eligibility;
  switch (r.verdict) {
    case "eligible":
      return "les conditions publiques connues sont remplies";
    case "ineligible": {
      const failed = r.reasons.find((x) => x.met === false);
      return `non éligible en l'état${failed ? ` (${shortReason(failed.text)})` : ""}`;
    }
    case "incomplete":
      return `informations manquantes (${r.missing.map((m) => FACT_QUESTIONS[m.fact as FactKey]?.label ?? m.fact).join(", ")})`;
    case "to-check":
      return `à vérifier par une personne : ${r.checker ?? DEFAULT_CHECKER}`;
  }
}

/** The reason the verdict rests on (for its citation). */
function decidingReason(o: RankedOption) {
  const r = o.eligibility;
  if (r.verdict === "ineligible") return r.reasons.find((x) => x.met === false);
  if (r.verdict === "to-check") return r.reasons.find((x) => x.met === null) ?? r.reasons[0];
  return r.reasons.find((x) => x.met === null) ?? r.reasons[0];
}

interface Ctx {
  links: SchemaLinks;
  directory: Directory;
  citations: Citations;
}

function option(o: RankedOption, index: number, ctx: Ctx): { block: string; fit: FitOption; whyCite: number | null } {
  const pl = ctx.links.processes[o.process];
  const entry = ctx.directory.get(o.process);
  const name = entry?.name ?? o.process;
  const why = o.link?.why ?? o.routerWhy ?? pl.why;
  const whyCite = ctx.citations.first([...(o.link?.measures ?? []), ...pl.documents], why);
  const measures = [...new Set([...(o.link?.measures ?? []), ...pl.measures])].filter((m) => ctx.citations.has(m));
  const axisId = o.link?.axis ?? pl.axis;
  const axisStatus = o.link?.status ?? pl.status;
  const axis = ctx.links.axes.find((a) => a.id === axisId);

  const lines = [`**${index}. ${name}**`, `- Pourquoi : ${stripDot(why)}${cite(whyCite)}.`];
  const schema: string[] = [];
  if (measures.length)
    schema.push(`mesure${measures.length > 1 ? "s" : ""} ${measures.map((m) => `« ${ctx.citations.title(m)} »${cite(ctx.citations.doc(m, why))}`).join(", ")}`);
  if (axis) {
    const axisCite = axis.document ? cite(ctx.citations.doc(axis.document, axis.label)) : "";
    schema.push(`${axis.label}${axisCite}${axisStatus === "hypothese" ? " (rattachement à vérifier)" : ""}`);
  }
  if (schema.length) lines.push(`- Dans le schéma : ${schema.join(" ; ")}.`);
  const reason = decidingReason(o);
  const ruleCite = cite(ctx.citations.rule(o.process, reason));
  const vText = `${verdictText(o)}${ruleCite}`;
  lines.push(`- Éligibilité (règles publiques connues) : ${vText}.`);
  const missing = o.eligibility.missing.slice(0, 2);
  if (missing.length) lines.push(`- Ce qui changerait le verdict : ${missing.map((m) => m.question).join(" ")}`);
  const processCite = cite(ctx.citations.first(pl.documents, pl.apply));
  const apply = `${stripDot(pl.apply)}${processCite}.`;
  lines.push(`- Comment faire : ${apply}`);
  const contact = entry?.contacts[0];
  if (contact) lines.push(`- Contact : ${contact.label}${contact.url ? ` (${contact.url})` : ""}${processCite}.`);
  return {
    block: lines.join("\n"),
    whyCite,
    fit: {
      process: o.process,
      name,
      measures,
      axis: axisId ?? null,
      verdict: o.eligibility.verdict,
      why: `${stripDot(why)}${cite(whyCite)}.`,
      missing: missing.map((m) => m.fact),
      verdictText: `${vText.charAt(0).toUpperCase()}${vText.slice(1)}.`,
      apply,
      contact: contact ? { label: contact.label, url: contact.url } : undefined,
    },
  };
}

/** Text and options of a project-fit answer; `refusal` replaces the lead when the project is out of the ESS scope. */
export function composeFit(features: ProjectFeatures, ranked: RankedOption[], ctx: Ctx, refusal?: string): ComposedFit {
  const built = ranked.map((o, i) => option(o, i + 1, ctx));
  const [main, ...others] = built;
  const first = `${FIRST_LINE_START} **${main!.fit.name}**${cite(main!.whyCite)} ; autres pistes : ${
    others.length ? others.map((o) => `${o.fit.name}${cite(o.whyCite)}`).join(" ; ") : "aucune dans le schéma départemental de l'ESS"
  }.`;
  const lead = refusal ?? main!.fit.why;
  const summary = describeProject(features, ctx.citations);
  const closing = refusal
    ? "L'équipe ESS du Département reste joignable si le projet évolue vers l'économie sociale et solidaire : utilisez « Parler à une personne »."
    : "Ces pistes sont indicatives : la décision revient à l'organisme qui porte chaque dispositif. Pour vérifier l'éligibilité avec les informations déjà données, utilisez « Vérifier l'éligibilité ».";
  const text = [first, lead, summary, OPTIONS_TITLE, ...built.map((b) => b.block), closing].join("\n\n");
  return { text, lead, options: built.map((b) => b.fit) };
}
