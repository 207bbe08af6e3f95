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
<h2>Notes to write next</h2>
<p>For the pages that are not indexable: the note that would make the most of them indexable if written next (an estimate: a note of the usual length for its layer, counted as text no sibling has).</p>
${table(
  ['note', 'layer', 'pages it would show on', 'pages made indexable'],
  report.queue.map((q) => [q.file, q.layer, q.pages, q.unlocks]),
)}
<h2>What each page says that its siblings do not</h2>
<p>Measured on each page's visible text with its payer's and item's names masked. Share: the share of its five-word phrases found on its closest sibling (same payer and reason, or same item and reason). Own: phrases no sibling has. Medians over every built page: ${pct(report.uniqueness.all.share)} shared, ${report.uniqueness.all.unique} own${report.uniqueness.indexable ? `; over indexable pages: ${pct(report.uniqueness.indexable.share)} shared, ${report.uniqueness.indexable.unique} own` : ''}.</p>
<h3>Not indexable (${report.uniqueness.falling.length}), worst first</h3>
${table(
  ['page', 'closest sibling', 'share', 'own phrases', 'status', 'why'],
  report.uniqueness.falling.map((u) => [u.path, u.closest ?? '', pct(u.share), u.unique, u.status, u.why]),
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
    `  shared with the closest sibling (median): ${pct(report.uniqueness.all.share)} over all pages${report.uniqueness.indexable ? `, ${pct(report.uniqueness.indexable.share)} over indexable pages` : ''}`,
    `  not indexable: ${report.uniqueness.falling.length}`,
    `  over length: ${report.longTitles.length} titles, ${report.longDescriptions.length} descriptions`,
    '  notes to write next (pages made indexable / pages showing it):',
    ...report.queue.slice(0, 5).map((q) => `    ${q.file} (${q.unlocks} / ${q.pages})`),
    `  full report: ${htmlPath}`,
  ];
  return `${lines.join('\n')}\n`;
}
