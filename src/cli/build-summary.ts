// The one-screen summary printed after `npm run build`.
import path from 'node:path';
import type { BuildSummary } from '../generator/build-site.ts';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

export function printBuildSummary(
  summary: BuildSummary,
  stream: NodeJS.WriteStream = process.stdout,
  verbose = false,
): void {
  const out = path.relative(process.cwd(), summary.outDir) || '.';
  const lines: string[] = [];
  if (!summary.ok) {
    const failure = summary.failure;
    lines.push(
      `build failed: ${failure ? `${failure.message}\n  ${failure.title}. ${failure.hint}` : 'data errors (listed above)'}`,
    );
    if (failure && verbose) lines.push(`  ${failure.detail.split('\n').join('\n  ')}`);
    lines.push(`${out}/ was left unchanged.`);
  } else {
    const { indexable, noindex, skipped, inapplicable } = summary.pages;
    lines.push(
      summary.upToDate
        ? `build up to date → ${out}/ already matches the data, templates and code (${summary.seconds.toFixed(1)}s; --force rebuilds)`
        : `build complete → ${out}/ in ${summary.seconds.toFixed(1)}s`,
    );
    lines.push(
      `  pages written   ${indexable + noindex} (${indexable} indexable, ${noindex} noindex) + ${summary.hubs} hubs`,
    );
    if (summary.repaired?.length)
      lines.push(
        `  repaired        ${summary.repaired.length} file(s) of ${out}/ were not as the last build left them (e.g. ${summary.repaired[0]}): rebuilt, or removed if the build did not write them`,
      );
    if (summary.rerendered !== undefined && summary.rerendered < indexable + noindex)
      lines.push(
        `  re-rendered     ${summary.rerendered} changed guide(s); the others were reused unchanged`,
      );
    if (summary.remeasured !== undefined && summary.remeasured < indexable + noindex)
      lines.push(
        `  re-measured     ${summary.remeasured} guide(s) in the sibling groups an edit reached; the others kept their figures`,
      );
    lines.push(
      `  not built       ${skipped + inapplicable} (${skipped} by index policy, ${inapplicable} inapplicable)`,
    );
    for (const r of summary.reasons) lines.push(`    ${String(r.count).padStart(5)}  ${r.status}: ${r.why}`);
    const { total, unchecked, stale } = summary.facts;
    lines.push(
      `  facts           ${total} (${unchecked} not checked against their current source, ${stale} not checked recently: shown without a date)`,
    );
    lines.push(`  redirects       ${summary.redirects}`);
    lines.push(`  sitemap URLs    ${summary.sitemapUrls} (indexable pages and hubs)`);
    lines.push(`  output          ${summary.files} files, ${formatBytes(summary.bytes)}`);
    lines.push(
      `  time by stage   ${summary.stages.map((s) => `${s.stage} ${s.seconds.toFixed(2)}s`).join(' · ')}`,
    );
  }
  const dataWarnings = summary.errors.filter((e) => e.severity === 'warning').length;
  if (dataWarnings) lines.push(`  data warnings   ${dataWarnings} (listed above)`);
  for (const w of summary.warnings) lines.push(`  warning: ${w}`);
  const removed = summary.removedPages ?? [];
  if (removed.length)
    lines.push(
      `  warning: ${removed.length} page(s) of the last build are gone with no redirect, e.g. ${removed[0]}; if a slug was renamed, add the old one to that row's formerSlugs so visitors and search engines are sent to the new page`,
    );
  stream.write(`${lines.join('\n')}\n`);
}
