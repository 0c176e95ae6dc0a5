/**
 * Properties of the scrubber (fast-check): it never throws, is idempotent,
 * only removes (every word of its output was in the input, or is a tag), and
 * personal data planted in random French text — phones in any grouping and
 * any Unicode space, e-mails, IBANs, "Prénom Nom", "Mme Nom" — never comes
 * back, while the places and structures of the Gard always survive.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PII_TAGS, scrub } from "../../src/privacy/scrub.js";

const TAG_WORDS = new Set(Object.values(PII_TAGS).map((t) => t.slice(1, -1)));
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

const FILLER = [
  "bonjour",
  "nous",
  "sommes",
  "une",
  "association",
  "à",
  "Alès",
  "et",
  "je",
  "voudrais",
  "savoir",
  "si",
  "notre",
  "projet",
  "est",
  "éligible",
  "à",
  "l'appel",
  "à",
  "communs",
  "du",
  "Département",
  "merci",
  "de",
  "me",
  "rappeler",
  "au",
  ",",
  ".",
  "France Active",
  "Initiative Gard",
  "La Grande Bobine",
  "Gard centrale",
  "Uzès",
  "Saint-Ambroix",
  "Nîmes Métropole",
  "250 000 €",
  "le 8 mars 2024",
  "SIRET 362 521 879 00034",
  "12 salariés",
  "30100",
  "Mme",
  "M.",
  "contact :",
  "Je suis",
  "je m'appelle",
  "Madame la Présidente",
  "avenue Jean Jaurès",
  "Rose",
  "France",
  "Pierre",
  "Marie",
];
const SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u2007"];
const SEPARATORS = [...SPACES, ".", "-", ""];
const FIRST = ["Marie", "Pierre-Yves", "Karim", "Sandrine", "Océane", "Jean-Baptiste", "Fatima", "Kévin", "Anne-Sophie", "Théo"];
const LAST = ["Durand", "Le Gall", "Benali", "DUPONT", "de La Tour", "Nguyen", "Fabre", "Van der Berg", "Moreau", "El Amrani"];
const PROTECTED = ["Alès", "Uzès", "La Grande Bobine", "Gard centrale", "Saint-Ambroix", "Nîmes Métropole", "France Active", "Initiative Gard"];

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));

/** A French mobile or landline in one of the usual groupings, with one separator. */
const phone = fc
  .tuple(fc.constantFrom("06", "07", "04", "01", "09"), digits(8), fc.constantFrom(...SEPARATORS), fc.constantFrom("2-2-2-2", "2-3-3", "3-3-2", "+33"))
  .map(([head, d, sep, grouping]) => {
    if (grouping === "+33")
      return `+33${sep === "" ? " " : sep}${head[1]}${sep}${d.slice(0, 2)}${sep}${d.slice(2, 4)}${sep}${d.slice(4, 6)}${sep}${d.slice(6)}`;
    const sizes = grouping.split("-").map(Number);
    const groups: string[] = [];
    let i = 0;
    for (const s of sizes) {
      groups.push(d.slice(i, i + s));
      i += s;
    }
    return `${head}${sep}${groups.join(sep)}`;
  });
const email = fc
  .tuple(fc.constantFrom("marie.durand", "k.benali", "contact", "jp-faure"), fc.constantFrom("gmail.com", "orange.fr", "asso-gard.org"))
  .map(([u, d]) => `${u}@${d}`);
const fullName = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([f, l]) => `${f} ${l}`);
const civility = fc
  .tuple(fc.constantFrom("Mme", "M.", "Monsieur", "Madame"), fc.constantFrom("Durand", "Benali", "Fabre", "Nguyen", "Moreau"))
  .map(([c, l]) => ({ text: `${c} ${l}`, secret: l }));
const pii = fc.oneof(
  phone.map((p) => ({ text: p, secret: p.replace(/\D/g, "").slice(-6) })),
  email.map((e) => ({ text: e, secret: e })),
  fullName.map((n) => ({ text: n, secret: n })),
  civility,
  fc.constant({ text: "FR76 3000 6000 0112 3456 7890 189", secret: "3456 7890" }),
);
const filler = fc.array(fc.constantFrom(...FILLER), { maxLength: 12 }).map((w) => w.join(" "));

describe("scrub — properties", () => {
  it("never throws and always returns text, whatever the input (any Unicode, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => typeof scrub(s) === "string"),
      { numRuns: 200 },
    );
  });

  it("is idempotent on French text mixing personal data, places and amounts", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            filler,
            pii.map((p) => p.text),
          ),
          { maxLength: 8 },
        ),
        (parts) => {
          const once = scrub(parts.join(" "));
          return scrub(once) === once;
        },
      ),
      { numRuns: 400 },
    );
  });

  it("only removes: every word of the output is a word of the input or a tag", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            filler,
            pii.map((p) => p.text),
          ),
          { maxLength: 8 },
        ),
        (parts) => {
          const input = parts.join(" ");
          const inputWords = new Set(words(input));
          return words(scrub(input)).every((w) => inputWords.has(w) || TAG_WORDS.has(w));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("personal data planted in text never comes back", () => {
    fc.assert(
      fc.property(filler, pii, filler, fc.constantFrom(...SPACES), (before, p, after, space) => {
        const out = scrub(`${before}${space}${p.text}${space}${after}`);
        expect(out, `${before} ${p.text} ${after}`).not.toContain(p.secret);
      }),
      { numRuns: 600 },
    );
  });

  it("places and structures of the Gard survive next to personal data", () => {
    fc.assert(
      fc.property(filler, fc.constantFrom("à", "avec", "et", "pour"), fc.constantFrom(...PROTECTED), pii, filler, (before, link, place, p, after) => {
        // (a civility right before a place would make it a surname: "Mme Alès" is a person)
        const out = scrub(`${before}, ${link} ${place} ${after}, ${p.text}.`);
        expect(out).toContain(place);
      }),
      { numRuns: 400 },
    );
  });
});
