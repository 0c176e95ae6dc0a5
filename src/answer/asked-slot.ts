/**
 * Details of a precise kind that a question asks and that a passage near the topic does not give. « Quel prestataire a
 * développé la plateforme ? » asks who built it, « les rues exactes qui délimitent le quartier » ask its boundary,
 * « quelles clauses sociales le Département imposera-t-il ? » asks the clauses themselves, « quels partenaires pilotent
 * l'axe 4 ? » asks who leads it: a passage that describes the platform, lists the neighbourhoods, presents the purchasing
 * plan or the axis without saying that detail is no answer, and the assistant says it does not know instead.
 *
 * Each slot is asked in a few words (French and English) and filled only by a passage that speaks of it.
 */
import { MONTH_ALTERNATION, WEEKDAY_ALTERNATION } from "../core/calendar-words.js";
import { fold } from "../retrieval/analyzer.js";
import { foldAccents } from "../core/text.js";

interface Slot {
  /** What the slot is, for tests and traces. */
  name: string;
  /** The question asks it (folded text, hyphens as spaces). */
  asked: RegExp;
  /** A text that gives it (folded). */
  gives: RegExp;
  /** A text that gives it, when that depends on what the question names (the words that ask it, and the whole question, folded). */
  givesFor?: (asked: string, question: string) => RegExp;
  /** `gives` reads the text with its capitals (accents folded off): a name is told by them. */
  cased?: boolean;
}

/**
 * Roles a person holds, as asked (French and English, folded) and as a text that speaks of them would say it (either
 * language). An elected official is not among them: « l'élu chargé de… » is answered by a title (vice-président,
 * conseiller délégué) that need not say « élu ».
 */
const ROLES: { asked: string; gives: string }[] = [
  { asked: "delegue?e?s?|delegates?", gives: "delegu|delegat" },
  { asked: "directeur|directrice|directeurs|directrices|directors?", gives: "direct" },
  { asked: "presidente?s?|vice presidente?s?|presidents?|vice presidents?|chairs?|chairman|chairwoman|chairperson", gives: "presid|chair" },
  { asked: "responsables?|managers?|heads?", gives: "responsab|manag|head|dirig|direct" },
  { asked: "referente?s?|contact persons?", gives: "referent|contact" },
  { asked: "chefs?|cheffes?|chiefs?", gives: "chef|chief|responsab|direct" },
  { asked: "gerante?s?", gives: "gerant|gere" },
  { asked: "maires?|mayors?", gives: "maire|mayor" },
  { asked: "prefete?s?|prefects?", gives: "prefe" },
  { asked: "secretaires?(?: generale?s?)?|secretar(?:y|ies)", gives: "secretai|secretar" },
  { asked: "tresorier(?:e|es|s)?|treasurers?", gives: "tresori|treasur" },
  { asked: "coordinat(?:eur|rice|eurs|rices|ors?)", gives: "coordina" },
  { asked: "chargee?s? de mission", gives: "charge(?:e|es|s)? de mission" },
  // an adviser of a support body (« le conseiller Adie », "the DLA adviser"); an elected « conseiller départemental »
  // is answered by a passage that names that title, which says « conseill… » too
  { asked: "conseill(?:er|ere|ers|eres)|advis(?:e|o)rs?|counsellors?", gives: "conseill|advis|counsel" },
  { asked: "associee?s?|partners?", gives: "associee?s\\b|associee\\b|l'associe\\b|(?:un|son|leur) associe\\b|partner" },
  { asked: "salariee?s?|employees?|staff", gives: "salari|employ|staff|equipe" },
  { asked: "benevoles?|volunteers?", gives: "benevol|volunteer" },
  { asked: "administrat(?:eur|rice|eurs|rices)|board members?", gives: "administrat|conseil d administration|board" },
  // the members of a network, a club or a body (« qui sont ses membres ? », "who are its members?"): a text that says
  // what the network is for, without saying who belongs to it, names none
  {
    asked: "membres?|members?|adherente?s?|societaires?",
    gives: "membre|member|adheren|societaire|compose\\w* de|composed of|made up of|(?:fait|font) partie|reunit|rassembl",
  },
];

/** A day given: a weekday, a date with its day of the month, or every day (« le mardi », « le 8 mars », « tous les jours »). */
const DAY_GIVEN = new RegExp(
  String.raw`\b(?:(?:${WEEKDAY_ALTERNATION})s?|(?:1er|\d{1,2}) (?:${MONTH_ALTERNATION})|(?:${MONTH_ALTERNATION}) \d{1,2}(?:st|nd|rd|th)?|tous les jours|chaque jour|every day|daily|quotidien\w*)\b`,
);

/** The items of a plan a question may name by their number, as asked and as a text names them (folded stems). */
const ITEM_STEMS = [
  { asked: "action", gives: "action" },
  { asked: "mesure", gives: "mesure|measure" },
  { asked: "measure", gives: "mesure|measure" },
  { asked: "fiche", gives: "fiche" },
];
/**
 * One numbered item of a plan asked (« l'action 12 », « la fiche action n° 5 », "measure 7"): the noun and the number.
 * (Not an axis: the four axes of the schema each have their own documents, which may not repeat their number.)
 */
const ITEM_ASKED =
  /\b(?:l ?' ?|l |la |le |the )(action|mesure|measure|fiche(?: action)?) (?:n ?° ?|no |numero |number )?(\d{1,2})\b(?! ?(?:%|€|euros?|mois|ans|actions|mesures))/;

/** The days a place opens on, given: a weekday or every day (a calendar date is when it opened, not when it opens). */
const WEEKDAY_GIVEN = new RegExp(String.raw`\b(?:(?:${WEEKDAY_ALTERNATION})s?|tous les jours|chaque jour|every day|daily|7 ?j ?\/ ?7)\b`);
/** A place's opening asked (« c'est ouvert quels jours ? », « l'accueil, quels jours ? », "which days is it open?"). */
const OPENING = /\b(?:ouvert\w*|ouvre|ouvrent|ouverture|ferme\w*|fermeture|accueil\w*|recoit|recoivent|permanences?|open\w*|clos\w*)\b/;

/** A size superlative (folded): « la plus grosse », « le plus peuplé », "the biggest". */
const SIZE_SUPERLATIVE =
  "(?:le|la|les|l ?') plus (?:gros|grosse|grosses|grand|grande|grands|grandes|peuplee?s?|importante?s?|petite?s?)|biggest|largest|smallest|most populous";
/** A text saying which one stands first by its size: a superlative, or figures of one measure side by side. */
const SIZE_GIVEN =
  /\b(?:plus (?:gros|grand|peupl|important|petit|ancien|vieu|recent|jeune|riche)\w*|biggest|largest|smallest|most populous|oldest|newest|youngest|en tete|premier rang)\b|\d[\d ]*\s(habitants|communes|salaries|emplois|structures|adherents|membres|inhabitants|employees|jobs|members)\b[\s\S]*\d[\d ]*\s\1\b/;

const SLOTS: Slot[] = [
  {
    // the day something happens: « elle passe quel jour ? », « quels jours est-ce ouvert ? », "on which day"; a passage
    // that gives only a frequency (« tous les quinze jours ») or a year names no day, and the days a place opens on are
    // weekdays (« ouvert le 15 septembre 2020 » says when it opened)
    name: "day",
    asked: /\b(?:quel(?:s)? jours?|(?:which|what) days?|on what day)\b(?! (?:ferie|feries|off))/,
    gives: DAY_GIVEN,
    givesFor: (_asked, question) => (OPENING.test(question) ? WEEKDAY_GIVEN : DAY_GIVEN),
  },
  {
    // the hours of a place or the time of a meeting: « à quelle heure ? », « quels horaires ? », "opening hours", "what
    // time": given by a time of day (« de 9 h à 12 h », "10 am"), not by a description of the place
    name: "hours",
    asked:
      /\b(?:quelles? heures?|quels? horaires?|(?:horaires?|heures?) d ?'? ?(?:ouverture|accueil)|what time|which time|what hours|opening (?:hours|times)|office hours|business hours)\b/,
    gives: /\b(?:\d{1,2} ?h(?: ?\d{2})?|\d{1,2}:\d{2}|\d{1,2} ?(?:am|pm)|midi|noon|24 ?h ?\/ ?24)\b/,
  },
  {
    // the documents to attach to an application: « quelles pièces faut-il joindre ? », « les justificatifs demandés »,
    // "what documents do we need to attach?": given by a text that lists them or speaks of them
    name: "documents",
    asked:
      /\b(?:(?:quel(?:le)?s?|what|which) (?:pieces?|documents?|justificatifs?|papers?|paperwork|attachments?)\b(?: \w+){0,6}? (?:fournir|joindre|jointe?s?|attach\w*|provide|supply|submit|include|need\w*|required|faut|demande\w*|requis\w*|necessaire\w*)|pieces? (?:a fournir|a joindre|justificatives?|jointes?|demandees?)|documents? (?:a fournir|a joindre|justificatifs?)|supporting documents?|documents? (?:to attach|required|needed))\b/,
    gives:
      /\b(?:pieces?|justificati\w*|statuts|kbis|extraits?|rib|bilans?|comptes annuels|budget previsionnel|attestations?|formulaires?|documents? (?:a fournir|a joindre|demandes|requis|justificatifs)|supporting documents?|attach\w*|dossier comprend\w*|dossier contient)\b/,
  },
  {
    // a dedicated desk or contact (« un guichet dédié à l'ESS ? », « qui est notre interlocuteur ? », "a dedicated desk
    // for social economy companies? who is the contact?"): given by a text that names such a desk, team or contact,
    // not by a presentation of the body
    name: "dedicated-contact",
    asked:
      /\b(?:(?:guichets?|desks?|services?|interlocut\w+|contacts?|referent\w*|poles?|cellules?|equipes?|teams?|offices?|conseill\w+|advis[eo]rs?|charge\w* de mission|units?) (?:dedie\w*|specifique\w*|specialise\w*|attitre\w*)|(?:dedicated|specific|specialised|specialized) (?:desks?|services?|contacts?|teams?|offices?|persons?|people|advis[eo]rs?|units?|staff|departments?)|who (?:is|s|will be) (?:the|our|my|their|its) (?:contact|point of contact|contact person)|qui (?:est|sera) (?:le|la|notre|mon|ma|leur) (?:contact|interlocut\w+|personne a contacter|personne de contact))\b/,
    gives:
      /\b(?:(?:guichets?|desks?|services?|interlocut\w*|contacts?|referent\w*|poles?|cellules?|equipes?|teams?|offices?|conseill\w*|advis[eo]rs?|charge\w* de mission|units?)\b(?: [\w']+){0,4}? (?:dedie\w*|specifique\w*|specialise\w*|dedicated|specialised|specialized|ess|economie sociale|social economy)|dedicated|point of contact|personne a contacter)\b|@\w|\b0\d(?:[ .]?\d{2}){4}\b/,
  },
  {
    // how something was received: « quels retours ? », « quelles réactions ? », « comment ça a été accueilli ? », "what
    // feedback did they get?": given by a text that reports reactions, not by the account of the event itself
    name: "feedback",
    asked:
      /\b(?:quel(?:le)?s? (?:retours?|reactions?|echos?|impressions?)|(?:what|which|any) (?:feedback|reactions?|reception)|feedback|how (?:was|were) (?:it|they|that|this|the \w+) received|comment (?:a t (?:il|elle) ete|ont (?:ils|elles) ete|ca a ete|il a ete|elle a ete|a ete) (?:recue?s?|accueillie?s?|percue?s?))\b/,
    gives:
      /\b(?:retours?|reactions?|echos?|salue\w*|felicit\w*|applaudi\w*|succes|enthousias\w*|feedback|praised|welcomed|well received|acclaim\w*|remarque\w*|impressionn\w*|bien accueilli\w*|accueil (?:tres |plutot )?(?:favorable|positif|chaleureux|enthousiaste))\b/,
  },
  {
    // who built, made or supplies something: « quel prestataire », « quelle agence a développé », "which vendor"
    name: "provider",
    asked:
      /\b(?:quel(?:le)?s? (?:prestataires?|fournisseurs?|sous traitants?)|quel(?:le)?s? (?:agences?|societes?|entreprises?|cabinets?|prestataires?) (?:a|ont) (?:developpe|concu|realise|construit|fabrique|code|cree)|qui a (?:developpe|concu|code|programme|construit) (?:la|le|cette|ce) (?:plateforme|site|logiciel|application|outil)|which (?:provider|vendor|supplier|contractor|agency|company|firm)s?|who (?:built|developed|coded|programmed) (?:the|this) (?:platform|website|site|software|app|tool))\b/,
    gives:
      /\b(?:prestataires?|fournisseurs?|sous traitants?|editeur|consultants?|(?:developpee?s?|concue?s?|realisee?s?|construite?s?|fabriquee?s?|confiee?s?|codee?s?) (?:par|a)|agence|societe|cabinet|studio)\b/,
  },
  {
    // the exact boundary of an area: « les rues exactes », « quelles rues », « le périmètre précis », "which streets"
    name: "boundary",
    asked:
      /\b(?:quell?e?s? rues?|rues? (?:exactes?|precises?)|(?:limites?|perimetres?|delimitations?|contours?|frontieres?) (?:exacte?s?|precise?s?|detaillee?s?)|(?:exacte?s?|precise?s?) (?:limites?|perimetres?|delimitations?|contours?|frontieres?)|which streets|what streets|exact (?:boundar(?:y|ies)|perimeter|limits|streets)|precise (?:boundar(?:y|ies)|perimeter|limits))\b/,
    gives:
      /\b(?:rues?|avenues?|boulevards?|allees?|impasses?|perimetres?|limites?|delimit\w*|contours?|cadastr\w*|streets?|boundar\w*|cartes?|cartographie|geoportail)\b/,
  },
  {
    // the clauses of contracts or deeds themselves: « quelles clauses », "which clauses"
    name: "clauses",
    asked: /\b(?:quell?e?s? clauses?|clauses? (?:precises?|exactes?|detaillees?)|which clauses|what clauses|exact clauses|precise clauses)\b/,
    gives: /\bclauses?\b/,
  },
  {
    // where a document can be read or downloaded online: « il est dispo en pdf ? », « on peut le télécharger où ? », « y a
    // un lien ? », "where can I download it?", "is it online somewhere?": given by a web address or a text saying it is
    // online, not by the account of what the document says nor by where it was presented
    name: "online-copy",
    asked:
      /\b(?:telecharg\w*|pdf|lien (?:pour (?:le |la |les |l ?' ?)?(?:lire|telecharger|consulter|voir|trouver|recuperer)|vers|de telechargement|internet|web)|url|(?:consult\w*|lire|trouv\w*|dispo\w*|publie\w*|acces\w*) (?:\w+ )?en ligne|en ligne (?:quelque part|ou)|download\w*|link (?:to (?:it|download|read|the (?:document|report|pdf|file))|for (?:it|downloading))|download link|(?:read|find|see|get|available|published|accessible) (?:\w+ )?online|online (?:somewhere|copy|version))\b/,
    gives: /\bhttps?\b|\bwww\b|\b[\w-]+\.(?:fr|org|com|eu|net|gouv)\b|\b(?:telecharge\w*|en ligne|pdf|download\w*|online)\b/,
  },
  {
    // when an event put off was held after all: « il a été reprogrammé quand ? », « reporté à quand ? », « décalé à quelle
    // date ? », "when was it rescheduled?", "was it postponed?": given by a text that speaks of the new date or the delay,
    // not by the event's first dates
    name: "rescheduled",
    asked:
      /\b(?:reprogramm\w*|reportee?s?|reporter|repoussee?s?|decalee?s?|rattrap\w*|remise? (?:a|au) (?:plus tard|une autre date|quand)|postpon\w*|reschedul\w*|put off|pushed back)\b/,
    gives: /\b(?:reprogramm\w*|reportee?s?|repouss\w*|decal\w*|rattrap\w*|remise? a|nouvelle date|postpon\w*|reschedul\w*|put off|pushed back|new date)\b/,
  },
  {
    // the one of a kind that stands first by its size or age: « la plus grosse c'est laquelle ? », « laquelle est la plus
    // peuplée ? », "which one is the biggest?": given by a text that says which (a superlative) or sets them side by side
    // by a figure of the same measure (« 258 000 habitants… 131 000 habitants »), not by the count of them
    name: "superlative",
    // (asked of which one, « laquelle est la plus peuplée ? », or opening the follow-up, « et la plus grosse ? »; not a
    // qualifier of what is asked, « selon les chiffres les plus récents »)
    asked: new RegExp(
      String.raw`^(?=.*\b(?:laquelle|lequel|lesquel\w*|quel(?:le)?s?|qui|which|what|who)\b).*\b(?:${SIZE_SUPERLATIVE})\b|^(?:(?:et|mais|ok|alors|du coup|and|so|what about)\s+)*(?:the )?(?:${SIZE_SUPERLATIVE})\b`,
    ),
    gives: SIZE_GIVEN,
    // (the most populous is told by its inhabitants, not by its communes: « 15 communes… 23 communes » sets no population side by side)
    givesFor: (asked) =>
      /peupl|populous/.test(asked) ? /\b(?:plus peupl\w*|most populous)\b|\d[\d ]*\s(habitants|inhabitants)\b[\s\S]*\d[\d ]*\s\1\b/ : SIZE_GIVEN,
  },
  {
    // the identifiers a body must have: « il lui faut quels identifiants ? », « quels numéros d'identification ? », "which
    // registration numbers?": given by the identifiers named (SIRET, RNA…), not by a text saying some are required
    name: "identifiers",
    asked:
      /\b(?:(?:quel(?:le)?s?|which|what) (?:identifiants?|numeros? (?:d ?'? ?)?(?:identification|immatriculation|enregistrement)|identifiers?|registration numbers?|id numbers?)|identifiants? (?:a fournir|obligatoires?|demandes?|necessaires?|requis))\b/,
    gives: /\b(?:siret|siren|rna|numero w ?\d|tva intracommunautaire|code (?:ape|naf)|eori)\b/,
  },
  {
    // a figure of next year: « combien de postes la DDETS va conventionner l'an prochain ? », "how much will they get next
    // year?": given by a text that speaks of what is planned or expected, not by the figures of the years past
    name: "next-year-figure",
    asked:
      /\b(?:combien(?! de temps)|how many|how much|quel(?:le)?s? (?:montant|budget|nombre|enveloppe|somme))\b.*\b(?:l ?' ?an prochain|l ?' ?annee prochaine|next year|l ?' ?an qui vient)\b/,
    gives: /\b(?:prevu\w*|prevoi\w*|previsionnel\w*|objectifs?|d ?' ?ici|planned|plans?|expected|targets?|forecast\w*|sera|seront|will)\b/,
  },
  {
    // the canton an elected member stands for: « elle est élue de quel canton ? », « conseillère de quel canton ? », "which
    // canton does she represent?": given by a canton named (« canton du Vigan »), not by the number of cantons
    name: "canton",
    asked: /\b(?:quel(?:le)?s? cantons?|(?:which|what) cantons?)\b/,
    gives: /\b(?:canton (?:du |de la |de l'|des |de |d')\p{Lu}|\p{Lu}[\p{L}-]+ canton)/u,
    cased: true,
  },
  {
    // who leads a part of a plan: « quels partenaires pilotent l'axe », « désignés comme pilotes », "lead partners"
    name: "pilot",
    asked:
      /\b(?:(?:co)?pilotes? (?:de|du|des|d') ?(?:l ?axe|la mesure|l ?action|la fiche|axe|mesure|action|fiche)|(?:designee?s?|nommee?s?|choisie?s?|retenue?s?) comme (?:co)?pilotes?|(?:partenaires?|structures?|acteurs?|organismes?) (?:qui )?(?:co)?pilot(?:ent|eront|e|era)|chefs? de file|lead partners?|(?:who|which partners?) (?:leads?|steers?|co leads?) (?:the|this) (?:axis|measure|action))\b/,
    gives: /\b(?:pilot\w*|copilot\w*|chefs? de file|lead\w*|led by|steer\w*)\b/,
  },
  {
    // one numbered item of a plan: « l'action 12 du SPASER », « la fiche action 5 », "measure 7": a passage that
    // presents the plan (« 5 axes et 39 actions ») without naming that item says nothing of it
    name: "numbered-item",
    asked: ITEM_ASKED,
    gives: /$^/,
    givesFor: (q) => {
      const m = ITEM_ASKED.exec(q)!;
      const stem = (ITEM_STEMS.find((x) => m[1]!.includes(x.asked)) ?? { gives: m[1]! }).gives;
      return new RegExp(String.raw`\b(?:${stem})\w*(?: action)? (?:n ?° ?|no |numero )?${m[2]}\b`);
    },
  },
  {
    // who belongs to a network, a club or a body, asked without naming a role (« qui en fait partie ? », « qui en sont
    // les membres ? », "who is in it?"): a text that presents the body without its members names none
    name: "members",
    asked:
      /\b(?:qui (?:en )?(?:fait|font) partie|qui en (?:est|sont) (?:les |le |la )?(?:membres?|adherente?s?)|qui y (?:adhere|adherent|siege|siegent)|who (?:is|s|are) in it|who belongs to it|who (?:are|is) on it|(?:which|what) (?:organi[sz]ations|structures|bodies|members) (?:are in it|belong to it|are members))\b/,
    gives: /\b(?:membres?|members?|adheren\w*|societaires?|compose\w* de|composed of|made up of|(?:fait|font) partie|reunit|rassembl\w*)\b/,
  },
  {
    // which ones of a kind took part in or signed a thing (« quelles fondations étaient présentes ? », « quels EPCI ont
    // signé ? », "which of them have signed?"): the names of those, a list of two names at least; a text presenting the
    // event or the convention without them names none
    name: "named-participants",
    asked:
      /\b(?:(?:quels?|quelles?|lesquel(?:le)?s) (?:\w+ )?(?:etaient|sont|seront|etait) (?:presente?s|representee?s)|(?:quels?|quelles?|lesquel(?:le)?s) (?:\w+ )?(?:ont|avaient|auront) (?:participe|signe|adhere)|which (?:of them|ones|\w+) (?:have|has|had|were|are|did) (?:signed|(?:been )?present|there|taken part|took part|attended|joined))\b/,
    gives: /\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|d[eu]s?|la|l'|et))*\s*(?:,\s*|\s+(?:et|and)\s+)\p{Lu}[\p{L}'’-]+/u,
    cased: true,
  },
  {
    // what is reserved to a kind of organisation (« lesquelles sont réservées aux structures de l'ESS ? », "which are
    // reserved for social economy organisations?"): a text that describes the actions without saying whom they are
    // reserved to says nothing of it
    name: "reserved",
    // (asked as a choice among things, « lesquelles », "which": « le BGE est-il réservé aux projets de l'ESS ? » is answered
    // by saying whom it is for; « quelle somme est réservée à l'appel à communs ? » asks a sum)
    asked:
      /\b(?:lesquel\w*|quel(?:le)?s?|which|what)\b(?! (?:sommes?|montants?|budgets?|enveloppes?|parts?|sums?|amounts?|shares?)\b)[^?]{0,60}?\b(?:reservee?s? (?:aux?|a|pour|exclusivement)|reserved (?:for|to)|exclusivement (?:aux?|pour|a)|exclusively (?:for|to)|restricted to)\b/,
    gives:
      /\b(?:reserv\w*|exclusi\w*|restricted|restreint\w*|limitee?s? aux?|limited to|uniquement (?:aux?|pour|les|a)|seule?s? (?:les )?(?:structures|entreprises|organisations|associations|acteurs)|only (?:for|to|open to|the))\b/,
  },
  {
    // a contact person at a partner's local office (« qui je contacte chez eux, à leur antenne du Gard ? », "who do I contact
    // at their Nîmes office?"): given by a person's role, a phone number or an address to write to, not by a presentation of
    // the body or of a team that answers everything (« l'interlocutrice pour toute question »)
    name: "office-contact",
    asked:
      /\b(?:(?:who|whom) (?:do|should|can|could|must|shall) (?:i|we) (?:contact|call|talk to|speak to|ask|write to|get in touch with|see) (?:at|in) (?:their|its|the|his|her) (?:\w+ ){0,2}(?:office|branch|antenna|agency|team|site)s?|(?:qui|quelle personne) (?:je |on |dois je |doit on |faut il |puis je |peut on )?(?:contacte\w*|appel\w*|joins|joindre|vois|voir|ecri\w*|demande\w*) (?:chez eux|chez elle|chez lui|(?:a|dans) (?:leur|son|sa|l) ?(?:\w+ ){0,1}(?:antenne|bureau|agence|delegation|equipe|implantation)s?)|(?:je|on|nous) (?:contacte|contactons|appelle|appelons|vois|voyons|ecris|ecrivons|m ?' ?adresse a|nous adressons a) qui (?:chez eux|chez elle|chez lui|(?:a|dans) (?:leur|son|sa|l) ?(?:\w+ ){0,1}(?:antenne|bureau|agence|delegation|equipe)s?)|(?:a qui|aupres de qui) (?:je |on |dois je |faut il )?(?:m ?' ?adresse\w*|s ?' ?adresse\w*|adresser|ecri\w*) (?:chez eux|chez elle|(?:a|dans) (?:leur|son|sa|l) ?(?:\w+ ){0,1}(?:antenne|bureau|agence|delegation)s?))\b/,
    gives:
      /@\w|\b0\d(?:[ .]?\d{2}){4}\b|\b(?:referent\w*|charge\w* de mission|charge\w* d accompagnement|conseill(?:er|ere|ers|eres)|advis[eo]rs?|contact persons?|personne a contacter|case officer|account manager)\b/,
  },
  {
    // who holds a named role, or the names of a group's members: « qui est le délégué du préfet pour ce quartier ? »,
    // « les noms des associés de la coopérative », "who is the director of…": a passage that does not even speak of that
    // role (a list of neighbourhoods, a description of the firm) names no one in it; « c qui », « ki est » are the SMS spellings; the role may be
    // qualified first ("who is the DLA adviser for Alès?")
    name: "role-holder",
    asked: new RegExp(
      String.raw`\b(?:qui (?:est|sont|etait|etaient|sera|seront)|c ?'? ?est qui|c (?:qui|ki)|ki (?:est|c)|ce sont qui|who (?:is|are|was|were|will be)|who s) (?:(?:le|la|les|the|son|sa|ses|leur|leurs|its|their|mon|ma|mes|notre|nos|my|our|actuel|actuelle|current|nouveau|nouvelle|new) |l ?')+(?:[\w']+ ){0,2}?(?:${ROLES.map((r) => r.asked).join("|")})\b` +
        String.raw`|\b(?:noms?|identites?|names?) (?:de|des|du|d|of)(?: (?:tous|toutes|all))?(?: (?:les|ses|leurs|the|its|their))? (?:${ROLES.map((r) => r.asked).join("|")})\b`,
    ),
    gives: /$^/,
    givesFor: (q) => {
      const roles = ROLES.filter((r) => new RegExp(String.raw`\b(?:${r.asked})\b`).test(q));
      return new RegExp(String.raw`\b(?:${roles.map((r) => r.gives).join("|")})`);
    },
  },
  {
    // what a thing or someone is called: « l'événement s'appelait comment ? », « comment se nomme le réseau ? », « quel est
    // son nom ? », "what's it called?": « s'appeler comment » asks a name, not a manner. Given by a name: quoted
    // (« Gard : l'ESS en commun(s) »), introduced by a naming word (« appelé », « intitulé », "called"), a person's or a
    // place's name of capitalised words (« Hélène Meunier », « Richelieu-Gambetta »), or one a sentence opens on to say
    // what it is (« AD'OCC est l'agence… »); a date and a venue (« le 26 novembre, au Pont du Gard ») name nothing asked.
    name: "name",
    asked:
      /\b(?:s ?'? ?appel(?:le|les|lent|ait|aient|era|eront|erait)? comment|comment (?:(?:il |elle |ils |elles |ca |on )?s ?'? ?appel\w*|(?:il |elle |ils |elles |ca )?se nomm\w*|on (?:l ?'? ?|les )?appel\w*)|se nomm\w* comment|quel (?:est|etait|sera|c ?'? ?est) (?:son|leur|le|ton|votre) (?:nom|intitule|titre)|(?:son|leur) (?:nom|intitule|titre) (?:exact )?c ?'? ?est quoi|c ?'? ?est quoi (?:son|leur) (?:nom|intitule|titre)|what(?: is| was| are| were| ?' ?s) (?:it|they|that|this|the \w+(?: \w+){0,3}) called|what(?: is| was| ?' ?s) (?:its|their|the) (?:name|title)|called what)\b/,
    gives:
      /[«“"]\s*\S|\b(?:s'appel\w*|appele\w*|nomme\w*|intitule\w*|baptise\w*|denomm\w*|called|named|titled|entitled)\b|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}|\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}|(?:^|[.!?:]\s+)(?:L'|La |Le |Les |The )?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*\s+(?:est|sont|etait|is|are|was)\s+(?:l'|le |la |les |un |une |the |an? )/u,
    cased: true,
  },
];

const folded = (t: string) => fold(t).replace(/[’`]/g, "'").replace(/-/g, " ");
/** A text with its accents folded off and its apostrophes as « ' », its capitals kept. */
const cased = (t: string) => foldAccents(t).replace(/[’`]/g, "'");

/** The precise details a question asks (see SLOTS), by name. */
export function askedSlots(question: string): string[] {
  const q = folded(question);
  return SLOTS.filter((s) => s.asked.test(q)).map((s) => s.name);
}

/** Whether `text` gives every precise detail `question` asks (true when it asks none): one paragraph speaks of each. */
export function fillsAskedSlots(question: string, text: string): boolean {
  const asked = new Set(askedSlots(question));
  if (asked.size === 0) return true;
  const raw = text.split(/\n\s*\n/).filter((p) => p.trim());
  const paragraphs = raw.map(folded);
  const withCapitals = raw.map(cased);
  const q = folded(question);
  return SLOTS.filter((s) => asked.has(s.name)).every((s) => {
    const gives = s.givesFor ? s.givesFor(q.match(s.asked)?.[0] ?? q, q) : s.gives;
    return (s.cased ? withCapitals : paragraphs).some((p) => gives.test(p));
  });
}
