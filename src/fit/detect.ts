/**
 * Does a message describe a project? Agents ("une SCIC de… cherche…", "un porteur
 * veut…") and holders ("on monte…", "nous sommes une asso…", "we are…") describe
 * someone who wants something; a question about the schema or a process
 * ("qu'est-ce que l'appel à communs ?") does not, and keeps the ordinary answer.
 */
import { STRUCTURE_NOUN } from "../answer/asked-part.js";
import { askedZone, type DetectedNeed, foldText, type ProjectFeatures } from "./features.js";

/** Someone who carries the project: a structure, a person, a group. */
const CARRIER =
  /\b(associations?|assos?|scops?|scics?|cae|cooperatives?|coops?|mutuelles?|collectifs?|structures?|entreprises?|societes?|sarl|sas|eurl|pme|tpe|start ?up|tiers lieux?|epiceries?|ressourceries?|recycleries?|creches?|clubs?|compagnies?|federations?|regies?|chantiers?|ateliers?|groupements?|porteurs?|porteuses?|demandeurs?|demandeuses?|habitante?s?|allocataires?|beneficiaires?|chomeurs?|chomeuses?|etudiante?s?|doctorante?s?|students?|acheteurs?|acheteuses?|agriculteurs?|eleveurs?|restaurateurs?|restaurants?|artisans?|commercants?|commerces?|boutiques?|magasins?|librairies?|boulangeries?|cafes?|bars?|hotels?|campings?|fermes?|exploitations?|centres? sociaux|centre social|ehpad|ecoles?|mediatheques?|cinemas?|theatres?|festivals?|syndicats?|communes?|mairies?|maires?|collectivites?|agglos?|offices?|foyers?|garages?|friperies?|laveries?|conciergeries?|food trucks?|familles?|couples?|associatifs?|associatives?|cooperatifs?|directrices?|directeurs?|presidente?s?|responsables?|gerante?s?|coordinat(?:eur|rice)s?|fondat(?:eur|rice)s?|benevoles|salariee?s|personnes?|anciens?|ancienne?s?|jeunes?|femmes?|hommes?|gars|createurs?|creatrices?|entrepreneurs?|entrepreneuses?|retraitee?s?|diplomee?s?|mme|madame|monsieur|mr|mrs|ms|someone|woman|women|man|maraichers?|producteurs?|companies|company|non profits?|charity|business|reseaux?|esat|etti|siae|aci|(?:la|notre|une|cette|our|the) direction|groupes?|groupements?|employeurs?|network|group|employers?|agente?s?|equipes?|team|universites?|university|laboratoires?|chercheurs?|chercheuses?|researchers?|je|j|jsuis|jveux|jvoudrais|nous|on|notre|nos|mon|ma|mes|we|i|our|my)\b/;

/** What they want to do or get. */
const INTENT =
  /\b(veut|veulent|voudrait|voudraient|voudrais|voudrions|veux|voulons|souhaite|souhaitent|souhaiterait|souhaitons|aimerait|aimerions|aimerais|cherche|cherchent|cherchons|chercher|demande|demandent|sollicite|besoin|monter|monte|montent|montons|recherche|recherchent|recherchons|creer|cree|lancer|lance|lancons|ouvrir|reprendre|developper|financer|tester|envisage|projette|porte|portons|gere|gerons|animons|anime|embaucher|recruter|doit|devons|manque|orienter|conseiller|proposer|soutenir|aider|accompagn\w*|mobiliser|intervenir|adresser|contacter|rejoindre|adherer|implanter|conventionner|repondre|travailler|former|rencontrer|trouver|obtenir|beneficier|comment (?:on|je|j|nous) (?:fait|fais|faisons|peut|peux|pouvons|doit|dois|devons)|comment faire|how (?:do|can|could|should) (?:we|i)|propose|proposent|proposons|devenir|vendre|vend|vendons|vendent|revendre|boucler|faire face|sauver|survivre|fait comment|quelle mesure|quel service|quel dispositif|quelle aide|quel accompagnement|quelle orientation|quelle piste|which measure|what support|partner|become|want|wants|would like|d like|need|needs|lacks|looking for|asks|seeks|plan|plans|planning|planned|intend|intends|aim|aims|hope|hoping|setting up|set up|launch|launching|opening|build|building|grow|expand|hire|run|runs|start|starting|point|help|fund|support|join|talk|contact)\b/;

/** A question about the schema, a text or a rule opens with a question word. */
const QUESTION_START =
  /^(pourquoi|qui|quel|quelle|quels|quelles|que|qu est|c est quoi|combien|comment|si|est ce|ou|quand|what|who|why|which|how|when|where|is|are|does|do|can)\b/;
/** The writer says who they are ("jsuis au chômage", "notre asso", "we are a…"). */
const SELF_DESCRIPTION =
  /\b(je suis|jsuis|nous sommes|on est|notre (asso|association|structure|scop|scic|cooperative|entreprise|societe|collectif|club)|mon (asso|association|entreprise|projet)|ma (structure|cooperative|societe|boite)|we are|i am|i m|our (non profit|association|cooperative|company|charity))\b/;
/**
 * The writer says which structure they run (« on a un chantier d'insertion à… », « nous gérons une crèche », "we run a
 * repair café"): the carrier is theirs.
 */
const RUNS_STRUCTURE = new RegExp(
  `\\b(?:on a|nous avons|j ai|on gere|nous gerons|je gere|on anime|nous animons|on porte|nous portons|we run|we have|i run)\\s+(?:un|une|a|an|notre|our)\\s+(?:[a-z]+\\s+){0,2}?${STRUCTURE_NOUN}\\b`,
);

/** The writer speaks of what is theirs ("notre épicerie", "mon activité"). */
const POSSESSIVE = /\b(notre|nos|mon|ma|mes|our|my)\b/;
/** The writer speaks of their own project. */
const FIRST_PERSON = /\b(je|j|jsuis|jveux|jvoudrais|moi|nous|notre|nos|on|mon|ma|mes|we|our|i|my|me)\b/;

/**
 * The writer asks whom to turn to ("à qui s'adresser ?", "vers qui l'orienter ?", "who should we talk to?"), where to
 * start ("par où commencer ?"), or who does what they need ("qui finance ce type de structure ?", "qui le renouvelle ?").
 */
const ORIENTATION =
  /\b(a qui (s adresser|m adresser|nous adresser|l adresser|les adresser|faut il s adresser|on s adresse|je m adresse|parler|en parler)|par ou (commencer|debuter|demarrer)|(on |je |nous )?(commence|commencons|commencer) (par ou|ou)|par quoi commencer|qui s occupe (du|de la|de l|des)|qui (?:le |la |les |l |nous |les )?(finance|financent|conventionne|conventionnent|renouvelle|renouvellent|delivre|delivrent|accorde|accordent|instruit|instruisent|agree|agreent|pilote|pilotent)|where (to|do we|should we|do i|should i) start|who (funds|finances|renews|grants|issues|handles|deals with)|vers qui|qui (faut il|doit on|dois je|devons nous|pouvons nous|peut on) (contacter|solliciter|appeler|joindre)|qui (contacter|peut (m|nous|l|les) (aider|accompagner|orienter|recevoir|conseiller))|ou (pouvons nous|peut on|puis je|pourrions nous|pourrait on) (etre )?(accompagne\w*|aide\w*|soutenu\w*|conseille\w*)|quel interlocuteur|quels? (dispositifs?|interlocuteurs?|partenaires?)|who (should|can|could|do) (we|i|they) (talk|speak|turn|contact|go|get in touch|reach out)|who to (contact|talk to|turn to)|what can (the )?(department|departement) do (for|to help)|what (help|support|funding) (is there|is available|can we get|could we get)|que peut faire (pour nous|pour moi|le departement)|qu est ce que le departement peut faire)\b/;

/**
 * An agent asks where to orient the person or structure they speak for (« Vers qui l'orienter ? », « à qui les adresser ? »,
 * « que lui conseiller ? »): someone is to be oriented, even when the relayed question itself names nobody (« comment sa
 * commune peut… »).
 */
const ORIENTS_SOMEONE =
  /\b((vers|a) qui (l|la|le|les|lui|leur) (orienter|adresser|envoyer|diriger|renvoyer)|que (lui|leur) (conseiller|proposer|repondre)|(l|la|le|les) orienter (vers|ou))\b/;

/** A question that asks an actor to do something (« le Département pourrait-il… ? », "could the Region…?", « pouvez-vous… ? »). */
const ASKS_ACTOR = /\b(departement|department|region|vous|you)\b/;

/** A message of one sentence (a terse request), whatever its closing mark. */
function oneSentence(text: string): boolean {
  return (
    text
      .trim()
      .split(/(?<=[.!?;])\s+|\n+/)
      .filter((x) => x.trim()).length === 1
  );
}

/**
 * A message that opens on someone named by their trade (« Un apiculteur de Lasalle voudrait… », « Une fleuriste
 * d'Uzès souhaite… ») and says in its first clause what they want: a carrier. A private individual, an investor,
 * an owner or a buyer is no trade.
 */
const OPENING_TRADE_WANTS =
  /^(?:une?) (?!(?:particulier|particuliere|investisseur|investisseuse|proprietaire|acquereur|acquereuse|contribuable|locataire|bailleur|rentier|rentiere)\b)[a-z]+(?:eur|euse|rice|iste|ier|iere|ien|ienne|ste)\b[^.?!;:]{0,80}?\b(veut|voudrait|souhaite|souhaiterait|cherche|aimerait|envisage|projette)\b/;

/**
 * A telegraphic message that opens on what the writer wants to do with their own activity (« tester activité poterie sans créer
 * de boîte… », « lancer mon activité de traiteur à Alès, quelles aides ? »): the writer, unnamed, is the carrier.
 */
const TELEGRAPHIC_PROJECT =
  /^(tester|lancer|demarrer|monter|reprendre) (une |un |mon |ma |son |sa |l |d |de )?(activite|boite|petite boite|entreprise|petite entreprise|commerce|affaire)\b/;

/** Someone who could carry a project: a word for a carrier, or someone named by their trade at the opening with what they want. */
function hasCarrier(f: string): boolean {
  return CARRIER.test(f) || OPENING_TRADE_WANTS.test(f) || TELEGRAPHIC_PROJECT.test(f);
}

/** Cheap first look: long enough, and someone who could carry a project. */
export function mightDescribeProject(text: string): boolean {
  const f = foldText(text);
  return f.split(/\s+/).length >= 8 && hasCarrier(f);
}

/** A question about what something is or how two things differ ("c'est quoi…", "quelle différence entre…", "what is…"). */
const DEFINITION =
  /^(c est quoi|qu est ce qu(e|un|une)?|quelle est la difference|quelles? (sont les )?differences?|la difference entre|what is|what s|what are|what is the difference)\b/;

/** A question asking when (« lancé quand ? », « depuis quand… », "when was…", "what year…"), not « quand » as a conjunction. */
const ASKS_WHEN =
  /\bquand\s*(?:exactement|precisement|donc|alors|au juste|deja)?\s*\?|^(?:et |mais |alors )?quand\b|\b(?:depuis|jusqu a) quand\b|\b(?:en quelle annee|a quelle date|since when|until when|what year|which year)\b|^(?:and |so )?when\b/;
/** A question asking what a thing named is (« c'est quoi ce truc ? », "what is this call…?"). */
const ASKS_WHAT_THIS = /^(?:et |mais |alors |and |so )?(?:c est quoi|qu est ce que|what is|what s|whats) (?:ce|cet|cette|ces|this|that|these)\b/;

/**
 * A question asking the value a rule sets (« quel est le plafond de minimis applicable ? », « quel est le seuil… »,
 * "what is the ceiling…?"): a figure of the rule, not where to go.
 */
const ASKS_RULE_VALUE =
  /^(?:et |mais |alors |and |so )?(?:(?:quel|quelle|quels|quelles) (?:est|sont|serait|seraient) (?:donc |alors )?(?:le|la|les|l) ?|what (?:is|are|s) the )(?:plafonds?|seuils?|planchers?|taux|delais?|durees?|limites?|montants? (?:maximum|maximal|minimum|minimal|plafond)|ceilings?|caps?|thresholds?|rates?|deadlines?|(?:maximum|minimum) (?:amount|duration))\b/;

/**
 * A rule of law named in a message (« les aides d'État », « le plafond de minimis », « le régime des SIEG », "state aid
 * rules"): a legal frame, not a support programme one applies to.
 */
const LEGAL_RULE =
  /\b(?:aides? d etat|de minimis|minimis|sieg|services? d interet economique general|state aid|reglementation|regime (?:juridique|fiscal|des aides)|regles? (?:europeennes?|fiscales?|comptables?|des aides|de la commande publique))\b/;

/**
 * A question whether a rule of law applies to the writer (« on est concernés par les règles d'aides d'État ? », « sommes-nous
 * soumis à la TVA ? », "are we subject to the state aid rules?"): what holds for them, not where to go.
 */
const ASKS_RULE_APPLIES =
  /\b(?:concernee?s? par|soumise?s? (?:a|au|aux)|subject to|(?:s applique(?:nt)?|applies|apply) (?:a nous|a moi|a notre|to us|to me|to our))\b.{0,40}\b(?:regles?|regime|reglementation|lois?|obligations?|rules?|regulations?|law|tva|vat|impots?|taxes?|aides? d etat|de minimis|minimis|state aid)\b/;

/**
 * Someone who wants to quote or cite something (« l'élue veut citer en séance un exemple… », "the mayor would like to mention
 * a figure…"): a request for a fact to say, not a project.
 */
const WANTS_TO_CITE =
  /\b(?:veut|veulent|voudrait|voudraient|souhaite|souhaitent|souhaiterait|aimerait|aimeraient|wants? to|would like to)\s+(?:pouvoir\s+)?(?:citer|mentionner|evoquer|illustrer|quote|cite|mention)\b/;

/** The Département's offices or where to ask it (« des antennes du Département », « ses lieux d'accueil », "local offices"). */
const ASKS_OFFICES =
  /\b(?:antennes?|lieux d accueil|bureaux|permanences|maisons? du (?:conseil )?departement|local offices?|branch(?:es)?|offices)\b.{0,30}\b(?:du departement|departementale?s?|of the departement|of the department)\b|\b(?:le|du|the) (?:departement|department)\b.{0,12}\b(?:antennes?|lieux d accueil|bureaux|local offices?|branch(?:es)?|offices)\b/;

/** A second thing asked in the same question (« … et comment s'y inscrire ? », "… and how do we apply?"). */
const ALSO_ASKS = /\b(?:et|and) (?:comment|ou|a qui|aupres de qui|qui|combien|how|where|who|whom)\b/;

/** The last question of a message, folded (the whole message when none ends with a question mark). */
function lastQuestion(text: string): string {
  const questions = text.split(/(?<=[.!?;:])\s+|\n+/).filter((x) => x.trim().endsWith("?"));
  return foldText(questions.at(-1) ?? text);
}

/** Whether the last question of a message asks a date, what a thing named is or the value a rule sets (see ASKS_WHEN, ASKS_WHAT_THIS, ASKS_RULE_VALUE). */
function asksDateOrWhatThis(text: string): boolean {
  const questions = text.split(/(?<=[.!?;:])\s+|\n+/).filter((x) => x.trim().endsWith("?"));
  const last = questions.at(-1);
  if (!last) return false;
  const f = foldText(last).trim();
  // (« quand ont lieu les rencontres et comment s'y inscrire ? » also asks how to take part: a project's question)
  if (ALSO_ASKS.test(f)) return false;
  // (a value asked for the writer's own case, « quel est le plafond pour nous ? », is the project's question)
  // (and so is one asked for a structure the writer speaks of as theirs, « we run a SCIC… What is the cap? »)
  // (but the value of a rule of law the message names, « … les aides de minimis. Quel est le plafond ? », is that rule's
  // figure, whoever asks it)
  if (ASKS_RULE_VALUE.test(f) && LEGAL_RULE.test(foldText(text))) return true;
  return ASKS_WHEN.test(`${f}?`) || ASKS_WHAT_THIS.test(f) || (ASKS_RULE_VALUE.test(f) && !FIRST_PERSON.test(f) && !OWN_GROUP.test(foldText(text)));
}

/**
 * A question about a past event (« quelles fondations étaient présentes… ? », « qui est venu… ? », "who attended…?"): its
 * verb in a past tense, it asks a fact of record.
 */
const ASKS_PAST =
  /\b(?:etait|etaient|a ete|ont ete|avait|avaient|etaient presentes?|sont venue?s?|est venue?s?|ont participe|a participe|a eu lieu|ont eu lieu|s est tenue?|se sont tenue?s|were|was|did|attended|took part)\b/;

/**
 * A single question asked for nobody (no first person, no one described with what they want) that asks what happened at
 * a past event: a plain question, whatever kind of structure or commune it names (« quelles fondations étaient à la
 * rencontre de Nîmes ? »).
 */
function plainQuestion(text: string, f: string): boolean {
  if (!oneSentence(text) || !text.trim().endsWith("?")) return false;
  if (FIRST_PERSON.test(f) || THIRD_PARTY.test(f) || STRUCTURE_WANTS.test(f) || ORIENTS_SOMEONE.test(f) || OPENING_TRADE_WANTS.test(f)) return false;
  if (TELEGRAPHIC_PROJECT.test(f) || openingCarrierWants(f)) return false;
  return QUESTION_START.test(f) && ASKS_PAST.test(f);
}

/** The writer speaks for a group or of what is theirs (« nous », « notre asso », "we run", "my company"). */
const OWN_GROUP = /\b(nous|notre|nos|on|mon|ma|mes|we|our|us|my)\b/;

/** A general yes/no question about what a kind of structure may do ("une SCOP peut-elle… ?"). */
const GENERIC_CAN = /\b(peut elle|peut il|peuvent elles|peuvent ils|est ce qu une?|est ce que les?|can an?|can a|may an?)\b/;
/** A message that opens on a kind of structure and what it may do ("une asso peut avoir le DLA si… ?"). */
/** (a legal form too, « une SAS classique peut-elle… », with up to two words that qualify it) */
const GENERIC_SUBJECT =
  /^(une?|les?) (asso|assos|associations?|scop|scops|scic|scics|structures?|cooperatives?|coops?|entreprises?|mutuelles?|fondations?|sas|sasu|sarl|eurl|sa|societes?|micro entreprises?|auto entrepreneurs?) (?:[a-z]+ ){0,2}?(peut|peuvent|a le droit|ont le droit)\b/;

/**
 * A question about the rules for a kind of structure, asked by nobody in particular
 * ("Une SCOP peut-elle obtenir l'agrément ESUS ?"): its facts are not the writer's own.
 */
export function isGeneralQuestion(text: string): boolean {
  const f = foldText(text);
  return GENERIC_CAN.test(f) && !FIRST_PERSON.test(f) && !SELF_DESCRIPTION.test(f);
}

/** A third party described with what it wants ("une association qui veut…", "a SCIC that wants…"). */
const THIRD_PARTY =
  /\b(qui|that|which|who)\s+(veut|veulent|voudrait|souhaite|souhaitent|cherche|cherchent|demande|sollicite|monte|porte|gere|a besoin|wants?|needs?|seeks?|runs?|plans?)\b/;

/** Someone named with what they want, anywhere in the message ("une CAE gardoise souhaite…", "nous voulons…", "je souhaite…"); not "une asso qui démarre et veut…" (a kind of structure, asked about). */
const STRUCTURE_WANTS =
  /\b(une?|notre|nos|nous|on|je|j) (?:(?!qui\b)[a-z]+ ){0,2}?(veut|veulent|voulons|voudrait|voudraient|voudrions|souhaite|souhaitent|souhaitons|cherche|cherchent|cherchons|aimerait|aimerions|envisage|envisagent|envisageons)\b/;

/**
 * An agent's description that opens on the carrier and says, in its first sentence, what it wants or carries
 * ("Un collectif de jeunes diplômés nîmois porte un projet de…", "Une entreprise adaptée de restauration veut…",
 * "Un groupement universitaire qui documente… souhaite…"): a described project, whatever lies between.
 */
const OPENING_CARRIER =
  /^(?:une?|des|deux|trois|quatre|cinq|plusieurs|an?|two|three|several) (?:[a-z]+ )?(associations?|assos?|scops?|scics?|cae|cooperatives?|coops?|mutuelles?|collectifs?|structures?|entreprises?|societes?|tiers lieux?|epiceries?|ressourceries?|recycleries?|creches?|clubs?|compagnies?|federations?|regies?|chantiers?|ateliers?|groupements?|reseaux?|porteurs?|porteuses?|personnes?|habitante?s?|jeunes?|femmes?|hommes?|artisans?|agriculteurs?|eleveurs?|producteurs?|maraichers?|communes?|centres? sociaux|centre social|esat|fondations?|non profits?|charity|charities|cooperatives?|groupes?|company|companies|social enterprises?|group|network|woman|man)\b/;
const FIRST_SENTENCE_WANTS =
  /\b(veut|veulent|voudrait|voudraient|souhaite|souhaitent|souhaiterait|souhaiteraient|cherche|cherchent|recherche|recherchent|aimerait|aimeraient|envisage|envisagent|porte un projet|portent un projet|projette|projettent|a besoin|ont besoin|wants?|needs?|seeks?|plans?|would like|is looking for|are looking for)\b/;

/**
 * A question of which support fits the creation, opening or launch of one thing ("Quelle politique peut soutenir la création
 * d'un chantier d'insertion à Alès ?"): with a stated fact (a commune), it orients a project, not a question about the schema.
 */
const WHICH_SUPPORT_FOR =
  /^(quel|quelle|quels|quelles|which|what) (politique|action|mesure|dispositif|aide|accompagnement|soutien|financement|demarche|piste|structure|partenaire|scheme|support|measure|policy)s? (du schema |du departement |departementale? )?(peut|peuvent|pourrait|pourraient|permet|permettent|permettrait|permettraient|pour|can|could|would|for)\b.{0,60}\b(la creation|le lancement|l ouverture|la reprise|le developpement|le projet|un projet|creer|lancer|ouvrir|reprendre|tester|the creation|the launch|the opening|setting up|a project)\b/;

/** Which action, measure or axis of the schema (« quelle action du schéma… », "which measure of the ESS plan…"). */
const WHICH_ACTION =
  /\b(?:quel|quelle|quels|quelles|which|what) (?:actions?|mesures?|axes?|fiches? actions?|measures?|actions?|strands?) (?:du|de notre|of the|in the) (?:schema|plan|ess plan|ess strategy|schema (?:departemental )?(?:de l )?ess)\b/;

function openingCarrierWants(f: string): boolean {
  // It asks something ("quelle démarche lui conseiller ?"): a bare statement of what a structure wants is left to the ordinary answer.
  if (!OPENING_CARRIER.test(f) || !f.includes("?")) return false;
  const first = f.split(/(?<=[.!?;])\s+|\n+/)[0] ?? f;
  return FIRST_SENTENCE_WANTS.test(first);
}

/**
 * True when the message describes a project: a carrier, an intention (or two facts
 * about themselves), and substance — a stated fact with a need, or two facts, or a
 * clearly stated need in a long enough message. A message that opens with a
 * question word and speaks of nobody in particular is a question about the schema,
 * unless it states at least two facts ("quelle action pour un tiers-lieu porté par
 * trois associations à Alès ?") or describes someone and what they want ("quel
 * accompagnement pour une association qui veut se consolider ?").
 * The loose reading, for messages the ordinary answer could not answer, takes any
 * carrier with an intention and a need or a stated fact: an in-scope project is
 * better oriented than refused.
 */
export function describesProject(text: string, features: ProjectFeatures, opts: { loose?: boolean } = {}): boolean {
  const f = foldText(text);
  const words = f.split(/\s+/).filter(Boolean).length;
  if (words < 8) return false;
  const stated = Object.keys(features.facts).filter((k) => k !== "projectStage").length;
  // The needs stated clearly enough, read only when a test below needs them (every test is free of side effects).
  let stronger: DetectedNeed[] | undefined;
  const needs = () => (stronger ??= features.needs.filter((n) => n.strength >= 0.6));
  // Two facts about the project (a commune and a legal form, a number of employees…) stand for a carrier.
  // What they want may be a question of whom to turn to ("qui finance ce type de structure ?"), or, in a message of
  // one sentence, a need named for their own structure with a stated fact ("Garantie bancaire pour le prêt de notre
  // épicerie à Sommières ?").
  const ownNeed = () => POSSESSIVE.test(f) && stated >= 1 && needs().some((n) => n.strength >= 0.8) && oneSentence(text);
  // A project said to be at the idea or creation stage, with a need clearly named ("j'ai une idée d'appli… un incubateur ?"), is intended.
  const early = () => (features.stage === "idee" || features.stage === "creation") && needs().some((n) => n.strength >= 0.8);
  // A writer who says who they are (« nous sommes une SCIC… ») and asks, in a question of the message, for a need named
  // there (« Le Département pourrait-il prendre des parts ? ») wants it: the question is the intention.
  // The question asks someone to act (the Département, the Région, the assistant): « faut-il un SIRET pour une subvention ? »
  // asks a rule, not for the need.
  const askedOwn = () =>
    SELF_DESCRIPTION.test(f) && stated >= 1 && ASKS_ACTOR.test(askedZone(text)) && needs().some((n) => (n.asked ?? 0) > 0 && n.expressions > 0);
  // Said in one question (« on a un chantier d'insertion à Aigues-Mortes, le département il finance les postes ? »): the
  // structure the writer runs, a stated fact and a need named, asked of an actor, is a request for that need.
  const runsAndAsks = () =>
    RUNS_STRUCTURE.test(f) && stated >= 1 && oneSentence(text) && text.trim().endsWith("?") && ASKS_ACTOR.test(f) && needs().some((n) => n.expressions > 0);
  if (!(hasCarrier(f) || stated >= 2) || !(INTENT.test(f) || ORIENTATION.test(f) || stated >= 2 || ownNeed() || early() || askedOwn() || runsAndAsks()))
    return false;
  if (opts.loose) return stated >= 1 || needs().length >= 1;
  // « …, il a été lancé quand ? », "What is this call the council launched?": whatever the writer says of themselves, the
  // question asks a date or what a thing named is, which the ordinary answer gives.
  if (asksDateOrWhatThis(text)) return false;
  // « Notre asso vend des repas…, on est concernés par les règles d'aides d'État ? »: whether a rule of law applies to the
  // writer is what holds for them, which the ordinary answer gives. So is a fact someone wants to quote (« l'élue veut citer
  // un exemple… »).
  if (ASKS_RULE_APPLIES.test(lastQuestion(text)) || WANTS_TO_CITE.test(f)) return false;
  // « Il y a des antennes du Département hors de Nîmes où une association peut se renseigner ? »: where the Département
  // receives the public, asked by nobody in particular, is a question about its offices, not a project.
  if (ASKS_OFFICES.test(f) && !FIRST_PERSON.test(f)) return false;
  // « Quelles associations étaient à la rencontre de 2021 ? »: what happened at a past event, asked for nobody, is a plain
  // question the ordinary answer gives.
  if (plainQuestion(text, f)) return false;
  // "C'est quoi la différence entre une SCOP et une SCIC ?": a question about words, asked by nobody in particular.
  if (DEFINITION.test(f) && !FIRST_PERSON.test(f)) return false;
  // "Une asso peut avoir le DLA si elle a 0 salarié ?": a question about a rule, asked by nobody in particular.
  if (GENERIC_SUBJECT.test(f) && !FIRST_PERSON.test(f)) return false;
  // Someone (the writer or a third party) with a stated need asks whom to turn to: a project to orient.
  if (ORIENTATION.test(f) && (FIRST_PERSON.test(f) || THIRD_PARTY.test(f) || ORIENTS_SOMEONE.test(f) || stated >= 1) && (stated >= 1 || needs().length >= 1))
    return true;
  const supportFor = () => WHICH_SUPPORT_FOR.test(f) && stated >= 1 && needs().length >= 1;
  // « Quelle action du schéma peut soutenir une recyclerie qui veut embaucher ? »: which of the schema's actions fits a
  // structure described with what it wants is the agents' question of fit, whatever need its words name.
  const whichAction = () => WHICH_ACTION.test(f) && THIRD_PARTY.test(f);
  if (QUESTION_START.test(f) && !FIRST_PERSON.test(f) && stated < 2 && !(THIRD_PARTY.test(f) && needs().length >= 1) && !supportFor() && !whichAction())
    return false;
  if (whichAction()) return true;
  if (stated >= 1) return stated >= 2 || needs().length >= 1;
  // No stated fact: a clearly stated need in a long message, or a need asked for by someone described (self, a
  // third party, or someone named with what they want: "une CAE gardoise souhaite…").
  const described = SELF_DESCRIPTION.test(f) || THIRD_PARTY.test(f) || STRUCTURE_WANTS.test(f) || openingCarrierWants(f) || TELEGRAPHIC_PROJECT.test(f);
  // A stated stage ("le projet en est au stade de l'idée") makes any need stated a need of that project.
  const staged = () => features.stage !== undefined && needs().length >= 1;
  return (words >= 14 && needs().some((n) => n.strength >= 1)) || (described && (staged() || needs().some((n) => n.strength >= 0.8)));
}
