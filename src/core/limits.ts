/** Size limits shared by every entry point (HTTP API, channels, the core). */

/** Longest question kept, in characters: longer ones are refused by the API and cut by the channels and the core. */
export const MAX_QUESTION_CHARS = 4000;
