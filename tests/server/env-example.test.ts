/** .env.example documents every variable and is itself a valid configuration. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { EnvSchema, loadConfig } from "../../src/config/env.js";
import { loadServerSettings, ServerEnvSchema } from "../../src/server/settings.js";
import { ROOT } from "./helpers.js";

const text = readFileSync(path.join(ROOT, ".env.example"), "utf8");
const vars = parse(text) as NodeJS.ProcessEnv;

describe(".env.example", () => {
  it("documents every variable of the configuration and of the service, each with a comment above it", () => {
    const lines = text.split("\n");
    for (const key of [...Object.keys(EnvSchema.shape), ...Object.keys(ServerEnvSchema.shape)]) {
      expect(Object.keys(vars), key).toContain(key);
      const i = lines.findIndex((l) => l.startsWith(`${key}=`));
      expect(lines[i - 1], `comment above ${key}`).toMatch(/^# /);
    }
  });

  it("documents nothing that the configuration does not know", () => {
    const known = new Set([...Object.keys(EnvSchema.shape), ...Object.keys(ServerEnvSchema.shape)]);
    expect(Object.keys(vars).filter((k) => !known.has(k))).toEqual([]);
  });

  it("is a valid configuration as is (copy to .env and start)", () => {
    const cfg = loadConfig({ ...vars }, { dotenv: false });
    expect(cfg.env.PORT).toBe(3978);
    expect(cfg.production).toBe(false);
    const s = loadServerSettings({ ...vars }, cfg.production);
    expect(s.playground).toBe(true);
    expect(s.rateLimitPerMinute).toBe(120);
  });
});
