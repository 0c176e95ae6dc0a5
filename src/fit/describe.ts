/**
 * "Ce que je retiens du projet": the facts read in the message, the needs and the
 * territory, in plain French. Territory statements cite the territory documents;
 * anything inferred (the commune's QPV, a small commune read as rural) says
 * "à vérifier".
 */
import { LEGAL_FORM_LABELS, PROJECT_STAGE_LABELS } from "../eligibility/facts.js";
import type { Citations } from "./sources.js";
import type { ProjectFeatures, Territory } from "./features.js";

const NUMBER_FR = new Intl.NumberFormat("fr-FR");
const cite = (n: number | null) => (n === null ? "" : ` [${n}]`);
/** "Association (loi 1901)" → "association (loi 1901)", but "SCIC (…)" stays. */
const lower = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The one-line summary of the project, then territory notes as bullets. */
export function describeProject(features: ProjectFeatures, citations: Citations): string {
  const { facts } = features;
  const parts: string[] = [];
  if (facts.legalForm) parts.push(`forme juridique : ${lower(LEGAL_FORM_LABELS[facts.legalForm])}`);
  if (facts.partnerStructures !== undefined)
    parts.push(`${facts.partnerStructures} structure${facts.partnerStructures > 1 ? "s" : ""} associée${facts.partnerStructures > 1 ? "s" : ""} au projet`);
  if (facts.employees !== undefined)
    parts.push(facts.employees === 0 ? "aucun salarié" : `${NUMBER_FR.format(facts.employees)} salarié${facts.employees > 1 ? "s" : ""}`);
  if (features.territory) {
    const t = features.territory;
    const epci = t.epci ? ` (${t.epci})${cite(citations.doc("territoire-epci", `${t.epci} intercommunalité`))}` : "";
    parts.push(`commune : ${t.commune}${epci}`);
  } else if (facts.commune) parts.push(`commune : ${facts.commune}`);
  if (facts.projectStage) parts.push(`stade : ${lower(PROJECT_STAGE_LABELS[facts.projectStage])}`);
  if (facts.projectCost !== undefined) parts.push(`coût annoncé : ${NUMBER_FR.format(facts.projectCost)} €`);
  if (facts.bankAccess === false) parts.push("pas d'accès au prêt bancaire");
  if (facts.essStatutes !== undefined) parts.push(facts.essStatutes ? "statuts conformes à la loi ESS" : "statuts sans les conditions de la loi ESS");
  const needs = features.needs.filter((n) => n.strength >= 0.6).map((n) => n.need.label);
  if (needs.length) parts.push(`besoin${needs.length > 1 ? "s" : ""} : ${needs.slice(0, 4).join(", ")}`);
  const lines = [`Ce que je retiens du projet : ${parts.length ? parts.join(" ; ") : "peu d'informations précises pour l'instant"}.`];
  if (features.territory) lines.push(...territoryNotes(features.territory, citations));
  return lines.join("\n");
}

function territoryNotes(t: Territory, citations: Citations): string[] {
  const out: string[] = [];
  if (!t.inGard) {
    out.push(
      `- ${t.commune} n'est pas une commune du Gard : les dispositifs du Département ne s'y appliquent pas, à vérifier avec l'équipe ESS${cite(citations.doc("territoire-gard", "communes du Gard département"))}.`,
    );
    return out;
  }
  const qpvDoc = () => cite(citations.doc("territoire-qpv", `quartiers prioritaires ${t.commune}`));
  if (t.qpvNamed)
    out.push(
      `- Le projet se situe dans un quartier prioritaire de la politique de la ville, d'après votre message : l'adresse exacte est à vérifier sur le service national de géographie prioritaire${qpvDoc()}.`,
    );
  else if (t.qpv === "yes")
    out.push(
      `- ${t.commune} compte au moins un quartier prioritaire : si l'adresse du projet s'y trouve, la politique de la ville peut aussi s'appliquer (à vérifier)${qpvDoc()}.`,
    );
  else if (t.qpv === "unconfirmed") out.push(`- ${t.commune} comptait un quartier prioritaire en 2015 ; son statut actuel est à vérifier${qpvDoc()}.`);
  if (t.probablyRural)
    out.push(
      `- ${t.commune} compte moins de 2 000 habitants : territoire probablement rural (à vérifier), ce qui correspond au défi de l'appel à communs pour les zones rurales${cite(citations.doc("territoire-rural", "communes rurales moins de 2 000 habitants appel à communs zone rurale"))}.`,
    );
  return out;
}
