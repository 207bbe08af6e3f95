// data/facts.yaml: every legal or numeric claim a page states, with its citation, source and verification date.
import { z } from 'zod';
import { httpsUrl, isoDate, itemKind, planLine, slug, text } from './primitives.ts';

/**
 * A deadline or decision time the page's calculator and its table offer: for which plan lines (and item kinds),
 * what it is for and what it counts from. The amount and unit are the fact's own value and unit.
 */
export const deadlineRuleSchema = z.strictObject({
  planLines: z.array(planLine).min(1),
  /** Only for these item kinds (a Part D rule is for drugs); every kind when left out. */
  kinds: z.array(itemKind).min(1).optional(),
  /** The plan type as the calculator names it. */
  plan: text,
  /** What the time is for, e.g. "File the internal appeal". */
  label: text,
  /** What it is counted from, e.g. "the date on the notice". */
  countsFrom: text,
});

export const factSchema = z.strictObject({
  /** Templates and angles cite facts by this id. */
  id: slug,
  /** Row id in shared/appeal-facts.md, for tracing the research. */
  ref: z
    .string()
    .regex(/^F\d+\.\d+$/, { error: 'must look like F2.01' })
    .optional(),
  /** The claim in plain words, as printed on pages. */
  statement: text,
  value: z.number().optional(),
  unit: text.optional(),
  /** The regulation or statute, with paragraph. */
  citation: text,
  /** Official source of the citation. */
  url: httpsUrl,
  /** When the fact is a deadline or decision time, how the calculator offers it. */
  rule: deadlineRuleSchema.optional(),
  /** The day this fact was last checked against its source. */
  verified: isoDate,
});

export const factsSchema = z.array(factSchema).min(1);
export type Fact = z.infer<typeof factSchema>;
export type DeadlineRuleData = z.infer<typeof deadlineRuleSchema>;
