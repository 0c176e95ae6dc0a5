/**
 * The eligibility flow: a questionnaire that asks only the facts the rules still
 * need, one at a time (answers, corrections, « je ne sais pas », an interleaved
 * question), or a form; then the verdict of each process the facts concern.
 */
import { DEFAULT_PROCESS, ProcessId } from "../domain/ids.js";
import type { ReplyInput } from "../domain/reply.js";
import { ELIGIBILITY_NOTICE } from "../domain/copy.js";
import { ACTION_LABELS, PROCESS_LABELS, verdictText } from "../domain/labels.js";
import { resolveCommune } from "../eligibility/communes.js";
import { evaluate } from "../eligibility/engine.js";
import { parseAnswer } from "../eligibility/extract.js";
import { FACT_QUESTIONS, parseFacts, type FactKey, type Facts } from "../eligibility/facts.js";
import { isDontKnow, isYes, looksLikeQuestion } from "./intents.js";
import { question } from "./question.js";
import { CANCEL, type Ctx, type Deps, fresh, type QuestionStorage, safeExtract, validFacts } from "./state.js";

/** Core facts asked when the target process is not known yet, in this order. */
const CORE_FACTS: FactKey[] = ["legalForm", "commune", "employees", "partnerStructures"];
const MAX_QUESTIONS = 8;

function targetFor(d: Pick<Deps<unknown>, "answerer">, text: string): ProcessId[] | undefined {
  // Only a confident route narrows the questionnaire: facts alone ("une SCOP de 7
  // salariés à Anduze") resemble some process's examples at ~0.4, which is no need.
  // The previous answer's route does not narrow it: every process the facts concern is checked.
  const route = text ? d.answerer.router.route(text) : null;
  const p = route && route.confidence >= 0.5 ? route.process : undefined;
  return p && p !== DEFAULT_PROCESS ? [p] : undefined;
}

/** `process`: the option a project-fit answer proposed (its button's value). */
export async function startEligibility(d: Deps<QuestionStorage>, ctx: Ctx, text: string, process?: string): Promise<ReplyInput> {
  const facts = text ? safeExtract(text) : {};
  const chosen = ProcessId.safeParse(process);
  const target = chosen.success ? [chosen.data] : (targetFor(d, text) ?? (ctx.state.lastFit ? [ctx.state.lastFit] : undefined));
  ctx.state = { ...ctx.state, mode: "eligibility", facts: { ...ctx.state.facts, ...facts }, skipped: [], asked: 0, target, pendingFact: undefined };
  return nextEligibilityStep(
    ctx,
    "D'accord, vérifions votre éligibilité. Je vous pose quelques questions, une à la fois (vous pouvez répondre « je ne sais pas » ou « annuler »).",
  );
}

export async function eligibilityAnswer(d: Deps<QuestionStorage>, ctx: Ctx, text: string): Promise<ReplyInput> {
  const s = ctx.state;
  const pending = s.pendingFact;
  if (pending && isDontKnow(text)) {
    s.skipped.push(pending);
    return nextEligibilityStep(ctx, "Pas de souci, je note que vous ne savez pas.");
  }
  let value: unknown = pending ? safeParseAnswer(pending, text) : undefined;
  if (pending === "commune" && value !== undefined && !resolveCommune(String(value))) value = undefined;
  const extracted = safeExtract(text);
  // "non, on est à Uzès" corrects another fact: its "non" is not an answer
  // (0 salariés, pas de structure…) to a pending question that is not yes/no.
  const correctsOther = pending !== undefined && !(pending in extracted) && Object.keys(extracted).length > 0;
  if (correctsOther && FACT_QUESTIONS[pending].type !== "boolean" && isYes(text) !== undefined) value = undefined;
  if (value === undefined && Object.keys(extracted).length === 0) {
    if (looksLikeQuestion(text)) {
      // An interleaved question: answer it, then resume the questionnaire.
      const answer = await question(d, ctx, text);
      const resume = pending ? FACT_QUESTIONS[pending] : undefined;
      return {
        ...answer,
        text: `${answer.text}\n\nReprenons la vérification d'éligibilité : ${resume?.question ?? ""}`.trim(),
        prompt: resume ? { field: resume.fact, question: resume.question, options: resume.options } : undefined,
      };
    }
    const q = pending ? FACT_QUESTIONS[pending] : undefined;
    return {
      type: "prompt",
      text: `Je n'ai pas compris votre réponse.${pending === "commune" ? " Je ne trouve pas cette commune." : ""} ${q?.question ?? ""}${
        q?.options
          ? ` (par exemple : ${q.options
              .slice(0, 3)
              .map((o) => o.label)
              .join(", ")})`
          : ""
      }`.trim(),
      prompt: q ? { field: q.fact, question: q.question, options: q.options } : undefined,
      actions: [CANCEL],
    };
  }
  // Corrections ("non, on est à Uzès") override earlier facts.
  const before: Record<string, unknown> = { ...s.facts };
  s.facts = { ...s.facts, ...extracted, ...(value !== undefined && pending ? { [pending]: value } : {}) };
  const changed = Object.entries(extracted).filter(([k, v]) => k !== pending && before[k] !== undefined && before[k] !== v);
  return nextEligibilityStep(ctx, changed.length ? "C'est corrigé." : undefined);
}

function nextEligibilityStep(ctx: Ctx, lead?: string): ReplyInput {
  const s = ctx.state;
  const valid = validFacts(s.facts);
  s.facts = valid;
  const results = evaluate(valid as Facts, s.target ? { processes: s.target } : {});
  const wanted: FactKey[] = [];
  if (!s.target) for (const f of CORE_FACTS) if (valid[f] === undefined) wanted.push(f);
  for (const r of results) for (const m of r.missing) if (!wanted.includes(m.fact as FactKey)) wanted.push(m.fact as FactKey);
  const next = wanted.find((f) => !s.skipped.includes(f) && valid[f] === undefined);
  if (next && s.asked < MAX_QUESTIONS) {
    // Asking the same question again (after a correction) does not use up the budget.
    if (next !== s.pendingFact) s.asked++;
    s.pendingFact = next;
    const q = FACT_QUESTIONS[next];
    return {
      type: "prompt",
      text: [lead, q.question].filter(Boolean).join("\n\n"),
      prompt: { field: q.fact, question: q.question, options: q.options },
      actions: [CANCEL],
    };
  }
  const final = evaluate(valid as Facts, s.target ? { processes: s.target } : {});
  ctx.state = {
    ...fresh(),
    facts: valid,
    lastQuestion: s.lastQuestion,
    lastInteractionId: s.lastInteractionId,
    lastRoute: s.lastRoute,
    lastSources: s.lastSources,
  };
  return eligibilityReply(final, lead, valid);
}

export async function eligibilityForm(_d: Deps<unknown>, ctx: Ctx, values: Record<string, unknown>): Promise<ReplyInput> {
  const res = parseFacts(coerceFacts(values));
  if (!res.ok)
    return {
      type: "error",
      text: `Certaines informations ne sont pas valides :\n${res.errors.map((e) => `- ${e}`).join("\n")}`,
      actions: [{ id: "eligibility", label: "Corriger le formulaire" }],
    };
  // The form completes what the conversation already knows (it is shown pre-filled).
  const facts = { ...validFacts(ctx.state.facts), ...res.facts } as Facts;
  ctx.state.facts = facts;
  return eligibilityReply(evaluate(facts), undefined, facts);
}

function eligibilityReply(results: ReturnType<typeof evaluate>, lead?: string, facts: Partial<Facts> = {}): ReplyInput {
  const lines: string[] = [];
  if (lead) lines.push(lead, "");
  if (results.length === 0)
    lines.push("Je n'ai pas assez d'informations pour désigner un parcours. Précisez votre forme juridique, votre commune et votre nombre de salariés.");
  else lines.push("Voici ce que disent les règles publiques connues :");
  for (const r of results) {
    lines.push(`- **${PROCESS_LABELS[r.process]}** : ${verdictText(r.verdict)}`);
    const failed = r.reasons.filter((x) => x.met === false);
    for (const x of (failed.length ? failed : r.reasons).slice(0, 2)) lines.push(`  ${x.text}`);
    if (r.missing.length) lines.push(`  À préciser : ${r.missing.map((m) => m.question).join(" ")}`);
    if (r.verdict === "to-check" && r.checker) lines.push(`  Qui vérifie : ${r.checker}.`);
  }
  lines.push("", ELIGIBILITY_NOTICE);
  return {
    type: "eligibility",
    text: lines.join("\n"),
    eligibility: results,
    facts,
    actions: [
      { id: "handoff", label: ACTION_LABELS.handoff },
      { id: "friction", label: ACTION_LABELS.friction },
    ],
  };
}

/** Form values arrive as strings from Slack / Teams inputs: coerce by fact type. */
function coerceFacts(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "") continue;
    const q = FACT_QUESTIONS[k as FactKey];
    if (!q || typeof v !== "string") {
      out[k] = v;
      continue;
    }
    if (q.type === "integer" || q.type === "number") out[k] = /^\s*-?\d+([.,]\d+)?\s*$/.test(v) ? Number(v.replace(",", ".")) : v;
    else if (q.type === "boolean") out[k] = v === "true" ? true : v === "false" ? false : v;
    else out[k] = v;
  }
  return out;
}

function safeParseAnswer(fact: FactKey, text: string): unknown {
  try {
    return parseAnswer(fact, text);
  } catch {
    return undefined;
  }
}
