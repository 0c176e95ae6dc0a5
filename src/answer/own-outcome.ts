/**
 * A reading of one family of unpublished facts by its meaning rather than by listed wordings: the outcome of the
 * person's OWN request — the decision a funder, an incubator, an administration has taken or will take on it
 * (« la DDETS va-t-elle nous accorder l'agrément ? », « mon prêt, c'est validé ? », "has the committee approved our guarantee?"),
 * a contract or tender the person bid for (« allons-nous remporter le marché ? », "did we win the tender?"), the answer
 * awaited on their file (« quand aurons-nous la décision ? ») or the award a body will give them (« nous versera-t-elle l'aide ? »).
 * The public sources say who decides what and by which rules, never what was or will be decided for one file.
 *
 * The reading is structural: in the clause that asks (the last clause of a question), a decision predicate in an
 * outcome form (future, perfect, a state), about the person's own case (a first-person marker in that clause, or a
 * pronoun standing for what the person described earlier in the message). A rule (« si notre dossier est retenu… »),
 * a how or a which (« qui va financer notre projet ? ») ask what the sources do say, and are left to the answer.
 */
import { foldUncached } from "../core/text.js";

/** Decision predicates, French and English, as folded stems (a word that begins with one of them). */
const DECISION =
  "(?:accept|accord|cofinanc|co financ|valid|garanti|guarante|retenu|reten|retien|selection|select|refus|rejet|approuv|approv|agree|agre[ea]|reject|grant|financ|fund|subventionn|obten|obtiendr|remport|decroch|gagn|win(?:s|ning)?\\b|won\\b|dire oui|diront oui|dira oui|dit oui|disent oui|say yes|said yes|feu vert|green light|entrer (?:a|au|dans) (?:notre|mon|leur|son) capital|prendre (?:une |des )?parts? (?:a|au|dans) (?:notre|mon) capital)";

/** A French decision predicate as a past participle (« a accepté », « a été retenue »), not the English article « a grant ». */
const PARTICIPLE =
  "(?:acceptee?s?|garantie?s?|accordee?s?|validee?s?|retenue?s?|selectionnee?s?|refusee?s?|rejetee?s?|approuvee?s?|agreee?s?|financee?s?|subventionnee?s?|obtenue?s?|renouvelee?s?|reconduite?s?|prolongee?s?|remportee?s?|decrochee?s?|gagnee?s?|dit oui|traitee?s?|instruite?s?|examinee?s?|affectee?s? a|attribuee?s? a)\\b";

/** A decision predicate in the future: « va(-t-il) (me l') accorder », « acceptera », « sera retenu », "will … select". */
const FUTURE = new RegExp(
  String.raw`(?:\b(?:va|vont|vais|allons|allez)(?:(?: t)? (?:il|elle|on|ils|elles|je|nous))?(?: (?:me|m|nous|te|vous|l|le|la|les|lui|leur|y|en))*(?: (?:etre|bien|vraiment|finalement))* ${DECISION}` +
    String.raw`|\b${DECISION}\w*(?:era|eront|erons|erai|eras|erez|iendra|iendront|iendrons|iendrai|ira|iront|irons)\b` +
    String.raw`|\b(?:sera|seront|serons|serai|serez|serait|seraient|serions)(?: t (?:il|elle|on|ils|elles))?(?: (?:bien|vraiment|finalement|pris|prise))* ${DECISION}` +
    String.raw`|\b(?:will|going to|gonna)(?: \w+){0,3} (?:be )?${DECISION}` +
    // (a possessive lets the request be named at length: "will my Pass Occitanie application be approved?")
    String.raw`|\b(?:will|would) (?:our|my)(?: \w+){1,6}? be ${DECISION}` +
    // the person's project chosen for a programme (« vont-ils choisir notre projet ? », "will they pick my project?"), not
    // the person's own choice (« je vais choisir mon statut »)
    String.raw`|\b(?:va|vont)(?: t)?(?: (?:il|elle|ils|elles))? (?:(?:nous|me|m) choisir|choisir (?:notre|mon|ma|nos|mes))\b|\b(?:nous|me) choisiront\b|\bchoisir(?:a|ont) t (?:il|elle|ils|elles) (?:notre|mon|ma|nos|mes)\b` +
    String.raw`|\b(?:will|gonna|going to)(?: \w+){0,3} (?:pick|choose|shortlist|take on) (?:me|us|my|our)\b` +
    // the person taken on ("will they take me?", "are they going to take us on?"), not a time it takes ("will it take me long?")
    String.raw`|\b(?:will|gonna|going to)(?: \w+){0,3} take (?:me|us)\b(?! (?:long|to|through|a|an|\d+|about|around|over|more|less)\b)` +
    // a renewal said of the person's file, passive only: « notre aide sera-t-elle reconduite ? » (« on va renouveler
    // notre agrément » is the person's own act)
    String.raw`|\b(?:sera|seront|serons|serai|serez)(?: t (?:il|elle|on|ils|elles))?(?: (?:bien|vraiment|finalement))* (?:renouvele|reconduit|prolonge)\w*` +
    String.raw`|\b(?:will|going to|gonna)(?: \w+){0,3} be (?:renewed|extended)\b` +
    String.raw`|\b(?:va|vont|vais|allons|sera|seront|serai|serons)(?:(?: t)? (?:il|elle|on|ils|elles|je|nous))? (?:etre )?pris(?:e|es)?\b(?! en charge)` +
    // the person moved on to the next stage of a programme (« on va passer en incubation ? », « je vais être admise ? »)
    String.raw`|\b(?:va|vont|vais|allons|allez)(?:(?: t)? (?:il|elle|on|ils|elles|je|nous))?(?: (?:bien|vraiment|finalement|pouvoir))* (?:passer (?:en|a l|au|a la) (?:incubation|acceleration|phase|etape|stade|programme)|etre admise?s?|integrer (?:le|la|l) (?:incubat|programme|parcours|promotion|promo|cohorte))` +
    // the person taken on (« ils vont me prendre ? », « elle nous prendra ? »), not a share or a time taken (« ils vont me prendre combien ? », « ça va nous prendre du temps ? »)
    String.raw`|\b(?:(?:va|vont)(?: t)?(?: (?:il|elle|on|ils|elles))? (?:me|nous) prendre|(?:me|nous) prendr(?:a|ont))(?= ?$| (?:si|en|au|a|chez|dans|avec|cette|ce|ou|alors|quand|apres|vraiment|bien)\b)(?! en charge))`,
);

/**
 * The handling of the person's file, in English (« has our request been processed? », "was my file assigned to an
 * adviser?"): where it stands is the examining body's, never published. Which of two bodies handles files (« handled by
 * the DDETS or by the Department? ») is a rule.
 */
const HANDLED = "(?:processed|reviewed|examined|handled|assigned|allocated|looked at|picked up)\\b(?! by (?:\\w+ ){1,3}or\\b)";

/** A decision already taken, or the state of the request: « a-t-elle accepté », « il est validé ? », "has it been approved". */
const TAKEN = new RegExp(
  String.raw`(?:\b(?:a|ont|avez|as|m a|nous a|m ont|nous ont|l a|l ont)(?:(?: t)? (?:il|elle|ils|elles|on))?(?: (?:deja|bien|pas|finalement|enfin|vraiment))*(?: ete)? ${PARTICIPLE}` +
    String.raw`|\b(?:did|has|have|had)\b(?: \w+){0,4} (?:been )?(?:${DECISION}|${HANDLED})` +
    // (a possessive lets the request be named at length: "was our France Active guarantee application approved?")
    String.raw`|\b(?:was|were|is|are)\b(?: \w+){1,3} (?:accepted|approved|selected|rejected|granted|funded|renewed|extended|refused|declined|turned down|${HANDLED})\b(?! by (?:\w+ ){1,3}or\b)` +
    String.raw`|\b(?:was|were|is|are) (?:our|my)(?: \w+){1,10}? (?:accepted|approved|selected|rejected|granted|funded|renewed|extended|refused|declined|turned down|${HANDLED})\b(?! by (?:\w+ ){1,3}or\b)` +
    // the decision or the answer on the request, taken or come (« la décision est prise ? », « la réponse est arrivée ? »,
    // "has the decision been made?"); who takes it (« prise par qui ? ») asks a rule
    String.raw`|\b(?:decision|reponse|verdict|answer)s?\b(?: \w+){0,3} (?:est|a ete|sont|ont ete|is|are|was|were|has been|have been|been)(?: (?:deja|bien|enfin|finalement|already|finally))* (?:prise?s?|tombee?s?|arrivee?s?|rendue?s?|connue?s?|made|taken|out|in|given|reached|back)\b` +
    String.raw`|\b(?:is|are|has|have|was) the (?:decision|answer|verdict)s? (?:been )?(?:already )?(?:made|taken|out|in|given|reached|back)\b` +
    String.raw`|\b(?:est|sont|sommes|suis|is|are|was|were|am)(?: t? ?(?:il|elle|on))?(?: (?:deja|bien|finalement|already))* (?:accepte|valide|retenu|selectionne|refuse|rejete|approuve|accorde|agree|finance|subventionne|renouvele|reconduit|prolonge|pris|accepted|approved|selected|rejected|granted|funded|turned down|${HANDLED})\w*(?! en charge))`,
);

/**
 * The sum a body will give the person, asked with « combien » (« combien la Région va me donner ? », « cb ils vont nous
 * verser cette année ? », "how much will the city give us?", "how much are we going to get?"): the amount of the
 * person's own award, which only the deciding body sets. A ceiling or a rule (« combien peut-on toucher au maximum ? »,
 * « combien la Région donne-t-elle en général ? ») asks what the sources may publish, and is left to the answer.
 */
// (a negation describes the person's situation: « aucune banque ne me prêtera les 5 000 € »)
const GIVE_TO_ME = String.raw`(?:(?<!\b(?:ne|n) )(?:va|vont|allez)(?: t)?(?: (?:il|elle|on|ils|elles))? (?:me|m|nous) (?:donner|verser|accorder|attribuer|allouer|preter|avancer|financer|octroyer)|(?<!\b(?:ne|n) )(?:me|m|nous) (?:donner|verser|accorder|attribuer|allouer|preter|avancer|octroier)(?:a|ont|ait|aient)(?: t (?:il|elle|on|ils|elles))?)\b`;
const I_WILL_GET = String.raw`(?:(?:je|j|on|nous) (?:vais|va|allons) (?:toucher|recevoir|obtenir|avoir|percevoir)|(?:toucherai|toucherons|recevrai|recevrons|obtiendrai|obtiendrons|aurai|aurons|percevrai|percevrons)(?: t)?(?: (?:je|on|nous))?|(?:va|vont) t (?:on|je) (?:toucher|recevoir|obtenir|avoir|percevoir))\b`;
const OWN_AMOUNT = new RegExp(
  String.raw`\b(?:combien|cb|quel montant|quelle somme|quel taux|quel pourcentage|quel(?:le)? (?:est|sera) (?:le|la) (?:montant|somme|taux|pourcentage))\b(?: \w+){0,6}? (?:${GIVE_TO_ME}|${I_WILL_GET})` +
    String.raw`|\bhow much\b(?: money| funding| cash)?(?: (?:will|would|is|are|s))?(?: \w+){0,3}? (?:going to |gonna )?(?:give|grant|award|lend|loan|pay|allocate) (?:us|me)\b` +
    String.raw`|\bhow much\b(?: money| funding| cash)? (?:will|would|are|am|do|can)? ?(?:we|i) (?:be )?(?:going to |gonna )?(?:get|receive|obtain|be given|be granted|be awarded)\b(?! (?:at most|maximum|max)\b)` +
    // the verb first, the sum or the count of one's own award after it (« on aura combien du contrat de ville ? », « pour
    // notre chantier, on aura combien de postes ? », « ils vont nous verser cb ? »); a length of time is no award
    String.raw`|(?:${GIVE_TO_ME}|${I_WILL_GET}|\b(?:on|nous|je|j) (?:aura|aurons|aurai|touchera|toucherons|toucherai|recevra|recevrons|recevrai|obtiendra|obtiendrons|obtiendrai|percevra|percevrons|percevrai)\b)(?: \w+){0,2}? (?:combien|cb)\b(?! de (?:temps|jours|mois|semaines|annees|ans)\b)`,
);
/** A ceiling or a usual amount: a rule the sources may publish (« au maximum », « en général », "at most"). */
const CEILING =
  /\b(?:max|maximum|maximal|au plus|jusqu a|plafond|en general|en moyenne|d habitude|habituellement|generalement|normalement|at most|up to|maximum|usually|on average|typically|in general)\b/;
/** A possibility (« combien peut-on toucher ? », "how much can a co-op get?"): a rule too, unless one's own case is named. */
const POSSIBILITY = /\b(?:peut|peuvent|pourra|pourrait|pourraient|pourrons|pourrions|peux|pouvons|can|could|may|might)\b/;

/**
 * One's own case named as what the sum or the answer depends on (« vu ma situation », « dans mon cas », « compte tenu de
 * mon profil », "given my situation", "in my case"): the amount asked is then the person's own award, even asked as a
 * possibility (« combien peuvent-ils me prêter, vu ma situation ? ») or in the present (« ils me prêtent combien dans
 * mon cas ? »). A ceiling stays a rule (« dans mon cas, c'est combien au maximum ? »).
 */
const OWN_CASE =
  /\b(?:(?:vu|etant donne|compte tenu de|avec|selon|given|considering|with)(?: \w+)?? (?:ma|mon|mes|notre|nos|my|our) (?:situation|cas|profil|parcours|statut|revenus?|dossier|circumstances|situation|profile|record|income|background)|(?:dans|pour) (?:mon|notre) cas|in (?:my|our)(?: \w+)? case)\b/;
/**
 * A sum of one's own award asked in any tense, for a message naming one's own case: a body giving, lending or granting
 * it to the person (« me prêtent », « nous accorderait »), or the person receiving, getting or borrowing it (« je peux
 * toucher », « on pourrait emprunter », "could I borrow").
 */
const ANY_AWARD = String.raw`(?:\b(?:me|m|nous) (?:\w+ )?(?:donn|vers|accord|attribu|allou|pret|avanc|octroi|financ)\w*|\b(?:je|j|on|nous)(?: \w+)? (?:touch|recev|recoi|obten|obtien|percev|percoi|emprunt)\w*|\b(?:give|grant|award|lend|loan|pay|allocate)\w* (?:me|us)\b|\b(?:i|we)(?: \w+)? (?:get|receive|obtain|borrow)\b)`;
const OWN_CASE_AMOUNT = new RegExp(
  String.raw`\b(?:combien|cb|quel montant|quelle somme|how much)\b(?! de (?:temps|jours|mois|semaines|annees|ans)\b)(?: \w+){0,6}? ${ANY_AWARD}|${ANY_AWARD}(?: \w+){0,2}? (?:combien|cb)\b(?! de (?:temps|jours|mois|semaines|annees|ans)\b)`,
);

/** A polite request that frames the question (« vous pouvez me dire… », "could you check…"). */
const POLITE =
  /\b(?:tu peux|vous pouvez|vous pourriez|tu pourrais|pouvez vous|pourriez vous|peux tu|pourrais tu|can you|could you|can u)(?: (?:me|nous|m|please|s il vous plait|stp|svp))? (?:dire|indiquer|preciser|confirmer|verifier|tell|say|check|confirm|let me know)\b/g;

/**
 * Where the person's own request stands, asked in so many words (« où en est notre dossier ? », "can you check where
 * our application stands?", "what is the status of my file?"): its state is the examining body's, never published.
 */
const OWN_STATUS = new RegExp(
  String.raw`\bwhere (?:our|my) (?:\w+ )?(?:application|file|request|claim|case|submission|dossier)s? (?:stands?|is at|is|are)\b` +
    String.raw`|\b(?:status|progress) of (?:our|my) (?:\w+ )?(?:application|file|request|claim|case|submission|dossier)s?\b` +
    String.raw`|\bou en (?:est|sont) (?:notre|mon|ma|nos|mes) (?:\w+ )?(?:dossiers?|demandes?|candidatures?|requetes?)\b` +
    String.raw`|\b(?:notre|mon|ma) (?:dossier|demande|candidature)\b(?: \w+){0,3} (?:il |elle )?en (?:est|sont) ou\b`,
);

/**
 * When the person will have the result of their own request (« quand aura-t-on notre diagnostic ? », « quand est-ce
 * que notre agrément sera prêt ? », "when will we get our diagnosis?", "when do I hear back about my file?"): the date of
 * one file's result is the body's, which handles it; when a step comes in a procedure (« quand a lieu le diagnostic ? »)
 * names no file of one's own and is left to the answer.
 */
const OWN_WHEN = new RegExp(
  String.raw`\b(?:quand|qd)\b(?: \w+){0,4}? (?:aura|aurons|aurai|recevra|recevrons|recevrai|obtiendra|obtiendrons|obtiendrai|touchera|toucherons|toucherai|(?:va|vont|allons|vais)(?: t)?(?: (?:on|nous|je|il|elle|ils|elles))? (?:avoir|recevoir|obtenir|toucher))(?: t)?(?: (?:on|nous|je|il|elle|ils|elles))? (?:notre|nos|mon|ma|mes) \w+` +
    String.raw`|\b(?:quand|qd)\b(?: \w+){0,4}? (?:notre|nos|mon|ma|mes) \w+(?: \w+)?? (?:sera|seront|va etre|vont etre)(?: t (?:il|elle|ils|elles))? (?:pret|prete|prets|pretes|fait|faite|faits|rendu|rendue|rendus|termine|terminee|termines|envoye|envoyee|disponible|disponibles|verse|versee|signe|signee|valide|validee)\b` +
    String.raw`|\b(?:when|how soon)\b(?: \w+){0,2}? (?:will|would|do|does|can|shall) (?:we|i) (?:get|receive|have|hear about|hear back about|obtain) (?:our|my) \w+` +
    String.raw`|\b(?:when|how soon)\b(?: \w+){0,2}? (?:will|would) (?:our|my)(?: \w+){1,3}? be (?:ready|done|finished|sent|delivered|paid|signed|issued|available)\b`,
);

/** Money or an approval to be had, as the object of a future « avoir » (« aura-t-elle des crédits ? », "will we get the grant?"). */
const AWARD =
  "(?:credits?|subventions?|financements?|aides?|prets?|agrement|argent|fonds|enveloppes?|dotations?|bourses?|labels?|esus|grants?|loans?|funding|money|subsid(?:y|ies)|approval|accreditation|reponses?|decisions?|verdict|answers?|marches?|contrats?|contracts?|tenders?)\\b";
/**
 * A sum of money named as the award (« 8 000 € », « 15 000 euros », "15k", "€5,000", "12,000"): « ils vont me prêter
 * 8 000 € ? », "will the Region give me 15k?" ask the outcome of the person's own request as surely as « la subvention ».
 */
const SUM = String.raw`(?:[$€£] ?\d[\d.,]*(?: ?[km]\b)?|\d+(?:[.,]\d+)?(?: ?(?:k€|ke\b|keur\b|k\b|m€|€|euros?\b|eur\b|balles\b|dollars?\b|bucks\b)| \d{3}\b(?: ?(?:€|euros?\b|eur\b))?)|\d{3,}\b)`;
/** A future « have » of such an award: the outcome of the file, worded as what the person will get. */
const FUTURE_AWARD = new RegExp(
  String.raw`\b(?:aura|auront|aurons|aurai|auras|aurez|touchera|toucheront|toucherons|toucherai|recevra|recevront|recevrons|recevrai|percevra|percevront|percevrons|obtiendra|obtiendront|obtiendrons|obtiendrai|donnera|donneront|versera|verseront|attribuera|attribueront)(?: t)?(?: (?:il|elle|on|ils|elles|nous|vous|je))?(?: (?:bien|vraiment|finalement|enfin))* (?:(?:des|du|de la|de l|la|le|les|l|une?|notre|nos|mon|ma|mes|son|sa|ses|leur|leurs|cette|ce) )?${AWARD}` +
    String.raw`|\b(?:va|vont)(?: t)?(?: (?:il|elle|on|ils|elles))?(?: (?:nous|me|m|lui|leur))? (?:donner|verser|attribuer) (?:(?:des|du|de la|de l|la|le|les|l|une?|notre|nos|mon|ma|mes|son|sa|ses|leur|leurs|cette|ce) )?${AWARD}` +
    // a sum given, lent or received by the person, in the future or the conditional (« l'Adie va me prêter 8 000 € ? »,
    // « la Région nous verserait 10 000 euros ? », « je vais toucher 3 000 € ? »), not an amount of costs (« on aura 500 € de frais »)
    String.raw`|(?:${GIVE_TO_ME}|(?:(?:je|j|on|nous) (?:vais|va|allons) (?:toucher|recevoir|obtenir|percevoir)|(?:toucherai|toucherons|recevrai|recevrons|obtiendrai|obtiendrons|percevrai|percevrons)(?: t)?(?: (?:je|on|nous))?)\b)(?: (?:bien|vraiment|finalement|enfin|les|ces|mes|nos))? ${SUM}` +
    String.raw`|\b(?:will|gonna|going to)(?: \w+){0,3} (?:get|receive|obtain|be given|be awarded) (?:(?:the|a|an|our|my|their|its|any|some|that) )?(?:\w+ )?${AWARD}` +
    String.raw`|\b(?:will|would|gonna|going to)(?: \w+){0,3} (?:get|receive|obtain|borrow|be given|be awarded|be lent) (?:(?:the|those|these) )?${SUM}` +
    // a body giving or lending the award to the person, unless no one will (« no bank will give me a loan » describes the situation)
    String.raw`|(?<!\b(?:no|nobody|no one)(?: \w+)? )\b(?:will|gonna|going to)(?: \w+){0,3} (?:give|grant|award|lend|loan) (?:us|me) (?:(?:the|a|an|our|my|their|its|any|some|that) )?(?:\w+ )?${AWARD}` +
    String.raw`|(?<!\b(?:no|nobody|no one)(?: \w+)? )\b(?:will|would|gonna|going to)(?: \w+){0,3} (?:give|grant|award|lend|loan|pay|allocate) (?:us|me) (?:(?:the|those|these) )?${SUM}`,
);
/**
 * Lending to the person, to come (« ils vont me prêter, vu ma situation ? », « l'Adie nous prêtera ? », "will the Adie
 * lend to me?"): the loan decision on the person's own request. A who or a how (« qui va me prêter ? ») asks a rule.
 */
const FUTURE_LEND = new RegExp(
  String.raw`(?<!\b(?:ne|n) )\b(?:(?:va|vont)(?: t (?:il|elle|on|ils|elles))? (?:me|m|nous) (?:preter|avancer)|(?:me|m|nous) (?:preter|avancer)(?:a|ont)(?: t (?:il|elle|on|ils|elles))?)\b(?! (?:des|du|de la|les|un|une) (?:locaux|local|salle|salles|materiel|camion|vehicule|bureau|bureaux)\b)` +
    String.raw`|(?<!\b(?:no|nobody|no one)(?: \w+)? )\b(?:will|gonna|going to)(?: \w+){0,3} (?:lend|loan) (?:to )?(?:me|us)\b`,
);
/** A refusal, whose reason (« pourquoi ? ») is asked about one file: the organism's, never published. */
const REFUSAL =
  /\b(?:refus\w*|rejet\w*|reject\w*|turned down|declined|pas (?:ete )?(?:retenue?s?|selectionnee?s?|acceptee?s?)|not (?:been )?(?:selected|accepted|approved))\b/;
const WHY = /\b(?:pourquoi|why)\b/g;

/**
 * Another structure's own file, named as its own (« a-t-elle obtenu son agrément ? », "did it get its grant?"): its
 * status is that structure's and the examining body's, never published. A public body's acts (« le Département a-t-il
 * financé des communs ? ») are no file of its own, and what it did is public.
 */
const OTHERS_AWARD = new RegExp(
  String.raw`\b(?:a|ont)(?: t (?:il|elle|ils|elles))?(?: (?:deja|bien|finalement|enfin|pas))* (?:obtenu|eu|recu|decroche|touche|percu) (?:son|sa|ses|leur|leurs) (?:\w+ )?(?:${AWARD}|dossiers?\b|demandes?\b|candidatures?\b|places?\b)` +
    String.raw`|\b(?:did|has|have)\b(?: \w+){0,4} (?:get|got|gotten|obtain|obtained|receive|received|win|won) (?:its|their|his|her) (?:\w+ )?${AWARD}` +
    String.raw`|\b(?:son|sa|leur) (?:dossier|demande|candidature|projet|pret|agrement|subvention)\b(?: \w+){0,3} (?:a|ont)(?: t (?:il|elle|ils|elles))?(?: (?:deja|bien|finalement|enfin|pas))*(?: ete)? ${PARTICIPLE}`,
);
/**
 * The sum another person or structure will get, named by a pronoun (« et il touchera combien ? » after an agent described a
 * carrier's case, « combien recevra-t-elle ? », "how much will she get?"): that one file's award, which only the deciding
 * body sets. A length of time (« il touchera pendant combien de temps ? ») and a ceiling (« au maximum ») ask a rule.
 */
const NOT_TIME = String.raw`(?! de (?:temps|jours|mois|semaines|annees|ans)\b)`;
const THIRD_GETS =
  "(?:touchera|toucheront|toucherait|toucheraient|recevra|recevront|recevrait|recevraient|obtiendra|obtiendront|obtiendrait|obtiendraient|percevra|percevront|percevrait|percevraient)";
const OTHERS_SUM = new RegExp(
  String.raw`\b(?:il|elle|ils|elles) (?:${THIRD_GETS}|(?:va|vont) (?:toucher|recevoir|obtenir|percevoir))(?: \w+){0,2}? (?:combien|cb)\b${NOT_TIME}` +
    String.raw`|\b(?:combien|cb|quel montant|quelle somme)\b${NOT_TIME}(?: \w+){0,4}? (?:(?:il|elle|ils|elles) (?:${THIRD_GETS}|(?:va|vont) (?:toucher|recevoir|obtenir|percevoir))|${THIRD_GETS} t (?:il|elle|ils|elles)|(?:va|vont) t (?:il|elle|ils|elles) (?:toucher|recevoir|obtenir|percevoir))\b` +
    String.raw`|\bhow much (?:money |funding )?(?:will|would|is|are) (?:he|she|they) (?:going to |gonna )?(?:get|receive|be given|be paid|be granted|be awarded)\b`,
);

/**
 * A named structure's project or file, asked whether it will be or was selected (« le projet de l'association X à
 * Vauvert sera-t-il retenu ? », « la candidature de la ressourcerie a-t-elle été acceptée ? », "will the Repair Café's
 * application be approved?"): that one file's decision is the deciding body's, never published. A kind of file (« le
 * dossier de candidature », « le projet d'une association ») or projects in general (« les projets seront retenus
 * comment ? ») name no one's file, and ask a rule.
 */
const NAMED_FILE = String.raw`(?:le|la) (?:projet|dossier|candidature|demande) (?:de|d|du)(?! (?:un|une|des|candidature|subvention|financement|demande|pret|agrement|territoire|loi|schema|budget|dossier|ville|quartier|commun|communs)\b)(?: \w+){1,9}?`;
const OTHERS_FILE = new RegExp(
  `^(?:et |mais |alors |du coup )?${NAMED_FILE}(?: (?:il|elle))? (?:(?:sera|va|a|est)(?: t (?:il|elle))?(?: (?:bien|deja|finalement|enfin|vraiment|pas))*(?: etre| ete)? (?:${PARTICIPLE}|${DECISION}))` +
    String.raw`|^(?:et |and |but |so )?(?:will|would|was|has|is|did) (?:the )?(?:\w+ ){1,5}s (?:project|application|bid|file|proposal) (?:be |been |get |got )?(?:${DECISION}|picked|chosen|shortlisted)` +
    String.raw`|^(?:et |and |but |so )?(?:will|would|was|has|is|did) the (?:project|application|bid|file|proposal) (?:of|from|by) (?!(?:a|an|any|some)\b)(?:\w+ ){1,6}?(?:be |been |get |got )?(?:${DECISION}|picked|chosen|shortlisted)`,
);

const PUBLIC_BODY = /\b(?:departement|region|etat|prefecture|ddets|ministere|gouvernement|department|state|government)\b/;

/** The person's own case: a first-person marker (subject, object or possessive). */
const OWN = /(?:\b(?:je|j|me|m|moi|nous|on|mon|ma|mes|notre|nos)\b|\b(?:i|we|us|our|my)\b)/;
/**
 * A pronoun for something the message named before (« on a postulé en juin. Ils ont accepté ? »), or the decision on
 * it, named with a definite article (« on a demandé une garantie, la décision est prise ? »).
 */
const ANAPHOR = /\b(?:il|elle|ils|elles|c|ca|it|they)\b|\b(?:la|le|leur|the|their) (?:decision|reponse|verdict|answer)\b/;
/** What the sources answer: a rule, a how, a who or which, a sum (« si notre commun est retenu… », « qui va financer… »). */
const ASKS_PUBLISHED =
  /(?:de plein droit|d office|automatiquement|\bautomatically\b|\bby (?:law|right)\b|\bou (?:il |elle )?(?:faut|doit)\b|\bor (?:do|must|should)\b|faire une demande|\bif\b|\bonce\b|une fois|\bcomment\b|\bhow\b|pour que|afin que|so that|criteres?|criteria|conditions?|\bqui\b|\bwho\b|\bwhich\b|\bquel(?:le)?s?\b|\blesquel|\bcombien\b|\bwhat\b|qu est ce que|\bquoi\b|\bpourquoi\b|\bwhy\b|\bavantages?\b|benefits?)/;
/** « si » opens a condition, except after a verb of knowing or telling (« dites-moi si… », « savoir si… » ask the outcome). */
const CONDITION_SI = /\bsi\b/;
const INDIRECT_SI = /\b(?:dire|dites|dis|savoir|sais|savez|verifier|verifiez|confirmer|confirmez|demande|demander|tell me|know|check|wonder)(?: \w+){0,2} si\b/;
/**
 * A condition that is only the act of applying (« …si je postule en janvier », « …si on dépose notre dossier ») leaves
 * the outcome asked: it is no criterion the sources could answer (« …si on est trois ? »).
 */
const APPLYING_SI =
  /\bsi (?:je|j|on|nous|tu|vous)(?: \w+)?? (?:postul|candidat|depos|envoi|envoy|soumet|soumett|inscri|mont\w* (?:le|un|notre|mon|ce) dossier|fai\w* (?:la|une|notre|ma) demande)\w*/;
/**
 * The person themselves taken on by a body (« ils vont m'accepter », « elle nous prendra », "will they accept me", "will
 * they take us"): the person, not a file or an award, is what is decided on.
 */
const PERSON_TAKEN =
  /\b(?:(?:me|m|nous) (?:\w+ )?(?:accept|prend|prendr|reten|retien|selection|admet|admettr|choisi)\w*|(?:accept|take|select|admit|pick|choose)\w* (?:me|us)\b)/;
/**
 * A condition that only says who the person is (« …si je suis graphiste freelance », « …si on est une petite asso »,
 * "…if I'm a freelance designer"): whether a body will take that person on is still its own decision on them, not a
 * criterion the sources state. A number (« si on est trois ») or a comparison (« si on est plus de… ») states one.
 */
const SELF_DESCRIBED_SI =
  /\b(?:si (?:je suis|j etais|on est|on etait|nous sommes)|if (?:i m|i am|we re|we are))\b(?! (?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plus|moins|more|less|fewer|two|three|four|five)\b)(?: [\w]+){1,5}$/;

/** Someone else's request (« son dossier », « une asso me demande… ») is not the person's own case. */
const OTHERS =
  /\b(?:une asso|une association|une structure|une entreprise|une cooperative|une scop|une scic|une regie|un porteur|une porteuse|un adherent|une adherente|un client|une cliente|a client|an association|an organisation|an organization)\b|\b(?:me|nous) (?:demande|demandent|a demande|ont demande)\b/;

/** A message folded for the own-case readings: apostrophes, hyphens, quotes and brackets as spaces. */
export const ownCaseText = (raw: string) =>
  foldUncached(raw)
    .replace(/[’']/g, " ")
    .replace(/-/g, " ")
    .replace(/[«»"“”()]/g, " ")
    .replace(/[ \t]+/g, " ");

/** A verbless circumstance of the person's own (« vu ma situation », « pour mon camion », "in my case", "for our shop"). */
const OWN_CIRCUMSTANCE =
  /^(?:vu|etant donne|compte tenu d\w*|avec|selon|dans|pour|given|considering|in|for|with)(?: \w+){0,2}? (?:ma|mon|mes|notre|nos|my|our)(?: \w+){0,3}$/;

/**
 * The clauses that ask: the last clause of each question (a message without « ? » asks in its last clause), and
 * whether its sentence opens on a condition (« si la DDETS ne répond pas, c'est refusé ? » asks a rule; only a future,
 * « si on postule demain, on sera pris ? », is still a prediction for the person's own file).
 */
function askingClauses(folded: string): { clause: string; sentence: string; conditional: boolean }[] {
  const sentences = folded.split(/(?<=[?.!])/);
  const questions = sentences.filter((s) => s.includes("?"));
  const asked = questions.length > 0 ? questions : sentences.slice(-1);
  return asked.map((s) => {
    const clauses = s
      .replace(/[?.!]/g, " ")
      // (a comma between digits is a thousands separator: "€10,000")
      .split(/,(?!\d)|(?<!\d),|[;:—–]| - /)
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    // a trailing tag (« vous pensez ? », "do you think?") asks about the clause before it
    // (and so does a last clause of one or two words: « …le prochain comité, en juin ? », or a circumstance of one's
    // own that the question depends on: « …combien, vu ma situation ? », "…, given my situation?")
    const tail = clauses.at(-1) ?? "";
    const tag = /^(?:vous pensez|tu penses|d apres vous|selon vous|do you think|you think|vous savez|tu sais|you know|d apres toi)\b/.test(tail);
    const joined = clauses.length > 1 && (tag || tail.split(" ").length <= 2 || OWN_CIRCUMSTANCE.test(tail));
    const last = joined ? clauses.slice(-2).join(" ") : tail;
    const opening = clauses.length > 1 ? clauses[0]! : "";
    return { clause: last, sentence: s, conditional: (CONDITION_SI.test(opening) && !INDIRECT_SI.test(opening)) || /\bif\b/.test(opening) };
  });
}

/** Whether the message asks the outcome of the person's own request (taken or to come). */
export function asksOwnOutcome(raw: string): boolean {
  const folded = ownCaseText(raw);
  return askingClauses(folded).some(({ clause, conditional }) => {
    // the sum of one's own award, or where one's own file stands (a condition or a ceiling asks a rule)
    const condition0 = clause.replace(APPLYING_SI, " ");
    const unconditional = !conditional && !(CONDITION_SI.test(condition0) && !INDIRECT_SI.test(condition0)) && !/\bif\b/.test(clause);
    // (a polite request, « tu peux me dire combien… », "can you tell me how much…", is no possibility asked)
    const asked = clause.replace(POLITE, " ");
    // (one's own case named, « vu ma situation », makes a possibility or a present one's own sum; a ceiling stays a rule)
    const ownCase = OWN_CASE.test(clause);
    const ownSum = !CEILING.test(asked) && ((OWN_AMOUNT.test(asked) && (ownCase || !POSSIBILITY.test(asked))) || (ownCase && OWN_CASE_AMOUNT.test(asked)));
    if (unconditional && !OTHERS.test(clause) && (ownSum || OWN_STATUS.test(clause) || OWN_WHEN.test(clause))) return true;
    const taken = !conditional && TAKEN.test(clause);
    // (an award to come after a condition, « if we are selected, will we get the money at once? », asks a rule)
    if (!FUTURE.test(clause) && !taken && (conditional || !(FUTURE_AWARD.test(clause) || FUTURE_LEND.test(clause)))) return false;
    // (a body taking the person on « si je suis graphiste » decides on that person: the self-description is no rule asked)
    const described = PERSON_TAKEN.test(clause) ? clause.replace(SELF_DESCRIBED_SI, " ") : clause;
    // « pourquoi ? » after a refusal of one's file asks the reason of that decision, not a rule
    const why = taken && REFUSAL.test(described) ? described.replace(WHY, " ") : described;
    if (ASKS_PUBLISHED.test(why)) return false;
    const condition = described.replace(APPLYING_SI, " ");
    if (CONDITION_SI.test(condition) && !INDIRECT_SI.test(condition)) return false;
    if (OTHERS.test(clause)) return false;
    return OWN.test(clause) || (ANAPHOR.test(clause) && OWN.test(folded));
  });
}

/**
 * Whether the message asks the status of another structure's own file (« la recyclerie a-t-elle obtenu son
 * agrément ? », « son dossier a-t-il été retenu ? », "did the co-op get its grant?"): the file is theirs, and no public
 * source says what became of it.
 */
export function asksOthersOutcome(raw: string): boolean {
  const folded = ownCaseText(raw);
  return askingClauses(folded).some(
    ({ clause, sentence, conditional }) =>
      !conditional &&
      // (the file may open the sentence before a comma: « le projet de la régie, il sera retenu ? »)
      (((OTHERS_AWARD.test(clause) ||
        OTHERS_FILE.test(clause) ||
        OTHERS_FILE.test(
          sentence
            .replace(/[?.!,]/g, " ")
            .replace(/\s+/g, " ")
            .trim(),
        )) &&
        !PUBLIC_BODY.test(clause) &&
        !ASKS_PUBLISHED.test(clause) &&
        !OTHERS.test(clause)) ||
        (OTHERS_SUM.test(clause) && !CEILING.test(clause))),
  );
}

/** Something still to come: « la prochaine (session) », « le mois prochain », "the next one", "upcoming". */
const NEXT = /\b(?:prochaine?s?|next|upcoming)\b/;
/** A date asked: « quand », « quelle date », « quel jour », "when", "what date". */
const WHEN_ASKED = /\b(?:quand|qd|when|date|dates|quel jour|quels jours|what day|en quel mois|quel mois|which month|which day)\b/;
/** A next step, a next stage of a procedure (« quelle est la prochaine étape ? »): what to do, which the sources may say. */
const NEXT_STEP = /\b(?:prochaines? etapes?|next steps?|etape suivante)\b/;

/**
 * Whether the message asks the date of something still to come named as the next one (« le prochain comité, c'est
 * quel jour ? », « prochaine réunion c qd ? », "upcoming board meeting: what date?"): sessions, meetings,
 * deadlines and editions to come are announced when they are set, never in the public sources the assistant reads.
 */
export function asksNextDate(raw: string): boolean {
  const folded = ownCaseText(raw);
  // the thing to come may be named in the sentence before the clause that asks (« les prochaines Rencontres, c'est quand ? »)
  return askingClauses(folded).some(({ clause, sentence }) => NEXT.test(sentence) && WHEN_ASKED.test(clause) && !NEXT_STEP.test(sentence));
}

/**
 * A structure named by its kind and its own name (« l'association Terre d'Envol », « la SCIC L'Atelier Partagé »,
 * "the Oasis Solidaire association"), read in the message as written (the name's capitals tell it from the words
 * around it). A structure of the writer's own (« notre association Les Jardins ») is their own file (see asksOwnOutcome).
 */
const STRUCTURE_KIND =
  /(?<!\p{L})(?:associations?|assos?|assoc|scop|scic|coop[ée]ratives?|coop|recyclerie|ressourcerie|r[ée]gie(?: de quartier)?|structure|entreprise(?: d'insertion| solidaire| adaptée)?|collectif|[ée]picerie(?: solidaire)?|tiers[- ]lieux?|caf[ée](?: associatif| solidaire)?|fondation|mutuelle|(?:atelier )?chantier d'insertion|chantier|aci|siae|amap|cae|compagnie|ferme|garage solidaire|boutique solidaire|cr[èe]che|groupement|f[ée]d[ée]ration)(?!\p{L})/giu;
/** A proper name: an optional article, then capitalised words joined by small words (« Les Paniers du Gardon », « Terre d'Envol »). */
const NAME =
  /\s+[«"“]?\s*((?:(?:L'|La |Le |Les |The |Du )?)\p{Lu}[\p{L}\d'-]*(?:\s*(?:(?:de|du|des|d'|et|la|le|les|l'|à|en|sur|sous|&)\s*)*\p{Lu}[\p{L}\d'-]*)*)/uy;
const NAME_FIRST_EN =
  /(?<!\p{L})(?:the|The)\s+((?:\p{Lu}[\p{L}\d'-]*\s+){1,4})(?:association|co-?op|cooperative|charity|non-?profit|social enterprise|SCIC|SCOP|collective|third place)(?!\p{L})/gu;
/** A possessive of the writer's own before the kind (« notre association », "our co-op"). */
const OWN_BEFORE = /(?:\b(?:notre|nos|mon|ma|mes|our|my))\s+$/i;
/** Words of capitals that name a kind or a scheme, not a structure (« l'entreprise ESUS », « la SCIC SAS »). */
const NOT_A_NAME = /^(?:ESUS|ESS|SAS|SARL|SA|QPV|IAE|DLA|ACI|EI)$/;

/** The structures a message names by their kind and own name (not the writer's own), as written. */
export function namedStructures(raw: string): string[] {
  const text = raw.replace(/[’`]/g, "'");
  const names: string[] = [];
  for (const m of text.matchAll(STRUCTURE_KIND)) {
    if (OWN_BEFORE.test(text.slice(0, m.index))) continue;
    NAME.lastIndex = m.index + m[0].length;
    const n = NAME.exec(text);
    const name = n?.[1]?.trim().replace(/['-]+$/, "");
    if (name && !NOT_A_NAME.test(name) && /\p{Ll}/u.test(name)) names.push(name);
  }
  for (const m of text.matchAll(NAME_FIRST_EN)) if (!OWN_BEFORE.test(text.slice(0, m.index))) names.push(m[1]!.trim());
  return names;
}

/** What a structure got, decided for it or taken in it: the kinds of fact asked, as the knowledge names them. */
export const STRUCTURE_TOPICS: Record<string, RegExp> = {
  capital: /\b(?:capital|parts?|participation|participe\w*|associes?|societaires?|actionnaires?|shareholders?|stake|shares)\b/,
  agrement: /\b(?:agrement|agreee?s?|esus|label\w*|approval|accredit\w*)\b/,
  argent: /\b(?:subventions?|subventionne\w*|financ\w*|aides?|minimis|verse\w*|montant|euros?|grants?|fund\w*|subsid\w*|prets?|garanties?)\b/,
  accompagnement: /\b(?:accompagn\w*|dla|incub\w*|laureat\w*|retenue?s?|selectionne\w*)\b/,
};

/** A structure getting, having or being granted something (« a-t-elle reçu », « a l'agrément », « est-elle agréée »). */
const STRUCTURE_GOT = new RegExp(
  String.raw`\b(?:a|ont|avait|avaient)(?:(?: t)? (?:il|elle|ils|elles))?(?: (?:deja|bien|finalement|enfin|pas|jamais|vraiment|encore))* (?:recue?s?|obtenue?s?|touchee?s?|percue?s?|beneficie|eue?s?|decroche\w*|empoche\w*)\b` +
    String.raw`|\b(?:a|ont|possede|possedent|detient|detiennent)(?:(?: t)? (?:il|elle|ils|elles))?(?: (?:deja|bien|toujours|encore))* (?:l|le|la|les|un|une|des|son|sa|ses|leur|leurs) (?:\w+ )?(?:agrement|label|subvention|financement|aide|pret|garantie|conventionnement|convention)s?\b` +
    String.raw`|\b(?:est|sont|etait|etaient)(?:(?: t)? (?:il|elle|ils|elles))?(?: (?:deja|bien|toujours|encore|vraiment))* (?:agree|labellise|conventionne|finance|subventionne|soutenu|accompagne|aide|retenu|laureat|selectionne)\w*` +
    // a body's act for it: it paid, granted, voted, decided (« le Département a-t-il versé… à », « a-t-il décidé d'entrer au capital »)
    String.raw`|\b(?:a|ont)(?:(?: t)? (?:il|elle|ils|elles))?(?: (?:deja|bien|finalement|enfin|pas|vraiment))*(?: ete)? (?:verse|donne|attribue|octroye|alloue|accorde|paye|soutenu|aide|accompagne|investi|mis|injecte|apporte|vote|decide|finance|subventionne|valide|retenu|refuse|agree|labellise)\b` +
    // its capital: a body entering it, taking shares, taking part (« va-t-il prendre des parts dans », « participe-t-il à »)
    String.raw`|\b(?:entr\w*|rentr\w*|pren\w*|pris|investi\w*|devien\w*|devenu|devenir)\b(?: \w+){0,3} (?:capital|parts?|participation|associe|societaire|actionnaire)\b|\bparticip(?:e|ent|era|eront|ait|aient)(?:(?: t)? (?:il|elle|ils|elles))? (?:a|au|aux|dans)\b` +
    String.raw`|\b(?:did|has|have|had|was|were|is|are|will|would)\b(?: \w+){0,6} (?:give|given|gave|grant|granted|fund|funded|finance|financed|award|awarded|pay|paid|receive|received|get|got|obtain|obtained|support|supported|approve|approved|select|selected|accept|accepted|invest|invested|back|backed|subsidi[sz]ed?)\b`,
);
/** A rule or a possibility asked (« comment », « quelle démarche », « peut-elle », "how", "can"): what the sources may say. */
const RULE_ASKED =
  /\b(?:comment|how|demarches?|procedures?|regles?|cadre|conditions?|criteres?|peut|peuvent|pourra|pourrait|pourraient|pourrons|possible|possibles|eligibles?|envisageable|can|could|may|might|faut il|doit|doivent|should|must|une fois|once)\b/;
/** A third person standing for the structure in the asking clause (« elle a déjà touché combien ? »). */
const THIRD = /\b(?:il|elle|ils|elles|lui|leur|it|they|them|its|their)\b/;

/**
 * Whether the message asks what a named structure got, was granted or was decided for it (« l'association X a-t-elle
 * reçu une aide de minimis ? », « le Département a-t-il financé la recyclerie X ? », « la DDETS a-t-elle accordé
 * l'agrément à la coopérative X ? », "did the Département give a grant to the X association?"), for a structure the
 * knowledge does not describe on that point (`knows`: whether the knowledge names the structure with what is asked of
 * it). The file of one structure is that structure's and its funder's, never published. A rule (« comment la SCIC X
 * peut-elle demander… ? ») and a structure the sources describe (« la SCIC Gard et Autonomie ») are left to the answer.
 */
export function asksNamedStructureOutcome(raw: string, knows: (name: string, topics: readonly string[]) => boolean): boolean {
  const names = namedStructures(raw);
  if (names.length === 0) return false;
  const folded = ownCaseText(raw);
  return askingClauses(folded).some(({ clause, sentence, conditional }) => {
    if (conditional || !STRUCTURE_GOT.test(clause) || RULE_ASKED.test(sentence)) return false;
    const condition = clause.replace(APPLYING_SI, " ");
    if ((CONDITION_SI.test(condition) && !INDIRECT_SI.test(condition)) || /\bif\b/.test(clause)) return false;
    // the structure named in the clause that asks, or standing there as a pronoun
    const inClause = names.filter((n) => clause.includes(ownCaseText(n).trim()));
    const asked = inClause.length > 0 ? inClause : THIRD.test(clause) ? names : [];
    const topics = Object.entries(STRUCTURE_TOPICS)
      .filter(([, r]) => r.test(sentence))
      .map(([t]) => t);
    return asked.some((n) => !knows(n, topics));
  });
}
