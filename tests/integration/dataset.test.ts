// The starter dataset in data/ as a content team would launch it: size, index policy, near-duplicates, the
// kind-specific wording and citations. Runs the pipeline without Astro (the build tests cover the HTML).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSite, renderSiteInThreads, type RenderedSite } from '../../src/generator/site-models.ts';
import { checkSite } from '../../src/plan/check-site.ts';
import { pageOverlap } from '../../src/report/build-report.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

let rendered: RenderedSite;
const htmlOf = (page: RenderedSite['pages'][number]) =>
  Object.values(page.html)
    .map((fragment) => fragment.__html)
    .join(' ');
beforeAll(async () => {
  const { site, errors } = await checkSite({ root: PROJECT_ROOT });
  expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
  rendered = renderSite(site!);
}, 120_000);

describe('starter dataset', () => {
  it('builds at least 2,000 pages, at least 1,500 of them indexable', () => {
    const indexable = rendered.pages.filter((p) => p.robots === 'index, follow');
    expect(rendered.pages.length).toBeGreaterThanOrEqual(2000);
    expect(indexable.length).toBeGreaterThanOrEqual(1500);
  });

  it('keeps indexable siblings (same payer and reason) apart: median five-word overlap under 35%', () => {
    const overlap = pageOverlap(rendered.pages);
    expect(overlap.pairs).toBeGreaterThan(10_000);
    expect(overlap.median).toBeLessThan(0.35);
  });

  it('never speaks of a prescribing label on a test, procedure or device page', () => {
    const offenders = rendered.pages
      .filter((p) => p.item.kind !== 'drug')
      .filter((p) => /prescribing label/i.test(htmlOf(p) + p.checklist.join(' ')))
      .map((p) => p.path);
    expect(offenders).toEqual([]);
  });

  it('cites every fact on every page with a numbered source that links to its official URL', () => {
    for (const page of rendered.pages) {
      // Markers in the text, and the deadline calculator's rules (which cite the deadlines they compute).
      const cited = new Set([
        ...[...htmlOf(page).matchAll(/href="#source-(\d+)"/g)].map((m) => Number(m[1])),
        ...page.deadlines.flatMap((plan) => plan.rows.map((row) => row.cite.n)),
        ...page.rules.map((rule) => rule.n),
      ]);
      const numbered = new Map(page.sources.filter((s) => s.n !== undefined).map((s) => [s.n!, s]));
      expect(
        [...cited].sort((a, b) => a - b),
        page.path,
      ).toEqual([...numbered.keys()]);
      for (const source of numbered.values()) {
        expect(source.url, page.path).toMatch(/^https:\/\//);
        expect(source.citation, page.path).toBeTruthy();
      }
    }
  });

  it('gives every item-specific angle a hook and its own documents to gather', () => {
    const missing = rendered.pages
      .filter((p) => p.robots === 'index, follow' && p.checklist.length < 4)
      .map((p) => p.path);
    expect(missing).toEqual([]);
  });
});

describe('page models on two threads', () => {
  // A low threshold, so the starter data has near-duplicates and (with nonIndexable: skip) links to drop.
  const loadStrict = async () => {
    const { site } = await checkSite({ root: PROJECT_ROOT });
    site!.data.site.index.nearDuplicateThreshold = 0.3;
    return site!;
  };

  it('give the same site as one thread: pages, near-duplicates, hubs, sitemap and the memo', async () => {
    const single = await loadStrict();
    const singleMemo = { previous: {}, next: {} };
    const expected = renderSite(single, singleMemo);
    expect(expected.nearDuplicates.length).toBeGreaterThan(10);
    expect(single.data.site.index.nonIndexable).toBe('skip');

    const threaded = await loadStrict();
    const memo = { previous: {}, next: {} };
    const actual = await renderSiteInThreads(threaded, memo);
    expect(actual).toEqual(expected);
    expect(memo.next).toEqual(singleMemo.next);

    // With the memo of that run, every group is reused and the result is the same.
    const again = await renderSiteInThreads(await loadStrict(), { previous: memo.next, next: {} });
    expect(again.nearDuplicates).toEqual(expected.nearDuplicates);
  }, 120_000);
});
