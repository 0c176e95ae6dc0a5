/**
 * English questions read with the one-way vocabulary (knowledge/lexique/anglais.yaml): an everyday English word
 * ("free of charge", "third", "replace") finds the French words of the passages that answer it; French questions
 * are read as before.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/text.js";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = async (q: string) => {
  const r = await t.runtime.answerer.ask(q, { audience: "porteur" });
  return { ...r, folded: fold(r.text) };
};

describe("everyday English words of a question", () => {
  it("an ordinal names the axis it counts", async () => {
    const r = await ask("what is the third axis of the ESS plan about?");
    expect(r.refused).toBe(false);
    expect(r.folded).toMatch(/axis 3|axe 3|resource organisations|ancrage/);
    expect(r.folded).not.toMatch(/four axes/);
  }, 60_000);

  it("'free of charge' finds what the passages call « gratuit »", async () => {
    const r = await ask("Is the DLA free of charge?");
    expect(r.refused).toBe(false);
    expect(r.folded).toMatch(/\bfree\b|gratuit/);
  }, 60_000);

  it("'replace' finds « ne remplace pas »", async () => {
    const r = await ask("does the call for commons replace the other calls for projects?");
    expect(r.refused).toBe(false);
    expect(r.folded).toMatch(/complementaire|ne remplace pas|s'y ajoute|not replace/);
  }, 60_000);

  it("'pays for' asks who funds a service, not a salary", async () => {
    for (const q of ["Who pays for the DLA consultants?", "who pays for the support the DLA gives?"]) {
      const r = await ask(q);
      expect(r.refused, q).toBe(false);
      expect(r.folded, q).toMatch(/banque des territoires|fonds social europeen/);
      expect(r.folded, q).not.toMatch(/grande bobine/);
    }
  }, 60_000);

  it("near misses: the same facts asked in French are answered as before", async () => {
    const dla = await ask("Le DLA est-il gratuit ?");
    expect(dla.refused).toBe(false);
    expect(dla.folded).toMatch(/gratuit/);
    const axe = await ask("Que vise l'axe 3 du schéma ESS ?");
    expect(axe.refused).toBe(false);
    expect(axe.folded).toMatch(/ancrage|acteurs ressources|reseau/);
  }, 60_000);
});
