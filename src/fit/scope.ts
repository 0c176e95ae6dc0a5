/**
 * The scope gate of the project-fit reply: which described projects the schema cannot
 * take (a private individual's own property or leisure, a question about a person's
 * private data), and which are in the ESS scope whatever else they say (an ESS structure,
 * a collective of inhabitants or a local authority asking to be supported or oriented).
 * An in-scope carrier is never refused by these rules: a private matter supposes no
 * structure, and an ESS legal form lifts the out-of-scope reading (see isOutOfScope).
 */
import type { LegalForm } from "../eligibility/facts.js";
import { GARD } from "../eligibility/communes.js";
import { loadCompactCommunes } from "../eligibility/communes-data.js";
import { foldText } from "../eligibility/extract.js";
import { STRUCTURE_NOUN } from "../answer/asked-part.js";
import type { ProjectFeatures } from "./features.js";

/** Legal forms of the ESS scope: the schema's carriers (a collective of inhabitants and a local authority included). */
const IN_SCOPE_FORMS = new Set<LegalForm>(["association", "scop", "scic", "cae", "cooperative", "mutuelle", "fondation", "collectif-informel", "collectivite"]);

/** A private good of the writer or of the person described (« mon jardin », « sa maison », "my house"); not a shared one. */
const OWN_PRIVATE_GOOD =
  /\b(mon|ma|mes|sa|son|ses|my|his|her)\s+(?:propre\s+|own\s+)?(maison|jardin|appartement|appart|logement|residence|villa|piscine|terrain|propriete|domicile|studio|house|home|garden|flat|apartment|pool)\b(?!\s+(de quartier|partagee?s?|associati\w+|collecti\w+|solidaires?|d insertion|des jeunes))/;
/**
 * What someone else put in their file or got from it (« ce qu'il a écrit dedans », « combien elle a touché », "how much they
 * received"): another carrier's file, which concerns it alone.
 */
const OTHERS_FILE =
  /\b(ce qu (?:il|elle|ils|elles) (?:y )?(?:a|ont|avait|avaient) (?:ecrit|mis|redige|depose|demande|obtenu|touche|recu|percu|declare)|combien (?:il|elle|ils|elles) (?:a|ont|avait|avaient) (?:touche|obtenu|recu|percu|eu|demande|empoche)|what (?:he|she|they) (?:wrote|put|asked for|got|received)|how much (?:he|she|they) (?:got|received|was given|were given|asked for))\b/;

/** The message asks what another carrier's file holds or brought it (its content, the sums it asked for or got). */
export function asksOthersFile(askedFolded: string): boolean {
  return OTHERS_FILE.test(askedFolded);
}

/** Buying or building a dwelling, a pool or a property (« acheter un appartement », « faire construire une piscine »). */
const PROPERTY_PURCHASE =
  /\b(acheter|achete|achetons|achetent|achat|acquerir|acquisition|faire construire|construire|buy|buying|bought|build)\s+(?:(?:d|de|un|une|des|deux|trois|quatre|an?|two|three)\s+)?(appartements?|maisons?|villas?|studios?|piscines?|immeubles?|biens? immobiliers?|residences? secondaires?|flats?|apartments?|houses?|swimming pools?|pools?)\b/;
/** Renting out one's property to tourists, or a rental investment's tax scheme (LMNP, Pinel). */
const PRIVATE_RENTAL =
  /\b(lmnp|lmp|loueur en meuble\w*|loi pinel|dispositif pinel|denormandie|(le|la|les) louer (aux|a des) (touristes|vacanciers|estivants)|louer (aux|a des) (touristes|vacanciers|estivants)|meubles? de tourisme|location touristique|rent (it|them) (out )?to tourists)\b/;
/**
 * One's own family celebration (« notre mariage », « une aide pour un anniversaire », « le Département finance-t-il les
 * mariages ? », "our wedding"): a person's leisure. Not a trade that serves them (« des coiffures de mariage »).
 */
const CELEBRATION =
  "(?:mariages?|noces?|anniversaires?|baptemes?|communion|fetes? de famille|fetes? familiales?|weddings?|birthday part(?:y|ies)|family part(?:y|ies))";
const PRIVATE_EVENT = new RegExp(
  `\\b(?:mon|ma|notre|nos|son|sa|leur|my|our|his|her|their) (?:propre |own )?${CELEBRATION}\\b|\\b(?:finance\\w*|paie|paient|payer|pay for|pays for|aides?|subventions?|grants?) (?:(?:pour|for) )?(?:les|le|la|l|un|une|des|mon|ma|notre|a|an|our|my) ${CELEBRATION}\\b`,
);
/** Said of a private individual (« un particulier », "a private individual"). */
const PRIVATE_INDIVIDUAL = /\b(une? particulier|une particuliere|le particulier|la particuliere|private individual|private person)\b/;
/** What makes a good shared or a project collective: then it is no private matter. */
const SHARED =
  /\b(jardins? partages?|partage\w* avec|ouverte? (au public|a tous|aux habitants)|pour les habitants|habitants du quartier|collecti(f|fs|ve|ves)|cooperati\w+|insertion|tiers lieux?|utilite sociale|accueillir (des|les) (jeunes|enfants|personnes|familles|migrants|refugies|habitants))\b/;
const STRUCTURE = new RegExp(`\\b${STRUCTURE_NOUN}\\b`);
/** A business activity (« créer des chambres d'hôtes », « lancer mon activité »). */
const BUSINESS =
  /\b(activites?|entreprises?|boites?|commerces?|societes?|gites?|chambres? d hotes|boutiques?|ateliers?|restaurants?|cafes?|magasins?|micro entreprises?|auto entrepreneu\w*|a (mon|son) compte|business|company|shop)\b/;
/** A collective of inhabitants or citizens, with or without statutes. */
const COLLECTIVE =
  /\b(collectifs? (d habitants|citoyens?|de citoyens|informels?|de parents|de benevoles)|groupes? d habitants|residents group|citizens group)\b/;

/**
 * A private individual's own property or leisure (« Je veux faire construire une piscine dans mon jardin », « acheter un
 * appartement en LMNP pour le louer aux touristes », « une salle pour notre mariage »): no structure, no legal form, no business being created, and a private
 * good as its object. The schema funds ESS structures and projects, not a person's home.
 */
export function isPrivateMatter(folded: string, features: ProjectFeatures): boolean {
  if (features.facts.legalForm !== undefined && features.facts.legalForm !== "aucune") return false;
  if (features.facts.essStatutes === true || features.facts.partnerStructures !== undefined) return false;
  // A business being created (a gîte, a shop) is a creator's project: the honour loans and the Région may take it.
  if (features.stage === "creation" && BUSINESS.test(folded)) return false;
  const person = features.actor === "personne" || PRIVATE_INDIVIDUAL.test(folded) || (features.actor === "inconnu" && !STRUCTURE.test(folded));
  if (!person || STRUCTURE.test(folded) || SHARED.test(folded)) return false;
  return OWN_PRIVATE_GOOD.test(folded) || PROPERTY_PURCHASE.test(folded) || PRIVATE_RENTAL.test(folded) || PRIVATE_EVENT.test(folded);
}

/** One's own money to invest (« mes économies », « placer mon argent », « 20 000 € d'épargne », "my savings"; « € » is no word character). */
const OWN_SAVINGS =
  /\b(mes economies|mon epargne|nos economies|notre epargne|placer (mon|notre|de l) argent|mon argent|mon capital|euros? d (economies|epargne)|my savings|our savings|(euros?|dollars?) of (my |our )?savings|my money|invest my|my capital)\b|€ d (economies|epargne)\b/;
/** Seeking the best return or a capital gain (« le meilleur rendement », « la meilleure rentabilité », "the best return"). */
const BEST_RETURN =
  /\b(meilleur rendement|meilleure rentabilite|plus rentable|rapporte le plus|rapportera le plus|rendement maximal|maximiser (le|mon|notre) rendement|plus values?(?! sociales?)|best returns?|highest returns?|most profitable|maximi[sz]e (the |my |our )?returns?|capital gains?)\b/;

/**
 * A private investment of one's own savings seeking the best return (« quel fonds à impact me rapportera le plus sur mes
 * économies ? », "which fund gives the best return on my savings?"): personal finance, not an ESS project.
 */
export function seeksPersonalReturn(folded: string): boolean {
  return (OWN_SAVINGS.test(folded) && (BEST_RETURN.test(folded) || PRIVATE_PLACEMENT.test(folded))) || SPECULATION.test(folded);
}

/**
 * Speculation: pushing up a price to sell at a profit (« en acheter beaucoup, faire monter le cours puis revendre », "pump and
 * dump", "buy low and sell high"), or buying to resell dearer (« acheter des actions pour les revendre plus cher »), or a token made to be resold (« créer un NFT et le revendre »), whatever it is called — a gain sought on one's own money, no ESS project.
 */
const SPECULATION =
  /\b((faire|fait|font|ferait|on fait) (monter|grimper|flamber|exploser) (le|les|son|sa|leur|leurs) (cours|prix|valeurs?)|pump (and|n) dump|(pump|push|drive) up the (price|value)|buy low( and)? sell high|acheter (a )?bas (prix )?(et |pour |puis )?(re)?vendre (plus )?(cher|haut)|(acheter|racheter|buy|buying)\b[^.;!?]{0,60}\b(les |la |le |l )?(revendre|resell|sell (them|it)) (plus cher|au plus haut|a prix d or|at a higher price|for more|at a profit)|\b(nfts?|jetons?|tokens?|crypto\w*)\b[^.;!?]{0,80}\b(revendre|resell|speculer|speculate|speculation|flip))\b/;

/**
 * A placement of one's own money chosen among private investments (« investir dans la crypto ou dans l'immobilier », "put my
 * savings in bitcoin or the stock market"): with one's own savings, personal finance.
 */
const PRIVATE_PLACEMENT =
  /\b(crypto\w*|bitcoins?|ethereum|(investir|placer|placement|mettre|invest|put) (\w+ ){0,3}(dans|en|a|in|into) (la |l |de l |des |the )?(immobilier|bourse|actions|assurance vie|or|real estate|stock market|stocks|shares|gold))\b/;

/** Private data of a person (their pay, family, health, home, beliefs). */
const PRIVATE_DATA =
  "(salaires?|remunerations?|revenus?|indemnites?|situation familiale|situation de famille|vie privee|vie personnelle|etat de sante|sante|maladies?|age|adresse personnelle|adresse perso|domicile|religion|opinions? politiques?|orientation sexuelle|casier judiciaire|date de naissance|salary|salaries|pay|income|family situation|marital status|private life|health|home address|religion|criminal record|date of birth)";
/** Private data that no project states of someone else, whoever they are (their family, health, home, beliefs). */
const PRIVATE_LIFE =
  "(situation familiale|situation de famille|vie privee|vie personnelle|etat de sante|adresse personnelle|adresse perso|religion|opinions? politiques?|orientation sexuelle|casier judiciaire|date de naissance|family situation|marital status|private life|home address|criminal record|date of birth)";
/**
 * Someone identified by a public role or a name (« l'agent qui instruit », « du chargé de mission », « de Mme Martin », "of the
 * officer"); not someone a project pays or hires (« le salaire d'un animateur », « de la salariée »).
 */
const IDENTIFIED_PERSON =
  "(?:de l|de la|du|de|d|of the|of)\\s+(?:agente?|instruct(?:eur|rice)|elue?|charge(?:e)? de mission|chargee?|responsable|direct(?:eur|rice)|presidente?|vice presidente?|technicienne?|referente?|chef(?:fe)?|maire|conseill(?:er|ere)|fonctionnaire|m|mme|mr|monsieur|madame|officer|official|director|mayor|councillor|instructor)";
const ASKS_PRIVATE_DATA = new RegExp(
  `\\b${PRIVATE_DATA}\\b(?:\\s+(?:et|and|ou|or)\\s+(?:(?:la|le|les|l|sa|son|ses|his|her|their)\\s+)?${PRIVATE_DATA}\\b)*\\s+${IDENTIFIED_PERSON}\\b|\\b(son|sa|ses|his|her)\\s+${PRIVATE_LIFE}\\b(?=[^.;!?]*\\?)`,
);

/**
 * The message asks a person's private data (« Quel est le salaire et la situation familiale de l'agent qui instruit les
 * dossiers ? », "the home address of the officer"): no project to orient, whatever it mentions. A project's own costs
 * (« financer le salaire d'un animateur ») name nobody in particular.
 */
export function asksPersonalData(askedFolded: string): boolean {
  const m = ASKS_PRIVATE_DATA.exec(askedFolded);
  if (!m) return false;
  // The pay of someone the writer's structure employs (« le salaire de notre directrice », « nous ne pouvons plus payer le
  // salaire de la responsable ») is the project's cost.
  return !(PAY.test(m[0]) && OWN_STRUCTURE.test(askedFolded));
}
/**
 * A request that hands over what an earlier sentence named (« Tu peux me les sortir ? », « pouvez-vous me la donner ? », "can
 * you get them for me?"): what it asks is in that sentence.
 */
const REFERS_BACK =
  /\b(?:me|m|nous|lui|leur)?\s*(?:les|la|le|l)\s+(?:sortir|donner|trouver|retrouver|communiquer|transmettre|envoyer|fournir|chercher|obtenir|avoir|passer|dire|indiquer)\b|\b(?:give|send|find|get|tell)\s+(?:me|us)\s+(?:them|it|those)\b|\b(?:get|find)\s+(?:them|it|those)\s+for\s+(?:me|us)\b/;

/**
 * The message asks a person's private data: in what it asks (`askedFolded`), or in the sentence before a request that only
 * points back to it (« Un élu me demande le salaire et l'adresse personnelle de la présidente… Tu peux me les sortir ? »).
 */
export function asksPersonalDataIn(askedFolded: string, folded: string): boolean {
  return asksPersonalData(askedFolded) || (REFERS_BACK.test(askedFolded) && asksPersonalData(folded));
}
const PAY = /^(salaires?|remunerations?|revenus?|indemnites?|salary|salaries|pay|income)\b/;
const OWN_STRUCTURE = /\b(notre|nos|nous|our|we)\b/;

/** Asking to be supported or oriented (« peuvent-elles être accompagnées », « vers qui l'orienter ? », "who can help us?"). */
const SUPPORT_ASK =
  /\b((peut|peuvent|pourrait|pourraient|pourrions|pouvons|puis|peux)\s+(?:(?:elle|il|elles|ils|on|nous|je|t on|etre|y)\s+){0,3}(etre\s+)?(accompagne\w*|aide\w*|soutenu\w*|finance\w*|oriente\w*|conseille\w*|epaule\w*)|vers qui|a qui (s|l|les|nous|m) ?adresser|qui (peut|pourrait) (nous|les|l|la|le|m|lui|leur) (aider|accompagner|soutenir|orienter|conseiller)|quel(le)?s? (aides?|accompagnements?|soutiens?|appuis?|dispositifs?|pistes?|interlocuteurs?)|(can|could) (they|we|it|she|he) be (supported|helped|funded|advised)|who (can|could) (help|support|advise)|what (help|support) (is there|can))\b/;
/** A local authority or its mayor speaking for its territory's structures (« le maire de … », « notre commune »). */
const LOCAL_AUTHORITY =
  /\b(le maire|la maire|maires?|adjointe? au maire|mairie|notre commune|sa commune|leur commune|conseil municipal|elus? municipaux|mayor|town council|municipality)\b/;

/**
 * The carrier is of the ESS scope by what it is: an ESS legal form or ESS statutes, a collective of inhabitants or a local
 * authority (its form, or « un collectif d'habitants » named without one). A private club or a company is not, by its name.
 */
export function isEssCarrier(features: ProjectFeatures, folded?: string): boolean {
  const form = features.facts.legalForm;
  return (form !== undefined && IN_SCOPE_FORMS.has(form)) || features.facts.essStatutes === true || (folded !== undefined && COLLECTIVE.test(folded));
}

/**
 * An ESS carrier asking to be supported or oriented: an ESS legal form (an association, a cooperative, a collective of
 * inhabitants, a local authority), or an ESS kind of structure named, or a mayor speaking for the structures of the commune,
 * with a request for support or orientation. Such a message is in the scope of the schema: when the ordinary answer finds
 * nothing, it is oriented (the ESS team by default), never refused.
 */
export function asksSupportForEssCarrier(folded: string, features: ProjectFeatures): boolean {
  const carrier = isEssCarrier(features, folded) || STRUCTURE.test(folded) || LOCAL_AUTHORITY.test(folded);
  return carrier && features.actor !== "entreprise-commerciale" && SUPPORT_ASK.test(folded);
}

/**
 * Gambling as what the project does (« une salle de poker », « des paris sportifs », "a casino"): no legal form makes it an
 * ESS project the schema may fund. Preventing or treating gambling addiction is one.
 */
const GAMBLING =
  /\b(poker|casinos?|machines? a sous|paris sportifs|paris en ligne|paris hippiques|jeux d argent|jeux de hasard|cercles? de jeux|salles? de jeux d argent|sports betting|online betting|betting (shops?|parlou?rs?)|gambling|slot machines)\b/;
const GAMBLING_CARE =
  /\b(prevention|prevenir|addictions?|addictologie|addictive|dependances?|joueurs? (pathologiques|excessifs|compulsifs)|sensibilis\w*|problem gambling)\b/;

/** The project's activity is gambling, whatever its carrier's legal form; not the prevention of its addiction. */
export function isGamblingActivity(folded: string): boolean {
  return GAMBLING.test(folded) && !GAMBLING_CARE.test(folded);
}

let otherDepartement: { re: RegExp; names: Map<string, string> } | undefined;
/** The Départements other than the Gard, by name (« le Département de l'Hérault », « conseil départemental de la Lozère »). */
function otherDepartementPattern(): { re: RegExp; names: Map<string, string> } {
  if (otherDepartement) return otherDepartement;
  const names = new Map(
    loadCompactCommunes()
      .data.departements.filter(([code]) => code !== GARD)
      .map(([, name]) => [foldText(name), name] as const),
  );
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(
    `\\b(?:departement|conseil departemental|conseil general|department|departmental council) (?:de l |de la |du |des |de |d |of (?:the )?)(${alternatives.join("|")})\\b`,
  );
  otherDepartement = { re, names };
  return otherDepartement;
}

/**
 * The name of another Département the message speaks for or from (« collègue du Département de l'Hérault », "the Department of
 * Vaucluse"), when it places nothing in the Gard; undefined otherwise.
 */
export function otherDepartementNamed(folded: string): string | undefined {
  if (/\b(dans le gard|sur le gard|en gard|gardois\w*|in the gard|au gard|departement du gard|conseil departemental du gard)\b/.test(folded)) return undefined;
  const { re, names } = otherDepartementPattern();
  const m = re.exec(folded);
  return m ? names.get(m[1]!) : undefined;
}
