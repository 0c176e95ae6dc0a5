import { describe, expect, it } from "vitest";
import { extractFacts, parseAmount, parseAnswer, parseFrenchNumber, parseYesNo } from "../../src/eligibility/extract.js";
import { parseFacts } from "../../src/eligibility/facts.js";

describe("extractFacts", () => {
  it.each([
    ["nous sommes une SCOP de 7 salariés à Anduze", { legalForm: "scop", employees: 7, commune: "Anduze" }],
    ["une asso", { legalForm: "association" }],
    ["association loi 1901", { legalForm: "association" }],
    ["on est 3 structures", { partnerStructures: 3 }],
    ["pas de salarié, que des bénévoles", { employees: 0 }],
    ["je suis auto-entrepreneur", { legalForm: "entrepreneur-individuel" }],
    ["je n'ai pas encore de structure", { legalForm: "aucune" }],
    ["On est une SARL", { legalForm: "societe-commerciale" }],
    ["nous sommes une SAS basée à Nîmes", { legalForm: "societe-commerciale", commune: "Nîmes" }],
    ["ma banque refuse", { bankAccess: false }],
    ["Nous sommes 3 associations à Uzès", { legalForm: "association", partnerStructures: 3, commune: "Uzès" }],
    ["on travaille avec deux autres associations, basés a st ambroix", { partnerStructures: 3, commune: "Saint-Ambroix" }],
    ["nous sommes une fondation", { legalForm: "fondation" }],
    ["un projet à 30 000 € dans le quartier de Pissevin", { projectCost: 30000, inQpv: true, commune: "Nîmes" }],
    ["notre budget est de 30k", { projectCost: 30000 }],
    ["on a une douzaine de salariés", { employees: 12 }],
    ["Nous avons 12 ETP et voulons consolider notre modèle", { employees: 12, projectStage: "consolidation" }],
    ["nous sommes en train de créer une épicerie solidaire", { projectStage: "creation" }],
    ["on n'est pas en QPV", { inQpv: false }],
    ["nous n'avons pas encore de premier bilan", { firstBalanceSheet: false }],
    ["Notre association compte 15 bénévoles et 2 salariés", { legalForm: "association", employees: 2 }],
    ["nous sommes un collectif d'habitants", { legalForm: "collectif-informel" }],
    ["on est une coopérative agricole", { legalForm: "cooperative" }],
    ["notre projet coûte 25 000 euros", { projectCost: 25000 }],
    ["je voudrais reprendre une boulangerie à Alès", { commune: "Alès", projectStage: "creation" }],
    ["une habitante sans accès au crédit bancaire", { bankAccess: false }],
    ["un centre social des Prés Saint-Jean, à Alès", { commune: "Alès", inQpv: true }],
    ["une asso au Chemin-Bas d'Avignon", { legalForm: "association", commune: "Nîmes", inQpv: true }],
    ["nous avons des contacts avec deux entreprises du bâtiment", {}],
    ["notre asso anime un réseau d'une trentaine d'acteurs", { legalForm: "association" }],
  ])("%s", (text, expected) => {
    expect(extractFacts(text)).toEqual(expected);
  });

  it("does not take a target or a funder for the speaker's own legal form", () => {
    expect(extractFacts("je voudrais rejoindre une CAE").legalForm).toBeUndefined();
    expect(extractFacts("on cherche une fondation pour nous financer").legalForm).toBeUndefined();
    expect(extractFacts("nous travaillons avec des mutuelles").legalForm).toBeUndefined();
    // A form the message denies is not its form.
    expect(extractFacts("c'est une idée à moi, pas d'association derrière").legalForm).toBeUndefined();
    expect(extractFacts("nous sommes une SCOP, pas une association").legalForm).toBe("scop");
    // English: a non-profit or a charity is an association.
    expect(extractFacts("We are a small non-profit in Alès with 2 staff").legalForm).toBe("association");
    expect(extractFacts("Our charity runs a food bank").legalForm).toBe("association");
    expect(extractFacts("Bonjour, comment ça marche ?")).toEqual({});
    expect(extractFacts("")).toEqual({});
  });

  it("reads « SA » as a company form only as one, not the possessive « sa »", () => {
    expect(extractFacts("Nous sommes une SA de 40 salariés à Nîmes").legalForm).toBe("societe-commerciale");
    expect(extractFacts("Une compagnie de danse veut financer sa tournée dans les villages").legalForm).toBeUndefined();
    expect(extractFacts("Le maire me demande comment sa collectivité peut s'associer au schéma").legalForm).toBeUndefined();
    expect(parseAnswer("legalForm", "SA")).toBe("societe-commerciale");
  });

  it("avoids common false readings", () => {
    expect(extractFacts("on a 3 salariés payés 2000 € par mois")).toEqual({ employees: 3 });
    expect(extractFacts("on travaille sur le développement durable")).toEqual({});
    expect(extractFacts("on aide les personnes fragiles")).toEqual({});
    expect(extractFacts("je n'ai aucune idée")).toEqual({});
    expect(extractFacts("j'ai 45 ans et 3 enfants")).toEqual({});
  });

  it("produces facts that parseFacts accepts", () => {
    const f = extractFacts("Nous sommes une SCIC de vingt-deux salariés à Bagnols-sur-Cèze, avec 2 autres structures, projet de 45 000 euros");
    expect(f).toMatchObject({ legalForm: "scic", employees: 22, partnerStructures: 3, projectCost: 45000 });
    expect(parseFacts(f).ok).toBe(true);
  });
});

describe("parseAnswer", () => {
  it.each([
    ["employees", "trois", 3],
    ["employees", "3 salariés", 3],
    ["employees", "une douzaine", 12],
    ["employees", "quatre-vingt-dix-sept", 97],
    ["employees", "soixante et onze", 71],
    ["employees", "cent", 100],
    ["employees", "cent vingt", 120],
    ["employees", "aucun", 0],
    ["employees", "non, pas de salarié", 0],
    ["partnerStructures", "trois", 3],
    ["partnerStructures", "nous et deux autres structures", 3],
    ["partnerStructures", "on est seuls", 1],
    ["inQpv", "oui", true],
    ["inQpv", "ouais", true],
    ["inQpv", "non", false],
    ["bankAccess", "ma banque refuse", false],
    ["bankAccess", "bien sûr", true],
    ["firstBalanceSheet", "pas encore", false],
    ["legalForm", "une asso", "association"],
    ["legalForm", "SCOP", "scop"],
    ["legalForm", "CAE", "cae"],
    ["legalForm", "SARL", "societe-commerciale"],
    ["legalForm", "SAS", "societe-commerciale"],
    ["legalForm", "aucune pour l'instant", "aucune"],
    ["legalForm", "Association (loi 1901)", "association"],
    ["legalForm", "mairie", "collectivite"],
    ["commune", "st gilles", "Saint-Gilles"],
    ["commune", "Nimes", "Nîmes"],
    ["commune", "à montpellier", "Montpellier"],
    ["commune", "c'est à Uzès", "Uzès"],
    ["commune", "30189", "Nîmes"],
    ["projectCost", "30 000 €", 30000],
    ["projectCost", "30k", 30000],
    ["projectCost", "30 000 euros", 30000],
    ["projectCost", "trente mille euros", 30000],
    ["projectCost", "1,5 M€", 1500000],
    ["projectStage", "idée", "idee"],
    ["projectStage", "changement-echelle", "changement-echelle"],
    ["projectStage", "on veut essaimer dans tout le Gard", "changement-echelle"],
  ] as const)("%s: %s", (fact, text, expected) => {
    expect(parseAnswer(fact, text)).toEqual(expected);
  });

  it.each([
    ["employees", "je ne sais pas"],
    ["esusApproved", "je ne sais pas"],
    ["legalForm", "blabla"],
    ["commune", "Xyzville"],
    ["projectCost", "beaucoup"],
    ["inQpv", ""],
  ] as const)("returns undefined when not understood: %s %s", (fact, text) => {
    expect(parseAnswer(fact, text)).toBeUndefined();
  });
});

describe("numbers and yes/no", () => {
  it("reads French numbers up to a hundred and beyond", () => {
    const words = [
      "zéro",
      "un",
      "dix-sept",
      "vingt et un",
      "trente-deux",
      "quarante-quatre",
      "cinquante-cinq",
      "soixante-six",
      "soixante-dix-sept",
      "quatre-vingts",
      "quatre-vingt-huit",
      "quatre-vingt-dix-neuf",
      "cent",
    ];
    expect(words.map(parseFrenchNumber)).toEqual([0, 1, 17, 21, 32, 44, 55, 66, 77, 80, 88, 99, 100]);
    expect(parseFrenchNumber("deux cent cinquante")).toBe(250);
    expect(parseFrenchNumber("une vingtaine")).toBe(20);
    expect(parseFrenchNumber("rien du tout")).toBeUndefined();
  });

  it("reads amounts", () => {
    expect(parseAmount("40 000 €")).toBe(40000);
    expect(parseAmount("12.500 euros")).toBe(12500);
    expect(parseAmount("un budget de 15 k€ sur 3 mois")).toBe(15000);
  });

  it("reads yes and no", () => {
    expect(["oui", "Ouais !", "tout à fait", "non", "pas du tout", "peut-être"].map(parseYesNo)).toEqual([true, true, true, false, false, undefined]);
  });
});

describe("parseAnswer accepts a choice however the channel sends it", () => {
  it("a button's value: true / false become yes / no", () => {
    expect(parseAnswer("esusApproved", "true")).toBe(true);
    expect(parseAnswer("esusApproved", "false")).toBe(false);
  });
  it("the option's label", () => {
    expect(parseAnswer("inQpv", "Non")).toBe(false);
    expect(parseAnswer("legalForm", "SCIC (société coopérative d'intérêt collectif)")).toBe("scic");
  });
  it("the option's number in the list shown by the CLI", () => {
    expect(parseAnswer("legalForm", "3")).toBe("scic");
    expect(parseAnswer("bankAccess", "2")).toBe(false);
    expect(parseAnswer("projectStage", "1")).toBe("idee");
  });
  it("a number stays a number for questions without options", () => {
    expect(parseAnswer("employees", "3")).toBe(3);
    expect(parseAnswer("partnerStructures", "4")).toBe(4);
  });
  it("a number outside the list is not a choice", () => {
    expect(parseAnswer("inQpv", "7")).toBeUndefined();
  });
});
