/**
 * A curated card led by a part of the schema (an axis, a neighbouring schema) that cites a process beside it answers about
 * the schema: the ESS team's question, unless the question names the process or reads its need. Wordings written for this
 * test, none taken from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

describe("the route of a card led by a part of the schema", () => {
  const t = sharedRuntime({ llm: null });
  const ask = (q: string) => t.runtime.answerer.ask(q, { audience: "porteur" });

  it("an axis asked about goes to the ESS team, not to the process the card mentions", async () => {
    const reply = await ask("l'axe 4 du schéma sur l'innovation sociale, il prévoit quoi ?");
    expect(reply.card).toBe("rep-incubation-axe-4");
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it("a neighbouring schema asked about goes to the ESS team", async () => {
    const reply = await ask("Le schéma sportif départemental prévoit-il de la mutualisation entre les clubs ?");
    expect(reply.card).toBe("rep-schema-sports");
    expect(reply.route?.process).toBe("mission-ess-departement");
  });

  it("the schema's flagship measure stays the call for commons (the ESS schema's own text frames every measure)", async () => {
    const reply = await ask("C'est quoi la mesure phare du schéma départemental ?");
    expect(reply.route?.process).toBe("appel-a-communs");
  });

  it("a question the router reads as a process's need keeps that process", async () => {
    const reply = await ask("Is the Gard Department backing work-integration social enterprises?");
    expect(reply.route?.process).toBe("insertion-iae");
  });

  it("a question naming the process keeps it", async () => {
    const reply = await ask("une incubation, ça dure combien de temps ?");
    expect(reply.route?.process).toBe("incubation-innovation-sociale");
  });
});
