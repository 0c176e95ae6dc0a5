/** The bundled knowledge/ folder must load cleanly and fast (guards the knowledge files). */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.js";

const ROOT = "knowledge";

describe.skipIf(!existsSync(ROOT))("bundled knowledge", () => {
  it("loads without errors, with unique non-empty bounded chunks, well under a second", async () => {
    await loadCorpus(ROOT); // warm-up: module loading and JIT
    const t0 = performance.now();
    const { docs, errors } = await loadCorpus(ROOT);
    const ms = performance.now() - t0;
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(docs.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const d of docs) {
      expect(d.chunks.length).toBeGreaterThan(0);
      for (const c of d.chunks) {
        expect(ids.has(c.id)).toBe(false);
        ids.add(c.id);
        expect(c.text.trim()).not.toBe("");
        expect(c.text.length).toBeLessThanOrEqual(1200);
        expect(c.headingPath[0]).toBe(d.meta.title);
        expect(c.text).not.toMatch(/\*\*|\]\(https?:/);
      }
    }
    expect(ms).toBeLessThan(1000);
  });
});
