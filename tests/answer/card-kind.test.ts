/**
 * A card answers the kind of question its phrasings ask (cards.ts kindFits): a definition does not answer
 * « qui délivre… ? », steps do not answer « …, c'est quoi ? », a list opening with a count does not answer
 * « c'est quoi un… ? », and a share does not answer « combien de personnes… ? ».
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asksManner, cardKind, kindFits } from "../../src/answer/cards.js";
import { type TestRuntime, testRuntime } from "./helpers.js";

let t: TestRuntime;
beforeAll(async () => {
  t = await testRuntime({ llm: null });
}, 120_000);
afterAll(async () => t?.close());

const ask = (question: string) => t.runtime.answerer.ask(question, { audience: "porteur" });

describe("a card of the wrong kind", () => {
  it("does not answer who grants an approval with what the approval is", async () => {
    const r = await ask("qui est-ce qui délivre l'ESUS aux structures ?");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/DDETS/);
  });

  it("does not answer what an organisation is with how its procedure goes", async () => {
    const r = await ask("Et Initiative Gard alors, c'est quoi ?");
    expect(r.text).not.toMatch(/^Votre demande est examinée/);
  });

  it("does not answer what a priority area is with the list of Nîmes's", async () => {
    const r = await ask("c'est quoi un quartier prioritaire de la ville ?");
    expect(r.text).not.toMatch(/^Six/);
  });

  it("does not answer how many people a cooperative hosts with its fee", async () => {
    const r = await ask("Combien d'entrepreneurs compte la CAE ?");
    expect(r.text).not.toMatch(/^Environ 10 %/);
  });
});

describe("how someone does a thing (asksManner)", () => {
  const whoCard = cardKind({
    questions: ["Qui a ouvert la pépinière de Vauvert ?", "quelle élue a inauguré la pépinière ?"],
    answer: "Jeanne Exemple, en 2022.",
  });
  it("reads « comment <someone> <verb>-t-il/elle… ? » as a manner, not the way to do it", () => {
    expect(asksManner("Comment le maire décrit-il la pépinière ?")).toBe(true);
    expect(asksManner("comment la directrice de la MIESS présente-t-elle les rencontres ?")).toBe(true);
    expect(asksManner("Comment peut-on candidater à l'appel à communs ?")).toBe(false);
    expect(asksManner("Comment contacter la pépinière ?")).toBe(false);
    expect(asksManner("Le maire décrit-il la pépinière ?")).toBe(false);
  });
  it("is not answered by a card whose phrasings all ask who", () => {
    expect(kindFits("how", whoCard, "Comment l'élue présente-t-elle la pépinière ?")).toBe(false);
    // the way to do it may be a person to see; a card that also asks something else stays
    expect(kindFits("how", whoCard, "Comment faire pour entrer à la pépinière ?")).toBe(true);
    const mixed = cardKind({
      questions: ["Qui a ouvert la pépinière ?", "Comment la pépinière a-t-elle été lancée ?"],
      answer: "Jeanne Exemple l'a lancée en 2022.",
    });
    expect(kindFits("how", mixed, "Comment l'élue présente-t-elle la pépinière ?")).toBe(true);
  });
});
