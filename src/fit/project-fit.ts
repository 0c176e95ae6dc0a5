/**
 * The project-fit answer ("quelle action du schéma peut soutenir ce projet ?"):
 * when a message describes a project, its features are read, the options ranked
 * with their eligibility verdicts, and one cited reply is built — offline; a model,
 * when configured, may only rephrase the lead. Out-of-scope projects (no ESS
 * character, a request the schema cannot fund) are refused with the public route
 * that remains. Messages that describe no project return null: the ordinary
 * question answering takes them.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { DEFAULT_PROCESS, type Audience } from "../domain/ids.js";
import type { Action, Reply } from "../domain/reply.js";
import type { Facts } from "../eligibility/facts.js";
import { ANSWER_ACTIONS, REFUSAL_ACTIONS } from "../answer/actions.js";
import { QPV_DOC, withQpvLead } from "../answer/qpv-place.js";
import { cleanQuestion } from "../answer/answerer.js";
import { ADDRESSED, PLURAL, SINGULAR, askedPart, asksOutOfMission } from "../answer/asked-part.js";
import { asksToDraft } from "../answer/drafting.js";
import { asksOwnVerdict } from "../answer/own-verdict.js";
import { askedSlots } from "../answer/asked-slot.js";
import { FRENCH_SOURCES_NOTE } from "../answer/card-reply.js";
import type { Lang } from "../answer/refusal-text.js";
import { looksEnglish } from "../retrieval/analyzer.js";
import { type Guards, withAddress } from "../answer/guards.js";
import type { Retriever } from "../retrieval/retriever.js";
import type { Router } from "../routing/router.js";
import type { IndexedChunk } from "../retrieval/index-store.js";
import { composeFit } from "./compose.js";
import { describesProject, isGeneralQuestion, mightDescribeProject } from "./detect.js";
import { foldText, projectFeatures, withoutNegated, type ProjectFeatures } from "./features.js";
import { loadSchemaLinks, type SchemaLinks } from "./links.js";
import { rankAll, rankOptions, type RankedOption } from "./rank.js";
import { rephraseLead } from "./rephrase.js";
import {
  asksOthersFile,
  asksPersonalDataIn,
  asksSupportForEssCarrier,
  isEssCarrier,
  isGamblingActivity,
  isPrivateMatter,
  otherDepartementNamed,
  seeksPersonalReturn,
} from "./scope.js";
import { Citations, chunksByDoc } from "./sources.js";

export interface ProjectFitOptions {
  /** The configured knowledge folder (KNOWLEDGE_DIR): the links file is read from it. */
  knowledgeDir: string;
  retriever: Retriever;
  router: Router;
  guards?: Guards;
  llm?: BaseChatModel | null;
  llmTimeoutMs?: number;
  promptsDir?: string;
  logger?: { warn: (o: unknown, m?: string) => void };
}

export interface ProjectFitResult {
  reply: Reply;
  /** The eligibility facts the message states (kept by the conversation for the questionnaire). */
  facts: Partial<Facts>;
}

const REPORTED_NOTE =
  "Certaines sources citées sont secondaires (articles de presse, sites de partenaires) : les informations qui en viennent sont à vérifier.";

/**
 * A project with no ESS character whose request the schema cannot fund: at least two
 * expressions of the links file's need "hors-champ" (one word, "franchise", is not enough),
 * or one for a commercial company without ESS statutes or a sole trader. An ESS carrier
 * (an ESS legal form or statutes, a collective of inhabitants, a local authority: see
 * scope.ts) is never out of scope, whatever words its project uses (`folded`: the message).
 */
export function isOutOfScope(f: ProjectFeatures, folded?: string): boolean {
  const offTopic = f.needs.find((n) => n.need.id === "hors-champ")?.expressions ?? 0;
  // Gambling (« une salle de poker et de paris sportifs ») is no ESS activity, whatever the carrier's legal form.
  if (folded !== undefined && isGamblingActivity(folded)) return true;
  if (isEssCarrier(f, folded)) return false;
  // A commercial company without ESS statutes, or a sole trader, needs one such expression ("aucune dimension sociale").
  // So does a company listed on the stock market (« une chaîne hôtelière cotée en bourse »).
  const forProfit = f.facts.legalForm === "societe-commerciale" || f.facts.legalForm === "entrepreneur-individuel" || f.facts.listedShares === true;
  return offTopic >= 2 || (offTopic >= 1 && forProfit);
}

export class ProjectFit {
  readonly links: SchemaLinks;
  private docs?: Map<string, IndexedChunk[]>;
  /**
   * The features of the last message read: a message the ordinary answer refuses is read again, loosely, with the same
   * features (they depend on the message and the links only, and no reading changes them).
   */
  private lastFeatures?: { question: string; features: ProjectFeatures };

  constructor(private readonly o: ProjectFitOptions) {
    this.links = loadSchemaLinks(o.knowledgeDir);
  }

  /**
   * The project-fit reply, or null when the message does not describe a project.
   * `loose`: read the message more generously (for a message the ordinary answer
   * could not answer), except a question about a known gap of the public sources.
   */
  async reply(raw: string, opts: { audience?: Audience; loose?: boolean; context?: string } = {}): Promise<ProjectFitResult | null> {
    const audience = opts.audience ?? "porteur";
    const question = cleanQuestion(raw);
    // The cheap first look is skipped by the loose reading: there, two stated facts may stand for a carrier.
    if (!question || (!opts.loose && !mightDescribeProject(question)) || this.o.guards?.isInjection(question)) return null;
    // A described project is no creative-writing request ("une association composée de passionnés d'histoire"):
    // the out-of-mission patterns and the known gaps only hold back the loose reading.
    const guards = this.o.guards;
    // A document to write for the person (« rédigez notre dossier… ») asks for work, not for orientation: the ordinary
    // answer refuses it, with the process the document belongs to.
    if (asksToDraft(question)) return null;
    if (opts.loose && guards && (asksOutOfMission(question, (t) => guards.isOutOfMission(t)) || guards.gap(withAddress(raw, askedPart(question))))) return null;
    const folded = foldText(question);
    // Nor a question about a rule ("Une fondation peut-elle… ?", "Est-ce qu'on doit publier… ?"): it asks what holds, not where to go.
    // Nor a count asked by nobody in particular ("Combien de SCIC le Département a-t-il accompagnées ?"): a statistic.
    // Nor a precise detail asked (« les rues exactes du quartier », « quel prestataire… ») the answer did not find: not a need.
    if (opts.loose && (isGeneralQuestion(question) || RULE_QUESTION.test(folded) || statisticQuestion(folded) || askedSlots(question).length > 0)) return null;
    const features = this.featuresOf(question);
    // The refusals below speak the language of the message; an English description's options are French, said so first.
    const lang: Lang = looksEnglish(question) ? "en" : "fr";
    // One's own savings placed for the best return (« quel fonds me rapportera le plus sur mes économies ? »): personal
    // finance, refused as a private matter even when it names no project of its own.
    if (!opts.loose && seeksPersonalReturn(folded) && !isEssCarrier(features, folded))
      return { reply: this.privateRefusal(audience, lang), facts: features.facts };
    // A person's private data asked (« le salaire de l'agent qui instruit… ») is no project, whatever it names.
    if (asksPersonalDataIn(foldText(askedPart(question)), folded)) return null;
    // Nor is a legal verdict on the writer's own structure (« voici nos statuts de SAS…, est-ce qu'on est une entreprise de
    // l'ESS ? »): its form is read from the whole message, and the ordinary answer refuses it as an examination of one case.
    if (asksOwnVerdict(question)) return null;
    // Nor is what another carrier wrote in its file or got from it (« je veux savoir ce qu'il a écrit dedans et combien il a touché »).
    if (asksOthersFile(foldText(askedPart(question)))) return { reply: this.othersFileRefusal(audience, lang), facts: features.facts };
    // Read loosely (the ordinary answer found nothing), an ESS carrier asking to be supported or oriented is a project
    // in the schema's scope even with no need named (« le maire demande si les associations de sa commune peuvent être
    // accompagnées ») : it is oriented, not refused.
    if (!describesProject(question, features, { loose: opts.loose }) && !(opts.loose && asksSupportForEssCarrier(folded, features))) return null;
    // A person's private request (a car loan, a mortgage, a tax return) is no project, even when
    // it reads like one: the ordinary answer refuses it. A structure's project, or a business
    // being created or taken over ("un prêt personnel sans intérêt" is an honour loan), keeps its reading.
    const business = features.actor === "structure" || features.stage !== undefined || features.facts.legalForm !== undefined;
    // What the message asks for (its questions, or what it asks the assistant to do): a project that asks for
    // a poem, another structure's file, its own file's status or a future budget is no request for orientation.
    const asked = askedPart(question);
    const askedFolded = foldText(asked);
    const addressed = ADDRESSED.test(askedFolded);
    // Said in the first person singular with no business being created ("j'ai besoin d'un prêt perso pour ma voiture"),
    // a private request stays private even from someone who volunteers in associations.
    const ownBusiness = features.facts.legalForm === "entrepreneur-individuel" || features.facts.legalForm === "societe-commerciale";
    const privateAsk = features.stage === undefined && !ownBusiness && SINGULAR.test(askedFolded) && !PLURAL.test(askedFolded);
    // A structure's project that is not being created or taken over is held back by what it asks, too
    // ("la meilleure banque pour notre asso ?"); one being created keeps its « prêt personnel » (an honour loan).
    const creating = features.stage !== undefined || ownBusiness;
    // Read loosely (the ordinary answer found nothing), a private matter said in the first person with no
    // structure, stage or legal form (« mon voisin me doit de l'argent ») by a holder is not taken for a project (an agent speaks for their work).
    if (opts.loose && audience === "porteur" && !business && privateAsk) return null;
    if (!opts.loose && (!business || addressed || privateAsk || !creating) && this.o.guards?.isOutOfMission(business && !privateAsk ? asked : question))
      return null;
    // A question relayed by an agent (« une asso me demande si la délibération est en ligne ») asks what it relays:
    // any known gap it holds is asked, not merely mentioned by a project.
    // So does a message that is one question and nothing else, asked for no structure of the writer's (« How much does the
    // city of Nîmes give to ESS associations? »); « notre SCIC voudrait…, comme pour la SCIC Gard et Autonomie ? » keeps its project.
    // A described project that asks nothing (an agent's note « Pour la commission : une association… veut… », no question, no
    // request addressed to the assistant, no wish to know) asks no gap: its words describe the project.
    const gap = opts.loose || !asksAnything(question) ? null : this.o.guards?.gap(withAddress(raw, asked));
    if (gap && (gap.project || relaysQuestion(askedFolded) || (onlyAsks(question) && !PLURAL.test(folded)))) return null;
    // A request addressed to the assistant that itself asks a known gap (« …tu peux me donner la liste des communes FRR ? »)
    // asks that information, whatever project the message describes before it.
    if (!opts.loose && this.o.guards && addressedGap(asked, this.o.guards, raw)) return null;
    // A follow-up (« et pour une fondation qui voudrait nous rejoindre ? » after the call for commons) asking, read with
    // its topic (`context`), what the public sources do not say is that known gap, not a project to orient.
    if (opts.context && this.o.guards?.gap(opts.context, raw)) return null;

    // A private individual's own property or leisure (a pool in their garden, a flat to let to tourists): no ESS project.
    // Read loosely, the ordinary answer's refusal stands.
    if (isPrivateMatter(folded, features)) return opts.loose ? null : { reply: this.privateRefusal(audience, lang), facts: features.facts };
    // A project located outside the Gard that asks the Gard's Département: its schema is for Gard projects.
    if (features.territory && !features.territory.inGard && GARD_ASKED.test(folded))
      return {
        reply: this.outsideGard({ fr: `à ${features.territory.commune}`, en: `in ${features.territory.commune}` }, audience, lang),
        facts: features.facts,
      };
    // Nor one located abroad ("a cooperative in Liège, Belgium", « une association installée en Suisse »), with no Gard commune.
    if (!features.territory && isAbroad(folded) && GARD_ASKED.test(folded))
      return { reply: this.outsideGard({ fr: "à l'étranger", en: "abroad" }, audience, lang), facts: features.facts };
    // Nor one that speaks for or from another Département (« collègue du Département de l'Hérault », « notre appel à projets »),
    // with no Gard commune and nothing placed in the Gard.
    const otherDepartement = features.territory ? undefined : otherDepartementNamed(folded);
    if (otherDepartement)
      return {
        reply: this.outsideGard({ fr: `dans un autre département (${otherDepartement})`, en: `in another département (${otherDepartement})` }, audience, lang),
        facts: features.facts,
      };
    const outOfScope = isOutOfScope(features, folded);
    // The router reads the message without what the writer rules out ("pas besoin de prêt", "on avait pensé au capital");
    // a message that rules nothing out is read as written (its capitals mark acronyms).
    const kept = withoutNegated(question);
    const candidates = this.o.router.candidates(kept === folded ? question : kept);
    // Out of scope: only the public route that remains (the Région's business aid).
    const ranked = outOfScope
      ? rankAll(features, candidates)
          .filter((r) => r.process === "region-occitanie")
          .slice(0, 1)
      : rankOptions(isEssCarrier(features, folded) ? withoutOffTopic(features) : features, candidates, { asksIfPossible: ASKS_IF_POSSIBLE.test(askedFolded) });
    if (!ranked.length) ranked.push(...rankOptions({ ...features, needs: [] }, []));
    this.docs ??= chunksByDoc(this.o.retriever);
    const citations = new Citations(this.o.retriever, this.docs, audience);
    const refusal = outOfScope ? this.refusalLead(citations) : undefined;
    const composed = composeFit(features, ranked, { links: this.links, directory: this.o.router.directory, citations }, refusal);

    let text = composed.text;
    if (lang === "en") text = `${FRENCH_SOURCES_NOTE}\n\n${text}`;
    if (this.o.llm && !outOfScope) {
      try {
        const r = await rephraseLead(composed.lead, { llm: this.o.llm, audience, timeoutMs: this.o.llmTimeoutMs, promptsDir: this.o.promptsDir });
        if (r.rephrased) text = text.replace(composed.lead, r.lead);
      } catch (err) {
        this.o.logger?.warn({ err }, "fit lead rephrasing failed, offline lead kept");
      }
    }
    // A point the project asks that the public sources do not settle (a gap a project may ask and still get its options:
    // « la mairie peut-elle faire partie du commun ? ») is said to be unknown, with whom to ask, rather than left unanswered.
    if (gap && !outOfScope) text += `\n\n${unsettledNote(gap.sujet)}`;
    // As in the ordinary answers: secondary (reported) sources are said to be « à vérifier ».
    if (citations.refs.some((s) => s.status === "reported")) text += `\n\n${REPORTED_NOTE}`;
    // « …à Pissevin. C'est bien un quartier prioritaire ? »: the place's status, when the sources confirm it, comes first.
    if (!outOfScope) text = withQpvLead(question, text, lang === "en", citations.refs.find((s) => s.id === QPV_DOC)?.n);
    const main = ranked[0]!;
    const routed = ranked.find((o) => o.askedButRuledOut && composed.options[ranked.indexOf(o)]) ?? main;
    const reply: Reply = {
      type: "answer",
      // A model may only have rephrased the lead: the reply is still built from rules and sources.
      generated: false,
      text,
      sources: citations.refs,
      refused: outOfScope,
      // The route names what the question is about: a programme asked about and ruled out keeps it, the ESS team leading the advice.
      route: this.o.router.toRoute(routed.process, confidence(ranked), composed.options[ranked.indexOf(routed)]!.why.replace(/\s*\[\d+\]/g, "")),
      followUps: [],
      actions: outOfScope ? REFUSAL_ACTIONS : actions(main),
      fit: composed.options,
      audience,
    };
    return { reply, facts: features.facts };
  }

  private featuresOf(question: string): ProjectFeatures {
    if (this.lastFeatures?.question !== question) this.lastFeatures = { question, features: projectFeatures(question, this.links) };
    return this.lastFeatures.features;
  }

  /** `place`: where the project is, as the reply says it in each language (« à Montpellier », "abroad"). */
  private outsideGard(place: Record<Lang, string>, audience: Audience, lang: Lang): Reply {
    return {
      type: "answer",
      generated: false,
      text:
        lang === "en"
          ? `I cannot suggest an action of the Gard's ESS plan (schéma départemental de l'ESS) for this project: it is located ${place.en}, outside the Gard, and the Gard Département's support is for projects in the Gard. For a project in another département, that territory's département council and region are the ones to ask. If the project also has an activity in the Gard, the Département's ESS team can look at it: use « Parler à une personne » (talk to a person).`
          : `Je ne peux pas proposer d'action du schéma départemental de l'ESS du Gard pour ce projet : il se situe ${place.fr}, hors du Gard, et les dispositifs du Département du Gard s'adressent aux projets gardois. Pour un projet dans un autre département, le conseil départemental et la région de ce territoire sont les interlocuteurs. Si le projet a aussi une activité dans le Gard, l'équipe ESS du Département peut l'examiner : utilisez « Parler à une personne ».`,
      sources: [],
      refused: true,
      route: this.o.router.toRoute(DEFAULT_PROCESS, 0.5, "Projet situé hors du Gard : l'équipe ESS du Département peut examiner une activité gardoise."),
      followUps: [],
      actions: REFUSAL_ACTIONS,
      fit: [],
      audience,
    };
  }

  /** A private individual's own property or leisure: the schema supports ESS structures and projects, cited. */
  private privateRefusal(audience: Audience, lang: Lang): Reply {
    this.docs ??= chunksByDoc(this.o.retriever);
    const citations = new Citations(this.o.retriever, this.docs, audience);
    const n = citations.first(["schema-ess-gard"], "schéma ESS quatre axes coopérations locales promouvoir l'ESS structures de l'ESS innovation sociale");
    return {
      type: "answer",
      generated: false,
      text:
        lang === "en"
          ? `I cannot suggest an action of the Gard's ESS plan (schéma départemental de l'ESS) for this request: it is a private project (a property, a home, an investment or a personal hobby), which is not part of the social and solidarity economy. The plan supports local cooperation, the promotion of the ESS and the social innovation of ESS organisations${n === null ? "" : ` [${n}]`}. If your request is about a collective project or an ESS organisation, describe it and I will point you to the right support.`
          : `Je ne peux pas proposer d'action du schéma départemental de l'ESS pour cette demande : c'est un projet privé (un bien, un logement, un placement ou un loisir personnel), qui ne relève pas de l'économie sociale et solidaire. Le schéma soutient les coopérations locales, la promotion de l'ESS et l'innovation sociale des structures de l'ESS${n === null ? "" : ` [${n}]`}. Si votre demande concerne un projet collectif ou une structure de l'ESS, décrivez-le et je vous orienterai.`,
      sources: citations.refs,
      refused: true,
      route: this.o.router.toRoute(DEFAULT_PROCESS, 0.5, "Projet privé : hors du champ du schéma départemental de l'ESS."),
      followUps: [],
      actions: REFUSAL_ACTIONS,
      fit: [],
      audience,
    };
  }

  /** What another carrier wrote in its file or got from it: that file concerns it alone. */
  private othersFileRefusal(audience: Audience, lang: Lang): Reply {
    return {
      type: "answer",
      generated: false,
      text:
        lang === "en"
          ? "I cannot give you the content of another organisation's application, nor the sums it asked for or received: that file concerns it alone, and my public sources do not detail it. If you are running a project yourself, describe it and I will point you to the right support; for a question about an application, the Département's ESS team can answer you: use « Parler à une personne » (talk to a person)."
          : "Je ne peux pas vous communiquer le contenu du dossier d'une autre structure ni les sommes qu'elle a demandées ou obtenues : ce dossier la concerne seule, et mes sources publiques ne le détaillent pas. Si vous portez vous-même un projet, décrivez-le et je vous orienterai ; pour une question sur un dossier, l'équipe ESS du Département peut vous répondre : utilisez « Parler à une personne ».",
      sources: [],
      refused: true,
      route: this.o.router.toRoute(DEFAULT_PROCESS, 0.5, "Dossier d'une autre structure : il la concerne seule."),
      followUps: [],
      actions: REFUSAL_ACTIONS,
      fit: [],
      audience,
    };
  }

  private refusalLead(citations: Citations): string {
    const n = citations.first(["competences-departement", "region-occitanie"], "loi NOTRe aide économique directe entreprise commerciale Département Région");
    return `Je ne peux pas proposer d'action du schéma départemental de l'ESS pour ce projet : il ne relève pas de l'économie sociale et solidaire, et le Département ne peut pas accorder d'aide économique directe à une entreprise commerciale${n === null ? "" : ` [${n}]`}.`;
  }
}

/** An ESS carrier's project without the words of a request outside the ESS (« un parking », « de la pub »): they point to no track. */
function withoutOffTopic(f: ProjectFeatures): ProjectFeatures {
  return { ...f, needs: f.needs.filter((n) => n.need.id !== "hors-champ") };
}

/**
 * Someone's question passed on by the writer (« une association me demande si… », « un élu m'a demandé combien… »,
 * "a partner asks me who…"): what follows is that person's question.
 */
const RELAYED =
  /\b(?:me|nous) (?:demande|demandent|ont demande|pose la question|posent la question|ont pose la question)\b|\b(?:m|nous) ?['’]?a (?:demande|pose la question)\b|\b(?:asks|asked|ask) (?:me|us)\b/;

/**
 * Someone wants to know something (« voudrait savoir », « se demande si », "wants to know") or the writer asks to get it
 * (« je souhaiterais obtenir le nom… »), question mark or not.
 */
const WANTS_TO_KNOW =
  /\b(savoir|connaitre|se demande|se demandent|demande si|demandent si|demande combien|demande quand|demande ou|demande qui|demande comment|me demande|nous demande|want to know|wants to know|would like to know|asks whether|asks if|wonder|wonders|wondering)\b|\b(je|j|nous|on) (souhaiterais|souhaite|voudrais|veux|aimerais|voudrions|voulons|souhaiterions|souhaitons|aimerions) (obtenir|avoir|recevoir|connaitre)\b|\bi (would like|d like|want) to (get|have|receive|obtain)\b/;

/**
 * Whether a message asks something: a question mark, a request addressed to the assistant (« donnez-moi… ») or someone's wish
 * to know. A note that only describes a project asks nothing.
 */
export function asksAnything(text: string): boolean {
  const f = foldText(text);
  return text.includes("?") || ADDRESSED.test(f) || WANTS_TO_KNOW.test(f);
}

/** Whether the message passes on someone else's question (see RELAYED). */
export function relaysQuestion(folded: string): boolean {
  return RELAYED.test(folded);
}

/** What a project-fit answer says of a point it asks that the public sources do not settle. */
export function unsettledNote(sujet: string): string {
  return `Un point reste à vérifier : les sources publiques dont je dispose ne précisent pas ${sujet}. L'équipe ESS du Département pourra vous répondre : utilisez « Parler à une personne ».`;
}

/**
 * The known gap asked by a sentence of the asked part that addresses the assistant (« tu peux me donner la liste… ? »),
 * if any: such a sentence asks for information, not for orientation.
 */
export function addressedGap(asked: string, guards: Pick<Guards, "gap">, raw = asked): boolean {
  const addressed = asked
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => ADDRESSED.test(foldText(s)))
    .join(" ");
  return addressed !== "" && guards.gap(withAddress(raw, addressed)) !== null;
}

/**
 * A message made of questions and nothing else: no sentence describes a project beside them. A question pressed
 * again (« …? Oui ou non ? ») or a demand on how to answer (« Donnez-moi une réponse ferme. ») describes nothing.
 */
export function onlyAsks(text: string): boolean {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    sentences[0]?.endsWith("?") === true && sentences.every((s) => s.endsWith("?") || (ADDRESSED.test(foldText(s)) && s.split(/\s+/).length <= SHORT_DEMAND))
  );
}

/** Words of a demand on how to answer that follows a question (« Donnez-moi une réponse ferme. »). */
const SHORT_DEMAND = 6;

/** A how-many question with no first person: it asks a statistic, not where a project should go. */
function statisticQuestion(f: string): boolean {
  // (« et combien de postes… ? », "and how many…?": a follow-up opening on « et » asks a count all the same)
  return (
    /^(?:(?:et|mais|ok|alors|du coup|and|but|so)\s+)?(combien|cb|how many|quel est le nombre|quel nombre)\b/.test(f) && !PLURAL.test(f) && !SINGULAR.test(f)
  );
}

/** A question about an obligation or a right ("est-ce qu'on doit… ?", "faut-il… ?", "a-t-on le droit… ?"). */
const RULE_QUESTION =
  /^(est ce qu (on|il faut|il est obligatoire|on a le droit)|doit on|doit il|faut il|a t on le droit|est il obligatoire|is it (mandatory|compulsory|required)|do we have to|must we)\b/;

/** The message asks the Gard's Département or its schema ("le Département du Gard", "le schéma ESS", "l'appel à communs"). */
/** A yes-or-no question whether something is open to the writer (« c'est possible ? », « c'est pour nous ? », « are we eligible? »). */
const ASKS_IF_POSSIBLE =
  /\b(c est possible|est ce possible|est il possible|(ca|c|cela) (est|serait) (il )?(possible|envisageable)|est ce envisageable|c est pour nous|pour nous|y avons droit|y a droit|on y a droit|avons nous droit|(?:j ai|on a|nous avons|ai je|a t on|avons nous) droit (?:a|au|aux)|sommes nous eligibles?|on est eligibles?|(c est|est ce|serait ce|ce serait) (la|le) (bonne?|bon) (porte|piste|voie|adresse|dispositif|interlocuteur|guichet)|is (it|that|this) possible|can we (apply|get)|are we eligible|am i eligible|(?:are we|am i) entitled to|do (?:we|i) qualify|is it for us|is (it|that|this) the right (door|place|scheme|route|track))\b/;
const GARD_ASKED = /\b(departement|department|gard|schema|appel a communs?|call for commons)\b/;

/** Countries and large cities abroad where a carrier may say it is located. */
const ABROAD_PLACE =
  "(?:belgique|belgium|suisse|switzerland|espagne|spain|italie|italy|allemagne|germany|portugal|luxembourg|royaume uni|united kingdom|angleterre|england|irlande|ireland|pays bas|netherlands|canada|quebec|maroc|morocco|tunisie|tunisia|algerie|algeria|senegal|bruxelles|brussels|liege|geneve|geneva|lausanne|barcelone|barcelona|madrid|milan|rome|londres|london|berlin|amsterdam|lisbonne|lisbon|montreal)";
/**
 * The carrier is located abroad: its seat ("based in Geneva", « installée en Suisse ») or the structure itself ("we run a
 * social cooperative in Liège", « une association de Bruxelles »); not where it sells or exports (« exporte en Espagne »).
 */
const ABROAD = new RegExp(
  `\\b(?:based in|located in|headquartered in|registered in|basee?s? (?:en|au|a)|installee?s? (?:en|au|a)|situee?s? (?:en|au|a)|implantee?s? (?:en|au|a)|domiciliee?s? (?:en|au|a)|siege (?:social )?(?:est )?(?:en|au|a)|(?:associations?|assos?|cooperatives?|coops?|scops?|scics?|charity|charities|non profits?|company|companies|enterprises?|entreprises?|societes?|fondations?|foundations?|structures?|collectifs?) (?:in|en|au|a|de|d|from))\\s+${ABROAD_PLACE}\\b`,
);
/** Located abroad and nowhere in the Gard (« une antenne dans le Gard » keeps the Gard reading). */
export function isAbroad(folded: string): boolean {
  return ABROAD.test(folded) && !/\b(dans le gard|sur le gard|en gard|gardois\w*|in the gard|au gard)\b/.test(folded);
}

/** How clearly the first option stands out (0.3 to 1). */
function confidence(ranked: RankedOption[]): number {
  const [a, b] = ranked;
  if (!a || a.score <= 0) return 0.3;
  // A leader placed by a rule rather than by its score (the ESS team reorienting) has no margin over the next option.
  const margin = b ? Math.max(0, (a.score - b.score) / a.score) : 1;
  return Math.round(Math.min(1, 0.5 + 0.5 * margin) * 100) / 100;
}

/** "Vérifier l'éligibilité" carries the main option's process: the questionnaire then asks only what it lacks. */
function actions(main: RankedOption): Action[] {
  const check: Action = { id: "eligibility", label: "Vérifier l'éligibilité", value: main.process === DEFAULT_PROCESS ? undefined : main.process };
  return ANSWER_ACTIONS.map((a) => (a.id === "eligibility" ? check : a));
}
