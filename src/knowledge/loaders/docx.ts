/**
 * DOCX loader: mammoth `convertToHtml`, then headings (h1–h6; the "Title" / "Titre" style is
 * the document title) give the sections; paragraphs, list items (one line each) and table
 * rows (cells joined by " ; ") give the blocks. Metadata: sidecar `<file>.meta.yaml`, else
 * synthesised (kind `schema`), title from the document properties, the Title-style
 * paragraph, or the first heading.
 */
import path from "node:path";
import JSZip from "jszip";
import mammoth from "mammoth";
import { KnowledgeLoadError, buildSections, findTitleHeading, metaForBinary, tidy, type LoaderInput, type OutlineItem, type ParsedDoc } from "./common.js";

const STYLE_MAP = [
  "p[style-name='Title'] => p.doc-title:fresh",
  "p[style-name='Titre'] => p.doc-title:fresh",
  "p[style-name='Titre 1'] => h1:fresh",
  "p[style-name='Titre 2'] => h2:fresh",
  "p[style-name='Titre 3'] => h3:fresh",
  "p[style-name='Titre 4'] => h4:fresh",
];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Turn mammoth's HTML into outline items. Exported for tests. */
export function htmlToOutline(html: string): OutlineItem[] {
  const items: OutlineItem[] = [];
  let text = "";
  let heading: number | null = null;
  const lists: { ordered: boolean; n: number }[] = [];
  let listLines: string[] = [];
  let inTable = 0;
  let cells: string[] = [];
  let rows: string[] = [];

  const take = () => {
    const t = tidy(decodeEntities(text)).replace(/\n/g, " ");
    text = "";
    return t;
  };
  const pushListLine = () => {
    const t = take();
    if (!t || lists.length === 0) return;
    const l = lists[lists.length - 1]!;
    const marker = l.ordered ? `${l.n}.` : "-";
    listLines.push(`${"  ".repeat(lists.length - 1)}${marker} ${t}`);
  };
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[4] !== undefined) {
      text += m[4];
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? "";
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) {
        if (!inTable && !lists.length) take();
        heading = Number(tag[1]);
      } else {
        const t = take();
        if (t) items.push({ type: "heading", level: heading ?? 1, text: t });
        heading = null;
      }
      continue;
    }
    switch (tag) {
      case "p":
        if (!closing) {
          if (/class="[^"]*doc-title/.test(attrs)) heading = 0;
        } else if (heading === 0) {
          const t = take();
          if (t) items.push({ type: "heading", level: 0, text: t });
          heading = null;
        } else if (inTable || lists.length) {
          text += " ";
        } else {
          const t = take();
          if (t) items.push({ type: "block", text: t });
        }
        break;
      case "br":
        text += " ";
        break;
      case "ul":
      case "ol":
        if (!closing) {
          if (lists.length) pushListLine();
          lists.push({ ordered: tag === "ol", n: 0 });
        } else {
          pushListLine();
          lists.pop();
          if (lists.length === 0 && listLines.length) {
            items.push({ type: "block", text: listLines.join("\n") });
            listLines = [];
          }
        }
        break;
      case "li":
        if (!closing) {
          pushListLine();
          const l = lists[lists.length - 1];
          if (l) l.n++;
        } else {
          pushListLine();
        }
        break;
      case "table":
        if (!closing) inTable++;
        else if (--inTable === 0) {
          if (rows.length) items.push({ type: "block", text: rows.join("\n") });
          rows = [];
        }
        break;
      case "td":
      case "th":
        if (closing) {
          const t = take();
          if (t) cells.push(t);
        }
        break;
      case "tr":
        if (closing) {
          if (cells.length) rows.push(cells.join(" ; "));
          cells = [];
        }
        break;
      default:
        break; // inline tags (strong, em, a, sup…) keep their text only
    }
  }
  const rest = take();
  if (rest) items.push({ type: "block", text: rest });
  return items;
}

async function coreTitle(bytes: Uint8Array): Promise<string> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const core = await zip.file("docProps/core.xml")?.async("string");
    const m = core ? /<dc:title>([\s\S]*?)<\/dc:title>/.exec(core) : null;
    return m ? tidy(decodeEntities(m[1]!)) : "";
  } catch {
    return "";
  }
}

/** Load a DOCX knowledge document. Throws KnowledgeLoadError with a readable message. */
export async function loadDocx(input: LoaderInput): Promise<ParsedDoc> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes) }, { styleMap: STYLE_MAP });
    html = result.value;
  } catch (e) {
    throw new KnowledgeLoadError(input.displayPath, `${input.displayPath} : le fichier n'est pas un document Word (.docx) lisible (${(e as Error).message}).`, {
      cause: e,
    });
  }
  const items = htmlToOutline(html);
  if (items.length === 0) throw new KnowledgeLoadError(input.displayPath, `${input.displayPath} : document Word vide (aucun texte).`);
  const propsTitle = await coreTitle(input.bytes);
  let titleIndex = findTitleHeading(items);
  // A lone Heading 1 is the title only when nothing else names the document (or it says the same).
  const candidate = items[titleIndex];
  if (candidate?.type === "heading" && candidate.level > 0 && propsTitle && propsTitle.toLowerCase() !== candidate.text.toLowerCase()) titleIndex = -1;
  const firstHeading = items.find((i) => i.type === "heading")?.text ?? "";
  const titleHeading = titleIndex >= 0 ? items[titleIndex]!.text : "";
  const baseName = path.basename(input.displayPath).replace(/\.docx$/i, "");
  const title = propsTitle || titleHeading || firstHeading;
  const meta = await metaForBinary(input, { baseName, title });
  const { sections, body } = buildSections(items, meta.title, titleIndex);
  return { meta, body, sections };
}
