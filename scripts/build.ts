// npm run build [-- --data DIR --templates DIR --out DIR]: full production build, atomically, then a summary.
import { buildSite } from '../src/generator/build-site.ts';
import { readSiteArgs } from '../src/cli/args.ts';
import { createProgress } from '../src/generator/progress.ts';
import { printBuildSummary } from '../src/cli/build-summary.ts';
import { printErrors } from '../src/cli/report-errors.ts';

const summary = await buildSite({ ...readSiteArgs(), progress: createProgress() });
printErrors(summary.errors);
printBuildSummary(summary);
process.exitCode = summary.ok ? 0 : 1;
