/**
 * Text safety and formatting for Slack. Every string that comes from a user or
 * from the knowledge base goes through `escapeMrkdwn` before it reaches Slack,
 * so nobody can inject mentions (<@U…>, <!channel>, <!here>) or links
 * (<http://…|…>): Slack only parses those inside `<…>`, and `<`, `>` and `&`
 * become entities here.
 */

/** Escapes the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return (
    stripControl(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // Plain "@channel"/"@here"/"@everyone" are not parsed by chat.postMessage
      // without `link_names`, but a zero-width space makes sure of it.
      .replace(/@(channel|here|everyone)\b/gi, "@\u200B$1")
  );
}

/** Removes control characters (except tab and newline) that Slack would show as garbage. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "");
}

/** Plain text for `plain_text` objects (no parsing by Slack, but no control characters). */
export function plain(text: string, max: number): string {
  return truncate(stripControl(text).replace(/\s+/g, " ").trim(), max);
}

/** Truncates to `max` characters (code points kept whole), ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…".slice(0, max);
  let cut = text.slice(0, max - 1);
  // Do not split a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  // Do not leave a half entity (&amp; …) at the end of escaped text.
  cut = cut.replace(/&[a-z]{0,4}$/, "");
  // Prefer a word boundary when one is close.
  const space = cut.lastIndexOf(" ");
  if (space > max * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/**
 * Converts the core's tiny Markdown subset (paragraphs, "- " bullets,
 * **bold**) to Slack mrkdwn, escaping everything first. `[n]` citation markers
 * are kept as they are: they point at the numbered sources block.
 */
export function toMrkdwn(text: string): string {
  const escaped = escapeMrkdwn(text);
  const lines = escaped.split("\n").map((line) => {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const body = bullet ? `• ${bullet[1]}` : line;
    // **bold** → *bold* (Slack bold). Single "*" left alone.
    return body.replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, "*$1*");
  });
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Plain-text version of the same subset (for the notification fallback). */
export function toPlainFallback(text: string): string {
  return escapeMrkdwn(text)
    .split("\n")
    .map((line) => line.replace(/^\s*[-*]\s+/, "• ").replace(/\*\*([^*\n]+?)\*\*/g, "$1"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A safe Slack link `<url|label>`: only http(s) URLs, the URL percent-encodes
 * the characters that would end the link, the label is escaped. Anything else
 * becomes the escaped label alone.
 */
export function link(url: string | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, "¦");
  if (!url) return safeLabel;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return safeLabel;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return safeLabel;
  const href = parsed.href.replace(/[<>|\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, "&amp;");
  if (href.length > 1000) return safeLabel;
  return `<${href}|${safeLabel}>`;
}

/** A user mention, only for ids that look like Slack user ids. */
export function mentionUser(userId: string | undefined): string {
  return userId && /^[UW][A-Z0-9]{2,30}$/.test(userId) ? `<@${userId}>` : "une personne";
}

/** A channel mention, only for ids that look like Slack channel ids. */
export function mentionChannel(channelId: string | undefined): string {
  return channelId && /^[CGD][A-Z0-9]{2,30}$/.test(channelId) ? `<#${channelId}>` : "un canal Slack";
}
