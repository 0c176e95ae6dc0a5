/**
 * Text helpers for Teams: the core's tiny Markdown subset (paragraphs, "- "
 * bullets, **bold**) turned into Adaptive Card TextRuns (never interpreted as
 * Markdown, HTML or templating), and a sanitizer for the message `text`, which
 * Teams renders as Markdown.
 */

export interface Run {
  text: string;
  bold: boolean;
}
export interface Block {
  bullet: boolean;
  runs: Run[];
}

/** Removes control characters (keeps newlines and tabs). */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, "");
}

/** Shortens `s` to at most `max` characters, on a word boundary when possible, with "…". */
export function truncate(s: string, max: number): string {
  if (max <= 0) return "";
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const cut = chars.slice(0, Math.max(0, max - 1)).join("");
  const space = cut.lastIndexOf(" ");
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return base.replace(/[\s,;:.]+$/, "") + "…";
}

/** Plain text: the subset's markup removed, whitespace collapsed. */
export function plainText(s: string): string {
  return stripControl(s)
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/^\s*-\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits one line into bold / normal runs on `**…**`. */
function runsOf(line: string): Run[] {
  const runs: Run[] = [];
  const re = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) runs.push({ text: line.slice(last, m.index), bold: false });
    runs.push({ text: m[1] ?? "", bold: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last), bold: false });
  return runs.filter((r) => r.text.length > 0);
}

/** Parses the Markdown subset into paragraphs and bullet items. */
export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ bullet: false, runs: runsOf(para.join(" ")) });
    para = [];
  };
  for (const raw of stripControl(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    if (bullet) {
      flush();
      blocks.push({ bullet: true, runs: runsOf(bullet[1] ?? "") });
    } else {
      para.push(line);
    }
  }
  flush();
  return blocks.filter((b) => b.runs.length > 0);
}

/**
 * Makes the core's text safe as Teams message Markdown: keeps paragraphs,
 * "- " bullets, **bold** and `[n]` markers; neutralises HTML tags, links,
 * images, headings, code and tables that user text could smuggle in.
 */
export function toTeamsMarkdown(text: string): string {
  const lines = stripControl(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .split(/\r?\n/)
    .map((line) =>
      line
        // [label](url) and ![alt](src): break the link syntax, keep the words.
        .replace(/!\[/g, "!\u2060[")
        .replace(/\]\(/g, "] (")
        // Headings, code fences/spans, tables, horizontal rules.
        .replace(/^\s*#+\s*/, "")
        .replace(/`/g, "'")
        .replace(/\|/g, "¦")
        .replace(/^\s*([=_]{3,}|\*{3,})\s*$/, "")
        // Bullets in any style become "- ".
        .replace(/^\s*[*•]\s+/, "- ")
        .trimEnd(),
    );
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** UTF-8 size of a JSON value. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}
