/**
 * knowledge/liens-schema.yaml, the one file that links needs, measures, axes and
 * processes: every id points to a knowledge document, every link's source is one
 * of the public sources of the documents it links, a broken file is refused with
 * a French message, and the report reads its axis mapping from it.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { currentKnowledgePaths, useKnowledgePaths } from "../../src/core/paths.js";
import { PROCESS_IDS } from "../../src/domain/ids.js";
import { LINKS_FILE_NAME, LinksError, loadSchemaLinks, processOfDoc, readLinksFile } from "../../src/fit/links.js";
import { loadAxisMapping } from "../../src/report/axes.js";

const KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");
const links = loadSchemaLinks(KNOWLEDGE);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith(".md")) out.push(p);
  }
  return out;
}
/** Knowledge document id → its public sources (front matter). */
const SOURCES = new Map(
  walk(KNOWLEDGE).map((f) => {
    const fm = matter(readFileSync(f, "utf8")).data as { id: string; sources?: string[] };
    return [fm.id, fm.sources ?? []] as const;
  }),
);

const tmp = mkdtempSync(path.join(tmpdir(), "links-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the process of a measure", () => {
  it("is the process whose links list the measure; a context document belongs to none", () => {
    const of = processOfDoc(loadSchemaLinks(path.resolve(import.meta.dirname, "../../knowledge")));
    expect(of("mesure-gard-centrale")).toBe("appel-a-communs");
    expect(of("mesure-scic-gard-et-autonomie")).toBe("scic-participation");
    expect(of("schema-solidarites-sociales")).toBeUndefined();
    expect(of("inconnu")).toBeUndefined();
  });
});

describe("the links file", () => {
  it("links every process to an axis, its documents and how to apply", () => {
    for (const p of PROCESS_IDS) {
      const l = links.processes[p];
      expect(l, p).toBeDefined();
      expect(
        links.axes.map((a) => a.id),
        p,
      ).toContain(l.axis);
      expect(l.apply.length, p).toBeGreaterThan(20);
    }
    expect(links.processes["appel-a-communs"]).toMatchObject({ axis: "axe-1-cooperations", status: "confirme" });
  });

  it("names only knowledge documents, and each need reaches at least one process", () => {
    const ids = new Set(SOURCES.keys());
    for (const [p, l] of Object.entries(links.processes)) for (const d of [...l.documents, ...l.measures]) expect(ids, `${p} → ${d}`).toContain(d);
    for (const a of links.axes) if (a.document) expect(ids, a.id).toContain(a.document);
    for (const n of links.needs) {
      expect(n.links.length, n.id).toBeGreaterThan(0);
      for (const l of n.links) for (const m of l.measures) expect(ids, `${n.id} → ${m}`).toContain(m);
    }
  });

  it("cites for each link a public source taken from the documents it links", () => {
    const docSources = (docs: string[]) => docs.flatMap((d) => SOURCES.get(d) ?? []);
    const axisDoc = (axis: string) => links.axes.find((a) => a.id === axis)?.document;
    for (const [p, l] of Object.entries(links.processes)) {
      const allowed = docSources([...l.documents, ...l.measures, axisDoc(l.axis) ?? ""]);
      expect(allowed, `processus ${p} : ${l.source}`).toContain(l.source);
    }
    for (const n of links.needs) {
      for (const l of n.links) {
        const pl = links.processes[l.process];
        const allowed = docSources([...l.measures, ...pl.documents, ...pl.measures, axisDoc(l.axis) ?? ""]);
        expect(allowed, `besoin ${n.id} → ${l.process} : ${l.source}`).toContain(l.source);
      }
    }
  });

  it("refuses a broken file with a French message naming the problem", () => {
    const file = path.join(tmp, LINKS_FILE_NAME);
    const text = readFileSync(path.join(KNOWLEDGE, LINKS_FILE_NAME), "utf8").replace(
      "  dla:\n    axe: axe-3-acteurs-ressources",
      "  dla:\n    axe: axe-9-inconnu",
    );
    writeFileSync(file, text);
    expect(() => readLinksFile(file)).toThrow(LinksError);
    expect(() => readLinksFile(file)).toThrow(/processus dla : axe inconnu « axe-9-inconnu »/);
  });

  it("is the report's axis mapping, read from the configured knowledge folder", () => {
    const m = loadAxisMapping(path.join(KNOWLEDGE, LINKS_FILE_NAME));
    expect(m.status).toBe("hypothese-de-travail");
    for (const p of PROCESS_IDS) expect(m.byProcess[p]).toBe(links.processes[p].axis);
    const previous = currentKnowledgePaths();
    useKnowledgePaths(loadConfig({ NODE_ENV: "test", KNOWLEDGE_DIR: tmp } as NodeJS.ProcessEnv, { dotenv: false }).paths);
    try {
      writeFileSync(
        path.join(tmp, LINKS_FILE_NAME),
        readFileSync(path.join(KNOWLEDGE, LINKS_FILE_NAME), "utf8").replace(
          "cae:\n    axe: axe-3-acteurs-ressources",
          "cae:\n    axe: axe-4-innovation-sociale",
        ),
      );
      expect(loadAxisMapping().byProcess.cae).toBe("axe-4-innovation-sociale");
    } finally {
      useKnowledgePaths(previous);
    }
  });
});
