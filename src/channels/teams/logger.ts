/** The slice of a pino logger the Teams channel uses (no personal data is ever logged). */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
};

/** Minimal console logger used when none is given. */
export const consoleLogger: Logger = {
  info: (o, m) => console.info("[teams]", m ?? o, m ? o : ""),
  warn: (o, m) => console.warn("[teams]", m ?? o, m ? o : ""),
  error: (o, m) => console.error("[teams]", m ?? o, m ? o : ""),
  debug() {},
};
