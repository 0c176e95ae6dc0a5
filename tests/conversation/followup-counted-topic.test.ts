/**
 * Two ways a follow-up went on with the wrong part of its topic:
 * - after a count (« combien de personnes sont venues aux ateliers… ? »), a follow-up asking something else of the same
 *   subject (« et sur quels territoires ? », « sur combien de territoires ? ») carried the count, and read as « how many
 *   people per territory », which is not published;
 * - after a project-fit answer, the topic carried was the process's whole name, whose bracketed aside names another
 *   subject (« Appel à communs (plateforme Gard centrale) »): that site's passages answered « et si une coopérative
 *   nous rejoint ? ».
 */
import { describe, expect, it } from "vitest";
import { countedWord } from "../../src/answer/asked-quantity.js";
import { countsMeasure, withoutAskedCount } from "../../src/answer/followup.js";
import { glossaryLast } from "../../src/answer/answerer.js";
import { topicName } from "../../src/conversation/question.js";
import { conversation, sharedCore } from "./helpers.js";

const core = sharedCore();

describe("withoutAskedCount", () => {
  it("drops the count, its noun and what is said of it", () => {
    expect(withoutAskedCount("Combien de personnes sont venues aux ateliers de la concertation ?")).toBe("aux ateliers de la concertation ?");
    expect(withoutAskedCount("il y a eu combien d'agents formés à l'achat responsable ?")).toBe("il y a eu formés à l'achat responsable ?");
    expect(withoutAskedCount("How many people attended the territorial workshops?")).toBe("attended the territorial workshops?");
  });

  it("keeps nothing when the question counts nothing, or is only a count", () => {
    expect(withoutAskedCount("Quand ont eu lieu les ateliers de la concertation ?")).toBeNull();
    expect(withoutAskedCount("combien de personnes ?")).toBeNull();
  });
});

describe("countedWord", () => {
  it("reads the counted noun, measure words included", () => {
    expect(countedWord("cb de personnes sont venues ?")).toBe(countedWord("Combien de personnes ?"));
    expect(countedWord("sur combien de territoires ?")).not.toBe(countedWord("combien de personnes ?"));
    expect(countedWord("ça a coûté combien ?")).toBeNull();
  });
});

describe("topicName", () => {
  it("drops an aside naming another thing by its name", () => {
    expect(topicName("Appel à communs (plateforme Gard centrale)")).toBe("Appel à communs");
    expect(topicName("Aide au local (salle Jean Moulin)")).toBe("Aide au local");
  });

  it("keeps an aside spelling out the process or naming its operators", () => {
    expect(topicName("Agrément ESUS (entreprise solidaire d'utilité sociale)")).toBe("Agrément ESUS (entreprise solidaire d'utilité sociale)");
    expect(topicName("Coopérative d'activité et d'emploi (CAE Mine de talents)")).toBe("Coopérative d'activité et d'emploi (CAE Mine de talents)");
    expect(topicName("Prêt d'honneur et microcrédit (Initiative Gard, Adie, BGE)")).toBe("Prêt d'honneur et microcrédit (Initiative Gard, Adie, BGE)");
  });

  it("keeps a name made of an aside only", () => {
    expect(topicName("(plateforme Gard centrale)")).toBe("(plateforme Gard centrale)");
  });
});

describe("countsMeasure", () => {
  it("reads a count of people, money or time", () => {
    expect(countsMeasure("Combien de gens sont venus aux ateliers ?")).toBe(true);
    expect(countsMeasure("how many people attended?")).toBe(true);
  });

  it("does not read a count of things a follow-up may then speak of", () => {
    expect(countsMeasure("combien d'axes dans le schéma ?")).toBe(false);
    expect(countsMeasure("il y a eu combien d'ateliers de co-construction ?")).toBe(false);
  });
});

describe("a follow-up after a count of things", () => {
  it("still names the thing counted when asked by its rank", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Le schéma départemental de l'ESS compte combien d'axes ?");
    const r = await c.say("et le premier, il porte sur quoi ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/coop[ée]ration/i);
  });
});

const TERRITORY = /vidourle|c[ée]venol|uz[èe]ge|rhodanien|aigoual|costi[èe]res/i;

describe("a follow-up after a count of the workshops' participants", () => {
  it("answers which territories the workshops covered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de gens sont venus aux ateliers territoriaux de la concertation sur le schéma ESS ?");
    const r = await c.say("et sur quels territoires du Gard ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(TERRITORY);
  });

  it("answers how many territories they covered", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de gens sont venus aux ateliers territoriaux de la concertation sur le schéma ESS ?");
    const r = await c.say("ça faisait combien de territoires ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/\b(7|sept|six|6)\b/i);
  });

  it("still says the attendance of each territory is not published", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Combien de gens sont venus aux ateliers territoriaux de la concertation sur le schéma ESS ?");
    const r = await c.say("et par territoire, ça donne combien ?");
    expect(r.text).toMatch(/pas publi|ne précisent pas|ne sais pas/i);
    expect(r.text).not.toMatch(TERRITORY);
  });
});

describe("a follow-up after a project-fit answer for the call for commons", () => {
  it("is answered from the call's own page, not from its site's", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say("Nous sommes deux associations d'un village cévenol, on voudrait répondre ensemble à l'appel à communs, c'est possible ?");
    const r = await c.say("et si une coopérative se joint à nous ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.sources.map((s) => s.id)).toContain("appel-a-communs");
  });
});

describe("a follow-up putting another subject to the previous question", () => {
  const FIRST = "Y a-t-il un plafond de rémunération des dirigeants pour obtenir l'agrément ESUS ?";

  it("is answered from the topic's documents, not from the entry defining that subject", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say(FIRST);
    const r = await c.say("et pour une SCOP ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.sources[0]?.id).toBe("agrement-esus");
    expect(r.text).not.toMatch(/^SCOP signifie/);
  });

  it("still leads with the glossary when it asks what that subject is", async () => {
    const c = conversation(core.runtime.assistant);
    await c.say(FIRST);
    const r = await c.say("qu'est-ce qu'une SCOP ?");
    expect(r.refused, r.text).toBe(false);
    expect(r.sources[0]?.id).toBe("glossaire");
  });
});

describe("glossaryLast", () => {
  it("puts documents first for a follow-up asking nothing of its own kind", () => {
    expect(glossaryLast(false, true, "et pour une SCOP ?")).toBe(true);
    expect(glossaryLast(false, true, "et le quartier de la gare, c'est prioritaire ?")).toBe(true);
  });

  it("keeps the glossary's place for a definition, a who-question, or a first question", () => {
    expect(glossaryLast(false, true, "qu'est-ce qu'une SCOP ?")).toBe(false);
    expect(glossaryLast(false, true, "et la présidente c'est qui ?")).toBe(false);
    expect(glossaryLast(false, false, "et pour une SCOP ?")).toBe(false);
    expect(glossaryLast(true, false, "What is a SCOP?")).toBe(true);
  });
});
