/**
 * The contact details or the fees of a person named by first and last name are not published
 * (src/answer/named-person.ts, gap « coordonnees-personne-nommee »); her role, or a service's contact, stays a question.
 */
import { describe, expect, it } from "vitest";
import { Guards } from "../../src/answer/guards.js";
import { asksNamedPersonContact, namesPerson } from "../../src/answer/named-person.js";

describe("a named person's contact details or fees", () => {
  it("reads them", () => {
    expect(asksNamedPersonContact("Tu aurais le téléphone de Julie Marchand ?")).toBe(true);
    expect(asksNamedPersonContact("Je cherche l'adresse mail d'Étienne Rousseau, du réseau.")).toBe(true);
    expect(asksNamedPersonContact("Paul Lefèvre fait du conseil aux SCOP ; il facture combien ?")).toBe(true);
    expect(asksNamedPersonContact("What is the phone number of Anna Smith?")).toBe(true);
  });

  it("leaves her role, an organisation's contact and a fee said of another", () => {
    expect(asksNamedPersonContact("Qui est Julie Marchand ?")).toBe(false);
    expect(asksNamedPersonContact("Quelle est la fonction de Paul Lefèvre au Département ?")).toBe(false);
    expect(asksNamedPersonContact("Le numéro de France Active ?")).toBe(false);
    expect(asksNamedPersonContact("L'adresse de La Grande Bobine ?")).toBe(false);
    expect(asksNamedPersonContact("Julie Marchand m'a parlé du DLA : ça coûte combien ?")).toBe(false);
    expect(namesPerson("Initiative Gard prête combien ?")).toBe(false);
  });

  it("is a known gap", () => {
    const gap = Guards.load().gap("Tu aurais l'e-mail d'Étienne Rousseau ?");
    expect(gap?.id).toBe("coordonnees-personne-nommee");
    expect(Guards.load().gap("Que fait Julie Marchand au Département ?")).toBeNull();
  });
});
