import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, deadline, formatLong } from '../../src/models/deadlines.ts';

describe('addDays', () => {
  it('counts calendar days across month ends and leap years', () => {
    expect(addDays('2026-01-31', 180)).toBe('2026-07-30'); // employer plan, denial dated 2026-01-31
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29'); // leap year
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-15', 65)).toBe('2027-02-18'); // Medicare Advantage across a year end
    expect(addDays('2026-03-01', 60)).toBe('2026-04-30');
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
});

describe('addMonths', () => {
  it('keeps the day of the month when it exists', () => {
    expect(addMonths('2026-01-15', 4)).toBe('2026-05-15');
    expect(addMonths('2028-02-29', 4)).toBe('2028-06-29');
    expect(addMonths('2026-09-30', 6)).toBe('2027-03-30');
  });
  it('moves to the first day of the next month when the day does not exist', () => {
    expect(addMonths('2026-10-31', 4)).toBe('2027-03-01'); // no February 31
    expect(addMonths('2027-10-31', 4)).toBe('2028-03-01'); // no February 31 in a leap year either
    expect(addMonths('2026-01-31', 4)).toBe('2026-05-31');
    expect(addMonths('2026-05-31', 4)).toBe('2026-10-01'); // no September 31
  });
});

describe('deadline', () => {
  it('applies a rule in days or months', () => {
    expect(deadline({ amount: 180, unit: 'days' }, '2026-01-31')).toBe('2026-07-30');
    expect(deadline({ amount: 4, unit: 'months' }, '2026-01-31')).toBe('2026-05-31');
    expect(formatLong('2026-07-30')).toBe('July 30, 2026');
  });
  it('rejects impossible dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow('No such date');
    expect(() => addDays('31/01/2026', 1)).toThrow('Not a YYYY-MM-DD date');
  });
});
