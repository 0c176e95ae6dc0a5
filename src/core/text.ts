/**
 * Text folding for matching: the one accent-folding function of the project
 * (retrieval, routing, eligibility, commune names, cards, follow-ups, privacy).
 */

const cache = new Map<string, string>();

/** Like fold, without the cache: for one-off texts and for big lists (first names, communes) that would crowd it. */
export function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase();
}

/**
 * Accents removed, capitals kept (« Écrit à Nîmes » → « Ecrit a Nimes »): for readings that tell a name by its capital.
 */
export function foldAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Lower case, accents removed, ligatures expanded. Short strings (tokens) are cached.
 * @example fold("Économie") // "economie"
 */
export function fold(text: string): string {
  if (text.length <= 24) {
    let f = cache.get(text);
    if (f === undefined) {
      f = foldUncached(text);
      if (cache.size < 50_000) cache.set(text, f);
    }
    return f;
  }
  return foldUncached(text);
}

/**
 * Folded, then every run of characters other than letters and digits as one space.
 * @example foldWords("Qu'est-ce qu'une SCOP ?") // "qu est ce qu une scop"
 */
export function foldWords(text: string): string {
  return foldUncached(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
