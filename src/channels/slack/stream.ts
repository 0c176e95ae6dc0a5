/**
 * An answer streamed into a Slack thread while a language model writes it
 * (Web API chat stream: chat.startStream, chat.appendStream, chat.stopStream).
 * The stream starts at the first piece of text, so offline answers, which
 * come whole, are simply posted. At the end, the blocks that follow the text
 * (route, sources, buttons) are added when the stream stops; when the final
 * text is not what was streamed (checked citations, fallback to the offline
 * answer), the message is replaced by the final one.
 */
import type { Logger } from "pino";
import type { webApi } from "@slack/bolt";
import type { Reply } from "../../domain/reply.js";
import { FlushTimer, StreamText } from "../stream-text.js";
import type { SlackMessage } from "./render.js";

type WebClient = webApi.WebClient;
type Streamer = ReturnType<WebClient["chatStream"]>;

/** Streamed markdown goes out unparsed by us: no character that could open a Slack mention or link. */
const safe = (text: string) => text.replace(/</g, "‹").replace(/>/g, "›");

export interface StreamPlace {
  channel: string;
  threadTs: string;
  /** The person asking and their workspace: Slack needs them to stream outside a direct message. */
  user?: string;
  teamId?: string;
}

export class SlackAnswerStream {
  private readonly text = new StreamText();
  private streamer?: Streamer;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer = new FlushTimer(() => this.flush());
  private failed = false;

  constructor(
    private readonly client: WebClient,
    private readonly where: StreamPlace,
    private readonly log: Logger,
    /** Minimum time between two appends, ms (Slack rate-limits them). */
    private readonly intervalMs = 300,
  ) {}

  /** Whether any text came (an offline answer sends none: the reply is posted whole, nothing to render for a stream). */
  get received(): boolean {
    return this.anyText;
  }
  private anyText = false;

  /** Receives the model's text piece by piece (Assistant.handle's onToken). */
  readonly onToken = (delta: string): void => {
    if (this.failed) return;
    if (delta) this.anyText = true;
    this.text.push(delta);
    this.timer.schedule(this.streamer ? this.intervalMs : 0);
  };

  private flush(): void {
    const delta = this.text.next();
    if (!delta) return;
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      try {
        this.streamer ??= this.client.chatStream({
          channel: this.where.channel,
          thread_ts: this.where.threadTs,
          ...(this.where.user && this.where.teamId && !this.where.channel.startsWith("D")
            ? { recipient_user_id: this.where.user, recipient_team_id: this.where.teamId }
            : {}),
          buffer_size: 1,
        });
        await this.streamer.append({ markdown_text: safe(delta) });
      } catch (err) {
        this.failed = true;
        this.log.warn({ err }, "slack stream failed; the answer will be posted whole");
      }
    });
  }

  /**
   * Ends the stream with the final reply: `after` holds the blocks that follow
   * the text, `whole` the full message (used when the streamed text is not the
   * final one). Returns the message ts, or null when nothing was streamed (the
   * caller posts the reply as usual).
   */
  async finish(reply: Reply, after: SlackMessage, whole: SlackMessage): Promise<string | null> {
    this.timer.cancel();
    await this.chain;
    const ts = this.streamer?.ts;
    if (!this.streamer || !ts) return null;
    const rest = this.failed ? null : this.text.remainder(reply.text);
    try {
      if (rest !== null) {
        await this.streamer.stop({ ...(rest.trim() ? { markdown_text: safe(rest) } : {}), blocks: after.blocks });
        return ts;
      }
      await this.streamer.stop();
    } catch (err) {
      this.log.warn({ err }, "slack stream could not be stopped; replacing the message");
    }
    await this.client.chat.update({ channel: this.where.channel, ts, text: whole.text, blocks: whole.blocks });
    return ts;
  }
}
