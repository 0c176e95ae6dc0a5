/**
 * Follow-ups that keep or switch subject:
 * - a follow-up naming an operator or scheme the routing knows (« Gard centrale », « Initiative Gard ») and asking a kind of
 *   thing of it (a date, a sum) is read alone, even after a turn that compared the topic with it; one asking nothing of its
 *   own kind (« et pour Initiative Gard ? », « et pour une SCOP ? ») still carries the topic;
 * - a follow-up asking another kind of thing of the subject (« il mentionne les SCIC ? ») leaves out the turns that only
 *   asked it a time through a pronoun (« il va jusqu'à quand ? »), whose words would draw another subject's time (not a
 *   count, nor for a follow-up adding a case to the time asked);
 * - the end year of the solidarity schema and who led the concertation's workshops are answered of those subjects.
 */
import { describe, expect, it } from "vitest";
import { withoutAskedMeasures } from "../../src/answer/followup.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("a follow-up naming a known operator or scheme and asking a kind of thing of it", () => {
  it("is read alone", async () => {
    const answerer = core.runtime.answerer;
    const topic = "Ça ressemble à Gard centrale ? — Le Département a parlé d'une plateforme libre pour l'ESS gardoise ?";
    expect(await answerer.contextualize("Et Gard centrale, ça a été lancé quand ?", topic)).toBe("Et Gard centrale, ça a été lancé quand ?");
    expect(await answerer.contextualize("Et Initiative Gard prête jusqu'à combien ?", "C'est pareil qu'Initiative Gard ? — L'Adie, c'est quoi ?")).toBe(
      "Et Initiative Gard prête jusqu'à combien ?",
    );
  });

  it("still carries the topic when it asks nothing of its own kind or names no known subject", async () => {
    const answerer = core.runtime.answerer;
    expect(await answerer.contextualize("et pour Initiative Gard ?", "L'Adie prête jusqu'à combien ?")).not.toBe("et pour Initiative Gard ?");
    expect(await answerer.contextualize("et pour une SCOP ?", "C'est quoi une CAE ?")).not.toBe("et pour une SCOP ?");
    expect(await answerer.contextualize("c'est gratuit ?", "C'est quoi Gard centrale ?")).not.toBe("c'est gratuit ?");
  });

  it("is answered about what it names after a comparison with it", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le Département a parlé d'une plateforme libre pour l'ESS gardoise ?");
    await c.say("Ça ressemble à Gard centrale ?");
    const r = await c.say("Et Gard centrale, ça a été lancé quand ?");
    expect(r.refused).toBe(false);
    expect(r.text.slice(0, 120)).toMatch(/mars 2025/);
    expect(r.sources.map((s) => s.id)).toContain("mesure-gard-centrale");
    expect(r.sources[0]?.id).not.toBe("mesure-plateforme-open-source");
  });
});

describe("the turns that only asked a time or a quantity through a pronoun", () => {
  const topic = "il va jusqu'à quand ? — Le schéma des solidarités sociales, il a été voté en quelle année ?";

  it("are left out for a follow-up asking another kind of thing in other words", () => {
    expect(withoutAskedMeasures(topic, "il mentionne les SCIC d'insertion ?")).toBe("Le schéma des solidarités sociales, il a été voté en quelle année ?");
    expect(withoutAskedMeasures("elle se termine quand ? — C'est quoi l'appel à communs ?", "qui la finance ?")).toBe("C'est quoi l'appel à communs ?");
  });

  it("are kept for a follow-up asking a time or a quantity, or speaking of their words", () => {
    expect(withoutAskedMeasures(topic, "et il a commencé quand ?")).toBe(topic);
    // (a case added to the measure asked, « et en 2025 ? », asks it again)
    expect(withoutAskedMeasures("elle se termine quand ? — C'est quoi l'appel à communs ?", "et en 2026 ?")).toBe(
      "elle se termine quand ? — C'est quoi l'appel à communs ?",
    );
    // (a count may name the things asked of next: « lesquelles » are the agglomerations)
    expect(
      withoutAskedMeasures("combien d'entre elles sont des agglomérations ? — Combien d'intercommunalités dans le Gard ?", "et laquelle est la plus grande ?"),
    ).toBe("combien d'entre elles sont des agglomérations ? — Combien d'intercommunalités dans le Gard ?");
    expect(withoutAskedMeasures("elle prête combien ? — C'est quoi l'Adie ?", "elle prête aussi aux associations ?")).toBe(
      "elle prête combien ? — C'est quoi l'Adie ?",
    );
  });

  it("are kept when they name their subject, and the turn naming the subject stays", () => {
    expect(withoutAskedMeasures("Le DLA dure combien de temps ? — C'est quoi une CAE ?", "qui le finance ?")).toBe(
      "Le DLA dure combien de temps ? — C'est quoi une CAE ?",
    );
    expect(withoutAskedMeasures("il va jusqu'à quand ?", "il parle des SCIC ?")).toBe("il va jusqu'à quand ?");
  });

  it("leave the solidarity schema as the subject of the next follow-ups", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le schéma des solidarités sociales, il a été voté en quelle année ?");
    const end = await c.say("il va jusqu'à quand ?");
    expect(end.refused).toBe(false);
    expect(end.text.slice(0, 80)).toMatch(/2027/);
    expect(end.text).not.toMatch(/2028/);
    expect(end.sources[0]?.id).toBe("schema-solidarites-sociales");
    const scic = await c.say("il mentionne les SCIC d'insertion ?");
    expect(scic.refused).toBe(false);
    expect(scic.text).toMatch(/SCIC d'insertion/);
    expect(scic.text).not.toMatch(/2028/);
    expect(scic.route?.process).not.toBe("insertion-iae");
  });
});
