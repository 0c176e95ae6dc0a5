import { Channel } from "../domain/ids.js";

/** Channels whose records `forget` looks through when no channel is given. */
export const CHANNELS_FOR_FORGET: readonly string[] = Channel.options;
