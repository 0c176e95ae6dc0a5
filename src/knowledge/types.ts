import type { FrontMatter } from "./schema.js";

/** One retrievable passage: a section of a document (or part of a long section). */
export interface Chunk {
  /** Stable id: `${docId}#${ordinal}`. */
  id: string;
  docId: string;
  /** Section text, plain (Markdown emphasis removed), without the heading line. */
  text: string;
  /** Heading path from the document title down to the section. */
  headingPath: string[];
  /** 1-based page for PDF sources. */
  page?: number;
}

/** One loaded knowledge document, with its chunks. */
export interface KnowledgeDoc {
  meta: FrontMatter;
  /** Path relative to the knowledge root. */
  path: string;
  /** sha256 of the file bytes (for "what changed since the last build"). */
  hash: string;
  /** Body as plain text (for whole-document needs). */
  body: string;
  chunks: Chunk[];
}
