import { describe, expect, it } from 'vitest';
import { findNearDuplicates, mainContent } from '../../src/measure/near-duplicates.ts';
import { trusted } from '../../src/html/markup.ts';
import type { PageContent } from '../../src/models/page-model.ts';

const shared = 'the plan must answer each criterion in writing before the deadline on the notice '.repeat(3);
const own = (seed: string) =>
  Array.from({ length: 60 }, (_, i) => `${seed}${i} word${i * 7} other${seed}`).join(' ');

function page(path: string, payer: string, reason: string, angle: string): PageContent {
  const [empty, rights] = [trusted(''), trusted(shared)];
  return {
    path,
    title: `Title ${path}`,
    payer: { slug: payer },
    item: { slug: path },
    reason: { slug: reason },
    checklist: [],
    html: { hook: empty, rights, requirements: empty, nextSteps: empty, angle: trusted(angle) },
  } as unknown as PageContent;
}

describe('near-duplicate rule', () => {
  it('keeps the first of two pages that repeat each other and flags the second with its overlap', () => {
    const a = page('/p/a/r/', 'p', 'r', own('alpha'));
    const copy = page('/p/b/r/', 'p', 'r', own('alpha'));
    const distinct = page('/p/c/r/', 'p', 'r', own('gamma'));
    const found = findNearDuplicates([copy, distinct, a], 0.5, () => 1);
    expect(found).toEqual([{ path: '/p/b/r/', sibling: '/p/a/r/', overlap: expect.any(Number) }]);
    expect(found[0]!.overlap).toBeGreaterThan(0.9);
  });

  it('compares only pages with the same payer and reason', () => {
    const a = page('/p/a/r/', 'p', 'r', own('alpha'));
    const otherPayer = page('/q/a/r/', 'q', 'r', own('alpha'));
    const otherReason = page('/p/a/s/', 'p', 's', own('alpha'));
    expect(findNearDuplicates([a, otherPayer, otherReason], 0.5, () => 1)).toEqual([]);
  });

  it('lets the better-ranked page (a full angle) stay indexable, and honours the threshold', () => {
    const layered = page('/p/a/r/', 'p', 'r', own('alpha'));
    const full = page('/p/z/r/', 'p', 'r', own('alpha'));
    const rank = (p: PageContent) => (p.path === '/p/z/r/' ? 0 : 1);
    expect(findNearDuplicates([layered, full], 0.5, rank).map((d) => d.path)).toEqual(['/p/a/r/']);
    const half = page('/p/h/r/', 'p', 'r', `${own('alpha').slice(0, 400)} ${own('delta')}`);
    const overlap = findNearDuplicates([layered, half], 0.01, () => 1)[0]!.overlap;
    expect(findNearDuplicates([layered, half], overlap + 0.01, () => 1)).toEqual([]);
    expect(findNearDuplicates([layered, half], overlap, () => 1)).toHaveLength(1);
  });

  it('measures main content: the angle text counts, the CTA does not', () => {
    const p = page('/p/a/r/', 'p', 'r', 'angle words here');
    p.html.cta = trusted('buy now');
    expect(mainContent(p)).toContain('angle words here');
    expect(mainContent(p)).not.toContain('buy now');
  });
});

describe('hashed shingles', () => {
  it('agree with the string shingles on the share of phrases two texts have in common', async () => {
    const { containment, containmentSorted, shingleHashes, shingles } =
      await import('../../src/measure/shingles.ts');
    const a =
      '<p>The plan&#39;s criteria — Über-strict, aren’t they? Ask your doctor for the records.</p> <b>More</b> words here now';
    const b =
      'the PLAN s criteria über strict aren t they ask your doctor for the letter and more words here now';
    expect(shingleHashes(a).length).toBe(shingles(a).size);
    expect(containmentSorted(shingleHashes(a), shingleHashes(b))).toBeCloseTo(
      containment(shingles(a), shingles(b)),
      10,
    );
  });
});

describe('near-duplicate results carried between builds', () => {
  it('reuses a group whose pages are unchanged and compares an edited group again', () => {
    const pages = [
      page('/p/a/r/', 'p', 'r', own('alpha')),
      page('/p/b/r/', 'p', 'r', own('alpha')),
      page('/q/a/r/', 'q', 'r', own('beta')),
      page('/q/b/r/', 'q', 'r', own('gamma')),
    ];
    const first = { previous: {}, next: {} as Record<string, never[]> };
    const fresh = findNearDuplicates(pages, 0.5, () => 1, first);
    expect(fresh.map((d) => d.path)).toEqual(['/p/b/r/']);
    expect(Object.keys(first.next)).toHaveLength(2);

    // A planted result proves the unchanged group is read from the memo, not recomputed.
    const [pKey, qKey] = Object.keys(first.next);
    const planted = { path: '/q/b/r/', sibling: '/q/a/r/', overlap: 0.99 };
    const previous = { ...first.next, [qKey!]: [planted] };
    const again = findNearDuplicates(pages, 0.5, () => 1, { previous, next: {} });
    expect(again.map((d) => d.path).sort()).toEqual(['/p/b/r/', '/q/b/r/'].sort());
    expect(pKey).toBeDefined();

    // Editing a page of that group changes its key: the group is compared afresh and the planted result goes.
    const edited = pages.map((p) => (p.path === '/q/b/r/' ? page('/q/b/r/', 'q', 'r', own('delta')) : p));
    const next = {} as Record<string, unknown[]>;
    const afterEdit = findNearDuplicates(edited, 0.5, () => 1, { previous, next } as never);
    expect(afterEdit.map((d) => d.path)).toEqual(['/p/b/r/']);
    expect(Object.keys(next)).not.toContain(qKey);
  });
});
