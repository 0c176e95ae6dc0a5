/**
 * French messages for form fields, shared by every channel's forms (Slack
 * modals, Teams cards, the web playground): one message per field, said to
 * the person next to the field, never a validator's raw text.
 */

/** Friction report: what to do when a field is missing or invalid. */
export const FRICTION_FIELD_MESSAGES: Record<string, string> = {
  step: "Choisissez l'étape de votre démarche.",
  blocker: "Choisissez la nature de la difficulté.",
  process: "Choisissez le dispositif concerné.",
  commune: "Indiquez la commune (120 caractères au plus).",
  description: "Décrivez la difficulté en quelques phrases.",
  severity: "Choisissez une gravité de 1 à 3.",
  contactOk: "Indiquez si l'équipe peut vous recontacter.",
};

/** Eligibility facts. */
export const ELIGIBILITY_MESSAGES = {
  number: "Indiquez un nombre.",
  negative: "Le nombre ne peut pas être négatif.",
  integer: "Indiquez un nombre entier.",
  tooLarge: "Le nombre est trop grand.",
  choice: "Choisissez une valeur de la liste.",
  yesNo: "Répondez par oui ou par non.",
  commune: "Je ne trouve pas cette commune : indiquez une commune du Gard ou son code INSEE (par exemple Alès ou 30007).",
  text: "120 caractères au plus.",
} as const;
