/**
 * The conversation core: a channel-agnostic `handle(turn) → reply` with state per
 * conversation (channel, conversation, thread, user) kept in the storage.
 * Intents: question, eligibility questionnaire, friction report, handoff to a
 * person, rating, help, reset, report (agents). It never throws: a failure
 * becomes a short apology with a route to a person.
 */
import { DEFAULT_PROCESS, PROCESS_IDS, ProcessId, type Audience, type Channel, type Priority } from "../core/ids.js";
import { Reply, Turn, type Action, type ReplyInput, type TurnInput } from "../core/reply.js";
import { MAX_QUESTION_CHARS, type Answerer } from "../answer/answerer.js";
import { ANSWER_ACTIONS } from "../answer/actions.js";
import { resolveCommune } from "../eligibility/communes.js";
import { evaluate } from "../eligibility/engine.js";
import { extractFacts, parseAnswer } from "../eligibility/extract.js";
import { FACT_QUESTIONS, parseFacts, type FactKey, type Facts } from "../eligibility/facts.js";
import type { ProjectFit } from "../fit/project-fit.js";
import { scrub } from "../privacy/scrub.js";
import { userHash } from "../privacy/pseudonym.js";
import { APOLOGY_ROUTE_WHY, APOLOGY_TEXT, HELP_FOLLOW_UPS, helpText } from "../domain/copy.js";
import { BLOCKERS, DESCRIPTION_MAX, FRICTION_FIELD_ORDER, FrictionInput, JOURNEY_STEPS, validateFriction, type FrictionField } from "../domain/friction.js";
import { ACTION_LABELS, BLOCKER_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS, verdictText } from "../domain/labels.js";
import { buildReport } from "../report/build.js";
import { prepareFriction } from "../report/friction.js";
import type { HandoffRecord, Storage } from "../storage/types.js";
import { HandoffFlow, type HandoffTurn } from "./handoff.js";
import { isGeneralQuestion } from "../fit/detect.js";
import { detectIntent, isDontKnow, isYes, looksLikeQuestion } from "./intents.js";
import type { Assistant, HandoffAnswer, HandoffTargets, Notifier, TurnOptions } from "./types.js";

/** Core facts asked when the target process is not known yet, in this order. */
const CORE_FACTS: FactKey[] = ["legalForm", "commune", "employees", "partnerStructures"];
const MAX_QUESTIONS = 8;

export interface ConversationState {
  mode: "idle" | "eligibility" | "friction" | "friction-confirm";
  facts: Partial<Facts>;
  skipped: FactKey[];
  pendingFact?: FactKey;
  asked: number;
  target?: ProcessId[];
  friction: Partial<Record<FrictionField, unknown>>;
  pendingField?: FrictionField;
  lastQuestion?: string;
  lastInteractionId?: string;
  lastRoute?: ProcessId;
  lastSources?: string[];
  /** What the last question was about (searched with an elliptic follow-up). */
  lastTopic?: string;
  /** The main option of the last project-fit answer: « vérifier l'éligibilité » then checks it. */
  lastFit?: ProcessId;
}

const fresh = (): ConversationState => ({ mode: "idle", facts: {}, skipped: [], asked: 0, friction: {} });
/** Back to idle after a flow (friction report, cancel), keeping what a handoff needs (question, route, sources, facts). */
const afterFlow = (s: ConversationState): ConversationState => ({
  ...fresh(),
  facts: s.facts,
  lastQuestion: s.lastQuestion,
  lastInteractionId: s.lastInteractionId,
  lastRoute: s.lastRoute,
  lastSources: s.lastSources,
});

export interface AssistantOptions {
  answerer: Answerer;
  storage: Storage;
  pseudonymSecret: string;
  handoffTargets?: HandoffTargets;
  /** Project-fit answers for messages that describe a project (src/fit). */
  fit?: ProjectFit;
  logger?: { warn: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void };
}

export function createAssistant(o: AssistantOptions): Assistant {
  return new CoreAssistant(o);
}

class CoreAssistant implements Assistant {
  private readonly notifiers = new Map<Channel, Notifier>();
  private readonly handoffs: HandoffFlow;
  constructor(private readonly o: AssistantOptions) {
    this.handoffs = new HandoffFlow({
      storage: o.storage,
      notifiers: this.notifiers,
      targets: o.handoffTargets,
      toRoute: (p, c, why) => o.answerer.router.toRoute(p, c, why),
      logger: o.logger,
    });
  }

  get storage(): Storage {
    return this.o.storage;
  }

  registerNotifier(n: Notifier): void {
    this.notifiers.set(n.channel, n);
  }

  async ask(question: string, opts: { audience?: Audience } = {}): Promise<Reply> {
    try {
      return (await this.answer(scrub(bounded(question)), opts)).reply;
    } catch (err) {
      this.o.logger?.error({ err: String(err) }, "ask failed");
      return apology();
    }
  }

  async resolveHandoff(id: string): Promise<HandoffRecord | null> {
    return this.o.storage.resolveHandoff(id);
  }

  async answerHandoff(id: string, text: string, agent: string): Promise<HandoffAnswer | null> {
    return this.handoffs.answer(id, text, agent);
  }

  async handle(input: TurnInput, opts: TurnOptions = {}): Promise<Reply> {
    const parsed = Turn.safeParse(input);
    if (!parsed.success) return finish({ type: "error", text: "Je n'ai pas pu lire ce message. Pouvez-vous le reformuler ?" });
    // Bound the text first: the scrubber and the fuzzy matchers are slow on huge inputs.
    const turn = { ...parsed.data, text: bounded(parsed.data.text) };
    try {
      const user = userHash(turn.channel, turn.userId, this.o.pseudonymSecret);
      const key = `${turn.channel}:${turn.conversationId}:${turn.threadId ?? "-"}:${user}`;
      const state = { ...fresh(), ...((await this.o.storage.getState<ConversationState>(key)) ?? {}) };
      const ctx: Ctx = { turn, user, key, state, onToken: opts.onToken };
      const reply = await this.dispatch(ctx);
      await this.o.storage.setState(key, ctx.state);
      // An agent's answer the person has not seen yet (web, terminal) comes first.
      const answers = await this.handoffs.undelivered(key);
      const text = answers.length ? `${answers.join("\n\n")}\n\n${reply.text}` : reply.text;
      return finish({ ...reply, text, audience: turn.audience });
    } catch (err) {
      this.o.logger?.error({ err: String(err), stack: (err as Error)?.stack }, "turn failed");
      return apology();
    }
  }

  private async dispatch(ctx: Ctx): Promise<ReplyInput> {
    const { turn, state } = ctx;
    if (turn.form) return turn.form.kind === "eligibility" ? this.eligibilityForm(ctx, turn.form.values) : this.frictionForm(ctx, turn.form.values);
    if (turn.action) return this.action(ctx, turn.action.id, turn.action.value, turn.action.comment);

    const text = turn.text.trim();
    const intent = detectIntent(text);
    if (intent === "reset") {
      await this.handoffs.cancel(ctx.key);
      ctx.state = fresh();
      return { type: "info", text: "C'est noté, on repart de zéro. Posez-moi votre question.", actions: START_ACTIONS };
    }
    if (intent === "help") return help(turn.audience);
    if (intent === "cancel" && (await this.handoffs.isWaiting(ctx.key))) {
      await this.handoffs.cancel(ctx.key);
      return { type: "info", text: "D'accord, je ne transmets pas de demande. Vous pouvez poser une autre question.", actions: START_ACTIONS };
    }
    if (intent !== "handoff" && (await this.handoffs.isWaiting(ctx.key))) return this.handoffs.continue(this.handoffTurn(ctx), text);
    if (state.mode !== "idle" && intent === "cancel") {
      ctx.state = afterFlow(state);
      return { type: "info", text: "D'accord, j'ai annulé. Vous pouvez poser une autre question.", actions: START_ACTIONS };
    }
    if (intent === "handoff") return this.handoffs.start(this.handoffTurn(ctx));
    if (intent === "report") return this.report(ctx);
    if (intent === "friction" && state.mode === "idle") return this.startFriction(ctx, text);
    if (intent === "eligibility" && state.mode === "idle") return this.startEligibility(ctx, text);

    if (state.mode === "eligibility") return this.eligibilityAnswer(ctx, text);
    if (state.mode === "friction" || state.mode === "friction-confirm") return this.frictionAnswer(ctx, text);
    if (!text) return help(turn.audience);
    return this.question(ctx, text);
  }

  // ---------------------------------------------------------------- questions
  private async question(ctx: Ctx, text: string): Promise<ReplyInput> {
    const t0 = performance.now();
    const clean = scrub(text);
    // "c'est gratuit ?" after "C'est quoi Gard centrale ?" is about Gard centrale.
    const searched = await this.o.answerer.contextualize(clean, ctx.state.lastTopic, ctx.turn.audience);
    const { reply, facts } = await this.answer(searched, { audience: ctx.turn.audience, priority: ctx.turn.priority, onToken: ctx.onToken });
    const latencyMs = Math.round(performance.now() - t0);
    const interactionId = await this.o.storage.recordInteraction({
      channel: ctx.turn.channel,
      audience: ctx.turn.audience,
      userHash: ctx.user,
      conversationKey: ctx.key,
      question: clean,
      answer: reply.text,
      sources: reply.sources.map((s) => s.id),
      route: reply.route?.process ?? null,
      refused: reply.refused,
      latencyMs,
    });
    if (reply.refused) await this.o.storage.recordUnanswered({ interactionId, question: clean, reason: "refused", userHash: ctx.user });
    Object.assign(ctx.state, {
      lastQuestion: clean,
      lastTopic: reply.refused && searched === clean ? ctx.state.lastTopic : searched,
      lastInteractionId: interactionId,
      lastRoute: reply.route?.process,
      lastSources: reply.sources.map((s) => s.id),
    });
    await this.handoffs.remember(ctx.key, clean, reply.sources, reply.route);
    // Facts people state about themselves ("nous sommes une asso à Uzès"), or a described project's facts,
    // are kept for an eligibility check, which then asks only what is missing.
    if (SELF.test(clean)) ctx.state.facts = { ...ctx.state.facts, ...safeExtract(clean) };
    if (facts && !isGeneralQuestion(clean)) ctx.state.facts = { ...ctx.state.facts, ...facts };
    ctx.state.lastFit = reply.fit?.[0]?.process;
    return { ...reply, interactionId, actions: withValue(reply.actions, interactionId) };
  }

  /**
   * A message that describes a project gets the project-fit answer (src/fit); any
   * other, the answerer's — and when that finds nothing, the project-fit answer on a
   * looser reading of the message, if it names a project and a need.
   */
  private async answer(
    question: string,
    opts: { audience?: Audience; priority?: Priority; onToken?: (text: string) => void },
  ): Promise<{ reply: Reply; facts?: Partial<Facts> }> {
    // A failing project fit must not cost the ordinary answer.
    const fit = (loose: boolean) =>
      this.o.fit?.reply(question, { ...opts, loose }).catch((err: unknown) => (this.o.logger?.error({ err: String(err) }, "project fit failed"), null));
    const described = await fit(false);
    if (described) return described;
    const reply = await this.o.answerer.ask(question, opts);
    return (reply.refused && (await fit(true))) || { reply };
  }

  // ---------------------------------------------------------------- buttons
  private async action(ctx: Ctx, id: Action["id"], value?: string, comment?: string): Promise<ReplyInput> {
    switch (id) {
      case "rate-up":
      case "rate-down": {
        const interactionId = value || ctx.state.lastInteractionId;
        if (!interactionId) return { type: "info", text: "Je ne retrouve pas la réponse à évaluer. Merci quand même pour votre retour." };
        const interaction = await this.o.storage.getInteraction(interactionId);
        if (!interaction) return { type: "info", text: "Je ne retrouve pas la réponse à évaluer. Merci quand même pour votre retour." };
        const down = id === "rate-down";
        const cleanComment = comment ? scrub(comment).slice(0, 2000) : undefined;
        await this.o.storage.recordRating({ interactionId, userHash: ctx.user, value: down ? "down" : "up", comment: cleanComment });
        if (down) await this.o.storage.recordUnanswered({ interactionId, question: interaction.question, reason: "rated-down", userHash: ctx.user });
        return {
          type: "info",
          text: down
            ? cleanComment
              ? "Merci, votre commentaire a bien été enregistré. Il aidera l'équipe ESS à améliorer les réponses."
              : "Merci pour votre retour. Si vous le souhaitez, dites-nous ce qui n'allait pas, ou parlez à une personne."
            : "Merci pour votre retour !",
          actions: down ? [{ id: "handoff", label: ACTION_LABELS.handoff }] : [],
        };
      }
      case "eligibility":
        return this.startEligibility(ctx, "", value);
      case "friction":
        return this.startFriction(ctx, "");
      case "handoff":
        return this.handoffs.start(this.handoffTurn(ctx), value);
      case "report":
        return this.report(ctx);
      case "help":
        return help(ctx.turn.audience);
      case "cancel":
        await this.handoffs.cancel(ctx.key);
        ctx.state = afterFlow(ctx.state);
        return { type: "info", text: "D'accord, j'ai annulé.", actions: START_ACTIONS };
      case "confirm":
        if (await this.handoffs.isWaiting(ctx.key)) return this.handoffs.continue(this.handoffTurn(ctx), value || "oui");
        if (ctx.state.mode === "friction-confirm") return this.frictionAnswer(ctx, "oui");
        if (value && ctx.state.mode === "eligibility") return this.eligibilityAnswer(ctx, value);
        if (value && ctx.state.mode === "friction") return this.frictionAnswer(ctx, value);
        return { type: "info", text: "Il n'y a rien à confirmer pour le moment." };
    }
  }

  // ---------------------------------------------------------------- eligibility
  private targetFor(text: string): ProcessId[] | undefined {
    // Only a confident route narrows the questionnaire: facts alone ("une SCOP de 7
    // salariés à Anduze") resemble some process's examples at ~0.4, which is no need.
    // The previous answer's route does not narrow it: every process the facts concern is checked.
    const route = text ? this.o.answerer.router.route(text) : null;
    const p = route && route.confidence >= 0.5 ? route.process : undefined;
    return p && p !== DEFAULT_PROCESS ? [p] : undefined;
  }

  /** `process`: the option a project-fit answer proposed (its button's value). */
  private async startEligibility(ctx: Ctx, text: string, process?: string): Promise<ReplyInput> {
    const facts = text ? safeExtract(text) : {};
    const chosen = ProcessId.safeParse(process);
    const target = chosen.success ? [chosen.data] : (this.targetFor(text) ?? (ctx.state.lastFit ? [ctx.state.lastFit] : undefined));
    ctx.state = { ...ctx.state, mode: "eligibility", facts: { ...ctx.state.facts, ...facts }, skipped: [], asked: 0, target, pendingFact: undefined };
    return this.nextEligibilityStep(
      ctx,
      "D'accord, vérifions votre éligibilité. Je vous pose quelques questions, une à la fois (vous pouvez répondre « je ne sais pas » ou « annuler »).",
    );
  }

  private async eligibilityAnswer(ctx: Ctx, text: string): Promise<ReplyInput> {
    const s = ctx.state;
    const pending = s.pendingFact;
    if (pending && isDontKnow(text)) {
      s.skipped.push(pending);
      return this.nextEligibilityStep(ctx, "Pas de souci, je note que vous ne savez pas.");
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
        const answer = await this.question(ctx, text);
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
    return this.nextEligibilityStep(ctx, changed.length ? "C'est corrigé." : undefined);
  }

  private nextEligibilityStep(ctx: Ctx, lead?: string): ReplyInput {
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

  private async eligibilityForm(ctx: Ctx, values: Record<string, unknown>): Promise<ReplyInput> {
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

  // ---------------------------------------------------------------- friction
  private async startFriction(ctx: Ctx, text: string): Promise<ReplyInput> {
    const friction: ConversationState["friction"] = {};
    if (ctx.state.lastRoute) friction.process = ctx.state.lastRoute;
    const rest = text.replace(/^.*?(difficult[ée]s?|probl[èe]mes?|blocages?|soucis?)\s*[:,.-]?\s*/i, "").trim();
    if (rest.split(/\s+/).length >= 5) friction.description = scrub(rest).slice(0, DESCRIPTION_MAX);
    const commune = safeExtract(text).commune;
    if (commune) friction.commune = commune;
    ctx.state = { ...ctx.state, mode: "friction", friction, pendingField: undefined };
    return this.nextFrictionStep(
      ctx,
      "Merci de nous aider à améliorer l'accompagnement. Je vous pose quelques questions, une à la fois (« annuler » pour arrêter).",
    );
  }

  private nextFrictionStep(ctx: Ctx, lead?: string): ReplyInput {
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
      return this.nextFrictionStep(ctx, "Certaines réponses n'étaient pas valides, reprenons.");
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

  private async frictionAnswer(ctx: Ctx, text: string): Promise<ReplyInput> {
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
      return this.saveFriction(ctx, s.friction);
    }
    const field = s.pendingField;
    if (!field) return this.nextFrictionStep(ctx);
    const value = parseFrictionAnswer(field, text);
    if (value === undefined) {
      if (looksLikeQuestion(text) && field !== "description") {
        const answer = await this.question(ctx, text);
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
    return this.nextFrictionStep(ctx);
  }

  private async frictionForm(ctx: Ctx, values: Record<string, unknown>): Promise<ReplyInput> {
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
    return this.saveFriction(ctx, checked.value);
  }

  private async saveFriction(ctx: Ctx, raw: Partial<Record<FrictionField, unknown>>): Promise<ReplyInput> {
    const parsed = FrictionInput.safeParse(raw);
    if (!parsed.success) return { type: "error", text: "Le signalement n'est pas complet : reprenons avec « signaler une difficulté »." };
    const f = parsed.data;
    const id = await this.o.storage.recordFriction(await prepareFriction(f, { userHash: ctx.user, channel: ctx.turn.channel }));
    const s = ctx.state;
    ctx.state = afterFlow(s);
    return {
      type: "friction",
      text: `Merci, votre signalement est enregistré (référence ${id.slice(0, 8)}). L'équipe ESS du Département s'en servira pour améliorer les parcours d'accompagnement.${f.contactOk ? " Elle pourra vous recontacter." : ""}`,
      actions: START_ACTIONS,
    };
  }

  // ---------------------------------------------------------------- handoff (src/conversation/handoff.ts)
  private handoffTurn(ctx: Ctx): HandoffTurn {
    const s = ctx.state;
    return { turn: ctx.turn, user: ctx.user, key: ctx.key, lastRoute: s.lastRoute, facts: validFacts(s.facts), sourceIds: s.lastSources ?? [] };
  }

  // ---------------------------------------------------------------- report
  private async report(ctx: Ctx): Promise<ReplyInput> {
    if (ctx.turn.audience !== "agent")
      return {
        type: "info",
        text: "Le rapport de suivi est réservé aux agents du Département. Je peux en revanche répondre à vos questions.",
        actions: START_ACTIONS,
      };
    const r = await buildReport(this.o.storage, { from: new Date(Date.now() - 30 * 86_400_000) });
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
}

interface Ctx {
  turn: Turn;
  user: string;
  key: string;
  state: ConversationState;
  onToken?: TurnOptions["onToken"];
}

const CANCEL: Action = { id: "cancel", label: "Annuler" };
/** A message about the person's own structure (first person). */
const SELF = /\b(je|j'|j’|nous|notre|nos|mon|ma|mes|on)\b/i;
const START_ACTIONS: Action[] = [
  { id: "eligibility", label: ACTION_LABELS.eligibility },
  { id: "friction", label: ACTION_LABELS.friction },
  { id: "handoff", label: ACTION_LABELS.handoff },
];

/** What the core reads of one message: the answerer reads no more than this either. */
function bounded(text: string): string {
  return text.length > MAX_QUESTION_CHARS ? text.slice(0, MAX_QUESTION_CHARS) : text;
}

function finish(r: ReplyInput): Reply {
  const parsed = Reply.safeParse(r);
  return parsed.success ? parsed.data : apology();
}

export function apology(): Reply {
  return Reply.parse({
    type: "error",
    text: APOLOGY_TEXT,
    refused: true,
    route: {
      process: DEFAULT_PROCESS,
      name: PROCESS_LABELS[DEFAULT_PROCESS],
      confidence: 1,
      why: APOLOGY_ROUTE_WHY,
      contacts: [],
    },
    actions: [{ id: "handoff", label: ACTION_LABELS.handoff }],
  });
}

function help(audience: Audience): ReplyInput {
  return {
    type: "help",
    text: helpText(audience),
    followUps: HELP_FOLLOW_UPS,
    actions: audience === "agent" ? [...START_ACTIONS, { id: "report", label: ACTION_LABELS.report }] : START_ACTIONS,
  };
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
  lines.push("", "Ces résultats sont indicatifs : la décision revient à l'organisme qui porte chaque dispositif.");
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

/** Keeps only facts that pass validation (a wrong value is dropped, not fatal). */
function validFacts(facts: Partial<Facts>): Partial<Facts> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined) continue;
    const r = parseFacts({ [k]: v });
    if (r.ok) Object.assign(out, r.facts);
  }
  return out as Partial<Facts>;
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

function withValue(actions: Action[], interactionId: string): Action[] {
  return actions.map((a) => (a.id === "rate-up" || a.id === "rate-down" ? { ...a, value: interactionId } : a));
}

function safeExtract(text: string): Partial<Facts> {
  try {
    return validFacts(extractFacts(text) as Partial<Facts>);
  } catch {
    return {};
  }
}

function safeParseAnswer(fact: FactKey, text: string): unknown {
  try {
    return parseAnswer(fact, text);
  } catch {
    return undefined;
  }
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
  const f = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  const n = /^\d+$/.test(f) ? Number(f) : NaN;
  if (!Number.isNaN(n) && n >= 1 && n <= opts.length) return opts[n - 1]!.value;
  const fold = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
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
