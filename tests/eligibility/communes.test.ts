import { describe, expect, it } from "vitest";
import { findCommuneInText, findCommunesInText, normaliseName, resolveCommune } from "../../src/eligibility/communes.js";

describe("resolveCommune", () => {
  it.each([
    ["Nimes", "30189"],
    ["nîmes", "30189"],
    ["NÎMES", "30189"],
    ["30189", "30189"],
    ["Bagnols sur Ceze", "30028"],
    ["bagnols-sur-cèze", "30028"],
    ["Bagnols s/ Cèze", "30028"],
    ["st gilles", "30258"],
    ["Saint Gilles", "30258"],
    ["Le Vigan", "30350"],
    ["vigan", "30350"],
    ["Saint-Jean-du-Gard", "30269"],
    ["Villeneuve lez Avignon", "30351"],
    ["La Grand Combe", "30132"],
    ["Pont St Esprit", "30202"],
  ])("%s → %s", (input, code) => {
    expect(resolveCommune(input)?.code).toBe(code);
  });

  it("gives the département, the EPCI and the Gard flag", () => {
    const n = resolveCommune("Nîmes")!;
    expect(n).toMatchObject({ name: "Nîmes", departement: "30", departementName: "Gard", inGard: true, inOccitanie: true });
    expect(n.epci?.name).toMatch(/Nîmes Métropole/);
    const m = resolveCommune("Montpellier")!;
    expect(m).toMatchObject({ departement: "34", departementName: "Hérault", inGard: false, inOccitanie: true });
    expect(resolveCommune("Bagnols-sur-Cèze")!.epci?.name).toMatch(/Gard Rhodanien/);
  });

  it("prefers the Gard among homonyms and says there is an ambiguity", () => {
    const sg = resolveCommune("Saint-Gilles")!;
    expect(sg.departement).toBe("30");
    expect(sg.ambiguous).toBe(true);
    expect(sg.alternatives.some((a) => a.departement === "35")).toBe(true);
    const v = resolveCommune("Le Vigan")!;
    expect(v.departement).toBe("30");
    expect(v.alternatives.some((a) => a.departement === "46")).toBe(true);
    expect(resolveCommune("Montpellier")!.ambiguous).toBe(false);
  });

  it("uses a trailing département to pick a homonym", () => {
    expect(resolveCommune("Saint-Gilles (35)")?.departement).toBe("35");
    expect(resolveCommune("Beaucaire, Gard")?.code).toBe("30032");
    expect(resolveCommune("Beaucaire (32)")?.departement).toBe("32");
  });

  it("knows the QPV status from the facts dossier", () => {
    expect(resolveCommune("Alès")).toMatchObject({ hasQpv: true, qpv: "yes" });
    expect(resolveCommune("Les Salles-du-Gardon")).toMatchObject({ qpv: "yes" });
    for (const c of ["Beaucaire", "Uzès", "Saint-Ambroix"]) expect(resolveCommune(c)).toMatchObject({ hasQpv: false, qpv: "unconfirmed" });
    expect(resolveCommune("Sommières")).toMatchObject({ hasQpv: false, qpv: "no" });
  });

  it("accepts a postal code and rejects unknown input", () => {
    expect(resolveCommune("30000")?.code).toBe("30189");
    expect(resolveCommune("Xyzville")).toBeNull();
    expect(resolveCommune("99999")).toBeNull();
    expect(resolveCommune("")).toBeNull();
    expect(resolveCommune("   ")).toBeNull();
    expect(resolveCommune("x".repeat(500))).toBeNull();
  });

  it("normalises names", () => {
    expect(normaliseName("Saint-Ambroix")).toBe(normaliseName("st ambroix"));
    expect(normaliseName("L'Estréchure")).toBe("l estrechure");
  });
});

describe("findCommuneInText", () => {
  it.each([
    ["on est à Uzès", "30334"],
    ["basés a st ambroix", "30227"],
    ["Nous sommes une SCOP de 7 salariés à Anduze.", "30010"],
    ["une asso a nimes qui fait de l'aide alimentaire", "30189"],
    ["on bosse sur la commune de Saint-Jean-du-Gard", "30269"],
    ["nous sommes à Sauve", "30311"],
    ["Je suis à Montpellier", "34172"],
    // Short names of Gard communes, as people write them, beat a homonym elsewhere.
    ["J'ai une boulangerie à Bagnols avec 3 salariés", "30028"],
    ["notre tiers lieu a st hippolyte", "30263"],
    // English cues.
    ["We are a cooperative based in Avignon", "84007"],
    ["I live near Anduze", "30010"],
  ])("%s", (text, code) => {
    expect(findCommuneInText(text)?.code).toBe(code);
  });

  it("ignores ordinary words that are also commune names", () => {
    expect(findCommuneInText("on se réunit en mars pour les portes ouvertes")).toBeNull();
    expect(findCommuneInText("il faut sauve garder le lien, à tours de rôle")).toBeNull();
    expect(findCommuneInText("le plan de financement et les plans d'action")).toBeNull();
    expect(findCommuneInText("Bonjour, nous avons besoin d'aide pour notre projet")).toBeNull();
  });

  it("reads a name whose article is contracted: « du Vigan », « au Cailar », « aux Angles », but not « au pin »", () => {
    expect(findCommuneInText("une chorale du Vigan cherche des mécènes")?.name).toBe("Le Vigan");
    expect(findCommuneInText("on ouvre une épicerie au Cailar")?.name).toBe("Le Cailar");
    expect(findCommuneInText("un atelier vélo aux Angles")?.name).toBe("Les Angles");
    expect(findCommuneInText("une table en bois au pin massif")).toBeNull();
  });

  it("prefers a Gard commune when several are mentioned", () => {
    const all = findCommunesInText("Nous venons de Montpellier mais le projet est à Alès");
    expect(all.map((m) => m.commune.code)).toEqual(["34172", "30007"]);
    expect(findCommuneInText("Nous venons de Montpellier mais le projet est à Alès")?.code).toBe("30007");
  });

  // (its speed is printed by scripts/bench-micro.ts, not timed here)
  it("finds the commune at the end of a 2 000-character message", () => {
    const base =
      "Bonjour, nous sommes une association de quartier qui travaille avec des familles, des jeunes et des personnes âgées. Nous voulons monter un tiers-lieu avec deux autres structures. ";
    const text = base.repeat(20).slice(0, 1990) + " à Uzès";
    expect(findCommuneInText(text)?.code).toBe("30334");
  });
});
