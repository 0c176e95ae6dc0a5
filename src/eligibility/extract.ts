/**
 * Understanding eligibility facts in French conversation, without any model:
 * - `extractFacts(text)`: facts stated in a free message ("nous sommes une SCOP
 *   de 7 salariés à Anduze" → legalForm scop, employees 7, commune Anduze);
 * - `parseAnswer(fact, text)`: the answer to one question ("ouais", "une douzaine",
 *   "30k", "une asso", "st gilles"). Returns undefined when not understood.
 * Text is folded (lower case, no accents) before matching.
 */
import { findCommunesInText, resolveCommune, type CommuneInfo } from "./communes.js";
import { foldUncached as foldAccents } from "../core/text.js";
import {
  FACT_QUESTIONS,
  LEGAL_FORMS,
  LEGAL_FORM_LABELS,
  PROJECT_STAGES,
  PROJECT_STAGE_LABELS,
  type FactKey,
  type Facts,
  type LegalForm,
  type ProjectStage,
} from "./facts.js";

/** Lower case, no accents, apostrophes and dashes as spaces, single spaces. */
export function fold(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/[’'`´‘]/g, " ")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The last texts folded by `foldText`: the project fit reads one message through many tests (the first look, the facts,
 * the needs, the project test, the territory), each folding it again.
 */
const recentFolds = new Map<string, string>();
const RECENT_FOLDS = 16;

/** Folded as `fold`, with hyphens and dashes as spaces ("tiers-lieu" as "tiers lieu"). */
export function foldText(text: string): string {
  let f = recentFolds.get(text);
  if (f === undefined) {
    f = fold(text)
      .replace(/[-‐‑–]/g, " ")
      .replace(/\s+/g, " ");
    if (recentFolds.size >= RECENT_FOLDS) recentFolds.delete(recentFolds.keys().next().value!);
    recentFolds.set(text, f);
  }
  return f;
}

// ---------------------------------------------------------------------------
// Numbers

const UNITS: Record<string, number> = {
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
};
/** "une douzaine" ≈ 12, "une vingtaine" ≈ 20… (approximate quantities). */
const APPROX: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
};
const NUMBER_WORD = new RegExp(`^(?:${[...Object.keys(UNITS), "cent", "cents", "mille", "milles", "million", "millions", "et"].join("|")})$`);

/** Parse a sequence of French number words ("quatre-vingt-dix-sept", "deux mille cinq cents"). */
export function parseFrenchNumberWords(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let lastUnit = -1;
  for (const w of words) {
    if (w === "et") continue;
    if (w in UNITS) {
      const v = UNITS[w]!;
      if ((w === "vingt" || w === "vingts") && lastUnit === 4 && current % 100 >= 4) {
        current += 80 - 4; // quatre-vingt(s)
      } else current += v;
      lastUnit = v;
      seen = true;
    } else if (w === "cent" || w === "cents") {
      current = (current || 1) * 100;
      lastUnit = 100;
      seen = true;
    } else if (w === "mille" || w === "milles") {
      total += (current || 1) * 1000;
      current = 0;
      lastUnit = 1000;
      seen = true;
    } else if (w === "million" || w === "millions") {
      total += (current || 1) * 1_000_000;
      current = 0;
      lastUnit = 1e6;
      seen = true;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

interface NumberHit {
  value: number;
  start: number;
  end: number;
  /** the text after the number (folded) */
  after: string;
}

/** Every number in a folded text: digits ("30 000", "1,5"), k/M suffixes, French words, "une douzaine". */
function findNumbers(f: string): NumberHit[] {
  const hits: NumberHit[] = [];
  const re = /(\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*(k|k€|keur|m€|m|millions?|mille)?(?![\d])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f))) {
    const raw = m[1]!;
    let value = /^\d{1,3}([ .]\d{3})+(,\d+)?$/.test(raw) ? Number(raw.replace(/[ .]/g, "").replace(",", ".")) : Number(raw.replace(",", "."));
    const suffix = m[2];
    // a bare "m" or "k" must stand alone ("30k", "2 m€"), not start a word ("3 mois")
    const nextChar = f[m.index + m[0].length] ?? " ";
    let end = m.index + m[0].length;
    if (suffix && /[a-z]/.test(nextChar)) {
      end = m.index + raw.length;
    } else if (suffix) {
      if (suffix.startsWith("k")) value *= 1000;
      else if (suffix.startsWith("m") && suffix !== "mille") value *= 1_000_000;
      else if (suffix === "mille") value *= 1000;
    }
    if (!Number.isFinite(value)) continue;
    hits.push({ value, start: m.index, end, after: f.slice(end).trimStart() });
  }
  // words
  const tokRe = /[a-z]+/g;
  const toks: { w: string; start: number; end: number }[] = [];
  while ((m = tokRe.exec(f))) toks.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if ((t.w === "une" || t.w === "un") && toks[i + 1] && APPROX[toks[i + 1]!.w] !== undefined) {
      const n = toks[i + 1]!;
      hits.push({ value: APPROX[n.w]!, start: t.start, end: n.end, after: f.slice(n.end).trimStart() });
      i++;
      continue;
    }
    if (APPROX[t.w] !== undefined) {
      hits.push({ value: APPROX[t.w]!, start: t.start, end: t.end, after: f.slice(t.end).trimStart() });
      continue;
    }
    if (!NUMBER_WORD.test(t.w) || t.w === "et") continue;
    let j = i;
    while (j + 1 < toks.length && NUMBER_WORD.test(toks[j + 1]!.w) && /^[ -]*$/.test(f.slice(toks[j]!.end, toks[j + 1]!.start))) j++;
    while (j > i && toks[j]!.w === "et") j--;
    const words = toks.slice(i, j + 1).map((x) => x.w);
    const v = parseFrenchNumberWords(words);
    if (v !== undefined) hits.push({ value: v, start: t.start, end: toks[j]!.end, after: f.slice(toks[j]!.end).trimStart() });
    i = j;
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** First number in a French text ("trois", "3 salariés", "une douzaine", "30 000"), or undefined. */
export function parseFrenchNumber(text: string): number | undefined {
  const hits = findNumbers(fold(text));
  return hits[0]?.value;
}

/** An amount in euros ("30 000 €", "30k", "30 000 euros", "1,5 M€", "trente mille euros"). */
export function parseAmount(text: string): number | undefined {
  const f = fold(text);
  const hits = findNumbers(f);
  if (!hits.length) return undefined;
  const withCurrency = hits.find((h) => /^(€|euros?|eur\b|e\b|k€|m€)/.test(h.after));
  const h = withCurrency ?? hits.reduce((a, b) => (b.value > a.value ? b : a));
  return Math.round(h.value * 100) / 100;
}

// ---------------------------------------------------------------------------
// Yes / no

const DONT_KNOW = /\b(je (ne )?sais pas|sais pas|sait pas|aucune idee|pas sur|pas certain|je ne suis pas sur|peut etre|ca depend|je verifie|a verifier)\b/;
const NO =
  /^(non|nan|nope|no|pas du tout|absolument pas|jamais|aucun|aucune|negatif|faux|pas encore|pas vraiment|toujours pas)\b|\b(non|pas|jamais|aucun|aucune)\b/;
const YES =
  /^(oui|ouais|ouai|ouep|yes|yep|ok|okay|d accord|exact|exactement|bien sur|tout a fait|absolument|affirmatif|vrai|evidemment|effectivement|c est le cas|oui oui|tkt|carrement|bien entendu|certainement|si)\b/;

/** French yes/no ("oui", "ouais", "bien sûr", "non", "pas encore"); undefined when unsure. */
export function parseYesNo(text: string): boolean | undefined {
  const f = fold(text);
  if (!f) return undefined;
  if (DONT_KNOW.test(f)) return undefined;
  if (YES.test(f) && !/^(oui|si)?\s*(mais )?(non|pas)\b/.test(f)) return true;
  if (NO.test(f)) return false;
  return undefined;
}

// ---------------------------------------------------------------------------
// Legal form

interface FormPattern {
  re: RegExp;
  value: LegalForm;
  /** weak words need an identity context in free text ("nous sommes une fondation"). */
  weak?: boolean;
}

const FORM_PATTERNS: FormPattern[] = [
  {
    re: /\b(pas (encore )?de (structure|statut|societe|entreprise)|sans (structure|statut)|aucune structure|rien de cree|pas encore (cree|immatricule)|(ai|avons|a) pas encore (de structure|cree))\b/,
    value: "aucune",
  },
  { re: /\bscops?\b|\bsociete cooperative (ouvriere|et participative|de production)\b/, value: "scop" },
  { re: /\bscics?\b|\bcooperative d interet collectif\b/, value: "scic" },
  { re: /\bcae\b|\bcooperative d activites? et d emploi\b/, value: "cae", weak: true },
  {
    re: /\b(auto|micro) ?-?entrepreneu(r|se)s?\b|\bmicro ?-?entreprise\b|\bentreprise individuelle\b|\bentrepreneu(r|se) individuel(le)?\b|\beirl\b|\bfreelance\b|\bindependant(e)?\b|\bsole trader\b|\bself ?-?employed\b/,
    value: "entrepreneur-individuel",
  },
  // "SA" only after an article ("une SA", "en SA") or as a whole answer: elsewhere "sa" is the possessive ("sa tournée").
  {
    re: /\b(sarl|sas|sasu|eurl|sca|snc|scs|sci)\b|\b(une|en|la|notre|cette|leur) sa\b|^sa$|\bsociete commerciale\b|\bstart ?-?up\b|\bpme\b|\btpe\b/,
    value: "societe-commerciale",
  },
  { re: /\bassos?\b|\bassociations?\b|\bloi (de )?1901\b|\bnon[ -]?profits?\b|\bcharit(y|ies)\b/, value: "association" },
  { re: /\bmutuelles?\b|\bmutuelle d assurance\b/, value: "mutuelle", weak: true },
  { re: /\bfondations?\b|\bfonds de dotation\b/, value: "fondation", weak: true },
  { re: /\bcooperatives?\b|\bcoop\b|\bcuma\b/, value: "cooperative", weak: true },
  { re: /\bcollectif( informel| d habitants| citoyen| de citoyens)?\b|\bgroupe d habitants\b/, value: "collectif-informel", weak: true },
  {
    re: /\b(collectivite|mairie|commune|communaute de communes|communaute d agglomeration|agglo|epci|ccas|syndicat mixte|etablissement public)\b/,
    value: "collectivite",
    weak: true,
  },
];

/** Before a form word: this is a target, a partner or a funder, not the speaker's own form; or a form the message denies ("pas d'association"). */
const NOT_SELF =
  /\b(pas (de|d|une|un)|ni (de|d|une|un)|not an?|rejoindre|integrer|cherche|cherchons|chercher|trouver|contacter|creer|monter|fonder|devenir|transformer en|passer en|avec|aupres d(e|u|es)|aide d(e|u|es)|par (une|un|la|le)|d autres|plusieurs|des|les|pour (une|un|des|les))\s+((une|un|la|le|l|des|deux|trois|quatre|cinq|\d+|autres?|petites?|grandes?)\s+)*$/;
/** Before a weak form word: identity marker. */
const SELF =
  /\b(nous sommes|on est|je suis|sommes|suis|notre|ma|mon|nous representons|je represente|en tant que|c est une|c est un|statut|statuts|forme juridique|structure est|est une|est un)\s+((une|un|la|le|l|en|d|de|petite|grande|jeune)\s+)*$/;

/** Before a plural form word with no article: a category (« d'associations », « aux associations »). */
const CATEGORY_OF = /\b(d|aux)\s+$/;
/** …unless a grouping of them is the carrier (« un collectif d'associations », « notre fédération d'assos »). */
const GROUPING_OF = /\b(collectif|reseau|federation|union|groupement|regroupement|consortium|ensemble|plateforme|coordination|pole|maison)\s+(d|des)\s+$/;

/**
 * Every legal form a text names, wherever it stands (« une SCOP peut-elle… ? », « une association sans salarié… »); a
 * SCOP, a SCIC or a CAE is a cooperative too. Not what a person says they are (see findLegalForm), only the kinds named.
 */
export function legalFormsNamed(text: string): Set<LegalForm> {
  const f = fold(text.slice(0, 2000));
  const named = new Set<LegalForm>();
  for (const p of FORM_PATTERNS) if (p.value !== "aucune" && p.re.test(f)) named.add(p.value);
  if (named.has("scop") || named.has("scic") || named.has("cae")) named.add("cooperative");
  return named;
}

function findLegalForm(f: string, freeText: boolean): LegalForm | undefined {
  let best: { value: LegalForm; index: number } | undefined;
  for (const p of FORM_PATTERNS) {
    const re = new RegExp(p.re.source, "g");
    let m: RegExpExecArray | null;
    while ((m = re.exec(f))) {
      const before = f.slice(Math.max(0, m.index - 60), m.index);
      if (freeText) {
        if (p.value !== "aucune" && NOT_SELF.test(before)) continue;
        if (p.weak && !SELF.test(before)) continue;
        // "collectif d'associations", "association de communes": the first noun decides
      }
      // "formateur en gestion d'associations", « un service aux associations »: associations in the plural with no article are
      // whom the project serves, not the carrier's form — unless they are what a collective or a federation groups.
      if (freeText && p.value === "association" && /s$/.test(m[0]) && CATEGORY_OF.test(before) && !GROUPING_OF.test(before)) continue;
      // "ma commune", "ma mairie": where the person lives, not their legal form (a council says "notre commune").
      if (p.value === "collectivite" && freeText && /\b(ma|mon)\s+$/.test(before)) continue;
      if (p.value === "collectivite" && !freeText && /\bcommune de\b/.test(f.slice(m.index))) {
        // "commune de Nîmes" as an answer is a place, not a legal form
        continue;
      }
      if (!best || m.index < best.index) best = { value: p.value, index: m.index };
      break;
    }
    if (best && !freeText) break; // answers: patterns are in priority order
  }
  return best?.value;
}

// ---------------------------------------------------------------------------
// Project stage

const STAGE_PATTERNS: [RegExp, ProjectStage][] = [
  [
    /\b(changement d echelle|changer d echelle|essaimer|essaimage|dupliquer|nouveaux? territoires?|a l echelle (du gard|departementale|regionale))\b/,
    "changement-echelle",
  ],
  [/\b(consolid\w*|en difficulte|difficultes financieres|redresse\w*|reorganis\w*|restructur\w*|perenniser|tresorerie tendue|fragilise\w*)\b/, "consolidation"],
  [/\b(developper|developpons|developpe|developpent|en (phase de )?developpement|agrandir|etendre|nouvelle activite|diversifier)\b/, "developpement"],
  [
    /\b(en creation|en cours de creation|creer|creons|lancer|lancement|demarrer|demarrage|on demarre|immatricul(er|ation)|reprendre une? \w+|reprise d une? \w+|m installer)\b/,
    "creation",
  ],
  [/\b((?<!aucune )idee|reflexion|reflechi\w*|envisage\w*|pas encore commence|au tout debut|emergence)\b/, "idee"],
];

function findStage(f: string): ProjectStage | undefined {
  for (const [re, v] of STAGE_PATTERNS) if (re.test(f)) return v;
  return undefined;
}

// ---------------------------------------------------------------------------
// Counts

const PEOPLE_WORDS = /^(?:(?:de|d) )?(salarie|salariee|salaries|salariees|employes?|employees?|staff|etp|personnes? salariee?s?|postes?|cdi|emplois?)\b/;
const STRUCTURE_WORDS =
  /^(?:(?:de|d) )?(autres? )?(structures?|associations?|assos?|partenaires?|cooperatives?|coops?|organisations?|organismes?|entreprises?|acteurs?|membres?|scops?|scics?)\b/;
const NO_EMPLOYEE =
  /\b(pas de salaries?|aucun salarie|aucune salariee|sans salaries?|zero salaries?|que des benevoles|uniquement des benevoles|seulement des benevoles|pas d employes?|aucun employe|pas encore de salaries?|100 % benevole|entierement benevole)\b/;

function findEmployees(f: string): number | undefined {
  if (NO_EMPLOYEE.test(f)) return 0;
  for (const h of findNumbers(f)) {
    if (PEOPLE_WORDS.test(h.after) && Number.isInteger(h.value) && h.value < 1_000_000) return h.value;
  }
  return undefined;
}

/** Being in touch with companies or structures, not building with them (« des contacts avec », « en relation avec »). */
const CONTACTS_WITH = /\b(contacts?|relations?|en lien|liens?|echanges?|discussions?|rendez vous|rdv) (deja |pris |noues? )?avec\s+$/;
/** The writer runs, leads or federates a network, which the count that follows describes. */
const RUN_NETWORK =
  /\b(anime|animons|animent|animer|animait|coordonne|coordonnons|coordonnent|coordonner|federe|federons|federent|federer|pilote|pilotons|pilotent|piloter|tete d un)\b[^.;!?]{0,60}\breseaux?\b[^.;!?]{0,30}$/;

function findPartners(f: string): number | undefined {
  for (const h of findNumbers(f)) {
    if (!STRUCTURE_WORDS.test(h.after) || !Number.isInteger(h.value) || h.value > 10_000) continue;
    // "une SCOP", "un partenaire": an article, not a count ("une seule structure" is handled below)
    if (/^(un|une)$/.test(f.slice(h.start, h.end))) continue;
    const before = f.slice(Math.max(0, h.start - 25), h.start);
    // Companies one is in touch with ("des contacts avec deux entreprises du bâtiment") are no partners of the project.
    if (CONTACTS_WITH.test(before)) continue;
    // The members of a network the writer runs ("on anime un réseau informel d'une trentaine d'acteurs") are not partners either.
    if (RUN_NETWORK.test(f.slice(Math.max(0, h.start - 120), h.start))) continue;
    const others = /^autres?\b/.test(h.after) || /\bavec\s+$/.test(before);
    return others ? h.value + 1 : h.value;
  }
  if (/\b(seuls?|seules?|tout seul|toute seule|juste nous|que nous|uniquement nous|une seule structure|notre structure seule)\b/.test(f)) return 1;
  return undefined;
}

// ---------------------------------------------------------------------------
// Booleans found in free text

/** Whether the writer has access to bank credit: « la banque refuse », « prêt bancaire refusé », "bank loan rejected" say no. */
function findBankAccess(f: string): boolean | undefined {
  if (
    /\b(banques? (me |nous )?(refuse|refusent|a refuse|ont refuse|ne (me |nous )?suit pas|ne (me |nous )?suivent pas|ne veut pas|ne veulent pas)|refus (de la banque|bancaire|de pret|de credit)|(pas|sans|plus|aucun) (d )?acces (au|aux|a la|a un) (credit|pret|banque|emprunt)s?( bancaires?)?|interdit bancaire|fiche(e)? (a la )?banque de france|pas de pret bancaire|aucune banque|(pret|credit|emprunt)s? (bancaires? )?((a|ont) ete |est |sont )?refusee?s?|(bank )?(loan|credit) (was |has been )?(refused|rejected|denied|turned down))\b/.test(
      f,
    )
  )
    return false;
  if (/\b(banque (est d accord|accepte|nous suit|me suit|a accepte|a dit oui)|pret bancaire (accorde|obtenu|ok)|accord (de la banque|bancaire))\b/.test(f))
    return true;
  return undefined;
}

/** Known quartiers prioritaires, folded, with their names as written (knowledge/territoire/territoire-qpv.md). */
const QPV_DISPLAY: Record<string, string> = {
  pissevin: "Pissevin",
  valdegour: "Valdegour",
  richelieu: "Richelieu",
  gambetta: "Gambetta",
  "chemin bas d avignon": "Chemin-Bas d'Avignon",
  "clos d orville": "Clos d'Orville",
  "mas de mingue": "Mas de Mingue",
  nemausus: "Nemausus",
  jonquilles: "Jonquilles",
  "haute magaille": "Haute Magaille",
  sabatot: "Sabatot",
  escanaux: "Escanaux",
  coronelle: "Coronelle",
  "vigan braquet": "Vigan Braquet",
  "pres saint jean": "Prés Saint-Jean",
};
const QPV_NAMES = new RegExp(`\\b(${Object.keys(QPV_DISPLAY).join("|")})\\b`);

/** The name of a known quartier prioritaire a text writes (« pissevin » → « Pissevin »), as the sources write it, if it writes one. */
export function qpvNameIn(text: string): string | undefined {
  const found = QPV_NAMES.exec(foldText(text).replace(/[-'’]/g, " ").replace(/\s+/g, " "))?.[1];
  return found && QPV_DISPLAY[found];
}

/** Known quartiers prioritaires → their commune (INSEE code), facts dossier §6.4. */
const QPV_COMMUNE: [RegExp, string][] = [
  [/\b(pissevin|valdegour|richelieu|gambetta|chemin bas d avignon|clos d orville|mas de mingue|nemausus|jonquilles|haute magaille)\b/, "30189"],
  [/\bsabatot\b/, "30258"],
  [/\b(escanaux|coronelle|vigan braquet)\b/, "30028"],
  [/\bpres saint jean\b/, "30007"],
];

/** The span [start, end) of the text lies inside the name of a known quartier prioritaire ("Saint-Jean" of "Prés Saint-Jean"). */
function insideQpvName(text: string, start: number, end: number): boolean {
  // « au Chemin-Bas » is read as « Le Chemin »: the contracted article is not part of the quartier's name.
  const name = foldText(text.slice(start, end)).replace(/^(au|aux|du|des|le|la|les|l) /, "");
  const around = foldText(text.slice(Math.max(0, start - 25), end + 25));
  return [...around.matchAll(new RegExp(QPV_NAMES.source, "g"))].some((m) => m[0].includes(name));
}

function findQpv(raw: string): boolean | undefined {
  // Quartier names are written with hyphens or not (« Prés Saint-Jean »).
  const f = raw.replace(/-/g, " ");
  if (
    /\b(pas en (qpv|quartier prioritaire)|hors (qpv|quartier prioritaire)|pas dans un (qpv|quartier prioritaire)|n est pas (en|un) (qpv|quartier prioritaire))\b/.test(
      f,
    )
  )
    return false;
  if (/\b(qpv|quartiers? prioritaires?|quartiers? politique de la ville)\b/.test(f) || QPV_NAMES.test(f) || QPV_TOWN_CENTRE.test(f)) return true;
  return undefined;
}

/** Pont-Saint-Esprit's town centre is a quartier prioritaire (knowledge/territoire/territoire-qpv.md). */
const TOWN_CENTRE =
  "(centre ville|centre de la ville|coeur de ville|centre ancien|centre historique|town centre|town center|city centre|city center|historic centre)";
const QPV_TOWN_CENTRE = new RegExp(`\\b(${TOWN_CENTRE}\\b.{0,30}\\bpont saint esprit|pont saint esprit\\b.{0,40}\\b${TOWN_CENTRE})\\b`);

function findFirstBalanceSheet(f: string): boolean | undefined {
  if (!/\bbilans?\b/.test(f)) return undefined;
  if (
    /\b(pas (encore )?(de|d|clos|cloture|fait)( premier)? bilan|aucun bilan|pas encore de bilan|premier bilan (pas|n est pas)|avant (le|notre) premier bilan)\b/.test(
      f,
    )
  )
    return false;
  if (/\b(premier bilan|bilans?)\b.*\b(clos|cloture|fait|depose|realise)\b|\b(clos|cloture|fait|depose|realise)\b.*\bbilan/.test(f)) return true;
  return undefined;
}

function findEsus(f: string): boolean | undefined {
  if (!/\besus\b/.test(f)) return undefined;
  if (/\b(pas (encore )?(l |d )?agrement esus|pas (encore )?agree(e)?s? esus|sans agrement esus|demander l agrement|obtenir l agrement)\b/.test(f))
    return false;
  if (/\b(agree(e)?s? esus|(avons|a|ai) (l )?agrement esus|titulaire(s)? de l agrement|(notre|son) agrement esus)\b/.test(f)) return true;
  return undefined;
}

function findListed(f: string): boolean | undefined {
  if (/\b(pas cote(e)?s?|non cote(e)?s?)\b/.test(f)) return false;
  if (/\b(cote(e)?s? en bourse)\b/.test(f)) return true;
  return undefined;
}

function communeValue(c: CommuneInfo): string {
  // keep the name when it resolves back to the same commune, else the INSEE code
  return resolveCommune(c.name)?.code === c.code ? c.name : c.code;
}

const COST_BEFORE =
  /\b(budget|cout|coute|couterait|montant|investissement|investir|projet|besoin|financer|financement|lever|levee|pret|emprunt|total|estime|evalue)\b[^.!?]{0,40}$/;
const NOT_COST_AFTER = /^(€|euros?|eur)?\s*(par mois|\/ ?mois|mensuels?|par an|\/ ?an|de salaire|bruts?|nets?|de l heure|par personne)/;

/** The project cost in a free message: an amount in euros announced by budget/coût/projet…, not a monthly pay. */
function findProjectCost(f: string): number | undefined {
  for (const h of findNumbers(f)) {
    const raw = f.slice(h.start, h.end);
    const euro = /^(€|euros?|eur\b)/.test(h.after) || /k|m€/.test(raw);
    if (!euro) continue;
    if (NOT_COST_AFTER.test(h.after)) continue;
    if (!COST_BEFORE.test(f.slice(Math.max(0, h.start - 60), h.start))) continue;
    if (h.value >= 100) return Math.round(h.value * 100) / 100;
  }
  return undefined;
}

/**
 * The last messages read: one question is read by the router, the project fit and the
 * conversation, each on the same text. Facts are plain values: a shallow copy is a copy.
 */
const recentFacts = new Map<string, Partial<Facts>>();
const RECENT_FACTS = 32;

/** Facts stated in a free French message. Only what is stated is returned. */
export function extractFacts(text: string): Partial<Facts> {
  if (typeof text !== "string" || !text.trim()) return {};
  let facts = recentFacts.get(text);
  if (!facts) {
    facts = readFacts(text);
    if (recentFacts.size >= RECENT_FACTS) recentFacts.delete(recentFacts.keys().next().value!);
    recentFacts.set(text, facts);
  }
  return { ...facts };
}

function readFacts(text: string): Partial<Facts> {
  const out: Partial<Facts> = {};
  const f = fold(text.slice(0, 5000));
  const form = findLegalForm(f, true);
  if (form) out.legalForm = form;
  const employees = findEmployees(f);
  if (employees !== undefined) out.employees = employees;
  const partners = findPartners(f);
  if (partners !== undefined) out.partnerStructures = partners;
  // "Prés Saint-Jean" is a quartier of Alès, not Saint-Jean-du-Gard: a commune named inside a known quartier's name is no mention.
  const mentions = findCommunesInText(text.slice(0, 5000)).filter((m) => !insideQpvName(text, m.start, m.end));
  const commune = mentions.find((m) => m.commune.inGard) ?? mentions[0];
  if (commune) out.commune = communeValue(commune.commune);
  else {
    const q = QPV_COMMUNE.find(([re]) => re.test(f.replace(/-/g, " ")));
    const c = q ? resolveCommune(q[1]) : null;
    if (c) out.commune = communeValue(c);
  }
  const stage = findStage(f);
  if (stage) out.projectStage = stage;
  const cost = findProjectCost(f);
  if (cost !== undefined) out.projectCost = cost;
  const bank = findBankAccess(f);
  if (bank !== undefined) out.bankAccess = bank;
  const qpv = findQpv(f);
  if (qpv !== undefined) out.inQpv = qpv;
  const bs = findFirstBalanceSheet(f);
  if (bs !== undefined) out.firstBalanceSheet = bs;
  const esus = findEsus(f);
  if (esus !== undefined) out.esusApproved = esus;
  const listed = findListed(f);
  if (listed !== undefined) out.listedShares = listed;
  if (/\bstatuts? (ess|conformes? a la loi (ess|hamon|de 2014))\b|\bentreprise de l ess\b/.test(f) && out.legalForm === "societe-commerciale")
    out.essStatutes = true;
  return out;
}

// ---------------------------------------------------------------------------
// Answers to one question

function matchOption<T extends string>(f: string, values: readonly T[], labels: Record<T, string>): T | undefined {
  for (const v of values) if (f === fold(v) || f === fold(v).replace(/-/g, " ")) return v;
  for (const v of values) if (f === fold(labels[v])) return v;
  return undefined;
}

/**
 * The option a choice answer names, whatever the channel sent: the option's value (a
 * Slack or Teams button), its label ("Oui", "SCIC"), or its number in the list shown
 * (the CLI's "3"). Boolean options carry "true"/"false" and come back as booleans.
 * Undefined when the question has no options or the text is none of them.
 */
export function parseChoice<K extends FactKey>(fact: K, text: string): Facts[K] | undefined {
  const q = FACT_QUESTIONS[fact];
  if (!q?.options?.length || typeof text !== "string") return undefined;
  const f = fold(text.slice(0, 200))
    .replace(/[.!)]+$/, "")
    .trim();
  if (!f) return undefined;
  const n = /^\d{1,2}$/.test(f) ? Number(f) : NaN;
  const option =
    (n >= 1 && n <= q.options.length ? q.options[n - 1] : undefined) ??
    q.options.find((o) => fold(o.value) === f || fold(o.value).replace(/-/g, " ") === f) ??
    q.options.find((o) => fold(o.label) === f);
  if (!option) return undefined;
  const value: unknown = q.type === "boolean" ? option.value === "true" : option.value;
  return value as Facts[K];
}

/** Parse the answer to the question about `fact`; undefined when not understood. */
export function parseAnswer<K extends FactKey>(fact: K, text: string): Facts[K] | undefined {
  if (typeof text !== "string") return undefined;
  const f = fold(text.slice(0, 2000));
  if (!f) return undefined;
  const type = FACT_QUESTIONS[fact]?.type;
  if (!type) return undefined;
  const choice = parseChoice(fact, text);
  if (choice !== undefined) return choice;
  let result: unknown;
  switch (fact) {
    case "legalForm": {
      result = matchOption(f, LEGAL_FORMS, LEGAL_FORM_LABELS) ?? findLegalForm(f, false);
      if (result === undefined && /^(aucune?|rien|non|pas encore|pas de structure|aucun statut)\b/.test(f)) result = "aucune";
      break;
    }
    case "projectStage":
      result = matchOption(f, PROJECT_STAGES, PROJECT_STAGE_LABELS) ?? findStage(f);
      break;
    case "commune": {
      const direct =
        resolveCommune(text) ??
        resolveCommune(text.replace(/^\s*(c'est |c’est |on est |nous sommes |je suis )?(à|a|au|sur|dans)\s+/i, "").replace(/[.!?]+\s*$/, ""));
      const found = direct ?? findCommunesInText(text)[0]?.commune;
      result = found ? communeValue(found) : undefined;
      break;
    }
    case "employees": {
      if (NO_EMPLOYEE.test(f) || /^(aucun|aucune|zero|personne|non|pas de salarie|que des benevoles|0)\b/.test(f)) {
        result = 0;
        break;
      }
      const n = parseFrenchNumber(f);
      result = n !== undefined && Number.isInteger(n) ? n : undefined;
      break;
    }
    case "partnerStructures": {
      const n = findPartners(f) ?? parseFrenchNumber(f);
      result = n !== undefined && Number.isInteger(n) ? n : undefined;
      if (result === undefined && /^(seuls?|seules?|juste nous|que nous|une seule|non)\b/.test(f)) result = 1;
      break;
    }
    case "projectCost": {
      const n = parseAmount(text);
      result = n;
      break;
    }
    default: {
      if (type !== "boolean") return undefined;
      const specific =
        fact === "bankAccess" ? findBankAccess(f) : fact === "inQpv" ? findQpv(f) : fact === "firstBalanceSheet" ? findFirstBalanceSheet(f) : undefined;
      result = specific ?? parseYesNo(text);
    }
  }
  if (result === undefined) return undefined;
  return result as Facts[K];
}
