// Deadline arithmetic against answers worked out by hand from the regulations, using the rules as they stand in
// data/facts.yaml (so a change to an amount or unit there shows up here) and the holidays in data/holidays.yaml.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  deadlineFrom,
  formatLong,
  holidaysIn,
  isDate,
  nextBusinessDay,
} from '../../src/models/deadlines.ts';
import { factsSchema, holidaysSchema } from '../../src/schema/index.ts';

const facts = new Map(
  factsSchema.parse(parse(readFileSync('data/facts.yaml', 'utf8'))).map((f) => [f.id, f]),
);
const holidays = holidaysSchema.parse(parse(readFileSync('data/holidays.yaml', 'utf8')));

/** The last day to act under the fact's calculator row, counted from `from`. */
function due(id: string, from: string) {
  const fact = facts.get(id)!;
  const row = {
    amount: fact.amount!,
    unit: fact.unit!,
    monthOverflow: fact.calculator!.monthOverflow,
    nextBusinessDay: fact.calculator!.nextBusinessDay,
  };
  return deadlineFrom(row, from, holidays);
}

describe('deadlines from the rules in data/facts.yaml', () => {
  it.each([
    // [fact, counted from, last day by the rule, moved to (next business day), why]
    [
      'internal-appeal-window',
      '2026-01-31',
      '2026-07-30',
      undefined,
      'employer plan: 180 days from a letter dated Jan 31',
    ],
    ['internal-appeal-window', '2026-02-05', '2026-08-04', undefined, 'the same letter received on Feb 5'],
    [
      'external-review-window',
      '2026-10-30',
      '2027-03-01',
      undefined,
      "the regulation's own example: no February 30",
    ],
    [
      'external-review-window',
      '2026-10-31',
      '2027-03-01',
      undefined,
      'no February 31: the first day of the fifth month',
    ],
    ['external-review-window', '2027-10-29', '2028-02-29', undefined, 'a leap day exists in 2028'],
    ['external-review-window', '2026-03-18', '2026-07-18', '2026-07-20', 'a Saturday moves to Monday'],
    [
      'external-review-window',
      '2026-03-03',
      '2026-07-03',
      '2026-07-06',
      'July 4, 2026 is a Saturday, observed Friday',
    ],
    ['external-review-window', '2026-07-26', '2026-11-26', '2026-11-27', 'Thanksgiving'],
    ['external-review-window', '2027-08-31', '2027-12-31', '2028-01-03', 'New Year 2028 falls on a Saturday'],
    [
      'ma-reconsideration-window',
      '2026-12-15',
      '2027-02-18',
      undefined,
      'Medicare Advantage: 65 days over a year end',
    ],
    [
      'partd-redetermination-window',
      '2026-01-31',
      '2026-04-06',
      undefined,
      'Part D: 65 days from the date on the notice',
    ],
    ['partd-ire-request', '2026-06-01', '2026-07-31', undefined, 'Part D: 60 days from the redetermination'],
    ['medicaid-plan-appeal-window', '2026-03-01', '2026-04-30', undefined, 'Medicaid: 60 days'],
    [
      'medicaid-continue-benefits',
      '2026-03-01',
      '2026-03-11',
      undefined,
      'Medicaid: 10 days to keep benefits',
    ],
    [
      'medicaid-fair-hearing-window',
      '2026-05-20',
      '2026-08-18',
      undefined,
      'Medicaid: at least 90 days for a fair hearing',
    ],
    [
      'fehb-reconsideration-window',
      '2026-08-31',
      '2027-02-28',
      undefined,
      'FEHB: 6 months, no February 31: month end',
    ],
    ['fehb-opm-review', '2026-01-10', '2026-04-10', undefined, 'FEHB: 90 days to ask OPM'],
  ] as [string, string, string, string | undefined, string][])(
    '%s from %s is %s (%s)',
    (id, from, last, moved) => {
      expect(due(id, from)).toEqual(moved ? { due: last, moved } : { due: last });
    },
  );

  it('counts each deadline from the event its rule names', () => {
    expect(facts.get('internal-appeal-window')!.countsFrom).toBe('notice-receipt');
    expect(facts.get('external-review-window')!.countsFrom).toBe('appeal-decision-receipt');
    expect(facts.get('ma-reconsideration-window')!.countsFrom).toBe('notice-date');
    expect(facts.get('medicaid-fair-hearing-window')!.countsFrom).toBe('appeal-decision-date');
  });

  it('gives decision times in hours no date', () => {
    expect(due('urgent-appeal-decision', '2026-01-31')).toBeUndefined();
  });
});

describe('date arithmetic', () => {
  it('counts calendar days across month ends and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('is the inverse of subtracting the same days', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        (d, n) => {
          const date = d.toISOString().slice(0, 10);
          expect(addDays(addDays(date, n), -n)).toBe(date);
        },
      ),
    );
  });

  it('adds months keeping the day, or overflowing to month end or the next month first', () => {
    expect(addMonths('2028-02-29', 4)).toBe('2028-06-29');
    expect(addMonths('2026-05-31', 4, 'next-month-first')).toBe('2026-10-01');
    expect(addMonths('2026-05-31', 4, 'month-end')).toBe('2026-09-30');
    expect(addMonths('2026-01-31', 1, 'month-end')).toBe('2026-02-28');
  });

  it('never lands a next-business-day deadline on a weekend or holiday', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (d) => {
          const day = nextBusinessDay(d.toISOString().slice(0, 10), holidays);
          const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
          expect(weekday).not.toBe(0);
          expect(weekday).not.toBe(6);
          expect(holidaysIn(holidays, Number(day.slice(0, 4))).has(day)).toBe(false);
        },
      ),
    );
  });

  it('knows the federal holidays of a year, with observed days', () => {
    const days = holidaysIn(holidays, 2026);
    for (const day of [
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ])
      expect(days.has(day), day).toBe(true);
  });

  it('tells a real date from a malformed one', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('31/01/2026')).toBe(false);
    expect(formatLong('2026-07-30')).toBe('July 30, 2026');
  });
});
