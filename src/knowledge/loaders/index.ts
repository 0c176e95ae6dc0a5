/** Document loaders: Markdown, PDF, DOCX (see each module). */
export {
  KnowledgeLoadError,
  type LoaderInput,
  type ParsedDoc,
  type OutlineItem,
  formatIssues,
  validateFrontMatter,
  slugify,
} from "./common.js";
export { loadMarkdown, markdownOutline, stripInline } from "./markdown.js";
export { loadPdf } from "./pdf.js";
export { loadDocx } from "./docx.js";
