/**
 * « Enregistrer comme réponse type »: turns an answered handoff into a draft answer
 * card (see knowledge/drafts.ts) that the ESS team reviews and approves. Channels and
 * the CLI call this one function; it reads the handoff from storage, never a channel.
 */
import { DEFAULT_PROCESS } from "../domain/ids.js";
import type { HandoffLookup, HandoffStore } from "../storage/types.js";

/** What teaching reads of the storage: handoffs and their replies. */
export type TeachStorage = HandoffLookup & Pick<HandoffStore, "listHandoffs">;
import { type Draft, loadDrafts, TeachError, writeDraft } from "../knowledge/drafts.js";

export interface DraftFromHandoffOptions {
  knowledgeDir: string;
  /** The agent's text when it differs from the stored reply (or the handoff has none yet). */
  text?: string;
  /** Who proposes the draft (defaults to the agent who answered). */
  proposedBy?: string;
  now?: Date;
}

/**
 * Writes a draft card from a handoff: its question as the first phrasing, the agent's
 * reply as the answer, its process (unless the default one) as the card's route. `ref` is the handoff id or its
 * first 8 characters. Throws TeachError (French message) when the handoff is unknown,
 * ambiguous, has no question or no answer yet, or already has a draft.
 *
 * @example
 * const draft = await draftFromHandoff(storage, "1a2b3c4d", { knowledgeDir: knowledgeDir() });
 */
export async function draftFromHandoff(storage: TeachStorage, ref: string, o: DraftFromHandoffOptions): Promise<Draft> {
  const exact = await storage.getHandoff(ref);
  const matches = exact ? [exact] : ref.length >= 8 ? (await storage.listHandoffs()).filter((h) => h.id.startsWith(ref)) : [];
  if (matches.length !== 1)
    throw new TeachError(
      "handoff.notFound",
      matches.length
        ? `La référence « ${ref} » désigne plusieurs demandes : donnez l'identifiant complet.`
        : `Aucune demande ne porte la référence « ${ref} ».`,
    );
  const h = matches[0]!;
  const text = o.text?.trim() || h.reply?.text;
  if (!text)
    throw new TeachError(
      "handoff.notAnswered",
      `La demande ${h.id.slice(0, 8)} n'a pas encore de réponse : répondez d'abord (handoffs reply), ou donnez le texte de la réponse type.`,
    );
  const origin = `mise en relation ${h.id.slice(0, 8)}`;
  // A second click on « Enregistrer comme réponse type » does not write a second draft.
  const existing = loadDrafts(o.knowledgeDir).drafts.find((d) => d.origin === origin);
  if (existing) throw new TeachError("draft.exists", `Un brouillon existe déjà pour cette demande : ${existing.id} (${existing.file}).`);
  if (!h.question?.trim())
    throw new TeachError(
      "handoff.notAnswered",
      `La demande ${h.id.slice(0, 8)} ne contient aucune question : utilisez answers draft --question "…" --text "…".`,
    );
  return writeDraft(o.knowledgeDir, {
    question: h.question,
    text,
    origin,
    proposedBy: o.proposedBy ?? h.reply?.agent,
    // The Department's ESS team is where every handoff lands by default: not a route of its own.
    route: h.process === DEFAULT_PROCESS ? undefined : h.process,
    now: o.now,
  });
}

/** The button on an answered handoff's card (Slack, Teams). */
export const SAVE_AS_ANSWER_LABEL = "Enregistrer comme réponse type";

/**
 * What a channel does on « Enregistrer comme réponse type »: writes the draft and
 * returns the sentence to show the agent — the draft written, or why not (already
 * saved, not answered yet, unknown handoff). Other errors are thrown.
 */
export async function saveHandoffAsDraft(storage: TeachStorage, handoffId: string, knowledgeDir: string): Promise<string> {
  try {
    const d = await draftFromHandoff(storage, handoffId, { knowledgeDir });
    return `Brouillon de réponse type enregistré (${d.id}). L'équipe ESS le relit, complète ses formulations et ses sources, puis l'approuve : l'assistant répondra alors ainsi aux questions semblables.`;
  } catch (err) {
    if (err instanceof TeachError) return err.message;
    throw err;
  }
}
