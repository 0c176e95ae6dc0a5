/**
 * Commune resolution on the official geography (@etalab/decoupage-administratif,
 * COG 2026): a commune name (any case, with or without accents, hyphens,
 * "St"/"Saint" forms) or an INSEE code → commune, département, EPCI and the
 * known QPV status of the commune (facts dossier §6.4).
 *
 * The data is loaded once, lazily, from a compact extract of the package
 * (communes-data.ts: ≈ 2 MB instead of ≈ 12 MB of JSON, cached on disk), and
 * a normalised index is built at the same time; every later call is a few map
 * look-ups.
 */
import { loadCompactCommunes } from "./communes-data.js";
import { foldUncached } from "../core/text.js";

export type QpvStatus = "yes" | "unconfirmed" | "no";

export interface CommuneRef {
  code: string;
  name: string;
  departement: string;
  departementName: string;
}

export interface CommuneInfo extends CommuneRef {
  region: string;
  inGard: boolean;
  inOccitanie: boolean;
  epci?: { code: string; name: string };
  /** Municipal population of the official geography (0 when unknown). */
  population: number;
  /** true when the commune has a quartier prioritaire confirmed by the sources. */
  hasQpv: boolean;
  /** yes: confirmed QPV in the commune; unconfirmed: reported in 2015, 2024 status not confirmed; no: none known. */
  qpv: QpvStatus;
  /** Other communes sharing the name (homonyms), when the name was ambiguous. */
  ambiguous: boolean;
  alternatives: CommuneRef[];
}

export const GARD = "30";
export const OCCITANIE = "76";

/** Source of the QPV list (décret n° 2023-1314, facts dossier §6.4). */
export const QPV_SOURCES = [
  "https://www.objectifgard.com/gard/gard-nouvelle-geographie-prioritaire-pour-le-gard-et-ses-73-900-habitants-concernes-120991.php",
  "http://doczz.fr/doc/6576385/prefecture-du-gard---les-services-de-l-%C3%A9tat-dans-le-gard",
];
/** Gard communes with a QPV confirmed in the 2024 geography [C]. */
const QPV_CONFIRMED = [
  "30189", // Nîmes
  "30258", // Saint-Gilles
  "30028", // Bagnols-sur-Cèze
  "30202", // Pont-Saint-Esprit
  "30007", // Alès
  "30010", // Anduze
  "30132", // La Grand-Combe
  "30307", // Les Salles-du-Gardon
  "30051", // Branoux-les-Taillades
  "30341", // Vauvert
];
/** QPV in the 2015 geography, 2024 status not confirmed [I]. */
const QPV_UNCONFIRMED = [
  "30032", // Beaucaire
  "30334", // Uzès
  "30227", // Saint-Ambroix
];

interface Entry {
  code: string;
  name: string;
  departement: string;
  region: string;
  population: number;
  /** Stored on the entry rather than in a code → EPCI map (saves a 35 000-entry Map). */
  epci: { code: string; name: string } | undefined;
}

interface IndexEntry {
  /** The current commune the name points to. */
  entry: Entry;
  /** true for a delegated/associated (former) commune name. */
  former: boolean;
}

interface Index {
  byCode: Map<string, Entry>;
  byName: Map<string, IndexEntry[]>;
  byPostcode: Map<string, Entry[]>;
  /** Every strict token prefix of every indexed name ("pont", "pont saint", …); the names themselves are in byName. */
  prefixes: Set<string>;
  /** "le vigan" → communes named "le vigan en …" (renamed after a merger). */
  renamed: Map<string, Entry[]>;
  depName: Map<string, string>;
  maxTokens: number;
  /**
   * Short names people use for Gard communes ("Bagnols" for Bagnols-sur-Cèze, "St Hippolyte" for
   * Saint-Hippolyte-du-Fort): the name up to its first linking word, to the most populous Gard commune.
   */
  gardShort: Map<string, Entry>;
}

const TOKEN_ALIASES: Record<string, string> = {
  st: "saint",
  ste: "sainte",
  sts: "saints",
  stes: "saintes",
  lez: "les",
};

/** Fold a single token: lower case, no accents, ligatures expanded, St → Saint. */
export function foldToken(token: string): string {
  if (/^[a-z0-9]+$/.test(token)) return TOKEN_ALIASES[token] ?? token;
  const t = foldUncached(token.toLowerCase());
  return TOKEN_ALIASES[t] ?? t;
}

/** Normalise a commune name: "Bagnols-sur-Cèze" → "bagnols sur ceze", "St Gilles" → "saint gilles". */
export function normaliseName(name: string): string {
  return name
    .replace(/\bs\/\s*/gi, " sur ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldToken)
    .join(" ");
}

let index: Index | undefined;

/** Words that link the parts of a commune's name ("Bagnols-sur-Cèze", "Saint-Jean-du-Gard"). */
const SHORT_NAME_LINKS = new Set(["sur", "de", "du", "des", "d", "en", "la", "le", "les", "l", "lez", "et", "aux"]);
/** Short names too common to stand for one commune. */
const SHORT_NAME_COMMON = new Set(["saint", "sainte", "notre dame", "mont", "pont", "port", "val", "vallee", "chateau", "mas"]);

function getIndex(): Index {
  if (index) return index;
  const { communes, former, epci, departements } = loadCompactCommunes().data;

  const byCode = new Map<string, Entry>();
  const byName = new Map<string, IndexEntry[]>();
  const byPostcode = new Map<string, Entry[]>();
  const prefixes = new Set<string>();
  let maxTokens = 1;

  // Normalised name of each current commune, computed once for the whole build.
  const keyOf = new Map<Entry, string>();

  const addName = (key: string, ie: IndexEntry) => {
    if (!key) return;
    // One-element lists are created exact-size ([ie]): a push on [] reserves 17 slots,
    // which for ≈ 35 000 names was several MB of empty array slots.
    const list = byName.get(key);
    if (!list) byName.set(key, [ie]);
    else if (!list.some((x) => x.entry.code === ie.entry.code)) list.push(ie);
    const tokens = key.split(" ");
    maxTokens = Math.max(maxTokens, tokens.length);
    for (let i = 1; i < tokens.length; i++) prefixes.add(tokens.slice(0, i).join(" "));
  };

  const epciOf = new Map<string, { code: string; name: string }>();
  for (const [code, name, members] of epci) {
    const value = { code, name };
    for (const m of members ? members.split(" ") : []) epciOf.set(m, value);
  }

  for (const [code, name, departement, region, population, postcodes] of communes) {
    const e: Entry = { code, name, departement, region, population, epci: epciOf.get(code) };
    byCode.set(code, e);
    const key = normaliseName(name);
    keyOf.set(e, key);
    addName(key, { entry: e, former: false });
    for (const pc of postcodes ? postcodes.split(" ") : []) {
      const l = byPostcode.get(pc);
      if (l) l.push(e);
      else byPostcode.set(pc, [e]);
    }
  }
  // Former communes (merged into a commune nouvelle) keep pointing at their chef-lieu.
  for (const [name, chefLieu] of former) {
    const target = byCode.get(chefLieu);
    if (!target) continue;
    const key = normaliseName(name);
    if (key !== keyOf.get(target)) addName(key, { entry: target, former: true });
  }
  const renamed = new Map<string, Entry[]>();
  for (const e of byCode.values()) {
    const m = /^(.+?) en .+$/.exec(keyOf.get(e)!);
    if (m) renamed.set(m[1]!, [...(renamed.get(m[1]!) ?? []), e]);
  }
  const depName = new Map(departements);
  const gardShort = new Map<string, Entry>();
  for (const e of byCode.values()) {
    if (e.departement !== GARD) continue;
    const tokens = keyOf.get(e)!.split(" ");
    const link = tokens.findIndex((t, i) => i > 0 && SHORT_NAME_LINKS.has(t));
    if (link < 1) continue;
    const short = tokens.slice(0, link).join(" ");
    if (short.length < 5 || SHORT_NAME_COMMON.has(short)) continue;
    const prev = gardShort.get(short);
    if (!prev || e.population > prev.population) gardShort.set(short, e);
  }
  index = { byCode, byName, byPostcode, prefixes, renamed, depName, maxTokens, gardShort };
  return index;
}

/** Load the geography now (e.g. at start-up) instead of on the first call. */
export function warmUpCommunes(): void {
  getIndex();
}

function ref(e: Entry, idx: Index): CommuneRef {
  return { code: e.code, name: e.name, departement: e.departement, departementName: idx.depName.get(e.departement) ?? e.departement };
}

function qpvStatus(code: string): QpvStatus {
  if (QPV_CONFIRMED.includes(code)) return "yes";
  if (QPV_UNCONFIRMED.includes(code)) return "unconfirmed";
  return "no";
}

function info(e: Entry, idx: Index, others: Entry[]): CommuneInfo {
  const qpv = qpvStatus(e.code);
  const epci = e.epci;
  return {
    ...ref(e, idx),
    region: e.region,
    inGard: e.departement === GARD,
    inOccitanie: e.region === OCCITANIE,
    ...(epci ? { epci } : {}),
    population: e.population,
    hasQpv: qpv === "yes",
    qpv,
    ambiguous: others.length > 0,
    alternatives: others.map((o) => ref(o, idx)),
  };
}

/** Order homonyms: current names before former ones, the Gard first, then the largest. */
function rank(list: IndexEntry[], depHint?: string): IndexEntry[] {
  const score = (x: IndexEntry) => (depHint && x.entry.departement === depHint ? 4 : 0) + (x.former ? 0 : 2) + (x.entry.departement === GARD ? 1 : 0);
  return [...list].sort((a, b) => score(b) - score(a) || b.entry.population - a.entry.population);
}

function pick(list: IndexEntry[], idx: Index, key: string, depHint?: string): CommuneInfo | null {
  let ranked = rank(list, depHint);
  if (depHint) {
    const inDep = ranked.filter((x) => x.entry.departement === depHint);
    if (inDep.length) ranked = inDep;
  }
  const best = ranked[0];
  if (!best) return null;
  const others = new Map<string, Entry>();
  for (const x of ranked.slice(1)) if (x.entry.code !== best.entry.code) others.set(x.entry.code, x.entry);
  if (!depHint) for (const e of idx.renamed.get(key) ?? []) if (e.code !== best.entry.code) others.set(e.code, e);
  return info(best.entry, idx, [...others.values()]);
}

const DEP_SUFFIX = /[\s,(-]+\(?(\d{2}|2a|2b|gard)\)?\s*$/i;

const resolveCache = new Map<string, CommuneInfo | null>();

/**
 * Resolve a commune name or INSEE code. Homonyms: the Gard is preferred, then
 * the largest commune, and `ambiguous`/`alternatives` tell the caller.
 * A trailing département ("Saint-Gilles (30)", "Beaucaire, Gard") disambiguates.
 * Unknown commune → null.
 */
export function resolveCommune(input: string): CommuneInfo | null {
  if (typeof input !== "string") return null;
  const raw = input.trim();
  if (!raw || raw.length > 200) return null;
  const cached = resolveCache.get(raw);
  if (cached !== undefined) return cached;
  const result = resolveUncached(raw);
  if (resolveCache.size > 5000) resolveCache.clear();
  resolveCache.set(raw, result);
  return result;
}

function resolveUncached(raw: string): CommuneInfo | null {
  const idx = getIndex();
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  if (/^(\d{5}|2[AB]\d{3})$/.test(compact)) {
    const e = idx.byCode.get(compact);
    if (e) return info(e, idx, []);
    const byPc = idx.byPostcode.get(compact);
    if (byPc?.length)
      return pick(
        byPc.map((entry) => ({ entry, former: false })),
        idx,
        "",
      );
    return null;
  }
  const whole = lookupName(raw, idx);
  if (whole) return whole;
  // "Saint-Gilles (30)", "Beaucaire, Gard", "Saint-Gilles 35": a trailing département disambiguates.
  const m = DEP_SUFFIX.exec(raw);
  if (m && m.index > 0) {
    const d = m[1]!.toLowerCase();
    return lookupName(raw.slice(0, m.index), idx, d === "gard" ? GARD : d.toUpperCase());
  }
  return null;
}

function lookupName(name: string, idx: Index, depHint?: string): CommuneInfo | null {
  const key = normaliseName(name);
  if (!key) return null;
  const direct = idx.byName.get(key);
  if (direct) return pick(direct, idx, key, depHint);
  // "Vigan" for "Le Vigan", "Grand Combe" for "La Grand-Combe".
  for (const art of ["le", "la", "les", "l"]) {
    const l = idx.byName.get(`${art} ${key}`);
    if (l) return pick(l, idx, `${art} ${key}`, depHint);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Communes mentioned in free text

/** Locative words that announce a place ("à Uzès", "sur Alès", "commune de Sauve"). */
const CUES = new Set([
  "a",
  "au",
  "sur",
  "vers",
  "pres",
  "proche",
  "commune",
  "ville",
  "village",
  "bases",
  "basees",
  "base",
  "basee",
  "situe",
  "situee",
  "situes",
  "situees",
  "installe",
  "installes",
  "installee",
  "installees",
  "implante",
  "implantes",
  "implantee",
  "implantees",
  "habite",
  "dans",
  // English: "based in Uzès", "near Anduze"
  "in",
  "near",
]);
/** Words skipped between a cue and the name ("à côté de", "près de", "sur la commune de"). */
const CUE_FILLERS = new Set(["de", "d", "du", "la", "l", "cote"]);
/** Gard communes whose name is also an everyday French word: need a cue or a capital letter. */
const COMMON_WORD_NAMES = new Set([
  "baron",
  "bouquet",
  "chambon",
  "cros",
  "fons",
  "mons",
  "mus",
  "le pin",
  "les plans",
  "pommiers",
  "portes",
  "rivieres",
  "sauve",
  "treves",
  "les mages",
  "le martinet",
  "les angles",
  "comps",
  "rogues",
  "flaux",
  "deaux",
  "dions",
  "bellegarde",
  "ners",
  "saze",
  "sauveterre",
  "la calmette",
  "les plantiers",
  "generac",
  "combas",
]);
/** Large communes elsewhere whose name is also an everyday word ("à tours de rôle"): need a capital letter. */
const COMMON_WORD_CITIES = new Set(["tours", "sens", "orange", "nice", "vienne", "vire", "die", "digne", "lens", "belle", "foix"]);
/** Non-Gard communes in lower case are accepted only when large (limits false hits on ordinary words). */
const LOWERCASE_POPULATION_MIN = 20_000;

export interface CommuneMention {
  commune: CommuneInfo;
  /** The text as written ("st ambroix"). */
  matched: string;
  start: number;
  end: number;
}

interface Tok {
  folded: string;
  start: number;
  end: number;
  /** end of the previous token (to find sentence starts lazily) */
  prevEnd: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((m = TOKEN_RE.exec(text))) {
    const end = m.index + m[0].length;
    toks.push({ folded: foldToken(m[0]), start: m.index, end, prevEnd });
    prevEnd = end;
  }
  return toks;
}

function isCapital(text: string, t: Tok): boolean {
  const first = text[t.start]!;
  return first !== first.toLowerCase();
}

function isSentenceStart(text: string, t: Tok): boolean {
  return t.prevEnd < 0 || /[.!?\n]/.test(text.slice(t.prevEnd, t.start));
}

function hasCue(toks: Tok[], i: number): boolean {
  let j = i - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 3 && CUE_FILLERS.has(toks[j]!.folded)) {
    j--;
    skipped++;
  }
  return j >= 0 && CUES.has(toks[j]!.folded);
}

/** « du » / « au » are « de le » / « à le », « des » / « aux » are « de les » / « à les ». */
const CONTRACTED: Record<string, string> = { du: "le", au: "le", des: "les", aux: "les" };

/** The longest commune name that starts at token i (after `article`, the name's own article when contracted). */
function longestName(idx: Index, toks: Tok[], i: number, article: string): { end: number; key: string } | null {
  let key = article;
  let best: { end: number; key: string } | null = null;
  for (let j = i; j < toks.length && j - i < idx.maxTokens; j++) {
    key = key ? `${key} ${toks[j]!.folded}` : toks[j]!.folded;
    const isName = idx.byName.has(key);
    if (!isName && !idx.prefixes.has(key)) break;
    if (isName) best = { end: j, key };
  }
  return best;
}

/** Every commune mentioned in a French text, in order (longest names win). */
export function findCommunesInText(text: string): CommuneMention[] {
  if (typeof text !== "string" || !text) return [];
  const idx = getIndex();
  if (text.length > 20_000) text = text.slice(0, 20_000);
  const toks = tokenize(text);
  const out: CommuneMention[] = [];
  for (let i = 0; i < toks.length; ) {
    let best = longestName(idx, toks, i, "");
    // "du Vigan", "au Cailar", "aux Angles": the article of the name contracted with « de » or « à ». The name's own word
    // must then be written with a capital letter ("au pin" is no commune); « au » / « aux » say where, like a cue.
    const article = CONTRACTED[toks[i]!.folded];
    const contracted = !best && article !== undefined && i + 1 < toks.length && isCapital(text, toks[i + 1]!);
    if (contracted) best = longestName(idx, toks, i + 1, article);
    if (!best) {
      i++;
      continue;
    }
    const list = idx.byName.get(best.key)!;
    const first = toks[i]!;
    const cue = hasCue(toks, i) || (contracted && (first.folded === "au" || first.folded === "aux"));
    const firstCapital = isCapital(text, first) || contracted;
    const capital = firstCapital && !isSentenceStart(text, first);
    const tokenCount = best.end - i + 1;
    const ranked = rank(list);
    const gard = ranked.find((x) => x.entry.departement === GARD);
    let accepted: IndexEntry | undefined;
    if (gard && (!COMMON_WORD_NAMES.has(best.key) || cue || capital)) accepted = gard;
    else {
      const top = ranked[0]!;
      const bigEnough = top.entry.population >= LOWERCASE_POPULATION_MIN && !COMMON_WORD_CITIES.has(best.key);
      if (cue && (capital || firstCapital || bigEnough || (tokenCount > 1 && !/^(le|la|les|l) \S+$/.test(best.key)))) accepted = top;
      else if (capital && bigEnough) accepted = top;
    }
    // "Bagnols", "St Hippolyte" in a Gard assistant: the Gard commune people shorten so, not a homonym elsewhere.
    const short = idx.gardShort.get(best.key);
    if (short && (!accepted || accepted.entry.departement !== GARD) && (cue || firstCapital)) accepted = { entry: short, former: false };
    if (!accepted) {
      i++;
      continue;
    }
    const others = new Map<string, Entry>();
    for (const x of [...ranked.map((r) => r.entry), ...(idx.renamed.get(best.key) ?? [])]) if (x.code !== accepted.entry.code) others.set(x.code, x);
    const last = toks[best.end]!;
    out.push({
      commune: info(accepted.entry, idx, [...others.values()]),
      matched: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
    });
    i = best.end + 1;
  }
  return out;
}

/**
 * The commune a free French text talks about ("on est à Uzès", "basés a st ambroix"),
 * or null. A Gard commune is preferred over a homonym elsewhere; when several
 * communes are mentioned, the first Gard one wins, else the first one.
 */
export function findCommuneInText(text: string): CommuneInfo | null {
  const all = findCommunesInText(text);
  return (all.find((m) => m.commune.inGard) ?? all[0])?.commune ?? null;
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Communes whose name is close to a misspelt input ("Montpelier" → Montpellier),
 * the Gard first. For error messages only (scans every name: a few milliseconds).
 */
export function suggestCommunes(input: string, max = 3): CommuneRef[] {
  if (typeof input !== "string") return [];
  const key = normaliseName(input);
  if (key.length < 3 || key.length > 80) return [];
  const idx = getIndex();
  const maxDist = key.length <= 5 ? 1 : 2;
  const found: { e: Entry; d: number }[] = [];
  for (const [name, list] of idx.byName) {
    // cheap filters first: similar length, and same first or second letter
    if (Math.abs(name.length - key.length) > maxDist) continue;
    if (name[0] !== key[0] && name[1] !== key[1]) continue;
    const d = editDistance(key, name, maxDist);
    if (d > maxDist) continue;
    for (const x of list) if (!x.former) found.push({ e: x.entry, d });
  }
  found.sort((a, b) => a.d - b.d || Number(b.e.departement === GARD) - Number(a.e.departement === GARD) || b.e.population - a.e.population);
  const seen = new Set<string>();
  const out: CommuneRef[] = [];
  for (const f of found) {
    if (seen.has(f.e.code)) continue;
    seen.add(f.e.code);
    out.push(ref(f.e, idx));
    if (out.length >= max) break;
  }
  return out;
}
