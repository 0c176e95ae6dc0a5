/**
 * The text of an answer while a language model writes it, as channels show it
 * during streaming. Pieces are appended as they come; what is shown renumbers
 * citation markers in order of first use and tidies spaces before punctuation
 * (as the core does once the answer is complete), and holds back what may
 * still change (an unfinished marker, trailing spaces, the model's refusal
 * keyword). Shown text only ever grows, since Slack's stream is append-only.
 * At the end, `remainder(finalText)` says what completes the shown text into
 * the final reply's text, or null when the final text is not a continuation
 * (then the channel replaces the streamed message).
 */

const REFUSAL = "JE_NE_SAIS_PAS";

export class StreamText {
  private raw = "";
  private shown = "";
  private readonly numbers = new Map<string, number>();

  /** Appends one piece of the model's text. */
  push(delta: string): void {
    this.raw += delta;
  }

  /** The text shown so far (what `next()` has returned, joined). */
  get sent(): string {
    return this.shown;
  }

  /** What can be shown now, from the start. */
  preview(): string {
    let text = this.raw;
    if (text.includes(REFUSAL)) return "";
    text = text.replace(/\[\d{0,3}$/, "");
    for (let i = REFUSAL.length - 1; i > 0; i--) {
      if (text.endsWith(REFUSAL.slice(0, i))) {
        text = text.slice(0, -i);
        break;
      }
    }
    text = text
      .replace(/[ \t]+([.,;:])/g, "$1")
      .replace(/[ \t]{2,}/g, " ")
      .trimStart()
      .trimEnd();
    return text.replace(/\[(\d{1,3})\]/g, (_m, d: string) => {
      if (!this.numbers.has(d)) this.numbers.set(d, this.numbers.size + 1);
      return `[${this.numbers.get(d)}]`;
    });
  }

  /**
   * The new text to show since the last call ("" when nothing new can be
   * shown, or when the preview no longer extends what was shown).
   */
  next(): string {
    const now = this.preview();
    if (now.length <= this.shown.length || !now.startsWith(this.shown)) return "";
    const delta = now.slice(this.shown.length);
    this.shown = now;
    return delta;
  }

  /** Text that completes what was shown into `finalText`, or null when `finalText` does not continue it. */
  remainder(finalText: string): string | null {
    const final = finalText.trim();
    if (!this.shown) return null;
    return final.startsWith(this.shown) ? final.slice(this.shown.length) : null;
  }
}

/**
 * Groups a model's pieces into few channel updates: the first flush runs at once, the
 * next ones at most every `delay` ms (Slack and Teams rate-limit stream updates).
 */
export class FlushTimer {
  private timer?: NodeJS.Timeout;

  constructor(private readonly flush: () => void) {}

  /** Flushes after `delayMs` unless a flush is already pending. */
  schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delayMs);
    this.timer.unref?.();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
