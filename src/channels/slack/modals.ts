/**
 * Modals (eligibility facts, friction report, comment on a 👎) and the
 * parsing/validation of their submissions. Validation errors go back to the
 * modal (`response_action: "errors"`, keyed by block id); valid values go to
 * the core as a form turn.
 */
import { z } from "zod";
import type { types } from "@slack/bolt";
import { Audience, PROCESS_IDS, type ProcessId } from "../../core/ids.js";
import { BLOCKERS, FrictionInput, JOURNEY_STEPS } from "../../storage/types.js";
import { PROCESS_NAMES } from "./labels.js";
import { plain, truncate } from "./mrkdwn.js";

type View = types.ModalView;
type Block = types.KnownBlock;
type Option = types.PlainTextOption;

export const CALLBACK = {
  eligibility: "ess_eligibility",
  friction: "ess_friction",
  ratingComment: "ess_rating_comment",
} as const;

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

export const LEGAL_FORMS: [string, string][] = [
  ["association", "Association"],
  ["scop", "SCOP"],
  ["scic", "SCIC"],
  ["cae", "Coopérative d'activité et d'emploi (CAE)"],
  ["cooperative", "Autre coopérative"],
  ["mutuelle", "Mutuelle"],
  ["fondation", "Fondation"],
  ["societe-commerciale", "Société commerciale"],
  ["entrepreneur-individuel", "Entrepreneur individuel"],
  ["collectif-informel", "Collectif informel"],
  ["collectivite", "Collectivité"],
  ["aucune", "Pas encore de structure"],
];

export const PROJECT_STAGES: [string, string][] = [
  ["idee", "Idée"],
  ["creation", "Création"],
  ["developpement", "Développement"],
  ["consolidation", "Consolidation"],
  ["changement-echelle", "Changement d'échelle"],
];

/** Yes/no facts of the eligibility vocabulary, with their French question. */
export const BOOLEAN_FACTS: [string, string][] = [
  ["essStatutes", "Pour une société commerciale : ses statuts respectent-ils les conditions de la loi ESS de 2014 ?"],
  ["esusApproved", "Avez-vous déjà l'agrément ESUS ?"],
  ["socialUtilityPurpose", "L'utilité sociale est-elle l'objet principal de vos statuts ?"],
  ["payWithinEsusLimits", "Vos rémunérations respectent-elles les plafonds ESUS (7 et 10 fois le SMIC) ?"],
  ["listedShares", "Vos titres de capital sont-ils cotés en bourse ?"],
  ["firstBalanceSheet", "Avez-vous clôturé un premier bilan de 12 mois ?"],
  ["bankAccess", "Pouvez-vous obtenir un prêt bancaire ?"],
  ["inQpv", "Le projet est-il situé dans un quartier prioritaire de la politique de la ville (QPV) ?"],
];

export const NUMBER_FACTS: { fact: string; label: string; hint: string; min: number; max: number; decimal: boolean }[] = [
  { fact: "employees", label: "Nombre de salariés", hint: "0 si la structure n'a pas de salarié.", min: 0, max: 1_000_000, decimal: false },
  {
    fact: "partnerStructures",
    label: "Nombre de structures partenaires du projet",
    hint: "Votre structure comprise.",
    min: 1,
    max: 10_000,
    decimal: false,
  },
  { fact: "projectCost", label: "Coût total du projet (en euros)", hint: "Un montant approximatif suffit.", min: 0, max: 1_000_000_000, decimal: true },
];

export const STEP_LABELS: Record<(typeof JOURNEY_STEPS)[number], string> = {
  "information-orientation": "S'informer, trouver le bon interlocuteur",
  eligibilite: "Vérifier l'éligibilité",
  "montage-dossier": "Monter le dossier",
  depot: "Déposer le dossier",
  instruction: "Instruction du dossier",
  decision: "Décision",
  versement: "Versement",
  "suivi-bilan": "Suivi et bilan",
};

export const BLOCKER_LABELS: Record<(typeof BLOCKERS)[number], string> = {
  delai: "Délais trop longs",
  "piece-justificative": "Pièce justificative difficile à fournir",
  "critere-flou": "Critères peu clairs",
  "mauvais-interlocuteur": "Difficile de trouver le bon interlocuteur",
  "outil-numerique": "Outil ou plateforme numérique",
  cofinancement: "Cofinancement à trouver",
  autre: "Autre difficulté",
};

const YES_NO = [opt("true", "Oui"), opt("false", "Non"), opt("unknown", "Je ne sais pas")];

// --- views ------------------------------------------------------------------

const input = (blockId: string, label: string, element: types.InputBlockElement, optional: boolean, hint?: string): Block => ({
  type: "input",
  block_id: blockId,
  optional,
  label: { type: "plain_text", text: plain(label, 2000) },
  element,
  ...(hint ? { hint: { type: "plain_text" as const, text: plain(hint, 2000) } } : {}),
});

export function eligibilityModal(origin: z.input<typeof ModalOrigin>): View {
  const blocks: Block[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Répondez à ce que vous savez : toutes les questions sont facultatives. Je vous dirai ce qui manque pour conclure.",
      },
    },
    input("legalForm", "Forme juridique", { type: "static_select", action_id: "value", placeholder: { type: "plain_text", text: "Choisissez" }, options: LEGAL_FORMS.map(([v, l]) => opt(v, l)) }, true),
    input("commune", "Commune du projet", { type: "plain_text_input", action_id: "value", max_length: 120, placeholder: { type: "plain_text", text: "Par exemple : Alès" } }, true),
    ...NUMBER_FACTS.map((f) =>
      input(f.fact, f.label, { type: "number_input", action_id: "value", is_decimal_allowed: f.decimal, min_value: String(f.min), max_value: String(f.max) }, true, f.hint),
    ),
    input("projectStage", "Stade du projet", { type: "static_select", action_id: "value", placeholder: { type: "plain_text", text: "Choisissez" }, options: PROJECT_STAGES.map(([v, l]) => opt(v, l)) }, true),
    ...BOOLEAN_FACTS.map(([fact, q]) => input(fact, q, { type: "radio_buttons", action_id: "value", options: YES_NO }, true)),
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
  const processOptions = PROCESS_IDS.map((p) => opt(p, PROCESS_NAMES[p]));
  const initialProcess = origin.p ? processOptions.find((o) => o.value === origin.p) : undefined;
  const blocks: Block[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Votre signalement aide le Département à simplifier les démarches. N'indiquez pas de données personnelles dans la description.",
      },
    },
    input("step", "À quelle étape ?", { type: "static_select", action_id: "value", placeholder: { type: "plain_text", text: "Choisissez" }, options: JOURNEY_STEPS.map((s) => opt(s, STEP_LABELS[s])) }, false),
    input("blocker", "Quelle difficulté ?", { type: "static_select", action_id: "value", placeholder: { type: "plain_text", text: "Choisissez" }, options: BLOCKERS.map((b) => opt(b, BLOCKER_LABELS[b])) }, false),
    input(
      "process",
      "Pour quel dispositif ?",
      { type: "static_select", action_id: "value", placeholder: { type: "plain_text", text: "Choisissez" }, options: processOptions, ...(initialProcess ? { initial_option: initialProcess } : {}) },
      false,
    ),
    input("commune", "Commune", { type: "plain_text_input", action_id: "value", max_length: 120 }, false),
    input("description", "Décrivez la difficulté", { type: "plain_text_input", action_id: "value", multiline: true, max_length: 4000 }, false),
    input(
      "severity",
      "Gravité",
      {
        type: "radio_buttons",
        action_id: "value",
        options: [opt("1", "1 — gênant"), opt("2", "2 — retarde le projet"), opt("3", "3 — bloque le projet")],
      },
      false,
    ),
    input("contactOk", "Acceptez-vous d'être recontacté à ce sujet ?", { type: "radio_buttons", action_id: "value", options: [opt("true", "Oui"), opt("false", "Non")] }, false),
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

export function parseEligibility(state: ViewState): Parsed<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const legalForm = read(state, "legalForm");
  if (legalForm !== undefined) {
    if (LEGAL_FORMS.some(([v]) => v === legalForm)) values.legalForm = legalForm;
    else errors.legalForm = "Choisissez une forme juridique dans la liste.";
  }
  const commune = read(state, "commune");
  if (commune !== undefined) {
    if (commune.length > 120) errors.commune = "Le nom de la commune est trop long (120 caractères au plus).";
    else values.commune = commune;
  }
  for (const f of NUMBER_FACTS) {
    const raw = read(state, f.fact);
    if (raw === undefined) continue;
    const n = parseNumber(raw);
    if (n === null) errors[f.fact] = "Indiquez un nombre.";
    else if (!f.decimal && !Number.isInteger(n)) errors[f.fact] = "Indiquez un nombre entier.";
    else if (n < f.min) errors[f.fact] = f.min === 0 ? "Le nombre ne peut pas être négatif." : `Indiquez au moins ${f.min}.`;
    else if (n > f.max) errors[f.fact] = "Ce nombre est trop grand.";
    else values[f.fact] = n;
  }
  const stage = read(state, "projectStage");
  if (stage !== undefined) {
    if (PROJECT_STAGES.some(([v]) => v === stage)) values.projectStage = stage;
    else errors.projectStage = "Choisissez un stade dans la liste.";
  }
  for (const [fact] of BOOLEAN_FACTS) {
    const raw = read(state, fact);
    if (raw === "true") values[fact] = true;
    else if (raw === "false") values[fact] = false;
    else if (raw !== undefined && raw !== "unknown") errors[fact] = "Répondez par oui ou par non.";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values };
}

const FRICTION_MESSAGES: Record<string, string> = {
  step: "Choisissez l'étape de votre démarche.",
  blocker: "Choisissez le type de difficulté.",
  process: "Choisissez le dispositif concerné.",
  commune: "Indiquez la commune (120 caractères au plus).",
  description: "Décrivez la difficulté (4 000 caractères au plus).",
  severity: "Choisissez une gravité de 1 à 3.",
  contactOk: "Répondez par oui ou par non.",
};

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

export function parseComment(state: ViewState): string | undefined {
  const c = read(state, "comment");
  return c ? truncate(c, 1000) : undefined;
}

export const isProcessId = (v: unknown): v is ProcessId => typeof v === "string" && (PROCESS_IDS as readonly string[]).includes(v);
