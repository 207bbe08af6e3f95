// data/facts.yaml: every legal or numeric claim a page states, with where it holds, its citation, its official
// source and the day it was last checked. Deadlines and decision times carry their amount, unit and what they
// count from, and the facts with a `calculator` block are the rows of the deadline calculator.
import { z } from 'zod';
import { httpsUrl, isoDate, scope, slug, text, timeEvent, timeUnit } from './primitives.ts';

export const calculatorRowSchema = z.strictObject({
  /** What the row is for, e.g. "File the internal appeal". */
  label: text,
  /** A deadline you must meet (counted from a date you enter), or a time the plan or reviewer has to decide. */
  kind: z.enum(['deadline', 'decision']),
  /** A time for urgent or expedited cases. */
  expedited: z.boolean().default(false),
  /**
   * When the source says so: a deadline on a Saturday, Sunday or federal holiday moves to the next business day
   * (data/holidays.yaml lists the holidays).
   */
  nextBusinessDay: z.boolean().default(false),
  /**
   * Months counted from a date with no matching day (August 31 + 6 months): the first day of the month after, when
   * the source says so; otherwise the last day of the month, the earlier and safer reading.
   */
  monthOverflow: z.enum(['month-end', 'next-month-first']).default('month-end'),
});

export const factSchema = z
  .strictObject({
    /** Templates and angles cite facts by this id. */
    id: slug,
    /** Row id in shared/appeal-facts.md, for tracing the research. */
    ref: z
      .string()
      .regex(/^F\d+\.\d+$/, { error: 'must look like F2.01' })
      .optional(),
    /**
     * The claim in plain words, as printed on pages. It names the plan line it speaks of; "{plans}" is printed as
     * those of the fact's plan lines the page's payer runs ("an employer plan or an individual or Marketplace plan").
     */
    statement: text,
    /** Where the claim holds: a page shows it only for a payer that runs one of these plan lines. */
    appliesTo: scope,
    /** A number of days, months or hours, when the claim is a deadline or a decision time. */
    amount: z.number().positive().optional(),
    unit: timeUnit.optional(),
    /** What the amount counts from. */
    countsFrom: timeEvent.optional(),
    /** When the claim is a row of the deadline calculator. */
    calculator: calculatorRowSchema.optional(),
    /** The regulation or statute, with paragraph. */
    citation: text,
    /** Official source of the citation. */
    url: httpsUrl,
    /** The day someone last compared this claim with the text of its source. */
    checked: isoDate,
    /** Where that text was read, when it was a copy rather than `url` (a mirror of the eCFR, for example). */
    checkedIn: httpsUrl.optional(),
    /**
     * `unchecked` when the current text of the source could not be read: the claim rests on an older copy or on
     * official guidance only. Pages then show it without a "checked" date, and `check` warns.
     */
    status: z.enum(['checked', 'unchecked']).default('checked'),
    /** For editors: what was read, what is uncertain. Never printed. */
    note: text.optional(),
  })
  .refine((f) => (f.amount === undefined) === (f.unit === undefined), {
    error: 'amount and unit go together: give both or neither',
    path: ['unit'],
  })
  .refine((f) => !f.calculator || (f.amount !== undefined && f.countsFrom !== undefined), {
    error: 'a calculator row needs amount, unit and countsFrom',
    path: ['calculator'],
  });

export const factsSchema = z.array(factSchema).min(1);
export type Fact = z.infer<typeof factSchema>;
export type CalculatorRow = z.infer<typeof calculatorRowSchema>;
