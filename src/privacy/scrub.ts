/**
 * French PII scrubber. Runs on every free text before it is stored or sent to a
 * model. Replaces e-mail addresses, phone numbers (any grouping, any Unicode
 * space: "06 12 345 678", "+33 6…", NBSP, narrow NBSP…), IBANs, social-security
 * numbers (NIR), street addresses (number + street type + name) and personal
 * names (introduced, after a civility, or an INSEE first name followed by a
 * surname: see names.ts) with tags.
 *
 * It deliberately keeps what is not personal data or is needed to understand a
 * request: amounts ("250 000 €", "30k€"), dates, percentages, years, the SIRET
 * or SIREN of a structure (a legal person's public identifier), INSEE and postal
 * codes, commune names.
 */
import { findNames, publicNameCount } from "./names.js";

export const PII_TAGS = {
  email: "[email]",
  phone: "[téléphone]",
  iban: "[iban]",
  nir: "[nir]",
  address: "[adresse]",
  name: "[nom]",
} as const;
export type PiiKind = keyof typeof PII_TAGS;

export interface ScrubResult {
  text: string;
  /** How many items of each kind were replaced. */
  found: Record<PiiKind, number>;
}

/** A separator inside a number: any horizontal Unicode space, a dot, a dash, a zero-width space. */
const SEP = String.raw`(?:[^\S\r\n]|[.\-\u2010-\u2013\u200b-\u200d\u2060])`;
/** Same, without dots (IBAN groups). */
const SPACE = String.raw`(?:[^\S\r\n]|[\u200b-\u200d\u2060])`;

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

/** IBAN: country code, 2 check digits, 11–30 alphanumerics, optionally grouped by 4. */
const IBAN = new RegExp(String.raw`\b([A-Z]{2})${SPACE}?(\d{2})((?:${SPACE}?[A-Z0-9]{4}){2,7}(?:${SPACE}?[A-Z0-9]{1,3})?)(?![A-Z0-9])`, "gi");

/** Amount/percentage right after a number: then it is not a phone number or NIR. */
const NOT_AMOUNT = String.raw`(?!\s?(?:€|k€|M€|euros?\b|EUR\b|%|pour\s?cent))`;

/**
 * NIR: sex (1, 2, 3, 4, 7, 8), year, month (01–12 or 20–99 for unknown/special),
 * département (2 digits or 2A/2B), commune (3), order (3), optional key (2).
 * Compact or with spaces/dots.
 */
const NIR = new RegExp(
  String.raw`(?<![\p{N}\p{L}+])[1-478]${SEP}?\d{2}${SEP}?(?:0[1-9]|1[0-2]|[2-9]\d)${SEP}?(?:\d{2}|2[AB])${SEP}?\d{3}${SEP}?\d{3}(?:${SEP}?\d{2})?(?![\p{N}\p{L}])` +
    NOT_AMOUNT,
  "giu",
);

/**
 * French phone numbers: ten digits from 0X, or nine after +33 / 0033 (optional
 * "(0)" or "0"). After the first digit(s), the usual groupings: 2-2-2-2 with
 * one same separator throughout or none ("06 12 34 56 78", "06.12.34.56.78",
 * "0612345678"), 2-3-3 ("06 12 345 678", "0612 345 678", "+33 612 345 678")
 * and 3-3-2. A separator is any Unicode space, a dot or a dash. A mixed
 * grouping such as a date and a time ("01.02.2024 12") is not a phone.
 */
const PHONE_REST = String.raw`(?:(${SEP})\d{2}(?:\1\d{2}){3}|\d{8}|${SEP}?\d{2}${SEP}?\d{3}${SEP}?\d{3}|${SEP}?\d{3}${SEP}?\d{3}${SEP}?\d{2})`;
const INTERNATIONAL_PHONE = new RegExp(
  String.raw`(?<![\p{N}\p{L}+])(?:\+|00)${SEP}?33${SEP}?(?:\(0\)${SEP}?|0${SEP}?)?[1-9]${PHONE_REST}(?![\p{N}\p{L}])` + NOT_AMOUNT,
  "gu",
);
const PHONE = new RegExp(String.raw`(?<![\p{N}\p{L}+])0[1-9]${PHONE_REST}(?![\p{N}\p{L}])` + NOT_AMOUNT, "gu");

const STREET_TYPES = [
  "rue",
  "ruelle",
  "avenue",
  "av\\.",
  "ave",
  "boulevard",
  "bd",
  "bld",
  "chemin",
  "ch\\.",
  "impasse",
  "imp\\.",
  "place",
  "pl\\.",
  "allée",
  "allee",
  "allées",
  "allees",
  "route",
  "rte",
  "quai",
  "cours",
  "square",
  "passage",
  "lotissement",
  "résidence",
  "residence",
  "hameau",
  "faubourg",
  "fbg",
  "chaussée",
  "cité",
  "cite",
  "voie",
  "sentier",
  "rond-point",
  "esplanade",
  "montée",
  "montee",
  "traverse",
  "parvis",
  "promenade",
  "mail",
  "clos",
  "lieu-dit",
  "domaine",
  "draille",
];
/** Case-insensitive on letters without the `i` flag (which would make \p{Lu} match lower case). */
const anyCase = (word: string): string =>
  word.replace(/\p{L}/gu, (ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toLowerCase()}${ch.toUpperCase()}]`));
const CONNECTORS = "(?:de|du|des|la|le|les|et|sur|en|aux?|saint|sainte|st|ste)";
const ELIDED = "(?:[lLdD]['’])";
/** A name token: a capitalised word or a connector, optionally elided ("l'Horloge", "d'Uzès"). */
const NAME_TOKEN = String.raw`${ELIDED}?(?:\p{Lu}[\p{L}'’-]*|${CONNECTORS}(?![\p{L}])|\d{1,2}(?:er)?(?![\p{L}\p{N}]))`;
/**
 * Street address: number (+ bis/ter/letter), optional comma, street type, then a
 * name of up to six tokens, at least one capitalised ("12 rue des Lilas",
 * "601 rue Néper", "3 bis av. Jean Jaurès", "5, chemin de la Fontaine").
 */
const ADDRESS = new RegExp(
  String.raw`(?<![\p{N}\p{L}])\d{1,4}(?:\s?(?:bis|ter|quater|[A-D])(?![\p{L}]))?,?\s+(?:${STREET_TYPES.map(anyCase).join("|")})(?![\p{L}])` +
    String.raw`((?:[ \t]+${NAME_TOKEN}){1,6})`,
  "gu",
);

/** SIRET (14 digits, usually 3-3-3-5) and SIREN (9 digits, 3-3-3): kept untouched. */
const SIRET = new RegExp(String.raw`(?<![\p{N}])\d{3}${SEP}?\d{3}${SEP}?\d{3}${SEP}?\d{5}(?![\p{N}])`, "gu");
const SIREN = new RegExp(String.raw`(?<![\p{N}])\d{3}${SEP}\d{3}${SEP}\d{3}(?![\p{N}])|(?<=\bSIREN\s?:?\s?)\d{9}(?![\p{N}])`, "giu");

function ibanChecksumOk(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged.toUpperCase()) {
    const code = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** Country codes whose IBANs are tagged even with a wrong checksum (typos still identify a person). */
const IBAN_ALWAYS = new Set(["FR", "MC"]);

/**
 * IBANs. A candidate that is no IBAN ("me 06 0000 0000 FR76…": two letters, two digits, groups)
 * must not swallow the real one that starts inside it: the search resumes one character after
 * the start of a refused candidate, not after its end.
 */
function scrubIban(text: string, found: Record<PiiKind, number>): string {
  const re = new RegExp(IBAN.source, IBAN.flags);
  let out = "";
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [whole, country, check, rest] = m as unknown as [string, string, string, string];
    const c = country.toUpperCase();
    const compact = (c + check + rest).replace(/[\s\u200b-\u200d\u2060]+/g, "");
    const hasDigits = /\d{6,}/.test(rest.replace(/[\s\u200b-\u200d\u2060]+/g, ""));
    const ok = (IBAN_ALWAYS.has(c) && compact.length === 27 && hasDigits) || (compact.length >= 15 && ibanChecksumOk(compact));
    if (!ok) {
      re.lastIndex = m.index + 1;
      continue;
    }
    found.iban++;
    out += text.slice(last, m.index) + PII_TAGS.iban;
    last = m.index + whole.length;
  }
  return out + text.slice(last);
}

function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token.replace(/^[ld]['’]/i, ""));
}

export function scrubDetailed(input: string): ScrubResult {
  const found: Record<PiiKind, number> = { email: 0, phone: 0, iban: 0, nir: 0, address: 0, name: 0 };
  if (!input) return { text: input ?? "", found };

  // 1. Protect identifiers of legal persons (SIRET/SIREN) from the number patterns.
  const kept: string[] = [];
  const protect = (m: string) => {
    kept.push(m);
    return `\uE000${kept.length - 1}\uE001`;
  };
  let text = input.replace(EMAIL, () => {
    found.email++;
    return PII_TAGS.email;
  });
  text = scrubIban(text, found);
  // NIR before SIRET protection (15-digit NIR must not be cut into a SIRET); NIR has 13 or 15 digits, SIRET 14.
  text = text.replace(NIR, (m) => {
    const digits = m.replace(/[^\dAB]/gi, "");
    if (digits.length !== 13 && digits.length !== 15) return m;
    found.nir++;
    return PII_TAGS.nir;
  });
  // +33 numbers first: "+33 612 345 678" must not be taken for a SIREN.
  text = text.replace(INTERNATIONAL_PHONE, () => {
    found.phone++;
    return PII_TAGS.phone;
  });
  text = text.replace(SIRET, protect).replace(SIREN, protect);
  text = text.replace(PHONE, () => {
    found.phone++;
    return PII_TAGS.phone;
  });
  text = text.replace(ADDRESS, (m, name: string) => {
    const tokens = name.trim().split(/[\s]+/);
    // Trailing connectors belong to the following text ("12 rue Néper à Nîmes").
    while (tokens.length && !isCapitalised(tokens[tokens.length - 1]!) && !/^\d/.test(tokens[tokens.length - 1]!)) tokens.pop();
    if (!tokens.some(isCapitalised)) return m;
    const keepTail = name.trim().split(/[\s]+/).slice(tokens.length).join(" ");
    found.address++;
    return PII_TAGS.address + (keepTail ? ` ${keepTail}` : "");
  });
  // Names last: street names ("12 rue Jean Jaurès") are already addresses.
  const names = findNames(text);
  for (let k = names.length - 1; k >= 0; k--) {
    const [s, e] = names[k]!;
    text = text.slice(0, s) + PII_TAGS.name + text.slice(e);
    found.name++;
  }
  // 2. Restore the protected identifiers.
  text = text.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)]!);
  return { text, found };
}

/**
 * The last texts found free of personal data: one message is scrubbed by the core, then again by the storage wrapper for
 * each record that holds it (the interaction, the unanswered question), as the already scrubbed text. Only texts that
 * scrubbing leaves as they are are kept, so no personal data stays in memory here. Emptied when the public names
 * (which are never masked) change.
 */
const recentClean = new Set<string>();
const RECENT_CLEAN = 64;
let cleanWithNames = -1;

/** Returns `text` with personal data replaced by tags ([email], [téléphone], [iban], [nir], [adresse], [nom]). */
export function scrub(text: string): string {
  if (typeof text !== "string" || !text) return scrubDetailed(text).text;
  const names = publicNameCount();
  if (names !== cleanWithNames) {
    recentClean.clear();
    cleanWithNames = names;
  }
  if (recentClean.has(text)) return text;
  const out = scrubDetailed(text).text;
  if (out === text) {
    if (recentClean.size >= RECENT_CLEAN) recentClean.delete(recentClean.values().next().value!);
    recentClean.add(text);
  }
  return out;
}
