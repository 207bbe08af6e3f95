// npm run report [-- --data DIR --out FILE]: coverage and content-quality report, summary on the terminal,
// details in an HTML file (reports/report.html by default).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printErrors } from '../src/cli/report-errors.ts';
import { renderSite } from '../src/generator/site-models.ts';
import { checkSite } from '../src/plan/check-site.ts';
import { buildReport } from '../src/report/build-report.ts';
import { reportHtml, reportSummary } from '../src/report/report-html.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, templates: { type: 'string' }, out: { type: 'string' } },
});
const root = process.cwd();
const { site, errors } = await checkSite({
  root,
  ...(values.data && { dataDir: values.data }),
  ...(values.templates && { templatesDir: values.templates }),
});
if (!site) {
  printErrors(errors);
  process.stderr.write('report: fix the errors above first.\n');
  process.exit(1);
}
const report = buildReport(site, renderSite(site));
const out = path.resolve(root, values.out ?? 'reports/report.html');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, reportHtml(report));
process.stdout.write(reportSummary(report, path.relative(root, out)));
