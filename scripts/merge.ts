// npm run merge -- [--out DIR] SHARD_DIR...: combines the outputs of `npm run build -- --shard i/n` into one
// site, with one sitemap index, one redirects file and the host files, identical to an unsharded build.
import { readSiteArgs } from '../src/cli/args.ts';
import { printBuildSummary } from '../src/cli/build-summary.ts';
import { printErrors } from '../src/cli/report-errors.ts';
import { runCommand } from '../src/cli/run-command.ts';
import { buildSite } from '../src/generator/build-site.ts';
import { createProgress } from '../src/generator/progress.ts';

await runCommand(async () => {
  const { positionals, verbose, ...args } = readSiteArgs();
  if (positionals.length === 0) {
    process.stderr.write('usage: npm run merge -- [--out dist] shard-1 shard-2 …\n');
    return 2;
  }
  const summary = await buildSite({ ...args, mergeShards: positionals, progress: createProgress() });
  printErrors(summary.errors);
  printBuildSummary(summary, process.stdout, verbose);
  return summary.ok ? 0 : 1;
});
