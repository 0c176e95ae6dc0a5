/** Bolt's Logger interface on top of pino (Bolt and the Web API client log through it). */
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "pino";

export function boltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const str = (args: unknown[]) =>
    args
      .map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a)))
      .join(" ")
      .slice(0, 1000);
  return {
    // The Web API client logs every request at debug level: its text is built only when debug is on.
    debug: (...args: unknown[]) => {
      if (typeof log.isLevelEnabled !== "function" || log.isLevelEnabled("debug")) log.debug(str(args));
    },
    info: (...args: unknown[]) => log.info(str(args)),
    warn: (...args: unknown[]) => log.warn(str(args)),
    error: (...args: unknown[]) => log.error(str(args)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
