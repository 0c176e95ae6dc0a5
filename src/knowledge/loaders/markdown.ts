/**
 * Markdown loader: gray-matter front matter validated with `FrontMatter`, body split into
 * sections by heading (`#` is the document title level, then `##`, `###`…), Markdown
 * emphasis, links and images reduced to plain text, lists and table rows kept as lines.
 */
import matter from "gray-matter";
import {
  KnowledgeLoadError,
  buildSections,
  findTitleHeading,
  tidy,
  validateFrontMatter,
  type LoaderInput,
  type OutlineItem,
  type ParsedDoc,
} from "./common.js";

/** Reduce inline Markdown to plain text: keeps link text and image alt text, drops markup. */
export function stripInline(s: string): string {
  let t = s;
  t = t.replace(/<!--[\s\S]*?-->/g, "");
  t = t.replace(/`([^`]+)`/g, "$1");
  t = t.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1");
  t = t.replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1");
  t = t.replace(/\[\^[^\]]+\]/g, "");
  t = t.replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1");
  t = t.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1");
  t = t.replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1");
  t = t.replace(/<br\s*\/?>/gi, " ");
  t = t.replace(/<\/?[a-zA-Z][^>]*>/g, "");
  t = t.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2");
  t = t.replace(/(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*]*?[^\s*\\])\*(?![\p{L}\p{N}*])/gu, "$1");
  t = t.replace(/(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_]*?[^\s_\\])_(?![\p{L}\p{N}_])/gu, "$1");
  t = t.replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
  t = t
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
  return t;
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

/** Parse a Markdown body (front matter already removed) into outline items. */
export function markdownOutline(body: string): OutlineItem[] {
  const items: OutlineItem[] = [];
  const lines = body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  let para: string[] = [];
  let kind: "text" | "list" | "table" | "code" = "text";
  const flush = () => {
    if (para.length) {
      const text = kind === "text" ? tidy(para.join(" ")) : tidy(para.join("\n"));
      if (text) items.push({ type: "block", text });
    }
    para = [];
    kind = "text";
  };
  let inFence = false;
  for (const raw of lines) {
    if (FENCE.test(raw)) {
      if (inFence) {
        flush();
        inFence = false;
      } else {
        flush();
        inFence = true;
        kind = "code";
      }
      continue;
    }
    if (inFence) {
      para.push(raw);
      continue;
    }
    const line = raw.replace(/^\s{0,3}>\s?/, "");
    if (!line.trim() || RULE.test(line)) {
      flush();
      continue;
    }
    if (LINK_DEFINITION.test(line)) continue;
    const h = HEADING.exec(line);
    if (h) {
      flush();
      const text = tidy(stripInline(h[2]!));
      if (text) items.push({ type: "heading", level: h[1]!.length, text });
      continue;
    }
    if (TABLE_ROW.test(line)) {
      if (kind !== "table") flush();
      kind = "table";
      if (TABLE_SEPARATOR.test(line)) continue;
      const cells = line
        .trim()
        .replace(/^\||\|$/g, "")
        .split(/(?<!\\)\|/)
        .map((c) => stripInline(c.trim()))
        .filter((c) => c);
      if (cells.length) para.push(cells.join(" ; "));
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li) {
      if (kind !== "list") flush();
      kind = "list";
      const marker = /^\d/.test(li[2]!) ? li[2]!.replace(")", ".") : "-";
      const indent = li[1]!.length >= 2 ? "  " : "";
      para.push(`${indent}${marker} ${stripInline(li[3]!)}`);
      continue;
    }
    if (kind === "list" && para.length && /^\s+\S/.test(line)) {
      // Continuation of the previous list item.
      para[para.length - 1] += " " + stripInline(line.trim());
      continue;
    }
    if (kind !== "text") flush();
    para.push(stripInline(line));
  }
  flush();
  return items;
}

/** Load a Markdown knowledge document. Throws KnowledgeLoadError with a readable message. */
export function loadMarkdown(input: LoaderInput): ParsedDoc {
  const text = Buffer.from(input.bytes)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  if (!/^---\s*\r?\n/.test(text))
    throw new KnowledgeLoadError(
      input.displayPath,
      `${input.displayPath} : en-tête YAML (front matter) absent — le fichier doit commencer par une ligne « --- ».`,
    );
  let parsed: { data: unknown; content: string };
  try {
    // Passing options disables gray-matter's global cache (shared, mutable results).
    parsed = matter(text, { excerpt: false });
  } catch (e) {
    throw new KnowledgeLoadError(input.displayPath, `${input.displayPath} : en-tête YAML (front matter) illisible : ${(e as Error).message}`, { cause: e });
  }
  const meta = validateFrontMatter(parsed.data, input.displayPath, "en-tête YAML");
  const items = markdownOutline(parsed.content);
  const titleIndex = findTitleHeading(items, 1);
  const { sections, body } = buildSections(items, meta.title, titleIndex);
  return { meta, body, sections };
}
