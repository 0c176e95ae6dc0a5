/**
 * A described project that asks a rule the public sources do not settle (may a town hall or a
 * foundation be one of a commons' structures? who leads the application?) gets its options all
 * the same, with that point said to be unknown and whom to ask; asked alone, or as a follow-up
 * of the call for commons, the same point is refused (« Je ne sais pas »).
 */
import { describe, expect, it } from "vitest";
import { conversation, sharedCore } from "../conversation/helpers.js";

const core = sharedCore();

describe("a rule not published, asked by a described project", () => {
  it("gives the project's options and says the point is to check with the ESS team", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    const reply = await c.say(
      "Trois associations de Quissac (une épicerie solidaire, un atelier vélo et un centre social) montent ensemble un tiers-lieu dans l'ancienne gare. La commune peut-elle être l'une des structures du commun ?",
    );
    expect(reply.refused).toBe(false);
    expect(reply.fit![0]!.process).toBe("appel-a-communs");
    expect(reply.text).toMatch(/Un point reste à vérifier : les sources publiques dont je dispose ne précisent pas/);
    expect(reply.text).toMatch(/équipe ESS du Département/);
  });

  it("says nothing of the kind when the project asks only for orientation", async () => {
    const c = conversation(core.runtime.assistant, { audience: "agent" });
    const reply = await c.say(
      "Trois associations de Quissac (une épicerie solidaire, un atelier vélo et un centre social) montent ensemble un tiers-lieu dans l'ancienne gare. Quelles pistes du schéma ?",
    );
    expect(reply.fit![0]!.process).toBe("appel-a-communs");
    expect(reply.text).not.toMatch(/Un point reste à vérifier/);
  });

  it("is refused when asked alone", async () => {
    const c = conversation(core.runtime.assistant, { audience: "porteur" });
    const reply = await c.say("Une fondation peut-elle compter parmi les structures d'un commun de l'appel à communs ?");
    expect(reply.refused).toBe(true);
  });

  it("is refused as a follow-up of a project answered by the call for commons", async () => {
    const c = conversation(core.runtime.assistant, { audience: "porteur" });
    const first = await c.say(
      "Nous sommes une association et deux SCOP près de Sommières, on veut partager un atelier de réparation. L'appel à communs, c'est pour nous ?",
    );
    expect(first.refused).toBe(false);
    const next = await c.say("et une mairie, elle peut nous rejoindre ?");
    expect(next.refused).toBe(true);
  });
});
