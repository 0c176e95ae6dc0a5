/** Renders the core's Reply for a terminal (plain text, numbered sources, actions as slash commands). */
import type { Reply } from "../../domain/reply.js";
import { DOC_KIND_LABELS, DOC_NATURE_LABELS, label } from "../../domain/labels.js";

export const ACTION_COMMANDS: Record<string, string> = {
  "rate-up": "/utile",
  "rate-down": "/pasutile",
  eligibility: "/eligibilite",
  friction: "/difficulte",
  handoff: "/personne",
  report: "/rapport",
  cancel: "/annuler",
  confirm: "/confirmer",
  help: "/aide",
};

export function kindLabel(kind: string): string {
  return label(DOC_KIND_LABELS, kind) === kind ? label(DOC_NATURE_LABELS, kind) : label(DOC_KIND_LABELS, kind);
}

export function renderTerminal(r: Reply): string {
  const out: string[] = [r.text.replace(/\*\*(.+?)\*\*/g, "$1")];
  if (r.prompt?.options?.length && r.type === "prompt") out.push("", ...r.prompt.options.map((o, i) => `  ${i + 1}. ${o.label}`));
  if (r.sources.length) {
    out.push("", "Sources :");
    for (const s of r.sources)
      out.push(
        `  [${s.n}] ${s.title}${s.section ? ` — ${s.section}` : ""} (${kindLabel(s.kind)}${s.status === "reported" ? ", à vérifier" : ""})${s.url ? `\n      ${s.url}` : ""}`,
      );
  }
  if (r.route) {
    out.push("", `Orientation : ${r.route.name}${r.route.operator ? ` (${r.route.operator})` : ""}`);
    for (const c of r.route.contacts) out.push(`  ${c.label}${c.url ? ` : ${c.url}` : ""}`);
    for (const a of r.route.alternatives ?? []) out.push(`Autre piste : ${a.name} — ${a.why}`);
  }
  if (r.handoff) out.push("", "Résumé transmis :", ...r.handoff.summary.split("\n").map((l) => `  ${l}`));
  if (r.actions.length)
    out.push("", `Actions : ${r.actions.map((a) => `${ACTION_COMMANDS[a.id] ?? a.id} (${a.label.replace(/^[^\p{L}]+/u, "")})`).join("  ")}`);
  return out.join("\n");
}
