/**
 * Who a question goes to when it is about the Département's buyers being trained on the ESS (the responsible purchasing
 * process, which the training belongs to), and which process a person starting a small business is sent to when the
 * bank said no (the honour loan and the microcredit, not the solidarity finance of ESS structures).
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });
const ask = (q: string, audience: "agent" | "porteur" = "porteur") => t.runtime.assistant.ask(q, { audience });

describe("the buyers' training is routed to responsible purchasing", () => {
  it.each([
    "Quelle direction s'est chargée de former les acheteurs du Département à l'ESS ?",
    "nos acheteurs ont-ils eu une formation sur l'économie sociale et solidaire ?",
    "Was there any ESS training for the Département's procurement staff?",
  ])("%s", async (q) => {
    const r = await ask(q, "agent");
    expect(r.refused).toBe(false);
    expect(r.route?.process).toBe("commande-publique");
  });

  it("keeps the ESS team for the training of the councillors, which is no purchasing matter", async () => {
    const r = await ask("La formation des élus départementaux à l'ESS fait partie du schéma ?", "agent");
    expect(r.route?.process).not.toBe("commande-publique");
  });
});

describe("a person whose bank said no is sent to the honour loan and the microcredit", () => {
  it.each([
    "Je lance mon petit atelier de retouches, les banques m'ont refusé un prêt. À qui m'adresser ?",
    "I want to start a small cleaning business but the bank refused me a loan. Who can help?",
  ])("%s", async (q) => {
    const r = await ask(q);
    expect(r.route?.process).toBe("pret-honneur-microcredit");
  });

  it("keeps solidarity finance for an association the bank turned down", async () => {
    const r = await ask("Notre association veut acheter un véhicule, la banque a dit non pour le prêt. Des pistes ?");
    expect(r.route?.process).toBe("france-active");
  });
});
