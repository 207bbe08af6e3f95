// npm run check [-- --data DIR --templates DIR]: validate data/, templates/ and every angle without building.
// Exits 1 on any error.
import { readSiteArgs } from '../src/cli/args.ts';
import { printErrors } from '../src/cli/report-errors.ts';
import { runCommand } from '../src/cli/run-command.ts';
import { sortErrors } from '../src/errors/data-error.ts';
import { auditContent } from '../src/models/content-audit.ts';
import { checkSite } from '../src/plan/check-site.ts';
import { decidePage } from '../src/plan/index-policy.ts';

await runCommand(async () => {
  const started = performance.now();
  const checked = await checkSite(readSiteArgs());
  const { site } = checked;
  const errors = site ? sortErrors([...checked.errors, ...auditContent(site)]) : checked.errors;
  const code = printErrors(errors);
  if (site) {
    const counts = { indexable: 0, noindex: 0, skipped: 0 };
    for (const c of site.join.combinations) counts[decidePage(c, site.data.site.index).status]++;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `check: ${site.data.payers.length} payers, ${site.data.items.length} items, ${site.data.reasons.length} reasons, ` +
        `${site.data.facts.size} facts, ${site.data.angles.length} angles → ${counts.indexable} indexable, ` +
        `${counts.noindex} noindex, ${counts.skipped} not built, ${site.join.inapplicable.length} inapplicable (${seconds}s)\n` +
        '  (by angles; the build and the report also apply the uniqueness measure, which reads the rendered pages)\n',
    );
  }
  return code;
});
