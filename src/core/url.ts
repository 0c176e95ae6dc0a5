/** URL safety: only http(s) links are ever rendered as links (no javascript:, data:, file:). */

/**
 * The normalised URL when it is an absolute http(s) URL, else undefined.
 * @example safeUrl("javascript:alert(1)") // undefined
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
