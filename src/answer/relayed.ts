/**
 * A question relayed or framed by an agent (« Pour la newsletter interne : combien… ? », « Une asso me demande qui
 * porte… », "A partner asks me who… — what do I say?") asks what its inner question asks: the frame is no part of it
 * and only dilutes the words searched. The frames are data (below); the inner question is returned as written.
 */

/** The determiner before a document or a reader (« un », « la », « notre », "the", "our"). */
const DETERMINER = String.raw`(?:un|une|le|la|les|l'|l’|mon|ma|mes|notre|nos|ce|cette|a|an|the|my|our)`;
/** Documents and meetings an answer is for, in French (and their unaccented spellings). */
const FRENCH_DOCUMENTS = String.raw`présentation|presentation|newsletter|bulletin|lettre|note|rapport|courrier|mail|e-mail|courriel|réunion|reunion|compte[- ]rendu|bilan|fiche|diaporama|article|comité|comite|commission|délégation|delegation|dossier|brief|briefing|synthèse|synthese|séance|seance`;
/** Documents, meetings and occasions an answer is for, in English and both languages. */
const OTHER_DOCUMENTS = String.raw`report|letter|memo|meeting|visit|visite|slides?|deck|talk|intervention|formation|webinaire|webinar`;

/** What the answer is for (« Pour la newsletter interne : », « Pour un courrier officiel, », "For a European partner delegation:"). */
const PURPOSE = new RegExp(
  String.raw`^(?:pour|for)\s+(?:${DETERMINER}\s*)(?:[\p{L}'’-]+\s+){0,3}?(?:${FRENCH_DOCUMENTS}|${OTHER_DOCUMENTS}|mémoire|memoire|thèse|these|exposé|expose|étude|etude|enquête|enquete|reportage|chronique|papier|essay|thesis|dissertation|paper|story)(?:\s+[\p{L}'’-]+){0,5}?\s*[:,]\s+(?=\S)`,
  "iu",
);

/** The writing or preparing of a document or a meeting (« pour préparer la commission : », "to prepare the meeting:"). */
const PREPARING =
  "préparer|preparer|rédiger|rediger|écrire|ecrire|compléter|completer|alimenter|nourrir|finaliser|relire|prepare|write|draft|complete|finalise|finalize";

/**
 * The same purpose closed by a colon, which marks a frame plainly enough for the document to come further in
 * (« Pour une carte à joindre à la note : », « Pour l'ordre du jour de la commission : »), or the task of writing or preparing it
 * (« Pour préparer la séance : », « Pour rédiger le bilan : »).
 */
const PURPOSE_COLON = new RegExp(
  String.raw`^(?:pour|for|to)\s+(?:(?:${PREPARING})\s+)?(?:${DETERMINER}\s*)(?:[\p{L}'’-]+\s+){0,5}?(?:${FRENCH_DOCUMENTS}|agenda|ordre du jour|discours|${OTHER_DOCUMENTS})(?:\s+[\p{L}'’-]+){0,5}?\s*:\s+(?=\S)`,
  "iu",
);

/**
 * What the answer is for, said at the end of the question, after a comma or not (« …, pour un point d'étape ? », « … pour
 * une présentation en réunion d'équipe ? », "…, for a briefing?").
 */
const PURPOSE_TRAILING = new RegExp(
  "(?:" +
    [
      // after a comma: a document or a meeting (« …, pour la commission ? »)
      String.raw`,\s*(?:pour|for)\s+(?:${DETERMINER}\s*)(?:[\p{L}'’-]+\s+){0,2}?(?:point d['’]étape|point d['’]etape|présentation|presentation|newsletter|bulletin|note|rapport|courrier|réunion|reunion|compte[- ]rendu|bilan|diaporama|comité|comite|commission|séance|seance|briefing|report|memo|meeting|slides?)`,
      // without one: only a document written for someone (« … pour une présentation en réunion d'équipe ? »); « quel
      // accompagnement pour une réunion difficile ? » asks about the meeting itself
      String.raw`\s+(?:pour|for)\s+(?:${DETERMINER}\s*)(?:présentation|presentation|newsletter|note|rapport|diaporama|compte[- ]rendu|briefing|report|memo|slides?)`,
    ].join("|") +
    String.raw`)(?:\s+[\p{L}'’-]+){0,3}?\s*(?=[?.!]?\s*$)`,
  "iu",
);

/**
 * The writer's own task, said before a colon (« Je dois résumer la genèse du schéma pour un nouvel élu : », « Je prépare
 * une note pour le comité : », "I need to brief a new councillor on the schéma:"): the verb of the task and the reader it
 * is for are no part of what is asked; what the task is about (« la genèse du schéma ») is, and stays as the question's
 * subject. Group 1 is that subject with the reader.
 */
const TASK =
  /^(?:(?:bonjour|bonsoir|hello|hi)[ ,!.]*)?(?:(?:je dois|il faut que je|j'ai à|j’ai à|j'ai a|nous devons|on doit|je vais devoir|i need to|i have to|i must)\s+[\p{L}'’-]+|je prépare|je prepare|je rédige|je redige|nous préparons|on prépare|i(?:'m| am) (?:preparing|writing))\s+([^:?!.;]{3,90}?)\s*:\s+(?=\S)/iu;

/** The reader or the occasion a task is for (« … pour un nouvel élu », « … devant la commission », "… for the board"). */
const TASK_FOR = /\s+(?:pour|devant|à l'intention d(?:e|u|es)|a l'intention d(?:e|u|es)|auprès d(?:e|u|es)|for|to)\s+.*$/iu;

/** A task's subject that is only the document or meeting it is for (« une note », « la réunion de lundi »). */
const DOCUMENT_ONLY = new RegExp(
  String.raw`^(?:${DETERMINER}\s*)?(?:petite?s?\s+)?(?:présentation|presentation|newsletter|bulletin|lettre|note|rapport|courrier|mail|e-mail|courriel|réunion|reunion|compte[- ]rendu|bilan|fiche|diaporama|article|comité|comite|commission|dossier|brief|briefing|synthèse|synthese|séance|seance|discours|intervention|report|letter|memo|meeting|slides?|deck|talk|réponse|reponse|answer)(?![\p{L}])`,
  "iu",
);

/**
 * A writer who opens with their job and what they are, before a comma or a colon (« Journaliste, … », « Comptable d'une
 * association nîmoise, je me demande… », « Secrétaire de mairie à Castillon-du-Gard : … », "As a journalist, …").
 */
const PERSONA =
  /^(?:(?:bonjour|bonsoir|hello|hi)[ ,!.]*)?(?:en tant que\s+|as an?\s+)?(?:journaliste|expert[- ]comptable|comptable|secrétaire de mairie|secrétaire générale?|secretaire de mairie|conseill(?:er|ère|ere) (?:municipale?|départementale?|departementale?|communautaire|régionale?|regionale?)|élue? municipale?|elue? municipale?|maire|adjointe? au maire|trésori(?:er|ère)|tresori(?:er|ere)|étudiante?|etudiante?|chercheu(?:r|se)|doctorante?|journalist|accountant|researcher|student|town clerk|councill?or|mayor|treasurer)(?![\p{L}-])([^,:;.?!]{0,70}?)\s*[,:]\s+(?=\S)/iu;

/** What opens the question itself after a persona (« je me demande », « je cherche », « je reviens sur la séance du… : »). */
const ASK_OPENER =
  /^(?:je me demande\s+|je voudrais savoir\s+|j['’]aimerais savoir\s+|je souhaite savoir\s+|je cherche à savoir\s+|je cherche a savoir\s+|je cherche\s+|je reviens sur [^:?]{3,80}:\s+|i wonder\s+|i(?:'m| am) looking for\s+|i(?:'d| would) like to know\s+)/iu;

/** A place the persona names (« … à Castillon-du-Gard »), which the question may be about (« à quelle communauté appartient-on ? »). */
const PERSONA_PLACE = /(?:^|\s)(?:à|a|de|in|near|at)\s+(\p{Lu}[\p{L}'’]+(?:[- ](?:\p{Lu}[\p{L}'’]+|sur|en|du|de|la|le|les|d['’]\p{Lu}[\p{L}'’]+))*)/u;

/**
 * What the answer is for, said after the question in a sentence of its own (« …? Je dois retracer la genèse pour une
 * élue. », « …? J'en ai besoin pour le rapport annuel. », "…? I need it for a briefing."): the writer's purpose, which
 * names a document or a reader, not something asked.
 */
const PURPOSE_AFTER =
  /(?<=\?)\s+(?:je dois|il faut que je|j'en ai besoin|j’en ai besoin|c'est pour|c’est pour|ce sera pour|je prépare|je prepare|je rédige|je redige|nous préparons|on prépare|i need (?:it|this|that) for|it's for|it’s for|i'm preparing|i am preparing|i'm writing|i am writing)\b[^?]*?\b(?:note|rapport|courrier|réunion|reunion|compte[- ]rendu|bilan|présentation|presentation|newsletter|bulletin|mémoire|memoire|thèse|these|article|élue?s?|elue?s?|cabinet|direction|délégation|delegation|hiérarchie|hierarchie|genèse|genese|historique|briefing|report|memo|meeting|presentation|thesis|councillor|diapositive|diapo|slides?)\b[^?]*$/iu;

/**
 * An agent's note, after the question, that they are reviewing an application, unnamed (« J'instruis un dossier et j'ai
 * besoin des critères. »): it says why they ask, not what. A named one (« un dossier ESUS ») says what, and stays.
 */
const REVIEWING_AFTER =
  /(?<=\?)\s+(?:j'instruis|j’instruis|nous instruisons|on instruit|i'm reviewing|i am reviewing)\s+(?:un|une|a|an)\s+(?:dossier|demande|file|application)(?:\s+(?:et|and)\s+(?:j'ai|j’ai|i)\s+(?:besoin|need)\b[^?]*?)?\s*[.!]?\s*$/iu;

/** Someone who asks the writer (« Une asso de mon territoire me demande », « Un élu me demande », "A partner asks me"). */
const ASKER =
  /^(?:(?:bonjour|bonsoir|hello|hi)[ ,!.]*)?(?:un|une|des|mon|ma|mes|notre|nos|le|la|l'|l’|a|an|one of my|my|our|the)\s*(?:[\p{L}'’-]+\s+){0,5}?(?:me|m'|m’|nous)\s*(?:demande|demandent|a demandé|ont demandé|pose la question|posent la question|interroge|interrogent|interpelle|interpellent|a interpellée?|ont interpellée?|questionne|questionnent|sollicite|sollicitent)(?:\s*[:,]\s*|\s+)(?:de savoir\s+)?|^(?:(?:hello|hi)[ ,!.]*)?(?:a|an|one of my|my|our|the)\s+(?:[\p{L}'’-]+\s+){0,6}?(?:asks|asked|is asking|are asking|ask)\s+(?:(?:me|us)\s+|(?=(?:what|who|when|where|which|how|why)\s))/iu;

/** What the asker's question opens on for it to be a question of its own (not « me demande une aide pour… »). */
const INNER_START =
  /^(?:si|s'il|s’il|s'ils|s’ils|qui|quel|quelle|quels|quelles|combien|comment|pourquoi|quand|où|ou|à qui|a qui|à quoi|a quoi|à combien|a combien|à quel|a quel|à quelle|a quelle|depuis quand|ce que|ce qu'|ce qu’|ce qui|whether|if|who|what|which|how|why|when|where)(?!\p{L})|^ce\s+qu['’](?:est|était|etait|sont|étaient|etaient)(?!\p{L})/iu;

/** An indirect « what is » (« ce qu'est le SPASER », « ce que sont les communs »), asked directly as « qu'est-ce que… ». */
const WHAT_IS_INDIRECT = /^ce\s+(?:qu['’](?:est|était|etait)|que\s+(?:sont|étaient|etaient))\s+/iu;

/** A question opened by a preposition and an interrogative word (« de quel EPCI… », « dans quelle commune… », "in which…"). */
const PREPOSITION_ASKS =
  /^(?:de|d['’]|dans|sur|en|par|avec|pour|chez|depuis|jusqu['’]à|jusqu['’]a|in|on|for|with|from|since|by)\s*(?:quel|quelle|quels|quelles|qui|quoi|combien|which|what|whom)(?!\p{L})/iu;

/** An inner yes/no question (« si le Département… », "whether…"). */
const YES_NO = /^(?:si|s['’]ils?|whether|if)\b/iu;

/** The writer's own closing question about how to pass it on (« : je lui dis quoi ? », "— what do I say?"). */
const PASS_ON =
  /\s*(?:[.:;,?!—–-]\s*)+(?:(?:qu'est-ce que|qu’est-ce que|que)\s+(?:je\s+)?(?:(?:lui|leur)\s+)?(?:dis|dire|réponds|répondre|reponds|repondre)|(?:lequel|laquelle|lesquels|lesquelles|quel exemple|quels exemples|quel document|quel texte)\s+(?:citer|donner|indiquer|mentionner)|je\s+(?:lui|leur)\s+(?:dis|réponds|reponds)\s+quoi(?:,?\s+en\s+(?:deux|quelques)\s+mots)?|comment\s+(?:l'|l’|le\s+|lui\s+|leur\s+)?(?:expliquer|présenter|presenter|résumer|resumer|formuler)(?:\s+simplement)?|que\s+puis-je\s+(?:lui|leur)\s+(?:dire|répondre|repondre)|(?:tu\s+(?:peux|pourrais)|vous\s+(?:pouvez|pourriez)|peux-tu|pourrais-tu|pouvez-vous|pourriez-vous)\s+(?:me\s+|nous\s+)?(?:le\s+|la\s+|les\s+|l['’]\s*)?(?:résumer|resumer|expliquer|présenter|presenter)(?:\s+(?:simplement|brièvement|brievement|rapidement|en quelques mots|en deux mots))?|what\s+(?:do|should|can)\s+i\s+(?:say|tell\s+(?:him|her|them)|answer)|how\s+(?:do|should|can)\s+i\s+(?:explain|put)\s+it(?:\s+simply)?)\s*\??\s*$/iu;

/** A writer who first says what their job is (« Bonjour, je suis chargée de développement dans une interco. »). */
const JOB_INTRO =
  /^(?:(?:bonjour|bonsoir|hello|hi)[ ,!.]*)?(?:je suis|i am|i'm|i’m)\s+(?:un |une |l'|l’|le |la |an? |the )?(?:chargée?|agente?|élue?|elue?|technicienne?|responsable|directeur|directrice|conseill(?:er|ère|ere)|coordinat(?:eur|rice)|travailleu(?:r|se)|secrétaire|secretaire|animat(?:eur|rice)|développeu(?:r|se)|developpeu(?:r|se)|officer|adviser|advisor|manager|councillor|councilor|staff|member|project officer)(?!\p{L})[^.!?]{0,100}[.!]\s+(?=\S)/iu;

/** How to answer, not what (« Réponds-moi simplement : », « en deux mots, », "Briefly:"), before the question. */
const HOW_TO_ANSWER_BEFORE =
  /^(?:(?:bonjour|bonsoir|hello|hi)[ ,!.]*)?(?:(?:réponds|reponds|répondez|repondez|explique|expliquez|dis|dites|résume|resume|résumez|resumez)(?:[- ](?:moi|nous))?\s+(?:simplement|brièvement|brievement|vite|rapidement|clairement|en bref|en (?:deux|trois|quelques) mots|en une phrase|sans jargon)|en (?:deux|trois|quelques) mots|en bref|(?:answer|explain|tell me)\s+(?:briefly|simply|quickly|in (?:a few|two) words)|briefly|in short|in a few words)\s*(?:stp|svp|please|s'il (?:te|vous) pla[iî]t)?\s*[:,.!]\s+(?=\S)/iu;

/** The same after the question (« …c'est quoi le DLA ? réponds simplement », "… ? Keep it short please"). */
const HOW_TO_ANSWER_AFTER =
  /(?<=[?.!,;:])\s*(?:(?:réponds|reponds|répondez|repondez|explique|expliquez|dis|dites)(?:[- ](?:moi|nous))?\s+(?:simplement|brièvement|brievement|vite|rapidement|clairement|en bref|en (?:deux|trois|quelques) mots|en une phrase|sans jargon)|en (?:deux|trois|quelques) mots|(?:answer|explain)\s+(?:briefly|simply|in (?:a few|two) words)|en bref|en résumé|en resume|in a nutshell|in short|briefly|keep it short|short answer)\s*(?:stp|svp|please|s'il (?:te|vous) pla[iî]t|merci|thanks)?\s*[.!?]?\s*$/iu;

/** Words by which the writer speaks of themselves or their own structure. */
const OWN = /(?:^|[^\p{L}])(?:je|j['’]|nous|notre|nos|mon|ma|mes|on|moi|we|our|us|i|my|me)(?=$|[^\p{L}])/iu;

/** The inner question of a relayed or framed question, or the text itself when it is neither. */
export function unframe(text: string): string {
  let t = text;
  // (a question closed by « …, en quelques mots ? » keeps its question mark)
  const how = t
    .replace(HOW_TO_ANSWER_BEFORE, "")
    .replace(HOW_TO_ANSWER_AFTER, "")
    .replace(/\s*[,;:]\s*$/u, " ?");
  if (how !== t && how.split(/\s+/).length >= 3) t = upperFirst(how.trim());
  const after = t.replace(PURPOSE_AFTER, "").replace(REVIEWING_AFTER, "");
  if (after !== t && after.split(/\s+/).length >= 3) t = after;
  const purpose = t.replace(PURPOSE, "");
  if (purpose !== t && purpose.split(/\s+/).length >= 3) t = upperFirst(purpose);
  const trailing = t.replace(PURPOSE_TRAILING, " ");
  if (trailing !== t && trailing.split(/\s+/).length >= 4) t = trailing.replace(/\s+([?.!])\s*$/u, " $1").trim();
  const purposeColon = t.replace(PURPOSE_COLON, "");
  if (purposeColon !== t && purposeColon.split(/\s+/).length >= 3) t = upperFirst(purposeColon);
  t = withoutTask(t);
  t = withoutPersona(t);
  const intro = t.replace(JOB_INTRO, "");
  if (intro !== t && intro.includes("?") && intro.split(/\s+/).length >= 4 && !OWN.test(intro)) t = upperFirst(intro);
  const m = ASKER.exec(t);
  if (m) {
    let inner = t.slice(m[0].length);
    // A relayed yes/no question (« me demande si… ») is left whole: its frame's words (« un porteur », « une SCIC ») say
    // whose case it is, which the inner clause alone (« il peut… ») no longer does.
    if (INNER_START.test(inner) && !YES_NO.test(inner)) {
      // « ce qui change » asks « qu'est-ce qui change ? »
      inner = asDirect(inner);
      const passOn = inner.replace(PASS_ON, " ?");
      inner = passOn.trim().replace(/[.]\s*$/u, " ?");
      if (inner.split(/\s+/).length >= 3) t = upperFirst(inner);
    }
  } else if (t !== text || PASS_ON.test(t)) {
    const passOn = t.replace(PASS_ON, " ?");
    if (passOn.split(/\s+/).length >= 4) t = passOn;
  }
  return t;
}

/**
 * The question without the persona that opens it (« Journaliste radio, je cherche l'origine de… » → « L'origine de… »): only
 * when what follows is a question of its own (opened by « je me demande », « je cherche »…, or by an interrogative word).
 * A place the persona names stays, at the end, for a question about « our » commune.
 */
function withoutPersona(text: string): string {
  const m = PERSONA.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  const opened = rest.replace(ASK_OPENER, "");
  if (opened === rest && !INNER_START.test(rest) && !PREPOSITION_ASKS.test(rest)) return text;
  if (opened.split(/\s+/).length < 3) return text;
  const place = PERSONA_PLACE.exec(m[1] ?? "")?.[1];
  let inner = opened.trim();
  // (« je me demande à partir de quel montant… . » asks it)
  if (!/[?]\s*$/.test(inner)) inner = `${inner.replace(/[.!]\s*$/u, "")} ?`;
  if (place && !inner.includes(place)) inner = inner.replace(/\s*\?\s*$/u, ` (${place}) ?`);
  return upperFirst(inner);
}

/**
 * The question without the writer's task that opens it (« Je dois résumer la genèse du schéma pour un nouvel élu : quelles
 * étapes depuis 2015 ? » → « La genèse du schéma : quelles étapes depuis 2015 ? »): only when what follows the colon asks
 * something of its own (an interrogative word, or a question mark). The task's subject stays unless it is only the
 * document or meeting the answer is for.
 */
function withoutTask(text: string): string {
  const m = TASK.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trim();
  if (!INNER_START.test(rest) && !PREPOSITION_ASKS.test(rest) && !/\?\s*$/u.test(rest)) return text;
  if (rest.split(/\s+/).length < 3) return text;
  const subject = (m[1] ?? "").replace(TASK_FOR, "").trim();
  return subject && !DOCUMENT_ONLY.test(subject) ? `${upperFirst(subject)} : ${rest}` : upperFirst(rest);
}

/**
 * An indirect question asked directly: « ce qu'est le SPASER » → « qu'est-ce que le SPASER », « ce qu'est devenu le
 * projet » → « qu'est devenu le projet », « ce qui change » → « qu'est-ce qui change ».
 */
function asDirect(inner: string): string {
  const m = WHAT_IS_INDIRECT.exec(inner);
  if (m) {
    const rest = inner.slice(m[0].length);
    // a past participle makes « est » an auxiliary (« ce qu'est devenu… » asks « qu'est devenu… »)
    return /^devenue?s?(?!\p{L})/iu.test(rest) ? inner.replace(/^ce\s+/iu, "") : `qu'est-ce que ${rest}`;
  }
  return inner.replace(/^ce (qui|que|qu['’])/iu, "qu'est-ce $1");
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
