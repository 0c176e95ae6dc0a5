/**
 * Compatibility patches of the Bot Framework SDK, each idempotent.
 *
 * patchEntitySerialization — works around a serialization bug between botframework-connector 4.23.3 and
 * @azure/core-client ≥ 1.9: when serializing `activity.entities`, core-client
 * swaps the element mapper for the registered `Entity` model mapper, which has
 * no `additionalProperties`, so every entity property except `type` is dropped
 * on the wire — Teams would never receive the AI label nor the citations.
 * Declaring `additionalProperties` on the registered model restores them.
 * Idempotent; only touches the copy of botframework-connector botbuilder uses.
 */
import { createRequire } from "node:module";

let patched = false;

export function patchEntitySerialization(): boolean {
  if (patched) return true;
  try {
    const requireFromHere = createRequire(import.meta.url);
    const requireFromBotbuilder = createRequire(requireFromHere.resolve("botbuilder"));
    const mappers = requireFromBotbuilder("botframework-connector/lib/connectorApi/models/mappers") as {
      Entity?: { type: { additionalProperties?: unknown } };
    };
    if (mappers.Entity && !mappers.Entity.type.additionalProperties) {
      mappers.Entity.type.additionalProperties = { type: { name: "Object" } };
    }
    patched = true;
  } catch {
    patched = false;
  }
  return patched;
}

let quieted = false;

/**
 * quietTokenErrors — botframework-connector's JwtTokenExtractor writes to the
 * console on each refused token: the whole public key ("Error finding key for
 * token. Available keys: …") or the error with its stack. A public endpoint
 * receives forged tokens routinely; the channel logs one line itself. Only
 * those two messages are dropped; everything else reaches the console.
 */
export function quietTokenErrors(): void {
  if (quieted) return;
  quieted = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first === "string" && first.startsWith("Error finding key for token.")) return;
    if (first instanceof Error && /^(TokenExpiredError|JsonWebTokenError|NotBeforeError)$/.test(first.name)) return;
    original(...args);
  };
}
