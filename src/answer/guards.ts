/**
 * Guards applied before answering: prompt-injection and out-of-mission patterns
 * (prompts/guardrails.yaml) and the known gaps of the public sources
 * (knowledge/lacunes.yaml). All are data files the ESS team can edit.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ProcessId } from "../domain/ids.js";
import { currentKnowledgePaths, type KnowledgePaths } from "../core/paths.js";
import { fold } from "../retrieval/analyzer.js";
import { compileGroups, containsPhrase, FirstWords, matchesAll, phraseTokens, type PhraseGroups } from "../retrieval/phrases.js";
import { asksDuration, countedNoun } from "./asked-quantity.js";
import { asksNamedStructureOutcome, asksNextDate, asksOthersOutcome, asksOwnOutcome, ownCaseText, STRUCTURE_TOPICS } from "./own-outcome.js";
import { asksOwnComputation } from "./own-computation.js";
import { asksOwnVerdict } from "./own-verdict.js";
import { asksNamedPersonContact, asksUnpublishedPerson } from "./named-person.js";

const GuardFile = z.object({ injection: z.array(z.string()).default([]), hors_mission: z.array(z.string()).default([]) });
const GapFile = z.array(
  z
    .object({
      id: z.string(),
      sujet: z.string(),
      /** The same, in English, for a question asked in English (absent: the French subject is quoted). */
      sujet_en: z.string().optional(),
      /** Absent: the process the question is about, else the Department's ESS team (see Answerer). */
      route: ProcessId.optional(),
      /** Groups of expressions, every one of which the question must hold (empty when a `lecture` reads the question). */
      quand: z.array(z.array(z.coerce.string()).min(1)).default([]),
      /** A reading of the question by its meaning (see READINGS) instead of listed expressions (a gap has one or the other). */
      lecture: z
        .enum([
          "issue-de-sa-demande",
          "date-a-venir",
          "calcul-personnel",
          "coordonnees-personne-nommee",
          "personne-non-publiee",
          "verdict-sur-son-cas",
          "structure-nommee",
        ])
        .optional(),
      /** Expressions that cancel the gap ("combien de temps" is a duration, not the amount a budget gap is about). */
      sauf: z
        .array(z.coerce.string())
        .nullish()
        .transform((a) => a ?? []),
      /** Whether a described project that asks this is refused too (no: a subject a project may merely mention). */
      projet: z
        .union([z.boolean(), z.enum(["oui", "non"])])
        .default(true)
        .transform((v) => v === true || v === "oui"),
      /**
       * The group (from 1) that says what is asked (« combien », « qui siège au jury »): a follow-up must hold one of its
       * expressions itself, the other groups may come from its topic (« et qui siège au jury ? » after the appel à communs).
       */
      demande: z.number().int().min(1).optional(),
      /**
       * The unpublished fact is the person's own file or request (its state, the decision on it): asked in a
       * conversation, it is the file of the process the conversation is about, whose team answers it.
       */
      son_dossier: z
        .union([z.boolean(), z.enum(["oui", "non"])])
        .default(false)
        .transform((v) => v === true || v === "oui"),
      /**
       * The unpublished fact belongs to the process the question names: handed to that process's people, or to the
       * Department's ESS team when the Département runs it alone (Router.handsTo).
       */
      organisme: z
        .union([z.boolean(), z.enum(["oui", "non"])])
        .default(false)
        .transform((v) => v === true || v === "oui"),
    })
    .refine((g) => g.quand.length > 0 !== (g.lecture !== undefined), { message: "a gap needs `quand` or `lecture`, not both" }),
);

/**
 * Readings a gap may name: a family of unpublished facts recognised by the structure of the question rather than by
 * listed wordings. Each reads the person's own message.
 */
const READINGS: Record<string, (own: string, known: KnownStructures) => boolean> = {
  "issue-de-sa-demande": (own) => asksOwnOutcome(own) || asksOthersOutcome(own),
  "structure-nommee": (own, known) => asksNamedStructureOutcome(own, (name, topics) => known.describes(name, topics)),
  "date-a-venir": asksNextDate,
  "calcul-personnel": asksOwnComputation,
  "coordonnees-personne-nommee": asksNamedPersonContact,
  "personne-non-publiee": asksUnpublishedPerson,
  "verdict-sur-son-cas": asksOwnVerdict,
};

/** Accents folded, capitals kept, apostrophes as « ' »: a name is matched as written (« Le Spot », not « le spot »). */
const nameText = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’`]/g, "'");
const ARTICLE = /^(?:L'|La |Le |Les |The |Du )/;

/**
 * The paragraphs of the knowledge's documents, to tell whether they describe a structure a question names, and on which
 * point (« La Grande Bobine » with its agrément ESUS, « la SCIC Gard et Autonomie » with the Département's participation).
 */
export class KnownStructures {
  private constructor(private readonly paragraphs: { text: string; folded: string }[]) {}

  static load(root: string, except: string): KnownStructures {
    const paragraphs: { text: string; folded: string }[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(?:md|ya?ml)$/.test(e.name) && path.resolve(p) !== path.resolve(except))
          for (const line of readFileSync(p, "utf8").split(/\n/)) if (line.trim()) paragraphs.push({ text: nameText(line), folded: ownCaseText(line) });
      }
    };
    if (existsSync(root)) walk(root);
    return new KnownStructures(paragraphs);
  }

  static none(): KnownStructures {
    return new KnownStructures([]);
  }

  /**
   * Whether a paragraph names the structure (its name as written, or shortened by a place after it: « Les Petits
   * Débrouillards d'Alès ») with one of the points asked (`topics`, see STRUCTURE_TOPICS; none: the name alone).
   */
  describes(name: string, topics: readonly string[]): boolean {
    const full = nameText(name).replace(ARTICLE, "").trim();
    const forms = [full];
    const parts = full.split(/\s+(?=(?:de|du|des|d'|à|en|sur|sous)(?:\s|\p{Lu}))/u);
    for (let i = parts.length - 1; i >= 1; i--) {
      const shorter = parts.slice(0, i).join(" ");
      if ((shorter.match(/\p{Lu}[\p{L}'-]*/gu) ?? []).length >= 2) forms.push(shorter);
    }
    const patterns = forms.map((f) => new RegExp(`(?<!\\p{L})${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u"));
    return this.paragraphs.some(
      (p) => patterns.some((r) => r.test(p.text)) && (topics.length === 0 || topics.some((t) => STRUCTURE_TOPICS[t]!.test(p.folded))),
    );
  }
}

/**
 * A gap whose subject is a sum of money (« le montant maximal… », « les budgets des années à venir ») says
 * nothing of a count of things: « il faut être combien de structures ? » asks how many, and the sources may say it.
 */
const SUM_SUBJECT = /^(le|la|les) (montants?|sommes?|budgets?|enveloppes?|dotations?)\b/i;

/**
 * A gap whose subject is a count of things (« le nombre de structures agréées… », « l'effectif des partenaires ») says
 * nothing of how long a thing lasts: « ça dure combien ? » asks a duration, and the sources may say it.
 */
const COUNT_SUBJECT = /\b(?:nombre|nombres|effectifs?)\b/i;

export interface Gap {
  id: string;
  sujet: string;
  /** The subject in English, when the gaps file gives it. */
  sujetEn?: string;
  /** The process to hand to, when the gap says so; else the process the question is about. */
  route?: ProcessId;
  /** A described project that asks this is refused too. */
  project: boolean;
  /** Recognised by a reading of the person's own message (its subject may be the conversation's topic). */
  read?: boolean;
  /** Its subject is a sum of money (« le montant maximal… »). */
  sum?: boolean;
  /** Its subject is the person's own file or request (see `son_dossier`). */
  ownFile?: boolean;
  /** Handed to the people of the process the question names, or to the ESS team for one the Département runs alone (see `organisme`). */
  toOperator?: boolean;
}

/**
 * Verbs whose stem is a gap's noun: « le DLA s'adresse aux associations » or « adressez-vous
 * à… » ask no address. They are read as « vise » / « contacter ».
 */
const withoutVerbs = (text: string) =>
  text
    .replace(/\bs['’]\s*adress\p{L}*/giu, "vise")
    .replace(/\b[mt]['’]\s*adress\p{L}*/giu, "contacter")
    .replace(/\badress(?:er|ez|ons|ent)\b(?:[- ](?:vous|nous))?/giu, "contacter");

/** The text the patterns read: folded, hyphens as spaces ("ce week-end" as "ce week end", "donne-moi" as "donne moi"). */
const guardText = (text: string) => fold(text).replace(/-/g, " ");

/**
 * The question as the known gaps read it: a street address the personal-data scrubber replaced by its tag
 * (« le [adresse], c'est en QPV ? ») is « une adresse précise », which the public sources never place.
 */
export function withAddress(raw: string, clean: string): string {
  return /\[adresse\]/i.test(raw) ? `${clean} (une adresse précise)` : clean;
}

export class Guards {
  /**
   * The first words of each gap's smallest group: a gap none of whose phrases in that group can be in the question
   * does not match (every group must), and is skipped without trying its phrases.
   */
  private readonly firstWords: FirstWords;
  /** The gaps recognised by their expressions (in file order), and those recognised by a reading alone. */
  private readonly listed: Guards["gaps"];
  private readonly read: Guards["gaps"];

  private constructor(
    private readonly injection: RegExp[],
    private readonly outOfMission: RegExp[],
    private readonly gaps: {
      gap: Gap;
      groups: PhraseGroups;
      except: PhraseGroups[number];
      asked?: number;
      sum: boolean;
      count: boolean;
      reading?: (own: string, known: KnownStructures) => boolean;
    }[],
    private readonly known: KnownStructures = KnownStructures.none(),
  ) {
    this.firstWords = new FirstWords(
      gaps.filter((g) => g.groups.length > 0).map((g) => g.groups.reduce((a, b) => (b.length < a.length ? b : a), g.groups[0]!)),
    );
    this.listed = gaps.filter((g) => g.groups.length > 0);
    this.read = gaps.filter((g) => g.groups.length === 0 && g.reading !== undefined);
  }

  static load(paths: KnowledgePaths = currentKnowledgePaths()): Guards {
    const gfile = paths.guardrails;
    const guards = existsSync(gfile) ? GuardFile.parse(parseYaml(readFileSync(gfile, "utf8"))) : { injection: [], hors_mission: [] };
    const lfile = paths.gaps;
    const gaps = existsSync(lfile) ? GapFile.parse(parseYaml(readFileSync(lfile, "utf8")) ?? []) : [];
    return new Guards(
      guards.injection.map((r) => new RegExp(r, "i")),
      guards.hors_mission.map((r) => new RegExp(r, "i")),
      gaps.map((g) => {
        const sum = SUM_SUBJECT.test(g.sujet.trim());
        const count = COUNT_SUBJECT.test(g.sujet);
        return {
          gap: {
            id: g.id,
            sujet: g.sujet,
            ...(g.sujet_en ? { sujetEn: g.sujet_en } : {}),
            route: g.route,
            project: g.projet,
            ...(g.lecture ? { read: true } : {}),
            ...(sum ? { sum } : {}),
            ...(g.son_dossier ? { ownFile: true } : {}),
            ...(g.organisme ? { toOperator: true } : {}),
          },
          groups: compileGroups(g.quand),
          except: g.sauf.length ? compileGroups([g.sauf])[0]! : [],
          asked: g.demande === undefined ? undefined : Math.min(g.demande, g.quand.length) - 1,
          sum,
          count,
          reading: g.lecture === undefined ? undefined : READINGS[g.lecture],
        };
      }),
      gaps.some((g) => g.lecture === "structure-nommee") ? KnownStructures.load(paths.root, lfile) : KnownStructures.none(),
    );
  }

  isInjection(text: string): boolean {
    const f = guardText(text);
    return this.injection.some((r) => r.test(f));
  }

  isOutOfMission(text: string): boolean {
    const f = guardText(text);
    return this.outOfMission.some((r) => r.test(f));
  }

  /**
   * The known gap the question asks about, if any. For a follow-up read with the
   * previous topic, `own` is the person's message: it must itself hold one of the
   * gap's expressions ("et son mail ?" does; "et pour une SCOP ?" does not); with `asked`, only a gap that says which of
   * its groups is asked and whose expression that message holds, or one two of whose groups it holds. `stated` is the analysed sentences of the
   * documents the follow-up's topic was answered with: a gap that says which of its groups is asked (the others may come
   * from the topic) and that one of them matches whole (every group, no exception) is no gap of the follow-up, as that
   * sentence says what it asks (« et si j'habite en Lozère ? » after a cooperative of
   * activity and employment, whose page says it is « active dans le Gard et en Lozère »). Naming a part of the whole
   * (« l'atelier d'Alès ») in one sentence and the figure asked (« 200 personnes ») in another states no figure of the part.
   */
  gap(text: string, own?: string, opts: { asked?: boolean; stated?: readonly string[][] } = {}): Gap | null {
    const tokens = phraseTokens(withoutVerbs(text));
    const mine = own === undefined ? tokens : phraseTokens(withoutVerbs(own));
    // The things the person's own message counts (« combien de structures »), if it asks how many of them.
    const counts = countedNoun(own ?? text) !== null;
    // Whether the person's own message asks how long a thing lasts (« ça dure combien ? »), not how many there are.
    const lasts = asksDuration(own ?? text);
    const possible = this.firstWords.marks(tokens);
    for (let i = 0; i < this.listed.length; i++) {
      const { gap, groups, except, asked, sum, count } = this.listed[i]!;
      // `asked`: only the gaps that say which group is asked, whose expression the person's own message holds, or whose
      // expressions the person's own message holds for two groups at least (« and how much can a single project get? »
      // asks the sum per project by itself; only the call it is about comes from the topic).
      if (opts.asked && asked === undefined && groups.filter((alts) => alts.some((seq) => containsPhrase(mine, seq))).length < Math.min(2, groups.length))
        continue;
      if (sum && counts) continue;
      if (count && lasts) continue;
      if (possible[i] === 0) continue;
      const ownGroups = asked === undefined ? groups : [groups[asked]!];
      // The expressions of the asked group that the person's own message holds: a sentence of the topic states the asked
      // thing only if it names that very thing (« Lozère »), not another of the group (« Hérault » for « et en Lozère ? »).
      const ownSeqs = ownGroups.flatMap((alts) => alts.filter((seq) => containsPhrase(mine, seq)));
      if (
        matchesAll(tokens, groups) &&
        ownGroups.some((alts) => alts.some((seq) => containsPhrase(mine, seq))) &&
        !except.some((seq) => containsPhrase(mine, seq)) &&
        !(
          own !== undefined &&
          asked !== undefined &&
          opts.stated?.some(
            (sentence) =>
              matchesAll(sentence, groups) && ownSeqs.some((seq) => containsPhrase(sentence, seq)) && !except.some((seq) => containsPhrase(sentence, seq)),
          )
        )
      )
        return gap;
    }
    // A reading reads the person's own message: it says by itself what is asked (a follow-up as well).
    const ownText = own ?? text;
    for (const { gap, except, reading } of this.read) if (reading!(ownText, this.known) && !except.some((seq) => containsPhrase(mine, seq))) return gap;
    return null;
  }
}
