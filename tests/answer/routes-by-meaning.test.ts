/**
 * Routes read from what is asked: where the Département's local offices are is the ESS team's question (the insertion
 * card keeps questions about insertion); a reply to a public tender the person asks to have written is the public
 * procurement process's; an English description of several structures sharing a place goes to the call for commons.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const rt = sharedRuntime();
const ask = (q: string) => rt.runtime.answerer.ask(q, { audience: "porteur" });

describe("routes by what is asked", () => {
  it("the Maisons du Conseil départemental in general: the ESS team; for insertion: the insertion process", async () => {
    const general = await ask("Les Maisons du Département, on en trouve dans quelles communes ?");
    expect(general.text).toMatch(/Vigan/);
    expect(general.route?.process).toBe("mission-ess-departement");
    expect((await ask("Où se renseigner sur l'insertion près d'Alès ?")).route?.process).toBe("insertion-iae");
  });
  it("writing the reply to a tender is refused and handed to public procurement", async () => {
    const r = await ask("Pourriez-vous écrire à notre place la réponse à un marché de nettoyage des collèges ?");
    expect(r.refused).toBe(true);
    expect(r.route?.process).toBe("commande-publique");
    // near miss: an application to the call for commons stays that call's
    expect((await ask("Tu peux rédiger notre dossier pour l'appel à communs ?")).route?.process).toBe("appel-a-communs");
  });
  it("an English project of several associations sharing a kitchen goes to the call for commons", async () => {
    const r = await ask("Our village association wants to set up a shared kitchen with two neighbouring associations and a cooperative. What fits?");
    expect(r.route?.process).toBe("appel-a-communs");
  });
});
