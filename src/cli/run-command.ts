// Runs a command's main function so that nothing ends in a stack trace: a failure prints its catalogued title,
// message and hint (and with --verbose its cause chain) and sets the exit code: 2 for a usage error, 1 otherwise.
import { toFailure, type Failure } from '../errors/build-error.ts';

export function formatFailure(failure: Failure, verbose: boolean): string {
  const lines = [
    `error ${failure.code}: ${failure.title}`,
    `  problem:  ${failure.message}`,
    `  hint:     ${failure.hint}`,
  ];
  if (verbose) lines.push(`  detail:   ${failure.detail.split('\n').join('\n            ')}`);
  return `${lines.join('\n')}\n`;
}

export async function runCommand(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    const failure = toFailure(e);
    process.stderr.write(formatFailure(failure, process.argv.includes('--verbose')));
    process.exitCode = failure.code === 'UsageError' || failure.code === 'ShardSpec' ? 2 : 1;
  }
}
