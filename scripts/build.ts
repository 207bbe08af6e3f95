// npm run build: full production build into dist/, atomically, then a one-screen summary.
import { buildSite } from '../src/build/build-site.ts';
import { printBuildSummary } from '../src/cli/build-summary.ts';
import { printErrors } from '../src/cli/report-errors.ts';

const summary = await buildSite({ root: process.cwd() });
printErrors(summary.errors);
printBuildSummary(summary);
process.exitCode = summary.ok ? 0 : 1;
