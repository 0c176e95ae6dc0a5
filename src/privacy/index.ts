export { scrub, scrubDetailed, PII_TAGS, type PiiKind, type ScrubResult } from "./scrub.js";
export { pseudonymize, userHash, personKey, PERSON_KEY_CHARS, candidateHashes } from "./pseudonym.js";
