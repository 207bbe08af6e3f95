// npm run build [-- --data DIR --templates DIR --out DIR --force --shard i/n --verbose]: full production build,
// atomically, then a summary.
import { readSiteArgs } from '../src/cli/args.ts';
import { printBuildSummary } from '../src/cli/build-summary.ts';
import { printErrors } from '../src/cli/report-errors.ts';
import { runCommand } from '../src/cli/run-command.ts';
import { buildSite } from '../src/generator/build-site.ts';
import { createProgress } from '../src/generator/progress.ts';

await runCommand(async () => {
  const { verbose, ...args } = readSiteArgs();
  const summary = await buildSite({ ...args, progress: createProgress() });
  printErrors(summary.errors);
  printBuildSummary(summary, process.stdout, verbose);
  return summary.ok ? 0 : 1;
});
