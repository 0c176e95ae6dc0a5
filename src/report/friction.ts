/**
 * The preparation of a friction report's stored record, shared by the CLI
 * (`friction add`) and the conversation intake: description scrubbed of personal
 * data, commune resolved to INSEE code and EPCI when possible. The vocabulary and
 * the validation live in src/domain/friction.ts.
 */
import type { Channel } from "../domain/ids.js";
import type { FrictionInput } from "../domain/friction.js";
import { scrub } from "../privacy/scrub.js";
import type { FrictionRecord } from "../storage/types.js";

export {
  checkFrictionField,
  DESCRIPTION_MAX,
  describeFriction,
  FRICTION_FIELDS,
  type FrictionValidation,
  validateFriction,
} from "../domain/friction.js";

/** Commune resolution result used for the territory of a friction report. */
export interface ResolvedCommune {
  code: string;
  name: string;
  epci?: string;
}
export type CommuneResolver = (nameOrCode: string) => ResolvedCommune | null | Promise<ResolvedCommune | null>;

/**
 * Default resolver: src/eligibility/communes.ts `resolveCommune` (official
 * geography), loaded lazily. OPTIONAL HOOK: if that module is missing or fails,
 * frictions are stored with the commune as typed and no INSEE code/EPCI.
 */
export async function defaultCommuneResolver(): Promise<CommuneResolver | null> {
  try {
    const mod = (await import("../eligibility/communes.js")) as {
      resolveCommune?: (s: string) => { code: string; name: string; epci?: { name: string } } | null;
    };
    if (typeof mod.resolveCommune !== "function") return null;
    const resolve = mod.resolveCommune;
    return (s: string) => {
      const c = resolve(s);
      return c ? { code: c.code, name: c.name, epci: c.epci?.name } : null;
    };
  } catch {
    return null;
  }
}

export interface PrepareContext {
  userHash: string;
  channel: Channel;
  /** Defaults to `defaultCommuneResolver()`; pass null to skip resolution. */
  resolveCommune?: CommuneResolver | null;
}

/** Builds the record to store: description (and commune text) scrubbed, commune resolved when possible. */
export async function prepareFriction(input: FrictionInput, ctx: PrepareContext): Promise<FrictionRecord> {
  const resolver = ctx.resolveCommune === undefined ? await defaultCommuneResolver() : ctx.resolveCommune;
  let resolved: ResolvedCommune | null = null;
  if (resolver) {
    try {
      resolved = await resolver(input.commune);
    } catch {
      resolved = null;
    }
  }
  const rec: FrictionRecord = {
    ...input,
    commune: resolved?.name ?? scrub(input.commune),
    description: scrub(input.description),
    userHash: ctx.userHash,
    channel: ctx.channel,
  };
  if (resolved?.code) rec.communeCode = resolved.code;
  if (resolved?.epci) rec.epci = resolved.epci;
  return rec;
}
