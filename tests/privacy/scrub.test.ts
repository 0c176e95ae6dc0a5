import { describe, expect, it } from "vitest";
import { scrub, scrubDetailed } from "../../src/privacy/scrub.js";

describe("scrub — personal data is replaced by tags", () => {
  it.each([
    ["Écrivez-moi à jean.dupont@gmail.com svp", "Écrivez-moi à [email] svp"],
    ["contact : Marie-Ève.Lefèvre+ess@asso-gardoise.fr.", "contact : [email]."],
    ["UPPER@EXAMPLE.ORG", "[email]"],
  ])("email: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each([
    ["Appelez le 06 12 34 56 78 demain", "Appelez le [téléphone] demain"],
    ["tél. 0612345678", "tél. [téléphone]"],
    ["fixe 04.66.76.12.34 (standard)", "fixe [téléphone] (standard)"],
    ["portable 07-81-22-33-44", "portable [téléphone]"],
    ["+33 6 12 34 56 78", "[téléphone]"],
    ["joignable au +33612345678.", "joignable au [téléphone]."],
    ["+33 (0)4 66 12 34 56", "[téléphone]"],
    ["0033 4 66 12 34 56", "[téléphone]"],
    ["numéros : 06 11 22 33 44 ou 04 66 00 11 22", "numéros : [téléphone] ou [téléphone]"],
    ["06\u00a012\u00a034\u00a056\u00a078 (espaces insécables)", "[téléphone] (espaces insécables)"],
    ["06\u202f12\u202f34\u202f56\u202f78", "[téléphone]"],
    ["06\u200912\u200934\u200956\u200978", "[téléphone]"],
    ["mon portable 06 12 345 678", "mon portable [téléphone]"],
    ["0612 345 678", "[téléphone]"],
    ["06 123 456 78", "[téléphone]"],
    ["+33 612 345 678", "[téléphone]"],
    ["+33\u00a06\u00a012\u00a034\u00a056\u00a078", "[téléphone]"],
    ["06–12–34–56–78", "[téléphone]"],
  ])("phone: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each([
    ["IBAN FR76 3000 6000 0112 3456 7890 189 merci", "IBAN [iban] merci"],
    ["iban:FR7630006000011234567890189", "iban:[iban]"],
    ["RIB FR14 2004 1010 0505 0001 3M02 606", "RIB [iban]"],
    ["compte belge BE68 5390 0754 7034", "compte belge [iban]"],
    // A false candidate starting before it (two letters, two digits, groups of digits) must not hide it.
    ["au 0600000000 FR76 3000 6000 0112 3456 7890 189", "au [téléphone] [iban]"],
    ["me 06 12 34 56 78 FR76 3000 6000 0112 3456 7890 189 merci", "me [téléphone] [iban] merci"],
  ])("IBAN: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each([
    ["mon numéro de sécu 1 84 12 76 451 089 46", "mon numéro de sécu [nir]"],
    ["NIR 184127645108946.", "NIR [nir]."],
    ["n° SS : 2 91 05 2A 004 123", "n° SS : [nir]"],
    ["sécurité sociale 1841276451089", "sécurité sociale [nir]"],
  ])("NIR: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each([
    ["J'habite 12 rue des Lilas à Alès.", "J'habite [adresse] à Alès."],
    ["Siège : 601 rue Néper, 30000 Nîmes", "Siège : [adresse], 30000 Nîmes"],
    ["au 3 bis avenue Jean Jaurès", "au [adresse]"],
    ["5, chemin de la Fontaine et ensuite", "[adresse] et ensuite"],
    ["14 bd Gambetta", "[adresse]"],
    ["2 impasse des Oliviers", "[adresse]"],
    ["7 place de l'Horloge pour le rendez-vous", "[adresse] pour le rendez-vous"],
    ["10 allée Saint-Exupéry", "[adresse]"],
  ])("address: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each([
    ["Je m'appelle Marie Durand et je porte un projet.", "Je m'appelle [nom] et je porte un projet."],
    ["je m'appelle marie durand et je voudrais savoir", "je m'appelle [nom] et je voudrais savoir"],
    ["Mon nom est Karim Benali.", "Mon nom est [nom]."],
    ["Pierre-Yves Le Gall a appelé.", "[nom] a appelé."],
    ["Marie Durand et Paul-Henri de La Tour", "[nom] et [nom]"],
    ["MARIE DURAND, trésorière", "[nom], trésorière"],
    ["J'ai vu Mme Rousseau et M. Garnier.", "J'ai vu Mme [nom] et M. [nom]."],
    ["Monsieur Fabre, Madame Nguyen", "Monsieur [nom], Madame [nom]"],
    ["contact : Marie", "contact : [nom]"],
    ["Cordialement, Jean Dupont", "Cordialement, [nom]"],
  ])("name: %s", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it("counts what it found", () => {
    const r = scrubDetailed("a@b.fr, 06 12 34 56 78, 12 rue des Lilas, FR76 3000 6000 0112 3456 7890 189, 1 84 12 76 451 089 46");
    expect(r.found).toEqual({ email: 1, phone: 1, iban: 1, nir: 1, address: 1, name: 0 });
    expect(r.text).toBe("[email], [téléphone], [adresse], [iban], [nir]");
  });
});

describe("scrub — ordinary text is left untouched", () => {
  it.each([
    "Le Département consacre 250 000 € par an à l'appel à communs.",
    "Un prêt jusqu'à 30k€, ou 40 000 euros pour Initiative Gard.",
    "Le schéma a été voté le 8 mars 2024 ; le SPASER le 27/06/2025.",
    "Les collectivités détiennent au plus 50 % du capital d'une SCIC, soit 12,5 % chacune.",
    "Notre SIRET est 362 521 879 00034 et notre SIREN 362 521 879.",
    "SIRET 36252187900034, SIREN : 362521879",
    "Code INSEE 30189 (Nîmes), code postal 30000, commune de Saint-Jean-du-Gard.",
    "Nous sommes trois associations à Alès, Uzès et Le Vigan depuis 2019.",
    "Le budget total est de 1 250 000 € sur 2024-2027.",
    "Un montant de 06 12 34 56 78 € serait absurde mais c'est un montant.",
    "Nous avons 12 salariés et 3 places de parking, 2 cours de cuisine par semaine.",
    "Pour l'axe 1, 14 projets ; pour l'axe 3, 7 conventions.",
    "Le 1er avril, 15 rue-relais mais pas d'adresse : voir la place du village.",
    "Référence de délibération 2024-03-08-123 du Conseil départemental.",
    "Rendez-vous le 01.02.2024 12:30 à Alès.",
    "France Active, Initiative Gard, Nîmes Métropole et Gard centrale à Alès, Uzès et Saint-Ambroix.",
    "La Grande Bobine accueille le forum ; Madame la Présidente et Monsieur le Maire y seront.",
    "Le lycée Jean Moulin et l'avenue Jean Jaurès, à Saint-Jean-du-Gard.",
    "Le montant 0612 345 678 € est un montant.",
  ])("%s", (text) => {
    expect(scrub(text)).toBe(text);
  });

  it("handles empty text", () => {
    expect(scrub("")).toBe("");
  });
});

describe("scrub — properties", async () => {
  const fc = (await import("fast-check")).default;
  const words = [
    "Alès",
    "rue",
    "des",
    "Lilas",
    "06",
    "12",
    "34",
    "56",
    "78",
    "FR76",
    "3000",
    "€",
    "%",
    "@",
    "gard.fr",
    "1",
    "84",
    "2A",
    "bis",
    "place",
    "de",
    "l'Horloge",
    "SIRET",
    "362",
    "521",
    "879",
    "00034",
    ",",
    ".",
    "+33",
    "0612345678",
  ];
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 25 }), fc.constantFrom(" ", "", "  "), (parts, sep) => {
        const text = parts.join(sep);
        const once = scrub(text);
        expect(scrub(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("never changes text without digits, @ or capital letters", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcdeéèàçô rue avenue place -'’,.;:!?()\n".split("")), maxLength: 200 }), (text) => {
        expect(scrub(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
