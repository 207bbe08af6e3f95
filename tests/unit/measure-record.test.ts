// An edit rebuild measures again only the sibling groups an edit reached. Held to the full measure on random sites
// and random edits (pages changed, removed and added), and shown to read nothing when nothing changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureIncrementally, type MeasureInput } from '../../src/generator/measure-record.ts';
import { measureUniqueness, type MeasuredPage } from '../../src/measure/page-uniqueness.ts';

/** One cell of the matrix in two builds: its phrases before and after the edit (null: not built then). */
interface Cell {
  payer: number;
  item: number;
  reason: number;
  before: number[] | null;
  after: number[] | null;
}

const phrases = (pool: number) =>
  fc.option(fc.uniqueArray(fc.integer({ min: 1, max: pool }), { maxLength: pool }), { freq: 6 });

const edits = fc
  .record({
    payers: fc.integer({ min: 1, max: 4 }),
    items: fc.integer({ min: 1, max: 5 }),
    reasons: fc.integer({ min: 1, max: 2 }),
    pool: fc.integer({ min: 4, max: 30 }),
  })
  .chain(({ payers, items, reasons, pool }) =>
    fc
      .array(
        fc.record({
          before: phrases(pool),
          // Most cells keep their text; some change, vanish or appear.
          change: fc.oneof({ weight: 4, arbitrary: fc.constant('same' as const) }, phrases(pool)),
        }),
        { minLength: payers * items * reasons, maxLength: payers * items * reasons },
      )
      .map((cells) =>
        cells.map(({ before, change }, n): Cell => ({
          payer: n % payers,
          item: Math.floor(n / payers) % items,
          reason: Math.floor(n / (payers * items)),
          before,
          after: change === 'same' ? before : change,
        })),
      ),
  );

function pageOf(cell: Cell, list: number[]): MeasuredPage {
  return {
    path: `/p${cell.payer}/i${cell.item}/r${cell.reason}/`,
    payer: `p${cell.payer}`,
    item: `i${cell.item}`,
    reason: `r${cell.reason}`,
    phrases: Uint32Array.from(new Set(list.map((v) => (v * 2654435761) >>> 0))).sort(),
  };
}

/** The measure's inputs for one build, counting how many pages it reads. */
function inputsOf(cells: readonly Cell[], when: 'before' | 'after', reads: { n: number }): MeasureInput[] {
  return cells
    .filter((c) => c[when] !== null)
    .map((cell) => {
      const page = pageOf(cell, cell[when]!);
      return {
        path: page.path,
        payer: page.payer,
        item: page.item,
        reason: page.reason,
        key: Array.from(page.phrases).join(','),
        read: () => {
          reads.n++;
          return page;
        },
      };
    });
}

describe('measureIncrementally', () => {
  it('gives the full measure of the edited site, from the record of the one before', () => {
    fc.assert(
      fc.property(edits, (cells) => {
        const first = measureIncrementally(inputsOf(cells, 'before', { n: 0 }), undefined);
        const reads = { n: 0 };
        const after = inputsOf(cells, 'after', reads);
        const again = measureIncrementally(after, first.record);
        expect(again.measures).toEqual(measureUniqueness(after.map((i) => i.read())));
        expect(again.read).toBe(reads.n - after.length);
        // A rebuild from the new record with nothing changed reads no page and gives the same figures.
        const idle = { n: 0 };
        const unchanged = measureIncrementally(inputsOf(cells, 'after', idle), again.record);
        expect(unchanged.read).toBe(0);
        expect(idle.n).toBe(0);
        expect(unchanged.measures).toEqual(again.measures);
      }),
      { numRuns: 400 },
    );
  });

  it('reads only the pages that share a group with a changed page, and their groups', () => {
    // Two reasons: an edit on reason r0 reads none of r1's pages.
    const cells: Cell[] = [];
    for (let reason = 0; reason < 2; reason++)
      for (let payer = 0; payer < 3; payer++)
        for (let item = 0; item < 3; item++)
          cells.push({ payer, item, reason, before: [payer, item, 9], after: [payer, item, 9] });
    cells[0]!.after = [1, 2, 3, 4];
    const first = measureIncrementally(inputsOf(cells, 'before', { n: 0 }), undefined);
    const reads = { n: 0 };
    const again = measureIncrementally(inputsOf(cells, 'after', reads), first.record);
    expect(reads.n).toBe(9);
    expect(again.read).toBe(9);
  });
});
