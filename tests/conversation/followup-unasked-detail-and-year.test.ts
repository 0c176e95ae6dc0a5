/**
 * Follow-ups asking what their topic's account does not say are refused, not answered with that account again: where a
 * document can be downloaded, when an event was put off to; a bare other year is not answered by another body's figures
 * for that year. Which one of a kind is the biggest is answered by the topic's figures set side by side. A follow-up after
 * a refused one goes on with the topic before it. Wordings written for this test, with near-misses that keep their answer.
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("follow-ups asking what the topic's account does not say", () => {
  it("refuses where to download the white paper, and still gives the commons platform's address", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Livre blanc de l'ESS, c'est quoi exactement ?");
    expect((await c.say("il est dispo en pdf quelque part ?")).refused).toBe(true);
    const d = conversation(core.runtime.assistant);
    await d.say("Comment déposer un projet à l'appel à communs ?");
    const r = await d.say("c'est sur quel site ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/gard-centrale\.gard\.fr/);
  });

  it("refuses when the workshop was put off to, and still says where the vote took place", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le grand atelier départemental de la concertation, c'était quand ?");
    expect((await c.say("il avait été décalé à quelle date au final ?")).refused).toBe(true);
    const d = conversation(core.runtime.assistant);
    await d.say("C'était quand le vote du schéma ESS ?");
    const r = await d.say("et ça s'est passé où ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Simone-Veil/);
  });

  it("refuses another year of the city contracts' projects rather than the Adie's, and still answers the ESS figures of another year", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("How many projects did the city contracts fund in the Gard in 2024?");
    const r = await c.say("and in 2025?");
    expect(r.refused).toBe(true);
    expect(r.sources.map((s) => s.id)).not.toContain("adie");
    const d = conversation(core.runtime.assistant);
    await d.say("Les chiffres de l'ESS dans le Gard en 2016, c'était quoi ?");
    const again = await d.say("et pour 2020 ?");
    expect(again.refused).toBe(false);
    expect(again.text).toMatch(/2[\s.]?730|23[\s.]?200/);
  });

  it("answers which intercommunality is the most populous from the figures, not with their count again", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de communautés de communes dans le Gard ?");
    const r = await c.say("laquelle est la plus peuplée ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Nîmes Métropole/);
    expect(r.text).toMatch(/258/);
  });

  it("goes on with the call for commons after a refused question about its documents", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Comment on dépose un dossier à l'appel à communs ?");
    expect((await c.say("faut joindre quoi comme pièces ?")).refused).toBe(true);
    const r = await c.say("et on peut le déposer en main propre ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/Gard centrale/);
  });

  it("refuses a count of next year's integration jobs, not answered as a project nor with this year's budget", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Qui pilote l'IAE dans le Gard ?");
    const r = await c.say("et combien de postes en chantier d'insertion l'État va financer l'an prochain ?");
    expect(r.refused).toBe(true);
    expect(r.text).not.toMatch(/Pour ce projet/);
  });
});
