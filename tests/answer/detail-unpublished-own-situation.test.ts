/**
 * The detail of a thing asked after words of one's own situation (« on a touché 200 000 €… : en détail, quelles
 * obligations… ? »): the closest card, from a document found, says that detail is unpublished, so the reply says so and
 * hands to a person instead of giving the gist as if it were the detail. The same situation asking no detail keeps
 * its answer from the passages. Wordings written for this test.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

describe("a detail the sources leave unpublished, asked after one's own situation", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it("is refused with the card that says the detail is unpublished", async () => {
    const r = await ask(
      "On a touché 200 000 € de subventions de la Région et de la commune cette année : en détail, quelles sont les obligations de publication qui nous concernent au-delà du seuil de 153 000 € ?",
    );
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/n'est pas précisé/);
  });

  it("the same situation asking what applies, not its detail, keeps its answer", async () => {
    const r = await ask("Notre SCIC a perçu 170 000 € d'aides de plusieurs collectivités : quelles obligations s'appliquent au-delà de 153 000 € ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/153 000 €/);
  });
});
