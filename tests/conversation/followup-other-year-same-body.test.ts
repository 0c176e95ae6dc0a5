/**
 * A follow-up asking only another year of a figure just given (« et en 2025 ? » after what the politique de la ville funded
 * in 2024) asks that figure of the same body: when the only figure found for that year is another body's (the Adie's
 * microloans), it is not given as the answer; the year is said not to be published. Near-misses: a year asked of a topic
 * whose own documents give it keeps its answer, and so does a question naming the other body itself.
 */
import { describe, expect, it } from "vitest";
import { onlyYearAsked } from "../../src/answer/answerer.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("only a year asked", () => {
  it.each([
    ["et en 2025 ?", "2025"],
    ["what about 2026?", "2026"],
    ["et pour 2025, combien ?", "2025"],
    ["et en 2025 à Alès ?", null],
    ["et entre 2024 et 2025 ?", null],
    ["et les ateliers ?", null],
  ])("%s → %s", (q, year) => expect(onlyYearAsked(q)).toBe(year));
});

describe("another year of a figure just given", () => {
  it("is not answered by another body's figure for that year", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Les contrats de ville Engagements Quartiers 2030, c'est quoi ?");
    await c.say("il y a eu combien de projets soutenus en 2024 ?");
    const r = await c.say("what about 2025?");
    expect(r.refused, r.text).toBe(true);
    expect(r.text).not.toMatch(/120 projets/);
  });

  it("a question naming the other body keeps its answer", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("L'Adie a financé combien de projets dans le Gard ?");
    const r = await c.say("et en 2025 ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/120/);
  });
});
