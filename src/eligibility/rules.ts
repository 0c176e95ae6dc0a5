/**
 * Eligibility rules as data: knowledge/regles/<process-id>.yaml, one file per
 * support process, written in a small declarative condition language validated
 * here with zod (facts and enum values are checked against the facts
 * vocabulary, so a typo in a rule file is an error at load time, not a silent
 * "ineligible").
 *
 * Condition language (see the header of any rule file for the French version):
 *   test expression =
 *     { fact: employees, op: gte, value: 1 }          comparison (eq ne gt gte lt lte)
 *     { fact: legalForm, in: [association, scop] }    membership (or notIn)
 *     { fact: socialUtilityPurpose, op: ne, value: false, ifMissing: true }
 *                                                     value assumed when the fact is missing
 *     { scope: gard } | { scope: occitanie }          where the project takes place (fact commune)
 *     { departement: ["30", "48"] }                   commune in one of these départements
 *     { communeQpv: [yes, unconfirmed] }              QPV status of the commune (facts dossier §6.4)
 *     { all: [ … ] } | { any: [ … ] } | { not: … }    groups (three-valued: true / false / unknown)
 *   condition = { id, label, explanation, source, test | scope, onFail, toCheckIf?, checker?, ifMet?, ifNotMet? }
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { PROCESS_IDS, ProcessId } from "../domain/ids.js";
import { currentKnowledgePaths, knowledgePaths } from "../core/paths.js";
import { FACT_KEYS, FACT_QUESTIONS, Facts, type FactKey } from "./facts.js";
import { RelaisError } from "../core/errors.js";

export const ScopeName = z.enum(["gard", "occitanie"]);
export type ScopeName = z.infer<typeof ScopeName>;
export const CompareOp = z.enum(["eq", "ne", "gt", "gte", "lt", "lte"]);
export type CompareOp = z.infer<typeof CompareOp>;

const FactKeyZ = z.enum(FACT_KEYS as [FactKey, ...FactKey[]]);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export type Expr =
  | {
      fact: FactKey;
      op?: CompareOp;
      value?: string | number | boolean;
      in?: (string | number | boolean)[];
      notIn?: (string | number | boolean)[];
      ifMissing?: boolean;
    }
  | { scope: ScopeName }
  | { departement: string[] }
  | { communeQpv: ("yes" | "unconfirmed" | "no")[] }
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr };

const FactTest = z
  .object({
    fact: FactKeyZ,
    op: CompareOp.optional(),
    value: Scalar.optional(),
    in: z.array(Scalar).min(1).optional(),
    notIn: z.array(Scalar).min(1).optional(),
    ifMissing: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const forms = [t.op !== undefined || t.value !== undefined, t.in !== undefined, t.notIn !== undefined].filter(Boolean);
    if (forms.length !== 1) {
      ctx.addIssue({ code: "custom", message: `fact ${t.fact}: use exactly one of "op + value", "in" or "notIn"` });
      return;
    }
    if ((t.op === undefined) !== (t.value === undefined)) {
      ctx.addIssue({ code: "custom", message: `fact ${t.fact}: "op" and "value" go together` });
    }
    const schema = Facts.shape[t.fact];
    for (const v of [t.value, ...(t.in ?? []), ...(t.notIn ?? [])]) {
      if (v === undefined) continue;
      if (!schema.safeParse(v).success) {
        ctx.addIssue({ code: "custom", message: `fact ${t.fact}: value ${JSON.stringify(v)} is not valid for this fact` });
      }
    }
    if (t.ifMissing !== undefined && t.fact === "commune") {
      ctx.addIssue({ code: "custom", message: "ifMissing is not allowed on commune" });
    }
    const type = FACT_QUESTIONS[t.fact].type;
    if (t.op && ["gt", "gte", "lt", "lte"].includes(t.op) && type !== "integer" && type !== "number") {
      ctx.addIssue({ code: "custom", message: `fact ${t.fact}: ${t.op} needs a numeric fact` });
    }
  });

const EXPR_KINDS: [string, () => z.ZodType][] = [
  ["fact", () => FactTest],
  ["scope", () => z.object({ scope: ScopeName }).strict()],
  ["departement", () => z.object({ departement: z.array(z.string().regex(/^(\d{2,3}|2A|2B)$/)).min(1) }).strict()],
  ["communeQpv", () => z.object({ communeQpv: z.array(z.enum(["yes", "unconfirmed", "no"])).min(1) }).strict()],
  ["all", () => z.object({ all: z.array(Expr).min(1) }).strict()],
  ["any", () => z.object({ any: z.array(Expr).min(1) }).strict()],
  ["not", () => z.object({ not: Expr }).strict()],
];

/**
 * An expression, dispatched on its first key so that errors name the real
 * problem ("unknown fact salaries") instead of a bare "Invalid input".
 */
export const Expr: z.ZodType<Expr> = z.lazy(() =>
  z.unknown().transform((value, ctx) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: "an expression must be a mapping such as { fact: employees, op: gte, value: 1 }" });
      return z.NEVER;
    }
    const kind = EXPR_KINDS.find(([key]) => key in value);
    if (!kind) {
      ctx.addIssue({
        code: "custom",
        message: `unknown expression ${JSON.stringify(value)}: expected one of ${EXPR_KINDS.map(([k]) => k).join(", ")}`,
      });
      return z.NEVER;
    }
    const r = kind[1]().safeParse(value);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
        ctx.addIssue({ code: "custom", message: `${where}${issue.message}` });
      }
      return z.NEVER;
    }
    return r.data as Expr;
  }),
) as unknown as z.ZodType<Expr>;

export const OnFail = z.enum(["ineligible", "to-check", "note"]);
export type OnFail = z.infer<typeof OnFail>;

export const Condition = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "condition ids are kebab-case"),
    /** What must be true, in plain French ("Au moins 3 structures participent"). */
    label: z.string().min(3),
    /** Why, in plain French; shown when the condition fails or must be checked. */
    explanation: z.string().min(3),
    /** Public source (URL) of the condition. */
    source: z.string().url(),
    test: Expr.optional(),
    /** Shorthand for test: { scope: … }. */
    scope: ScopeName.optional(),
    /** What a false test means: ineligible (default), to-check (a person decides), note (information only). */
    onFail: OnFail.default("ineligible"),
    /** When this is true, the condition is not decided by public rules: to-check. */
    toCheckIf: Expr.optional(),
    /** Who checks (plain French); defaults to the process checker. */
    checker: z.string().optional(),
    /** Optional French texts replacing the default wording. */
    ifMet: z.string().optional(),
    ifNotMet: z.string().optional(),
  })
  .strict()
  .refine((c) => (c.test === undefined) !== (c.scope === undefined), {
    message: "a condition needs exactly one of test or scope",
  });
export type Condition = z.infer<typeof Condition>;

export const RuleFile = z
  .object({
    process: ProcessId,
    /** Human name of the process (French). */
    name: z.string().min(3),
    /** Who checks what the public rules do not decide (plain French). */
    checker: z.string().min(3),
    /** Facts whose presence makes this process worth evaluating; default: every fact its conditions use except commune. */
    concernedBy: z.array(FactKeyZ).optional(),
    /** A person must confirm even when every condition is met: the best verdict is then to-check. */
    finalCheck: z
      .object({ text: z.string().min(3), source: z.string().url(), checker: z.string().optional() })
      .strict()
      .optional(),
    conditions: z.array(Condition),
  })
  .strict()
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    for (const c of r.conditions) {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", message: `duplicate condition id ${c.id}` });
      ids.add(c.id);
    }
  });
export type RuleFile = z.infer<typeof RuleFile>;

export interface LoadedRule extends RuleFile {
  file: string;
  /** Facts that make the process concerned (see concernedBy). */
  concernFacts: Set<FactKey>;
}

/** Facts an expression reads (commune for geographic tests). */
export function exprFacts(e: Expr, out: Set<FactKey> = new Set()): Set<FactKey> {
  if ("fact" in e) out.add(e.fact);
  else if ("scope" in e || "departement" in e || "communeQpv" in e) out.add("commune");
  else if ("all" in e) e.all.forEach((x) => exprFacts(x, out));
  else if ("any" in e) e.any.forEach((x) => exprFacts(x, out));
  else if ("not" in e) exprFacts(e.not, out);
  return out;
}

export function conditionTest(c: Condition): Expr {
  return c.test ?? { scope: c.scope! };
}

export const DEFAULT_RULES_DIR = knowledgePaths().rules;

export class RulesError extends RelaisError {
  readonly code = "knowledge.rules";
}

/** Load and validate every rule file of a folder (throws RulesError with every problem found). */
export function loadRulesFrom(dir: string): Map<ProcessId, LoadedRule> {
  const rules = new Map<ProcessId, LoadedRule>();
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
      .sort();
  } catch (e) {
    throw new RulesError(`cannot read rules folder ${dir}: ${(e as Error).message}`);
  }
  for (const f of files) {
    const path = join(dir, f);
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, "utf8"));
    } catch (e) {
      problems.push(`${f}: invalid YAML: ${(e as Error).message}`);
      continue;
    }
    const r = RuleFile.safeParse(data);
    if (!r.success) {
      problems.push(...r.error.issues.map((i) => `${f}: ${i.path.join(".") || "(root)"}: ${i.message}`));
      continue;
    }
    const base = f.replace(/\.ya?ml$/, "");
    if (base !== r.data.process) problems.push(`${f}: file name must be ${r.data.process}.yaml`);
    if (rules.has(r.data.process)) problems.push(`${f}: process ${r.data.process} defined twice`);
    const concern = new Set<FactKey>(r.data.concernedBy ?? []);
    if (!r.data.concernedBy) {
      for (const c of r.data.conditions) {
        if (c.onFail === "note") continue;
        exprFacts(conditionTest(c), concern);
        if (c.toCheckIf) exprFacts(c.toCheckIf, concern);
      }
      concern.delete("commune");
    }
    rules.set(r.data.process, { ...r.data, file: path, concernFacts: concern });
  }
  if (problems.length) throw new RulesError(`invalid eligibility rules:\n- ${problems.join("\n- ")}`);
  return rules;
}

let cached: Map<ProcessId, LoadedRule> | undefined;

/** The rules of the configured knowledge folder (`<KNOWLEDGE_DIR>/regles`), loaded and validated once. */
export function getRules(): Map<ProcessId, LoadedRule> {
  const dir = currentKnowledgePaths().rules;
  if (cachedDir !== dir) cached = undefined;
  cachedDir = dir;
  cached ??= loadRulesFrom(dir);
  return cached;
}
let cachedDir: string | undefined;

/** Forget the cached rules (after editing the files). */
export function reloadRules(): Map<ProcessId, LoadedRule> {
  cached = undefined;
  return getRules();
}

export { PROCESS_IDS };
