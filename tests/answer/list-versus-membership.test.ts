/**
 * Which territories the consultation covered is published; which territory each commune belongs to is not (a gap):
 * a question on the list is answered, one on a commune's territory is not. An axis of the schema asked by its number
 * goes to the schema's team, not to a process that echoes it.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (question: string) => t.runtime.answerer.ask(question, { audience: "porteur" });

describe("the territories of the consultation", () => {
  it("are not refused as the commune-by-commune breakdown when asked which they were", async () => {
    const r = await ask("Les ateliers de 2023, ils ont eu lieu dans quels territoires ?");
    expect(r.refused).toBe(false);
    expect(r.text).not.toMatch(/commune par commune/);
  });

  it("are not matched commune by commune", async () => {
    const r = await ask("Saint-Hippolyte-du-Fort se trouve dans quel territoire de la concertation ?");
    expect(r.refused).toBe(true);
  });
});

describe("an axis of the schema asked by its number", () => {
  it("goes to the schema's team", async () => {
    const r = await ask("L'axe 4 du schéma, qu'est-ce que ça donne en pratique ?");
    expect(r.route?.process).toBe("mission-ess-departement");
  });

  it("leaves a need for a process with that process", async () => {
    const r = await ask("Qui peut incuber notre projet d'innovation sociale ?");
    expect(r.route?.process).not.toBe("mission-ess-departement");
  });
});
