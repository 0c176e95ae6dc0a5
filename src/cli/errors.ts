/** CLI error conventions: usage problems exit with code 2 and a clear message on stderr. */
import { RelaisError } from "../core/errors.js";

export class UsageError extends RelaisError {
  readonly code = "cli.usage";
}

export function fail(message: string, code = 2): number {
  process.stderr.write(`${message.endsWith("\n") ? message : `${message}\n`}`);
  return code;
}
