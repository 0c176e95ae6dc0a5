/**
 * The fixed wording that ties a project-fit text to its options: the first line's
 * opening and the title before the options. Channels that render the options from
 * `Reply.fit` (Slack, Teams) show only the text before that title.
 */
export const FIRST_LINE_START = "Pour ce projet, la piste principale est";
export const OPTIONS_TITLE = "**Les pistes, dans l'ordre :**";

/** The part of a project-fit text before its options. */
export function fitHead(text: string): string {
  const i = text.indexOf(`\n\n${OPTIONS_TITLE}`);
  return i < 0 ? text : text.slice(0, i);
}
