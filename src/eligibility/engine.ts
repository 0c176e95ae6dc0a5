/**
 * The eligibility engine: applies the rule files (knowledge/regles) to a set of
 * facts with three-valued logic (true / false / unknown).
 *
 * Verdicts (support-processes.md):
 * - ineligible: a deciding condition is known to fail (even if other facts are missing);
 * - incomplete: otherwise, a needed fact is missing (`missing` lists it with its question);
 * - to-check: otherwise, a condition is not decided by the public rules, or the
 *   process always needs a person's confirmation (`checker` says who);
 * - eligible: every condition is met.
 * Every evaluated condition gives a French reason, met or not, with its source.
 */
import type { ProcessId } from "../domain/ids.js";
import { PROCESS_IDS } from "../domain/ids.js";
import type { EligibilityResult } from "../domain/reply.js";
import { verdictText } from "../domain/labels.js";
import { resolveCommune, type CommuneInfo } from "./communes.js";
import { FACT_QUESTIONS, LEGAL_FORM_LABELS, PROJECT_STAGE_LABELS, type FactKey, type Facts, type LegalForm, type ProjectStage } from "./facts.js";
import { conditionTest, exprFacts, getRules, type Condition, type Expr, type LoadedRule } from "./rules.js";

export const DEFAULT_CHECKER = "l'équipe ESS du Département du Gard";

interface Ctx {
  facts: Facts;
  /** undefined: no commune given; null: given but not resolved. */
  commune: CommuneInfo | null | undefined;
}

interface TV {
  v: boolean | undefined;
  missing: FactKey[];
  assumed: boolean;
}

const T = (assumed = false): TV => ({ v: true, missing: [], assumed });
const F: TV = { v: false, missing: [], assumed: false };

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "gt":
      return (a as number) > (b as number);
    case "gte":
      return (a as number) >= (b as number);
    case "lt":
      return (a as number) < (b as number);
    case "lte":
      return (a as number) <= (b as number);
  }
  return false;
}

function evalExpr(e: Expr, ctx: Ctx): TV {
  if ("fact" in e) {
    const value = ctx.facts[e.fact];
    if (value === undefined) {
      if (e.ifMissing !== undefined) return e.ifMissing ? T(true) : F;
      return { v: undefined, missing: [e.fact], assumed: false };
    }
    let ok: boolean;
    if (e.in) ok = e.in.includes(value as never);
    else if (e.notIn) ok = !e.notIn.includes(value as never);
    else ok = compare(e.op!, value, e.value);
    return ok ? T() : F;
  }
  if ("scope" in e || "departement" in e || "communeQpv" in e) {
    const c = ctx.commune;
    if (!c) return { v: undefined, missing: ["commune"], assumed: false };
    let ok: boolean;
    if ("scope" in e) ok = e.scope === "gard" ? c.inGard : c.inOccitanie;
    else if ("departement" in e) ok = e.departement.includes(c.departement);
    else ok = e.communeQpv.includes(c.qpv);
    return ok ? T() : F;
  }
  if ("all" in e) {
    let firstUnknown: TV | undefined;
    let assumed = false;
    for (const x of e.all) {
      const r = evalExpr(x, ctx);
      if (r.v === false) return F;
      if (r.v === undefined) firstUnknown ??= r;
      else assumed ||= r.assumed;
    }
    return firstUnknown ? { v: undefined, missing: firstUnknown.missing, assumed: false } : T(assumed);
  }
  if ("any" in e) {
    const missing: FactKey[] = [];
    let unknown = false;
    for (const x of e.any) {
      const r = evalExpr(x, ctx);
      if (r.v === true) return r;
      if (r.v === undefined) {
        unknown = true;
        for (const m of r.missing) if (!missing.includes(m)) missing.push(m);
      }
    }
    return unknown ? { v: undefined, missing, assumed: false } : F;
  }
  const r = evalExpr(e.not, ctx);
  return r.v === undefined ? r : r.v ? F : T(r.assumed);
}

type Outcome = "met" | "assumed" | "ineligible" | "to-check" | "missing" | "note-no" | "note-unknown";

interface CondResult {
  condition: Condition;
  outcome: Outcome;
  missing: FactKey[];
}

function evalCondition(c: Condition, ctx: Ctx): CondResult {
  const test = evalExpr(conditionTest(c), ctx);
  if (c.toCheckIf) {
    const chk = evalExpr(c.toCheckIf, ctx);
    if (chk.v === true && test.v !== true) return { condition: c, outcome: "to-check", missing: [] };
    if (chk.v === undefined && test.v !== true) {
      const missing = [...chk.missing];
      for (const m of test.missing) if (!missing.includes(m)) missing.push(m);
      return { condition: c, outcome: c.onFail === "note" ? "note-unknown" : "missing", missing };
    }
  }
  if (test.v === true) return { condition: c, outcome: test.assumed ? "assumed" : "met", missing: [] };
  if (test.v === undefined) return { condition: c, outcome: c.onFail === "note" ? "note-unknown" : "missing", missing: test.missing };
  if (c.onFail === "note") return { condition: c, outcome: "note-no", missing: [] };
  return { condition: c, outcome: c.onFail, missing: [] };
}

const NUMBER_FR = new Intl.NumberFormat("fr-FR");

function showValue(fact: FactKey, value: unknown): string {
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (fact === "legalForm") return LEGAL_FORM_LABELS[value as LegalForm] ?? String(value);
  if (fact === "projectStage") return (PROJECT_STAGE_LABELS[value as ProjectStage] ?? String(value)).toLowerCase();
  if (fact === "projectCost" && typeof value === "number") return `${NUMBER_FR.format(value)} €`;
  if (typeof value === "number") return NUMBER_FR.format(value);
  return String(value);
}

/** "(forme juridique : Association (loi 1901) ; nombre de salariés : 3)" for the facts a condition reads. */
function detail(c: Condition, ctx: Ctx): string {
  const used = exprFacts(conditionTest(c));
  if (c.toCheckIf) exprFacts(c.toCheckIf, used);
  const parts: string[] = [];
  for (const f of used) {
    if (f === "commune") {
      if (ctx.commune) {
        const alt = ctx.commune.alternatives.slice(0, 3).map((a) => `${a.name} (${a.departementName})`);
        parts.push(`commune : ${ctx.commune.name} (${ctx.commune.departementName})` + (alt.length ? `, à ne pas confondre avec ${alt.join(", ")}` : ""));
      }
      continue;
    }
    const v = ctx.facts[f];
    if (v !== undefined) parts.push(`${FACT_QUESTIONS[f].label} : ${showValue(f, v)}`);
  }
  return parts.length ? ` (${parts.join(" ; ")})` : "";
}

function stripDot(s: string): string {
  return s.trim().replace(/[.\s]+$/, "");
}

function reasonText(r: CondResult, rule: LoadedRule, ctx: Ctx): string {
  const c = r.condition;
  const d = detail(c, ctx);
  switch (r.outcome) {
    case "met":
      return c.ifMet ? `${stripDot(c.ifMet)}${d}.` : `Condition remplie : ${stripDot(c.label)}${d}.`;
    case "assumed":
      return `Condition présumée remplie : ${stripDot(c.label)} (information non fournie). ${c.explanation}`;
    case "ineligible":
      return c.ifNotMet ? `${stripDot(c.ifNotMet)}${d}.` : `Condition non remplie : ${stripDot(c.label)}${d}. ${c.explanation}`;
    case "to-check":
      return `À vérifier : ${stripDot(c.label)}${d}. ${c.explanation} Vérification : ${c.checker ?? rule.checker}.`;
    case "missing":
      return `Information manquante : ${stripDot(c.label)} — ${r.missing.map((m) => FACT_QUESTIONS[m].question).join(" ")}`;
    case "note-no":
      return c.ifNotMet ? `À savoir : ${stripDot(c.ifNotMet)}${d}.` : `À savoir : ${stripDot(c.label)} — non${d}.`;
    case "note-unknown":
      return "";
  }
}

function resolveCtxCommune(facts: Facts): CommuneInfo | null | undefined {
  if (facts.commune === undefined) return undefined;
  return resolveCommune(facts.commune);
}

/** Evaluate one process's rules against the facts. */
export function evaluateRule(rule: LoadedRule, facts: Facts, commune = resolveCtxCommune(facts)): EligibilityResult {
  const ctx: Ctx = { facts, commune };
  const results = rule.conditions.map((c) => evalCondition(c, ctx));
  const reasons: EligibilityResult["reasons"] = [];
  for (const r of results) {
    if (r.outcome === "note-unknown") continue;
    const met = r.outcome === "met" ? true : r.outcome === "ineligible" || r.outcome === "note-no" ? false : null;
    reasons.push({ condition: r.condition.id, text: reasonText(r, rule, ctx), met, source: r.condition.source });
  }
  if (ctx.commune === null && facts.commune !== undefined && results.some((r) => r.missing.includes("commune"))) {
    reasons.push({
      condition: "commune-inconnue",
      text: `La commune « ${facts.commune} » n'a pas été reconnue : indiquez son nom exact ou son code INSEE.`,
      met: null,
      source: "https://www.insee.fr/fr/information/2560452",
    });
  }

  if (results.some((r) => r.outcome === "ineligible")) {
    return { process: rule.process, verdict: "ineligible", reasons, missing: [] };
  }
  const missingFacts: FactKey[] = [];
  for (const r of results) {
    if (r.outcome !== "missing") continue;
    for (const m of r.missing) if (!missingFacts.includes(m)) missingFacts.push(m);
  }
  if (missingFacts.length) {
    return {
      process: rule.process,
      verdict: "incomplete",
      reasons,
      missing: missingFacts.map((fact) => ({ fact, question: FACT_QUESTIONS[fact].question })),
    };
  }
  const checkers: string[] = [];
  for (const r of results) {
    if (r.outcome !== "to-check") continue;
    const who = r.condition.checker ?? rule.checker;
    if (!checkers.includes(who)) checkers.push(who);
  }
  if (rule.finalCheck) {
    reasons.push({
      condition: "verification-finale",
      text: `Décision finale par une personne : ${rule.finalCheck.text}`,
      met: null,
      source: rule.finalCheck.source,
    });
    const who = rule.finalCheck.checker ?? rule.checker;
    if (!checkers.includes(who)) checkers.push(who);
  }
  if (checkers.length) {
    return { process: rule.process, verdict: "to-check", reasons, missing: [], checker: checkers.join(" ; ") };
  }
  return { process: rule.process, verdict: "eligible", reasons, missing: [] };
}

function isConcerned(rule: LoadedRule, facts: Facts): boolean {
  for (const f of rule.concernFacts) if (facts[f] !== undefined) return true;
  return false;
}

/** Processes whose rules the given facts concern (see `concernedBy` in the rule files). */
export function concernedProcesses(facts: Facts): ProcessId[] {
  const rules = getRules();
  return PROCESS_IDS.filter((p) => {
    const r = rules.get(p);
    return r !== undefined && isConcerned(r, facts);
  });
}

export interface EvaluateOptions {
  /** Evaluate exactly these processes (in this order), concerned or not. */
  processes?: readonly ProcessId[];
}

/**
 * Evaluate the eligibility of the facts for every concerned process, or for the
 * given processes. Facts should come from `parseFacts` (validated).
 */
export function evaluate(facts: Facts, opts: EvaluateOptions = {}): EligibilityResult[] {
  const rules = getRules();
  const processes = opts.processes ?? concernedProcesses(facts);
  const commune = resolveCtxCommune(facts);
  return processes.map((p) => {
    const rule = rules.get(p);
    if (rule) return evaluateRule(rule, facts, commune);
    return {
      process: p,
      verdict: "to-check" as const,
      reasons: [
        {
          condition: "aucune-regle",
          text: "Aucune condition d'éligibilité publique n'est connue pour ce parcours : une personne doit examiner la demande.",
          met: null,
          source: "knowledge/regles",
        },
      ],
      missing: [],
      checker: DEFAULT_CHECKER,
    };
  });
}

/** Human name of a process from its rule file. */
export function processName(p: ProcessId): string {
  return getRules().get(p)?.name ?? p;
}

/** Plain French summary of results (terminal, logs, simple channels). */
export function formatResults(results: EligibilityResult[]): string {
  if (!results.length) {
    return "Aucun parcours n'est concerné par ces informations. Précisez par exemple votre forme juridique, votre nombre de salariés ou le nombre de structures partenaires.";
  }
  const out: string[] = [];
  for (const r of results) {
    out.push(`**${processName(r.process)}** : ${verdictText(r.verdict)}`);
    for (const reason of r.reasons) out.push(`- ${reason.text}`);
    if (r.verdict === "to-check" && r.checker) out.push(`- Qui vérifie : ${r.checker}.`);
    if (r.missing.length) {
      out.push("- Pour conclure, il nous faut savoir :");
      for (const m of r.missing) out.push(`  - ${m.question}`);
    }
    out.push("");
  }
  return out.join("\n").trim();
}
