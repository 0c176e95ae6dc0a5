/**
 * Splits a passage into answer units: sentences, with a list attached to the
 * sentence that introduces it ("Les quatre axes sont : - … - …").
 */
const ABBREV = /\b(?:art|n°|no|cf|ex|p|M|Mme|MM|St|Ste|etc|env|av|bd|hab|inh|vol|éd|fig)\.$/i;

export function splitUnits(text: string): string[] {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const units: string[] = [];
  let listOwner: number | null = null;
  for (const line of lines) {
    const isItem = /^([-*•]|\d+[.)])\s+/.test(line);
    if (isItem) {
      const item = line.replace(/^([-*•])\s+/, "- ");
      if (listOwner !== null) units[listOwner] += `\n${item}`;
      else {
        units.push(item);
        listOwner = units.length - 1;
      }
      continue;
    }
    listOwner = null;
    for (const s of splitSentences(line)) {
      units.push(s);
      // a list right after a sentence elaborates on it: keep them together
      listOwner = units.length - 1;
    }
  }
  return units;
}

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?…](?=\s+[«"(]?[A-ZÀ-ÖØ-Þ0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph))) {
    const candidate = paragraph.slice(start, m.index + 1);
    if (ABBREV.test(candidate)) continue;
    out.push(candidate.trim());
    start = m.index + 1;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}
