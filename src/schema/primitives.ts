// Building blocks shared by every data schema: slugs, https URLs, ISO dates, the closed sets.
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be a slug: lowercase a-z, 0-9 and single hyphens';

export const slug = z.string().regex(SLUG_PATTERN, { error: SLUG_MESSAGE });

/** Absolute https URL. `javascript:`, `http:` and relative links are rejected here, at the data edge. */
export const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be an absolute https:// URL',
});

export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const text = z.string().trim().min(1);

export const ITEM_KINDS = ['drug', 'test', 'procedure', 'device'] as const;
export const itemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKind>;

/**
 * Plan lines a payer runs. Each has its own appeal rules (data/facts.yaml) and its own entry in
 * data/plan-lines.yaml: employer-insured and employer-self-funded are job-based plans from a private employer or
 * union; individual is individual and family coverage, Marketplace plans included.
 */
export const PLAN_LINES = [
  'employer-insured',
  'employer-self-funded',
  'individual',
  'medicare-advantage',
  'part-d',
  'medicaid-managed-care',
  'fehb',
] as const;
export const planLine = z.enum(PLAN_LINES);
export type PlanLine = z.infer<typeof planLine>;

/** Which side of a plan pays: the medical benefit (clinic, hospital, infusion) or the pharmacy benefit. */
export const BENEFITS = ['medical', 'pharmacy'] as const;
export const benefit = z.enum(BENEFITS);
export type Benefit = z.infer<typeof benefit>;

/** Units a deadline or decision time is counted in. */
export const TIME_UNITS = ['calendar-days', 'business-days', 'months', 'hours'] as const;
export const timeUnit = z.enum(TIME_UNITS);
export type TimeUnit = z.infer<typeof timeUnit>;

/**
 * What a deadline or decision time counts from. The calculator asks for the dates it needs: the date on the
 * denial notice and the day it arrived, and the date on the decision on the appeal and the day it arrived.
 */
export const TIME_EVENTS = [
  'notice-date',
  'notice-receipt',
  'appeal-decision-date',
  'appeal-decision-receipt',
  'request-receipt',
] as const;
export const timeEvent = z.enum(TIME_EVENTS);
export type TimeEvent = z.infer<typeof timeEvent>;

/** Where a rule holds: the plan lines it is law for, and (when narrower) the item kinds and the benefit. */
export const scope = z.strictObject({
  planLines: z.array(planLine).min(1),
  /** Every kind when left out. */
  kinds: z.array(itemKind).min(1).optional(),
  /** Both benefits when left out. */
  benefits: z.array(benefit).min(1).optional(),
});
export type Scope = z.infer<typeof scope>;

export const formerSlugs = z.array(slug).default([]);
