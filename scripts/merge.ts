// npm run merge -- [--out DIR] SHARD_DIR...: combines the outputs of `npm run build -- --shard i/n` into one
// site, with one sitemap index, one redirects file and the host files, identical to an unsharded build.
import { buildSite } from '../src/generator/build-site.ts';
import { createProgress } from '../src/generator/progress.ts';
import { readSiteArgs } from '../src/cli/args.ts';
import { printBuildSummary } from '../src/cli/build-summary.ts';
import { printErrors } from '../src/cli/report-errors.ts';

const { positionals, ...args } = readSiteArgs();
if (positionals.length === 0) {
  process.stderr.write('usage: npm run merge -- [--out dist] shard-1 shard-2 …\n');
  process.exit(2);
}
const summary = await buildSite({ ...args, mergeShards: positionals, progress: createProgress() });
printErrors(summary.errors);
printBuildSummary(summary);
process.exitCode = summary.ok ? 0 : 1;
