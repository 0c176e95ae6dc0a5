/** CLI error conventions: usage problems exit with code 2 and a clear message on stderr. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function fail(message: string, code = 2): number {
  process.stderr.write(`${message.endsWith("\n") ? message : `${message}\n`}`);
  return code;
}
