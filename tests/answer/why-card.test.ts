/**
 * A question asking a reason (« pourquoi ce choix ? ») is answered by a card that gives one: a « not published »
 * card about another aspect of the same subject (who selects the projects, on which criteria), matched a little
 * better through a shared verb (« choisir »), does not lead before it. A why question about what is truly
 * unpublished (a file's outcome, the jury) is still refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asksReason } from "../../src/answer/answerer.js";
import { type TestRuntime, testRuntime } from "./helpers.js";

describe("asksReason", () => {
  it("reads a question asking a reason or a motive, in French or English", () => {
    expect(asksReason("Pour quelle raison la commune s'est-elle retirée ?")).toBe(true);
    expect(asksReason("Qu’est-ce qui a motivé cette décision ?")).toBe(true);
    expect(asksReason("pk ils ont fait ça, pourquoi ?")).toBe(true);
    expect(asksReason("Why is the grant capped?")).toBe(true);
  });

  it("does not read a question asking who, what or what for", () => {
    expect(asksReason("Qui choisit les dossiers retenus ?")).toBe(false);
    expect(asksReason("Pour quoi faire, ce réseau ?")).toBe(false);
    expect(asksReason("Quelle est la raison sociale de la SCOP ?")).toBe(false);
  });
});

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
}, 120_000);
afterAll(async () => {
  await rt?.close();
});

describe("a why question about the call for commons", () => {
  it("is answered with the reason the call was preferred, not refused as the unpublished jury", async () => {
    const reply = await rt.runtime.assistant.ask("Pourquoi avoir choisi les communs et pas un appel à projets classique ?", { audience: "porteur" });
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.sources.map((s) => s.id)).toContain("appel-a-communs");
  });

  it("stays refused when it asks why a file was turned down or who sits on the jury", async () => {
    for (const q of [
      "Pourquoi notre dossier à l'appel à communs a-t-il été refusé ?",
      "Qui sélectionne les communs retenus, et pourquoi eux ?",
      "Pourquoi le jury de l'appel à communs n'est pas public ?",
    ]) {
      const reply = await rt.runtime.assistant.ask(q, { audience: "porteur" });
      expect(reply.refused, `${q} → ${reply.text}`).toBe(true);
    }
  });
});
