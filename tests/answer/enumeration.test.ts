/**
 * Things asked one by one with their number (« quelles sont les cinq priorités… ? »), and whether passages set them out
 * or only count them. Wordings written for this test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { askedEnumeration, setsOut, statesCount } from "../../src/answer/enumeration.js";
import { sharedRuntime } from "./helpers.js";

describe("askedEnumeration", () => {
  it("reads the count and the noun, in words or digits, French and English", () => {
    expect(askedEnumeration("Quelles sont les cinq priorités du plan ?")).toMatchObject({ count: 5, noun: "priorités" });
    expect(askedEnumeration("Pouvez-vous lister les 12 engagements du pacte ?")).toMatchObject({ count: 12, noun: "engagements" });
    expect(askedEnumeration("c'est quoi les 3 piliers du programme ?")).toMatchObject({ count: 3, noun: "piliers" });
    expect(askedEnumeration("What are the seven principles of the charter?")).toMatchObject({ count: 7, noun: "principles" });
    expect(askedEnumeration("Donnez-moi les 20 mesures une par une")).toMatchObject({ count: 20, noun: "mesures" });
  });

  it("asks nothing to enumerate without a count, or with a count of things not asked for", () => {
    expect(askedEnumeration("Quelles sont les étapes pour candidater ?")).toBeNull();
    expect(askedEnumeration("Combien d'actions compte le plan ?")).toBeNull();
    expect(askedEnumeration("Le plan a-t-il 39 actions ?")).toBeNull();
    expect(askedEnumeration("Il faut être trois structures au moins ?")).toBeNull();
  });
});

describe("setsOut and statesCount", () => {
  const asked = askedEnumeration("Quelles sont les quatre priorités ?")!;

  it("a list after the count, list lines or numbered mentions set the things out", () => {
    expect(setsOut(asked, ["Le plan fixe quatre priorités : l'emploi, le logement, la mobilité et la santé."])).toBe(true);
    expect(setsOut(asked, ["Les priorités du plan :\n- l'emploi\n- le logement\n- la mobilité\n- la santé"])).toBe(true);
    expect(setsOut(asked, ["La priorité 1 vise l'emploi, la priorité 2 le logement, la priorité 3 la mobilité, la priorité 4 la santé."])).toBe(true);
  });

  it("a count alone sets nothing out, though it states the count", () => {
    const passage = "Adopté en 2025, le plan compte quatre priorités et vingt actions, présentées aux partenaires en juin.";
    expect(setsOut(asked, [passage])).toBe(false);
    expect(statesCount(asked, [passage])).toBe(true);
    expect(statesCount(asked, ["Le plan compte trois priorités."])).toBe(false);
  });
});

describe("the answer to things asked one by one", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it("is a refusal that says the known count when the sources only count them", async () => {
    const reply = await ask("Énumérez-moi les 39 actions du schéma des achats responsables, s'il vous plaît.");
    expect(reply.refused).toBe(true);
    expect(reply.text).toMatch(/39 actions/);
  });

  it("things the sources set out are still answered", async () => {
    const reply = await ask("Quels sont les quatre axes du schéma départemental de l'ESS ?");
    expect(reply.refused).toBe(false);
  });
});
