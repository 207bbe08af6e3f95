// data/holidays.yaml: the federal holidays a deadline that "moves to the next business day" skips, as the law
// lists them (a fixed date, or the nth weekday of a month), with the rule for one that falls on a weekend.
import { z } from 'zod';
import { httpsUrl, isoDate, text } from './primitives.ts';

export const holidaySchema = z.union([
  z.strictObject({ name: text, month: z.int().min(1).max(12), day: z.int().min(1).max(31) }),
  z.strictObject({
    name: text,
    month: z.int().min(1).max(12),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: z.int().min(0).max(6),
    /** 1–4, or -1 for the last one in the month. */
    nth: z.union([z.int().min(1).max(4), z.literal(-1)]),
  }),
]);

export const holidaysSchema = z.strictObject({
  /** Where the list comes from. */
  citation: text,
  url: httpsUrl,
  checked: isoDate,
  /** A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. */
  observeWeekendHolidays: z.boolean(),
  holidays: z.array(holidaySchema).min(1),
});

export type Holidays = z.infer<typeof holidaysSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
