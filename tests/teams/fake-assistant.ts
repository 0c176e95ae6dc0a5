/**
 * A fake Assistant returning realistic Replies (shape of the real core), backed
 * by a real Storage so interactions, ratings, frictions and handoffs are stored.
 */
import type { Assistant, Notifier } from "../../src/conversation/types.js";
import { Reply, type ReplyInput, type SourceRef, type TurnInput } from "../../src/domain/reply.js";
import type { ProcessId } from "../../src/domain/ids.js";
import type { HandoffRecord, Storage } from "../../src/storage/types.js";
import { buildReport } from "../../src/report/build.js";

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

const ROUTE_DLA = {
  process: "dla" as const,
  name: "Dispositif local d'accompagnement (DLA)",
  operator: "Acegaa",
  confidence: 0.82,
  why: "Votre association **emploie des salariés** et cherche à se consolider.",
  contacts: [{ label: "DLA du Gard (Acegaa)", url: "https://www.info-dla.fr/" }],
};

export interface FakeOptions {
  /** Where handoffs go (Teams target). */
  handoffTarget?: string;
}

export class FakeAssistant implements Assistant {
  readonly turns: TurnInput[] = [];
  readonly notifiers: Notifier[] = [];
  readonly deliveries: Array<{ handoff: HandoffRecord; target: string; where?: string; error?: string }> = [];
  /** Next handle() call throws (simulates a failing core). */
  failNext = false;

  constructor(
    readonly storage: Storage,
    private readonly opts: FakeOptions = {},
  ) {}

  registerNotifier(notifier: Notifier): void {
    this.notifiers.push(notifier);
  }

  async ask(question: string): Promise<Reply> {
    return this.handle({ channel: "api", conversationId: "api", userId: "api", text: question });
  }

  async resolveHandoff(id: string): Promise<HandoffRecord | null> {
    return this.storage.resolveHandoff(id);
  }

  async answerHandoff(id: string, text: string, agent: string) {
    const res = await this.storage.answerHandoff(id, { text, agent });
    return res ? { ...res, delivered: false } : null;
  }

  private async answer(turn: TurnInput, reply: ReplyInput): Promise<Reply> {
    const parsed = Reply.parse(reply);
    const interactionId = await this.storage.recordInteraction({
      channel: turn.channel,
      audience: turn.audience ?? "porteur",
      userHash: `h-${turn.userId}`,
      conversationKey: turn.conversationId,
      question: turn.text ?? "",
      answer: parsed.text,
      sources: parsed.sources.map((s) => s.id),
      route: parsed.route?.process ?? null,
      refused: parsed.refused,
      latencyMs: 3,
    });
    return { ...parsed, interactionId };
  }

  async handle(turn: TurnInput): Promise<Reply> {
    this.turns.push(turn);
    if (this.failNext) {
      this.failNext = false;
      throw new Error("index unavailable");
    }
    const action = turn.action;
    if (action?.id === "rate-up" || action?.id === "rate-down") {
      await this.storage.recordRating({
        interactionId: action.value ?? "",
        userHash: `h-${turn.userId}`,
        value: action.id === "rate-up" ? "up" : "down",
        ...(action.comment ? { comment: action.comment } : {}),
      });
      return Reply.parse({ type: "info", text: "Merci pour votre avis." });
    }
    if (action?.id === "handoff") {
      const process: ProcessId = (action.value as ProcessId | undefined) ?? "dla";
      const handoff = await this.storage.createHandoff({
        process,
        userHash: `h-${turn.userId}`,
        channel: "teams",
        conversationKey: turn.conversationId,
        summary: "Une association employeuse souhaite **consolider** son modèle économique.",
        question: "Quel accompagnement pour consolider notre association ?",
        facts: { legalForm: "association", employees: 4, commune: "Alès" },
        sources: ["process-dla"],
      });
      for (const n of this.notifiers) {
        try {
          const where = await n.deliver(handoff, this.opts.handoffTarget ?? "");
          this.deliveries.push({ handoff, target: this.opts.handoffTarget ?? "", where });
        } catch (err) {
          this.deliveries.push({ handoff, target: this.opts.handoffTarget ?? "", error: String(err) });
        }
      }
      return Reply.parse({
        type: "handoff",
        text: "Votre demande a été transmise à l'équipe du DLA du Gard. Une personne vous recontactera.",
        handoff: { ...handoff, facts: handoff.facts, sources: handoff.sources },
      });
    }
    if (action?.id === "report") {
      return Reply.parse({
        type: "report",
        audience: "agent",
        text: "**Rapport des 30 derniers jours**\n\n- 42 questions posées\n- 3 demandes de mise en relation",
        report: await buildReport(this.storage, {}),
      });
    }
    if (action?.id === "help") {
      return Reply.parse({ type: "help", text: "Posez-moi une question sur l'ESS dans le Gard." });
    }
    if (action) return Reply.parse({ type: "info", text: `Action ${action.id} reçue.` });
    if (turn.form?.kind === "eligibility") {
      const employees = turn.form.values.employees;
      return Reply.parse({
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
        facts: { ...turn.form.values },
      });
    }
    if (turn.form?.kind === "friction") {
      const v = turn.form.values as Record<string, unknown>;
      await this.storage.recordFriction({
        step: v.step as never,
        blocker: v.blocker as never,
        process: v.process as never,
        commune: String(v.commune),
        description: String(v.description),
        severity: Number(v.severity),
        contactOk: v.contactOk === true,
        userHash: `h-${turn.userId}`,
        channel: "teams",
      });
      return Reply.parse({ type: "friction", text: "Merci, votre signalement est enregistré." });
    }
    const text = turn.text ?? "";
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
      return this.answer(turn, {
        type: "answer",
        text: Array.from({ length: 60 }, (_, i) => paragraph(i)).join("\n\n"),
        sources,
        route: ROUTE_DLA,
        followUps: ["Qui contacter au DLA ?", "Quels délais ?"],
      });
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
      return this.answer(turn, { type: "answer", text: "Le DLA est porté par Acegaa dans le Gard [1].", sources: DLA_SOURCES, route: ROUTE_DLA });
    }
    return this.answer(turn, {
      type: "answer",
      generated: true,
      text: "Le **DLA** accompagne gratuitement les structures employeuses de l'ESS [1].\n\n- diagnostic partagé\n- plan d'accompagnement [2]",
      sources: DLA_SOURCES,
      route: ROUTE_DLA,
      followUps: ["Qui porte le DLA dans le Gard ?"],
      actions: [
        { id: "rate-up", label: "Réponse utile" },
        { id: "rate-down", label: "Réponse à améliorer" },
      ],
    });
  }
}
