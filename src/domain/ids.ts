/**
 * Fixed vocabularies shared by every layer. Process ids come from
 * ../shared/domain/support-processes.md and must never change: evaluation sets,
 * eligibility results and handoff records use them.
 */
import { z } from "zod";

export const PROCESS_IDS = [
  "appel-a-communs",
  "mission-ess-departement",
  "dla",
  "france-active",
  "pret-honneur-microcredit",
  "incubation-innovation-sociale",
  "cae",
  "agrement-esus",
  "mecenat-fondations",
  "commande-publique",
  "region-occitanie",
  "politique-de-la-ville",
  "insertion-iae",
  "scic-participation",
] as const;
export const ProcessId = z.enum(PROCESS_IDS);
export type ProcessId = z.infer<typeof ProcessId>;

/** The default human handoff: the Department's ESS team. */
export const DEFAULT_PROCESS: ProcessId = "mission-ess-departement";

export const DOC_KINDS = ["schema", "axe", "mesure", "concertation", "process", "partner", "legal", "territory", "glossary"] as const;
export const DocKind = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKind>;

export const Audience = z.enum(["agent", "porteur"]);
export type Audience = z.infer<typeof Audience>;

export const Channel = z.enum(["cli", "slack", "teams", "web", "api"]);
export type Channel = z.infer<typeof Channel>;

/**
 * How soon a turn's answer is needed: `interactive` when a person waits on an
 * open request (API, playground, Teams), `background` when the channel has
 * already acknowledged and posts the answer later (Slack).
 */
export const Priority = z.enum(["interactive", "background"]);
export type Priority = z.infer<typeof Priority>;
