/**
 * Adaptive Cards (schema 1.5) built as plain objects. Every piece of user or
 * knowledge text goes into a RichTextBlock TextRun, which Teams never parses as
 * Markdown; our own fixed French labels use TextBlocks. No templating is used,
 * so no `${…}` expression is ever evaluated.
 */
import type { ActionId, EligibilityResult, FitOption, PromptField, Reply, SourceRef } from "../../domain/reply.js";
import { PROCESS_IDS, type ProcessId } from "../../domain/ids.js";
import { BLOCKERS, JOURNEY_STEPS } from "../../storage/types.js";
import {
  BLOCKER_LABELS,
  BOOLEAN_CHOICES,
  DOC_KIND_LABELS,
  FACT_FIELDS,
  PROCESS_LABELS,
  SEVERITY_CHOICES,
  STEP_LABELS,
  VERDICT_COLORS,
  VERDICT_LABELS,
} from "./labels.js";
import { Report as ReportSchema } from "../../report/build.js";
import { SAVE_AS_ANSWER_LABEL } from "../../conversation/teach.js";
import { NO_LINK_TEXT } from "../../report/summary.js";
import { parseMarkup, plainText, stripControl, truncate } from "./text.js";
import { safeUrl } from "../../core/url.js";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: "Full" };
}

/** What an Action.Submit carries back (`activity.value`). */
export type SubmitData = (
  | { relais: "action"; id: ActionId; value?: string; process?: ProcessId; facts?: Record<string, string | number | boolean> }
  | { relais: "ask"; question: string }
  | { relais: "form"; kind: "eligibility" | "friction" }
  | { relais: "prompt"; field: string; value: string }
  | { relais: "resolve-handoff"; handoffId: string }
  | { relais: "teach-handoff"; handoffId: string }
  | { relais: "reply-handoff"; handoffId: string }
) & {
  /** Card id and the person it answers (added by render.ts tagCard; buttons.ts). */
  m?: string;
  o?: string;
};

export const MAIN_ACTION_LABELS = {
  eligibility: "Vérifier l'éligibilité",
  friction: "Signaler une difficulté",
  handoff: "Parler à une personne",
} as const;

// ---------------------------------------------------------------- primitives

export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  const c: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    msteams: { width: "Full" },
  };
  if (actions.length) c.actions = actions;
  return c;
}

/** A fixed label of ours (TextBlock). */
export function heading(text: string, size: "Medium" | "Default" = "Medium"): CardElement {
  return { type: "TextBlock", text, weight: "Bolder", size, wrap: true };
}
export function note(text: string): CardElement {
  return { type: "TextBlock", text, wrap: true, isSubtle: true, size: "Small" };
}

export interface RunSpec {
  text: string;
  bold?: boolean;
  subtle?: boolean;
  color?: string;
  url?: string;
}

/** One paragraph of literal text runs (never Markdown). */
export function runs(parts: RunSpec[], extra: CardElement = {}): CardElement {
  return {
    type: "RichTextBlock",
    inlines: parts
      .filter((p) => p.text.length > 0)
      .map((p) => {
        const run: CardElement = { type: "TextRun", text: stripControl(p.text) };
        if (p.bold) run.weight = "Bolder";
        if (p.subtle) run.isSubtle = true;
        if (p.color) run.color = p.color;
        const url = safeUrl(p.url);
        if (url) run.selectAction = { type: "Action.OpenUrl", url };
        return run;
      }),
    ...extra,
  };
}

/** The core's Markdown subset as RichTextBlocks (bold runs, "• " bullets). */
export function markup(text: string, maxChars = 6000): CardElement[] {
  return parseMarkup(truncate(text, maxChars)).map((b) =>
    runs([...(b.bullet ? [{ text: "• " }] : []), ...b.runs.map((r) => ({ text: r.text, bold: r.bold }))], {
      spacing: b.bullet ? "Small" : "Default",
    }),
  );
}

/** Label/value rows (a FactSet would render values as Markdown). */
export function rows(pairs: Array<[string, string]>): CardElement[] {
  return pairs.map(([k, v]) => runs([{ text: `${k} : `, bold: true }, { text: v }], { spacing: "Small" }));
}

export function submit(title: string, data: SubmitData, extra: CardElement = {}): CardElement {
  return { type: "Action.Submit", title: truncate(title, 60), data, ...extra };
}

// ---------------------------------------------------------------- reply parts

function sourceLine(s: SourceRef): CardElement {
  const kind = DOC_KIND_LABELS[s.kind] ?? s.kind;
  const status = s.status === "reported" ? " — à vérifier" : "";
  return runs(
    [
      { text: `[${s.n}] `, bold: true },
      { text: truncate(s.title, 120), url: s.url },
      { text: ` (${kind}${status})`, subtle: true },
    ],
    { spacing: "Small" },
  );
}

export function sourcesSection(sources: SourceRef[]): CardElement[] {
  if (!sources.length) return [];
  return [{ type: "Container", spacing: "Medium", separator: true, items: [heading("Sources", "Default"), ...sources.map(sourceLine)] }];
}

export function routeSection(route: NonNullable<Reply["route"]>): CardElement[] {
  const items: CardElement[] = [heading("Parcours conseillé", "Default"), runs([{ text: route.name || PROCESS_LABELS[route.process], bold: true }])];
  if (route.operator) items.push(...rows([["Porté par", route.operator]]));
  if (route.why) items.push(...markup(route.why, 600));
  for (const c of route.contacts.slice(0, 4)) {
    items.push(
      runs(
        [
          { text: "Contact : ", bold: true },
          { text: truncate(c.label, 200), url: c.url },
        ],
        { spacing: "Small" },
      ),
    );
  }
  return [{ type: "Container", style: "emphasis", spacing: "Medium", items }];
}

/** One compact container per project-fit option: title, why, verdict, contact, one button. */
export function fitSection(options: FitOption[]): CardElement[] {
  return options.slice(0, 5).map((o, i) => {
    const items: CardElement[] = [
      runs([{ text: `${i + 1}. ${truncate(o.name, 200)}`, bold: true }]),
      runs([{ text: truncate(o.why, 600) }], { spacing: "Small" }),
      runs(
        [
          { text: "Éligibilité : ", bold: true },
          { text: VERDICT_LABELS[o.verdict], bold: true, color: VERDICT_COLORS[o.verdict] },
          ...(o.verdictText ? [{ text: ` — ${truncate(o.verdictText, 300)}` }] : []),
        ],
        { spacing: "Small" },
      ),
    ];
    if (o.contact)
      items.push(
        runs(
          [
            { text: "Contact : ", bold: true },
            { text: truncate(o.contact.label, 200), url: o.contact.url },
          ],
          { spacing: "Small" },
        ),
      );
    items.push({ type: "ActionSet", actions: [submit(MAIN_ACTION_LABELS.eligibility, { relais: "action", id: "eligibility", value: o.process })] });
    return { type: "Container", style: i === 0 ? "emphasis" : "default", separator: i > 0, spacing: "Medium", items };
  });
}

function followUpsSection(followUps: string[]): CardElement[] {
  const list = followUps.filter((q) => q.trim()).slice(0, 3);
  if (!list.length) return [];
  return [
    heading("Pour aller plus loin", "Default"),
    {
      type: "ActionSet",
      actions: list.map((q) => submit(truncate(q, 60), { relais: "ask", question: truncate(q, 500) })),
    },
  ];
}

/** Buttons: the three main actions where they make sense, then the core's own actions. */
export function replyActions(reply: Reply): CardElement[] {
  const out: CardElement[] = [];
  const seen = new Set<ActionId>();
  const process = reply.route?.process;
  // After a project-fit answer, "Vérifier l'éligibilité" carries the main option's process.
  const coreValue = (id: ActionId) => reply.actions.find((a) => a.id === id)?.value;
  const add = (id: ActionId, label: string, value?: string) => {
    if (seen.has(id) || out.length >= 5) return;
    seen.add(id);
    const data: SubmitData = { relais: "action", id };
    if (value !== undefined) data.value = value;
    if (process) data.process = process;
    out.push(submit(label, data));
  };
  const main: ActionId[] =
    reply.type === "answer" || reply.type === "info" || reply.type === "help" || reply.type === "error"
      ? ["eligibility", "friction", "handoff"]
      : reply.type === "eligibility"
        ? ["friction", "handoff"]
        : reply.type === "friction"
          ? ["handoff"]
          : [];
  for (const id of main)
    add(id, MAIN_ACTION_LABELS[id as keyof typeof MAIN_ACTION_LABELS], id === "eligibility" && reply.fit?.length ? coreValue(id) : undefined);
  for (const a of reply.actions) {
    // Teams has its own 👍/👎 feedback loop: no rating buttons in the card.
    if (a.id === "rate-up" || a.id === "rate-down") continue;
    if (reply.type === "prompt" && a.id === "confirm") continue;
    add(a.id, a.label, a.value);
  }
  return out;
}

// ---------------------------------------------------------------- cards

/** Route, sources and follow-ups of an answer; null when there is nothing to show. */
export function answerCard(reply: Reply, opts: { sources?: SourceRef[]; compact?: boolean } = {}): AdaptiveCard | null {
  const body: CardElement[] = [];
  if (reply.fit?.length) body.push(...fitSection(reply.fit));
  else if (reply.route) body.push(...routeSection(reply.route));
  if (!opts.compact) {
    body.push(...sourcesSection(opts.sources ?? reply.sources));
    body.push(...followUpsSection(reply.followUps));
  }
  const actions = replyActions(reply);
  if (!body.length && !actions.length) return null;
  if (!body.length) body.push(note("Que souhaitez-vous faire ?"));
  return card(body, actions);
}

function verdictBlock(r: EligibilityResult, compact: boolean): CardElement {
  const items: CardElement[] = [
    runs([
      { text: PROCESS_LABELS[r.process] ?? r.process, bold: true },
      { text: " — " },
      { text: VERDICT_LABELS[r.verdict], bold: true, color: VERDICT_COLORS[r.verdict] },
    ]),
  ];
  if (compact) return { type: "Container", separator: true, spacing: "Small", items };
  for (const reason of r.reasons.slice(0, 6)) {
    const mark = reason.met === true ? "Oui" : reason.met === false ? "Non" : "À vérifier";
    items.push(runs([{ text: `• ${mark} — `, bold: true }, { text: truncate(reason.text, 300) }], { spacing: "Small" }));
  }
  if (r.missing.length) {
    items.push(runs([{ text: "Informations à fournir :", bold: true }], { spacing: "Small" }));
    for (const m of r.missing.slice(0, 6)) items.push(runs([{ text: `• ${truncate(m.question, 200)}` }], { spacing: "Small" }));
  }
  if (r.checker) items.push(...rows([["Vérification", truncate(r.checker, 200)]]));
  return { type: "Container", separator: true, spacing: "Medium", items };
}

export function verdictCard(reply: Reply, opts: { compact?: boolean } = {}): AdaptiveCard {
  const results = reply.eligibility ?? [];
  const body: CardElement[] = [heading("Résultat de la vérification d'éligibilité")];
  body.push(...results.slice(0, 14).map((r) => verdictBlock(r, opts.compact ?? false)));
  if (!results.length) body.push(note("Aucun dispositif n'a pu être évalué avec ces informations."));
  body.push(note("Ce résultat applique les règles publiques connues ; il ne remplace pas l'instruction du dossier par l'organisme concerné."));
  // "Compléter les informations" opens the form pre-filled with the facts the conversation knows.
  const facts = Object.fromEntries(
    Object.entries(reply.facts ?? {}).filter((e): e is [string, string | number | boolean] => ["string", "number", "boolean"].includes(typeof e[1])),
  );
  const complete: SubmitData = { relais: "action", id: "eligibility", ...(Object.keys(facts).length ? { facts } : {}) };
  const actions = [submit("Compléter les informations", complete), ...replyActions(reply)];
  return card(body, actions.slice(0, 5));
}

export function promptCard(reply: Reply, prompt: PromptField): AdaptiveCard {
  // The message text already carries reply.text; repeat the question only when it adds something.
  const question = plainText(prompt.question);
  const body: CardElement[] = question && !plainText(reply.text).includes(question) ? [...markup(prompt.question, 1500)] : [];
  const options = prompt.options ?? [];
  const actions: CardElement[] = [];
  if (options.length > 0 && options.length <= 5) {
    for (const o of options) actions.push(submit(o.label, { relais: "prompt", field: prompt.field, value: o.value }));
  } else if (options.length > 5) {
    body.push({
      type: "Input.ChoiceSet",
      id: "choice",
      label: "Votre réponse",
      style: "compact",
      choices: options.slice(0, 100).map((o) => ({ title: truncate(o.label, 120), value: o.value })),
    });
    actions.push(submit("Valider", { relais: "prompt", field: prompt.field, value: "" }));
  } else {
    body.push(note("Répondez simplement dans la conversation."));
  }
  for (const a of replyActions(reply)) if (actions.length < 6) actions.push(a);
  return card(body, actions);
}

const pct = (x: number | null) => (x === null ? "pas encore d'avis" : `${Math.round(x * 100)} %`);

/** Key figures of the report (src/report's Report); null for any other shape. */
export function reportCard(reply: Reply): AdaptiveCard | null {
  const parsed = ReportSchema.safeParse(reply.report);
  if (!parsed.success) return null;
  const r = parsed.data;
  const body: CardElement[] = [
    heading("Rapport d'activité de Relais ESS"),
    ...rows([
      ["Questions posées", `${r.interactions} (dont ${r.refused} sans réponse)`],
      ["Avis", `${r.ratings.up} utiles, ${r.ratings.down} pas utiles — satisfaction : ${pct(r.ratings.satisfactionRate)}`],
      ["Difficultés signalées", String(r.frictions)],
      ["Mises en relation", `${r.handoffs.count} (dont ${r.openHandoffs} encore ouvertes)`],
      ...(r.friction.byBlocker[0]
        ? [["Blocage le plus signalé", `${r.friction.byBlocker[0].label} (${r.friction.byBlocker[0].count})`] as [string, string]]
        : []),
    ]),
  ];
  const routes = r.volumes.byRoute.filter((c) => c.count > 0).slice(0, 3);
  if (routes.length) {
    body.push(heading("Parcours les plus demandés", "Default"));
    body.push(...routes.map((c) => runs([{ text: `• ${c.label} : ${c.count}` }], { spacing: "Small" })));
  }
  if (r.topUnanswered.length) {
    body.push(heading("Questions restées sans réponse", "Default"));
    body.push(...r.topUnanswered.slice(0, 3).map((q) => runs([{ text: `• ${truncate(q.question, 160)} (${q.count})` }], { spacing: "Small" })));
  }
  if (r.openHandoffList.length) {
    body.push(heading("Demandes à traiter", "Default"));
    body.push(
      ...r.openHandoffList
        .slice(0, 5)
        .map((h) => runs([{ text: `• ${h.processLabel} — ouverte depuis ${h.ageDays} jour${h.ageDays > 1 ? "s" : ""}` }], { spacing: "Small" })),
    );
  }
  const link = (reply.report as { link?: unknown }).link;
  const open: CardElement[] =
    typeof link === "string" && /^https?:\/\/\S+$/i.test(link) ? [{ type: "Action.OpenUrl", title: "Ouvrir le rapport complet", url: link }] : [];
  if (!open.length) body.push(note(NO_LINK_TEXT));
  return card(body, [...open, ...replyActions(reply)]);
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function factLabel(id: string): string {
  const short = FACT_FIELDS.find((f) => f.id === id)?.short;
  return short ? capitalise(short) : id;
}

export function factValue(v: unknown): string {
  if (v === true) return "oui";
  if (v === false) return "non";
  if (typeof v === "number") return v.toLocaleString("fr-FR");
  if (typeof v === "string") return truncate(v, 200);
  return truncate(JSON.stringify(v) ?? "", 200);
}

export const WELCOME_QUESTIONS = [
  "Comment fonctionne l'appel à communs du Département ?",
  "Quel accompagnement pour une association employeuse qui veut se consolider ?",
  "Une entreprise commerciale peut-elle demander une aide au Département ?",
  "Comment obtenir l'agrément ESUS ?",
];

export function welcomeCard(questions: readonly string[] = WELCOME_QUESTIONS): AdaptiveCard {
  return card(
    [
      heading("Bonjour, je suis Relais ESS"),
      {
        type: "TextBlock",
        wrap: true,
        text:
          "J'aide les agents du Département du Gard sur le schéma départemental de l'économie sociale et solidaire : " +
          "je réponds en citant mes sources, j'oriente vers le bon dispositif, je vérifie l'éligibilité d'un projet " +
          "et je transmets une demande à l'équipe ESS quand une personne doit prendre le relais.",
      },
      note("Dans un canal, mentionnez-moi (@Relais ESS) suivi de votre question. Vous pouvez aussi écrire « aide » ou « rapport »."),
      heading("Quelques questions pour commencer", "Default"),
      { type: "ActionSet", actions: questions.slice(0, 4).map((q) => submit(q, { relais: "ask", question: q })) },
    ],
    [
      submit(MAIN_ACTION_LABELS.eligibility, { relais: "action", id: "eligibility" }),
      submit(MAIN_ACTION_LABELS.friction, { relais: "action", id: "friction" }),
    ],
  );
}

export function apologyCard(): AdaptiveCard {
  return card(
    [runs([{ text: PROCESS_LABELS["mission-ess-departement"], bold: true }]), note("L'équipe ESS du Département peut reprendre votre demande.")],
    [submit(MAIN_ACTION_LABELS.handoff, { relais: "action", id: "handoff", process: "mission-ess-departement" })],
  );
}

// ---------------------------------------------------------------- forms

function errorBox(errors: string[]): CardElement[] {
  if (!errors.length) return [];
  return [
    {
      type: "Container",
      style: "attention",
      items: [heading("Quelques informations sont à corriger", "Default"), ...errors.slice(0, 12).map((e) => runs([{ text: `• ${e}` }], { spacing: "Small" }))],
    },
  ];
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}

function choices(labels: Record<string, string>): Array<{ title: string; value: string }> {
  return Object.entries(labels).map(([value, title]) => ({ title, value }));
}

export function eligibilityFormCard(opts: { values?: Record<string, unknown>; errors?: string[] } = {}): AdaptiveCard {
  const values = opts.values ?? {};
  const body: CardElement[] = [
    heading("Vérifier l'éligibilité"),
    {
      type: "TextBlock",
      wrap: true,
      text: "Renseignez ce que vous savez : chaque information est facultative. Le résultat indiquera, dispositif par dispositif, ce qu'il manque encore.",
    },
    ...errorBox(opts.errors ?? []),
  ];
  for (const f of FACT_FIELDS) {
    const value = str(values[f.id]);
    if (f.kind === "enum") {
      body.push({
        type: "Input.ChoiceSet",
        id: f.id,
        label: f.label,
        style: "compact",
        placeholder: "Choisir",
        choices: choices(f.options ?? {}),
        ...(value ? { value } : {}),
      });
    } else if (f.kind === "boolean") {
      body.push({
        type: "Input.ChoiceSet",
        id: f.id,
        label: f.label,
        style: "compact",
        choices: choices(BOOLEAN_CHOICES),
        value: value === "true" || value === "false" ? value : "unknown",
      });
    } else if (f.kind === "string") {
      body.push({ type: "Input.Text", id: f.id, label: f.label, maxLength: 120, placeholder: f.placeholder, ...(value ? { value } : {}) });
    } else {
      body.push({ type: "Input.Number", id: f.id, label: f.label, min: 0, ...(value && Number.isFinite(Number(value)) ? { value: Number(value) } : {}) });
    }
  }
  return card(body, [
    submit("Vérifier", { relais: "form", kind: "eligibility" }),
    submit("Annuler", { relais: "action", id: "cancel" }, { associatedInputs: "none" }),
  ]);
}

export function frictionFormCard(opts: { values?: Record<string, unknown>; errors?: string[]; process?: ProcessId } = {}): AdaptiveCard {
  const values = opts.values ?? {};
  const v = (k: string) => str(values[k]);
  const body: CardElement[] = [
    heading("Signaler une difficulté"),
    {
      type: "TextBlock",
      wrap: true,
      text: "Décrivez la difficulté rencontrée dans une démarche. L'équipe ESS du Département s'en sert pour améliorer les parcours. N'indiquez pas de données personnelles.",
    },
    ...errorBox(opts.errors ?? []),
    {
      type: "Input.ChoiceSet",
      id: "process",
      label: "Dispositif concerné",
      style: "compact",
      isRequired: true,
      errorMessage: "Choisissez le dispositif concerné.",
      choices: PROCESS_IDS.map((p) => ({ title: PROCESS_LABELS[p], value: p })),
      value: v("process") ?? opts.process ?? "mission-ess-departement",
    },
    {
      type: "Input.ChoiceSet",
      id: "step",
      label: "Étape de la démarche",
      style: "compact",
      isRequired: true,
      errorMessage: "Choisissez l'étape.",
      choices: JOURNEY_STEPS.map((s) => ({ title: STEP_LABELS[s], value: s })),
      ...(v("step") ? { value: v("step") } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "blocker",
      label: "Nature de la difficulté",
      style: "compact",
      isRequired: true,
      errorMessage: "Choisissez la nature de la difficulté.",
      choices: BLOCKERS.map((b) => ({ title: BLOCKER_LABELS[b], value: b })),
      ...(v("blocker") ? { value: v("blocker") } : {}),
    },
    {
      type: "Input.Text",
      id: "commune",
      label: "Commune concernée",
      maxLength: 120,
      isRequired: true,
      errorMessage: "Indiquez la commune.",
      ...(v("commune") ? { value: v("commune") } : {}),
    },
    {
      type: "Input.Text",
      id: "description",
      label: "Description de la difficulté",
      isMultiline: true,
      maxLength: 4000,
      isRequired: true,
      errorMessage: "Décrivez la difficulté.",
      ...(v("description") ? { value: v("description") } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "severity",
      label: "Gravité",
      style: "expanded",
      isRequired: true,
      choices: choices(SEVERITY_CHOICES),
      value: v("severity") ?? "2",
    },
    {
      type: "Input.Toggle",
      id: "contactOk",
      title: "J'accepte que l'équipe ESS me recontacte à ce sujet",
      valueOn: "true",
      valueOff: "false",
      value: v("contactOk") === "true" ? "true" : "false",
    },
  ];
  return card(body, [
    submit("Envoyer", { relais: "form", kind: "friction" }),
    submit("Annuler", { relais: "action", id: "cancel" }, { associatedInputs: "none" }),
  ]);
}
