/**
 * Questions on the schema, its history and its concertation asked in words its cards did not hold: an axis's title
 * (« intitulé »), what preceded the schema, who took part in the territorial workshops, the « soupe » someone heard of.
 * Each gets the card that answers it, not a neighbouring
 * sentence that merely holds the same words.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const rt = sharedRuntime();
const ask = (q: string, audience: "agent" | "porteur" = "porteur") => rt.runtime.answerer.ask(q, { audience });

describe("schema questions asked in other words", () => {
  it("an axis's title gives what the axis is about", async () => {
    expect((await ask("Comment s'intitule l'axe 2 du schéma ?")).text).toMatch(/promotion de l'ESS/);
    expect((await ask("c'est quoi l'intitulé de l'axe 3 ?", "agent")).text).toMatch(/grands acteurs ressources/);
  });
  it("what preceded the schema gives its history, the Livre blanc included", async () => {
    expect((await ask("Avant le schéma ESS, qu'est-ce qui l'a précédé ?")).text).toMatch(/Livre blanc/);
    // near miss: whether there was an earlier schema is still answered by « the first one »
    expect((await ask("y avait déjà eu un schéma ESS avant celui de 2024 ?")).text).toMatch(/premier schéma/);
  });
  it("who took part in the territorial workshops, and what they worked on", async () => {
    expect((await ask("Qui étaient les participants des ateliers territoriaux ?")).text).toMatch(/élus/);
    expect((await ask("Sur quoi ont travaillé les ateliers territoriaux ?")).text).toMatch(/coopération/);
  });
  it("a thing heard of (« on m'a parlé de… ») is asked about that thing", async () => {
    expect((await ask("On m'a parlé d'une soupe pendant la concertation, c'est quoi ?")).text).toMatch(/obstacles/);
  });
});
