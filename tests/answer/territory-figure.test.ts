/** A figure asked for one territory (the Gard, the Occitanie region, France) is not answered by another's figure. */
import { describe, expect, it } from "vitest";
import { sameTerritory, territoryLevels } from "../../src/answer/territory.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string) => t.runtime.assistant.ask(q, { audience: "porteur" });

describe("territoryLevels", () => {
  it("reads the Gard, the region and France, not the Département's own name", () => {
    expect([...territoryLevels("Combien de salariés dans l'ESS gardoise ?")]).toEqual(["gard"]);
    expect([...territoryLevels("l'ESS pèse combien dans la région ?")]).toEqual(["occitanie"]);
    expect([...territoryLevels("How many jobs nationwide?")]).toEqual(["france"]);
    expect([...territoryLevels("Le Département du Gard a voté combien d'actions ?")]).toEqual([]);
  });
  it("a figure fits when either side names no territory or both share one", () => {
    expect(sameTerritory(new Set(["gard"]), new Set(["occitanie"]))).toBe(false);
    expect(sameTerritory(new Set(["gard"]), new Set(["gard", "occitanie"]))).toBe(true);
    expect(sameTerritory(new Set(), new Set(["occitanie"]))).toBe(true);
  });
});

describe("the jobs of the ESS, asked for the Gard or for the region", () => {
  it("gives the Gard's figures for the Gard", async () => {
    for (const q of ["Il y a combien d'emplois dans l'ESS dans le Gard ?", "cb de salariés ESS ds le Gard ?"]) {
      const r = await ask(q);
      expect(r.refused, q).toBe(false);
      expect(r.text, q).not.toMatch(/214\s?000/);
      expect(r.text, q).toMatch(/24\s?000|11,6\s?%|12\s?%/);
    }
  });
  it("still gives the region's figure for the region", async () => {
    const r = await ask("Combien de salariés compte l'ESS dans la région Occitanie ?");
    expect(r.text).toMatch(/214\s?000/);
  });
});
