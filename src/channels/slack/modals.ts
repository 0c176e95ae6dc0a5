/**
 * Modals (eligibility facts, friction report, comment on a 👎) and the
 * parsing/validation of their submissions. Validation errors go back to the
 * modal (`response_action: "errors"`, keyed by block id); valid values go to
 * the core as a form turn.
 */
import { z } from "zod";
import type { types } from "@slack/bolt";
import { Audience, PROCESS_IDS, type ProcessId } from "../../domain/ids.js";
import { BLOCKERS, FrictionInput, JOURNEY_STEPS } from "../../storage/types.js";
import {
  FACT_KEYS,
  FACT_QUESTIONS,
  LEGAL_FORMS,
  LEGAL_FORM_LABELS,
  PROJECT_STAGES,
  PROJECT_STAGE_LABELS,
  parseFacts,
  type FactKey,
} from "../../eligibility/facts.js";
import { BLOCKER_LABELS, PROCESS_LABELS, SEVERITY_LABELS, STEP_LABELS } from "../../report/labels.js";
import { plain, truncate } from "./mrkdwn.js";
import { FRICTION_FIELD_MESSAGES as FRICTION_MESSAGES } from "../form-messages.js";

type View = types.ModalView;
type Block = types.KnownBlock;
type Option = types.PlainTextOption;

export const CALLBACK = {
  eligibility: "ess_eligibility",
  friction: "ess_friction",
  ratingComment: "ess_rating_comment",
  question: "ess_question",
  handoffReply: "ess_handoff_reply",
} as const;

/** Which handoff post a reply modal answers (its `private_metadata`). */
export const HandoffReplyOrigin = z.object({ h: z.string().max(64), c: z.string().max(64).optional(), m: z.string().max(64).optional() });
export type HandoffReplyOrigin = z.infer<typeof HandoffReplyOrigin>;

/** "Répondre" on a handoff post: the answer sent to the person in their conversation. */
export function handoffReplyModal(origin: HandoffReplyOrigin, question?: string): View {
  return {
    type: "modal",
    callback_id: CALLBACK.handoffReply,
    title: { type: "plain_text", text: "Répondre" },
    submit: { type: "plain_text", text: "Envoyer" },
    close: { type: "plain_text", text: "Annuler" },
    private_metadata: JSON.stringify(origin),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `La réponse est transmise à la personne dans sa conversation avec Relais ESS, puis la demande est close.${question ? `\n*Dernière question :* ${question.slice(0, 2500)}` : ""}`,
        },
      },
      input("reply", "Votre réponse", { type: "plain_text_input", action_id: "value", multiline: true, min_length: 1, max_length: 3000 }, false),
    ],
  };
}

export function parseHandoffReply(state: ViewState): Parsed<string> {
  const text = read(state, "reply");
  return text ? { ok: true, values: text } : { ok: false, errors: { reply: "Écrivez la réponse à transmettre." } };
}

/** Where a modal's result goes back to (carried in `private_metadata`). */
export const ModalOrigin = z.object({
  /** Slack channel id of the conversation. */
  c: z.string().max(64).optional(),
  /** Thread ts. */
  t: z.string().max(64).optional(),
  /** Rated/originating message ts. */
  m: z.string().max(64).optional(),
  a: Audience.default("porteur"),
  /** Interaction id (ratings). */
  i: z.string().max(200).optional(),
  /** response_url of a slash command (answers stay private). */
  r: z.string().url().max(1000).optional(),
  /** Post the result privately (ephemeral). */
  e: z.boolean().default(false),
  /** Routed process, to pre-fill the friction form. */
  p: z.enum(PROCESS_IDS).optional(),
  /** Id of the message whose button opened the modal (buttons.ts), to redraw it. */
  k: z.string().max(32).optional(),
});
export type ModalOrigin = z.infer<typeof ModalOrigin>;

export function encodeOrigin(o: z.input<typeof ModalOrigin>): string {
  const clean = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));
  const s = JSON.stringify(clean);
  if (s.length <= 3000) return s;
  // response_url is the only long field: drop it rather than fail.
  const { r: _r, ...rest } = clean;
  return JSON.stringify(rest);
}

export function decodeOrigin(meta: string | undefined): ModalOrigin {
  try {
    const parsed = ModalOrigin.safeParse(JSON.parse(meta || "{}"));
    return parsed.success ? parsed.data : ModalOrigin.parse({});
  } catch {
    return ModalOrigin.parse({});
  }
}

const opt = (value: string, text: string): Option => ({ text: { type: "plain_text", text: plain(text, 75) }, value });

// --- vocabularies -----------------------------------------------------------

/** Facts asked in the eligibility modal, by input kind (labels and questions from src/eligibility/facts.ts). */
const NUMBER_FACTS = FACT_KEYS.filter((k) => FACT_QUESTIONS[k].type === "integer" || FACT_QUESTIONS[k].type === "number");
const BOOLEAN_FACTS = FACT_KEYS.filter((k) => FACT_QUESTIONS[k].type === "boolean");
const NUMBER_HINTS: Partial<Record<FactKey, string>> = {
  employees: "0 si la structure n'a pas de salarié.",
  partnerStructures: "Votre structure comprise.",
  projectCost: "Un montant approximatif suffit.",
};
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const YES_NO = [opt("true", "Oui"), opt("false", "Non"), opt("unknown", "Je ne sais pas")];
const SELECT = { type: "plain_text" as const, text: "Choisissez" };

// --- views ------------------------------------------------------------------

const input = (blockId: string, label: string, element: types.InputBlockElement, optional: boolean, hint?: string): Block => ({
  type: "input",
  block_id: blockId,
  optional,
  label: { type: "plain_text", text: plain(label, 2000) },
  element,
  ...(hint ? { hint: { type: "plain_text" as const, text: plain(hint, 2000) } } : {}),
});

/** `initial_option` of a select or radio group when `value` is one of its options. */
function initialOption(options: Option[], value: unknown): { initial_option: Option } | Record<string, never> {
  const hit = value === undefined || value === null ? undefined : options.find((o) => o.value === String(value));
  return hit ? { initial_option: hit } : {};
}

/**
 * The eligibility form; `facts` (what the conversation already knows, from the
 * reply's "Compléter les informations") pre-fill it.
 */
export function eligibilityModal(origin: z.input<typeof ModalOrigin>, facts: Record<string, unknown> = {}): View {
  const legalForms = LEGAL_FORMS.map((v) => opt(v, LEGAL_FORM_LABELS[v]));
  const stages = PROJECT_STAGES.map((v) => opt(v, PROJECT_STAGE_LABELS[v]));
  const number = (k: FactKey) =>
    typeof facts[k] === "number" && Number.isFinite(facts[k]) && (facts[k] as number) >= 0 ? { initial_value: String(facts[k]) } : {};
  const commune = typeof facts.commune === "string" && facts.commune.length <= 120 ? { initial_value: facts.commune } : {};
  const blocks: Block[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: Object.keys(facts).length
          ? "Voici ce que vous m'avez déjà indiqué : complétez ou corrigez. Toutes les questions sont facultatives."
          : "Répondez à ce que vous savez : toutes les questions sont facultatives. Je vous dirai ce qui manque pour conclure.",
      },
    },
    input(
      "legalForm",
      capitalise(FACT_QUESTIONS.legalForm.label),
      { type: "static_select", action_id: "value", placeholder: SELECT, options: legalForms, ...initialOption(legalForms, facts.legalForm) },
      true,
    ),
    input(
      "commune",
      capitalise(FACT_QUESTIONS.commune.label),
      { type: "plain_text_input", action_id: "value", max_length: 120, placeholder: { type: "plain_text", text: "Par exemple : Alès ou 30007" }, ...commune },
      true,
      "Nom de la commune du Gard ou code INSEE.",
    ),
    ...NUMBER_FACTS.map((k) =>
      input(
        k,
        FACT_QUESTIONS[k].question,
        { type: "number_input", action_id: "value", is_decimal_allowed: FACT_QUESTIONS[k].type === "number", min_value: "0", ...number(k) },
        true,
        NUMBER_HINTS[k],
      ),
    ),
    input(
      "projectStage",
      capitalise(FACT_QUESTIONS.projectStage.label),
      { type: "static_select", action_id: "value", placeholder: SELECT, options: stages, ...initialOption(stages, facts.projectStage) },
      true,
    ),
    ...BOOLEAN_FACTS.map((k) =>
      input(k, FACT_QUESTIONS[k].question, { type: "radio_buttons", action_id: "value", options: YES_NO, ...initialOption(YES_NO, facts[k]) }, true),
    ),
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.eligibility,
    title: { type: "plain_text", text: "Vérifier l'éligibilité" },
    submit: { type: "plain_text", text: "Vérifier" },
    close: { type: "plain_text", text: "Annuler" },
    private_metadata: encodeOrigin(origin),
    blocks,
  };
}

export function frictionModal(origin: z.input<typeof ModalOrigin>): View {
  const processOptions = PROCESS_IDS.map((p) => opt(p, PROCESS_LABELS[p]));
  const initialProcess = origin.p ? processOptions.find((o) => o.value === origin.p) : undefined;
  const blocks: Block[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Votre signalement aide le Département à simplifier les démarches. N'indiquez pas de données personnelles dans la description.",
      },
    },
    input(
      "step",
      "À quelle étape ?",
      { type: "static_select", action_id: "value", placeholder: SELECT, options: JOURNEY_STEPS.map((s) => opt(s, STEP_LABELS[s])) },
      false,
    ),
    input(
      "blocker",
      "Quelle difficulté ?",
      { type: "static_select", action_id: "value", placeholder: SELECT, options: BLOCKERS.map((b) => opt(b, BLOCKER_LABELS[b])) },
      false,
    ),
    input(
      "process",
      "Pour quel dispositif ?",
      {
        type: "static_select",
        action_id: "value",
        placeholder: SELECT,
        options: processOptions,
        ...(initialProcess ? { initial_option: initialProcess } : {}),
      },
      false,
    ),
    input("commune", "Commune", { type: "plain_text_input", action_id: "value", max_length: 120 }, false),
    input("description", "Décrivez la difficulté", { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000 }, false),
    input(
      "severity",
      "Gravité",
      {
        type: "radio_buttons",
        action_id: "value",
        options: [1, 2, 3].map((n) => opt(String(n), SEVERITY_LABELS[n]!)),
      },
      false,
    ),
    input(
      "contactOk",
      "Acceptez-vous d'être recontacté à ce sujet ?",
      { type: "radio_buttons", action_id: "value", options: [opt("true", "Oui"), opt("false", "Non")] },
      false,
    ),
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.friction,
    title: { type: "plain_text", text: "Signaler une difficulté" },
    submit: { type: "plain_text", text: "Envoyer" },
    close: { type: "plain_text", text: "Annuler" },
    private_metadata: encodeOrigin(origin),
    blocks,
  };
}

/** "Poser une question" from the App Home: the answer comes in the app's direct messages. */
export function questionModal(): View {
  return {
    type: "modal",
    callback_id: CALLBACK.question,
    title: { type: "plain_text", text: "Poser une question" },
    submit: { type: "plain_text", text: "Envoyer" },
    close: { type: "plain_text", text: "Annuler" },
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: "Je vous réponds dans l'onglet *Messages* de Relais ESS, avec mes sources. N'indiquez pas de données personnelles." },
      },
      input(
        "question",
        "Votre question",
        {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          max_length: 3000,
          placeholder: { type: "plain_text", text: "Par exemple : qui peut répondre à l'appel à communs ?" },
        },
        false,
      ),
    ],
  };
}

export function ratingCommentModal(origin: z.input<typeof ModalOrigin>): View {
  return {
    type: "modal",
    callback_id: CALLBACK.ratingComment,
    notify_on_close: true,
    title: { type: "plain_text", text: "Votre avis" },
    submit: { type: "plain_text", text: "Envoyer" },
    close: { type: "plain_text", text: "Passer" },
    private_metadata: encodeOrigin(origin),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: "Merci de votre retour. Qu'est-ce qui manquait ou n'allait pas dans cette réponse ? (facultatif)" } },
      input("comment", "Votre commentaire", { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000 }, true),
    ],
  };
}

// --- submissions ------------------------------------------------------------

/** The `view.state.values` shape Slack sends (only what we read). */
type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
};
export type ViewState = Record<string, Record<string, StateValue>>;

function read(state: ViewState, blockId: string): string | undefined {
  const v = state?.[blockId]?.value;
  if (!v) return undefined;
  const raw = v.selected_option?.value ?? v.value ?? undefined;
  const s = typeof raw === "string" ? raw.trim() : undefined;
  return s ? s : undefined;
}

export type Parsed<T> = { ok: true; values: T } | { ok: false; errors: Record<string, string> };

/** Parses a French-ish number ("12 000", "1,5"). */
export function parseNumber(s: string): number | null {
  const n = Number(s.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads the eligibility modal and validates it with the core's own fact
 * parser (types, ranges, known Gard communes). Each problem is reported on
 * the input it concerns.
 */
export function parseEligibility(state: ViewState): Parsed<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const key of FACT_KEYS) {
    const raw = read(state, key);
    if (raw === undefined) continue;
    const type = FACT_QUESTIONS[key].type;
    if (type === "integer" || type === "number") {
      const n = parseNumber(raw);
      if (n === null) errors[key] = "Indiquez un nombre.";
      else if (n < 0) errors[key] = "Le nombre ne peut pas être négatif.";
      else if (type === "integer" && !Number.isInteger(n)) errors[key] = "Indiquez un nombre entier.";
      else values[key] = n;
    } else if (type === "boolean") {
      if (raw === "true") values[key] = true;
      else if (raw === "false") values[key] = false;
      else if (raw !== "unknown") errors[key] = "Répondez par oui ou par non.";
    } else {
      values[key] = raw;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const checked = parseFacts(values);
  if (!checked.ok) {
    for (const message of checked.errors) {
      const key = FACT_KEYS.find((k) => message.includes(`« ${k} »`)) ?? "legalForm";
      errors[key] ??=
        key === "commune"
          ? "Je ne trouve pas cette commune : indiquez une commune du Gard ou son code INSEE."
          : "Valeur non valide : choisissez dans la liste.";
    }
    return { ok: false, errors };
  }
  return { ok: true, values };
}

export function parseFriction(state: ViewState): Parsed<FrictionInput> {
  const severity = read(state, "severity");
  const contact = read(state, "contactOk");
  const candidate = {
    step: read(state, "step"),
    blocker: read(state, "blocker"),
    process: read(state, "process"),
    commune: read(state, "commune"),
    description: read(state, "description"),
    severity: severity === undefined ? undefined : parseNumber(severity),
    contactOk: contact === "true" ? true : contact === "false" ? false : undefined,
  };
  const parsed = FrictionInput.safeParse(candidate);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "description");
    errors[key] = FRICTION_MESSAGES[key] ?? "Valeur invalide.";
  }
  return { ok: false, errors };
}

export function parseQuestion(state: ViewState): Parsed<string> {
  const q = read(state, "question");
  return q ? { ok: true, values: q } : { ok: false, errors: { question: "Écrivez votre question." } };
}

export function parseComment(state: ViewState): string | undefined {
  const c = read(state, "comment");
  return c ? truncate(c, 1000) : undefined;
}

export const isProcessId = (v: unknown): v is ProcessId => typeof v === "string" && (PROCESS_IDS as readonly string[]).includes(v);
