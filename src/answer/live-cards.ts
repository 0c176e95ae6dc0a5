/**
 * The answer cards of a running service, kept in step with the files: at most every
 * `checkMs`, a cheap fingerprint of `reponses/` (names, sizes, modification times;
 * drafts excepted) is compared with the last one, and the CardIndex is rebuilt when it
 * changed. A card approved by the team (or edited by hand) is then used without a
 * restart; a broken file is reported and skipped, and the service keeps answering.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { type AnswerCard, listMarkdown, loadCards } from "../knowledge/cards.js";
import { knowledgePaths } from "../core/paths.js";
import { CardIndex } from "./cards.js";

export interface LiveCardsOptions {
  knowledgeDir: string;
  /** Which loaded cards may answer (e.g. only those whose sources are indexed). */
  accept?: (card: AnswerCard) => boolean;
  /** Minimum time between two looks at the folder (default 2000 ms; 0: every call). */
  checkMs?: number;
  now?: () => number;
  logger?: { warn: (o: unknown, m?: string) => void; info?: (o: unknown, m?: string) => void };
}

/** "name:size:mtime" of every card file, in order: changes when a card is added, removed, moved or edited. */
export function cardsFingerprint(knowledgeDir: string): string {
  const dir = knowledgePaths(knowledgeDir).cards;
  if (!existsSync(dir)) return "";
  return listMarkdown(dir)
    .map((rel) => {
      const s = statSync(path.join(dir, rel));
      return `${rel}:${s.size}:${s.mtimeMs}`;
    })
    .join("\n");
}

export class LiveCards {
  private index: CardIndex;
  private fingerprint: string;
  private checkedAt: number;
  /** Increases at every rebuild: answers computed with an older version are stale. */
  version = 0;

  constructor(private readonly o: LiveCardsOptions) {
    this.fingerprint = this.safeFingerprint() ?? "";
    this.index = this.build();
    this.checkedAt = this.now();
  }

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  private safeFingerprint(): string | null {
    try {
      return cardsFingerprint(this.o.knowledgeDir);
    } catch (err) {
      this.o.logger?.warn({ err }, "answer cards folder unreadable: keeping the loaded cards");
      return null;
    }
  }

  private build(): CardIndex {
    const { cards, errors } = loadCards(this.o.knowledgeDir);
    for (const e of errors) this.o.logger?.warn({ file: e.file, problem: e.message }, "answer card skipped");
    return new CardIndex(this.o.accept ? cards.filter(this.o.accept) : cards);
  }

  /** The cards to answer with, rebuilt first if the files changed since the last look. */
  current(): CardIndex {
    const now = this.now();
    if (now - this.checkedAt < (this.o.checkMs ?? 2000)) return this.index;
    this.checkedAt = now;
    const fingerprint = this.safeFingerprint();
    if (fingerprint === null || fingerprint === this.fingerprint) return this.index;
    try {
      const t0 = performance.now();
      this.index = this.build();
      this.fingerprint = fingerprint;
      this.version++;
      this.o.logger?.info?.({ cards: this.index.size, ms: Math.round(performance.now() - t0) }, "answer cards reloaded");
    } catch (err) {
      // Loading reports bad files itself; anything else keeps the previous cards.
      this.o.logger?.warn({ err }, "answer cards reload failed: keeping the loaded cards");
    }
    return this.index;
  }
}
