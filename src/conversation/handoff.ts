/**
 * The handoff flow, both ways: the person asks to talk to someone, says how they
 * want the answer (in this conversation, or by e-mail / phone given with explicit
 * consent), the team gets a clean summary; later an agent's answer is delivered
 * back to the person's conversation. Contacts go to their own storage table,
 * never to the summary, the state of analytics or reports.
 */
import { type Channel, DEFAULT_PROCESS, ProcessId } from "../domain/ids.js";
import type { Action, ReplyInput, Route, SourceRef } from "../domain/reply.js";
import { scrub } from "../privacy/scrub.js";
import { CHANNEL_LABELS, PROCESS_LABELS } from "../domain/labels.js";
import type { ContactKind, HandoffRecord, ReplyVia } from "../storage/types.js";
import { CONSENT_NOTE, factLabel, factValue, findAddress, maskAddress, parseVia, replyText, VIA_OPTIONS } from "./handoff-text.js";
import type { HandoffAnswerOutcome, HandoffDeps, HandoffMemory, HandoffTurn } from "./handoff-types.js";

export { factValue, maskAddress, replyText, VIA_OPTIONS } from "./handoff-text.js";
export type { HandoffAnswerOutcome, HandoffDeps, HandoffMemory, HandoffTurn } from "./handoff-types.js";

const MAX_QUESTIONS = 5;
const MAX_SOURCES = 8;
const empty = (): HandoffMemory => ({ questions: [], sources: [], alternatives: [], handoffIds: [] });

const CANCEL: Action = { id: "cancel", label: "Annuler" };

export class HandoffFlow {
  constructor(private readonly d: HandoffDeps) {}

  private memKey = (key: string) => `${key}:handoff`;

  async memory(key: string): Promise<HandoffMemory> {
    return { ...empty(), ...((await this.d.storage.getState<HandoffMemory>(this.memKey(key))) ?? {}) };
  }
  private async save(key: string, m: HandoffMemory): Promise<void> {
    await this.d.storage.setState(this.memKey(key), m);
  }

  /** Called after each answered question: what a later handoff summary shows. */
  async remember(key: string, question: string, sources: SourceRef[], route: Route | null): Promise<void> {
    const m = await this.memory(key);
    m.questions = [...m.questions.filter((q) => q !== question), question].slice(-MAX_QUESTIONS);
    // Sources of the whole conversation, once each (a document cited by several answers, or by several chunks).
    const all = [...sources.map((s) => ({ id: s.id, title: s.title, ...(s.url ? { url: s.url } : {}) })), ...m.sources];
    const seen = new Set<string>();
    m.sources = all.filter((s) => !seen.has(s.id) && !!seen.add(s.id)).slice(0, MAX_SOURCES);
    m.alternatives = route?.alternatives ?? [];
    await this.save(key, m);
  }

  /** True when the flow waits for this conversation's next message. */
  async isWaiting(key: string): Promise<boolean> {
    return (await this.memory(key)).awaiting !== undefined;
  }

  async cancel(key: string): Promise<void> {
    const m = await this.memory(key);
    if (!m.awaiting && !m.pending) return;
    delete m.awaiting;
    delete m.pending;
    await this.save(key, m);
  }

  /** "Parler à une personne": asks how to answer, unless the choice comes with the press. */
  async start(t: HandoffTurn, choice?: string): Promise<ReplyInput> {
    // Channels may pass the answer's process as the press's value (Teams): that is no choice ("appel-a-communs" is not "appel").
    const via = choice && !ProcessId.safeParse(choice).success ? parseVia(choice) : undefined;
    if (via) return this.chosen(t, via, choice!);
    const m = await this.memory(t.key);
    m.awaiting = "via";
    delete m.pending;
    await this.save(t.key, m);
    const question = "Je transmets votre demande à l'équipe qui suit votre parcours. Comment souhaitez-vous recevoir sa réponse ?";
    return {
      type: "prompt",
      text: `${question}\n- ici, dans cette conversation (le plus simple) ;\n- par e-mail ;\n- par téléphone.`,
      prompt: { field: "handoffReplyVia", question, options: VIA_OPTIONS },
      actions: [CANCEL],
    };
  }

  /** The next message while the flow waits: a choice, an address, or a consent. */
  async continue(t: HandoffTurn, text: string): Promise<ReplyInput> {
    const m = await this.memory(t.key);
    switch (m.awaiting) {
      case "email":
      case "phone":
        return this.address(t, m, m.awaiting, text);
      case "consent":
        return this.consent(t, m, text);
      default: {
        const via = parseVia(text);
        if (via) return this.chosen(t, via, text);
        return {
          type: "prompt",
          text: "Je n'ai pas compris. Souhaitez-vous la réponse ici, par e-mail ou par téléphone ?",
          prompt: { field: "handoffReplyVia", question: "Comment souhaitez-vous recevoir la réponse ?", options: VIA_OPTIONS },
          actions: [CANCEL],
        };
      }
    }
  }

  private async chosen(t: HandoffTurn, via: ReplyVia, raw: string): Promise<ReplyInput> {
    if (via === "conversation") return this.create(t, "conversation");
    const m = await this.memory(t.key);
    // "par mail : ada@exemple.fr" gives the address at once.
    const inline = findAddress(via, raw);
    if (inline) return this.askConsent(t, m, via, inline);
    m.awaiting = via;
    await this.save(t.key, m);
    const what = via === "email" ? "l'adresse e-mail" : "le numéro de téléphone";
    return { type: "prompt", text: `Indiquez ${what} où l'équipe peut vous répondre. ${CONSENT_NOTE}`, actions: [CANCEL] };
  }

  private async address(t: HandoffTurn, m: HandoffMemory, kind: "email" | "phone", text: string): Promise<ReplyInput> {
    const found = findAddress(kind, text);
    if (!found) {
      const what =
        kind === "email" ? "une adresse e-mail valide (par exemple prenom.nom@exemple.fr)" : "un numéro de téléphone français (par exemple 04 66 00 00 00)";
      return {
        type: "prompt",
        text: `Je n'ai pas reconnu ${what}. Vous pouvez aussi écrire « ici » pour recevoir la réponse dans cette conversation, ou « annuler ».`,
        actions: [CANCEL],
      };
    }
    return this.askConsent(t, m, kind, found);
  }

  private async askConsent(t: HandoffTurn, m: HandoffMemory, kind: "email" | "phone", value: string): Promise<ReplyInput> {
    m.awaiting = "consent";
    m.pending = { kind, value };
    await this.save(t.key, m);
    // Masked: channels keep their messages (buttons, cards) beyond this handoff; the address itself stays in memory only.
    const what =
      kind === "email" ? `l'adresse que vous avez indiquée (${maskAddress(kind, value)})` : `le numéro que vous avez indiqué (${maskAddress(kind, value)})`;
    return {
      type: "prompt",
      text: `Acceptez-vous que l'équipe vous réponde à ${what} ? ${CONSENT_NOTE}`,
      prompt: {
        field: "handoffConsent",
        question: "Acceptez-vous ?",
        options: [
          { value: "oui", label: "Oui, j'accepte" },
          { value: "non", label: "Non" },
        ],
      },
      actions: [{ id: "confirm", label: "Oui, j'accepte", value: "oui" }, CANCEL],
    };
  }

  private async consent(t: HandoffTurn, m: HandoffMemory, text: string): Promise<ReplyInput> {
    const yes = /^\s*(oui|yes|ok|d'accord|j'accepte|accepte|confirme)\b/i.test(text);
    const no = /^\s*(non|no|refuse)\b/i.test(text);
    if (!m.pending || (!yes && !no))
      return {
        type: "prompt",
        text: "Répondez « oui » pour accepter, « non » pour choisir une autre façon d'être recontacté·e, ou « annuler ».",
        actions: [CANCEL],
      };
    if (no) {
      delete m.pending;
      m.awaiting = "via";
      await this.save(t.key, m);
      return {
        type: "prompt",
        text: "Entendu, l'adresse n'est pas conservée. Souhaitez-vous plutôt la réponse ici, dans cette conversation ?",
        prompt: { field: "handoffReplyVia", question: "Comment souhaitez-vous recevoir la réponse ?", options: VIA_OPTIONS },
        actions: [CANCEL],
      };
    }
    return this.create(t, m.pending.kind, m.pending);
  }

  /** Creates the handoff, stores its contacts apart, and notifies the team. */
  private async create(t: HandoffTurn, via: ReplyVia, contact?: { kind: "email" | "phone"; value: string }): Promise<ReplyInput> {
    const m = await this.memory(t.key);
    const process: ProcessId = t.lastRoute ?? DEFAULT_PROCESS;
    const facts = t.facts;
    const question = m.questions.at(-1);
    const h = await this.d.storage.createHandoff({
      process,
      userHash: t.user,
      channel: t.turn.channel,
      conversationKey: t.key,
      summary: scrub(this.summary(t, m, process, via)),
      ...(question ? { question } : {}),
      facts,
      sources: t.sourceIds,
      replyVia: via,
    });
    const origin = JSON.stringify({ conversationId: t.turn.conversationId, ...(t.turn.threadId ? { threadId: t.turn.threadId } : {}) });
    await this.d.storage.setHandoffContact(h.id, "origin", origin);
    if (contact) await this.d.storage.setHandoffContact(h.id, contact.kind satisfies ContactKind, contact.value);
    delete m.awaiting;
    delete m.pending;
    m.handoffIds = [...m.handoffIds, h.id].slice(-5);
    await this.save(t.key, m);

    const where = await this.notify(h, t.turn.channel, contact);
    const how =
      via === "conversation"
        ? "La réponse vous sera donnée ici, dans cette conversation."
        : via === "email"
          ? "L'équipe vous répondra par e-mail."
          : "L'équipe vous rappellera.";
    return {
      type: "handoff",
      text: `Votre demande a été transmise (référence ${h.id.slice(0, 8)}) à l'équipe qui suit ce parcours : ${PROCESS_LABELS[process]}.${where ? ` ${where}` : ""} ${how} En attendant, vous pouvez continuer à me poser des questions.`,
      handoff: {
        id: h.id,
        process: h.process,
        status: h.status,
        summary: h.summary,
        question: h.question,
        facts: h.facts,
        sources: h.sources,
        createdAt: h.createdAt,
      },
      route: this.d.toRoute(process, 1, "Transmis à une personne."),
    };
  }

  /** Delivers where the person is (Slack, Teams), else through whichever team channel is configured. */
  private async notify(h: HandoffRecord, from: Channel, contact?: { kind: "email" | "phone"; value: string }): Promise<string> {
    const own = this.d.targets?.[h.process];
    const fallback = this.d.targets?.default;
    for (const ch of [from, "slack", "teams"] as Channel[]) {
      const notifier = this.d.notifiers.get(ch);
      const target = ch === "slack" ? (own?.slack ?? fallback?.slack) : ch === "teams" ? (own?.teams ?? fallback?.teams) : undefined;
      if (!notifier || !target) continue;
      try {
        return await notifier.deliver(h, target, { contact });
      } catch (err) {
        this.d.logger?.warn({ err, handoff: h.id }, "handoff delivery failed; it stays open in storage");
      }
    }
    return "";
  }

  /** The team's summary: plain French, no contact data (that stays in its own table). */
  summary(t: HandoffTurn, m: HandoffMemory, process: ProcessId, via: ReplyVia): string {
    const lines = [
      `Demande transmise par Relais ESS (canal ${CHANNEL_LABELS[t.turn.channel] ?? t.turn.channel}, ${t.turn.audience === "agent" ? "agent du Département" : "porteur de projet"}).`,
      `Réponse souhaitée : ${via === "conversation" ? "dans la conversation" : via === "email" ? "par e-mail (adresse donnée avec son accord)" : "par téléphone (numéro donné avec son accord)"}.`,
    ];
    if (m.questions.length) lines.push("Questions posées dans la conversation :", ...m.questions.map((q) => `- ${q}`));
    else lines.push("La personne n'a pas posé de question avant de demander à parler à quelqu'un.");
    lines.push(`Parcours proposé : ${PROCESS_LABELS[process]}`);
    if (process === t.lastRoute && m.alternatives.length) lines.push(`Autres pistes : ${m.alternatives.map((a) => `${a.name} (${a.why})`).join(" ; ")}`);
    const facts = Object.entries(t.facts).filter(([, v]) => v !== undefined && v !== null && v !== "");
    if (facts.length) lines.push(`Informations recueillies : ${facts.map(([k, v]) => `${factLabel(k)} : ${factValue(k, v)}`).join(" ; ")}`);
    if (m.sources.length) lines.push("Sources consultées :", ...m.sources.map((s) => `- ${s.title}${s.url ? ` (${s.url})` : ""}`));
    return lines.join("\n");
  }

  /**
   * An agent's answer: stored once, delivered to the person's conversation when
   * the channel can (Slack, Teams), else shown there on their next message (web,
   * CLI); every team card is updated. Null when the handoff is unknown.
   */
  async answer(id: string, text: string, agent: string): Promise<HandoffAnswerOutcome | null> {
    const res = await this.d.storage.answerHandoff(id, { text: text.trim().slice(0, 4000), agent: agent.trim().slice(0, 120) || "l'équipe ESS" });
    if (!res) return null;
    if (!res.first) return { ...res, delivered: false };
    const h = res.handoff;
    let delivered = false;
    const personal = this.d.notifiers.get(h.channel);
    if ((h.replyVia ?? "conversation") === "conversation" && personal?.deliverReply) {
      try {
        const origin = (await this.d.storage.getHandoffContacts(h.id)).origin;
        delivered = await personal.deliverReply(h, replyText(h), origin);
        if (delivered) await this.d.storage.markHandoffDelivered(h.id);
      } catch (err) {
        this.d.logger?.warn({ err, handoff: h.id }, "handoff answer not delivered now; shown on the person's next message");
      }
    }
    // The cards show whether the answer reached the person: read it back first.
    const fresh = (await this.d.storage.getHandoff(h.id)) ?? h;
    for (const n of this.d.notifiers.values()) {
      if (!n.handoffAnswered) continue;
      await n.handoffAnswered(fresh).catch((err: unknown) => this.d.logger?.warn({ err, handoff: h.id }, "team card not updated"));
    }
    return { handoff: fresh, first: true, delivered };
  }

  /** Answers not yet seen by the person in this conversation (shown before the next reply). */
  async undelivered(key: string): Promise<string[]> {
    const m = await this.memory(key);
    if (!m.handoffIds.length) return [];
    const out: string[] = [];
    for (const id of m.handoffIds) {
      const h = await this.d.storage.getHandoff(id);
      if (!h?.reply || h.replyDeliveredAt || (h.replyVia ?? "conversation") !== "conversation") continue;
      out.push(replyText(h));
      await this.d.storage.markHandoffDelivered(id);
    }
    return out;
  }
}
