/**
 * Ranking the options for one project: each support process scores by the needs
 * that point to it (links file), its resemblance to the process's example needs
 * and the explicit routing rules (the Router), then the eligibility engine's
 * verdict on the known facts lowers what is already ruled out. The best link of
 * each option gives its measures, axis and "why".
 */
import { DEFAULT_PROCESS, type ProcessId } from "../domain/ids.js";
import type { EligibilityResult } from "../domain/reply.js";
import { evaluate } from "../eligibility/engine.js";
import type { Facts } from "../eligibility/facts.js";
import type { RouteCandidate } from "../routing/router.js";
import type { DetectedNeed, ProjectFeatures } from "./features.js";
import type { NeedLink } from "./links.js";

/** Weight of the router's score (examples + routage.yaml rules) next to the needs. */
const ROUTER_WEIGHT = 1.0;
/** An option whose eligibility is known to fail keeps this share of its score. */
const INELIGIBLE_FACTOR = 0.4;
/** Legal forms for which the Région's business aid is doubtful (and companies with ESS statutes), and the share of its score it keeps. */
const NON_COMPANY_FORMS = new Set<string>(["association", "mutuelle", "fondation"]);
const NON_COMPANY_FACTOR = 0.5;
/**
 * A person creating, taking over or testing their own business (no structure): the processes for structures
 * (France Active's solidarity finance, the insertion structures, the city policy's contracts with the neighbourhood's
 * structures) keep this share of their score; the honour loan, the microcredit and the CAE come first.
 */
const PERSONAL_CREATION = {
  needs: new Set(["creation-individuelle", "tester-activite"]),
  processes: new Set(["france-active", "insertion-iae", "politique-de-la-ville"]),
  factor: 0.6,
};
/** The ESS team is always a possible option, with this floor score. */
const DEFAULT_FLOOR = 0.15;
/** Options kept: at most this many, and only those within this share of the best. */
const MAX_OPTIONS = 3;
const MIN_SHARE = 0.3;

export interface RankedOption {
  process: ProcessId;
  score: number;
  /** The link that contributes most (why, measures, axis); none when only the router speaks. */
  link?: NeedLink & { need: string };
  /** Needs that point to this process. */
  needs: string[];
  eligibility: EligibilityResult;
  /** Why the router proposes it, when no need link does (its rule's wording). */
  routerWhy?: string;
  /** The programme the writer asks about, ruled out by what they state: second in the advice, still what the question is about. */
  askedButRuledOut?: boolean;
}

interface Acc {
  score: number;
  best?: { link: NeedLink; need: string; value: number };
  needs: string[];
}

function addNeeds(acc: Map<ProcessId, Acc>, needs: DetectedNeed[]): void {
  for (const { need, strength, asked = 0 } of needs) {
    for (const link of need.links) {
      // Asking for the ESS team, the default contact ("quel interlocuteur ?"), asks whom to turn to, not for a need.
      const value = (strength + (link.process === DEFAULT_PROCESS ? 0 : asked)) * link.weight;
      const a = acc.get(link.process) ?? { score: 0, needs: [] };
      a.score += value;
      a.needs.push(need.id);
      if (!a.best || value > a.best.value) a.best = { link, need: need.id, value };
      acc.set(link.process, a);
    }
  }
}

/** Every process with a score for this project, best first, with its eligibility verdict. */
/** Needs that suppose a structure already running: at the idea or creation stage they weigh this share. */
const NOT_YET = { needs: new Set(["consolidation"]), stages: new Set(["idee", "creation"]), factor: 0.5 };
/**
 * The Région's business aid for a sole trader's running business: at the creation of a sole business, the honour loan and
 * the microcredit come first, so this need weighs nothing there.
 */
const CREATOR_AID = { need: "aide-entreprise", legalForm: "entrepreneur-individuel" };

export function rankAll(features: ProjectFeatures, candidates: RouteCandidate[]): RankedOption[] {
  const acc = new Map<ProcessId, Acc>();
  // One cannot consolidate what does not exist yet: "gouvernance" in a project at the idea stage is its design.
  // A structure that already employs people runs: « une réflexion sur l'engagement des bénévoles » is no idea stage of it.
  const early = features.stage !== undefined && NOT_YET.stages.has(features.stage) && !(features.stage === "idee" && (features.facts.employees ?? 0) >= 1);
  const creator = early && features.facts.legalForm === CREATOR_AID.legalForm;
  const needs = features.needs.filter((n) => !(creator && n.need.id === CREATOR_AID.need));
  addNeeds(acc, early ? needs.map((n) => (NOT_YET.needs.has(n.need.id) ? { ...n, strength: n.strength * NOT_YET.factor } : n)) : needs);
  const routerWhy = new Map<ProcessId, string>();
  for (const c of candidates) {
    const a = acc.get(c.process) ?? { score: 0, needs: [] };
    a.score += ROUTER_WEIGHT * c.score;
    acc.set(c.process, a);
    if (c.rule) routerWhy.set(c.process, c.why);
  }
  // A need that only names what the carrier is (an insertion structure asking for help with its cash flow): the processes
  // it points to keep its share of their score, the words of the routing rules included — the request is elsewhere.
  for (const n of features.needs) {
    if (n.carrierOnly === undefined) continue;
    for (const link of n.need.links) {
      const a = acc.get(link.process);
      if (a && link.process !== DEFAULT_PROCESS) a.score *= n.carrierOnly;
    }
  }
  const floor = acc.get(DEFAULT_PROCESS) ?? { score: 0, needs: [] };
  floor.score = Math.max(floor.score, DEFAULT_FLOOR);
  acc.set(DEFAULT_PROCESS, floor);

  const processes = [...acc.keys()];
  const verdicts = new Map(evaluate(features.facts as Facts, { processes }).map((r) => [r.process, r]));
  const personalCreation = features.actor === "personne" && features.needs.some((n) => PERSONAL_CREATION.needs.has(n.need.id));
  // The neighbourhood named only as where the person lives is context for their own business; a message that speaks of the
  // neighbourhoods' schemes (« un dispositif pour les quartiers prioritaires ? ») keeps the city policy's score.
  const askedFor = new Set(features.needs.filter((n) => n.need.context !== undefined && n.expressions > 0).flatMap((n) => n.need.links.map((l) => l.process)));
  const ranked: RankedOption[] = processes.map((p) => {
    const a = acc.get(p)!;
    const eligibility = verdicts.get(p)!;
    // The Région's business aid is for companies: for an association, a mutual or a foundation the Région
    // must confirm (knowledge/regles/region-occitanie.yaml), so it is not the track to lead with.
    // Nor for a company with ESS statutes: the ESS tracks come first.
    const notACompany = p === "region-occitanie" && (NON_COMPANY_FORMS.has(features.facts.legalForm ?? "") || features.facts.essStatutes === true);
    const personal = PERSONAL_CREATION.processes.has(p) && personalCreation && !askedFor.has(p);
    return {
      process: p,
      score:
        (eligibility.verdict === "ineligible" ? a.score * INELIGIBLE_FACTOR : a.score) *
        (notACompany ? NON_COMPANY_FACTOR : 1) *
        (personal ? PERSONAL_CREATION.factor : 1),
      link: a.best ? { ...a.best.link, need: a.best.need } : undefined,
      needs: [...new Set(a.needs)],
      eligibility,
      routerWhy: routerWhy.get(p),
    };
  });
  // Equal scores: the ESS team last, it is the fallback.
  return ranked.sort((a, b) => b.score - a.score || Number(a.process === DEFAULT_PROCESS) - Number(b.process === DEFAULT_PROCESS));
}

/** Support programmes a structure may not be open to yet: when asked for and ruled out, the ESS team reorients. */
const REORIENTED_PROGRAMMES = new Set<ProcessId>(["dla", "appel-a-communs"]);

/** The need of asking whom to turn to, and the strength from which a need counts as clearly stated (two expressions, or facts). */
const WHERE_TO_START = { need: "contact", clear: 0.9 };

function startsWithoutClearNeed(features: ProjectFeatures): boolean {
  if (features.stage === undefined || !NOT_YET.stages.has(features.stage)) return false;
  if (!features.needs.some((n) => n.need.id === WHERE_TO_START.need)) return false;
  return features.needs.every((n) => n.need.id === WHERE_TO_START.need || n.strength < WHERE_TO_START.clear);
}

/**
 * An option a specific need of the message points to in words (a link of full weight: « un plan de développement » to the DLA,
 * « des financements privés » to the sponsors); not a general one (« financer », whom to turn to).
 */
function clearlyNeeded(o: RankedOption, features: ProjectFeatures): boolean {
  return features.needs.some((n) => n.expressions > 0 && n.strength >= 0.6 && n.need.links.some((l) => l.process === o.process && l.weight >= 1));
}

/** The share of the leader's score from which the track of the needs said to come first takes the lead. */
const STRESSED_SHARE = 0.75;
/** The one track (not the ESS team) the needs said to come first point to, if it is not ruled out. */
function stressedTrack(features: ProjectFeatures, all: RankedOption[]): RankedOption | undefined {
  const stressed = features.needs.filter((n) => n.stressed && n.expressions > 0);
  if (!stressed.length) return undefined;
  const tracks = new Set(stressed.flatMap((n) => n.need.links.filter((l) => l.weight >= 1 && l.process !== DEFAULT_PROCESS).map((l) => l.process)));
  if (tracks.size !== 1) return undefined;
  const track = all.find((o) => tracks.has(o.process));
  return track && track.eligibility.verdict !== "ineligible" ? track : undefined;
}

/** An option's score before its rule's verdict lowered it. */
function unruledScore(o: RankedOption): number {
  return o.eligibility.verdict === "ineligible" ? o.score / INELIGIBLE_FACTOR : o.score;
}

/**
 * The options to show, best first: at most three, those within reach of the best,
 * and at least two (the next best completes a lone one; the ESS team, the default
 * human contact, always has a floor score).
 */
export function rankOptions(features: ProjectFeatures, candidates: RouteCandidate[], opts: { asksIfPossible?: boolean } = {}): RankedOption[] {
  const all = rankAll(features, candidates);
  const best = all[0]!.score;
  const kept = all.filter((o, i) => i === 0 || o.score >= MIN_SHARE * best).slice(0, MAX_OPTIONS);
  if (kept.length < 2 && all[1]) kept.push(all[1]);
  const team = all.find((o) => o.process === DEFAULT_PROCESS);
  // The writer asks whether a support programme is open to them and what they state rules it out (an accompaniment for
  // employers asked by volunteers only, a call for joint projects by one structure alone): the ESS team leads — it says
  // what they can get instead — and the programme asked about comes second, with the reason it does not fit yet.
  if (opts.asksIfPossible && team) {
    const wanted = all.reduce((a, o) => (unruledScore(o) > unruledScore(a) ? o : a));
    if (wanted.eligibility.verdict === "ineligible" && REORIENTED_PROGRAMMES.has(wanted.process)) {
      const rest = kept.filter((o) => o.process !== DEFAULT_PROCESS && o.process !== wanted.process);
      // A need the message states clearly points to another track its facts do not rule out (a plan of development for an
      // employer that asked for the call for commons alone): that track leads, the programme asked about follows with its
      // reason, then the team.
      const fitting = rest.find((o) => o.eligibility.verdict !== "ineligible" && clearlyNeeded(o, features));
      if (fitting) return [fitting, { ...wanted, askedButRuledOut: true }, team, ...rest.filter((o) => o.process !== fitting.process)].slice(0, MAX_OPTIONS);
      return [team, { ...wanted, askedButRuledOut: true }, ...rest].slice(0, MAX_OPTIONS);
    }
  }
  // A project still at the idea or creation stage that asks where to start, and states no need clearly (none said more than
  // once), and whose leading option no routing rule points to and scores below what one clear need gives: the ESS team,
  // which orients, leads; the options the words point to follow.
  const lead = kept[0]!;
  if (team && lead.process !== DEFAULT_PROCESS && !lead.routerWhy && lead.score < 1 && startsWithoutClearNeed(features)) {
    const rest = kept.filter((o) => o.process !== DEFAULT_PROCESS);
    return [team, ...rest].slice(0, MAX_OPTIONS);
  }
  // The writer says which need comes first (« mais l'urgence est de réorganiser la structure », « surtout trouver des
  // marchés »): when those needs all point to one track their facts do not rule out, and it comes close to the leader, the
  // writer's word decides and it leads.
  const stressedLead = stressedTrack(features, all);
  if (stressedLead && kept[0]!.process !== stressedLead.process && stressedLead.score >= STRESSED_SHARE * best)
    return [stressedLead, ...kept.filter((o) => o.process !== stressedLead.process)].slice(0, MAX_OPTIONS);
  // The leading option is ruled out by what the message states: the ESS team, the fair fallback, comes right after it.
  if (kept[0]!.eligibility.verdict === "ineligible" && kept[0]!.process !== DEFAULT_PROCESS && team) {
    const rest = kept.slice(1).filter((o) => o.process !== DEFAULT_PROCESS);
    return [kept[0]!, team, ...rest].slice(0, MAX_OPTIONS);
  }
  // When the ESS team (the generic contact) comes first, the second option is the specific process a stated need points to,
  // not one the router only guesses from the words: the team orients, the second option says where to.
  if (kept[0]?.process === DEFAULT_PROCESS && kept[1] && !kept[1].needs.length) {
    const specific = all.find((o) => o.process !== DEFAULT_PROCESS && o.needs.length > 0 && o.score > 0);
    if (specific) {
      const rest = kept.slice(1).filter((o) => o.process !== specific.process);
      return [kept[0], specific, ...rest].slice(0, MAX_OPTIONS);
    }
  }
  return kept;
}
