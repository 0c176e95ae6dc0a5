/**
 * An answer streamed into a Teams personal chat while a language model
 * writes it (Teams streaming for bots): an informative update first, then
 * streaming updates that each repeat all the text so far, at most one per
 * second, and the final message — with the AI label, citations, card and
 * feedback loop — carrying the same stream id. The stream starts at the first
 * piece of text, so offline answers, which come whole, are simply sent.
 * Teams streams in one-on-one chats only.
 */
import type { Activity, ResourceResponse } from "botbuilder";
import { FlushTimer, StreamText } from "../stream-text.js";
import type { Logger } from "./logger.js";
import { toTeamsMarkdown, truncate } from "./text.js";

export const INFORMATIVE_TEXT = "Je rédige la réponse à partir des sources publiques…";

type Send = (activity: Partial<Activity>) => Promise<ResourceResponse | undefined>;

const streamInfo = (o: { streamId?: string; streamType: "informative" | "streaming" | "final"; streamSequence?: number }) => ({ type: "streaminfo", ...o });

export class TeamsStream {
  private readonly text = new StreamText();
  private streamId?: string;
  private sequence = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer = new FlushTimer(() => this.flush());
  private failed = false;

  constructor(
    private readonly send: Send,
    private readonly log: Logger,
    /** Minimum time between two updates, ms (Teams accepts about one per second). */
    private readonly intervalMs = 1000,
  ) {}

  /** Receives the model's text piece by piece (Assistant.handle's onToken). */
  readonly onToken = (delta: string): void => {
    if (this.failed) return;
    this.text.push(delta);
    this.timer.schedule(this.sequence ? this.intervalMs : 0);
  };

  private flush(): void {
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      try {
        if (!this.streamId) {
          const first = await this.send({
            type: "typing",
            text: INFORMATIVE_TEXT,
            entities: [streamInfo({ streamType: "informative", streamSequence: ++this.sequence })] as never,
          });
          if (!first?.id) throw new Error("no stream id in the answer to the first streaming update");
          this.streamId = first.id;
        }
        if (!this.text.next()) return;
        const text = toTeamsMarkdown(this.text.sent);
        await this.send({
          type: "typing",
          text: truncate(text, 20_000),
          entities: [streamInfo({ streamId: this.streamId, streamType: "streaming", streamSequence: ++this.sequence })] as never,
        });
      } catch (err) {
        this.failed = true;
        this.log.warn({ err }, "teams: streaming failed, the answer will be sent whole");
      }
    });
  }

  /** The stream id once started (the final message must carry it). */
  async finish(): Promise<string | null> {
    this.timer.cancel();
    await this.chain;
    return this.streamId ?? null;
  }
}

/** Marks a final message as the end of stream `streamId`. */
export function finalOf(activity: Partial<Activity>, streamId: string): Partial<Activity> {
  return { ...activity, entities: [...(activity.entities ?? []), streamInfo({ streamId, streamType: "final" }) as never] };
}
