/**
 * Two readings of what a question asks beyond its topic. A yes/no claim about who adopts, grants or runs a thing
 * (« le schéma est voté par la Région, non ? ») is settled by a card about that thing, not by a prepared « Oui » about
 * another thing of the body named. A question asking both ends of a period (« commencé et fini », « de quand à quand »)
 * is answered by the sentence giving both, not by the one giving the start.
 */
import { describe, expect, it } from "vitest";
import { asksSpan, givesSpan } from "../../src/answer/extractive.js";
import { agentClaim } from "../../src/answer/premise.js";
import { sharedRuntime } from "./helpers.js";

describe("agentClaim", () => {
  it("reads a yes/no claim naming who adopts, grants or runs a thing", () => {
    expect(agentClaim("Le schéma de l'ESS a bien été adopté par l'État ?")?.thing).toEqual(["schem", "ess"]);
    expect(agentClaim("Le plan ESS, c'est voté par la Région, non ?")?.act).toContain("vot");
    expect(agentClaim("L'agrément est délivré par la préfecture, c'est ça ?")?.act).toEqual(["delivr"]);
  });

  it("reads no claim in an open question or a claim without an agent", () => {
    expect(agentClaim("Par qui le schéma a-t-il été voté ?")).toBeUndefined();
    expect(agentClaim("Qui a adopté le plan régional ?")).toBeUndefined();
    expect(agentClaim("Le schéma a été voté en 2024, non ?")).toBeUndefined();
  });
});

describe("asksSpan and givesSpan", () => {
  it("reads a question asking both ends of a period", () => {
    expect(asksSpan("La concertation a débuté quand et s'est achevée quand ?")).toBe(true);
    expect(asksSpan("De quand à quand court le plan ?")).toBe(true);
    expect(asksSpan("When did the programme start and end?")).toBe(true);
  });

  it("does not read one end asked alone", () => {
    expect(asksSpan("Quand la mission a-t-elle démarré ?")).toBe(false);
    expect(asksSpan("Le plan se termine quand ?")).toBe(false);
    expect(asksSpan("Quand commence l'appel et quels projets sont attendus ?")).toBe(false);
  });

  it("finds a sentence giving two dates as the ends of one period", () => {
    expect(givesSpan("Le chantier s'est étalé de mai 2021 à janvier 2022.")).toBe(true);
    expect(givesSpan("Le plan 2018-2021 comptait sept priorités.")).toBe(true);
    expect(givesSpan("Les rendez-vous ont lieu du 3 au 28 novembre 2024.")).toBe(false);
    expect(givesSpan("Le chantier a démarré en mai 2021.")).toBe(false);
    expect(givesSpan("Un agrément de 2 à 5 ans.")).toBe(false);
  });
});

const rt = sharedRuntime();

describe("a claim about who adopted the ESS schema", () => {
  it("is answered with the departmental assembly's vote, not with the Region's own plan", async () => {
    const reply = await rt.runtime.assistant.ask("Le schéma ESS du Gard est voté par la Région, non ?", { audience: "porteur" });
    expect(reply.refused, reply.text).toBe(false);
    expect(reply.text).not.toMatch(/^Oui/);
    expect(reply.text).toMatch(/assemblée départementale|Département/);
  });

  it("is answered with that vote when the claim names the Region in full and asks for agreement", async () => {
    const reply = await rt.runtime.assistant.ask("Le schéma ESS du Gard est adopté par la Région Occitanie, c'est bien ça ?", { audience: "porteur" });
    expect(reply.text).toMatch(/assemblée départementale/);
  });

  it("still answers the Region's plan when that is what is asked", async () => {
    const reply = await rt.runtime.assistant.ask("La Région Occitanie a-t-elle adopté un plan pour l'ESS ?", { audience: "porteur" });
    expect(reply.text).toMatch(/2018/);
  });
});

describe("a question asking when a mission started and ended", () => {
  it("gets both ends", async () => {
    const reply = await rt.runtime.assistant.ask("La mission de La Grande Bobine, elle a débuté et s'est achevée quand ?", { audience: "porteur" });
    expect(reply.text).toMatch(/avril 2023/);
    expect(reply.text).toMatch(/décembre 2024/);
  });
});
