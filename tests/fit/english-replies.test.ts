/**
 * A project described in English gets the project fit's reply in English where it is a fixed text (a project outside
 * the Gard, a private project, another carrier's file), and its French options are announced by one English sentence;
 * the same projects described in French keep the French texts, with no English sentence.
 */
import { describe, expect, it } from "vitest";
import { FRENCH_SOURCES_NOTE } from "../../src/answer/card-reply.js";
import { sharedRuntime } from "../answer/helpers.js";

describe("project fit in the language of the description", () => {
  const t = sharedRuntime({ llm: null });
  const describe_ = null;
  const ask = (text: string) => t.runtime.assistant.ask(text, { audience: "porteur" });

  it("a project outside the Gard, described in English: an English refusal naming the place", async () => {
    const reply = await ask("Our association wants to open a repair café in Montpellier next year. Can the Gard Département support us?");
    expect(reply.refused).toBe(true);
    expect(reply.text).toMatch(/^I cannot suggest an action .* located in Montpellier, outside the Gard/);
    expect(reply.text).toContain("« Parler à une personne » (talk to a person)");
    expect(reply.text).not.toMatch(/Je ne peux pas/);
  });

  it("the same project in French keeps the French refusal", async () => {
    const reply = await ask("Notre association veut ouvrir un café réparation à Montpellier l'an prochain. Le Département du Gard peut-il nous aider ?");
    expect(reply.refused).toBe(true);
    expect(reply.text).toMatch(/^Je ne peux pas proposer .* à Montpellier, hors du Gard/);
  });

  it("one's own savings placed for the best return, in English: the private-project refusal in English", async () => {
    const reply = await ask("Which fund will bring me the best return on my savings? I live in Nîmes.");
    expect(reply.refused).toBe(true);
    expect(reply.text).toMatch(/^I cannot suggest .* it is a private project/);
  });

  it("another carrier's file asked in English: the refusal in English", async () => {
    const reply = await ask(
      "Another association got the call for commons grant last year, I want to know what they wrote in their application and how much they received.",
    );
    expect(reply.refused).toBe(true);
    expect(reply.text).toMatch(/^I cannot give you the content of another organisation's application/);
  });

  it("an English description's options: one English sentence first, then the French options", async () => {
    const reply = await ask("We are three associations in Alès and we want to set up a shared tool library together. Which support fits our project?");
    expect(reply.refused).toBe(false);
    expect(reply.text.startsWith(`${FRENCH_SOURCES_NOTE}\n\nPour ce projet, la piste principale est`)).toBe(true);
    expect(reply.fit?.length).toBeGreaterThan(0);
  });

  it("a French description's options start with the French lead", async () => {
    const reply = await ask(
      "Nous sommes trois associations à Alès et nous voulons créer ensemble une outilthèque partagée. Quel accompagnement pour notre projet ?",
    );
    expect(reply.text.startsWith("Pour ce projet, la piste principale est")).toBe(true);
  });
});
