// The uniqueness measure is fast because it counts shared phrases by sets of pages, not pair by pair, and reads a
// page's words in one pass over its HTML. Both are held here to the plain way of doing it, on random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureUniqueness, type MeasuredPage, type Uniqueness } from '../../src/measure/page-uniqueness.ts';
import { textWords } from '../../src/measure/shingles.ts';
import { visibleText, visibleWords } from '../../src/measure/visible-text.ts';

/** The definition, pair by pair: every pair of siblings merged, both pages marked where they share a phrase. */
function reference(pages: readonly MeasuredPage[]): Uniqueness[] {
  const shares = pages.map((p) => Array.from(p.phrases, () => false));
  const best = pages.map(() => ({ count: -1, closest: undefined as string | undefined }));
  pages.forEach((p, i) =>
    pages.forEach((q, j) => {
      if (i === j || p.reason !== q.reason || (p.payer !== q.payer && p.item !== q.item)) return;
      const set = new Set(q.phrases);
      let count = 0;
      p.phrases.forEach((phrase, k) => {
        if (!set.has(phrase)) return;
        count++;
        shares[i]![k] = true;
      });
      const b = best[i]!;
      if (count > b.count || (count === b.count && q.path < b.closest!))
        Object.assign(b, { count, closest: q.path });
    }),
  );
  return pages.map((page, i) => {
    const phrases = page.phrases.length;
    const { count, closest } = best[i]!;
    return {
      path: page.path,
      closest,
      share: phrases && count > 0 ? count / phrases : 0,
      unique: shares[i]!.filter((s) => !s).length,
      phrases,
    };
  });
}

/** Pages of a small matrix, each with phrases drawn from a small pool, so siblings share some and not others. */
const site = fc
  .record({
    payers: fc.integer({ min: 1, max: 4 }),
    items: fc.integer({ min: 1, max: 5 }),
    reasons: fc.integer({ min: 1, max: 2 }),
    pool: fc.integer({ min: 4, max: 40 }),
    seed: fc.integer(),
  })
  .chain(({ payers, items, reasons, pool }) =>
    fc
      .array(fc.uniqueArray(fc.integer({ min: 1, max: pool }), { maxLength: pool }), {
        minLength: payers * items * reasons,
        maxLength: payers * items * reasons,
      })
      .map((sets) =>
        sets.map((phrases, n): MeasuredPage => {
          const payer = n % payers;
          const item = Math.floor(n / payers) % items;
          const reason = Math.floor(n / (payers * items));
          return {
            path: `/p${payer}/i${item}/r${reason}/`,
            payer: `p${payer}`,
            item: `i${item}`,
            reason: `r${reason}`,
            // Large hashes too, as real phrase hashes are (they are packed with the page's number).
            phrases: Uint32Array.from(new Set(phrases.map((v) => (v * 2654435761) >>> 0))).sort(),
          };
        }),
      ),
  );

describe('measureUniqueness', () => {
  it('gives exactly what comparing every pair of siblings gives', () => {
    fc.assert(
      fc.property(site, (pages) => {
        expect(measureUniqueness(pages)).toEqual(reference(pages));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a phrase every page has once per pair, and a phrase one page has as its own', () => {
    const page = (path: string, payer: string, phrases: number[]): MeasuredPage => ({
      path,
      payer,
      item: 'x',
      reason: 'r',
      phrases: Uint32Array.from(phrases),
    });
    const [a, b] = measureUniqueness([page('/a/', 'a', [1, 2, 3, 9]), page('/b/', 'b', [1, 2, 3, 4])]);
    expect(a).toEqual({ path: '/a/', closest: '/b/', share: 0.75, unique: 1, phrases: 4 });
    expect(b).toEqual({ path: '/b/', closest: '/a/', share: 0.75, unique: 1, phrases: 4 });
  });
});

describe('visibleWords', () => {
  const fragments = fc.constantFrom(
    '<p>',
    '</p>',
    '<h2 id="x">',
    '</h2>',
    '<script type="application/json">{"a":"hidden words"}</script>',
    '<form hidden><label>Form words</label></form>',
    '<span aria-hidden="true">Icon words</span>',
    '<!-- a comment -->',
    '<br>',
    '&amp;',
    '&#39;',
    '&lt;b&gt;',
    '&nbsp;',
    '&unknown;',
    'Cigna’s',
    'Keytruda',
    'ÉCOLE de Médecine',
    ' 180 days ',
    '(source)',
  );
  it('reads the same words as the visible text, split into words, does', () => {
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 30 }), (parts) => {
        const html = parts.join('');
        expect([...visibleWords(html)]).toEqual([...textWords(visibleText(html))]);
      }),
      { numRuns: 500 },
    );
  });
});
