/**
 * The friction flow (« signaler une difficulté »): the report's fields asked one
 * at a time (or a form), a confirmation, then one record stored through the
 * shared validation and preparation (src/domain/friction.ts, src/report/friction.ts).
 */
import { PROCESS_IDS, ProcessId } from "../domain/ids.js";
import type { ReplyInput } from "../domain/reply.js";
import { BLOCKERS, DESCRIPTION_MAX, FRICTION_FIELD_ORDER, FrictionInput, JOURNEY_STEPS, validateFriction, type FrictionField } from "../domain/friction.js";
import { BLOCKER_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS } from "../domain/labels.js";
import { resolveCommune } from "../eligibility/communes.js";
import { scrub } from "../privacy/scrub.js";
import { prepareFriction } from "../report/friction.js";
import type { FrictionStore } from "../storage/types.js";
import { isYes, looksLikeQuestion } from "./intents.js";
import { question } from "./question.js";
import { afterFlow, CANCEL, type ConversationState, type Ctx, type Deps, type QuestionStorage, START_ACTIONS, safeExtract } from "./state.js";
import { foldUncached } from "../core/text.js";

export async function startFriction(_d: Deps<unknown>, ctx: Ctx, text: string): Promise<ReplyInput> {
  const friction: ConversationState["friction"] = {};
  if (ctx.state.lastRoute) friction.process = ctx.state.lastRoute;
  const rest = text.replace(/^.*?(difficult[ée]s?|probl[èe]mes?|blocages?|soucis?)\s*[:,.-]?\s*/i, "").trim();
  if (rest.split(/\s+/).length >= 5) friction.description = scrub(rest).slice(0, DESCRIPTION_MAX);
  const commune = safeExtract(text).commune;
  if (commune) friction.commune = commune;
  ctx.state = { ...ctx.state, mode: "friction", friction, pendingField: undefined };
  return nextFrictionStep(ctx, "Merci de nous aider à améliorer l'accompagnement. Je vous pose quelques questions, une à la fois (« annuler » pour arrêter).");
}

function nextFrictionStep(ctx: Ctx, lead?: string): ReplyInput {
  const s = ctx.state;
  const next = FRICTION_FIELD_ORDER.find((f) => s.friction[f] === undefined);
  if (next) {
    s.pendingField = next;
    const q = FRICTION_QUESTIONS[next];
    return {
      type: "prompt",
      text: [lead, q.question].filter(Boolean).join("\n\n"),
      prompt: { field: next, question: q.question, options: q.options },
      actions: [CANCEL],
    };
  }
  const parsed = FrictionInput.safeParse(s.friction);
  if (!parsed.success) {
    s.friction = {};
    return nextFrictionStep(ctx, "Certaines réponses n'étaient pas valides, reprenons.");
  }
  s.mode = "friction-confirm";
  s.pendingField = undefined;
  const f = parsed.data;
  return {
    type: "prompt",
    text: [
      "Voici le signalement que je vais transmettre à l'équipe ESS :",
      `- Étape : ${STEP_LABELS[f.step]}`,
      `- Difficulté : ${BLOCKER_LABELS[f.blocker]}`,
      `- Parcours : ${PROCESS_LABELS[f.process]}`,
      `- Commune : ${f.commune}`,
      `- Gravité : ${SEVERITY_LABELS[f.severity]}`,
      `- Recontact accepté : ${f.contactOk ? "oui" : "non"}`,
      `- Description : ${f.description}`,
      "",
      "Confirmez-vous l'envoi ? (oui / non)",
    ].join("\n"),
    prompt: {
      field: "confirm",
      question: "Confirmez-vous l'envoi ?",
      options: [
        { value: "oui", label: "Oui, envoyer" },
        { value: "non", label: "Non, annuler" },
      ],
    },
    actions: [{ id: "confirm", label: "Envoyer le signalement" }, CANCEL],
  };
}

export async function frictionAnswer(d: Deps<QuestionStorage & FrictionStore>, ctx: Ctx, text: string): Promise<ReplyInput> {
  const s = ctx.state;
  if (s.mode === "friction-confirm") {
    const yes = isYes(text);
    if (yes === undefined)
      return {
        type: "prompt",
        text: "Répondez « oui » pour envoyer le signalement ou « non » pour l'annuler.",
        actions: [{ id: "confirm", label: "Envoyer le signalement" }, CANCEL],
      };
    if (!yes) {
      ctx.state = afterFlow(s);
      return { type: "info", text: "D'accord, le signalement n'a pas été envoyé.", actions: START_ACTIONS };
    }
    return saveFriction(d, ctx, s.friction);
  }
  const field = s.pendingField;
  if (!field) return nextFrictionStep(ctx);
  const value = parseFrictionAnswer(field, text);
  if (value === undefined) {
    if (looksLikeQuestion(text) && field !== "description") {
      const answer = await question(d, ctx, text);
      const q = FRICTION_QUESTIONS[field];
      return {
        ...answer,
        text: `${answer.text}\n\nReprenons votre signalement : ${q.question}`,
        prompt: { field, question: q.question, options: q.options },
      };
    }
    const q = FRICTION_QUESTIONS[field];
    return { type: "prompt", text: `Je n'ai pas compris. ${q.question}`, prompt: { field, question: q.question, options: q.options }, actions: [CANCEL] };
  }
  s.friction[field] = value;
  return nextFrictionStep(ctx);
}

export async function frictionForm(d: Deps<QuestionStorage & FrictionStore>, ctx: Ctx, values: Record<string, unknown>): Promise<ReplyInput> {
  const coerced: Record<string, unknown> = { ...values };
  if (typeof coerced.severity === "string") coerced.severity = Number(coerced.severity);
  if (typeof coerced.contactOk === "string") coerced.contactOk = isYes(coerced.contactOk) ?? coerced.contactOk === "true";
  if (typeof coerced.description === "string") coerced.description = scrub(coerced.description);
  const checked = validateFriction(coerced);
  if (!checked.ok)
    return {
      type: "error",
      text: `Le signalement n'est pas complet :\n${checked.errors.map((e) => `- ${e}`).join("\n")}`,
      actions: [{ id: "friction", label: "Corriger le signalement" }],
    };
  return saveFriction(d, ctx, checked.value);
}

async function saveFriction(d: Deps<QuestionStorage & FrictionStore>, ctx: Ctx, raw: Partial<Record<FrictionField, unknown>>): Promise<ReplyInput> {
  const parsed = FrictionInput.safeParse(raw);
  if (!parsed.success) return { type: "error", text: "Le signalement n'est pas complet : reprenons avec « signaler une difficulté »." };
  const f = parsed.data;
  const id = await d.storage.recordFriction(await prepareFriction(f, { userHash: ctx.user, channel: ctx.turn.channel }));
  const s = ctx.state;
  ctx.state = afterFlow(s);
  return {
    type: "friction",
    text: `Merci, votre signalement est enregistré (référence ${id.slice(0, 8)}). L'équipe ESS du Département s'en servira pour améliorer les parcours d'accompagnement.${f.contactOk ? " Elle pourra vous recontacter." : ""}`,
    actions: START_ACTIONS,
  };
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const FRICTION_QUESTIONS: Record<FrictionField, { question: string; options?: { value: string; label: string }[] }> = {
  step: {
    question: "À quelle étape de votre démarche la difficulté est-elle survenue ?",
    options: JOURNEY_STEPS.map((v) => ({ value: v, label: STEP_LABELS[v] })),
  },
  blocker: { question: "Quelle est la nature de la difficulté ?", options: BLOCKERS.map((v) => ({ value: v, label: BLOCKER_LABELS[v] })) },
  process: { question: "Quel dispositif ou interlocuteur cela concerne-t-il ?", options: PROCESS_IDS.map((v) => ({ value: v, label: PROCESS_LABELS[v] })) },
  commune: { question: "Dans quelle commune se situe votre projet ?" },
  description: { question: "Décrivez la difficulté en quelques phrases (sans données personnelles : pas de téléphone ni d'adresse)." },
  severity: { question: "Quelle est sa gravité : 1 (gênant), 2 (sérieux) ou 3 (bloquant) ?", options: options(SEVERITY_LABELS as Record<string, string>) },
  contactOk: {
    question: "Acceptez-vous que l'équipe ESS vous recontacte à ce sujet ? (oui / non)",
    options: [
      { value: "oui", label: "Oui" },
      { value: "non", label: "Non" },
    ],
  },
};

function matchOption(text: string, opts: { value: string; label: string }[]): string | undefined {
  const f = foldUncached(text.trim());
  const n = /^\d+$/.test(f) ? Number(f) : NaN;
  if (!Number.isNaN(n) && n >= 1 && n <= opts.length) return opts[n - 1]!.value;
  const fold = foldUncached;
  return (
    opts.find((o) => o.value === f)?.value ??
    opts.find((o) => fold(o.label) === f)?.value ??
    opts.find((o) => f.length >= 4 && (fold(o.label).includes(f) || f.includes(fold(o.label))))?.value ??
    opts.find(
      (o) =>
        f.length >= 4 &&
        fold(o.label)
          .split(/\W+/)
          .some((w) => w.length >= 5 && f.includes(w)),
    )?.value
  );
}

function parseFrictionAnswer(field: FrictionField, text: string): unknown {
  const t = text.trim();
  if (!t) return undefined;
  switch (field) {
    case "step":
    case "blocker":
      return matchOption(t, FRICTION_QUESTIONS[field].options!);
    case "process": {
      const direct = ProcessId.safeParse(t);
      return direct.success ? direct.data : matchOption(t, FRICTION_QUESTIONS.process.options!);
    }
    case "commune": {
      const c = resolveCommune(t);
      return c ? c.name : undefined;
    }
    case "description":
      return t.length > DESCRIPTION_MAX ? scrub(t).slice(0, DESCRIPTION_MAX) : scrub(t);
    case "severity": {
      const m = /\b([123])\b/.exec(t);
      if (m) return Number(m[1]);
      const f = t.toLowerCase();
      if (/bloquant|grave|tres/.test(f)) return 3;
      if (/serieux|sérieux|moyen/.test(f)) return 2;
      if (/genant|gênant|faible|leger|léger/.test(f)) return 1;
      return undefined;
    }
    case "contactOk":
      return isYes(t);
  }
}
