// The report as one self-contained HTML file an editor can open, and as a short terminal summary.
import { escapeHtml } from '../html/escape.ts';
import type { Report } from './build-report.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function table(headers: string[], rows: (string | number)[][]): string {
  if (!rows.length) return '<p>None.</p>';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function reportHtml(report: Report): string {
  const t = report.totals;
  const payers = [...new Set(report.matrix.map((m) => m.payer))];
  const matrix = payers
    .map((payer) => {
      const rows = report.matrix.filter((m) => m.payer === payer);
      return `<h3>${escapeHtml(payer)}</h3>${table(
        ['item', 'reason', 'angle layers', 'status', 'why'],
        rows.map((m) => [m.item, m.reason, m.layers, m.status, m.why]),
      )}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Denial Pages content report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}</style>
</head><body>
<h1>Content report</h1>
<p>${t.combinations} combinations: ${t.indexable} indexable, ${t.noindex} noindex, ${t.skipped} not built by the index policy; ${t.inapplicable} inapplicable (no page). ${t.angles} angles.</p>
<h2>Most valuable missing angles</h2>
<p>Ranked by how many built pages each would make indexable, then by how many pages would show it.</p>
${table(
  ['layer', 'payer', 'item', 'reason', 'pages made indexable', 'pages showing it'],
  report.missing.map((m) => [m.layer, m.payer ?? '', m.item ?? '', m.reason, m.unlocks, m.pages]),
)}
<h2>Near-duplicates</h2>
<p>Indexable pages sharing payer and reason: the median share of one page's five-word phrases (main content) found in the other is ${pct(report.pageOverlap.median)} over ${report.pageOverlap.pairs} ordered pairs; against each page's closest sibling the median is ${pct(report.pageOverlap.medianClosest)}.</p>
${table(
  ['page', 'closest sibling', 'overlap'],
  report.pageOverlap.worst.map((w) => [w.page, w.sibling, pct(w.overlap)]),
)}
<h3>Taken out of the index as near-duplicates (${report.nearDuplicates.length})</h3>
${table(
  ['page', 'repeats', 'overlap'],
  report.nearDuplicates.map((d) => [d.path, d.sibling, pct(d.overlap)]),
)}
<h3>Angles that read most alike</h3>
${table(
  ['angle', 'angle', 'overlap'],
  report.similarAngles.map((s) => [s.a, s.b, pct(s.overlap)]),
)}
<h2>Titles and descriptions over length</h2>
${table(
  ['page', 'title length', 'title'],
  report.longTitles.map((l) => [l.path, l.length, l.title]),
)}
${table(
  ['page', 'description length'],
  report.longDescriptions.map((l) => [l.path, l.length]),
)}
<h2>Coverage matrix</h2>
${matrix}
<h2>Combinations with no page</h2>
${table(
  ['payer', 'item', 'reason', 'why'],
  report.inapplicable.map((e) => [e.payer, e.item, e.reason, e.why]),
)}
</body></html>
`;
}

export function reportSummary(report: Report, htmlPath: string): string {
  const t = report.totals;
  const lines = [
    `report: ${t.combinations} combinations → ${t.indexable} indexable, ${t.noindex} noindex, ${t.skipped} not built, ${t.inapplicable} inapplicable; ${t.angles} angles`,
    `  overlap between indexable siblings (same payer and reason): median ${pct(report.pageOverlap.median)} over ${report.pageOverlap.pairs} pairs, ${pct(report.pageOverlap.medianClosest)} to the closest sibling`,
    `  near-duplicates taken out of the index: ${report.nearDuplicates.length}`,
    `  over length: ${report.longTitles.length} titles, ${report.longDescriptions.length} descriptions`,
    '  next angles to write (pages made indexable / pages showing it):',
    ...report.missing
      .slice(0, 5)
      .map(
        (m) =>
          `    ${m.layer}: ${[m.payer, m.item, m.reason].filter(Boolean).join(' × ')} (${m.unlocks} / ${m.pages})`,
      ),
    `  full report: ${htmlPath}`,
  ];
  return `${lines.join('\n')}\n`;
}
