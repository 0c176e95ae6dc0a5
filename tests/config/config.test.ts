/**
 * One configuration read at start: no module of src/ outside src/config/ reads
 * process.env, and the knowledge paths, log level and storage tuning all come
 * from the validated configuration object.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { currentKnowledgePaths, knowledgePaths, useKnowledgePaths } from "../../src/core/paths.js";
import { CARDS_DIR, DRAFTS_DIR } from "../../src/knowledge/cards.js";
import { defaultAxesFile } from "../../src/report/axes.js";
import { createStorage } from "../../src/storage/index.js";

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|mjs)$/.test(p) ? [p] : [];
  });
}

/** Lines of `text` that read the process environment (process.env, process["env"], destructured env). */
function envReads(text: string): string[] {
  return text.split("\n").filter((l) => /\bprocess\s*(?:\.\s*env\b|\[\s*["'`]env["'`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b/.test(l));
}

const env = (vars: Record<string, string>) => loadConfig({ NODE_ENV: "test", ...vars } as NodeJS.ProcessEnv, { dotenv: false });

describe("configuration", () => {
  it("no file of src/ outside src/config/ reads process.env", () => {
    const offenders = files(SRC)
      .filter((f) => !f.startsWith(path.join(SRC, "config") + path.sep))
      .flatMap((f) => envReads(readFileSync(f, "utf8")).map((l) => `${path.relative(SRC, f)}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });

  it("the scan finds every spelling of an environment read (the check itself works)", () => {
    expect(envReads('const a = process.env.LOG_LEVEL;\nconst b = process["env"];\nconst { env } = process;\nconst c = 1;')).toHaveLength(3);
    expect(envReads("// the configured paths\nconst environment = config.env;")).toEqual([]);
  });

  it("derives every knowledge and prompt path from KNOWLEDGE_DIR and PROMPTS_DIR", () => {
    const c = env({ KNOWLEDGE_DIR: "/srv/gard/connaissances", PROMPTS_DIR: "/srv/gard/consignes" });
    expect(c.paths).toEqual(knowledgePaths("/srv/gard/connaissances", "/srv/gard/consignes"));
    expect(c.paths.rules).toBe("/srv/gard/connaissances/regles");
    expect(c.paths.cards).toBe("/srv/gard/connaissances/reponses");
    expect(c.paths.links).toBe("/srv/gard/connaissances/liens-schema.yaml");
    expect(c.paths.synonyms).toBe("/srv/gard/connaissances/glossaire/synonymes.yaml");
    expect(c.paths.guardrails).toBe("/srv/gard/consignes/guardrails.yaml");
    // The folder names the card and draft modules show in messages are the ones read.
    expect(c.paths.cards).toBe(path.join("/srv/gard/connaissances", CARDS_DIR));
    expect(c.paths.drafts).toBe(path.join("/srv/gard/connaissances", CARDS_DIR, DRAFTS_DIR));
    // Every path but the prompts lies inside the knowledge folder.
    for (const [k, p] of Object.entries(c.paths)) if (k !== "prompts" && k !== "guardrails") expect(p.startsWith("/srv/gard/connaissances")).toBe(true);
  });

  it("the report's axes file follows the configured paths, not the environment", () => {
    const before = currentKnowledgePaths();
    try {
      useKnowledgePaths(knowledgePaths("/srv/gard/connaissances"));
      expect(defaultAxesFile()).toBe("/srv/gard/connaissances/liens-schema.yaml");
    } finally {
      useKnowledgePaths(before);
    }
  });

  it("reads the log level and the storage tuning once, validated", () => {
    const c = env({ LOG_LEVEL: "warn", SQLITE_SYNCHRONOUS: "full", PG_PREPARED_STATEMENTS: "off" });
    expect(c.logLevel).toBe("warn");
    expect(c.storage).toEqual({ sqliteSynchronous: "FULL", pgPreparedStatements: false });
    expect(env({}).storage).toEqual({ sqliteSynchronous: "NORMAL", pgPreparedStatements: true });
    expect(() => env({ SQLITE_SYNCHRONOUS: "sometimes" })).toThrow(/SQLITE_SYNCHRONOUS : doit valoir NORMAL ou FULL/);
  });

  it("SQLITE_SYNCHRONOUS=FULL reaches the SQLite file through the configuration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "relais-config-"));
    try {
      const c = env({ DATA_DIR: dir, SQLITE_SYNCHRONOUS: "FULL" });
      const storage = await createStorage({ databaseUrl: c.databaseUrl, dataDir: c.dataDir, ...c.storage });
      try {
        // PRAGMA synchronous is per connection: ask the storage's own connection (0 OFF, 1 NORMAL, 2 FULL).
        const db = (storage as unknown as { db: Database.Database }).db;
        expect(db.pragma("synchronous", { simple: true })).toBe(2);
      } finally {
        await storage.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
