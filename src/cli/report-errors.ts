// Prints collected data errors for a terminal (with colour when it is one) and returns the exit code.
import { formatErrors, hasErrors, type DataError } from '../errors/data-error.ts';

export function printErrors(
  errors: readonly DataError[],
  stream: NodeJS.WriteStream = process.stderr,
): number {
  if (!errors.length) return 0;
  let text = formatErrors(errors);
  if (stream.isTTY) {
    text = text.replace(
      /^(\S+:\d+:\d+) (error|warning)/gm,
      (_, loc: string, sev: string) =>
        `\x1b[1m${loc}\x1b[0m ${sev === 'error' ? '\x1b[31merror\x1b[0m' : '\x1b[33mwarning\x1b[0m'}`,
    );
  }
  stream.write(`${text}\n`);
  return hasErrors(errors) ? 1 : 0;
}
