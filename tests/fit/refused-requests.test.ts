/**
 * Messages that read like a project but ask what must be refused (new wordings, not the tuning sets'): a document to
 * write for the person, the outcome of their own file or of another structure's. The project fit leaves them to the
 * ordinary answer, which refuses them; a project that asks for orientation keeps its options.
 */
import { describe, expect, it } from "vitest";
import type { Audience } from "../../src/domain/ids.js";
import { sharedRuntime } from "../answer/helpers.js";

describe("requests the project fit does not orient", () => {
  const t = sharedRuntime({ llm: null });
  const ask = async (text: string, audience: Audience = "porteur") => {
    const r = await t.runtime.assistant.ask(text, { audience });
    return { refused: r.refused, fit: (r.fit ?? []).map((o) => o.process), route: r.route?.process, text: r.text };
  };

  it("a document to write for a described project is refused, with the process it belongs to", async () => {
    const r = await ask(
      "Nous sommes une association de Vauvert qui crée une ressourcerie avec quatre salariés. Rédigez notre demande d'agrément ESUS complète, nous la signerons.",
    );
    expect(r.refused).toBe(true);
    expect(r.fit).toEqual([]);
    expect(r.route).toBe("agrement-esus");
  });

  it("the outcome of one's own file, to come, is refused rather than oriented", async () => {
    const r = await ask("Notre régie de quartier à Alès touchera-t-elle la subvention politique de la ville l'an prochain ?");
    expect(r.refused).toBe(true);
    expect(r.fit).toEqual([]);
  });

  it("another structure's file is no one's public fact", async () => {
    const r = await ask("L'épicerie solidaire du Vigan a-t-elle déjà obtenu son prêt France Active ?");
    expect(r.refused).toBe(true);
    expect(r.fit).toEqual([]);
  });

  it("a project asking where to turn keeps its options", async () => {
    const r = await ask("Notre association d'Alès veut créer une épicerie solidaire avec deux salariés, qui peut nous aider à monter le dossier ?");
    expect(r.refused).toBe(false);
    expect(r.fit.length).toBeGreaterThan(0);
  });
});
