/**
 * What a project description says, read without a model: the eligibility facts
 * (src/eligibility/extract.ts, plus a few forms it does not know: structures
 * listed one by one, ESS statutes, "la banque ne veut pas"), the kinds of need
 * (knowledge/liens-schema.yaml), the territory (commune → EPCI, QPV, rural) and
 * the stage. Only what the message states becomes a fact; territory inferences
 * are flagged so that the reply says "à vérifier".
 */
import { editDistanceAtMost1 } from "../retrieval/retriever.js";
import { FrenchWords } from "../retrieval/normalize.js";
import type { QpvStatus } from "../eligibility/communes.js";
import { resolveCommune } from "../eligibility/communes.js";
import { extractFacts, fold, foldText } from "../eligibility/extract.js";
import { parseFacts, type Facts, type LegalForm, type ProjectStage } from "../eligibility/facts.js";
import { containsPhrase, FirstWords, phraseTokens } from "../retrieval/phrases.js";
import { STRUCTURE_NOUN } from "../answer/asked-part.js";
import { DEFAULT_PROCESS } from "../domain/ids.js";
import type { Need, NeedFacts, SchemaLinks } from "./links.js";

export interface DetectedNeed {
  need: Need;
  /** How clearly the message states it: 0.6 for one expression, more for several, or for facts, or when asked for. */
  strength: number;
  /** Distinct expressions found. */
  expressions: number;
  /** Added by the ranking only: the need is in a question the message asks (not part of `strength`, which says whether it is stated at all). */
  asked?: number;
  /** Share of its processes' score kept: the need only names what the carrier is, and the message asks another need. */
  carrierOnly?: number;
  /** The writer says this need comes first (« surtout », « l'urgence est de… »). */
  stressed?: boolean;
}

export interface Territory {
  commune: string;
  code: string;
  inGard: boolean;
  epci?: string;
  /** QPV status of the commune (facts dossier §6.4); the address itself is never known. */
  qpv: QpvStatus;
  /** The message names a quartier prioritaire (or a known one). */
  qpvNamed: boolean;
  /** Under 2 000 inhabitants: probably rural — an inference, shown "à vérifier". */
  probablyRural: boolean;
  population: number;
}

export type Actor = "personne" | "structure" | "entreprise-commerciale" | "collectivite" | "inconnu";

export interface ProjectFeatures {
  facts: Partial<Facts>;
  needs: DetectedNeed[];
  territory: Territory | null;
  stage?: ProjectStage;
  actor: Actor;
}

/** Folded text (lower case, no accents) with hyphens as spaces: "non-profit" → "non profit". */
export { foldText };

const COUNT_WORD: Record<string, number> = {
  un: 1,
  une: 1,
  le: 1,
  la: 1,
  l: 1,
  a: 1,
  an: 1,
  notre: 1,
  our: 1,
  mon: 1,
  ma: 1,
  my: 1,
  deux: 2,
  two: 2,
  trois: 3,
  three: 3,
  quatre: 4,
  four: 4,
  cinq: 5,
  five: 5,
  six: 6,
};
const JOINT = /\b(ensemble|together|avec|with|groupement|collectif d|consortium|plusieurs|et (un|une|le|la|l|deux|trois))\b|\+/;

/** Structures listed one by one ("une SCOP, une asso et une régie de quartier") when there are at least two. */
export function countListedStructures(f: string): number | undefined {
  const re = new RegExp(
    `\\b(\\d+|un|une|le|la|l|a|an|notre|our|mon|ma|my|deux|two|trois|three|quatre|four|cinq|five|six)\\s+(?:(?:petite?s?|small|local|jeunes?|autres?)\\s+)?${STRUCTURE_NOUN}\\b`,
    "g",
  );
  let total = 0;
  let mentions = 0;
  for (const m of f.matchAll(re)) {
    const w = m[1]!;
    total += /^\d+$/.test(w) ? Number(w) : (COUNT_WORD[w] ?? 1);
    mentions++;
  }
  if (mentions >= 2 && total >= 2 && JOINT.test(f)) return total;
  return mentions === 1 && total >= 2 ? total : undefined;
}

/** Not a trade said solidarity, associative, cooperative, social or of insertion (« un garage solidaire »). */
const NOT_SOLIDARITY = String.raw`(?! (?:[a-z]+ )?(?:solidaires?|associati\w*|cooperati\w*|d insertion|sociale?s?|social|charity|equitables?|de producteurs)\b)`;
/** A trade run for profit (see NOT_SOLIDARITY). */
const TRADE = String.raw`(?:garage|commerce|boutique|magasin|restaurant|boulangerie|patisserie|boucherie|bar|hotel|salon de coiffure|camping|pharmacie|superette|supermarche|pizzeria|snack|car repair shop|shop|bakery)\b${NOT_SOLIDARITY}`;
/** A trade that opens a telegraphic message (« garage auto à Saint-Ambroix, 3 salariés… », « Restaurant à Uzès… »). */
const OPENING_TRADE = String.raw`^(?:(?:mon|notre|un|une|my|our|a) )?(?:petite? |small )?(?:garage|boulangerie|patisserie|boucherie|restaurant|bar|hotel|salon de coiffure|camping|pharmacie|pizzeria|snack|commerce de proximite)(?: auto| automobile)?\b${NOT_SOLIDARITY}(?= (?:a|au|sur|de|d|in|at) )`;
/**
 * "une société hôtelière commerciale", "a commercial company", "une franchise", a trade run for profit by its manager or owner
 * (« gérant d'un garage auto », « patron d'un restaurant », « je tiens une boulangerie », "I run a bakery") or opening a telegraphic message.
 */
const COMMERCIAL = new RegExp(
  String.raw`\b(societe|entreprise)( [a-z]+)? commerciale\b|\b(?:gerante?|patron|patronne|owner|manager) (?:d un|d une|du|de la|de l|of a|of an) (?:petite? |small )?${TRADE}|\b(?:je tiens|nous tenons|on tient|je gere|nous gerons|on gere|je possede|i run|we run|i own|we own|i manage) (?:un|une|a|an) (?:petite? |small )?${TRADE}|${OPENING_TRADE}|\b(commercial|limited|private|for profit) (?:[a-z]+ ){0,2}(company|business|firm)\b|\b(my|our) (?:small |little )?(?:[a-z]+ ){0,2}(company|firm)\b|\bfranchise (de|d)\b|\b(?:enseignes? (?:nationales?|commerciales?|de la grande distribution)|(?:franchises|franchisee?s|franchiseurs?|franchisors?|franchisees)\b(?! (?:sociales?|solidaires?|social))|(?:chaines?|chains?) (?:nationales? |national |commerciales? )?(?:de |d |of )?(?:restaurants?|restauration rapide|fast food|magasins?|hotels?|supermarches?|boutiques?|salles de sport|stores?|shops?)(?! (?:solidaires?|associati\w*|cooperati\w*|d insertion|sociales?|social)))\b`,
);

/**
 * A structure named with the adjective of its form (« un club sportif associatif », « notre café associatif », « une structure
 * associative ») is an association; not the sector or a network it belongs to (« le monde associatif », « un réseau associatif »).
 */
const ASSOCIATIVE_STRUCTURE =
  /\b(club|structure|compagnie|troupe|ecole|creche|radio|cinema|theatre|cafe|bar|lieu|tiers lieu|epicerie|ressourcerie|recyclerie|garage|jardin|atelier|centre|chantier|media|journal|magasin|boutique|club house) (?:[a-z]+ )?associati(?:f|ve)\b/;

/** The subject that opens an agent's description is the carrier ("Une coopérative d'activité et d'emploi … veut …"). */
const OPENING = String.raw`^(?:une?|la|le|l|notre|nous sommes une?|on est une?|we are an?|an?|our)\s+(?:(?:petite?|jeune|small|young|local)\s+)?`;
const LEADING_FORM: [RegExp, LegalForm][] = [
  [new RegExp(`${OPENING}(?:cae|cooperative d activites? et d emploi)\\b`), "cae"],
  [new RegExp(`${OPENING}(?:cooperative|coop|cuma)\\b`), "cooperative"],
  [new RegExp(`${OPENING}(?:mutuelle|mutual)\\b`), "mutuelle"],
  [new RegExp(`${OPENING}(?:fondation|fonds de dotation|foundation)\\b`), "fondation"],
  [new RegExp(`${OPENING}(?:association|asso|non profit|charity)\\b`), "association"],
];

function essStatutes(f: string): boolean | undefined {
  if (
    /\b(sans|pas de|aucun|without|no) statuts? (ess|de l ess)\b|\bsociete classique\b|\brien d ess\b|\((pas|not|non|hors) (d )?ess\)|\b(pas|not) (une structure |an )?ess\b(?! (compliant|statutes))|\bclassique\b.{0,40}\b(sas|sarl|societe)\b|\b(sas|sarl|societe) classique\b/.test(
      f,
    )
  )
    return false;
  if (
    /\bstatuts?\b.{0,60}\b(loi ess|loi de 2014|economie sociale et solidaire|(principes|valeurs|regles) de l ess)\b|\bstatutes?\b.{0,60}\b(ess principles|principles of the ess)\b|\bstatutes?\b.{0,60}\b(ess law|2014 law|law of 2014|social and solidarity economy law)\b|\bess compliant\b|\bstatuts? ess\b|\bess statutes\b/.test(
      f,
    )
  )
    return true;
  return undefined;
}

function bankAccess(f: string): boolean | undefined {
  if (
    /\b(banques?|bank) (ne )?(me |nous )?(veut|veulent|suit|suivent)? ?(rien savoir|pas|plus|refuse|refusent|won t|refused|says no)\b|\bbanques? (m |nous |lui |leur )?(a |ont |avait |avaient )?(refuse\w*|dit non)\b|\brefus (de |d un )?(pret|credit|emprunt) (bancaire|de la banque|des banques)\b|\b(pret|credit|emprunt) bancaire (m |nous |lui |leur )?(a ete |ont ete |a |ont )?refuse\w*\b|\bbanks? (refused|declined|rejected|turned down) (me|us|her|him|them|my|our|his|their)\b|\b(pas|sans|plus|ni|aucun|no|without) (d )?acces (au|a un|aux) (credit|pret|emprunt)s?\b|\b(no|without) access to (bank )?(credit|loans?)\b|\bno bank (will|would|wants to|is willing to) (lend|finance|follow|back)\b|\bbanks? (won t|will not|refuse[sd]? to|declined to) (lend|finance)\b|\bexclue?s? du (credit|systeme) bancaire\b|\b(the |her |his |their |my |our )?banks? (has |have |keep |keeps |kept |always )?(turned|turns|turning) (her|him|them|me|us) down\b/.test(
      f,
    )
  )
    return false;
  return undefined;
}

const PERSON =
  /^(je |j |moi |i |i m |my name|mme |ms |mrs |mr )|\b(je suis|j ai \d+ ans|je veux|je voudrais|je souhaite|jvoudrais|jveux|un porteur|une porteuse|porteur individuel|une personne|un habitant|une habitante|une? allocataire|une? beneficiaire|un chomeur|une chomeuse|un couple|un demandeur|une demandeuse|demandeur d emploi|une ancienne|un ancien|ancien cadre|une jeune|un jeune|jeune diplomee?|retraitee?|creer seule?|auto ?entrepreneu|micro entrepreneu|freelance|independante?|madame|monsieur|i live|an? (local )?resident|i want to start|i d like to start)\b/;
const STRUCTURE_WORDS = new RegExp(
  `\\b${STRUCTURE_NOUN}\\b|\\b(collectif|structure|entreprise|societe|sarl|sas|pme|tpe|club|compagnie|creche|company|business)\\b`,
);

function actorOf(facts: Partial<Facts>, f: string): Actor {
  switch (facts.legalForm) {
    case "societe-commerciale":
      return facts.essStatutes ? "structure" : "entreprise-commerciale";
    case "entrepreneur-individuel":
    case "aucune":
      return "personne";
    case "collectivite":
      return "collectivite";
    case undefined:
      break;
    default:
      return "structure";
  }
  if (PERSON.test(f) && !/\b(notre|nos|our) (asso|association|structure|scop|scic|cooperative)/.test(f)) return "personne";
  if (STRUCTURE_WORDS.test(f)) return "structure";
  return "inconnu";
}

/** No structure yet, in English. */
const NO_STRUCTURE_YET =
  /\b(no (company|structure|legal (structure|entity)|business) (set up )?yet|not yet (incorporated|registered)|(have|has) not (yet )?(set up|registered|created) (a|the|our|any) (company|structure))\b/;

/**
 * Setting up a business or an ESS structure in plain words (« monter une boîte », « monter notre coopérative », « je monte une
 * micro-entreprise », « je monte une recyclerie en asso », « on crée une ressourcerie », « nous lançons un tiers-lieu »).
 */
const SET_UP =
  /\b(monter|montons|montent|on monte|je monte|nous montons|je cree|on cree|nous creons|je lance|on lance|nous lancons|je fonde|on fonde|nous fondons) (une|un|notre|ma|mon|sa|son|leur|nos) (?:(?:petite?|nouvelle?|nouveau|propre) )?(boite|entreprise|micro entreprise|auto entreprise|societe|cooperative|coop|scop|scic|activite|structure|association|asso|recyclerie|ressourcerie|tiers lieu|epicerie solidaire|epicerie associative|cafe associatif|cafe solidaire|repair cafe|friperie solidaire|garage solidaire|chantier d insertion|regie de quartier|atelier de reemploi|atelier de reparation|atelier velo|jardin partage|jardin solidaire|creche associative|amap)\b/;

/**
 * Opening a shop or a trade of one's own (« ouvrir une petite boutique d'artisanat », « j'ouvre mon salon de coiffure », "open
 * a small shop"): a business being created, as « créer » or « lancer » says (the extractor does not read « ouvrir »).
 */
const OPEN_BUSINESS =
  /\b(ouvrir|ouvre|ouvrons|ouvrirai|ouvrira|open|opening) (une|un|mon|ma|son|sa|a|an|my|his|her) (?:(?:petite?|nouvelle?|nouveau|propre|small|little|new|own) ){0,2}(boutique|commerce|magasin|restaurant|cafe|bar|epicerie|librairie|boulangerie|patisserie|salon|atelier|gite|food truck|friperie|laverie|fleuriste|cabinet|institut|snack|shop|store|bakery|bookshop|workshop|business)\b/;

/** A project at the idea stage, in English ("with an idea to…", "still only an idea on paper"). */
const IDEA_STAGE_EN = /\b((with|have|has|had|got) an idea (to|for|of)|(only|just|still) an idea|(at|in) the idea stage|idea stage)\b/;

/**
 * A takeover ("je reprends le bar…", "racheter la boulangerie") or a project before its creation ("pré-création");
 * not taking up again what a structure already has ("reprendre le projet associatif", "reprendre la gestion").
 */
const TAKEOVER_OR_EARLY =
  /\b((je reprends|nous reprenons|on reprend|reprendre|racheter|rachat) (le|la|l|les|du|de la|de l) (?!(projet|gestion|fonctionnement|dossier|contact|main|travail|comptabilite|compta|statuts?|gouvernance|organisation|rythme|activite normale)\b)[a-z]+|pre creation|precreation|avant creation|taking over|take over (the|a))\b/;

/** The message places its activity in the Gard ("une antenne dans le Gard", "les structures gardoises"). */
const IN_GARD = /\b(dans le gard|sur le gard|en gard|gardois|gardoise|gardoises|in the gard)\b/;
/** The commune is only where the carrier has its seat ("siège à Montpellier", "headquartered in Lyon"). */
function seatIn(f: string, commune: string): boolean {
  return new RegExp(
    `\\b(siege|siege social|sieges|head office|headquarters|headquartered|basee?s?|installee?s?|based|located)( est)? (a|au|en|in|at) ${commune}\\b`,
  ).test(f);
}

/** A federation or network that counts its own members ("une fédération… ses vingt associations locales"). */
const MEMBERS_OF_NETWORK =
  /\b(federations?|reseaux?|tete de reseau|union|network|federation)\b.{0,160}\b(ses|leurs|its|their) (?:[a-z0-9]+ ){1,2}?(associations?|structures?|adherents?|adherentes?|membres?|members?|member organisations?|antennes?|clubs?)\b/;

/** The commune is only where an event is or was held ("au Forum mondial de l'ESS à Bordeaux", "the summit in Lyon"). */
function eventIn(f: string, commune: string): boolean {
  return new RegExp(
    `\\b(forum|forums|salon|salons|congres|colloque|colloques|sommet|rencontres|conference|conferences|seminaire|assises|biennale|universite d ete|summit|congress|fair|symposium)\\b[^.;!?]{0,50}\\b(a|au|de|in|at) ${commune}\\b`,
  ).test(f);
}

/** A structure changing into a SCIC (« se transforme en SCIC », « transformation de l'association en SCIC », « devient une SCIC »). */
const INTO_SCIC =
  /\b(transform\w*|devien\w*|deviendr\w*|passer|passe|passage|bascul\w*|evolu\w*|conversion|convertir)\b(?: [^ .;!?]+){0,12}? en (une )?scic\b|\b(devient|deviendra|devenir|devenue?) une scic\b/;

/** A business changing into a SCOP (« la transformer en SCOP », « passer en SCOP », « devenir une SCOP »). */
const INTO_SCOP =
  /\b(transform\w*|devien\w*|deviendr\w*|passer|passe|passage|bascul\w*|evolu\w*|conversion|convertir|reprendre|reprise|racheter|rachat)\b(?: [^ .;!?]+){0,12}? en (une )?scop\b|\b(devient|deviendra|devenir|devenue?) une scop\b/;

/** A sole business being created (« créer une entreprise individuelle », « se mettre à son compte en micro-entreprise »). */
const SOLE_BUSINESS_CREATED =
  /\b(creer|cree|monter|lancer|ouvrir|demarrer|immatriculer|installer|mettre a son compte|mettre a mon compte|start|set up)\b[^.;!?]{0,40}\b(entreprise individuelle|micro ?entreprises?|auto ?entreprises?|eirl|sole trader|sole proprietorship)\b/;
/** An association the writer or the person described volunteers in or belongs to (« bénévole dans une association de quartier »). */
const VOLUNTEER_ASSOCIATION =
  /\b(benevoles?|membres?|adherente?s?|engagee?s?|investie?s?|volunteers?|members?) (dans|d|a|au sein d|de|in|of) (une|un|deux|trois|plusieurs|des|l|la|les|an?|two|three|several|the) (assos?|associations?|charit(y|ies)|non profits?)\b/g;
const ASSOCIATION_WORD = /\b(assos?|associations?|charit(y|ies)|non profits?)\b/g;

/** Every association the message names is one someone volunteers in or belongs to. */
function onlyVolunteerAssociations(f: string): boolean {
  const volunteer = [...f.matchAll(VOLUNTEER_ASSOCIATION)].length;
  return volunteer > 0 && volunteer === [...f.matchAll(ASSOCIATION_WORD)].length;
}

/** Facts stated in the message: the eligibility extractor, completed; invalid values dropped. */
export function projectFacts(text: string): Partial<Facts> {
  const f = foldText(text);
  const facts: Record<string, unknown> = { ...safeExtract(text) };
  const listed = countListedStructures(f);
  if (listed !== undefined && listed > ((facts.partnerStructures as number | undefined) ?? 0)) facts.partnerStructures = listed;
  if (facts.legalForm === undefined)
    facts.legalForm =
      LEADING_FORM.find(([re]) => re.test(f))?.[1] ?? (COMMERCIAL.test(f) ? "societe-commerciale" : ASSOCIATIVE_STRUCTURE.test(f) ? "association" : undefined);
  // "près du Pont du Gard": a homonym outside the Gard in a message about the Gard is a landmark, not the commune.
  // Only the name that is part of such a landmark ("Pont" of "Pont du Gard") is dropped: "based in Avignon (Vaucluse)… the Gard
  // Département" places the project outside the Gard.
  if (
    typeof facts.commune === "string" &&
    resolveCommune(facts.commune)?.inGard === false &&
    new RegExp(`\\b${foldText(facts.commune)} (du |de |d )?gard\\b`).test(f)
  )
    delete facts.commune;
  // "Une fédération … ses vingt associations locales": the members of a federation or network are not partners building a
  // project together (the count is of its members).
  if (facts.partnerStructures !== undefined && MEMBERS_OF_NETWORK.test(f)) delete facts.partnerStructures;
  // "comme au Forum mondial de l'ESS à Bordeaux": a commune outside the Gard where an event took place is not where the project is.
  if (typeof facts.commune === "string" && resolveCommune(facts.commune)?.inGard === false && eventIn(f, foldText(facts.commune))) delete facts.commune;
  // "siège à Montpellier… ouvrir une antenne dans le Gard": the seat is elsewhere, the project is in the Gard.
  if (typeof facts.commune === "string" && resolveCommune(facts.commune)?.inGard === false && IN_GARD.test(f) && seatIn(f, foldText(facts.commune)))
    delete facts.commune;
  // « Un habitant, bénévole dans une association de quartier, souhaite créer une entreprise individuelle »: the association is
  // where the carrier volunteers, the project is the sole business being created.
  if (facts.legalForm === "association" && SOLE_BUSINESS_CREATED.test(f) && onlyVolunteerAssociations(f)) facts.legalForm = "entrepreneur-individuel";
  // « Transformation d'une association … en SCIC », « notre asso devient une SCIC »: the project is the SCIC to come.
  if (facts.legalForm !== "scic" && INTO_SCIC.test(f)) facts.legalForm = "scic";
  // « Les salariés veulent racheter l'imprimerie et la transformer en SCOP »: with no form stated, the project is the SCOP to come.
  if (facts.legalForm === undefined && INTO_SCOP.test(f)) facts.legalForm = "scop";
  if (facts.legalForm === "societe-commerciale") {
    // A negation ("sans statuts ESS") wins over the extractor, which reads only "statuts ESS".
    const ess = essStatutes(f);
    if (ess === false || (ess === true && facts.essStatutes === undefined)) facts.essStatutes = ess;
    // « notre SAS agréée ESUS »: the approval requires belonging to the ESS under the 2014 law (agrement-esus-cadre-legal), so
    // the company has ESS statutes unless the message says otherwise.
    if (facts.esusApproved === true && facts.essStatutes === undefined) facts.essStatutes = true;
  }
  // "We have no company yet": no structure yet (the extractor reads the French forms).
  if (facts.legalForm === undefined && NO_STRUCTURE_YET.test(f)) facts.legalForm = "aucune";
  // "We have an idea to…", "it's still only an idea": a project at the idea stage (the extractor reads the French forms).
  if (facts.projectStage === undefined && IDEA_STAGE_EN.test(f)) facts.projectStage = "idee";
  // "On veut monter une boîte", « monter notre coopérative »: a business being created (the extractor reads « créer », « lancer »).
  if (facts.projectStage === undefined && SET_UP.test(f)) facts.projectStage = "creation";
  // « Ouvrir une petite boutique », "open my own shop": a business being created.
  if (facts.projectStage === undefined && OPEN_BUSINESS.test(f)) facts.projectStage = "creation";
  // "Je reprends le bar du village", "projet en pré-création": a business being taken over or not yet created.
  if (facts.projectStage === undefined && TAKEOVER_OR_EARLY.test(f)) facts.projectStage = "creation";
  if (facts.bankAccess === undefined) {
    const bank = bankAccess(f);
    if (bank !== undefined) facts.bankAccess = bank;
  }
  if (facts.employees === undefined && /\b(une seule salariee?|un seul salarie|no employees?( yet)?|pas encore de salariee?s?)\b/.test(f))
    facts.employees = /\bseule?\b/.test(f) ? 1 : 0;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    const r = parseFacts({ [k]: v });
    if (r.ok) Object.assign(out, r.facts);
  }
  return out as Partial<Facts>;
}

function factsMatch(want: NeedFacts, facts: Partial<Facts>): boolean {
  if (want.legalForm && !(facts.legalForm && want.legalForm.includes(facts.legalForm))) return false;
  if (want.inQpv !== undefined && facts.inQpv !== want.inQpv) return false;
  if (want.bankAccess !== undefined && facts.bankAccess !== want.bankAccess) return false;
  if (want.essStatutes !== undefined && facts.essStatutes !== want.essStatutes) return false;
  if (want.partnerStructuresMin !== undefined && !((facts.partnerStructures ?? 0) >= want.partnerStructuresMin)) return false;
  if (want.employeesMin !== undefined && !((facts.employees ?? -1) >= want.employeesMin)) return false;
  return true;
}

/** Matched expressions, without those inside a longer one ("ESUS" in "agrément ESUS"). */
function maximal(found: string[][]): string[][] {
  return found.filter((p) => !found.some((q) => q.length > p.length && containsPhrase(q, p)));
}

/**
 * A typo ("acompagnement", "devellopement"): a long word within one edit, same first letter. Only words French does not
 * know can be typos: "conclure" is no "concours".
 */
function nearWord(tokens: string[], word: string): boolean {
  if (word.length < 7) return false;
  return tokens.some((t) => t[0] === word[0] && Math.abs(t.length - word.length) <= 1 && t !== word && editDistanceAtMost1(t, word));
}

/** One expression found: 0.6; each other one adds 0.2, up to this. */
const MAX_STRENGTH = 1.4;

/** Verbs that introduce what is asked for ("nous voudrions décrocher des marchés"). */
const REQUEST =
  /\b(veut|veulent|veux|voulons|voudrait|voudraient|voudrais|voudrions|jvoudrais|jveux|aimerait|aimerions|aimerais|souhaite|souhaitent|souhaitons|cherche|cherchent|cherchons|demande|demandent|sollicite|sollicitent|besoin|il (nous|leur|lui|me) faut|y a t il|ya t il|existe t il|is there|are there|want|wants|would like|d like|need|needs|looking for|asks|seeks)\b/g;
/** A need stated in what is asked for outweighs one that only describes the carrier ("une entreprise d'insertion"). */
const REQUEST_BONUS = 0.3;

/** A need the writer says comes first ("surtout", "avant tout") weighs this much more in the ranking; one said "par ailleurs", this much less. */
const EMPHASIS_BONUS = 0.3;
const MAIN_MARK =
  /\b(surtout|avant tout|principalement|en priorite|prioritairement|d abord|le vrai (sujet|besoin|probleme|enjeu)|(le|notre|leur|son) (probleme|souci),? c est|la vraie (question|priorite|difficulte)|ce qui (nous |lui |leur )?manque|ce qu il (nous |lui |leur )?manque|mais en fait|en realite|(le|leur|notre|son|mon) principal (souci|probleme|enjeu|besoin)|(la|leur|notre|sa|ma) principale (preoccupation|difficulte|priorite)|(l|leur|notre|son|sa) urgence,? (est|c est|serait)|(la|leur|notre|sa|ma) priorite,? (est|c est|serait)|le plus urgent,? (est|c est|serait)|(the|our|their) (priority|most urgent thing|urgent need) is|(our|their|the) main (concern|worry|issue|need)|mainly|above all|especially|most of all|first and foremost|the real (issue|need|problem)|(the|our) (problem|issue) is|what (we|they) really need|what is missing|what s missing)\b/g;
/** Also what someone else says the writer should do ("un ami nous dit qu'il faut l'agrément"): advice reported, not the writer's own need. */
const ASIDE_MARK =
  /\b(par ailleurs|en outre|accessoirement|au passage|secondairement|(on|un ami|une amie|un proche|un collegue|une collegue|quelqu un) (nous|m|me) (a )?(dit|dis|conseille|suggere)|on (nous|m) a (dit|conseille|suggere)|by the way|incidentally|as a side note|(someone|a friend) (told|advised) (us|me)|(we|i) (were|was) told)\b/;

/**
 * The parts of a folded message the writer marks: what follows "surtout" to the end of its sentence (`main`),
 * the sentences opened by "par ailleurs" (`secondary`), and the text without them (`rest`).
 */
export function emphasisZones(folded: string): { main: string; secondary: string; rest: string } {
  const main: string[] = [];
  for (const m of folded.matchAll(MAIN_MARK)) {
    const after = folded.slice(m.index);
    const end = after.search(/[.!?;]/);
    main.push(end < 0 ? after : after.slice(0, end));
  }
  const sentences = folded.split(/(?<=[.!?;])\s+/);
  const secondary = sentences.filter((x) => ASIDE_MARK.test(x));
  return { main: main.join(" . "), secondary: secondary.join(" . "), rest: sentences.filter((x) => !ASIDE_MARK.test(x)).join(" ") };
}

/** A need in a question of a longer message (`askedZone`) weighs this much more in the ranking. */
const ASKED_BONUS = 0.3;
/** The parts of the message that say what is wanted: from each verb of request to the end of its sentence. */
export function requestZone(text: string): string {
  const f = foldText(text);
  const parts: string[] = [];
  for (const m of f.matchAll(REQUEST)) {
    const rest = f.slice(m.index);
    const end = rest.search(/[.!?;:]/);
    parts.push(end < 0 ? rest : rest.slice(0, end));
  }
  return parts.join(" . ");
}

/**
 * The questions of a message that also describes something ("On transforme notre asso en SCIC. Le
 * Département peut-il entrer au capital ?"): what the writer asks is what they want. A message of
 * one sentence mixes the description and the question, so it has none.
 */
export function askedZone(text: string): string {
  const sentences = text.split(/(?<=[.!?;])\s+|\n+/).filter((x) => x.trim());
  if (sentences.length < 2) return "";
  return sentences
    .filter((x) => x.trim().endsWith("?"))
    .map(foldText)
    .join(" . ");
}

/**
 * A question that opens by saying what the writer's structure is, before a comma (« on est une asso d'insertion qui fait de
 * l'entretien d'espaces verts, c'est possible de travailler pour le Département ? », "we are a repair café, can we…?"): that
 * clause describes the carrier, the rest is what is asked.
 */
const SELF_CLAUSE =
  /(^|\s\.\s)(?:(?:slt|salut|bonjour|bonsoir|bjr|coucou|hello|hi) )?(?:on est|nous sommes|je suis|jsuis|we are|we re|i am|i m) (?:une?|a|an|la|le|l) [^,;:?]{3,120}[,;:] (?=[^?]*\?)/g;

/** The questions of a message without the clauses that open them by saying what the writer's structure is (see SELF_CLAUSE). */
function withoutSelfClauses(zone: string): string {
  return zone.replace(SELF_CLAUSE, "$1");
}

/** An indirect question (« demande s'il existe… », « voudrait savoir si… », "asks whether…"), to the end of its sentence. */
const INDIRECT =
  /\b(demande s il|demande si|demandent s ils?|demandent si|se demande|se demandent|veut savoir|veulent savoir|voudrait savoir|voudraient savoir|asks whether|asks if|wants to know|would like to know)\b[^.!?;]*/g;
/** The indirect questions of a folded message, joined. */
function indirectQuestions(folded: string): string {
  return [...folded.matchAll(INDIRECT)].map((m) => m[0]).join(" . ");
}

/** The last clause of a message that is one question (after its last comma or colon), or nothing. */
export function lastClauseAsked(text: string): string {
  if (askedZone(text) !== "" || !text.trim().endsWith("?")) return "";
  const f = foldText(text);
  return f.slice(Math.max(f.lastIndexOf(","), f.lastIndexOf(":"), f.lastIndexOf(";")) + 1);
}

/**
 * What the writer says they do not want ("on n'a pas besoin de prêt", "we don't need a loan") or have already done ("j'ai déjà
 * testé mon activité"), up to the end of that clause. Not wanting to create a company (« il ne veut pas créer de société tant
 * que… ») is no need ruled out: it is the need to test an activity first.
 */
const NEGATED =
  /\b(pas besoin d[e']?|n ?(a|avons|ont|ai) pas besoin d[e']?|ne (cherche|cherchons|cherchent|veut|voulons|veulent|demande|demandons|demandent|souhaite|souhaitons|souhaitent) (?:surtout |vraiment |absolument |en aucun cas )?pas(?! (encore |tout de suite |forcement |d emblee )?(creer|monter|fonder|immatriculer|se mettre a son compte)\b)|plutot que|au lieu d[e']?|(don t|do not|does not|doesn t) (need|want)|not looking for|no need for|rather than|instead of|(ai|a|avons|ont|have|has) deja (teste|essaye|fait|tested|tried)|(have|has) already (tested|tried)|(avait|avions|avais|avaient) (d abord |au depart |d ailleurs )?(pense|envisage|songe)|(au depart|initialement) (on|nous|je|j|il|elle) (voulait|voulions|voulais|pensait|pensions|envisageait)|(we|i|they) (had )?(first )?(thought of|considered)|capital (est )?(deja )?(boucle|reuni|complet)|capital is (already )?(raised|complete))\b[^.;:!?,]*/g;

/**
 * A plan the writer had in mind (« on pensait demander une subvention au Département ») is set aside, unless the message
 * asks whether it can be done (« …. C'est possible ? ») with nothing set against it (« mais finalement… »).
 */
const PAST_PLAN =
  /\b(pensait|pensais|pensions|pensaient|envisageait|envisagions|envisageaient) (d abord |au depart )?(a )?(demander|solliciter|faire|ouvrir|obtenir)\b[^.;:!?,]*/g;
const ASKS_FEASIBLE =
  /\b(c est possible|est ce possible|est ce faisable|c est faisable|c est jouable|ca passe|ca se fait|on peut|on pourrait|peut on|pourrait on|is that possible|is it possible|can we)\b[^.!]*\?/;
const SET_AGAINST = /\b(mais|finalement|en fait|plutot|but|instead|actually)\b/;

/** The message without the needs it rules out. */
export function withoutNegated(text: string): string {
  const folded = foldText(text).replace(NEGATED, " ");
  const asked = ASKS_FEASIBLE.test(folded) && !SET_AGAINST.test(folded);
  return asked ? folded : folded.replace(PAST_PLAN, " ");
}

/** The adverb « peut-être » (hyphenated: not the verb of « elle peut être aidée ») written as its synonym, to be found folded. */
function markHedges(text: string): string {
  return text.replace(/\bpeut[-‑]\s?[êe]tre\b/gi, "éventuellement");
}
/** A need the writer only considers (« peut-être », "maybe") loses this share of its strength in the ranking. */
const HEDGE_SHARE = 0.5;
/** What the writer only considers, from « éventuellement », "maybe"… to the end of its clause. */
const HEDGED = /\b(eventuellement|pourquoi pas|maybe|perhaps|possibly)\b[^.;:!?,()]*/g;
function withoutHedged(folded: string): string {
  return folded.replace(HEDGED, " ");
}

/** What follows a verb of becoming or creating, to the end of its clause (« se transformer en atelier chantier d'insertion »). */
const BECOMING =
  /\b(transformer|transforme|devenir|devient|deviendra|creer|creation d|ouvrir|ouverture d|monter|lancer|s implanter|become|becoming|turn into|set up|open)\b[^.;:!?,]*/g;
function becomingZone(folded: string): string {
  return [...folded.matchAll(BECOMING)].map((m) => m[0]).join(" . ");
}

/** The first words of each need's expressions, per list of needs (see FirstWords). */
const needFirstWords = new WeakMap<readonly Need[], { fw: FirstWords; count: number }>();
function firstWordsOf(needs: readonly Need[]): FirstWords {
  let e = needFirstWords.get(needs);
  if (!e || e.count !== needs.length) {
    e = { fw: new FirstWords(needs.map((n) => n.phrases)), count: needs.length };
    needFirstWords.set(needs, e);
  }
  return e.fw;
}

/** Share of their score the processes of a need the carrier already meets keep (see the links file's « acquis »). */
const HELD_SHARE = 0.3;

/** The needs of the links file that the message states, strongest first. */
export function detectNeeds(text: string, facts: Partial<Facts>, links: SchemaLinks): DetectedNeed[] {
  const kept = withoutNegated(text);
  const tokens = phraseTokens(kept);
  const unknown = phraseTokens(
    kept
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 7 && !FrenchWords.has(w))
      .join(" "),
  );
  const asked = phraseTokens(requestZone(kept));
  const zone = askedZone(text);
  const askedQuestions = withoutNegated(withoutSelfClauses(zone));
  const questions = phraseTokens(askedQuestions);
  // Where a question-only expression is looked for: the questions of a longer message, or the last clause of a message that is
  // one question (« je veux créer ma boîte, on m'a parlé d'une permanence dans le quartier, c'est où ? »).
  // So are the questions it relays or reports (« il demande s'il existe un relais dans son quartier »).
  const reported = indirectQuestions(kept);
  const questionClause = questions.length || reported ? phraseTokens(`${askedQuestions} . ${reported}`) : phraseTokens(withoutNegated(lastClauseAsked(text)));
  const { main, secondary, rest } = emphasisZones(kept);
  const mainTokens = phraseTokens(main);
  const restTokens = phraseTokens(rest);
  // What the writer only considers (« et peut-être renforcer nos fonds propres »): the message without those clauses.
  const plainTokens = phraseTokens(withoutHedged(withoutNegated(markHedges(text))));
  const hedged = plainTokens.length < phraseTokens(withoutNegated(markHedges(text))).length;
  const out: DetectedNeed[] = [];
  // Needs the message asks for: in a request, a question of a longer message, said to come first, or named in a message
  // that is one question (« Quelle action peut aider une association … à rencontrer des fondations ? »).
  const requested = new Set<string>();
  // Those asked for in words (a request, a question of a longer message, said to come first), not only named in a message that is one question.
  const requestedInWords = new Set<string>();
  const wholeQuestion = text.trim().endsWith("?") && !zone;
  // A need none of whose expressions' first words is in the message has none of them in it: only its typos are looked for.
  const possible = firstWordsOf(links.needs).marks(tokens);
  for (const [i, need] of links.needs.entries()) {
    const phrases =
      possible[i] === 1
        ? maximal(need.phrases.filter((p) => containsPhrase(tokens, p) || (p.length === 1 && nearWord(unknown, p[0]!))))
        : unknown.length === 0
          ? []
          : maximal(need.phrases.filter((p) => p.length === 1 && nearWord(unknown, p[0]!)));
    const byFacts = need.facts !== undefined && factsMatch(need.facts, facts);
    // Words that show the need only when a question of the message holds them and the need's facts hold (« un relais dans le
    // quartier ? » for a project in a quartier prioritaire): they count as its expression, asked, when it has none of its own.
    const byQuestion = byFacts && phrases.length === 0 && !!need.questionPhrases?.some((p) => containsPhrase(questionClause, p));
    const matched = phrases.length + (byQuestion ? 1 : 0);
    if (need.requires.facts && !byFacts) continue;
    if (need.requires.expressions && matched === 0) continue;
    if (!byFacts && matched === 0) continue;
    const inRequest = need.phrases.some((p) => containsPhrase(asked, p)) ? REQUEST_BONUS : 0;
    const byWords = matched === 0 ? 0 : Math.min(MAX_STRENGTH, 0.6 + 0.2 * (matched - 1)) + inRequest;
    const strength = byFacts && !need.requires.facts ? Math.max(1, byWords) : byWords || 1;
    // A need the facts show, whose request bonus the fact's strength swallows, still weighs more when a question of the message
    // asks for it ("… à Valdegour. Existe-t-il un dispositif pour les quartiers prioritaires ?").
    const swallowed = inRequest > 0 && byFacts && !need.requires.facts && byWords <= 1;
    const inQuestion = (!inRequest || swallowed) && (byQuestion || need.phrases.some((p) => containsPhrase(questions, p))) ? ASKED_BONUS : 0;
    // "… et demandent surtout comment se positionner sur les marchés": the need said to come first weighs more;
    // one mentioned only "par ailleurs" weighs less.
    const stressed = main && need.phrases.some((p) => containsPhrase(mainTokens, p)) ? EMPHASIS_BONUS : 0;
    // Mentioned only "par ailleurs", or only as a possibility (« peut-être », "maybe"): it weighs less.
    const onlyHedged = hedged && matched > 0 && !phrases.some((p) => containsPhrase(plainTokens, p));
    const aside =
      secondary && matched > 0 && !need.phrases.some((p) => containsPhrase(restTokens, p))
        ? -EMPHASIS_BONUS
        : onlyHedged
          ? -Math.round(HEDGE_SHARE * strength * 100) / 100
          : 0;
    const extra = inQuestion + stressed + aside;
    out.push({
      need,
      strength: Math.round(strength * 100) / 100,
      expressions: matched,
      ...(extra ? { asked: extra } : {}),
      ...(stressed ? { stressed: true } : {}),
    });
    if (matched > 0 && (inRequest || inQuestion || stressed || wholeQuestion)) requested.add(need.id);
    if (matched > 0 && (inRequest || inQuestion || stressed)) requestedInWords.add(need.id);
  }
  // A need shown only by where the project is (« au Chemin-Bas d'Avignon ») gives way to the need the message asks for
  // (« rencontrer des fondations »): the place is context, the request is the project's.
  for (const n of out)
    if (n.need.context !== undefined && n.expressions === 0 && [...requested].some((id) => id !== n.need.id)) n.strength = Math.min(n.strength, n.need.context);
  // A need that can name what the carrier is (« un atelier chantier d'insertion… demande un appui pour sa trésorerie ») and is
  // not in what the message asks, when the message asks another need: it describes the carrier, the request is elsewhere.
  // When the message's question asks only for a kind of support (« Quel accompagnement lui proposer ? »), the needs it
  // describes are what it asks.
  // Asking only whom to turn to (a need of the ESS team alone) asks no other need: « quels interlocuteurs pour le
  // conventionnement ? » keeps the insertion track.
  const otherAsked = (id: string) =>
    [...requested].some((r) => r !== id && out.some((n) => n.need.id === r && n.need.links.some((l) => l.process !== DEFAULT_PROCESS)));
  // Becoming or opening such a structure (« se transformer en chantier d'insertion », « créer une ETTI ») is the project, not
  // what the carrier is.
  const becoming = phraseTokens(becomingZone(kept));
  const described = requested.size === 0 && zone !== "" ? out.filter((n) => n.expressions > 0 && n.need.identity === undefined) : [];
  // A need the carrier already meets (« notre SAS agréée ESUS… veut structurer son développement »), not asked for: its words say
  // what the carrier is.
  for (const n of out) if (n.need.held?.some((k) => facts[k] === true) && !requestedInWords.has(n.need.id)) n.carrierOnly = n.need.identity ?? HELD_SHARE;
  for (const n of out)
    if (
      n.carrierOnly === undefined &&
      n.need.identity !== undefined &&
      n.expressions > 0 &&
      !requested.has(n.need.id) &&
      !n.need.phrases.some((p) => containsPhrase(becoming, p)) &&
      (otherAsked(n.need.id) || described.length > 0)
    )
      n.carrierOnly = n.need.identity;
  return out.sort((a, b) => b.strength - a.strength);
}

const QPV_WORDS =
  /\b(qpv|quartiers? prioritaires?|politique de la ville|pissevin|valdegour|richelieu|gambetta|chemin bas|clos d orville|mas de mingue|nemausus|jonquilles|haute magaille|sabatot|escanaux|coronelle|citadelle|vigan braquet|pres saint jean|priority neighbourhoods?)\b/;

export function territoryOf(facts: Partial<Facts>, text: string): Territory | null {
  if (!facts.commune) return null;
  const c = resolveCommune(facts.commune);
  if (!c) return null;
  return {
    commune: c.name,
    code: c.code,
    inGard: c.inGard,
    epci: c.epci?.name,
    qpv: c.qpv,
    qpvNamed: QPV_WORDS.test(foldText(text)),
    probablyRural: c.population > 0 && c.population < 2000,
    population: c.population,
  };
}

/**
 * Everything the ranking needs to know about a described project. The needs are read when first asked for (an enumerable
 * property, read once): a message that the facts alone show describes no project never reads them.
 */
export function projectFeatures(text: string, links: SchemaLinks): ProjectFeatures {
  const facts = projectFacts(text);
  let needs: DetectedNeed[] | undefined;
  return {
    facts,
    get needs(): DetectedNeed[] {
      needs ??= detectNeeds(text, facts, links);
      return needs;
    },
    set needs(v: DetectedNeed[]) {
      needs = v;
    },
    territory: territoryOf(facts, text),
    stage: facts.projectStage,
    actor: actorOf(facts, foldText(text)),
  };
}

function safeExtract(text: string): Partial<Facts> {
  try {
    return extractFacts(text);
  } catch {
    return {};
  }
}
