import { describe, expect, it } from "vitest";
import { checkFrictionField, describeFriction, prepareFriction, validateFriction } from "../../src/report/friction.js";
import { FrictionInput } from "../../src/storage/types.js";

const valid = { step: "depot", blocker: "delai", process: "dla", commune: " Alès ", description: "Délai trop long", severity: 3, contactOk: false };

describe("friction validation shared with the conversation", () => {
  it("accepts a valid report, trimmed, and agrees with the contract schema", () => {
    const v = validateFriction(valid);
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.value.commune).toBe("Alès");
      expect(FrictionInput.safeParse(v.value).success).toBe(true);
    }
  });

  it("checks one field at a time with French messages", () => {
    expect(checkFrictionField("step", "depot")).toBeNull();
    expect(checkFrictionField("step", "paiement")).toMatch(/^Étape inconnue/);
    expect(checkFrictionField("severity", 0)).toMatch(/gravité/);
    expect(checkFrictionField("severity", "2")).toMatch(/gravité/);
    expect(checkFrictionField("commune", "  ")).toBe("Champ manquant : la commune (commune).");
    expect(checkFrictionField("description", "é".repeat(4000))).toBeNull();
    expect(checkFrictionField("description", "é".repeat(4001))).toMatch(/trop longue/);
    expect(checkFrictionField("contactOk", false)).toBeNull();
  });

  it("lists every problem at once", () => {
    const v = validateFriction({ step: "x", severity: 9 });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toHaveLength(7);
  });

  it("prepares the stored record: scrubbed, resolved, pseudonymous", async () => {
    const v = validateFriction({ ...valid, description: "Mon IBAN FR76 3000 6000 0112 3456 7890 189" });
    if (!v.ok) throw new Error("should be valid");
    const rec = await prepareFriction(v.value, {
      userHash: "abc",
      channel: "teams",
      resolveCommune: () => ({ code: "30007", name: "Alès", epci: "Alès Agglomération" }),
    });
    expect(rec).toMatchObject({ description: "Mon IBAN [iban]", communeCode: "30007", epci: "Alès Agglomération", userHash: "abc", channel: "teams" });
    const noResolver = await prepareFriction(v.value, { userHash: "abc", channel: "teams", resolveCommune: null });
    expect(noResolver.communeCode).toBeUndefined();
    const failing = await prepareFriction(v.value, {
      userHash: "abc",
      channel: "teams",
      resolveCommune: () => {
        throw new Error("boom");
      },
    });
    expect(failing.commune).toBe("Alès");
  });

  it("describes a report in French for the confirmation step", () => {
    const v = validateFriction(valid);
    if (!v.ok) throw new Error("should be valid");
    expect(describeFriction(v.value)).toBe(
      "Étape : Dépôt ; blocage : Délai ; dispositif : Dispositif local d'accompagnement (DLA) ; commune : Alès ; gravité : 3/3 ; recontact : non.",
    );
  });
});
