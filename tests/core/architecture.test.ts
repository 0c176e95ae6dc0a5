/**
 * The folders of src/ depend on each other in one direction only: no import cycle
 * between folders (channels/<name> count as folders of their own, and each file at the
 * root of src/ as its own node), and the core never imports a channel package.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The node a file belongs to: its top folder (channels/<name> for channels), or the file itself at the root. */
function nodeOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel.length === 1) return rel[0]!;
  return rel[0] === "channels" && rel.length > 2 ? `channels/${rel[1]}` : rel[0]!;
}

function graph(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const f of files(SRC)) {
    for (const m of readFileSync(f, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = path.resolve(path.dirname(f), m[1]!).replace(/\.js$/, ".ts");
      const a = nodeOf(f);
      const b = nodeOf(target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
  }
  return edges;
}

/** The names a source file imports from src/storage/types.ts. */
function storageTypesImported(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*"[./]*\/storage\/types\.js"/g))
    names.push(
      ...m[1]!
        .split(",")
        .map(
          (n) =>
            n
              .trim()
              .replace(/^type\s+/, "")
              .split(/\s+as\s+/)[0]!,
        )
        .filter(Boolean),
    );
  return names;
}

function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === "done") return null;
    if (state.get(n) === "visiting") return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, "visiting");
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, "done");
    return null;
  };
  for (const n of edges.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe("architecture", () => {
  it("has no import cycle between folders of src/", () => {
    expect(findCycle(graph())).toBeNull();
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    expect(
      findCycle(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["a"])],
        ]),
      ),
    ).toEqual(["a", "b", "a"]);
  });

  it("keeps Slack and Teams packages inside their channel folders", () => {
    const leaks = files(SRC)
      .filter((f) => !/[/\\]channels[/\\](slack|teams)[/\\]/.test(f))
      .filter((f) => /from\s+"(@slack\/|botbuilder|botframework)/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f));
    expect(leaks).toEqual([]);
  });

  it("gives channels the storage ports they use, never the whole Storage", () => {
    const whole = files(path.join(SRC, "channels"))
      .filter((f) => storageTypesImported(readFileSync(f, "utf8")).includes("Storage"))
      .map((f) => path.relative(SRC, f));
    expect(whole).toEqual([]);
  });

  it("sees an import of the whole Storage (the check itself works)", () => {
    expect(storageTypesImported('import type { HandoffRecord, Storage } from "../../storage/types.js";')).toContain("Storage");
    expect(storageTypesImported('import { type StateStore, type Storage as S } from "../storage/types.js";')).toContain("Storage");
    expect(storageTypesImported('import type { StateStore } from "../../storage/types.js";')).not.toContain("Storage");
  });
});
