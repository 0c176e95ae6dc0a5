export { scrub, scrubDetailed, PII_TAGS, type PiiKind, type ScrubResult } from "./scrub.js";
export { pseudonymize, userHash, candidateHashes } from "./pseudonym.js";
