/**
 * The one stand-in for the core's Assistant used by the channel suites. It
 * returns realistic replies (shaped by src/domain/reply.ts) and writes to a real
 * Storage (interactions, ratings, frictions, handoffs), so a channel can be
 * tested independently of the real pipeline.
 *
 * What it says comes from a script: `APPEL_A_COMMUNS` (the Slack suites check
 * appel-à-communs content) or `DLA` (the Teams suites check DLA content). The
 * plumbing — turns, failures, delays, ratings, handoffs and their delivery to
 * every registered notifier, help, frictions — is shared.
 */
import { createHash } from "node:crypto";
import type { Assistant, HandoffTargets, Notifier } from "../../src/conversation/types.js";
import { ProcessId } from "../../src/domain/ids.js";
import { Reply, type ReplyInput, type SourceRef, type Turn, Turn as TurnSchema, type TurnInput } from "../../src/domain/reply.js";
import { buildReport } from "../../src/report/build.js";
import { FrictionInput, type HandoffRecord, type Storage } from "../../src/storage/types.js";

/** Pseudonymous key of a person, as the core stores it. */
const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** Where the script's answers go: the fake's storage and the turn's keys. */
interface ScriptContext {
  storage: Storage;
  userHash: string;
  conversationKey: string;
}

/** The canned content of one suite. */
export interface FakeScript {
  /** Sources cited by the default answer. */
  sources: readonly SourceRef[];
  route: NonNullable<ReplyInput["route"]>;
  handoff: {
    /** Process of a handoff whose button carries none. */
    process: ProcessId;
    summary: string;
    question: string;
    facts: Record<string, string | number | boolean>;
    sources: string[];
    /** What the person is told once the handoff is stored. */
    text: string;
    /** The handoff reply carries the route. */
    withRoute: boolean;
  };
  /** A free question that asks for a handoff (besides the "handoff" button). */
  handoffText?: RegExp;
  ratingThanks: string;
  frictionThanks: string;
  report(storage: Storage): Promise<ReplyInput>;
  eligibility(values: Record<string, unknown>): ReplyInput;
  /** Answers a free question (never a button or a form). */
  answer(turn: Turn, ctx: ScriptContext): Promise<Reply>;
}

// ---------------------------------------------------------------------------
// Appel à communs (Slack suites)

export const SOURCES = [
  {
    n: 1,
    id: "appel-a-communs",
    chunkId: "appel-a-communs#qui",
    title: "Appel à communs du Département du Gard",
    kind: "mesure",
    status: "confirmed",
    section: "Qui peut répondre",
    url: "https://gard-centrale.gard.fr/",
    score: 0.92,
    excerpt: "Au moins trois structures de l'ESS portent ensemble un projet.",
  },
  {
    n: 2,
    id: "concertation-2023",
    chunkId: "concertation-2023#1",
    title: "Concertation du schéma ESS",
    kind: "concertation",
    status: "reported",
    score: 0.71,
    excerpt: "Les acteurs ont demandé des outils communs.",
  },
  {
    n: 3,
    id: "loi-2014-856",
    chunkId: "loi-2014-856#art1",
    title: "Loi du 31 juillet 2014 relative à l'ESS",
    kind: "legal",
    status: "confirmed",
    url: "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296",
    score: 0.5,
    excerpt: "Article 1.",
  },
] as const;

export const ROUTE = {
  process: "appel-a-communs" as const,
  name: "Appel à communs",
  operator: "Département du Gard",
  confidence: 0.82,
  why: "Votre projet réunit plusieurs structures de l'ESS autour d'un besoin du territoire.",
  contacts: [{ label: "Plateforme Gard centrale", url: "https://gard-centrale.gard.fr/" }],
};

export const APPEL_A_COMMUNS: FakeScript = {
  sources: SOURCES,
  route: ROUTE,
  handoff: {
    process: "appel-a-communs",
    summary: "Une personne souhaite être accompagnée pour **répondre à l'appel à communs** avec deux associations partenaires.",
    question: "Qui peut répondre à l'appel à communs ? <!channel>",
    facts: { legalForm: "association", commune: "Alès" },
    sources: ["appel-a-communs"],
    text: "Votre demande est transmise à l'équipe ESS du Département du Gard, qui vous recontactera sous quelques jours.",
    withRoute: true,
  },
  handoffText: /mise en relation/i,
  ratingThanks: "Merci pour votre retour : il nous aide à améliorer les réponses.",
  frictionThanks: "Merci, votre signalement est enregistré. L'équipe ESS l'examinera.",
  async report() {
    return {
      type: "report",
      text: "**Rapport des 30 derniers jours**\n- 42 questions\n- 3 demandes de contact",
      report: {
        title: "Rapport",
        interactions: 42,
        refused: 4,
        ratings: { up: 10, down: 2, satisfactionRate: 0.83 },
        frictions: 5,
        handoffs: 3,
        openHandoffs: 1,
      },
      audience: "agent",
    };
  },
  eligibility(v) {
    const partners = typeof v.partnerStructures === "number" ? v.partnerStructures : undefined;
    const verdict = partners === undefined ? "incomplete" : partners >= 3 ? "eligible" : "ineligible";
    return {
      type: "eligibility",
      text: "Voici ce que je peux dire à partir de vos réponses.",
      eligibility: [
        {
          process: "appel-a-communs",
          verdict,
          reasons:
            partners === undefined
              ? []
              : [
                  {
                    condition: "min-3-structures",
                    text: `Le projet réunit ${partners} structure(s) ; il en faut au moins 3.`,
                    met: partners >= 3,
                    source: "https://gard-centrale.gard.fr/",
                  },
                ],
          missing: partners === undefined ? [{ fact: "partnerStructures", question: "Combien de structures participent au projet ?" }] : [],
        },
        { process: "dla", verdict: "to-check", reasons: [], missing: [], checker: "Le DLA du Gard (Acegaa)" },
      ],
      facts: { ...(v as Record<string, string | number | boolean>) },
      actions: [{ id: "handoff", label: "Parler à une personne" }],
    };
  },
  async answer(turn, { storage, userHash, conversationKey }) {
    const q = turn.text;
    if (/boom/i.test(q)) throw new Error("core exploded");
    if (/invalide/i.test(q)) return { type: "answer" } as unknown as Reply; // an invalid reply

    const interactionId = await storage.recordInteraction({
      channel: turn.channel,
      audience: turn.audience,
      userHash,
      conversationKey,
      question: q,
      answer: "…",
      sources: SOURCES.map((s) => s.id),
      route: "appel-a-communs",
      refused: false,
      latencyMs: 5,
    });

    if (/structure/i.test(q) && /forme/i.test(q)) {
      return Reply.parse({
        type: "prompt",
        text: "Pour vous répondre, j'ai besoin d'une précision.",
        prompt: {
          field: "legalForm",
          question: "Quelle est la forme juridique de votre structure ?",
          options: [
            { value: "association", label: "Association" },
            { value: "scop", label: "SCOP" },
          ],
        },
        interactionId,
      });
    }

    let text = `L'appel à communs s'adresse à **au moins trois structures** de l'ESS qui portent ensemble un projet [1].\n\n- Les acteurs ont demandé des outils communs [2]\n- Le cadre est la loi de 2014 [3]\n\nVous avez demandé : « ${q} »`;
    let sources: ReplyInput["sources"] = SOURCES.map((s) => ({ ...s }));
    if (/long/i.test(q)) {
      text = Array.from({ length: 120 }, (_, i) => `Paragraphe ${i + 1} : ${"l'économie sociale et solidaire du Gard ".repeat(30)}[1]`).join("\n\n");
      sources = Array.from({ length: 60 }, (_, i) => ({
        ...SOURCES[0],
        n: i + 1,
        id: `doc-${i}`,
        chunkId: `doc-${i}#1`,
        title: `Document ${i + 1} ${"très ".repeat(40)}long`,
      }));
    }
    if (/inject/i.test(q)) {
      sources = [{ ...SOURCES[0], title: "Titre <!here> & <@U999|admin>", url: "javascript:alert(1)" }];
    }
    return Reply.parse({
      type: "answer",
      text,
      sources,
      route: ROUTE,
      followUps: ["Quel est le budget de l'appel à communs ?"],
      actions: [
        { id: "rate-up", label: "👍", value: interactionId },
        { id: "rate-down", label: "👎 Pas utile", value: interactionId },
        { id: "eligibility", label: "Vérifier mon éligibilité" },
        { id: "friction", label: "Signaler une difficulté", value: "appel-a-communs" },
        { id: "handoff", label: "Parler à une personne" },
      ],
      interactionId,
      audience: turn.audience,
    } satisfies ReplyInput);
  },
};

// ---------------------------------------------------------------------------
// DLA (Teams suites)

export const DLA_SOURCES: SourceRef[] = [
  {
    n: 1,
    id: "process-dla",
    chunkId: "process-dla#2",
    title: "Dispositif local d'accompagnement (DLA) du Gard",
    kind: "process",
    status: "confirmed",
    section: "DLA › Pour qui",
    url: "https://www.info-dla.fr/",
    score: 0.91,
    excerpt:
      "Le DLA accompagne gratuitement les structures employeuses de l'ESS : diagnostic partagé, plan d'accompagnement avec des consultants, puis suivi. Dans le Gard, il est porté par Acegaa.",
  },
  {
    n: 2,
    id: "schema-axe-2",
    chunkId: "schema-axe-2#1",
    title: "Schéma départemental de l'ESS — axe 2",
    kind: "axe",
    status: "reported",
    score: 0.62,
    excerpt: "Consolider les structures de l'ESS existantes et leurs emplois.",
  },
];

export const DLA_ROUTE = {
  process: "dla" as const,
  name: "Dispositif local d'accompagnement (DLA)",
  operator: "Acegaa",
  confidence: 0.82,
  why: "Votre association **emploie des salariés** et cherche à se consolider.",
  contacts: [{ label: "DLA du Gard (Acegaa)", url: "https://www.info-dla.fr/" }],
};

/** Stores an answer as the core does (its text, sources and route), then returns it with its interaction id. */
async function recordAnswer(turn: Turn, reply: ReplyInput, { storage, userHash }: ScriptContext): Promise<Reply> {
  const parsed = Reply.parse(reply);
  const interactionId = await storage.recordInteraction({
    channel: turn.channel,
    audience: turn.audience,
    userHash,
    conversationKey: turn.conversationId,
    question: turn.text,
    answer: parsed.text,
    sources: parsed.sources.map((s) => s.id),
    route: parsed.route?.process ?? null,
    refused: parsed.refused,
    latencyMs: 3,
  });
  return { ...parsed, interactionId };
}

export const DLA: FakeScript = {
  sources: DLA_SOURCES,
  route: DLA_ROUTE,
  handoff: {
    process: "dla",
    summary: "Une association employeuse souhaite **consolider** son modèle économique.",
    question: "Quel accompagnement pour consolider notre association ?",
    facts: { legalForm: "association", employees: 4, commune: "Alès" },
    sources: ["process-dla"],
    text: "Votre demande a été transmise à l'équipe du DLA du Gard. Une personne vous recontactera.",
    withRoute: false,
  },
  ratingThanks: "Merci pour votre avis.",
  frictionThanks: "Merci, votre signalement est enregistré.",
  async report(storage) {
    return {
      type: "report",
      audience: "agent",
      text: "**Rapport des 30 derniers jours**\n\n- 42 questions posées\n- 3 demandes de mise en relation",
      report: await buildReport(storage, {}),
    };
  },
  eligibility(values) {
    const employees = values.employees;
    return {
      type: "eligibility",
      text: "Voici ce que disent les règles publiques pour votre projet.",
      eligibility: [
        {
          process: "dla",
          verdict: typeof employees === "number" ? (employees >= 1 ? "eligible" : "ineligible") : "incomplete",
          reasons: [
            {
              condition: "dla-employer",
              text: "Le DLA accompagne les structures employeuses.",
              met: typeof employees === "number" ? employees >= 1 : null,
              source: "process-dla",
            },
          ],
          missing: typeof employees === "number" ? [] : [{ fact: "employees", question: "Combien de salariés la structure emploie-t-elle ?" }],
        },
        {
          process: "appel-a-communs",
          verdict: "to-check",
          reasons: [{ condition: "aac-partners", text: "Il faut au moins trois structures.", met: null, source: "aac" }],
          missing: [],
          checker: "L'équipe ESS du Département",
        },
      ],
      facts: { ...(values as Record<string, string | number | boolean>) },
    };
  },
  async answer(turn, ctx) {
    const text = turn.text;
    if (/long/i.test(text)) {
      const sources: SourceRef[] = Array.from({ length: 20 }, (_, i) => ({
        ...DLA_SOURCES[0]!,
        n: i + 1,
        id: `doc-${i + 1}`,
        chunkId: `doc-${i + 1}#1`,
        title: `Document de référence numéro ${i + 1} sur l'économie sociale et solidaire dans le Gard`,
        score: 1 - i / 40,
        excerpt: "Extrait ".repeat(60),
      }));
      const paragraph = (i: number) =>
        `Paragraphe ${i} : le Département soutient l'ESS par plusieurs dispositifs, détaillés dans le schéma [${(i % 20) + 1}]. `.repeat(6);
      return recordAnswer(
        turn,
        {
          type: "answer",
          text: Array.from({ length: 60 }, (_, i) => paragraph(i)).join("\n\n"),
          sources,
          route: DLA_ROUTE,
          followUps: ["Qui contacter au DLA ?", "Quels délais ?"],
        },
        ctx,
      );
    }
    if (/forme/i.test(text)) {
      return Reply.parse({
        type: "prompt",
        text: "Quelle est la forme juridique de votre structure ?",
        prompt: {
          field: "legalForm",
          question: "Quelle est la forme juridique de votre structure ?",
          options: [
            { value: "association", label: "Association" },
            { value: "scop", label: "SCOP" },
          ],
        },
        actions: [{ id: "cancel", label: "Annuler" }],
      });
    }
    if (/hors ligne/i.test(text)) {
      // An offline answer: extracted from the sources, not written by a model.
      return recordAnswer(turn, { type: "answer", text: "Le DLA est porté par Acegaa dans le Gard [1].", sources: DLA_SOURCES, route: DLA_ROUTE }, ctx);
    }
    return recordAnswer(
      turn,
      {
        type: "answer",
        generated: true,
        text: "Le **DLA** accompagne gratuitement les structures employeuses de l'ESS [1].\n\n- diagnostic partagé\n- plan d'accompagnement [2]",
        sources: DLA_SOURCES,
        route: DLA_ROUTE,
        followUps: ["Qui porte le DLA dans le Gard ?"],
        actions: [
          { id: "rate-up", label: "Réponse utile" },
          { id: "rate-down", label: "Réponse à améliorer" },
        ],
      },
      ctx,
    );
  },
};

// ---------------------------------------------------------------------------

export interface FakeAssistantOptions {
  storage: Storage;
  /** What the assistant says: `APPEL_A_COMMUNS` (Slack suites) or `DLA` (Teams suites). */
  script: FakeScript;
  /** Where handoffs go, per process and channel; a notifier with no target is skipped. */
  handoffTargets?: HandoffTargets;
  /** Milliseconds to wait before answering (to test acks). */
  delayMs?: number;
}

export interface FakeDelivery {
  handoff: HandoffRecord;
  target: string;
  /** Where the notifier says it posted the handoff. */
  where?: string;
  /** Why the notifier failed. */
  error?: string;
}

export class FakeAssistant implements Assistant {
  readonly turns: Turn[] = [];
  readonly notifiers: Notifier[] = [];
  readonly deliveries: FakeDelivery[] = [];
  /** Next handle() call throws (simulates a failing core). */
  failNext = false;
  constructor(private readonly o: FakeAssistantOptions) {}

  get script(): FakeScript {
    return this.o.script;
  }

  get storage(): Storage {
    return this.o.storage;
  }

  registerNotifier(n: Notifier): void {
    this.notifiers.push(n);
  }

  async resolveHandoff(id: string) {
    return this.storage.resolveHandoff(id);
  }

  async answerHandoff(id: string, text: string, agent: string) {
    const res = await this.storage.answerHandoff(id, { text, agent });
    return res ? { ...res, delivered: false } : null;
  }

  async ask(question: string) {
    return this.handle({ channel: "api", conversationId: "api", userId: "api", text: question });
  }

  async handle(input: TurnInput): Promise<Reply> {
    const turn = TurnSchema.parse(input);
    this.turns.push(turn);
    if (this.failNext) {
      this.failNext = false;
      throw new Error("index unavailable");
    }
    if (this.o.delayMs) await new Promise((r) => setTimeout(r, this.o.delayMs));
    const script = this.script;
    const ctx: ScriptContext = {
      storage: this.storage,
      userHash: hash(turn.userId),
      conversationKey: `${turn.channel}:${turn.conversationId}:${turn.threadId ?? "-"}`,
    };
    const action = turn.action;

    if (action?.id === "rate-up" || action?.id === "rate-down") {
      if (!action.value) return Reply.parse({ type: "error", text: "Je ne retrouve pas la réponse notée." });
      await this.storage.recordRating({
        interactionId: action.value,
        userHash: ctx.userHash,
        value: action.id === "rate-up" ? "up" : "down",
        ...(action.comment ? { comment: action.comment } : {}),
      });
      return Reply.parse({ type: "info", text: script.ratingThanks });
    }

    if (action?.id === "handoff" || script.handoffText?.test(turn.text)) return this.handoff(turn, ctx);

    if (action?.id === "report") return Reply.parse(await script.report(this.storage));

    if (action?.id === "help" || (!turn.text.trim() && !action && !turn.form)) {
      return Reply.parse({ type: "help", text: "Posez-moi une question sur l'ESS dans le Gard." });
    }

    if (action) return Reply.parse({ type: "info", text: `Action ${action.id} reçue.` });

    if (turn.form?.kind === "eligibility") return Reply.parse(script.eligibility(turn.form.values));

    if (turn.form?.kind === "friction") {
      const f = FrictionInput.parse(turn.form.values);
      await this.storage.recordFriction({ ...f, userHash: ctx.userHash, channel: turn.channel });
      return Reply.parse({ type: "friction", text: script.frictionThanks });
    }

    return script.answer(turn, ctx);
  }

  /** Stores a handoff and hands it to every notifier that has a target for it. */
  private async handoff(turn: Turn, ctx: ScriptContext): Promise<Reply> {
    const h = this.script.handoff;
    const asked = ProcessId.safeParse(turn.action?.value);
    const handoff = await this.storage.createHandoff({
      process: asked.success ? asked.data : h.process,
      userHash: ctx.userHash,
      channel: turn.channel,
      conversationKey: ctx.conversationKey,
      summary: h.summary,
      question: h.question,
      facts: { ...h.facts },
      sources: [...h.sources],
    });
    const targets = this.o.handoffTargets ?? {};
    for (const n of this.notifiers) {
      const key = n.channel === "slack" ? "slack" : "teams";
      const target = targets[handoff.process]?.[key] ?? targets.default?.[key];
      if (!target) continue;
      try {
        this.deliveries.push({ handoff, target, where: await n.deliver(handoff, target) });
      } catch (err) {
        this.deliveries.push({ handoff, target, error: String(err) });
      }
    }
    return Reply.parse({
      type: "handoff",
      text: h.text,
      handoff: { ...handoff },
      ...(h.withRoute ? { route: this.script.route } : {}),
    });
  }
}
