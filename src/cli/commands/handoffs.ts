/**
 * `handoffs list [--open] [--json]` and `handoffs reply ID --text "…" [--agent NAME]`:
 * the team's view of handoffs for local use and tests. A reply given here is stored
 * once (a second one is refused) and shown to the person in their conversation on
 * their next message (a running Slack/Teams service delivers it at once through the card).
 */
import { Command } from "commander";
import { z } from "zod";
import { CHANNEL_LABELS, PROCESS_LABELS } from "../../report/labels.js";
import { EXIT_BAD_INPUT, resolveIo, withStorage, type CommandIo, type StorageOpener } from "../../storage/command-io.js";
import type { HandoffContacts, HandoffRecord } from "../../storage/types.js";

const ReplyOptions = z.object({
  text: z.string().trim().min(1, "le texte de la réponse est vide.").max(4000, "la réponse dépasse 4000 caractères."),
  agent: z.string().trim().min(1).max(120).default("l'équipe ESS"),
});

export function handoffsCommand(open: StorageOpener, io: CommandIo = {}): Command {
  const { out, err } = resolveIo(io);
  const cmd = new Command("handoffs").description("Demandes de mise en relation : les lister, y répondre");
  cmd.configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) });

  cmd
    .command("list")
    .description("Liste les demandes (les plus anciennes d'abord)")
    .option("--open", "seulement les demandes encore ouvertes")
    .option("--json", "sortie JSON (une liste)")
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) })
    .action(async (opts: { open?: boolean; json?: boolean }) => {
      const { list, contacts } = await withStorage(open, async (s) => {
        const list = await s.listHandoffs(opts.open ? "open" : undefined);
        // The team's view shows the address given with consent, as the team's card does (never in JSON for tools).
        const contacts = new Map<string, HandoffContacts>();
        if (!opts.json)
          for (const h of list) if (!h.reply && (h.replyVia ?? "conversation") !== "conversation") contacts.set(h.id, await s.getHandoffContacts(h.id));
        return { list, contacts };
      });
      if (opts.json) return out(`${JSON.stringify(list.map(publicView), null, 2)}\n`);
      if (!list.length) return out(opts.open ? "Aucune demande ouverte.\n" : "Aucune demande.\n");
      out(`${list.map((h) => describe(h, contacts.get(h.id))).join("\n\n")}\n`);
    });

  const reply = cmd
    .command("reply")
    .description("Répond à une demande : la réponse est transmise à la personne et la demande est close")
    .argument("<id>", "référence de la demande (identifiant complet ou ses 8 premiers caractères)")
    .requiredOption("--text <texte>", "texte de la réponse")
    .option("--agent <nom>", "nom de la personne qui répond", "l'équipe ESS")
    .configureOutput({ writeOut: out, writeErr: err, outputError: (s, write) => write(s) });
  reply.action(async (id: string, raw: { text: string; agent: string }) => {
    const fail = (m: string): never => reply.error(`Erreur : ${m}`, { exitCode: EXIT_BAD_INPUT, code: "handoffs.invalidInput" });
    const parsed = ReplyOptions.safeParse(raw);
    if (!parsed.success) fail(parsed.error.issues[0]!.message);
    const { text, agent } = parsed.data!;
    await withStorage(open, async (s) => {
      const all = await s.listHandoffs();
      const matches = all.filter((h) => h.id === id || (id.length >= 8 && h.id.startsWith(id)));
      if (matches.length !== 1)
        fail(
          matches.length
            ? `la référence « ${id} » désigne plusieurs demandes : donnez l'identifiant complet.`
            : `aucune demande ne porte la référence « ${id} ».`,
        );
      const res = await s.answerHandoff(matches[0]!.id, { text, agent });
      if (!res) fail(`aucune demande ne porte la référence « ${id} ».`);
      if (!res!.first) {
        const r = res!.handoff.reply!;
        fail(`cette demande a déjà reçu une réponse de ${r.agent} le ${frenchDate(r.at)}.`);
      }
      const via = res!.handoff.replyVia ?? "conversation";
      const then =
        via === "email"
          ? "l'adresse e-mail de la personne a été effacée : écrivez-lui si ce n'est pas déjà fait."
          : via === "phone"
            ? "le numéro de la personne a été effacé : appelez-la si ce n'est pas déjà fait."
            : "la personne verra la réponse dans sa conversation.";
      out(`Réponse enregistrée pour la demande ${res!.handoff.id.slice(0, 8)} : elle est close, et ${then}\n`);
    });
  });
  return cmd;
}

/** What tools read: no user hash, no conversation key. */
function publicView(h: HandoffRecord) {
  return {
    id: h.id,
    createdAt: h.createdAt,
    status: h.status,
    process: h.process,
    channel: h.channel,
    replyVia: h.replyVia ?? "conversation",
    summary: h.summary,
    ...(h.reply ? { reply: h.reply } : {}),
    ...(h.resolvedAt ? { resolvedAt: h.resolvedAt } : {}),
    ...(h.replyDeliveredAt ? { replyDeliveredAt: h.replyDeliveredAt } : {}),
  };
}

function describe(h: HandoffRecord, contacts: HandoffContacts = {}): string {
  const contact = contacts.email
    ? `\nRépondre par e-mail à : ${contacts.email} (donnée avec l'accord de la personne, pour cette demande seulement)`
    : contacts.phone
      ? `\nRappeler au : ${contacts.phone} (donné avec l'accord de la personne, pour cette demande seulement)`
      : "";
  const head = `[${h.status === "open" ? "ouverte" : "close"}] ${h.id.slice(0, 8)} — ${PROCESS_LABELS[h.process]} — ${CHANNEL_LABELS[h.channel] ?? h.channel}, le ${frenchDate(h.createdAt)}`;
  const answer = h.reply ? `\nRépondu par ${h.reply.agent} le ${frenchDate(h.reply.at)} : ${h.reply.text}` : "";
  return `${head}\n${h.summary}${contact}${answer}`;
}

function frenchDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
}
