/**
 * A stand-in for the core's Assistant, returning realistic replies (shaped by
 * src/domain/reply.ts) and writing to a real Storage, so the Slack channel can
 * be tested before/independently of the real pipeline.
 */
import { createHash } from "node:crypto";
import { Reply, type ReplyInput, type Turn, Turn as TurnSchema, type TurnInput } from "../../src/domain/reply.js";
import type { Assistant, HandoffTargets, Notifier } from "../../src/conversation/types.js";
import { FrictionInput, type HandoffRecord, type Storage } from "../../src/storage/types.js";

const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

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

export interface FakeAssistantOptions {
  storage: Storage;
  handoffTargets?: HandoffTargets;
  /** Milliseconds to wait before answering (to test acks). */
  delayMs?: number;
}

export class FakeAssistant implements Assistant {
  readonly turns: Turn[] = [];
  readonly notifiers: Notifier[] = [];
  readonly deliveries: { handoff: HandoffRecord; where: string }[] = [];
  constructor(private readonly o: FakeAssistantOptions) {}

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
    if (this.o.delayMs) await new Promise((r) => setTimeout(r, this.o.delayMs));
    const userHash = hash(turn.userId);
    const convKey = `${turn.channel}:${turn.conversationId}:${turn.threadId ?? "-"}`;

    if (turn.action?.id === "rate-up" || turn.action?.id === "rate-down") {
      if (!turn.action.value) return Reply.parse({ type: "error", text: "Je ne retrouve pas la réponse notée." });
      await this.storage.recordRating({
        interactionId: turn.action.value,
        userHash,
        value: turn.action.id === "rate-up" ? "up" : "down",
        comment: turn.action.comment,
      });
      return Reply.parse({ type: "info", text: "Merci pour votre retour : il nous aide à améliorer les réponses." });
    }

    if (turn.action?.id === "handoff" || /mise en relation/i.test(turn.text)) {
      const handoff = await this.storage.createHandoff({
        process: "appel-a-communs",
        userHash,
        channel: turn.channel,
        conversationKey: convKey,
        summary: "Une personne souhaite être accompagnée pour **répondre à l'appel à communs** avec deux associations partenaires.",
        question: "Qui peut répondre à l'appel à communs ? <!channel>",
        facts: { legalForm: "association", commune: "Alès" },
        sources: ["appel-a-communs"],
      });
      const targets = this.o.handoffTargets ?? {};
      for (const n of this.notifiers) {
        const key = n.channel === "slack" ? "slack" : "teams";
        const target = targets[handoff.process]?.[key] ?? targets.default?.[key];
        if (!target) continue;
        const where = await n.deliver(handoff, target);
        this.deliveries.push({ handoff, where });
      }
      return Reply.parse({
        type: "handoff",
        text: "Votre demande est transmise à l'équipe ESS du Département du Gard, qui vous recontactera sous quelques jours.",
        handoff: { ...handoff },
        route: ROUTE,
      });
    }

    if (turn.action?.id === "report") {
      return Reply.parse({
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
      });
    }

    if (turn.form?.kind === "eligibility") {
      const v = turn.form.values;
      const partners = typeof v.partnerStructures === "number" ? v.partnerStructures : undefined;
      const verdict = partners === undefined ? "incomplete" : partners >= 3 ? "eligible" : "ineligible";
      return Reply.parse({
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
        facts: { ...v },
        actions: [{ id: "handoff", label: "Parler à une personne" }],
      });
    }

    if (turn.form?.kind === "friction") {
      const f = FrictionInput.parse(turn.form.values);
      await this.storage.recordFriction({ ...f, userHash, channel: turn.channel });
      return Reply.parse({ type: "friction", text: "Merci, votre signalement est enregistré. L'équipe ESS l'examinera." });
    }

    if (turn.action?.id === "help" || (!turn.text.trim() && !turn.action)) {
      return Reply.parse({ type: "help", text: "Posez-moi une question sur l'ESS dans le Gard." });
    }

    const q = turn.text;
    if (/boom/i.test(q)) throw new Error("core exploded");
    if (/invalide/i.test(q)) return { type: "answer" } as unknown as Reply; // an invalid reply

    const interactionId = await this.storage.recordInteraction({
      channel: turn.channel,
      audience: turn.audience,
      userHash,
      conversationKey: convKey,
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
    const reply: ReplyInput = {
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
    };
    return Reply.parse(reply);
  }
}
