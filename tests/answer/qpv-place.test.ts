/**
 * « Is this place a quartier prioritaire? » opens on « Oui : » when the sources confirm the place (a named neighbourhood
 * or a commune of the 2024 priority geography), cited to the territory document; a commune listed in 2015 only, an
 * address, or a question about something else is left as it was. Wordings written for this test, none taken from an
 * evaluation set.
 */
import { describe, expect, it } from "vitest";
import { qpvPlaceAsked, withQpvLead } from "../../src/answer/qpv-place.js";
import { sharedRuntime } from "./helpers.js";

describe("the place whose QPV status a message asks", () => {
  it("reads a named neighbourhood or a commune of the 2024 geography, in any style", () => {
    expect(qpvPlaceAsked("Les Escanaux, c'est classé en quartier prioritaire ?")).toEqual({ name: "Escanaux", kind: "quartier" });
    expect(qpvPlaceAsked("anduze a un qpv ?")?.kind).toBe("commune");
    expect(qpvPlaceAsked("Est-ce qu'il y a un quartier prioritaire à Saint-Gilles ?")).toEqual({ name: "Saint-Gilles", kind: "commune" });
    expect(qpvPlaceAsked("Does Vauvert have a priority neighbourhood?")).toEqual({ name: "Vauvert", kind: "commune" });
    expect(qpvPlaceAsked("Notre café associatif ouvrira à Valdegour. C'est un quartier prioritaire ?")?.name).toBe("Valdegour");
    expect(qpvPlaceAsked("On lance un garage solidaire aux Escanaux, c'est classé QPV ?")?.name).toBe("Escanaux");
  });
  it("leaves a commune the sources list for 2015 only, an address, an open question or a question on something else", () => {
    expect(qpvPlaceAsked("Saint-Ambroix a un quartier prioritaire ?")).toBeUndefined();
    expect(qpvPlaceAsked("Le 4 rue des Arènes à Vauvert, c'est en QPV ?")).toBeUndefined();
    expect(qpvPlaceAsked("Combien de quartiers prioritaires à Alès ?")).toBeUndefined();
    expect(qpvPlaceAsked("Quels financements pour une épicerie dans un quartier prioritaire d'Alès ?")).toBeUndefined();
    expect(qpvPlaceAsked("Un atelier vélo dans un quartier prioritaire d'Alès peut-il avoir l'aide du DLA ?")).toBeUndefined();
    expect(qpvPlaceAsked("Alès n'est plus en quartier prioritaire ?")).toBeUndefined();
  });
  it("puts the status first, cited, unless the reply already says yes or no or does not cite the territory document", () => {
    const text = "Le Gard compte 17 quartiers prioritaires. [2]";
    expect(withQpvLead("Anduze a un quartier prioritaire ?", text, false, 2)).toBe(
      `Oui : Anduze compte au moins un quartier prioritaire (QPV) dans la géographie prioritaire de 2024. [2]\n\n${text}`,
    );
    expect(withQpvLead("Is Anduze home to a priority neighbourhood?", "Seventeen neighbourhoods. [1]", true, 1)).toMatch(/^Yes: Anduze has at least one/);
    expect(withQpvLead("Anduze a un quartier prioritaire ?", text, false, undefined)).toBe(text);
    expect(withQpvLead("Anduze a un quartier prioritaire ?", `Oui. ${text}`, false, 2)).toBe(`Oui. ${text}`);
  });
});

describe("through the assistant", () => {
  const t = sharedRuntime();
  it("answers a neighbourhood's status first, in a plain question and after a project description", async () => {
    const plain = await t.runtime.assistant.ask("mas de mingue c'est bien un qpv ?", { audience: "porteur" });
    expect(plain.text).toMatch(/^Oui : Mas de Mingue fait partie des quartiers prioritaires/);
    const cited = Number(/\[(\d+)\]/.exec(plain.text)![1]);
    expect(plain.sources.find((s) => s.n === cited)?.id).toBe("territoire-qpv");
    const project = await t.runtime.assistant.ask("Nous lançons une conciergerie solidaire aux Escanaux, à Bagnols. C'est bien un quartier prioritaire ?", {
      audience: "porteur",
    });
    expect(project.text).toMatch(/^Oui : Escanaux fait partie des quartiers prioritaires/);
    expect(project.fit?.length).toBeGreaterThan(0);
  });
  it("still says it does not know for a commune listed in 2015 only", async () => {
    const r = await t.runtime.assistant.ask("Beaucaire a encore un quartier prioritaire ?", { audience: "porteur" });
    expect(r.refused).toBe(true);
  });
});
