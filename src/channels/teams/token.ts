/**
 * Cheap checks of a Bot Framework bearer token before the SDK validates it.
 * Bot Framework signs with RS256 and a published key id; a token with another
 * algorithm ("none", HS256 signed with the app password…), no key id, a broken
 * encoding or an expiry long past is refused here, without calling the SDK —
 * which would log a stack trace or the whole public key for each such request.
 * The SDK still does the real validation (signature, issuer, audience,
 * endorsements, serviceUrl) of every token that passes.
 */

/** Same tolerance as the SDK's token validation (5 minutes). */
const CLOCK_TOLERANCE_S = 300;

function decodePart(part: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Why `authorization` cannot be a Bot Framework token, or null when it may be one.
 *
 * @example
 * tokenRejection("Bearer eyJhbGciOiJub25lIn0.e30.") // → "algorithm none"
 */
export function tokenRejection(authorization: string, nowMs = Date.now()): string | null {
  const m = /^Bearer ([^\s.]+)\.([^\s.]+)\.([^\s.]*)$/.exec(authorization.trim());
  if (!m) return "not a bearer JWT";
  const header = decodePart(m[1]!);
  const payload = decodePart(m[2]!);
  if (!header || !payload) return "undecodable JWT";
  if (header.alg !== "RS256") return `algorithm ${String(header.alg).slice(0, 20)}`;
  if (typeof header.kid !== "string" || !header.kid) return "no key id";
  if (!m[3]) return "no signature";
  if (typeof payload.exp !== "number") return "no expiry";
  if (payload.exp < nowMs / 1000 - CLOCK_TOLERANCE_S) return "expired";
  return null;
}
