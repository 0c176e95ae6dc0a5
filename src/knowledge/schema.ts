/**
 * Front matter of a knowledge document (knowledge/**.md), validated by zod.
 * PDF and DOCX files get a synthesised front matter (see loaders) or a sidecar
 * `<file>.meta.yaml` with the same fields.
 */
import { z } from "zod";
import { DOC_NATURE_LABELS } from "../domain/labels.js";
import { DocKind, ProcessId } from "../domain/ids.js";

/** What the document is, so answers can keep commitments, results and context apart. */
export const DocNature = z.enum([
  "engagement-schema", // a commitment or measure of the Schéma départemental
  "resultat-concertation", // an outcome of the concertation
  "dispositif", // a support process offered by the Département or a partner
  "acteur", // a partner organisation
  "contexte-legal", // national or European legal context
  "donnee-territoire", // geography, figures
  "glossaire",
]);
export type DocNature = z.infer<typeof DocNature>;

/** French names of the natures (src/domain/labels.ts). */
export const NATURE_LABELS: Record<DocNature, string> = DOC_NATURE_LABELS;

export const ProcessFields = z
  .object({
    name: z.string().min(3),
    operator: z.string().min(2),
    /** Who the process serves, in plain French. */
    audience: z.string().min(3),
    offers: z.array(z.string().min(3)).min(1),
    stages: z.array(z.string().min(3)).min(1),
    /** Public contact channels only (website, platform): never a personal email or phone. */
    contacts: z.array(z.object({ label: z.string(), url: z.string().url().optional() })).default([]),
    /** Typical needs, in the words of project holders: used by the router. */
    examples: z.array(z.string().min(10)).min(3),
  })
  .strict();
export type ProcessFields = z.infer<typeof ProcessFields>;

export const FrontMatter = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id: lower-case letters, digits and hyphens"),
    title: z.string().min(3),
    kind: DocKind,
    nature: DocNature,
    status: z.enum(["confirmed", "reported"]),
    sources: z.array(z.string().url()).default([]),
    updated: z.coerce.date(),
    audience: z.enum(["all", "agent"]).default("all"),
    tags: z.array(z.string()).default([]),
    /** For `kind: mesure`: the axis document id it belongs to. */
    axis: z.string().optional(),
    /** For `kind: process`: the structured directory entry. */
    process: ProcessFields.optional(),
  })
  .strict()
  .superRefine((fm, ctx) => {
    if (fm.kind === "mesure" && !fm.axis) ctx.addIssue({ code: "custom", message: "a mesure must name its axis" });
    if (fm.kind === "process") {
      if (!fm.process) ctx.addIssue({ code: "custom", message: "a process document needs its `process` fields" });
      if (!ProcessId.safeParse(fm.id).success) ctx.addIssue({ code: "custom", message: `process id ${fm.id} is not one of the 14 support processes` });
    }
  });
export type FrontMatter = z.infer<typeof FrontMatter>;
